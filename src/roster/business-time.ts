import { DAY_MS } from './time.js';
import type { Window } from './types.js';
import { occurrencesBetween } from './window.js';

/**
 * The business-hours clock: how much of a calendar's working time lies between two instants,
 * and when a given amount of it has passed. Response goals ("first answer within 1 business
 * hour") are measured on it, so lunch, nights, weekends and the site's holidays do not count,
 * and a clock change is just a shorter or longer local day.
 */

/** How far ahead `addBusinessMs` looks before it gives up: a year and a bit. */
const HORIZON_MS = 400 * DAY_MS;

/** Business milliseconds of the window between two instants (0 when to <= from). */
export function businessMsBetween(window: Window, from: number, to: number): number {
  if (to <= from) return 0;
  let total = 0;
  for (const o of occurrencesBetween(window, from, to)) {
    total += Math.min(o.end, to) - Math.max(o.start, from);
  }
  return total;
}

/**
 * The instant at which `ms` business milliseconds have passed since `from` (`from` itself when
 * ms <= 0); undefined when the window does not open enough within a year. A deadline that falls
 * exactly at the end of an opening is that end, not the next opening.
 */
export function addBusinessMs(window: Window, from: number, ms: number): number | undefined {
  if (ms <= 0) return from;
  let left = ms;
  // Look a week at a time: cheap for ordinary goals, and bounded for windows that rarely open.
  for (let start = from; start < from + HORIZON_MS; start += 7 * DAY_MS) {
    for (const o of occurrencesBetween(window, start, start + 7 * DAY_MS)) {
      const begin = Math.max(o.start, start);
      const end = Math.min(o.end, start + 7 * DAY_MS);
      if (end <= begin) continue;
      if (end - begin >= left) return begin + left;
      left -= end - begin;
    }
  }
  return undefined;
}
