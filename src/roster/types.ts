/**
 * The roster domain: who works where and when, how rotations turn, and which schedule answers
 * for which labels. This is roster.yaml after schema validation and {@link rosterFrom}: camelCase,
 * defaults filled, names resolved into the records they point at. It stays plain data (no class,
 * no luxon object) so it can be compared, serialised and passed around freely; the resolver does
 * the time arithmetic.
 *
 * Every time of day belongs to an IANA zone and is read as local wall-clock time there: a "week"
 * is a calendar week (167 or 169 hours across DST), a "day" a calendar day.
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * A stretch of local time on one day, in minutes since local midnight. `end` may be 1440
 * ("24:00"). When `end <= start` the range crosses midnight and belongs to the day it starts on:
 * that day's weekday and holiday decide whether it happens at all.
 */
export interface TimeRange {
  start: number;
  end: number;
  /** As written: "08:00-12:00". */
  text: string;
}

/** A day a site does not work, committed in the file so that it can be reviewed. */
export interface Holiday {
  /** Local date, YYYY-MM-DD. */
  date: string;
  name?: string;
}

export interface Site {
  name: string;
  /** IANA zone: Europe/Paris, never an abbreviation such as CET or PST. */
  timezone: string;
  /** Days the site works; default Monday to Friday. */
  workweek: Weekday[];
  /** Sorted by date, without repeats. */
  holidays: Holiday[];
}

export interface Person {
  /** GitHub login: the key in `people:`. */
  login: string;
  site: string;
  name?: string;
}

/**
 * Recurring local opening hours: a calendar, a layer's window or a declared gap. Everything the
 * resolver needs is here, copied from the site, so it never has to look the site up again.
 */
export interface Window {
  timezone: string;
  days: Weekday[];
  /** Sorted by start. */
  hours: TimeRange[];
  /** Dates (YYYY-MM-DD, sorted) on which the window does not open at all. */
  closed: string[];
  /** For traces: "calendar business (Mon-Fri 08:00-12:00, 13:00-17:00 America/Los_Angeles)". */
  label: string;
}

/** Named working time: the slots of a daily rotation, and the business-hours clock of escalations. */
export interface Calendar extends Window {
  name: string;
  site: string;
}

export type Order = { kind: 'fixed' } | { kind: 'shuffle'; seed: string };

/** One turn per calendar week, handed off at a local weekday and time. */
interface WeekPeriod {
  unit: 'week';
  handoffDay: Weekday;
  /** Minutes since local midnight. */
  handoffTime: number;
  timezone: string;
}

/** One turn per working day of a calendar: weekends and the site's holidays are not turns. */
interface SlotPeriod {
  unit: 'slot';
  calendar: string;
}

/**
 * A dated change of membership. It takes effect at the first turn that starts on or after
 * `from` (the turn in progress finishes); turns before it keep being computed with the earlier
 * members, so a change never rewrites the past.
 */
export interface RotationChange {
  /** Local date in the rotation's zone, YYYY-MM-DD. */
  from: string;
  members: string[];
  order: Order;
  /** Who takes the first turn of the change; default whoever would have come next, if still a member. */
  startWith?: string;
  /** Meant to rewrite turns already past: the pull-request check accepts it then. */
  retroactive: boolean;
}

export interface Rotation {
  name: string;
  period: WeekPeriod | SlotPeriod;
  /** Local date of turn 0: the hand-off on this date (weekly) or the first working day on or after it (slots). */
  anchor: string;
  /** Members from the anchor on, in turn order (fixed) or as the pool to shuffle. */
  members: string[];
  order: Order;
  /** Sorted by `from`. */
  changes: RotationChange[];
}

/** One source of coverage in a schedule: a rotation, active inside a window (or always). */
export interface Layer {
  name: string;
  rotation: string;
  /** Absent: the layer is always active (the week's owner holds it day and night). */
  window?: Window;
}

/** A known hole in coverage, so that validation does not flag it and the trace can say so. */
export interface DeclaredGap {
  name: string;
  window: Window;
  /**
   * Minutes the declared gap may stretch on either side: US and EU clocks change on different
   * dates, so a gap fixed in one zone grows by an hour for a few weeks a year.
   */
  toleranceMinutes: number;
}

