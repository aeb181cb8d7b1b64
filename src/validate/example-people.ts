import type { LoadedConfig } from '../config/load.js';
import type { ConfigProblem } from '../kernel/problems.js';
import { locate } from '../kernel/yaml.js';

/**
 * The line `init` writes under `people:` of a preset's roster. While it is there, the roster is
 * the preset's cast, not the team: issues would be assigned to strangers' logins.
 */
export const EXAMPLE_PEOPLE_LINE =
  "support-kit init: these are the preset's example people. Put your team here, then delete this line.";

export function examplePeople(config: LoadedConfig): ConfigProblem[] {
  const roster = config.files.find((f) => f.spec.name === 'roster');
  if (!roster || !roster.yaml.doc.toString().includes(EXAMPLE_PEOPLE_LINE)) return [];
  return [
    {
      file: roster.path,
      ...locate(roster.yaml, ['people'], 'key'),
      severity: 'warning',
      message:
        "people: still the preset's example people (the line init wrote under people: is there): put your team's logins and sites here, then delete that line",
    },
  ];
}
