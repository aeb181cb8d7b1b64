import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, runNode } from '../../dev/harness/run-action.js';

const cli = join(projectRoot(), 'dist', 'cli', 'index.js');

const demo = (args: string[], env: Record<string, string> = {}) =>
  runNode([cli, 'demo', ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    cwd: projectRoot(),
  });

/** What intake puts on the first issue of each preset's story once it has read its form. */
const FIRST_ISSUE_LABELS: Record<string, string[]> = {
  'support-triage': ['status/0-triage', 'env/upgrade'],
  'daily-rotation': ['status/0-triage', 'kind/incident', 'area/apps'],
  'sev1-playbook': ['status/0-triage', 'S1-broken', 'escalated-by/tam', 'db/postgres'],
  'live-incident': ['status/0-triage', 'via/hotline', 'site/scf'],
};

describe('npm start -- --preset NAME', () => {
  it.each(Object.entries(FIRST_ISSUE_LABELS))(
    "plays the story on the %s preset, its issues written on that preset's own form",
    async (preset, labels) => {
      const { exitCode, stdout } = await demo(['--preset', preset]);

      expect(exitCode).toBe(0);
      expect(stdout).toContain(`preset      ${preset} (config/presets/${preset}:`);
      const added = /with every answer\n {2}issues\.yml \([^)]*\): #\d+: ([^;]*);/.exec(stdout);
      const onIssue = (added?.[1] ?? '').split(' ').map((l) => l.replace(/^\+/, ''));
      expect(onIssue).toEqual(expect.arrayContaining(labels));
      // The incomplete issue is asked for what it lacks, and thanked once the edit completes it.
      expect(stdout).toMatch(/a comment edited in place\n\s+│ Thanks!/);
      expect(stdout).toMatch(/^Mon 2 Nov, \d\d:17 [\w/]+: the report workflow's Monday run/m);
    },
  );
});
