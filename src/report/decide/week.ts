import { DateTime } from 'luxon';
import type { Week } from './types.js';

/**
 * ISO weeks in the report's zone: Monday 00:00 to the next Monday 00:00 local time, so a week
 * across a clock change is 167 or 169 hours long, and its days are calendar days there.
 */

const WEEK_ID = /^(\d{4})-W(\d{2})$/;

function weekFrom(monday: DateTime): Week {
  const start = monday.startOf('day');
  const end = start.plus({ weeks: 1 });
  const days = Array.from({ length: 7 }, (_, i) => start.plus({ days: i }).toISODate() ?? '');
  return {
    id: `${start.weekYear}-W${String(start.weekNumber).padStart(2, '0')}`,
    zone: start.zoneName ?? 'UTC',
    start: start.toMillis(),
    end: end.toMillis(),
    days,
  };
}

/** The ISO week `id` (2026-W47) in `zone`; undefined when the id names no such week. */
export function parseWeek(id: string, zone: string): Week | undefined {
  const match = WEEK_ID.exec(id);
  if (!match) return undefined;
  const monday = DateTime.fromObject(
    { weekYear: Number(match[1]), weekNumber: Number(match[2]), weekday: 1 },
    { zone },
  );
  if (!monday.isValid) return undefined;
  const week = weekFrom(monday);
  // Luxon rolls W53 of a 52-week year over into the next year's W01: that week does not exist.
  return week.id === id ? week : undefined;
}

/** The ISO week that contains the instant, in `zone`. */
export function weekContaining(at: number, zone: string): Week {
  const local = DateTime.fromMillis(at, { zone });
  return weekFrom(local.minus({ days: local.weekday - 1 }));
}

/** The week a run at `now` reports: the last complete one, or the one in progress. */
export function reportedWeek(now: number, zone: string, which: 'previous' | 'current'): Week {
  const current = weekContaining(now, zone);
  return which === 'current' ? current : previousWeek(current);
}

export function previousWeek(week: Week): Week {
  return weekFrom(DateTime.fromMillis(week.start, { zone: week.zone }).minus({ weeks: 1 }));
}

export function nextWeek(week: Week): Week {
  return weekFrom(DateTime.fromMillis(week.end, { zone: week.zone }));
}

/** Index (0 = Monday) of the local day of the week an instant falls on, or -1 outside the week. */
export function dayIndex(week: Week, at: number): number {
  if (at < week.start || at >= week.end) return -1;
  const date = DateTime.fromMillis(at, { zone: week.zone }).toISODate();
  return week.days.indexOf(date ?? '');
}

/** "Mon 16 Nov 14:05" in the week's zone. */
export function localTime(at: number, zone: string): string {
  return DateTime.fromMillis(at, { zone }).toFormat('ccc d LLL HH:mm', { locale: 'en-GB' });
}

/** "16 Nov 2026" */
export function localDate(at: number, zone: string): string {
  return DateTime.fromMillis(at, { zone }).toFormat('d LLL yyyy', { locale: 'en-GB' });
}

/** "Mon 16 Nov" for a local date YYYY-MM-DD. */
export function dayLabel(date: string): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).toFormat('ccc d LLL', { locale: 'en-GB' });
}
