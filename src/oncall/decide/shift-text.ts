import { IANAZone } from 'luxon';
import { clock, DAY_MS, isoDate, MINUTE_MS, titleOf, weekdayOf } from '../../roster/time.js';
import type { Roster, Shift } from '../../roster/types.js';

/**
 * Shifts in words for people reading them at a terminal or in a calendar entry: each stretch in
 * UTC (the one clock everybody can compare) and, for every holder, in the zone of their site,
 * since "Mon 08:00-13:00 Europe/Paris" is what chloe checks against her day.
 */

interface Local {
  day: number;
  minutes: number;
}

function localOf(ms: number, zone: string): Local {
  // UTC needs no zone lookup, and a zone's offset is the one thing asked of luxon: previews
  // format thousands of instants.
  const offset = zone === 'UTC' ? 0 : IANAZone.create(zone).offset(ms);
  const wall = ms + offset * MINUTE_MS;
  const day = Math.floor(wall / DAY_MS);
  return { day, minutes: Math.floor((wall - day * DAY_MS) / MINUTE_MS) };
}

function dayText(day: number): string {
  return `${titleOf(weekdayOf(day))} ${isoDate(day)}`;
}

/**
 * "Mon 2026-03-09 08:00-13:00 Europe/Paris", or "Fri 2026-03-13 17:00 to Mon 2026-03-16 08:00
 * Europe/Paris" when the span ends on another local day; a span ending at local midnight reads
 * "-24:00" on its own day. Built by hand: luxon's formats follow the machine's locale.
 */
export function localSpan(start: number, end: number, zone: string): string {
  const from = localOf(start, zone);
  const to = localOf(end, zone);
  const until =
    to.day === from.day
      ? clock(to.minutes)
      : to.day === from.day + 1 && to.minutes === 0
        ? '24:00'
        : null;
  const head = `${dayText(from.day)} ${clock(from.minutes)}`;
  return until !== null
    ? `${head}-${until} ${zone}`
    : `${head} to ${dayText(to.day)} ${clock(to.minutes)} ${zone}`;
}

/** The zone of a person's site; UTC for a login the roster does not list (a fallback team). */
export function zoneOfPerson(roster: Roster, login: string): string {
  const site = roster.people[login]?.site;
  return (site !== undefined ? roster.sites[site]?.timezone : undefined) ?? 'UTC';
}

/** "chloe (Mon 2026-03-09 08:00-13:00 Europe/Paris)": a holder and the shift in their own zone. */
function holderText(roster: Roster, login: string, start: number, end: number): string {
  return `${login} (${localSpan(start, end, zoneOfPerson(roster, login))})`;
}

/**
 * One line per shift of a schedule: "Mon 2026-03-09 07:00-12:00 UTC  primary: chloe (Mon
 * 2026-03-09 08:00-13:00 Europe/Paris)", and for a gap whether anybody expected it.
 */
export function shiftLines(roster: Roster, roles: readonly string[], shifts: Shift[]): string[] {
  return shifts.map((shift) => {
    const start = Date.parse(shift.start);
    const end = Date.parse(shift.end);
    const who =
      shift.coverage === 'gap'
        ? shift.declaredGap
          ? `no coverage: declared gap ${shift.declaredGap}`
          : 'no coverage (undeclared)'
        : roles
            .filter((role) => shift.assignees[role] !== undefined)
            .map(
              (role) =>
                `${role}: ${holderText(roster, shift.assignees[role] as string, start, end)}`,
            )
            .join(', ');
    return `${localSpan(start, end, 'UTC')}  ${who}`;
  });
}
