import { addBusinessMs } from '../../roster/business-time.js';
import { onCallAt } from '../../roster/resolve.js';
import { routeFor } from '../../roster/routes.js';
import { describeDays, MINUTE_MS, minutesOf } from '../../roster/time.js';
import type { Roster, Window } from '../../roster/types.js';
import { type EscalationConfig, type Goal, hasAnyLabel, type Step } from '../config/escalation.js';

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

function goalFor(config: EscalationConfig, labels: readonly string[]): Goal | undefined {
  return config.goals.find((g) => g.labels.length === 0 || hasAnyLabel(labels, g.labels));
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
  config: EscalationConfig,
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

/** When a step falls due: its minutes past the goal, on the business clock. */
export function stepDueAt(clock: ResponseClock, step: Step): number | undefined {
  return addBusinessMs(
    clock.window,
    clock.startedAt,
    (clock.goal.minutes + step.afterMinutes) * MINUTE_MS,
  );
}

/** How many of the steps are due at `now` (steps are in order, so it is a prefix). */
export function stepsDue(clock: ResponseClock, steps: readonly Step[], now: number): number {
  let due = 0;
  for (const step of steps) {
    const at = stepDueAt(clock, step);
    if (at === undefined || at > now) break;
    due += 1;
  }
  return due;
}

/** Business days as business time: one day is the calendar's hours on a working day. */
export function businessDayMs(window: Window): number {
  const minutes = window.hours.reduce(
    (sum, r) => sum + ((r.end > r.start ? r.end : r.end + 1440) - r.start),
    0,
  );
  return minutes * MINUTE_MS;
}
