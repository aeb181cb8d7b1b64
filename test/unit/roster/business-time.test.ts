import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addBusinessMs, businessMsBetween } from '../../../src/roster/business-time.js';
import type { Window } from '../../../src/roster/types.js';

const HOUR = 3_600_000;
const ZONE = 'America/Los_Angeles';

/** Seed 004's business hours at a California site: 8-12 and 1-5, Monday to Friday, with Independence Day observed. */
const business: Window = {
  timezone: ZONE,
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  hours: [
    { start: 8 * 60, end: 12 * 60, text: '08:00-12:00' },
    { start: 13 * 60, end: 17 * 60, text: '13:00-17:00' },
  ],
  closed: ['2026-07-03'],
  label: 'calendar business',
};

const at = (local: string) => DateTime.fromISO(local, { zone: ZONE }).toMillis();
const local = (ms: number | undefined) =>
  ms === undefined
    ? undefined
    : DateTime.fromMillis(ms, { zone: ZONE }).toFormat('ccc yyyy-MM-dd HH:mm');

describe('the business-hours clock', () => {
  it('a 1-hour goal opened Thursday 16:30 before the observed holiday falls due Monday 08:30', () => {
    expect(local(addBusinessMs(business, at('2026-07-02T16:30'), HOUR))).toBe(
      'Mon 2026-07-06 08:30',
    );
  });

  it('lunch does not count: opened Tuesday 11:45, a 1-hour goal is due at 13:45', () => {
    expect(local(addBusinessMs(business, at('2026-07-07T11:45'), HOUR))).toBe(
      'Tue 2026-07-07 13:45',
    );
  });

  it('an issue opened on Saturday starts counting at Monday’s opening: due at 09:00', () => {
    expect(local(addBusinessMs(business, at('2026-07-11T10:00'), HOUR))).toBe(
      'Mon 2026-07-13 09:00',
    );
  });

  it('a deadline at the end of an opening is that end, not the next opening', () => {
    expect(local(addBusinessMs(business, at('2026-07-07T11:00'), HOUR))).toBe(
      'Tue 2026-07-07 12:00',
    );
  });

  it('measures the business time between two instants across a weekend and a holiday', () => {
    // Thu 16:30-17:00, Fri 3 July closed, Mon 08:00-09:30.
    expect(businessMsBetween(business, at('2026-07-02T16:30'), at('2026-07-06T09:30'))).toBe(
      2 * HOUR,
    );
  });

  it('agrees with itself: the time between an instant and its deadline is the goal', () => {
    for (const start of [
      '2026-03-06T16:10',
      '2026-03-07T03:00',
      '2026-11-01T01:30',
      '2026-12-24T12:30',
    ]) {
      const from = at(start);
      const due = addBusinessMs(business, from, 3 * HOUR);
      expect(due).toBeDefined();
      expect(businessMsBetween(business, from, due ?? 0)).toBe(3 * HOUR);
    }
  });

  it('a business day across the spring-forward night still has eight working hours', () => {
    expect(businessMsBetween(business, at('2026-03-09T00:00'), at('2026-03-10T00:00'))).toBe(
      8 * HOUR,
    );
  });

  it('goals longer than a week are reached (40 business hours is a working week)', () => {
    expect(local(addBusinessMs(business, at('2026-06-01T08:00'), 40 * HOUR))).toBe(
      'Fri 2026-06-05 17:00',
    );
  });

  it('a window that never opens has no deadline', () => {
    expect(addBusinessMs({ ...business, days: [] }, at('2026-06-01T08:00'), HOUR)).toBeUndefined();
  });

  it('nothing to wait for: zero goal is due at once, and an empty range has no business time', () => {
    expect(addBusinessMs(business, at('2026-06-06T08:00'), 0)).toBe(at('2026-06-06T08:00'));
    expect(businessMsBetween(business, at('2026-06-02T10:00'), at('2026-06-02T09:00'))).toBe(0);
  });
});
