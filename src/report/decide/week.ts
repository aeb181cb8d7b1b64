import { DateTime } from 'luxon';
import type { PeriodOpening, Week } from './types.js';

/**
 * The report's weekly periods in a zone. An ISO week runs from Monday 00:00 to the next Monday
 * 00:00 local time; a rotation's week from its hand-off to the next (seed 001 wants the figures
 * "at the end of a rotation"). Both are wall-clock, so a week across a clock change is 167 or 169
 * hours long, and each of its days runs from the opening time to the same time the next day.
 */

const WEEK_ID = /^(\d{4})-W(\d{2})$/;

export const ISO_WEEK: PeriodOpening = { day: 0, minutes: 0 };

/** The local moment `minutes` after midnight on `date`'s day: wall-clock, not elapsed time. */
function at(date: DateTime, minutes: number): DateTime {
  return date.startOf('day').set({ hour: Math.floor(minutes / 60), minute: minutes % 60 });
}

function weekFrom(monday: DateTime, opens: PeriodOpening): Week {
  const first = monday.startOf('day').plus({ days: opens.day });
  const start = at(first, opens.minutes);
  const end = at(first.plus({ weeks: 1 }), opens.minutes);
  const days = Array.from({ length: 7 }, (_, i) => first.plus({ days: i }).toISODate() ?? '');
  return {
    id: `${monday.weekYear}-W${String(monday.weekNumber).padStart(2, '0')}`,
    zone: monday.zoneName ?? 'UTC',
    start: start.toMillis(),
    end: end.toMillis(),
    days,
    opens,
  };
}

/** The week `id` (2026-W47) in `zone`; undefined when the id names no such ISO week. */
export function parseWeek(id: string, zone: string, opens = ISO_WEEK): Week | undefined {
  const match = WEEK_ID.exec(id);
  if (!match) return undefined;
  const monday = DateTime.fromObject(
    { weekYear: Number(match[1]), weekNumber: Number(match[2]), weekday: 1 },
    { zone },
  );
  if (!monday.isValid) return undefined;
  const week = weekFrom(monday, opens);
  // Luxon rolls W53 of a 52-week year over into the next year's W01: that week does not exist.
  return week.id === id ? week : undefined;
}

/** The local date whose period day holds the instant: the day before, before the opening time. */
function periodDay(instant: number, zone: string, opens: PeriodOpening): DateTime {
  const local = DateTime.fromMillis(instant, { zone });
  const day = local.startOf('day');
  return local < at(local, opens.minutes) ? day.minus({ days: 1 }) : day;
}

/** The week that contains the instant, in `zone`. */
export function weekContaining(instant: number, zone: string, opens = ISO_WEEK): Week {
  const day = periodDay(instant, zone, opens);
  // Back to the period's first day (weekday opens.day), then to that week's Monday.
  const first = day.minus({ days: (day.weekday - 1 - opens.day + 7) % 7 });
  return weekFrom(first.minus({ days: opens.day }), opens);
}

/** The week a run at `now` reports: the last complete one, or the one in progress. */
export function reportedWeek(
  now: number,
  zone: string,
  which: 'previous' | 'current',
  opens = ISO_WEEK,
): Week {
  const current = weekContaining(now, zone, opens);
  return which === 'current' ? current : previousWeek(current);
}

function mondayOf(week: Week): DateTime {
  return DateTime.fromISO(week.days[0] ?? '', { zone: week.zone }).minus({ days: week.opens.day });
}

export function previousWeek(week: Week): Week {
  return weekFrom(mondayOf(week).minus({ weeks: 1 }), week.opens);
}

export function nextWeek(week: Week): Week {
  return weekFrom(mondayOf(week).plus({ weeks: 1 }), week.opens);
}

/** Index (0 = the first day) of the period day an instant falls on, or -1 outside the week. */
export function dayIndex(week: Week, instant: number): number {
  if (instant < week.start || instant >= week.end) return -1;
  return week.days.indexOf(periodDay(instant, week.zone, week.opens).toISODate() ?? '');
}

const ISO_WEEK_NAME = 'ISO week';

/** What the period is, for people: "ISO week" or "the paris-weekly rotation's week, from its Mon 08:00 hand-off". */
export function periodName(week: Week): string {
  const { rotation, minutes } = week.opens;
  if (!rotation) return ISO_WEEK_NAME;
  const opening = at(DateTime.fromISO(week.days[0] ?? '', { zone: week.zone }), minutes);
  return `the ${rotation} rotation's week, from its ${opening.toFormat('ccc HH:mm', { locale: 'en-GB' })} hand-off`;
}

/** "Mon 16 Nov 14:05" in the week's zone. */
export function localTime(at: number, zone: string): string {
  return DateTime.fromMillis(at, { zone }).toFormat('ccc d LLL HH:mm', { locale: 'en-GB' });
}

/** "08:00" in the zone. */
export function localClock(instant: number, zone: string): string {
  return DateTime.fromMillis(instant, { zone }).toFormat('HH:mm');
}

/** "16 Nov 2026" */
export function localDate(at: number, zone: string): string {
  return DateTime.fromMillis(at, { zone }).toFormat('d LLL yyyy', { locale: 'en-GB' });
}

/** "Mon 16 Nov" for a local date YYYY-MM-DD. */
export function dayLabel(date: string): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).toFormat('ccc d LLL', { locale: 'en-GB' });
}
