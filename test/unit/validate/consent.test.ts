import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { rosterFrom } from '../../../src/roster/config/from-yaml.js';
import { consentNeeded } from '../../../src/validate/decide/consent.js';
import { fixtureText } from '../fixtures/roster/load.js';

const NOW = new Date('2026-11-23T00:00:00Z');
const side = (text: string) => {
  const value: unknown = parse(text);
  return { value, roster: rosterFrom(value) };
};
const base = fixtureText('live-incident');
const withOverride = (entry: string, text = base) =>
  text.replace('\nleave:', `  - ${entry}\n\nleave:`);

describe('whose word a swap or a cover needs', () => {
  it('names the person covering and the person covered, and points at the added entry', () => {
    // amy takes luc's primary turn on Wednesday afternoon; ivy stays the backup.
    const head = withOverride(
      '{ schedule: live-incident, person: amy, from: 2026-11-25T13:00, to: 2026-11-25T17:00 }',
    );

    expect(consentNeeded(side(base), side(head), NOW)).toEqual({
      people: ['amy', 'luc'],
      first: 1,
    });
  });

  it('asks nobody for a change that does more than add overrides, or records the past', () => {
    const more = withOverride(
      '{ schedule: live-incident, person: amy, from: 2026-11-25T13:00, to: 2026-11-25T17:00 }',
    ).replace('handoff: mon 08:00', 'handoff: mon 09:00');
    const past = withOverride(
      '{ schedule: live-incident, person: amy, from: 2026-11-18T13:00, to: 2026-11-18T17:00 }',
    );

    expect(consentNeeded(side(base), side(more), NOW)).toBeUndefined();
    expect(consentNeeded(side(base), side(past), NOW)).toBeUndefined();
  });
});
