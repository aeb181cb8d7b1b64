import { DateTime } from 'luxon';
import { shiftsBetween } from './shifts.js';
import { occurrencesBetween } from './window.js';
import type { Roster, Weekday, Window } from './types.js';

/**
 * Who carried how much of the on-call load over a period, from the roster alone: the hours each
 * person held each role, and how many of them fell outside their own site's working hours, on
 * its weekend or on its holidays. The weekly report, `support-kit oncall load` and the roster
 * review read the same figures.
 */
export interface Load {
  login: string;
  /** Hours held per role, summed over the schedules. */
  roles: Record<string, number>;
  total: number;
  /** Of `total`: outside the working hours of the person's site (weekends and holidays included). */
  offHours: number;
  /** Of `total`: on a day the site does not work. */
  weekend: number;
  /** Of `total`: on one of the site's holidays. */
  holiday: number;
}

const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
/** A site without a calendar of its own works 09:00-17:00 on its work week. */
const DEFAULT_HOURS = { start: 9 * 60, end: 17 * 60, text: '09:00-17:00' };

/** Everybody who held a role in [from, to), most hours first. */
export function ledger(roster: Roster, from: number, to: number): Load[] {
  const loads = new Map<string, Load>();
  for (const [name, schedule] of Object.entries(roster.schedules))
    for (const shift of shiftsBetween(roster, name, new Date(from), new Date(to)))
      for (const [role, login] of Object.entries(shift.assignees)) {
        const load = loads.get(login) ?? emptyLoad(login);
        const [start, end] = [Date.parse(shift.start), Date.parse(shift.end)];
        // Shadow hours are shown, not carried: the load is what people answer for.
        if (role === schedule.shadow?.role)
          load.roles[role] = (load.roles[role] ?? 0) + hours(end - start);
        else count(roster, load, role, start, end);
        loads.set(login, load);
      }
  return [...loads.values()]
    .map(rounded)
    .sort((a, b) => b.total - a.total || a.login.localeCompare(b.login, 'en'));
}

function emptyLoad(login: string): Load {
  return { login, roles: {}, total: 0, offHours: 0, weekend: 0, holiday: 0 };
}

/** Adds [start, end) to the person's load: exactly, from the openings and the local days it spans. */
const hours = (ms: number) => ms / 3_600_000;

function count(roster: Roster, load: Load, role: string, start: number, end: number): void {
  load.roles[role] = (load.roles[role] ?? 0) + hours(end - start);
  load.total += hours(end - start);
  const site = roster.sites[roster.people[load.login]?.site ?? ''];
  if (!site) return;
  const working = occurrencesBetween(workingWindow(roster, load.login), start, end).reduce(
    (sum, o) => sum + Math.max(0, Math.min(o.end, end) - Math.max(o.start, start)),
    0,
  );
  load.offHours += hours(end - start - working);
  for (let day = DateTime.fromMillis(start, { zone: site.timezone }).startOf('day'); ;) {
    const next = day.plus({ days: 1 });
    const overlap = Math.min(next.toMillis(), end) - Math.max(day.toMillis(), start);
    if (overlap > 0) {
      if (!site.workweek.includes(WEEKDAYS[day.weekday - 1] as Weekday))
        load.weekend += hours(overlap);
      if (site.holidays.some((h) => h.date === day.toISODate())) load.holiday += hours(overlap);
    }
    if (next.toMillis() >= end) break;
    day = next;
  }
}

/** The person's site's first calendar, or 09:00-17:00 on its work week, without its holidays. */
function workingWindow(roster: Roster, login: string): Window {
  const siteName = roster.people[login]?.site ?? '';
  const calendar = Object.values(roster.calendars).find((c) => c.site === siteName);
  if (calendar) return calendar;
  const site = roster.sites[siteName];
  return {
    timezone: site?.timezone ?? 'UTC',
    days: site?.workweek ?? WEEKDAYS.slice(0, 5),
    hours: [DEFAULT_HOURS],
    closed: site?.holidays.map((h) => h.date) ?? [],
    label: `site ${siteName} 09:00-17:00`,
  };
}

function rounded(load: Load): Load {
  const r = (hours: number) => Math.round(hours * 10) / 10;
  return {
    login: load.login,
    roles: Object.fromEntries(Object.entries(load.roles).map(([role, h]) => [role, r(h)])),
    total: r(load.total),
    offHours: r(load.offHours),
    weekend: r(load.weekend),
    holiday: r(load.holiday),
  };
}

/** The quarter (Jan, Apr, Jul, Oct) that holds the instant, from its first day in the zone. */
export function quarterStart(at: number, zone: string): number {
  const local = DateTime.fromMillis(at, { zone });
  return local.startOf('quarter').toMillis();
}

/** The people who carried some load: those who only shadowed carried none. */
function carrying(loads: readonly Load[]): Load[] {
  return loads.filter((l) => l.total > 0);
}

/** How uneven the load is: the most hours anyone held minus the fewest, among those who held any. */
export function spread(loads: readonly Load[]): number {
  const totals = carrying(loads).map((l) => l.total);
  if (totals.length === 0) return 0;
  return Math.round((Math.max(...totals) - Math.min(...totals)) * 10) / 10;
}

/** Who carried the most and the fewest hours (ledger order), when their totals differ. */
export function extremes(loads: readonly Load[]): { most: Load; fewest: Load } | undefined {
  const held = carrying(loads);
  const [most, fewest] = [held[0], held.at(-1)];
  if (!most || !fewest || most.total === fewest.total) return undefined;
  return { most, fewest };
}

/** The mark a row of the ledger gets: ties with the most or the fewest are marked too. */
export function extremeOf(loads: readonly Load[], load: Load): 'most' | 'fewest' | undefined {
  const ends = extremes(loads);
  if (!ends || load.total === 0) return undefined;
  if (load.total === ends.most.total) return 'most';
  return load.total === ends.fewest.total ? 'fewest' : undefined;
}