type GapPolicy = 'hold' | 'fallback';

export interface Schedule {
  name: string;
  /**
   * Role names in turn order: the first (usually "primary") is the person of the turn, the
   * second ("backup") the next in turn, and so on.
   */
  roles: string[];
  /**
   * A role that learns beside the others: held by the turn of its own rotation while the first
   * role is held, shown wherever the roles are, never assigned and never the response.
   */
  shadow?: Shadow;
  /** By precedence: the first layer that is active and has somebody wins. */
  layers: Layer[];
  gaps: DeclaredGap[];
  /** hold: issues wait (labelled) until coverage resumes; fallback: they go to `fallback`. */
  onGap: GapPolicy;
  fallback?: string;
  handoff: HandoffPolicy;
}

export interface Shadow {
  role: string;
  rotation: string;
}

/** What the scheduled run does, besides logging, when the first role changes hands. */
interface HandoffPolicy {
  /** open: the schedule's open issues of the outgoing person go to the incoming one. */
  reassign: 'none' | 'open';
}

/** Somebody else holds a role for a while; beats the rotation, and may cover a gap. */
export interface Override {
  schedule: string;
  role: string;
  login: string;
  /** Local date-times as written (YYYY-MM-DDTHH:MM) in `timezone`. */
  from: string;
  to: string;
  /** The zone `from` and `to` are read in: as written, or the overriding person's site zone. */
  timezone: string;
  /** Issue or PR that asked for it, for the trace. */
  ref?: string;
  /** Records the past after the fact: the pull-request check accepts that it changes the past. */
  retroactive: boolean;
}

/**
 * Somebody is away: the rotation skips them while it lasts and the next in turn takes over
 * (the order itself does not change). Dates are whole local days, inclusive; a date-time bound
 * (YYYY-MM-DDTHH:MM) allows part days.
 */
export interface Leave {
  login: string;
  from: string;
  to: string;
  /** The person's site zone. */
  timezone: string;
  /** Recorded after the fact: the pull-request check accepts that it changes the past. */
  retroactive: boolean;
}

/** Issues whose labels include one of `labels` go to `schedule` (an empty list matches any issue). */
export interface Route {
  labels: string[];
  schedule: string;
  role: string;
}

export interface Roster {
  version: 1;
  sites: Record<string, Site>;
  people: Record<string, Person>;
  calendars: Record<string, Calendar>;
  rotations: Record<string, Rotation>;
  schedules: Record<string, Schedule>;
  overrides: Override[];
  leave: Leave[];
  /** First match wins. */
  routes: Route[];
  /** Who gets an issue when nobody on the roster can: a login or an @org/team. */
  fallback?: string;
  /** `backup`: a new issue due to someone whose GitHub status says Busy goes to the backup. */
  busy?: 'backup';
}

/** Why one person holds one role at one instant. */
export interface Assignment {
  login: string;
  site: string;
  /** ISO instants (with the offset of the layer's zone) of the stretch this person holds the role. */
  shiftStart: string;
  shiftEnd: string;
  why: string;
}

interface GapInfo {
  /** The declared gap this instant falls in, or null when nobody expected it. */
  declared: string | null;
  policy: GapPolicy;
  fallback?: string;
}

export interface OnCall {
  coverage: 'covered' | 'gap';
  /** The layer that answered (absent in a gap, or when only an override covers). */
  layer?: string;
  primary?: Assignment;
  backup?: Assignment;
  /** Every role of the schedule that somebody holds, primary and backup included. */
  roles: Record<string, Assignment>;
  trace: string[];
  gap?: GapInfo;
  /** In a gap: when coverage resumes (ISO), and who then holds the first role. */
  resumesAt?: string;
  resumesWith?: Assignment;
}

/** A stretch of constant coverage: the timeline of a schedule. */
export interface Shift {
  start: string;
  end: string;
  coverage: 'covered' | 'gap';
  layer?: string;
  /** Role → login. */
  assignees: Record<string, string>;
  /** In a gap: the declared gap, or null when nobody expected it. */
  declaredGap?: string | null;
}

/** An instant at which the first role changes hands (gaps in between are looked through). */
export interface Handoff {
  at: string;
  /** The last person who held the role before, or null when nobody did within a week before the range. */
  from: string | null;
  to: string;
}
