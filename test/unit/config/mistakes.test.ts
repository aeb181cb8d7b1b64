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

  it.each([
    [
      'a key one space short',
      ['  dan: { site: paris }', ' dan: { site: paris }'],
      /roster\.yaml:6:\d+: error: this key is not lined up with the keys above it: keys of one map start at the same column \(count the spaces\)$/,
    ],
    [
      'a tab for indentation',
      ['  dan: { site: paris }', '\tdan: { site: paris }'],
      /roster\.yaml:6:\d+: error: a tab indents this line: YAML indents with spaces only$/,
    ],
    [
      'a list left open',
      ['members: [chloe, dan]', 'members: [chloe, dan'],
      /roster\.yaml:\d+:\d+: error: a (list|map) opened with "[[{]" is not closed before this line: end it with "[\]}]"$/,
    ],
    [
      'a missing colon',
      ['version: 1', 'version 1'],
      /roster\.yaml:1:1: error: this line is not "key: value": a key needs a colon and a space after it, as in "timezone: Europe\/Paris"$/,
    ],
    [
      'a handle starting with @',
      ['dan: { site: paris }', 'dan: { site: paris, github: @dan }'],
      /roster\.yaml:6:\d+: error: a value cannot start with @ unless it is quoted: put it in quotes, as in "@\.\.\."$/,
    ],
    [
      'an asterisk read as an alias',
      ['dan: { site: paris }', 'dan: { site: *paris }'],
      /roster\.yaml:6:\d+: error: "\*paris" reads as a YAML alias, and no "&paris" anchor comes before it: quote the value \("\*paris"\) if you meant the text$/,
    ],
  ])(
    'a YAML slip, %s, is one line in plain words with the fix',
    async (_name, [from, to], said) => {
      expect(await problems(ROSTER.replace(from ?? '', to ?? ''))).toEqual([
        expect.stringMatching(said),
      ]);
    },
  );
});
