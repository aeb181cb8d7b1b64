import { seededShuffle } from './shuffle.js';
import {
  clock,
  clockChangeAt,
  dayNumber,
  describeLocal,
  instantOf,
  isoDate,
  isoIn,
  localDay,
  titleOf,
  weekdayOf,
} from './time.js';
import type { Calendar, Order, Roster, Rotation } from './types.js';
import { countWorkingDays, isWorkingDay, nextWorkingDay, previousWorkingDay } from './window.js';

/**
 * How a rotation turns. A turn is a slot of time (a calendar week from one hand-off to the next,
 * or one working day of a calendar); turns are numbered from the anchor, and the member of turn k
 * follows from k alone: a week index is a difference of day numbers divided by seven, a slot
 * index a count of working days (closed form). Nothing loops over past turns, so asking about
 * 2100 costs what asking about next week costs.
 */

/** One turn of a rotation: [start, end) in epoch milliseconds. */
export interface TurnSpan {
  index: number;
  /** Local day the turn starts on (the hand-off date, or the working day). */
  day: number;
  start: number;
  end: number;
}

/** Who holds a turn, and how the order got there (for traces). */
export interface TurnMember {
  login: string;
  /** 0 for the members given at the anchor, i for `changes[i - 1]`. */
  version: number;
  /** "cycle 2, position 1 of the shuffle (seed triage-2026)", or "" for a fixed order. */
  detail: string;
}

interface Version {
  firstTurn: number;
  members: string[];
  order: Order;
  startWith?: string;
  since: string;
}

interface Prepared {
  versions: Version[];
  /** Per version, for a fixed order: the position in `members` of the version's first turn. */
  offsets: Map<number, number>;
  permutations: Map<string, string[]>;
}

const preparedRotations = new WeakMap<Rotation, Prepared>();

function calendarOf(roster: Roster, rotation: Rotation): Calendar {
  if (rotation.period.unit !== 'slot') throw new Error(`rotation ${rotation.name} is weekly`);
  const calendar = roster.calendars[rotation.period.calendar];
  if (!calendar) {
    throw new Error(`rotation ${rotation.name}: unknown calendar ${rotation.period.calendar}`);
  }
  return calendar;
}

/** The zone a rotation's turns are counted in. */
export function zoneOf(roster: Roster, rotation: Rotation): string {
  return rotation.period.unit === 'week'
    ? rotation.period.timezone
    : calendarOf(roster, rotation).timezone;
}

function prepare(roster: Roster, rotation: Rotation): Prepared {
  let p = preparedRotations.get(rotation);
  if (!p) {
    const anchor = dayNumber(rotation.anchor);
    const firstTurnFrom = (from: string): number => {
      const day = dayNumber(from);
      if (rotation.period.unit === 'week') return Math.max(0, Math.ceil((day - anchor) / 7));
      return Math.max(0, countWorkingDays(calendarOf(roster, rotation), anchor, day));
    };
    const versions: Version[] = [
      { firstTurn: 0, members: rotation.members, order: rotation.order, since: rotation.anchor },
      ...rotation.changes.map((change) => ({
        firstTurn: firstTurnFrom(change.from),
        members: change.members,
        order: change.order,
        since: change.from,
        ...(change.startWith !== undefined ? { startWith: change.startWith } : {}),
      })),
    ];
    p = { versions, offsets: new Map(), permutations: new Map() };
    preparedRotations.set(rotation, p);
  }
  return p;
}

/** Opening time of a working day: the start of the calendar's first range. */
function openingOf(calendar: Calendar, day: number): number {
  return instantOf(day, calendar.hours[0]?.start ?? 0, calendar.timezone);
}

function weekStart(rotation: Rotation, index: number): number {
  if (rotation.period.unit !== 'week') throw new Error('weekly rotations only');
  return instantOf(
    dayNumber(rotation.anchor) + 7 * index,
    rotation.period.handoffTime,
    rotation.period.timezone,
  );
}

function weekSpan(rotation: Rotation, index: number): TurnSpan {
  return {
    index,
    day: dayNumber(rotation.anchor) + 7 * index,
    start: weekStart(rotation, index),
    end: weekStart(rotation, index + 1),
  };
}

function slotSpan(roster: Roster, rotation: Rotation, day: number): TurnSpan | undefined {
  const calendar = calendarOf(roster, rotation);
  const next = nextWorkingDay(calendar, day);
  if (next === undefined) return undefined;
  return {
    index: countWorkingDays(calendar, dayNumber(rotation.anchor), day),
    day,
    start: openingOf(calendar, day),
    end: openingOf(calendar, next),
  };
}

/**
 * The turn in progress at an instant, or undefined before turn 0 (a rotation does not run
 * backwards from its anchor). A weekly turn runs from one hand-off to the next local hand-off a
 * calendar week later; a slot turn from the opening of its working day to the opening of the next
 * one (so Friday's person still holds the turn over the weekend, whether or not a window covers it).
 */
