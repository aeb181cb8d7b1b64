import { describe, expect, it } from 'vitest';
import { onCallAt } from '../../../src/roster/resolve.js';
import { fixture, fixtureText, hoursBetween, local, rosterOf } from '../fixtures/roster/load.js';

/**
 * The resolver (research §10.2 and §10.4): layers and precedence, gaps and when they end,
 * overrides, leave, backup = next in turn. Every answer carries a trace saying why.
 */

const LA = 'America/Los_Angeles';
const PARIS = 'Europe/Paris';

/** Seed 004's team with a weekly rotation amy → luc → ivy → noah → zoe, primary and backup. */
function team(extra = '') {
  return rosterOf(`
version: 1
sites: { llnl: { timezone: ${LA} } }
people: { amy: { site: llnl }, luc: { site: llnl }, ivy: { site: llnl }, noah: { site: llnl }, zoe: { site: llnl } }
rotations:
  weekly: { members: [amy, luc, ivy, noah, zoe], period: week, handoff: mon 08:00, site: llnl, anchor: 2026-01-05 }
schedules:
  incidents:
    roles: [primary, backup]
    layers: [{ rotation: weekly }]
${extra}`);
}

// Week of Mon 2026-01-12 is turn 1: luc primary, ivy backup. Week of 2026-01-19: ivy, noah.
const lucWeek = (time = '2026-01-14T10:00') => local(time, LA);

describe('roles: primary is the turn, backup the next in turn', () => {
  it('says why each person holds each role', () => {
    const onCall = onCallAt(team(), 'incidents', lucWeek());
    expect(onCall.primary).toMatchObject({ login: 'luc', site: 'llnl' });
    expect(onCall.backup?.login).toBe('ivy');
    expect(onCall.primary?.why).toBe(
      `rotation weekly, turn 1 since anchor 2026-01-05 (Mon 08:00 ${LA}), week from Mon 2026-01-12 08:00 ${LA}, luc`,
    );
    expect(onCall.backup?.why).toBe('next in turn after luc: ivy (turn 2)');
    expect(onCall.trace).toContain(`primary luc: ${onCall.primary?.why}`);
  });

  it('the backup of the last member is the first: next in turn wraps round', () => {
    expect(onCallAt(team(), 'incidents', local('2026-02-04T10:00', LA)).backup?.login).toBe('amy');
  });
});

