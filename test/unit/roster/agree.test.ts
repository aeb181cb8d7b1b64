import { describe, expect, it } from 'vitest';
import { buildCalendar, type OnCallEvent } from '../../../src/oncall/calendar.js';
import { computeMetrics } from '../../../src/report/decide/metrics.js';
import type { Week } from '../../../src/report/decide/types.js';
import { nextWeek, parseWeek } from '../../../src/report/decide/week.js';
import { onCallAt } from '../../../src/roster/resolve.js';
import { shiftsBetween } from '../../../src/roster/shifts.js';
import { scheduleOf } from '../../../src/roster/decide.js';
import { shownRoles } from '../../../src/roster/shadow.js';
import type { Shift } from '../../../src/roster/types.js';
import { input } from '../fixtures/report/issues.js';
import { fixture } from '../fixtures/roster/load.js';

/**
 * One truth for who is on call. `who` asks the resolver at an instant; the preview and the
 * report's on-call table read the timeline over their own ranges; the calendar folds it into
 * events. Over every half hour of a year of a roster with every feature (three zones changing
 * clocks on different dates, weekly and slot rotations, dated member changes, a shuffle, windows,
 * declared gaps, holidays, leave, overlapping overrides, a backup override in a gap), all four
 * must name the same people. Every time in the roster falls on a half hour in UTC, so sampling
 * each half hour sees every stretch.
 */

const roster = fixture('every-feature');
const ZONE = 'Europe/Paris';
const FIRST = parseWeek('2026-W02', ZONE) as Week;
const WEEKS = 52;
const HALF_HOUR = 1_800_000;
const FROM = FIRST.start;
const TO = FROM + WEEKS * 7 * 86_400_000 + 3_600_000 * 2;

const weeks: Week[] = [];
for (let week = FIRST; weeks.length < WEEKS; week = nextWeek(week)) weeks.push(week);
const halfHours = (from: number, to: number) =>
  Array.from({ length: Math.floor((to - from) / HALF_HOUR) }, (_x, k) => from + k * HALF_HOUR);

/** The span (a shift, an event) of a sorted, non-overlapping list that holds the instant. */
function spanAt<T extends { start: string; end: string }>(spans: readonly T[], at: number) {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid] as T;
    if (Date.parse(span.end) <= at) lo = mid + 1;
    else if (Date.parse(span.start) > at) hi = mid - 1;
    else return span;
  }
  return undefined;
}
const shiftAt = (shifts: readonly Shift[], at: number) => spanAt(shifts, at);

/** What a shift says of an instant, in the words a mismatch is reported in. */
function told(shift: Shift | undefined): string {
  if (!shift) return 'no shift';
  const people = Object.entries(shift.assignees).map(([role, login]) => `${role}=${login}`);
  const gap = shift.coverage === 'gap' ? `gap ${shift.declaredGap ?? 'undeclared'}` : '';
  return [gap, ...people].filter(Boolean).join(' ');
}

/** `who` at an instant, asked once: the report's check counts the same half hours again. */
const asked = new Map<string, ReturnType<typeof onCallAt>>();
function whoAt(schedule: string, at: number): ReturnType<typeof onCallAt> {
  const key = `${schedule} ${at}`;
  const known = asked.get(key);
  if (known) return known;
  const answer = onCallAt(roster, schedule, new Date(at));
  asked.set(key, answer);
  return answer;
}

function whoSays(schedule: string, at: number): string {
  const now = whoAt(schedule, at);
  const people = Object.entries(now.roles).map(([role, a]) => `${role}=${a.login}`);
  const gap = now.coverage === 'gap' ? `gap ${now.gap?.declared ?? 'undeclared'}` : '';
  return [gap, ...people].filter(Boolean).join(' ');
}

