import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkRoster } from '../../../src/roster/config/checks.js';
import { parseYaml, type YamlFile } from '../../../src/kernel/yaml.js';
import { RosterError, rosterFrom } from '../../../src/roster/config/from-yaml.js';
import { fixtureText, rosterOf, rosterValidator } from '../fixtures/roster/load.js';

const validate = rosterValidator();

const minimal = `
version: 1
sites:
  paris: { timezone: Europe/Paris }
people:
  chloe: { site: paris }
  dan: { site: paris }
rotations:
  weekly:
    members: [chloe, dan]
    period: week
    handoff: mon 09:00
    site: paris
    anchor: 2026-01-05
schedules:
  support:
    layers: [{ rotation: weekly }]
`;

/** The parts of the minimal roster the cases below edit. */
interface Doc {
  [key: string]: unknown;
  sites: { paris: { timezone: string } };
  people: Record<string, unknown>;
  rotations: { weekly: Record<string, unknown> & { members: string[] } };
  schedules: { support: { layers: Record<string, unknown>[]; roles?: string[] } };
}

/** The minimal roster after one edit. */
function variant(edit: (value: Doc) => void): unknown {
  const value = parse(minimal) as Doc;
  edit(value);
  return value;
}

function problemsOf(value: unknown): string[] {
  try {
    rosterFrom(value);
    return [];
  } catch (error) {
    if (!(error instanceof RosterError)) throw error;
    return error.problems.map((p) => `${p.path.join('.')}: ${p.message}`);
  }
}

describe('roster.schema.json', () => {
  it.each(['follow-the-sun', 'daily-rotation', 'live-incident'])(
    'accepts the %s roster of the seed processes',
    (name) => {
      const value: unknown = parse(fixtureText(name));
      expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
      expect(() => rosterFrom(value)).not.toThrow();
    },
  );

  it('accepts a minimal roster: one site, two people, one weekly rotation, one schedule', () => {
    expect(validate(parse(minimal))).toBe(true);
  });

  it.each([
    ['a zone abbreviation such as PST', (v: Doc) => (v.sites.paris.timezone = 'PST')],
    ['a bare city name such as Cambridge', (v: Doc) => (v.sites.paris.timezone = 'Cambridge')],
    [
      'a time range that is not HH:MM-HH:MM',
      (v: Doc) => (v.calendars = { c: { site: 'paris', hours: ['8-12'] } }),
    ],
    ['an hour that does not exist (25:00)', (v: Doc) => (v.rotations.weekly.handoff = 'mon 25:00')],
    ['a weekly rotation without a hand-off', (v: Doc) => delete v.rotations.weekly.handoff],
    ['a weekly rotation without a zone or site', (v: Doc) => delete v.rotations.weekly.site],
    ['a slot rotation without a calendar', (v: Doc) => (v.rotations.weekly.period = 'slot')],
    ['a shuffle without a seed', (v: Doc) => (v.rotations.weekly.order = 'shuffle')],
    ['an empty rotation', (v: Doc) => (v.rotations.weekly.members = [])],
    ['a member listed twice', (v: Doc) => (v.rotations.weekly.members = ['chloe', 'chloe'])],
    ['a login with @', (v: Doc) => (v.people['@chloe'] = { site: 'paris' })],
    ['an unknown top-level key', (v: Doc) => (v.oncall = true)],
    [
      'a window with both a calendar and hours',
      (v: Doc) =>
        (v.schedules.support.layers[0]!.window = {
          calendar: 'c',
          site: 'paris',
          hours: ['08:00-12:00'],
        }),
    ],
    ['a version other than 1', (v: Doc) => (v.version = 2)],
    [
      'an override with a zone offset in its time',
      (v: Doc) =>
        (v.overrides = [
          {
            schedule: 'support',
            person: 'dan',
            from: '2026-01-05T09:00+01:00',
            to: '2026-01-05T12:00',
          },
        ]),
    ],
  ])('rejects %s', (_what, edit) => {
    expect(validate(variant(edit))).toBe(false);
  });

  it('gives a friendly message for a zone abbreviation (x-message)', () => {
    validate(variant((v) => (v.sites.paris.timezone = 'PST')));
    const error = validate.errors?.find((e) => e.instancePath === '/sites/paris/timezone');
    expect((error?.parentSchema as { 'x-message'?: string })['x-message']).toMatch(
      /IANA time zone/,
    );
  });
});

