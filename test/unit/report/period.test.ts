import { describe, expect, it } from 'vitest';
import { reportRuns } from '../../../src/callers/decide/schedule.js';
import { formatMarker } from '../../../src/kernel/markers.js';
import { figuresOf } from '../../../src/report/decide/decide.js';
import { reportPeriod } from '../../../src/report/config/period.js';
import { reportConfigFrom } from '../../../src/report/config/report.js';
import type { PeriodOpening } from '../../../src/report/decide/types.js';
import {
  dayIndex,
  ISO_WEEK,
  parseWeek,
  previousWeek,
  weekContaining,
} from '../../../src/report/decide/week.js';
import { fixture } from '../fixtures/roster/load.js';

/** Seed 000's Paris rotation: the week turns on Monday at 08:00, Paris time. */
const PARIS: PeriodOpening = { day: 0, minutes: 8 * 60, rotation: 'paris-weekly' };
const iso = (ms: number) => new Date(ms).toISOString();

describe("a rotation's week", () => {
  it('runs from its Monday 08:00 hand-off to the next, in its zone', () => {
    const week = parseWeek('2026-W44', 'Europe/Paris', PARIS);
    expect([iso(week?.start ?? 0), iso(week?.end ?? 0)]).toEqual([
      '2026-10-26T07:00:00.000Z',
      '2026-11-02T07:00:00.000Z',
    ]);
  });

  it('is 169 hours long across the clock change, the hand-off staying at 08:00 local', () => {
    const week = parseWeek('2026-W43', 'Europe/Paris', PARIS);
    expect(((week?.end ?? 0) - (week?.start ?? 0)) / 3_600_000).toBe(169);
  });

  it("holds Monday 07:30 in the week before: that hour is the last of the previous primary's", () => {
    const week = weekContaining(Date.parse('2026-10-26T06:30:00Z'), 'Europe/Paris', PARIS);
    expect(week.id).toBe('2026-W43');
  });

  it('counts each of its days from the hand-off time: Tuesday 07:30 is still its first day', () => {
    const week = parseWeek('2026-W44', 'Europe/Paris', PARIS);
    if (!week) throw new Error('no week');
    expect([
      dayIndex(week, Date.parse('2026-10-27T06:30:00Z')),
      dayIndex(week, Date.parse('2026-10-27T07:30:00Z')),
    ]).toEqual([0, 1]);
  });

  it('may turn on another day: a Friday 17:00 hand-off opens a week on Friday', () => {
    const friday: PeriodOpening = { day: 4, minutes: 17 * 60, rotation: 'weekend-cover' };
    const week = weekContaining(Date.parse('2026-10-31T12:00:00Z'), 'America/New_York', friday);
    expect(iso(week.start)).toBe('2026-10-30T21:00:00.000Z');
    expect(iso(previousWeek(week).start)).toBe('2026-10-23T21:00:00.000Z');
  });
});

describe("the report's period (report.yaml period, roster.yaml's rotations)", () => {
  it("is the rotation of the first schedule's first layer, in that rotation's zone, by default", () => {
    expect(reportPeriod(reportConfigFrom({}), fixture('follow-the-sun'))).toEqual({
      opens: PARIS,
      zone: 'Europe/Paris',
    });
  });

  it('is the ISO week when report.yaml names a timezone and no period', () => {
    const settings = reportConfigFrom({ timezone: 'Asia/Tokyo' });
    expect(reportPeriod(settings, fixture('follow-the-sun'))).toEqual({
      opens: ISO_WEEK,
      zone: 'Asia/Tokyo',
    });
  });

  it('is the ISO week when asked, whatever the roster', () => {
    const settings = reportConfigFrom({ period: 'iso-week' });
    expect(reportPeriod(settings, fixture('follow-the-sun')).opens).toEqual(ISO_WEEK);
  });

  it('says why when period: rotation has no weekly rotation to follow (a daily rotation)', () => {
    const period = reportPeriod(
      reportConfigFrom({ period: 'rotation' }),
      fixture('daily-rotation'),
    );
    expect(period).toMatchObject({
      opens: ISO_WEEK,
      problem: expect.stringContaining('period: rotation needs a rotation with `period: week`'),
    });
  });

  it('without a roster is the ISO week in UTC', () => {
    expect(reportPeriod(reportConfigFrom({}), null)).toEqual({ opens: ISO_WEEK, zone: 'UTC' });
  });
});

describe("last week's own figures", () => {
  it('are not taken from a report that counted another kind of week', () => {
    const isoReport = formatMarker({
      kind: 'report-figures',
      keys: { week: '2026-W43', opened: '3', closed: '1' },
    });
    expect(figuresOf(isoReport, '2026-W43', ISO_WEEK)).toMatchObject({ opened: 3, closed: 1 });
    expect(figuresOf(isoReport, '2026-W43', PARIS)).toBeUndefined();
  });
});

describe("the report workflow's runs for a rotation's week", () => {
  it('come 17 minutes after the hand-off, and the catch-up two hours later, in its zone', () => {
    expect(reportRuns({ opens: PARIS, zone: 'Europe/Paris' })).toEqual([
      { cron: '17 8 * * 1', timezone: 'Europe/Paris' },
      { cron: '17 10 * * 1', timezone: 'Europe/Paris' },
    ]);
  });

  it('move to the next day when the hand-off is late on Sunday', () => {
    const sunday = { day: 6, minutes: 23 * 60 + 50, rotation: 'r' };
    expect(reportRuns({ opens: sunday, zone: 'UTC' })[0]).toEqual({
      cron: '7 0 * * 1',
      timezone: 'UTC',
    });
  });

  it('are the template UTC ones for ISO weeks (none written)', () => {
    expect(reportRuns({ opens: ISO_WEEK, zone: 'UTC' })).toEqual([]);
  });
});
