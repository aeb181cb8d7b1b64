import { dayNumber, instantOf, instantOfLocal, isLocalDateTime } from './time.js';
import type { Leave, Override, Roster } from './types.js';

/**
 * Overrides and leave as instants. Both are written as local dates or date-times in a zone;
 * they are converted once (and cached per entry) with the same DST rule as everything else.
 */

export interface Interval {
  start: number;
  end: number;
}

const intervals = new WeakMap<Override | Leave, Interval>();

/** [from, to): override bounds are local date-times. */
export function overrideInterval(override: Override): Interval {
  let interval = intervals.get(override);
  if (!interval) {
    interval = {
      start: instantOfLocal(override.from, override.timezone),
      end: instantOfLocal(override.to, override.timezone),
    };
    intervals.set(override, interval);
  }
  return interval;
}

/** A date bound is a whole local day (the `to` date included); a date-time bound is exact. */
export function leaveInterval(leave: Leave): Interval {
  let interval = intervals.get(leave);
  if (!interval) {
    interval = {
      start: instantOfLocal(leave.from, leave.timezone),
      end: isLocalDateTime(leave.to)
        ? instantOfLocal(leave.to, leave.timezone)
        : instantOf(dayNumber(leave.to) + 1, 0, leave.timezone),
    };
    intervals.set(leave, interval);
  }
  return interval;
}

export function leaveAt(roster: Roster, login: string, at: number): Leave | undefined {
  return roster.leave.find((leave) => {
    if (leave.login !== login) return false;
    const { start, end } = leaveInterval(leave);
    return start <= at && at < end;
  });
}

export function overridesAt(roster: Roster, schedule: string, at: number): Override[] {
  return roster.overrides.filter((override) => {
    if (override.schedule !== schedule) return false;
    const { start, end } = overrideInterval(override);
    return start <= at && at < end;
  });
}

/** "2026-11-23 14:00-18:00 Europe/Paris", or "2026-08-03 to 2026-08-14 Europe/Paris". */
export function describeSpan(from: string, to: string, zone: string): string {
  if (isLocalDateTime(from) && isLocalDateTime(to) && from.slice(0, 10) === to.slice(0, 10)) {
    return `${from.replace('T', ' ')}-${to.slice(11)} ${zone}`;
  }
  return `${from.replace('T', ' ')} to ${to.replace('T', ' ')} ${zone}`;
}
