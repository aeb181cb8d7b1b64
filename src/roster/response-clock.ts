/**
 * One response clock for the whole desk: escalation acts on it and the weekly report judges by
 * it, so an issue has one goal, one calendar and one verdict. The goals are escalation.yaml's
 * `response:` section; the calendars are roster.yaml's.
 */
import { addBusinessMs, businessMsBetween } from './business-time.js';
import { onCallAt } from './resolve.js';
import { routeFor } from './routes.js';
import { describeDays, MINUTE_MS, minutesOf } from './time.js';
import type { Calendar, Roster, Window } from './types.js';
import { AWAITING_FIX_LABEL } from '../kernel/kit-labels.js';

/** Where the response clock counts: a calendar of roster.yaml, or the calendar of a role's site. */
type ClockCalendar = { kind: 'named'; name: string } | { kind: 'site-of'; role: string };

export interface Goal {
  /** An issue with any of these labels has this goal; empty: every issue no earlier goal took. */
  labels: string[];
  /** Business minutes to the first acknowledgement. */
  minutes: number;
  calendar: ClockCalendar;
  /** For problems and notes: `response.goals[1]`. */
  index: number;
}

/** The goals and the hours of a business day where roster.yaml has no calendar for a site. */
export interface ResponseModel {
  goals: Goal[];
  businessHours: string[];
  /** Labels that say the issue waits on its reporter: the clock stops while one is on. */
  pauseWhile: string[];
}

/** escalation.yaml's `response:` section, as written (already schema-checked). */
export interface ResponseSection {
  goals?: { labels?: string[]; minutes: number; calendar?: string | { 'site-of': string } }[];
  calendar?: string | { 'site-of': string };
  'business-hours'?: string[];
  'pause-while'?: string[];
}

const SITE_OF_PRIMARY: ClockCalendar = { kind: 'site-of', role: 'primary' };

function calendarOf(value: ResponseSection['calendar'], fallback: ClockCalendar): ClockCalendar {
  if (value === undefined) return fallback;
  if (typeof value === 'string') return { kind: 'named', name: value };
  return { kind: 'site-of', role: value['site-of'] };
}

/** The response model of a `response:` section; absent: one business hour for every issue. */
export function responseModelFrom(response: ResponseSection = {}): ResponseModel {
  const clock = calendarOf(response.calendar, SITE_OF_PRIMARY);
  return {
    goals: (response.goals ?? [{ minutes: 60 }]).map((g, index) => ({
      labels: g.labels ?? [],
      minutes: g.minutes,
      calendar: calendarOf(g.calendar, clock),
      index,
    })),
    businessHours: response['business-hours'] ?? ['09:00-17:00'],
    pauseWhile: response['pause-while'] ?? [],
  };
}

/**
 * The response clock: which goal an issue has, on which business calendar it counts, and when
 * the goal and each escalation step fall due. Lunch, nights, weekends and the site's holidays do
 * not count (src/core/roster/business-time.ts does the counting).
 */

export interface ResponseClock {
  goal: Goal;
  window: Window;
  /** How the calendar was chosen, for the state comment: "calendar business (site llnl)". */
  source: string;
  startedAt: number;
  /** When the clock stood still because the issue waited on its reporter, oldest first. */
  pauses: Pause[];
  /** When the goal falls due; undefined while paused, or when the calendar does not open within a year. */
  dueAt: number | undefined;
}

/** A stretch of time the clock does not count; `to` undefined: still waiting. */
export interface Pause {
  from: number;
  to: number | undefined;
}

/**
 * What the clock needs to know of an issue's history to pause: when a label came on or off, and
 * when its reporter commented. Escalation reads it from the events, the report from its
 * timeline; both hand it here, so both pause the same way.
 */
export interface WaitingHistory {
  labels: readonly { label: string; at: string; added: boolean }[];
  reporterComments: readonly string[];
}

const NO_HISTORY: WaitingHistory = { labels: [], reporterComments: [] };

/**
 * When the issue waited on its reporter: from the moment a pause label came on until it came off
 * or the reporter commented, whichever is first. A comment from before the label does not end
 * the wait; a label still on with no answer since is a pause still running.
 */
export function pausesOf(model: ResponseModel, history: WaitingHistory): Pause[] {
  return merged([...onReporter(model, history), ...onEngineering(history)]);
}

