import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, runNode } from '../../dev/harness/run-action.js';

const cli = join(projectRoot(), 'dist', 'cli', 'index.js');

const demo = (args: string[], env: Record<string, string> = {}) =>
  runNode([cli, 'demo', ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    cwd: projectRoot(),
  });

/** The lines that are neither a comment's text nor the report's, nor blank. */
const headline = (stdout: string) =>
  stdout.split('\n').filter((line) => line.trim() !== '' && !/^\s*[│┆]/.test(line));

describe('npm start: the escalation story', () => {
  let story: Awaited<ReturnType<typeof demo>>;
  beforeAll(async () => {
    // A zone far from every site of the story: nothing in it may depend on the machine's.
    story = await demo([], { TZ: 'Pacific/Chatham' });
  });

  it('ends with exit 0 when every run ends as the story needs', () => {
    expect(story.stderr).toBe('');
    expect(story.exitCode).toBe(0);
  });

  it('tells the same story whatever the day and the zone it is told in (golden file)', async () => {
    await expect(story.stdout).toMatchFileSnapshot('golden/demo-escalation.txt');
  });

  it('tells what happened in under 60 lines, beside the comments and the report people read', () => {
    expect(headline(story.stdout).length).toBeLessThan(60);
  });

  it('holds the S1 opened at 3 AM Paris in the DST week, then gives it to Paris at 08:00', () => {
    expect(story.stdout).toContain(
      'Tue 27 Oct, 03:00 Paris (Mon 26 Oct, 19:00 San Francisco, the evening gap)',
    );
    expect(story.stdout).toContain(
      'Coverage resumes at 2026-10-27T08:00:00+01:00 with **chloe**; the issue waits for them.',
    );
    expect(story.stdout).toMatch(/−oncall\/no-coverage; assigned chloe; a comment edited in place/);
  });

  it('lists as late in the report exactly the issue escalation escalated, on the same goal', () => {
    expect(story.stdout).toContain(
      'Breached in the report: #3 1h; escalated: #3 1h (the same goals, the same verdicts).',
    );
  });
});
