import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, runNode } from '../../dev/harness/run-action.js';

const cli = join(projectRoot(), 'dist', 'cli', 'index.js');

/** What the first issue of each preset's story carries once intake has read its form. */
const FIRST_ISSUE_LABELS: Record<string, string[]> = {
  'support-triage': ['support', 'status/0-triage', 'env/upgrade'],
  'daily-rotation': ['support', 'status/0-triage', 'kind/incident', 'area/apps'],
  'sev1-playbook': ['incident', 'status/0-triage', 'S1-broken', 'escalated-by/tam', 'db/postgres'],
  'live-incident': ['incident', 'status/0-triage', 'via/hotline', 'site/scf'],
};

describe('npm start -- --preset NAME', () => {
  it.each(Object.entries(FIRST_ISSUE_LABELS))(
    "plays the story on the %s preset, its issues written on that preset's own form",
    async (preset, labels) => {
      const { exitCode, stdout } = await runNode([cli, 'demo', '--preset', preset], {
        env: { PATH: process.env.PATH ?? '' },
        cwd: projectRoot(),
      });

      expect(exitCode).toBe(0);
      expect(stdout).toContain(`preset      ${preset} (config/presets/${preset}:`);
      const line = /^Labels on #1: (.*) \(it had sev1/m.exec(stdout)?.[1] ?? '';
      expect(line.split(', ')).toEqual(expect.arrayContaining(labels));
      // The incomplete issue is asked for what it lacks, and thanked once the edit completes it.
      expect(stdout).toContain('comment on #2 created');
      expect(stdout).toMatch(/comment on #2 updated in place[\s\S]*Thanks!/);
      expect(stdout).toMatch(/Done: \d+ events, \d+ API requests in all\./);
      expect(stdout).toMatch(/^The weekly report: dist\/report exit 0, /m);
    },
  );
});
