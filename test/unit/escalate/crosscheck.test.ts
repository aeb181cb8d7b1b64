import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../../src/config/load.js';
import { formatProblem } from '../../../src/kernel/problems.js';
import { specNamed } from '../../../src/config/spec.js';
import { CONFIG_FILES } from '../../../src/validate/config-files.js';
import type { YamlFile } from '../../../src/kernel/yaml.js';
import { crossCheckEscalation } from '../../../src/escalate/config/crosscheck.js';
import { rosterFrom } from '../../../src/roster/config/from-yaml.js';
import type { Roster } from '../../../src/roster/types.js';

const root = join(import.meta.dirname, '../../..');

function yamlOf(name: 'escalation.yaml' | 'roster.yaml', path: string, text: string): YamlFile {
  const loaded = checkFile(specNamed(CONFIG_FILES, name)!, path, text);
  if (!loaded.file) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return loaded.file.yaml;
}

const ROSTER = rosterFrom(
  yamlOf(
    'roster.yaml',
    'roster.yaml',
    readFileSync(join(root, 'config/presets/follow-the-sun/roster.yaml'), 'utf8'),
  ).value,
);

/** `null`: no roster.yaml. */
const check = (text: string, roster: Roster | null = ROSTER, files: string[] = []) =>
  crossCheckEscalation(
    yamlOf('escalation.yaml', 'escalation.yaml', text),
    roster ?? undefined,
    (path) => files.includes(path),
    '.github/support-kit',
  ).map(formatProblem);

describe('escalation.yaml against roster.yaml and the playbooks', () => {
  it('a calendar roster.yaml does not have is an error at the goal that names it', () => {
    expect(
      check('response:\n  goals:\n    - minutes: 60\n      calendar: office\n', ROSTER),
    ).toEqual(['escalation.yaml:4:17: error: unknown calendar "office" (roster.yaml has: none)']);
  });

  it('a named calendar without any roster.yaml is an error', () => {
    expect(check('response:\n  calendar: business\n', null)).toEqual([
      'escalation.yaml:2:13: error: calendar "business" needs a roster.yaml with that calendar',
    ]);
  });

  it('a playbook whose checklist is missing is an error naming the file in the config folder', () => {
    const text = 'playbooks:\n  sev1:\n    labels: [S1]\n    file: playbooks/sev1.md\n';
    expect(check(text)).toEqual([
      'escalation.yaml:4:11: error: playbooks.sev1: .github/support-kit/playbooks/sev1.md does not exist',
    ]);
    expect(check(text, ROSTER, ['playbooks/sev1.md'])).toEqual([]);
  });

  it('a step assigning a role no schedule has is a warning: it would assign nobody', () => {
    expect(check('escalation:\n  steps:\n    - assign: backup\n')).toEqual([
      'escalation.yaml:3:15: warning: escalation.steps[0].assign: no schedule in roster.yaml has the role "backup" (it has primary), so this step assigns nobody for it',
    ]);
  });

  it('a follow-up assigned to a role no schedule has is a warning at its assign line', () => {
    const text =
      'playbooks:\n  sev1:\n    labels: [S1]\n    after-close:\n      - name: Retrospective\n        business-days: 1\n        assign: [assignees, backup]\n';
    expect(check(text, ROSTER, ['playbooks/sev1.md'])).toEqual([
      'escalation.yaml:7:17: warning: playbooks.sev1.after-close[0].assign: no schedule in roster.yaml has the role "backup", so "Retrospective" is not assigned to anyone for it',
    ]);
  });

  it.each(['escalation', 'live-incident', 'sev1-playbook', 'support-triage'])(
    'the %s preset passes against its own roster and playbooks',
    (preset) => {
      const folder = join(root, 'config/presets', preset);
      const rosterPath = join(folder, 'roster.yaml');
      const roster = existsSync(rosterPath)
        ? rosterFrom(yamlOf('roster.yaml', 'roster.yaml', readFileSync(rosterPath, 'utf8')).value)
        : undefined;
      const problems = crossCheckEscalation(
        yamlOf(
          'escalation.yaml',
          'escalation.yaml',
          readFileSync(join(folder, 'escalation.yaml'), 'utf8'),
        ),
        roster,
        (path) => existsSync(join(folder, path)),
      );
      expect(problems.map(formatProblem)).toEqual([]);
    },
  );
});
