import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ConcurrencyGroups,
  jobConcurrency,
  RunCancelled,
} from '../../../dev/harness/concurrency.js';
import { projectRoot } from '../../../dev/harness/run-action.js';

const context = { repository: 'acme/desk', event: { issue: { number: 7 } } };
const workflow = (concurrency: string) =>
  `on: issues\njobs:\n  j:\n    runs-on: ubuntu-24.04\n    concurrency:\n${concurrency}\n    steps:\n      - run: echo\n`;

describe('the concurrency of a workflow job, as the harness reads it', () => {
  it("reads the kit's desk lock from issues.yml, evaluated for the repository", () => {
    const text = readFileSync(join(projectRoot(), '.github/workflows/issues.yml'), 'utf8');
    expect(jobConcurrency('issues.yml', text, 'desk', context)).toEqual({
      group: 'support-kit-desk-acme/desk',
      queue: 'max',
    });
  });

  it('evaluates github.event paths, a missing one as the empty string, and defaults to queue: single', () => {
    const text = workflow(
      '      group: g-${{ github.event.issue.number }}-${{ github.event.pull_request.number }}',
    );
    expect(jobConcurrency('w.yml', text, 'j', context)).toEqual({ group: 'g-7-', queue: 'single' });
  });

  it('fails loudly, naming file and job, on an expression it cannot evaluate', () => {
    const text = workflow('      group: g-${{ github.ref }}');
    expect(() => jobConcurrency('w.yml', text, 'j', context)).toThrow(
      'w.yml job j: the harness cannot evaluate ${{ github.ref }} in concurrency.group',
    );
  });

  it('fails loudly on cancel-in-progress, which it cannot play', () => {
    const text = workflow('      group: g\n      cancel-in-progress: true');
    expect(() => jobConcurrency('w.yml', text, 'j', context)).toThrow(
      /cannot play cancel-in-progress/,
    );
  });
});

/** A run that finishes when the test says so, recording when it started. */
function gate(log: string[], name: string) {
  let open = () => {};
  const done = new Promise<void>((resolve) => (open = resolve));
  return {
    run: async () => {
      log.push(`start ${name}`);
      await done;
      log.push(`end ${name}`);
      return name;
    },
    open: () => open(),
  };
}

describe('concurrency groups, as the harness plays them', () => {
  it('runs of one group take turns in the order they came (queue: max), whatever the case of the name', async () => {
    const groups = new ConcurrencyGroups();
    const log: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((n) => gate(log, n));
    const runs = [
      groups.run({ group: 'Desk', queue: 'max' }, a!.run),
      groups.run({ group: 'desk', queue: 'max' }, b!.run),
      groups.run({ group: 'DESK', queue: 'max' }, c!.run),
    ];
    expect(log).toEqual(['start a']);
    a!.open();
    b!.open();
    c!.open();
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('runs of different groups overlap', async () => {
    const groups = new ConcurrencyGroups();
    const log: string[] = [];
    const [a, b] = ['a', 'b'].map((n) => gate(log, n));
    const runs = [
      groups.run({ group: 'issue-1', queue: 'single' }, a!.run),
      groups.run({ group: 'sweep', queue: 'single' }, b!.run),
    ];
    expect(log).toEqual(['start a', 'start b']);
    a!.open();
    b!.open();
    await Promise.all(runs);
  });

  it('with queue: single a newer waiting run cancels the one waiting before it', async () => {
    const groups = new ConcurrencyGroups();
    const log: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((n) => gate(log, n));
    const first = groups.run({ group: 'g', queue: 'single' }, a!.run);
    const second = groups.run({ group: 'g', queue: 'single' }, b!.run);
    const third = groups.run({ group: 'g', queue: 'single' }, c!.run);
    await expect(second).rejects.toThrow(RunCancelled);
    a!.open();
    c!.open();
    expect([await first, await third]).toEqual(['a', 'c']);
    expect(log).not.toContain('start b');
  });

  it('with queue: max the 101st waiting run is cancelled', async () => {
    const groups = new ConcurrencyGroups();
    const log: string[] = [];
    const running = gate(log, 'running');
    const first = groups.run({ group: 'g', queue: 'max' }, running.run);
    const waiting = Array.from({ length: 100 }, () =>
      groups.run({ group: 'g', queue: 'max' }, async () => 'waited'),
    );
    await expect(groups.run({ group: 'g', queue: 'max' }, async () => 'late')).rejects.toThrow(
      '100 runs already wait for g (queue: max)',
    );
    running.open();
    await first;
    expect(new Set(await Promise.all(waiting))).toEqual(new Set(['waited']));
  });
});