export function turnAt(roster: Roster, rotation: Rotation, at: number): TurnSpan | undefined {
  const anchor = dayNumber(rotation.anchor);
  if (rotation.period.unit === 'week') {
    const today = localDay(at, rotation.period.timezone);
    let index = Math.floor((today - anchor) / 7);
    if (at < weekStart(rotation, index)) index -= 1;
    else if (at >= weekStart(rotation, index + 1)) index += 1;
    return index < 0 ? undefined : weekSpan(rotation, index);
  }
  const calendar = calendarOf(roster, rotation);
  const today = localDay(at, calendar.timezone);
  const day =
    isWorkingDay(calendar, today) && at >= openingOf(calendar, today)
      ? today
      : previousWorkingDay(calendar, today);
  if (day === undefined || day < anchor) return undefined;
  return slotSpan(roster, rotation, day);
}

/** Turn 0. */
export function firstTurn(roster: Roster, rotation: Rotation): TurnSpan | undefined {
  if (rotation.period.unit === 'week') return weekSpan(rotation, 0);
  const calendar = calendarOf(roster, rotation);
  const anchor = dayNumber(rotation.anchor);
  const day = isWorkingDay(calendar, anchor) ? anchor : nextWorkingDay(calendar, anchor);
  return day === undefined ? undefined : slotSpan(roster, rotation, day);
}

export function nextTurn(roster: Roster, rotation: Rotation, turn: TurnSpan): TurnSpan | undefined {
  if (rotation.period.unit === 'week') return weekSpan(rotation, turn.index + 1);
  const next = nextWorkingDay(calendarOf(roster, rotation), turn.day);
  return next === undefined ? undefined : slotSpan(roster, rotation, next);
}

function versionOf(p: Prepared, index: number): number {
  let v = 0;
  for (let i = 1; i < p.versions.length; i += 1) {
    if ((p.versions[i]?.firstTurn ?? Infinity) <= index) v = i;
  }
  return v;
}

/** Position in the version's members of its first turn (fixed order). */
function offsetOf(roster: Roster, rotation: Rotation, p: Prepared, v: number): number {
  const known = p.offsets.get(v);
  if (known !== undefined) return known;
  const version = p.versions[v] as Version;
  let offset = 0;
  if (version.startWith !== undefined) {
    offset = Math.max(0, version.members.indexOf(version.startWith));
  } else if (v > 0) {
    // Whoever would have come next under the previous members keeps their place, if still here.
    const wouldBe = memberUnder(roster, rotation, p, v - 1, version.firstTurn).login;
    offset = Math.max(0, version.members.indexOf(wouldBe));
  }
  p.offsets.set(v, offset);
  return offset;
}

/**
 * The order of one cycle of a shuffled version. Each cycle is its own seeded permutation
 * (seed, version, cycle), so any cycle is computed directly. A cycle never starts with whoever
 * ended the one before (if so its first two swap); with two members that means they alternate.
 */
function cycleOrder(
  roster: Roster,
  rotation: Rotation,
  p: Prepared,
  v: number,
  cycle: number,
): string[] {
  const version = p.versions[v] as Version;
  const { members, order } = version;
  const n = members.length;
  if (n <= 1 || order.kind !== 'shuffle') return members;
  if (n === 2 && cycle > 0) return cycleOrder(roster, rotation, p, v, 0);
  const key = `${v}:${cycle}`;
  const cached = p.permutations.get(key);
  if (cached) return cached;
  const perm = seededShuffle(members, `${order.seed}:${v}:${cycle}`);
  let previousLast: string | undefined;
  if (cycle === 0 && version.startWith !== undefined) {
    const at = perm.indexOf(version.startWith);
    if (at > 0) [perm[0], perm[at]] = [perm[at] as string, perm[0] as string];
  } else {
    if (cycle > 0) {
      // Only the first two places of a cycle ever move, so for n >= 3 the raw shuffle's last is
      // the cycle's last; cycle 0 may have moved its start-with person, so ask it directly.
      const before =
        cycle - 1 === 0
          ? cycleOrder(roster, rotation, p, v, 0)
          : seededShuffle(members, `${order.seed}:${v}:${cycle - 1}`);
      previousLast = before[n - 1];
    } else if (v > 0 && version.firstTurn > 0) {
      previousLast = memberAt(roster, rotation, version.firstTurn - 1).login;
    }
    if (perm[0] === previousLast) [perm[0], perm[1]] = [perm[1] as string, perm[0] as string];
  }
  p.permutations.set(key, perm);
  return perm;
}

