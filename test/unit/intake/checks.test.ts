import { describe, expect, it } from 'vitest';
import { checkIntake } from '../../../src/intake/config/checks.js';
import { formatProblem } from '../../../src/kernel/problems.js';
import { parseYaml } from '../../../src/kernel/yaml.js';

function problemsOf(text: string): string[] {
  const { yaml } = parseYaml('.github/support-kit/intake.yaml', text);
  if (!yaml) throw new Error('the fixture is not YAML');
  return checkIntake(yaml).map(formatProblem);
}

describe('intake.yaml patterns', () => {
  it('accepts a pattern RE2 runs, nested repetition included', () => {
    expect(problemsOf("title:\n  pattern: '^(a+)+$'\n")).toEqual([]);
  });

  it('refuses a lookahead at the line and column of the pattern', () => {
    expect(problemsOf("title:\n  pattern: '^(?=.*\\d)'\n")).toEqual([
      '.github/support-kit/intake.yaml:2:12: error: not a pattern the kit can run: lookahead `(?=` is not supported: patterns run on RE2, which matches in linear time and has no lookaround or backreferences (docs/intake.md#patterns)',
    ]);
  });

  it('refuses a backreference in a field rule, at its line', () => {
    const text = [
      'templates:',
      '  escalation:',
      '    fields:',
      '      customer:',
      '        pattern: "(\\\\w)\\\\1"',
      '',
    ].join('\n');
    expect(problemsOf(text)).toEqual([
      expect.stringMatching(
        /^\.github\/support-kit\/intake\.yaml:5:18: error: not a pattern the kit can run: backreference `\\1` is not supported/,
      ),
    ]);
  });
});