describe('rosterFrom: what the schema cannot see', () => {
  it('names an unknown person in a rotation by path', () => {
    const value = variant((v) => v.rotations.weekly.members.push('zoe'));
    expect(problemsOf(value)).toEqual([
      'rotations.weekly.members.2: unknown person "zoe": add them under people',
    ]);
  });

  it('refuses a zone that looks right but does not exist', () => {
    expect(problemsOf(variant((v) => (v.sites.paris.timezone = 'Mars/Olympus_Mons')))).toEqual([
      'sites.paris.timezone: unknown time zone "Mars/Olympus_Mons"',
    ]);
  });

  it('refuses a weekly anchor that is not the hand-off weekday', () => {
    expect(problemsOf(variant((v) => (v.rotations.weekly.anchor = '2026-01-06')))).toEqual([
      'rotations.weekly.anchor: the anchor 2026-01-06 is a tue, not the hand-off day (mon)',
    ]);
  });

  it('refuses a backup role over a rotation of one member', () => {
    const value = variant((v) => {
      v.rotations.weekly.members = ['chloe'];
      v.schedules.support.roles = ['primary', 'backup'];
    });
    expect(problemsOf(value)[0]).toMatch(/fewer members than the schedule has roles/);
  });

  it('refuses a change dated before the anchor, and a start-with who is not a member', () => {
    const value = variant((v) => {
      v.rotations.weekly.changes = [
        { from: '2025-12-01', members: ['dan'], 'start-with': 'chloe' },
      ];
    });
    expect(problemsOf(value)).toEqual([
      'rotations.weekly.changes.0.from: a change cannot start before the anchor 2026-01-05',
      'rotations.weekly.changes.0.start-with: "chloe" is not one of the change\'s members',
    ]);
  });

  it('refuses an override of a role the schedule does not have', () => {
    const value = variant((v) => {
      v.overrides = [
        {
          schedule: 'support',
          role: 'backup',
          person: 'dan',
          from: '2026-01-05T09:00',
          to: '2026-01-05T12:00',
        },
      ];
    });
    expect(problemsOf(value)).toEqual([
      'overrides.0.role: schedule support has no role "backup" (roles: primary)',
    ]);
  });

  it('refuses an impossible anchor (2026-02-29) at its line and column instead of reading it as March', () => {
    const text = minimal.replace('anchor: 2026-01-05', 'anchor: 2026-02-29');
    const { yaml } = parseYaml('roster.yaml', text);
    expect(checkRoster(yaml as YamlFile)).toEqual([
      {
        file: 'roster.yaml',
        line: 14,
        column: 13,
        severity: 'error',
        message: 'rotations.weekly.anchor: 2026-02-29 is not a date on the calendar',
      },
    ]);
  });

  it('refuses an impossible holiday (2026-02-30), by path', () => {
    const value = variant((v) => {
      (v.sites.paris as Record<string, unknown>).holidays = [
        '2026-01-01',
        { date: '2026-02-30', name: 'Nope' },
      ];
    });
    expect(problemsOf(value)).toEqual([
      'sites.paris.holidays.1.date: 2026-02-30 is not a date on the calendar',
    ]);
  });

  it('accepts a part-day leave that ends with the day it starts (13:00 to the end of 2026-03-02)', () => {
    const value = variant((v) => {
      v.leave = [{ person: 'dan', from: '2026-03-02T13:00', to: '2026-03-02' }];
    });
    expect(problemsOf(value)).toEqual([]);
  });

  it('refuses a part-day leave that ends before it starts, compared as instants', () => {
    const value = variant((v) => {
      v.leave = [{ person: 'dan', from: '2026-03-02T13:00', to: '2026-03-02T09:00' }];
    });
    expect(problemsOf(value)).toEqual([
      'leave.0.to: ends (2026-03-02T09:00) before it starts (2026-03-02T13:00)',
    ]);
  });

  it('fills defaults: Mon-Fri work week, role primary, hold in gaps, fixed order, layer named after its rotation', () => {
    const roster = rosterOf(minimal);
    expect(roster.sites.paris?.workweek).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(roster.schedules.support).toMatchObject({
      roles: ['primary'],
      onGap: 'hold',
      layers: [{ name: 'weekly', rotation: 'weekly' }],
    });
    expect(roster.rotations.weekly).toMatchObject({
      order: { kind: 'fixed' },
      period: { unit: 'week', handoffDay: 'mon', handoffTime: 540, timezone: 'Europe/Paris' },
    });
  });

  it('reads an override in the zone of the person’s site unless it names one', () => {
    const roster = rosterOf(
      minimal +
        `overrides:
  - { schedule: support, person: dan, from: 2026-01-05T09:00, to: 2026-01-05T12:00 }
  - { schedule: support, person: dan, from: 2026-01-06T09:00, to: 2026-01-06T12:00, timezone: America/New_York }
`,
    );
    expect(roster.overrides.map((o) => o.timezone)).toEqual(['Europe/Paris', 'America/New_York']);
  });
});