describe('leave', () => {
  it('the next in turn covers a primary on leave, and the trace says so', () => {
    const roster = team('leave: [{ person: luc, from: 2026-01-14, to: 2026-01-16 }]');
    const onCall = onCallAt(roster, 'incidents', lucWeek());
    expect([onCall.primary?.login, onCall.backup?.login]).toEqual(['ivy', 'noah']);
    expect(onCall.primary?.why).toContain(
      `luc is on leave (2026-01-14 to 2026-01-16 ${LA}); next in turn ivy`,
    );
    // The substitute holds it only while the leave lasts.
    expect(onCall.primary?.shiftStart).toBe('2026-01-14T00:00:00-08:00');
    expect(onCall.primary?.shiftEnd).toBe('2026-01-17T00:00:00-08:00');
    expect(onCallAt(roster, 'incidents', lucWeek('2026-01-17T10:00')).primary?.login).toBe('luc');
  });

  it('leave across a hand-off: it moves the person in both weeks, and the order does not change', () => {
    const roster = team('leave: [{ person: ivy, from: 2026-01-16, to: 2026-01-20 }]');
    // Friday of luc's week: ivy was backup, noah stands in.
    expect(onCallAt(roster, 'incidents', lucWeek('2026-01-16T10:00')).backup?.login).toBe('noah');
    // Monday of ivy's own week: noah is primary, zoe backup.
    const monday = onCallAt(roster, 'incidents', local('2026-01-19T10:00', LA));
    expect([monday.primary?.login, monday.backup?.login]).toEqual(['noah', 'zoe']);
    // Back on Wednesday: ivy's week again, and the week after is noah's as always.
    expect(onCallAt(roster, 'incidents', local('2026-01-21T10:00', LA)).primary?.login).toBe('ivy');
    expect(onCallAt(roster, 'incidents', local('2026-01-26T10:00', LA)).primary?.login).toBe(
      'noah',
    );
  });

  it('primary and backup both on leave: two distinct substitutes, in turn order', () => {
    const roster = team(`leave:
  - { person: luc, from: 2026-01-12, to: 2026-01-16 }
  - { person: ivy, from: 2026-01-12, to: 2026-01-16 }`);
    const onCall = onCallAt(roster, 'incidents', lucWeek());
    expect([onCall.primary?.login, onCall.backup?.login]).toEqual(['noah', 'zoe']);
    expect(onCall.backup?.why).toContain('next in turn after noah');
  });

  it('part-day leave given with times', () => {
    const roster = team('leave: [{ person: luc, from: 2026-01-14T12:00, to: 2026-01-14T15:00 }]');
    expect(onCallAt(roster, 'incidents', lucWeek('2026-01-14T11:59')).primary?.login).toBe('luc');
    expect(onCallAt(roster, 'incidents', lucWeek('2026-01-14T12:00')).primary?.login).toBe('ivy');
    expect(onCallAt(roster, 'incidents', lucWeek('2026-01-14T15:00')).primary?.login).toBe('luc');
  });

  it('leave covering the whole turn: the next in turn holds the whole week, and the order after it does not change (research §10 #21)', () => {
    const roster = team('leave: [{ person: luc, from: 2026-01-10, to: 2026-01-20 }]');
    for (const time of ['2026-01-12T08:00', '2026-01-14T10:00', '2026-01-19T07:59']) {
      expect(onCallAt(roster, 'incidents', lucWeek(time)).primary?.login).toBe('ivy');
    }
    // ivy's own week follows as always: the skipped turn is luc's, not a shift of the list.
    expect(onCallAt(roster, 'incidents', lucWeek('2026-01-21T10:00')).primary?.login).toBe('ivy');
    expect(onCallAt(roster, 'incidents', lucWeek('2026-01-26T10:00')).primary?.login).toBe('noah');
  });

  it('leave in another zone than the layer is read in the person’s own zone (research §10 #21)', () => {
    // luc works from Paris in a rotation handed off in California: his day off is a Paris day.
    const roster = rosterOf(
      fixtureText('live-incident')
        .replace(/^sites:\n/m, `sites:\n  paris:\n    timezone: ${PARIS}\n`)
        .replace('  luc: { site: llnl }', '  luc: { site: paris }')
        .replace(/^leave:\n/m, 'leave:\n  - { person: luc, from: 2026-11-25, to: 2026-11-25 }\n'),
    );
    const schedule = 'live-incident';
    // Tue 24 Nov 15:30 in California is Wed 00:30 in Paris: luc's leave has begun.
    expect(onCallAt(roster, schedule, local('2026-11-24T15:30', LA)).primary?.login).toBe('ivy');
    expect(onCallAt(roster, schedule, local('2026-11-24T14:59', LA)).primary?.login).toBe('luc');
    // Wed 25 Nov 15:00 in California is Thu 00:00 in Paris: back.
    expect(onCallAt(roster, schedule, local('2026-11-25T15:00', LA)).primary?.login).toBe('luc');
  });

  it('leave has no reason field: the dates are all a public repository shows (research §10 #21)', () => {
    expect(() =>
      team('leave: [{ person: luc, from: 2026-01-14, to: 2026-01-16, reason: surgery }]'),
    ).toThrow(/reason/);
  });

  it('everybody on leave: the layer does not answer, it is a gap that ends with the leave', () => {
    const all = ['amy', 'luc', 'ivy', 'noah', 'zoe']
      .map((p) => `  - { person: ${p}, from: 2026-01-14, to: 2026-01-15 }`)
      .join('\n');
    const onCall = onCallAt(team(`leave:\n${all}`), 'incidents', lucWeek());
    expect(onCall.coverage).toBe('gap');
    expect(onCall.trace[0]).toBe('layer weekly: everybody in rotation weekly is on leave');
    expect(onCall.resumesAt).toBe('2026-01-16T00:00:00-08:00');
    expect(onCall.resumesWith?.login).toBe('luc');
  });
});