function memberUnder(
  roster: Roster,
  rotation: Rotation,
  p: Prepared,
  v: number,
  index: number,
): TurnMember {
  const version = p.versions[v] as Version;
  const n = version.members.length;
  const j = index - version.firstTurn;
  if (version.order.kind === 'shuffle') {
    const cycle = Math.floor(j / n);
    const position = j % n;
    return {
      login: cycleOrder(roster, rotation, p, v, cycle)[position] as string,
      version: v,
      detail: `cycle ${cycle}, position ${position} of the shuffle with seed ${version.order.seed}`,
    };
  }
  const offset = offsetOf(roster, rotation, p, v);
  return { login: version.members[(offset + j) % n] as string, version: v, detail: '' };
}

/** The member of turn `index` (>= 0), under the members in force at that turn. */
export function memberAt(roster: Roster, rotation: Rotation, index: number): TurnMember {
  const p = prepare(roster, rotation);
  return memberUnder(roster, rotation, p, versionOf(p, index), index);
}

/**
 * The member of turn `index` as seen from turn `base` (<= index): under the members in force at
 * `base`. "Next in turn" (the backup, a substitute for leave) is read this way, so a change of
 * members dated after `base` never rewrites who backed up a turn that had already started.
 */
export function memberAfter(
  roster: Roster,
  rotation: Rotation,
  base: number,
  index: number,
): TurnMember {
  const p = prepare(roster, rotation);
  return memberUnder(roster, rotation, p, versionOf(p, base), index);
}

/** When members changed, for traces: "" for the anchor's members, else " (members since 2026-09-07)". */
export function versionNote(roster: Roster, rotation: Rotation, version: number): string {
  if (version === 0) return '';
  const since = prepare(roster, rotation).versions[version]?.since ?? '';
  return ` (members since ${since})`;
}

/** Largest member count of any version: bounds "next in turn" searches. */
export function largestTeam(roster: Roster, rotation: Rotation): number {
  return Math.max(...prepare(roster, rotation).versions.map((v) => v.members.length));
}

/** "Mon 09:00 Europe/Paris" or "working days of calendar triage-days". */
export function describeCadence(roster: Roster, rotation: Rotation): string {
  if (rotation.period.unit === 'week') {
    const { handoffDay, handoffTime, timezone } = rotation.period;
    return `${titleOf(handoffDay)} ${clock(handoffTime)} ${timezone}`;
  }
  return `working days of calendar ${calendarOf(roster, rotation).name}`;
}

/** "week from Mon 2026-03-16 08:00 Europe/Paris" or "working day Tue 2026-03-17 09:00 Europe/Paris". */
export function describeTurn(roster: Roster, rotation: Rotation, turn: TurnSpan): string {
  const zone = zoneOf(roster, rotation);
  const kind = rotation.period.unit === 'week' ? 'week from' : 'working day';
  return `${kind} ${describeLocal(turn.start, zone)}`;
}

/** A weekly hand-off whose local time a clock change skips on some dates. */
export interface SkippedHandoff {
  rotation: string;
  /**
   * skipped: the time does not exist that day, "Sun 2026-03-08 02:30 → 03:30"; twice: it
   * happens twice, "Sun 2026-11-01 01:30 (the first of the two)". One per date looked at.
   */
  kind: 'skipped' | 'twice';
  dates: string[];
  zone: string;
  time: string;
  /** The local span the clock change skips or repeats, to pick a time outside: "02:00-03:00". */
  span: string;
}

/**
 * Weekly hand-offs set at a local time that does not exist on a spring-forward day (`sun 02:30`
 * in America/Los_Angeles): the turn then changes at the first valid time after it (03:30). Not
 * an error, since the rotation still turns, but worth a warning naming the dates it moves, over
 * the `years` from the anchor.
 */
export function skippedHandoffs(roster: Roster, years = 2): SkippedHandoff[] {
  const found: SkippedHandoff[] = [];
  for (const rotation of Object.values(roster.rotations)) {
    const period = rotation.period;
    if (period.unit !== 'week') continue;
    const time = clock(period.handoffTime);
    const first = dayNumber(rotation.anchor);
    const odd: Record<'skipped' | 'twice', { dates: string[]; span: string }> = {
      skipped: { dates: [], span: '' },
      twice: { dates: [], span: '' },
    };
    for (let day = first; day < first + Math.ceil(years * 365.25); day += 7) {
      const change = clockChangeAt(day, period.handoffTime, period.timezone);
      if (!change) continue;
      const date = `${titleOf(weekdayOf(day))} ${isoDate(day)} ${time}`;
      const landed = isoIn(instantOf(day, period.handoffTime, period.timezone), period.timezone);
      odd[change.kind].dates.push(
        change.kind === 'skipped'
          ? `${date} → ${landed.slice(11, 16)}`
          : `${date} (the first of the two)`,
      );
      odd[change.kind].span ||= change.span;
    }
    for (const kind of ['skipped', 'twice'] as const)
      if (odd[kind].dates.length > 0)
        found.push({ rotation: rotation.name, kind, zone: period.timezone, time, ...odd[kind] });
  }
  return found;
}