describe('checkRoster: warnings', () => {
  it('warns at the hand-off when its local time does not exist on a DST day (sun 02:30 in Los Angeles), naming the dates', () => {
    const text = minimal
      .replace('paris: { timezone: Europe/Paris }', 'paris: { timezone: America/Los_Angeles }')
      .replace('handoff: mon 09:00', 'handoff: sun 02:30')
      .replace('anchor: 2026-01-05', 'anchor: 2026-01-04');
    const { yaml } = parseYaml('roster.yaml', text);
    expect(checkRoster(yaml as YamlFile)).toEqual([
      {
        file: 'roster.yaml',
        line: 12,
        column: 14,
        severity: 'warning',
        message:
          'rotations.weekly.handoff: 02:30 does not exist in America/Los_Angeles when the clocks go forward, so the hand-off moves on those days: Sun 2026-03-08 02:30 → 03:30; Sun 2027-03-14 02:30 → 03:30. Pick a time outside 02:00-03:00, which the clocks skip',
      },
    ]);
  });

  const handoffIn = (zone: string, handoff: string) => {
    const text = minimal
      .replace('paris: { timezone: Europe/Paris }', `paris: { timezone: ${zone} }`)
      .replace('handoff: mon 09:00', `handoff: ${handoff}`)
      .replace('anchor: 2026-01-05', 'anchor: 2026-01-04');
    const { yaml } = parseYaml('roster.yaml', text);
    return checkRoster(yaml as YamlFile).map((p) => p.message);
  };

  it('names the hour a zone skips where it is not 02:00: Santiago goes from midnight to 01:00', () => {
    expect(handoffIn('America/Santiago', 'sun 00:30')).toEqual([
      expect.stringMatching(
        /^rotations\.weekly\.handoff: 00:30 does not exist in America\/Santiago .*Sun 2026-09-06 00:30 → 01:30.*Pick a time outside 00:00-01:00, which the clocks skip$/,
      ),
    ]);
  });

  it('warns at a hand-off whose time happens twice when the clocks go back, naming the dates', () => {
    expect(handoffIn('America/Los_Angeles', 'sun 01:30')).toEqual([
      'rotations.weekly.handoff: 01:30 happens twice in America/Los_Angeles when the clocks go back, and the hand-off is at the first of the two on those days: Sun 2026-11-01 01:30 (the first of the two); Sun 2027-11-07 01:30 (the first of the two). Pick a time outside 01:00-02:00, which the clocks repeat',
    ]);
  });

  it('gives no warning for a hand-off at a time every day has', () => {
    const { yaml } = parseYaml('roster.yaml', minimal);
    expect(checkRoster(yaml as YamlFile)).toEqual([]);
  });
});
