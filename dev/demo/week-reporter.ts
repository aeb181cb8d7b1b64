import type { Reporter, TestCase, TestModule } from 'vitest/node';
import type { SerializedError } from 'vitest';

/**
 * `demo --week`: a preset's scenario week told as a story. Each test of the week is one moment
 * (its name says when and what happens); under it, what the kit's runs showed people, as the
 * scenario harness recorded it (dev/harness/told.ts), then whether the checks held. No test
 * runner chrome, and colour only on a terminal.
 */

const tty = process.stdout.isTTY === true && !process.env.NO_COLOR;
const paint = (code: number, reset: number) => (text: string) =>
  tty ? `\u001b[${code}m${text}\u001b[${reset}m` : text;
const bold = paint(1, 22);
const dim = paint(2, 22);
const green = paint(32, 39);
const red = paint(31, 39);

export default class WeekReporter implements Reporter {
  private readonly seenSuites = new Set<string>();
  private passed = 0;
  private failed = 0;

  onTestCaseResult(test: TestCase): void {
    const suite = test.parent.type === 'suite' ? test.parent.name : undefined;
    if (suite && !this.seenSuites.has(suite)) {
      this.seenSuites.add(suite);
      out(`\n${bold(capitalised(suite))}`);
    }
    out(`\n${bold(test.name)}`);
    for (const line of test.meta().told ?? []) out(`  ${line.startsWith('  ') ? line : dim(line)}`);
    const result = test.result();
    if (result.state === 'passed') {
      this.passed += 1;
      out(`  ${green('✓')} as the week expects`);
    } else if (result.state === 'failed') {
      this.failed += 1;
      const first = result.errors?.[0]?.message.split('\n')[0] ?? 'failed';
      out(`  ${red('✗')} not as the week expects: ${first}`);
    }
  }

  onTestRunEnd(_modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<SerializedError>): void {
    for (const error of errors) out(red(`error: ${error.message}`));
    out(
      `\n${this.passed + this.failed} moments, ${this.passed} as expected${this.failed ? `, ${red(`${this.failed} not`)}` : ''}.`,
    );
  }
}

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
