import { DateTime } from 'luxon';
import { clockWindows, type ResponseModel } from '../../roster/response-clock.js';
import { boundariesBetween, shiftsBetween } from '../../roster/shifts.js';
import { DAY_MS, weekdayIndex } from '../../roster/time.js';
import type { Roster, Window } from '../../roster/types.js';

/**
 * The desk's cron, from the roster: ticks only in the hours where a response clock can run (so
 * an escalation is acted on within one interval of falling due), at each hand-off and at each
 * return of coverage, in the sites' own zones (GitHub's `timezone:` does the DST arithmetic),
 * and nothing elsewhere. Every scheduled step catches up on what it missed, so a tick that
 * falls on a holiday only costs a minute.
 */

/** Minutes between two ticks in covered hours. */
export type TickInterval = 15 | 30 | 60;
export const TICK_INTERVALS: readonly TickInterval[] = [15, 30, 60];

/** One `on.schedule` entry. */
export interface ScheduleEntry {
  cron: string;
  timezone: string;
}

export interface ScheduleNeeds {
  /** escalation.yaml's response clock, when escalation has steps to act on. */
  response?: ResponseModel;
  roster?: Roster;
  interval: TickInterval;
  /** Hand-offs are read from the eight weeks after this instant. */
  from: Date;
}

/** Off the hour: GitHub delays top-of-the-hour cron runs most (docs/troubleshooting.md). */
const FIRST_MINUTE = 7;
const WEEK_MINUTES = 7 * 1440;
const HANDOFF_HORIZON_MS = 8 * 7 * DAY_MS;

/** A tick at a local minute of the week (0: Monday 00:00) in a zone. */
interface Tick {
  zone: string;
  minute: number;
}

export function scheduleFor(needs: ScheduleNeeds): ScheduleEntry[] {
  const ticks = [
    ...(needs.response ? clockWindows(needs.response, needs.roster) : []).flatMap((w) =>
      windowTicks(w, needs.interval),
    ),
    ...(needs.roster ? turnTicks(needs.roster, needs.from, needs.interval) : []),
  ];
  const families = clockFamilies(
    [...new Set(ticks.map((t) => t.zone))].sort(),
    needs.from.getTime(),
  );
  const byZone = new Map<string, Set<number>>();
  for (const tick of ticks) {
    const { zone, shift } = families.get(tick.zone) ?? { zone: tick.zone, shift: 0 };
    const minutes = byZone.get(zone) ?? new Set<number>();
    minutes.add((((tick.minute + shift) % WEEK_MINUTES) + WEEK_MINUTES) % WEEK_MINUTES);
    byZone.set(zone, minutes);
  }
  if (byZone.size === 0) return [dailyTick(needs.roster)];
  return [...byZone.entries()].flatMap(([zone, minutes]) =>
    cronLines(minutes).map((cron) => ({ cron, timezone: zone })),
  );
}

/**
 * A desk with no clock to act on and no hand-off still has daily work: intake closes what was
 * left incomplete, and failed notifications are sent again. One tick a day, at nine where the
 * first site is.
 */
function dailyTick(roster: Roster | undefined): ScheduleEntry {
  const site = Object.values(roster?.sites ?? {})[0];
  return { cron: `${FIRST_MINUTE} 9 * * *`, timezone: site?.timezone ?? 'UTC' };
}

/** The tick minutes of an hour: 7, 37 for 30. */
function offsets(interval: TickInterval): number[] {
  return Array.from({ length: 60 / interval }, (_, i) => FIRST_MINUTE + i * interval);
}

/**
 * Ticks from the window's opening until one interval past its closing: a goal that falls due at
 * the last minute of the day is acted on within the interval too.
 */
function windowTicks(window: Window, interval: TickInterval): Tick[] {
  const ticks: Tick[] = [];
  for (const day of window.days) {
    const base = weekdayIndex(day) * 1440;
    for (const range of window.hours) {
      const end = range.end > range.start ? range.end : range.end + 1440;
      for (let hour = Math.floor(range.start / 60); hour * 60 < end + interval; hour++)
        for (const offset of offsets(interval)) {
          const at = hour * 60 + offset;
          if (at >= range.start && at < end + interval)
            ticks.push({ zone: window.timezone, minute: base + at });
        }
    }
  }
  return ticks;
}

/**
 * The first tick after every hand-off and every return of coverage in the coming weeks, in the
 * zone of the person who takes over: held issues go to them and the hand-off is logged then.
 */