/** The first few instants where two tellings differ, as "instant: one | other". */
function differences(instants: number[], one: (t: number) => string, other: (t: number) => string) {
  const found: string[] = [];
  for (const t of instants) {
    const [a, b] = [one(t), other(t)];
    if (a !== b) found.push(`${new Date(t).toISOString()}: ${a} | ${b}`);
    if (found.length === 5) break;
  }
  return found;
}

/** A year of half hours is seconds of work: more than the default timeout on a busy machine. */
const YEAR_LONG = { timeout: 60_000 };

describe.each(Object.keys(roster.schedules))('the %s schedule over 2026', (schedule) => {
  const year = shiftsBetween(roster, schedule, new Date(FROM), new Date(TO));
  const yearSays = (t: number) => told(shiftAt(year, t));

  it('`who` names the people the timeline names, every half hour', YEAR_LONG, () => {
    const instants = halfHours(FROM, FROM + WEEKS * 7 * 86_400_000);
    expect(differences(instants, (t) => whoSays(schedule, t), yearSays)).toEqual([]);
  });

  it(
    'a week read on its own (the preview, the report) names the people the year names',
    YEAR_LONG,
    () => {
      const found = weeks.flatMap((week) => {
        const own = shiftsBetween(roster, schedule, new Date(week.start), new Date(week.end));
        return differences(halfHours(week.start, week.end), (t) => told(shiftAt(own, t)), yearSays);
      });
      expect(found.slice(0, 5)).toEqual([]);
    },
  );

  it("the calendar's events hold the same people at the same times", YEAR_LONG, () => {
    const { events } = buildCalendar({
      roster,
      selection: { schedule },
      from: new Date(FROM),
      to: new Date(TO),
      generatedAt: new Date(FROM),
    });
    const byRole = new Map<string, OnCallEvent[]>();
    for (const event of events) byRole.set(event.role, [...(byRole.get(event.role) ?? []), event]);
    const eventAt = (role: string, t: number) => spanAt(byRole.get(role) ?? [], t);
    const calendarSays = (t: number) => {
      const shift = shiftAt(year, t);
      const gap = shift?.coverage === 'gap' ? `gap ${shift.declaredGap ?? 'undeclared'}` : '';
      const roles = shownRoles(scheduleOf(roster, schedule));
      const people = roles.flatMap((role) => {
        const event = eventAt(role, t);
        return event ? [`${role}=${event.login}`] : [];
      });
      return [gap, ...people].filter(Boolean).join(' ');
    };
    const instants = halfHours(FROM, FROM + WEEKS * 7 * 86_400_000);
    expect(differences(instants, calendarSays, yearSays)).toEqual([]);
  });

  it(
    "the report's hours per role and person are the half hours `who` names, week by week",
    YEAR_LONG,
    () => {
      const found: string[] = [];
      for (const week of weeks) {
        const table = computeMetrics(input([], { roster, week, now: week.end })).oncall.find(
          (s) => s.name === schedule,
        );
        const counted = new Map<string, number>();
        for (const t of halfHours(week.start, week.end))
          for (const [role, a] of Object.entries(whoAt(schedule, t).roles))
            counted.set(`${role}=${a.login}`, (counted.get(`${role}=${a.login}`) ?? 0) + 0.5);
        const reported = Object.entries(table?.thisWeek ?? {}).flatMap(([role, holdings]) =>
          holdings.map((h) => [`${role}=${h.login}`, h.hours] as const),
        );
        const expected = [...counted].map(([key, hours]) => [key, Math.round(hours * 10) / 10]);
        const sort = (rows: readonly (readonly [string, number])[]) =>
          [...rows].sort((a, b) => a[0].localeCompare(b[0])).map(([k, h]) => `${k} ${h}h`);
        const [a, b] = [sort(reported), sort(expected as [string, number][])].map((r) =>
          r.join(', '),
        );
        if (a !== b) found.push(`${week.start}: report ${a} | who ${b}`);
      }
      expect(found.slice(0, 3)).toEqual([]);
    },
  );
});