/**
 * When the issue waited on engineering: while the kit's awaiting-fix label was on (a linked
 * engineering issue, kernel/fix-link.ts). The reporter's comments do not end this wait: the desk
 * has answered, and the fix is engineering's.
 */
function onEngineering(history: WaitingHistory): Pause[] {
  const pauses: Pause[] = [];
  let open: number | undefined;
  const changes = history.labels
    .filter((c) => sameName(c.label, AWAITING_FIX_LABEL))
    .map((c) => ({ at: Date.parse(c.at), added: c.added }))
    .sort((a, b) => a.at - b.at);
  for (const change of changes) {
    if (change.added && open === undefined) open = change.at;
    else if (!change.added && open !== undefined) {
      pauses.push({ from: open, to: change.at });
      open = undefined;
    }
  }
  if (open !== undefined) pauses.push({ from: open, to: undefined });
  return pauses;
}

/** Pauses in time order, overlapping ones joined: the clock stands still once for both. */
function merged(pauses: Pause[]): Pause[] {
  const out: Pause[] = [];
  for (const p of [...pauses].sort((a, b) => a.from - b.from)) {
    const last = out[out.length - 1];
    if (last && (last.to === undefined || p.from <= last.to))
      last.to = last.to === undefined || p.to === undefined ? undefined : Math.max(last.to, p.to);
    else out.push({ ...p });
  }
  return out;
}

function onReporter(model: ResponseModel, history: WaitingHistory): Pause[] {
  if (model.pauseWhile.length === 0) return [];
  const pausing = (label: string) => model.pauseWhile.some((p) => sameName(p, label));
  const answers = history.reporterComments.map(Date.parse).sort((a, b) => a - b);
  const changes = history.labels
    .filter((c) => pausing(c.label))
    .map((c) => ({ at: Date.parse(c.at), added: c.added }))
    .sort((a, b) => a.at - b.at);
  const pauses: Pause[] = [];
  let on = 0;
  let open: number | undefined;
  for (const change of changes) {
    on = Math.max(0, on + (change.added ? 1 : -1));
    if (change.added && open === undefined) open = change.at;
    if (on === 0 && open !== undefined) {
      pauses.push(endAtAnswer(open, change.at, answers));
      open = undefined;
    }
  }
  if (open !== undefined) pauses.push(endAtAnswer(open, undefined, answers));
  return pauses;
}