describe('overrides', () => {
  it('beat the rotation, and the trace says whom they replace', () => {
    const roster = team(`overrides:
  - { schedule: incidents, person: amy, from: 2026-01-14T14:00, to: 2026-01-14T18:00, ref: '#12' }`);
    const onCall = onCallAt(roster, 'incidents', lucWeek('2026-01-14T15:00'));
    expect([onCall.primary?.login, onCall.backup?.login]).toEqual(['amy', 'ivy']);
    expect(onCall.primary?.why).toContain(
      `override by amy 2026-01-14 14:00-18:00 ${LA} (#12) replaces luc`,
    );
  });

  it('covering part of a shift splits it: the rostered person holds the time before and after', () => {
    const roster = team(`overrides:
  - { schedule: incidents, person: amy, from: 2026-01-14T14:00, to: 2026-01-14T18:00 }`);
    const before = onCallAt(roster, 'incidents', lucWeek('2026-01-14T10:00')).primary;
    const after = onCallAt(roster, 'incidents', lucWeek('2026-01-14T19:00')).primary;
    expect([before?.shiftStart, before?.shiftEnd]).toEqual([
      '2026-01-12T08:00:00-08:00',
      '2026-01-14T14:00:00-08:00',
    ]);
    expect([after?.shiftStart, after?.shiftEnd]).toEqual([
      '2026-01-14T18:00:00-08:00',
      '2026-01-19T08:00:00-08:00',
    ]);
  });

  it('across midnight: the override holds from 22:00 to 02:00 the next day', () => {
    const roster = team(`overrides:
  - { schedule: incidents, person: zoe, from: 2026-01-14T22:00, to: 2026-01-15T02:00 }`);
    expect(onCallAt(roster, 'incidents', lucWeek('2026-01-14T21:59')).primary?.login).toBe('luc');
    expect(onCallAt(roster, 'incidents', lucWeek('2026-01-14T23:30')).primary?.login).toBe('zoe');
    expect(onCallAt(roster, 'incidents', lucWeek('2026-01-15T01:30')).primary?.login).toBe('zoe');
    expect(onCallAt(roster, 'incidents', lucWeek('2026-01-15T02:00')).primary?.login).toBe('luc');
  });

  it('across DST: 01:00 to 04:00 local on spring-forward night lasts two real hours', () => {
    const roster = team(`overrides:
  - { schedule: incidents, person: zoe, from: 2026-03-08T01:00, to: 2026-03-08T04:00 }`);
    const onCall = onCallAt(roster, 'incidents', local('2026-03-08T01:30', LA)).primary;
    expect(onCall?.login).toBe('zoe');
    expect(hoursBetween(onCall?.shiftStart ?? '', onCall?.shiftEnd ?? '')).toBe(2);
  });

  it('in another zone than the layer: read in its own zone (09:00 Paris is 00:00 in California)', () => {
    const roster = team(`overrides:
  - { schedule: incidents, person: zoe, from: 2026-01-14T09:00, to: 2026-01-14T10:00, timezone: ${PARIS} }`);
    expect(onCallAt(roster, 'incidents', local('2026-01-14T00:30', LA)).primary?.login).toBe('zoe');
  });

  it('of two overlapping overrides of one role, the losing one moves nobody: its person stays next in turn', () => {
    const roster = team(`overrides:
  - { schedule: incidents, person: amy, from: 2026-01-14T14:00, to: 2026-01-14T18:00 }
  - { schedule: incidents, person: ivy, from: 2026-01-14T12:00, to: 2026-01-14T16:00 }`);
    const onCall = onCallAt(roster, 'incidents', lucWeek('2026-01-14T15:00'));
    expect([onCall.primary?.login, onCall.backup?.login]).toEqual(['amy', 'ivy']);
    expect(onCall.backup?.why).not.toContain('holds primary by override');
  });

  it('the backup taking primary by override swaps with the rostered primary, who becomes backup', () => {
    const roster = team(`overrides:
  - { schedule: incidents, person: ivy, from: 2026-01-14T00:00, to: 2026-01-15T00:00 }`);
    const onCall = onCallAt(roster, 'incidents', lucWeek());
    expect([onCall.primary?.login, onCall.backup?.login]).toEqual(['ivy', 'luc']);
    expect(onCall.backup?.why).toContain('ivy holds primary by override; next in turn luc');
  });

  it('an override in a gap extends coverage, and says no layer covers that time', () => {
    const roster = rosterOf(
      fixtureText('follow-the-sun').replace(
        'overrides:\n',
        'overrides:\n  - { schedule: follow-the-sun, person: alice, from: 2026-01-13T17:00, to: 2026-01-13T19:00 }\n',
      ),
    );
    const onCall = onCallAt(roster, 'follow-the-sun', local('2026-01-13T18:00', LA));
    expect(onCall.coverage).toBe('covered');
    expect(onCall.layer).toBeUndefined();
    expect(onCall.primary?.why).toContain('covers a time no layer covers');
  });
});