function turnTicks(roster: Roster, from: Date, interval: TickInterval): Tick[] {
  const to = new Date(from.getTime() + HANDOFF_HORIZON_MS);
  const ticks: Tick[] = [];
  for (const name of Object.keys(roster.schedules)) {
    const turns = boundariesBetween(roster, name, from, to).map((h) => ({ at: h.at, to: h.to }));
    const shifts = shiftsBetween(roster, name, from, to);
    shifts.forEach((shift, i) => {
      const role = roster.schedules[name]?.roles[0] ?? 'primary';
      const login = shift.assignees[role];
      if (i > 0 && shifts[i - 1]?.coverage === 'gap' && shift.coverage === 'covered' && login)
        turns.push({ at: shift.start, to: login });
    });
    for (const turn of turns) {
      const site = roster.people[turn.to]?.site;
      const zone = (site && roster.sites[site]?.timezone) || 'UTC';
      const local = DateTime.fromISO(turn.at, { zone });
      const minute = (local.weekday - 1) * 1440 + local.hour * 60 + local.minute;
      const next = offsets(interval).find((o) => o >= local.minute);
      ticks.push({
        zone,
        minute:
          next === undefined
            ? minute - local.minute + 60 + FIRST_MINUTE
            : minute - local.minute + next,
      });
    }
  }
  return ticks;
}

/**
 * Zones whose clocks move together all year (Paris and London: always an hour apart) share one
 * cron, written in the first zone's time, so an hour both need starts one run, not two. Zones
 * that change clocks on other dates (Paris and San Francisco) keep their own.
 */
function clockFamilies(
  zones: readonly string[],
  from: number,
): Map<string, { zone: string; shift: number }> {
  const offsetsOf = (zone: string) =>
    Array.from({ length: 366 }, (_, d) => DateTime.fromMillis(from + d * DAY_MS, { zone }).offset);
  const heads: { zone: string; offsets: number[] }[] = [];
  const family = new Map<string, { zone: string; shift: number }>();
  for (const zone of zones) {
    const mine = offsetsOf(zone);
    const head = heads.find((h) => new Set(h.offsets.map((o, i) => o - (mine[i] ?? 0))).size === 1);
    if (head) family.set(zone, { zone: head.zone, shift: (head.offsets[0] ?? 0) - (mine[0] ?? 0) });
    else {
      heads.push({ zone, offsets: mine });
      family.set(zone, { zone, shift: 0 });
    }
  }
  return family;
}

/** Cron's day of week: 0 is Sunday. */
const cronDay = (weekIndex: number) => (weekIndex + 1) % 7;

/**
 * Minutes of the week as few cron lines as the pattern allows: hours that tick at the same
 * minutes on the same days share a line ("7,37 8-16 * * 1-5").
 */
function cronLines(minutes: ReadonlySet<number>): string[] {
  const perHour = new Map<string, Set<number>>();
  for (let day = 0; day < 7; day++)
    for (let hour = 0; hour < 24; hour++) {
      const at = [...minutes]
        .filter((m) => Math.floor(m / 60) === day * 24 + hour)
        .map((m) => m % 60)
        .sort((a, b) => a - b);
      if (at.length === 0) continue;
      const key = `${at.join(',')}|${hour}`;
      const days = perHour.get(key) ?? new Set<number>();
      days.add(cronDay(day));
      perHour.set(key, days);
    }
  const lines = new Map<string, { at: string; days: string; hours: number[] }>();
  for (const [key, days] of perHour) {
    const [at = '', hour = '0'] = key.split('|');
    const dayList = list([...days]);
    const line = lines.get(`${at}|${dayList}`) ?? { at, days: dayList, hours: [] };
    line.hours.push(Number(hour));
    lines.set(`${at}|${dayList}`, line);
  }
  return [...lines.values()]
    .map(({ at, days, hours }) => `${at} ${every(list(hours), '0-23')} * * ${every(days, '0-6')}`)
    .sort();
}

/** `*` for the whole range. */
const every = (values: string, whole: string) => (values === whole ? '*' : values);

/** 1,2,3,5 as "1-3,5". */
function list(values: number[]): string {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
    const [from, to] = [String(sorted[i]), String(sorted[j])];
    parts.push(j > i ? `${from}-${to}` : from);
    i = j + 1;
  }
  return parts.join(',');
}

/**
 * The report workflow's runs for a rotation's week: 17 minutes after the hand-off that ends it,
 * in the rotation's zone, and the catch-up two hours later. ISO weeks keep the template's UTC
 * cron, which falls after Monday 00:00 in every zone.
 */
export function reportRuns(period: {
  opens: { day: number; minutes: number; rotation?: string };
  zone: string;
}): ScheduleEntry[] {
  if (!period.opens.rotation) return [];
  const at = (late: number) => {
    const minutes = period.opens.day * 1440 + period.opens.minutes + late;
    const day = (Math.floor(minutes / 1440) % 7) + 1;
    const inDay = minutes % 1440;
    return {
      cron: `${inDay % 60} ${Math.floor(inDay / 60)} * * ${day % 7}`,
      timezone: period.zone,
    };
  };
  return [at(17), at(137)];
}
