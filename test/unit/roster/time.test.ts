import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { onCallAt } from '../../../src/roster/resolve.js';
import { dayNumber, instantOf } from '../../../src/roster/time.js';
import { fixture, hoursBetween, local, rosterOf } from '../fixtures/roster/load.js';

/**
 * Time and DST (research §10.1): every time of day is local wall-clock time in an IANA zone,
 * a week is a calendar week, and local times that DST skips or repeats follow one rule.
 */

/** A one-layer, always-on schedule over a weekly rotation of two people. */
function weekly(zone: string, handoff: string, anchor: string) {
  return rosterOf(`
version: 1
sites:
  here: { timezone: ${zone} }
people:
  ann: { site: here }
  bea: { site: here }
rotations:
  weekly:
    members: [ann, bea]
    period: week
    handoff: ${handoff}
    timezone: ${zone}
    anchor: ${anchor}
schedules:
  support:
    layers: [{ rotation: weekly }]
`);
}

function turnAt(roster: ReturnType<typeof weekly>, at: DateTime) {
  const { primary } = onCallAt(roster, 'support', at);
  if (!primary) throw new Error('expected coverage');
  return primary;
}

describe('local time to instant', () => {
  it('spring forward: a time that does not exist moves forward by the jump (02:30 → 03:30 PDT on 2026-03-08)', () => {
    const ms = instantOf(dayNumber('2026-03-08'), 150, 'America/Los_Angeles');
    expect(new Date(ms).toISOString()).toBe('2026-03-08T10:30:00.000Z');
  });

  it('fall back: a time that happens twice is the earlier one (01:30 PDT, not PST, on 2026-11-01)', () => {
    const ms = instantOf(dayNumber('2026-11-01'), 90, 'America/Los_Angeles');
    expect(new Date(ms).toISOString()).toBe('2026-11-01T08:30:00.000Z');
  });

  it('agrees with luxon on every ordinary hour of 2026 in four zones', () => {
    for (const zone of ['Europe/Paris', 'America/Los_Angeles', 'Europe/London', 'Asia/Kolkata']) {
      for (let day = dayNumber('2026-01-01'); day < dayNumber('2027-01-01'); day += 1) {
        for (const minutes of [90, 150, 1410]) {
          const date = new Date(day * 86_400_000);
          const theirs = DateTime.fromObject(
            {
              year: date.getUTCFullYear(),
              month: date.getUTCMonth() + 1,
              day: date.getUTCDate(),
              hour: Math.floor(minutes / 60),
              minute: minutes % 60,
            },
            { zone },
          );
          if (theirs.getPossibleOffsets().length > 1) continue; // repeated: we take the earlier
          expect(instantOf(day, minutes, zone), `${zone} ${date.toISOString()} ${minutes}`).toBe(
            theirs.toMillis(),
          );
        }
      }
    }
  });
});

describe('weekly hand-off across DST', () => {
  it('Europe/Paris spring-forward week lasts 167 hours, from 09:00 CET to 09:00 CEST', () => {
    const turn = turnAt(
      weekly('Europe/Paris', 'mon 09:00', '2026-01-05'),
      local('2026-03-25T12:00', 'Europe/Paris'),
    );
    expect([turn.shiftStart, turn.shiftEnd]).toEqual([
      '2026-03-23T09:00:00+01:00',
      '2026-03-30T09:00:00+02:00',
    ]);
    expect(hoursBetween(turn.shiftStart, turn.shiftEnd)).toBe(167);
  });

  it('Europe/Paris fall-back week lasts 169 hours', () => {
    const turn = turnAt(
      weekly('Europe/Paris', 'mon 09:00', '2026-01-05'),
      local('2026-10-21T12:00', 'Europe/Paris'),
    );
    expect([turn.shiftStart, turn.shiftEnd]).toEqual([
      '2026-10-19T09:00:00+02:00',
      '2026-10-26T09:00:00+01:00',
    ]);
    expect(hoursBetween(turn.shiftStart, turn.shiftEnd)).toBe(169);
  });

  it('America/Los_Angeles spring-forward (Mar 8) and fall-back (Nov 1) weeks last 167 and 169 hours', () => {
    const roster = weekly('America/Los_Angeles', 'mon 08:00', '2026-01-05');
    const spring = turnAt(roster, local('2026-03-04T12:00', 'America/Los_Angeles'));
    const fall = turnAt(roster, local('2026-10-28T12:00', 'America/Los_Angeles'));
    expect(hoursBetween(spring.shiftStart, spring.shiftEnd)).toBe(167);
    expect(hoursBetween(fall.shiftStart, fall.shiftEnd)).toBe(169);
    expect(spring.shiftEnd).toBe('2026-03-09T08:00:00-07:00');
  });

  it('an ordinary week lasts 168 hours and the hand-off keeps its local time all year', () => {
    const roster = weekly('America/Los_Angeles', 'mon 08:00', '2026-01-05');
    for (const at of ['2026-01-14T12:00', '2026-06-17T12:00', '2026-12-16T12:00']) {
      const turn = turnAt(roster, local(at, 'America/Los_Angeles'));
      expect(hoursBetween(turn.shiftStart, turn.shiftEnd)).toBe(168);
      expect(DateTime.fromISO(turn.shiftStart, { setZone: true }).toFormat('ccc HH:mm')).toBe(
        'Mon 08:00',
      );
    }
  });

  it('a hand-off at a time that does not exist on DST day happens when the clock jumps past it (sun 02:30 → 03:30)', () => {
    const roster = weekly('America/Los_Angeles', 'sun 02:30', '2026-01-04');
    const justBefore = turnAt(roster, DateTime.fromISO('2026-03-08T10:29:00Z'));
    const justAfter = turnAt(roster, DateTime.fromISO('2026-03-08T10:30:00Z'));
    expect(justBefore.shiftEnd).toBe('2026-03-08T03:30:00-07:00');
    expect(justAfter.shiftStart).toBe('2026-03-08T03:30:00-07:00');
    expect(justAfter.login).not.toBe(justBefore.login);
  });

  it('a hand-off at a time that happens twice on DST day happens the first time (sun 01:30 PDT)', () => {
    const roster = weekly('America/Los_Angeles', 'sun 01:30', '2026-01-04');
    const firstPass = turnAt(roster, DateTime.fromISO('2026-11-01T08:45:00Z')); // 01:45 PDT
    const secondPass = turnAt(roster, DateTime.fromISO('2026-11-01T09:45:00Z')); // 01:45 PST
    expect(firstPass.shiftStart).toBe('2026-11-01T01:30:00-07:00');
    expect(secondPass.login).toBe(firstPass.login);
    expect(turnAt(roster, DateTime.fromISO('2026-11-01T08:29:00Z')).login).not.toBe(
      firstPass.login,
    );
  });
});