function endAtAnswer(from: number, removed: number | undefined, answers: readonly number[]): Pause {
  const answer = answers.find((a) => a >= from);
  if (answer === undefined) return { from, to: removed };
  return { from, to: removed === undefined ? answer : Math.min(answer, removed) };
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Every hour of every day: the clock of an issue no roster route covers. */
const ALWAYS: Window = {
  timezone: 'UTC',
  days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
  hours: [{ start: 0, end: 1440, text: '00:00-24:00' }],
  closed: [],
  label: 'every hour of every day',
};

function goalFor(model: ResponseModel, labels: readonly string[]): Goal | undefined {
  const has = (wanted: string) => labels.some((l) => sameName(l, wanted));
  return model.goals.find((g) => g.labels.length === 0 || g.labels.some(has));
}

/** A site's business days (its work week, without its holidays) at the configured hours. */
function siteWindow(roster: Roster, site: string, hours: readonly string[]): Window | undefined {
  const s = roster.sites[site];
  if (!s) return undefined;
  const ranges = hours
    .map((text) => {
      const [from = '00:00', to = '00:00'] = text.split('-');
      return { start: minutesOf(from), end: minutesOf(to), text };
    })
    .sort((a, b) => a.start - b.start);
  return {
    timezone: s.timezone,
    days: s.workweek,
    hours: ranges,
    closed: s.holidays.map((h) => h.date),
    label: `site ${site}: ${describeDays(s.workweek)} ${hours.join(', ')} ${s.timezone}`,
  };
}

/**
 * The business time the clock counted between two instants: the calendar's working time, less
 * the pauses.
 */
export function countedMs(clock: ResponseClock, from: number, to: number): number {
  const paused = clock.pauses.reduce(
    (sum, p) =>
      sum + businessMsBetween(clock.window, Math.max(p.from, from), Math.min(p.to ?? to, to)),
    0,
  );
  return Math.max(0, businessMsBetween(clock.window, from, to) - paused);
}

/**
 * When `minutes` of counted time have passed since the clock started; undefined while a pause
 * that comes first is still running, or when the calendar does not open within a year.
 */
export function countedMinutesAt(clock: ResponseClock, minutes: number): number | undefined {
  let left = minutes * MINUTE_MS;
  let cursor = clock.startedAt;
  for (const pause of clock.pauses) {
    if (pause.to !== undefined && pause.to <= cursor) continue;
    const due = addBusinessMs(clock.window, cursor, left);
    if (due === undefined || due <= Math.max(pause.from, cursor)) return due;
    left -= businessMsBetween(clock.window, cursor, pause.from);
    if (pause.to === undefined) return undefined;
    cursor = Math.max(cursor, pause.to);
  }
  return addBusinessMs(clock.window, cursor, left);
}

/** The pause running at `now`, if the issue is waiting on its reporter. */
export function pausedAt(clock: ResponseClock, now: number): Pause | undefined {
  return clock.pauses.find((p) => p.from <= now && (p.to === undefined || p.to > now));
}

/**
 * The clock of one issue, started when it was opened. With `site-of: primary`, the calendar is
 * that of the site of whoever was primary for the route when it arrived (in a gap: of
 * whoever takes over when coverage resumes), so a Paris engineer's issue counts Paris hours.
 * `history` (label changes and the reporter's comments) pauses it while it waits on the reporter.
 */
export function responseClock(
  config: ResponseModel,
  roster: Roster | undefined,
  labels: readonly string[],
  createdAt: string,
  history: WaitingHistory = NO_HISTORY,
): ResponseClock | undefined {
  const goal = goalFor(config, labels);
  if (!goal) return undefined;
  const startedAt = Date.parse(createdAt);
  const pauses = pausesOf(config, history);
  const make = (window: Window, source: string): ResponseClock => {
    const clock: ResponseClock = { goal, window, source, startedAt, pauses, dueAt: undefined };
    clock.dueAt = countedMinutesAt(clock, goal.minutes);
    return clock;
  };
  if (!roster) return make(ALWAYS, 'wall-clock time (no roster.yaml)');
  if (goal.calendar.kind === 'named') {
    const calendar = roster.calendars[goal.calendar.name];
    return calendar
      ? make(calendar, `calendar ${calendar.name} (site ${calendar.site})`)
      : make(ALWAYS, `wall-clock time (no calendar ${goal.calendar.name} in roster.yaml)`);
  }
  const route = routeFor(roster, labels);
  if (!route) return make(ALWAYS, 'wall-clock time (no roster route for its labels)');
  const onCall = onCallAt(roster, route.schedule, new Date(startedAt));
  const role = goal.calendar.role;
  const person = onCall.roles[role] ?? (role === 'primary' ? onCall.resumesWith : undefined);
  const site = person ? roster.people[person.login]?.site : undefined;
  if (!person || !site)
    return make(ALWAYS, `wall-clock time (nobody is ${role} of ${route.schedule})`);
  const calendar = siteCalendar(roster, site);
  if (calendar)
    return make(calendar, `calendar ${calendar.name} (site of ${role} ${person.login})`);
  const window = siteWindow(roster, site, config.businessHours);
  return window
    ? make(window, `${window.label} (site of ${role} ${person.login})`)
    : make(ALWAYS, `wall-clock time (unknown site ${site})`);
}

/** The calendar a site's issues count on: its first roster calendar by name. */
function siteCalendar(roster: Roster, site: string): Calendar | undefined {
  return Object.values(roster.calendars)
    .filter((c) => c.site === site)
    .sort((a, b) => a.name.localeCompare(b.name))[0];
}

/**
 * Every calendar some issue's clock may count on, for the ticks that act on it: the named
 * calendars of the goals, and for `site-of` the calendar of every site with people on the
 * roster. Without a roster, or with a goal on a calendar the roster lacks: round the clock.
 */
export function clockWindows(model: ResponseModel, roster: Roster | undefined): Window[] {
  const windows = new Map<string, Window>();
  for (const goal of model.goals) {
    const found: (Window | undefined)[] = !roster
      ? [undefined]
      : goal.calendar.kind === 'named'
        ? [roster.calendars[goal.calendar.name]]
        : [...new Set(Object.values(roster.people).map((p) => p.site))].map(
            (site) => siteCalendar(roster, site) ?? siteWindow(roster, site, model.businessHours),
          );
    for (const window of found) windows.set((window ?? ALWAYS).label, window ?? ALWAYS);
  }
  return [...windows.values()];
}