describe('an override of the backup in a declared gap', () => {
  it('fills the backup, and the instant stays the gap: its name and when coverage resumes', () => {
    const roster = rosterOf(
      fixtureText('follow-the-sun')
        .replace('  follow-the-sun:\n', '  follow-the-sun:\n    roles: [primary, backup]\n')
        .replace(
          'overrides:\n',
          'overrides:\n  - { schedule: follow-the-sun, role: backup, person: alice, from: 2026-01-13T17:00, to: 2026-01-13T19:00 }\n',
        ),
    );
    const onCall = onCallAt(roster, 'follow-the-sun', local('2026-01-13T18:00', LA));
    expect(onCall.coverage).toBe('gap');
    expect(onCall.gap?.declared).toBe('pacific-evening');
    expect(onCall.resumesAt).toBeDefined();
    expect([onCall.primary, onCall.backup?.login]).toEqual([undefined, 'alice']);
  });
});

describe('layers and gaps', () => {
  const fts = fixture('follow-the-sun');

  it('the first layer that is open wins where windows overlap (US on summer time, Europe not yet)', () => {
    // 2026-03-16 15:30 UTC: Cambridge (12:00-16:00 GMT) and SFO (08:00-17:00 PDT) are both open.
    const onCall = onCallAt(fts, 'follow-the-sun', local('2026-03-16T15:30', 'UTC'));
    expect(onCall.layer).toBe('cambridge');
  });

  it('a layer with nobody available does not hide the layer below', () => {
    const roster = rosterOf(
      fixtureText('follow-the-sun').replace(
        'leave:\n',
        'leave:\n  - { person: emma, from: 2026-03-16, to: 2026-03-16 }\n  - { person: fred, from: 2026-03-16, to: 2026-03-16 }\n',
      ),
    );
    const onCall = onCallAt(roster, 'follow-the-sun', local('2026-03-16T15:30', 'UTC'));
    expect(onCall.layer).toBe('sfo');
    expect(onCall.trace[1]).toBe(
      'layer cambridge: everybody in rotation cambridge-weekly is on leave',
    );
  });

  it('a declared gap says so and when coverage resumes, with whom (Tuesday 18:00 Pacific)', () => {
    const onCall = onCallAt(fts, 'follow-the-sun', local('2026-01-13T18:00', LA));
    expect(onCall).toMatchObject({
      coverage: 'gap',
      gap: { declared: 'pacific-evening', policy: 'hold', fallback: 'escalation-leads' },
      resumesAt: '2026-01-14T08:00:00+01:00',
      resumesWith: { login: 'dan', site: 'paris' },
    });
    expect(onCall.trace).toContain(
      `declared gap pacific-evening (Mon-Fri 17:00-23:00 ${LA}, tolerance 60 min)`,
    );
  });

  it('3 AM Paris while US and EU clocks differ (2026-03-17) is in the Pacific evening gap; Paris opens at 08:00', () => {
    const onCall = onCallAt(fts, 'follow-the-sun', local('2026-03-17T03:00', PARIS));
    expect(onCall.gap?.declared).toBe('pacific-evening');
    expect(onCall.resumesAt).toBe('2026-03-17T08:00:00+01:00');
  });

  it('that week the evening gap reaches midnight Pacific; the tolerance keeps the extra hour declared', () => {
    const at = local('2026-03-17T07:30', PARIS); // 23:30 PDT on Monday
    expect(onCallAt(fts, 'follow-the-sun', at).gap?.declared).toBe('pacific-evening');
    const strict = rosterOf(
      fixtureText('follow-the-sun').replace('tolerance-minutes: 60', 'tolerance-minutes: 0'),
    );
    const onCall = onCallAt(strict, 'follow-the-sun', at);
    expect(onCall.gap?.declared).toBeNull();
    expect(onCall.trace).toContain('not a declared gap: nobody expected this hole in coverage');
  });

  it('a holiday at one site only closes that site’s window and widens the gap (Paris, 1 May)', () => {
    const onCall = onCallAt(fts, 'follow-the-sun', local('2026-05-01T10:00', PARIS));
    expect(onCall.coverage).toBe('gap');
    expect(onCall.gap?.declared).toBeNull();
    expect(onCall.trace[0]).toContain('2026-05-01 is a holiday there');
    // Cambridge still opens at noon London time.
    expect(onCall.resumesAt).toBe('2026-05-01T12:00:00+01:00');
    expect(onCall.resumesWith?.site).toBe('cambridge');
  });

  it('the fallback policy names who takes issues in a gap', () => {
    const roster = rosterOf(
      fixtureText('follow-the-sun').replace(
        'on-gap: hold',
        'on-gap: fallback\n    fallback: alice',
      ),
    );
    expect(onCallAt(roster, 'follow-the-sun', local('2026-01-13T18:00', LA)).gap).toEqual({
      declared: 'pacific-evening',
      policy: 'fallback',
      fallback: 'alice',
    });
  });

  it('an unknown schedule is an error that lists the known ones', () => {
    expect(() => onCallAt(fts, 'nope', local('2026-01-13T18:00', LA))).toThrow(
      'unknown schedule "nope" (the roster has: follow-the-sun)',
    );
  });

  it('takes a JavaScript Date as well as a luxon DateTime', () => {
    const at = local('2026-01-13T10:00', LA);
    expect(onCallAt(fts, 'follow-the-sun', at.toJSDate())).toEqual(
      onCallAt(fts, 'follow-the-sun', at),
    );
  });
});

