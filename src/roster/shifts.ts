import type { DateTime } from 'luxon';
import { changePoints, decideAt, holdersOf, type Decision } from './decide.js';
import { millisOf } from './resolve.js';
import { DAY_MS } from './time.js';
import type { Handoff, Roster, Shift } from './types.js';

/**
 * A schedule as a timeline: the stretches of constant coverage between two instants (for
 * previews, calendars and the PR comment), and the instants at which the first role changes
 * hands (for the hand-off job, which must catch up on every boundary a late or dropped cron run
 * missed). Times are ISO instants in UTC: this is data for machines; the resolver shows local times.
 */

function sameShift(a: Shift, decision: Decision): boolean {
  const holders = holdersOf(decision);
  const keys = Object.keys(holders);
  return (
    a.coverage === (decision.covered ? 'covered' : 'gap') &&
    a.layer === decision.chosen?.layer.name &&
    keys.length === Object.keys(a.assignees).length &&
    keys.every((role) => a.assignees[role] === holders[role]) &&
    (a.declaredGap ?? null) === (decision.covered ? null : (decision.declaredGap?.name ?? null))
  );
}

function shiftFrom(decision: Decision, end: number): Shift {
  return {
    start: new Date(decision.at).toISOString(),
    end: new Date(end).toISOString(),
    coverage: decision.covered ? 'covered' : 'gap',
    ...(decision.chosen ? { layer: decision.chosen.layer.name } : {}),
    assignees: holdersOf(decision),
    ...(decision.covered ? {} : { declaredGap: decision.declaredGap?.name ?? null }),
  };
}

function timeline(roster: Roster, scheduleName: string, from: number, to: number): Shift[] {
  if (to <= from) return [];
  const starts = [from, ...changePoints(roster, scheduleName, from + 1, to)];
  const shifts: Shift[] = [];
  starts.forEach((start, i) => {
    const end = starts[i + 1] ?? to;
    const decision = decideAt(roster, scheduleName, start);
    const last = shifts[shifts.length - 1];
    if (last && sameShift(last, decision)) last.end = new Date(end).toISOString();
    else shifts.push(shiftFrom(decision, end));
  });
  return shifts;
}

/** The shifts and gaps of a schedule over [from, to), cut at `from` and `to`. */
export function shiftsBetween(
  roster: Roster,
  scheduleName: string,
  from: DateTime | Date,
  to: DateTime | Date,
): Shift[] {
  return timeline(roster, scheduleName, millisOf(from), millisOf(to));
}

/** How far before the range the hand-off looks for the previous holder when the range opens in a gap. */
const LOOK_BACK_MS = 8 * DAY_MS;

/**
 * Every instant in (from, to] at which the first role passes to somebody else. Gaps are looked
 * through: Friday's primary hands off to Monday's at Monday's opening, not to "nobody" on Friday
 * evening; a person who holds the role again after a gap is no hand-off.
 */
export function boundariesBetween(
  roster: Roster,
  scheduleName: string,
  from: DateTime | Date,
  to: DateTime | Date,
): Handoff[] {
  const start = millisOf(from);
  const end = millisOf(to);
  const firstRole = decideAt(roster, scheduleName, start).schedule.roles[0];
  if (firstRole === undefined || end <= start) return [];
  // Who held the role last at `from`: the holder then, or the last one in the week before.
  const before = timeline(roster, scheduleName, start - LOOK_BACK_MS, start + 1);
  let holder: string | null = null;
  for (const shift of before) holder = shift.assignees[firstRole] ?? holder;
  const handoffs: Handoff[] = [];
  for (const shift of timeline(roster, scheduleName, start + 1, end + 1)) {
    const next = shift.assignees[firstRole];
    if (next === undefined || next === holder) continue;
    handoffs.push({ at: shift.start, from: holder, to: next });
    holder = next;
  }
  return handoffs;
}
