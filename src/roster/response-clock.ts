/**
 * One response clock for the whole desk: escalation acts on it and the weekly report judges by
 * it, so an issue has one goal, one calendar and one verdict. The goals are escalation.yaml's
 * `response:` section; the calendars are roster.yaml's.
 */
import { addBusinessMs } from './business-time.js';
import { onCallAt } from './resolve.js';
import { routeFor } from './routes.js';
import { describeDays, MINUTE_MS, minutesOf } from './time.js';
import type { Roster, Window } from './types.js';

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
}

/** escalation.yaml's `response:` section, as written (already schema-checked). */
export interface ResponseSection {
  goals?: { labels?: string[]; minutes: number; calendar?: string | { 'site-of': string } }[];
  calendar?: string | { 'site-of': string };
  'business-hours'?: string[];
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
  /** When the goal falls due; undefined when the calendar does not open within a year. */
  dueAt: number | undefined;
}

/** Every hour of every day: the clock of an issue no roster route covers. */
const ALWAYS: Window = {
  timezone: 'UTC',
  days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
  hours: [{ start: 0, end: 1440, text: '00:00-24:00' }],
  closed: [],
  label: 'every hour of every day',
};

function goalFor(model: ResponseModel, labels: readonly string[]): Goal | undefined {
  const has = (wanted: string) =>
    labels.some((l) => l.trim().toLowerCase() === wanted.trim().toLowerCase());
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
 * The clock of one issue, started when it was opened. With `site-of: primary`, the calendar is
 * that of the site of whoever was primary for the route when it arrived (in a gap: of
 * whoever takes over when coverage resumes), so a Paris engineer's issue counts Paris hours.
 */
export function responseClock(
  config: ResponseModel,
  roster: Roster | undefined,
  labels: readonly string[],
  createdAt: string,
): ResponseClock | undefined {
  const goal = goalFor(config, labels);
  if (!goal) return undefined;
  const startedAt = Date.parse(createdAt);
  const make = (window: Window, source: string): ResponseClock => ({
    goal,
    window,
    source,
    startedAt,
    dueAt: addBusinessMs(window, startedAt, goal.minutes * MINUTE_MS),
  });
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
  const calendar = Object.values(roster.calendars)
    .filter((c) => c.site === site)
    .sort((a, b) => a.name.localeCompare(b.name))[0];
  if (calendar)
    return make(calendar, `calendar ${calendar.name} (site of ${role} ${person.login})`);
  const window = siteWindow(roster, site, config.businessHours);
  return window
    ? make(window, `${window.label} (site of ${role} ${person.login})`)
    : make(ALWAYS, `wall-clock time (unknown site ${site})`);
}