describe('an override in a two-person rotation', () => {
  it('the rostered primary becomes backup when the backup takes primary by override', () => {
    const pair = rosterOf(`
version: 1
sites: { llnl: { timezone: ${LA} } }
people: { luc: { site: llnl }, ivy: { site: llnl } }
rotations:
  weekly: { members: [luc, ivy], period: week, handoff: mon 08:00, site: llnl, anchor: 2026-01-05 }
schedules:
  incidents:
    roles: [primary, backup]
    layers: [{ rotation: weekly }]
overrides:
  - { schedule: incidents, person: ivy, from: 2026-01-07T09:00, to: 2026-01-07T17:00 }
`);
    const onCall = onCallAt(pair, 'incidents', local('2026-01-07T10:00', LA));
    expect([onCall.primary?.login, onCall.backup?.login]).toEqual(['ivy', 'luc']);
  });
});

describe('a slot rotation outside its calendar', () => {
  /** Two people, one working day each; no window, so the rotation alone says who holds it. */
  const days = (window = '') =>
    rosterOf(`
version: 1
sites: { brno: { timezone: Europe/Prague } }
people: { ana: { site: brno }, ben: { site: brno } }
calendars: { working-days: { site: brno, hours: ['09:00-17:00'] } }
rotations:
  daily: { members: [ana, ben], period: slot, calendar: working-days, anchor: 2026-01-05 }
schedules:
  sre:
    roles: [primary]
    layers: [{ rotation: daily${window} }]
`);

  it("keeps Friday's turn through the weekend until Monday's day begins, when no window limits it", () => {
    // Turns: Mon 5 Jan ana, Tue ben, ... Fri 9 Jan ana; Mon 12 Jan ben.
    const holder = (at: string) =>
      onCallAt(days(), 'sre', local(at, 'Europe/Prague')).primary?.login;
    expect([
      holder('2026-01-09T20:00'),
      holder('2026-01-10T12:00'),
      holder('2026-01-12T08:59'),
    ]).toEqual(['ana', 'ana', 'ana']);
    expect(holder('2026-01-12T09:00')).toBe('ben');
  });

  it("gives nobody outside the calendar's hours when the layer's window is the calendar", () => {
    const roster = days(', window: { calendar: working-days }');
    expect(
      onCallAt(roster, 'sre', local('2026-01-10T12:00', 'Europe/Prague')).primary,
    ).toBeUndefined();
  });
});
