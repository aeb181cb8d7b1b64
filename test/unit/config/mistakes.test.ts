import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigFolder } from '../../../src/config/load.js';
import { workspaceSource } from '../../../src/config/sources.js';
import { formatProblem } from '../../../src/kernel/problems.js';
import { CONFIG_FILES } from '../../../src/validate/config-files.js';
import { tempDir } from '../../temp.js';

/** The mistakes a new user makes in roster.yaml, and the one line each gets. */
const ROSTER = `version: 1
sites:
  paris: { timezone: Europe/Paris }
people:
  chloe: { site: paris }
  dan: { site: paris }
rotations:
  weekly: { members: [chloe, dan], period: week, handoff: mon 08:00, site: paris, anchor: 2026-01-05 }
schedules:
  desk: { layers: [{ rotation: weekly }] }
`;

async function problems(roster: string): Promise<string[]> {
  const root = tempDir('sk-mistakes-');
  await mkdir(join(root, '.github/support-kit'), { recursive: true });
  await writeFile(join(root, '.github/support-kit/roster.yaml'), roster);
  const config = await loadConfigFolder(workspaceSource(root, '.github/support-kit'), CONFIG_FILES);
  return config.problems.map(formatProblem);
}

describe('a new user\u2019s mistakes in roster.yaml, each said once with the fix', () => {
  it('a misspelt key is one problem with "did you mean", not also a missing field', async () => {
    expect(await problems(ROSTER.replace('handoff: mon', 'handof: mon'))).toEqual([
      expect.stringMatching(
        /roster\.yaml:8:\d+: error: rotations\.weekly: unknown field "handof" .*; did you mean "handoff"\?$/,
      ),
    ]);
  });

  it('a time past 23:59 is named as out of range', async () => {
    expect(await problems(ROSTER.replace('mon 08:00', 'mon 25:00'))).toEqual([
      expect.stringMatching(/"25:00" is not a time of day: hours go from 00 to 23/),
    ]);
  });

  it('a misspelt site or person gets the name it is closest to', async () => {
    expect(await problems(ROSTER.replace('dan: { site: paris }', 'dan: { site: pariss }'))).toEqual(
      [expect.stringMatching(/unknown site "pariss" \(sites: paris\); did you mean "paris"\?$/)],
    );
    expect(
      await problems(ROSTER.replace('members: [chloe, dan]', 'members: [chloe, dann]')),
    ).toEqual([
      expect.stringMatching(/unknown person "dann": add them under people; did you mean "dan"\?$/),
    ]);
  });

  it('a name far from every known one gets no guess', async () => {
    expect(
      await problems(ROSTER.replace('members: [chloe, dan]', 'members: [chloe, zebulon]')),
    ).toEqual([expect.stringMatching(/unknown person "zebulon": add them under people$/)]);
  });
});
