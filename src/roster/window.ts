import { dayNumber, instantOf, localDay, weekdayIndex, weekdayOf } from './time.js';
import type { TimeRange, Window } from './types.js';

/**
 * Recurring local opening hours (calendars, layer windows, declared gaps): whether a day works,
 * when the window is open, and how many working days lie between two dates. Counting is closed
 * form (whole weeks times the working days per week, a remainder of at most six days, minus the
 * holidays found by binary search), so its cost does not depend on how far apart the dates are.
 */

/** One opening of a window: [start, end) in epoch milliseconds, on local day `day`. */
export interface Occurrence {
  start: number;
  end: number;
  day: number;
  range: TimeRange;
}

interface Prepared {
  /** Per weekday index (0 = Monday): does the window open that day? */
  open: boolean[];
  perWeek: number;
  /** Day numbers of closed dates that fall on an open weekday, sorted. */
  closed: number[];
}

const prepared = new WeakMap<Window, Prepared>();

function prepare(window: Window): Prepared {
  let p = prepared.get(window);
  if (!p) {
    const open = [0, 1, 2, 3, 4, 5, 6].map((i) => window.days.some((d) => weekdayIndex(d) === i));
    const closed = window.closed
      .map(dayNumber)
      .filter((day) => open[weekdayIndex(weekdayOf(day))])
      .sort((a, b) => a - b);
    p = { open, perWeek: open.filter(Boolean).length, closed: [...new Set(closed)] };
    prepared.set(window, p);
  }
  return p;
}

/** Number of sorted values < x. */
function below(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function isWorkingDay(window: Window, day: number): boolean {
  const p = prepare(window);
  if (!p.open[weekdayIndex(weekdayOf(day))]) return false;
  const i = below(p.closed, day);
  return p.closed[i] !== day;
}

/** Working days in [from, to), negative when to < from. */
export function countWorkingDays(window: Window, from: number, to: number): number {
  if (to < from) return -countWorkingDays(window, to, from);
  const p = prepare(window);
  const span = to - from;
  const weeks = Math.floor(span / 7);
  let count = weeks * p.perWeek;
  for (let day = from + weeks * 7; day < to; day += 1) {
    if (p.open[weekdayIndex(weekdayOf(day))]) count += 1;
  }
  return count - (below(p.closed, to) - below(p.closed, from));
}

/**
 * Bound on how far to look for the next working day: a window with at least one open weekday
 * finds one within a year unless holidays close a whole year, which is a roster error.
 */
const SEARCH_DAYS = 400;

export function nextWorkingDay(window: Window, after: number): number | undefined {
  for (let day = after + 1; day <= after + SEARCH_DAYS; day += 1) {
    if (isWorkingDay(window, day)) return day;
  }
  return undefined;
}

export function previousWorkingDay(window: Window, before: number): number | undefined {
  for (let day = before - 1; day >= before - SEARCH_DAYS; day -= 1) {
    if (isWorkingDay(window, day)) return day;
  }
  return undefined;
}

/** The openings on one local day (none on a closed day); a range crossing midnight ends the next day. */
function occurrencesOn(window: Window, day: number): Occurrence[] {
  if (!isWorkingDay(window, day)) return [];
  return window.hours.map((range) => ({
    day,
    range,
    start: instantOf(day, range.start, window.timezone),
    end: instantOf(range.end <= range.start ? day + 1 : day, range.end, window.timezone),
  }));
}

/** The opening that contains the instant, if any (looking at its local day and the day before). */
export function occurrenceAt(window: Window, at: number): Occurrence | undefined {
  const today = localDay(at, window.timezone);
  for (const day of [today - 1, today]) {
    for (const occurrence of occurrencesOn(window, day)) {
      if (occurrence.start <= at && at < occurrence.end) return occurrence;
    }
  }
  return undefined;
}

/** Every opening that overlaps [from, to), in order. */
export function occurrencesBetween(window: Window, from: number, to: number): Occurrence[] {
  const first = localDay(from, window.timezone) - 1;
  const last = localDay(to, window.timezone);
  const found: Occurrence[] = [];
  for (let day = first; day <= last; day += 1) {
    for (const occurrence of occurrencesOn(window, day)) {
      if (occurrence.end > from && occurrence.start < to) found.push(occurrence);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Minutes within `tolerance` of an opening count as inside it (declared gaps only). */
export function isWithin(window: Window, at: number, toleranceMinutes: number): boolean {
  if (occurrenceAt(window, at)) return true;
  if (toleranceMinutes <= 0) return false;
  const margin = toleranceMinutes * 60_000;
  return occurrencesBetween(window, at - margin, at + margin + 1).some(
    (o) => o.start - margin <= at && at < o.end + margin,
  );
}