describe('zones, weekdays and midnight', () => {
  it('the weekday is the layer’s: Sunday 23:30 in San Francisco is Monday 08:30 in Paris, so Paris covers', () => {
    const onCall = onCallAt(
      fixture('follow-the-sun'),
      'follow-the-sun',
      local('2026-01-11T23:30', 'America/Los_Angeles'),
    );
    expect(onCall).toMatchObject({ coverage: 'covered', layer: 'paris' });
  });

  it('Friday 17:00 in San Francisco is Saturday in Paris: nobody, a declared gap', () => {
    const onCall = onCallAt(
      fixture('follow-the-sun'),
      'follow-the-sun',
      local('2026-01-16T17:00', 'America/Los_Angeles'),
    );
    expect(onCall.coverage).toBe('gap');
    expect(onCall.gap?.declared).toBe('pacific-evening');
  });

  const night = (holiday: string) =>
    rosterOf(`
version: 1
sites:
  paris: { timezone: Europe/Paris, holidays: [${holiday}] }
people:
  ann: { site: paris }
rotations:
  weekly: { members: [ann], period: week, handoff: mon 09:00, site: paris, anchor: 2026-01-05 }
schedules:
  nights:
    layers:
      - rotation: weekly
        window: { site: paris, days: [fri], hours: ['22:00-06:00'] }
`);

  it('a window across midnight belongs to the day it starts: Friday 22:00-06:00 still covers Saturday 02:00', () => {
    const onCall = onCallAt(
      night('2026-12-31'),
      'nights',
      local('2026-01-10T02:00', 'Europe/Paris'),
    );
    expect(onCall.coverage).toBe('covered');
    expect([onCall.primary?.shiftStart, onCall.primary?.shiftEnd]).toEqual([
      '2026-01-09T22:00:00+01:00',
      '2026-01-10T06:00:00+01:00',
    ]);
  });

  it('a holiday on the start day closes the whole night; a holiday on the end day does not', () => {
    expect(
      onCallAt(night('2026-01-09'), 'nights', local('2026-01-10T02:00', 'Europe/Paris')).coverage,
    ).toBe('gap');
    expect(
      onCallAt(night('2026-01-10'), 'nights', local('2026-01-10T02:00', 'Europe/Paris')).coverage,
    ).toBe('covered');
  });
});

describe('year and week boundaries', () => {
  it('a weekly rotation crosses ISO week 53 of 2026 and New Year without a jump', () => {
    const roster = weekly('Europe/Paris', 'mon 09:00', '2026-01-05');
    const logins = ['2026-12-23', '2026-12-30', '2027-01-06', '2027-01-13'].map(
      (date) => turnAt(roster, local(`${date}T12:00`, 'Europe/Paris')).login,
    );
    // Week 50 (from 2026-12-21) is ann's; week 51 starts 2026-12-28 in ISO week 53.
    expect(logins).toEqual(['ann', 'bea', 'ann', 'bea']);
  });

  it('a slot rotation gives the leap day 2028-02-29 (a Tuesday) its own turn', () => {
    const roster = rosterOf(`
version: 1
sites:
  paris: { timezone: Europe/Paris }
people: { ann: { site: paris }, bea: { site: paris }, cid: { site: paris } }
calendars:
  days: { site: paris, hours: ['09:00-17:00'] }
rotations:
  daily: { members: [ann, bea, cid], period: slot, calendar: days, anchor: 2028-02-28 }
schedules:
  triage:
    layers: [{ rotation: daily, window: { calendar: days } }]
`);
    const who = (date: string) =>
      onCallAt(roster, 'triage', local(`${date}T10:00`, 'Europe/Paris')).primary?.login;
    expect(['2028-02-28', '2028-02-29', '2028-03-01'].map(who)).toEqual(['ann', 'bea', 'cid']);
  });
});
