import { businessMsBetween } from '../../roster/business-time.js';
import { memberAt, nextTurn, turnAt } from '../../roster/rotation.js';
import { shiftsBetween } from '../../roster/shifts.js';
import type { Roster, Shift, Window } from '../../roster/types.js';
import { HANDOFF_LOG_LABEL } from '../../kernel/kit-records.js';
import {
  arrivalOf,
  assigneesAt,
  closingAt,
  firstClosingAfter,
  firstResponseOf,
  isOpenAt,
  isResolution,
  openedByTeam,
  reopeningsBetween,
  type Team,
  transferredInBetween,
} from './definitions.js';
import { labelsOf, matchesSeverity, severityOf } from './labels.js';
import { statsOf, type Stats } from './stats.js';
import { dayIndex, nextWeek } from './week.js';
import type { ReportConfig, ReportCounts, ReportIssue, Week } from './types.js';

/**
 * The week's numbers, computed from the fetched issues and the search counts. Every list says
 * how it is ordered; every average says how many issues it covers and how many it could not.
 */

export interface ReportInput {
  week: Week;
  /**
   * The run's clock. Everything is judged as of the week's end (or now, for a week in
   * progress), so a past week's report reads the same whenever it is run again.
   */
  now: number;
  repositories: string[];
  issues: ReportIssue[];
  counts: ReportCounts;
  config: ReportConfig;
  roster: Roster | null;
  /** The response goals' clock; null: round the clock. */
  calendar: { name: string; window: Window } | null;
  team: Team;
}

export interface IssueRef {
  repo: string;
  number: number;
  title: string;
  url: string;
  severity: string | null;
  assignees: string[];
  /** ISO instant the issue reached its repository. */
  arrivedAt: string;
}

/**
 * As of the week's end. met: answered within the goal; breached: answered late, or not
 * answered once the goal passed; pending: not answered, goal not passed yet; closed: closed
 * unanswered before the goal passed (the reporter withdrew it, say): nobody was late, nobody
 * answered; unmeasured: more early timeline entries than one read holds, none of those read a
 * response: whether and when it was answered is unknown, so it is neither answered nor late.
 */
export type GoalStatus = 'met' | 'breached' | 'pending' | 'closed' | 'unmeasured';

export interface ResponseRow extends IssueRef {
  goalMs: number;
  respondedAt: string | null;
  respondedBy: string | null;
  /** Closed before anyone answered: when. */
  closedUnansweredAt: string | null;
  /** Business time from arrival to the response (unanswered: to the closing, or to now). */
  businessMs: number;
  status: GoalStatus;
}

export interface MajorRow extends IssueRef {
  /** State at the end of the week. */
  state: 'open' | 'closed';
  closedAt: string | null;
  closedAs: 'completed' | 'not planned' | null;
}

export interface StaleRow extends IssueRef {
  ageMs: number;
}

export interface HandoverRow extends IssueRef {
  from: string;
  to: string | null;
}

export interface BreakdownRow {
  label: string;
  opened: number;
  closed: number;
  open: number;
}

export interface Holding {
  login: string;
  hours: number;
}

export interface ScheduleWeek {
  name: string;
  roles: string[];
  thisWeek: Record<string, Holding[]>;
  nextWeek: Record<string, Holding[]>;
  /** Hours of the week nobody covered. */
  gapHours: number;
}

export interface WeekMetrics {
  week: { id: string; timezone: string; start: string; end: string; complete: boolean };
  generatedAt: string;
  repositories: string[];
  opened: number;
  transferredIn: number;
  closed: { total: number; completed: number; notPlanned: number };
  reopened: number;
  backlog: { start: number; end: number };
  allTime: { opened: number; closed: number; open: number };
  /**
   * Opened and closed come from search counts (created in the week; last closed in it), not
   * from replayed timelines as this week's are: see docs/report.md. The backlog is replayed.
   */
  previousWeek: { opened: number; closed: number; backlog: number };
  change: { opened: number; closed: number; backlog: number };
  firstResponse: {
    /** Issues opened this week that owe a response (not opened by the team). */
    population: number;
    answered: number;
    unanswered: number;
    /** Of the unanswered, those closed (by the week's end) before anyone answered. */
    closedUnanswered: number;
    /** Too long an early timeline to tell (see {@link GoalStatus}): neither answered nor not. */
    notMeasured: number;
    openedByTeam: number;
    elapsed: Stats;
    business: Stats | null;
  };
  resolution: {
    /** Issues closed as completed this week; time from arrival to the close. */
    elapsed: Stats;
    notPlanned: number;
    /** Issues opened this week and still open at its end. */
    openedAndOpen: number;
  };
  goals: {
    calendar: string;
    population: number;
    met: number;
    breached: number;
    pending: number;
    closedUnanswered: number;
    notMeasured: number;
    breaches: ResponseRow[];
  };
  stale: { afterDays: number; count: number; issues: StaleRow[] };
  majors: MajorRow[];
  breakdown: { severity: BreakdownRow[]; status: BreakdownRow[]; area: BreakdownRow[] };
  daily: { date: string; opened: number; closed: number }[];
  oncall: ScheduleWeek[];
  handedOver: HandoverRow[];
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

function refOf(issue: ReportIssue, config: ReportConfig): IssueRef {
  return {
    repo: issue.repo,
    number: issue.number,
    title: issue.title,
    url: issue.url,
    severity: severityOf(issue.labels, config.labels),
    assignees: issue.assignees,
    arrivedAt: iso(arrivalOf(issue)),
  };
}

/** The goal of an issue: the first severity key matching one of its labels, else the default. */
export function goalFor(issue: ReportIssue, config: ReportConfig): number {
  for (const [key, goal] of Object.entries(config.goals.severities)) {
    if (labelsOf(issue.labels, config.labels.severity).some((l) => matchesSeverity(l, key)))
      return goal;
  }
  return config.goals.defaultMs;
}

const byArrival = (a: IssueRef, b: IssueRef) =>
  a.arrivedAt < b.arrivedAt ? -1 : a.arrivedAt > b.arrivedAt ? 1 : a.number - b.number;

export function computeMetrics(input: ReportInput): WeekMetrics {
  const { week, now, config, team } = input;
  const { start, end } = week;
  // Never judge the future: a report of the week in progress stops at now.
  const cut = Math.min(end, now);
  // The kit's own issues (reports, hand-off logs) are not the desk's work.
  const own = new Set([config.label, HANDOFF_LOG_LABEL].map((l) => l.toLowerCase()));
  const issues = input.issues.filter(
    (i) => arrivalOf(i) < cut && !i.labels.some((l) => own.has(l.toLowerCase())),
  );

  const openedInWeek = issues.filter((i) => arrivalOf(i) >= start);
  const closings = issues.map((issue) => ({ issue, closing: closingAt(issue, cut) }));
  const closedInWeek = closings.filter(({ closing }) => closing !== null && closing.at >= start);
  const completed = closedInWeek.filter(({ closing }) => isResolution(closing?.reason ?? null));
  const openAtEnd = issues.filter((i) => isOpenAt(i, cut));
  const backlogStart = issues.filter((i) => isOpenAt(i, start - 1)).length;
  const reopened = issues.filter((i) => reopeningsBetween(i, start, cut) > 0).length;
  const transferredIn = openedInWeek.filter(
    (i) => transferredInBetween(i, start, cut) !== null,
  ).length;

  // First response: the cohort of the week's new issues, answered or not.
  const owed = openedInWeek.filter((i) => !openedByTeam(i, team));
  // Judged as of the cut: what happened after the week's end belongs to a later report.
  const rows: ResponseRow[] = owed.map((issue) => {
    const arrival = arrivalOf(issue);
    const found = firstResponseOf(issue, team);
    const response = found && found.at < cut ? found : null;
    const closed = response ? null : firstClosingAfter(issue, arrival);
    const closing = closed && closed.at < cut ? closed : null;
    const unmeasured = found === null && issue.responsesTruncated === true;
    const until = response?.at ?? Math.min(closing?.at ?? cut, cut);
    const businessMs = input.calendar
      ? businessMsBetween(input.calendar.window, arrival, until)
      : Math.max(0, until - arrival);
    const goalMs = goalFor(issue, config);
    const status: GoalStatus = unmeasured
      ? 'unmeasured'
      : businessMs > goalMs
        ? 'breached'
        : response
          ? 'met'
          : closing
            ? 'closed'
            : 'pending';
    return {
      ...refOf(issue, config),
      goalMs,
      respondedAt: response ? iso(response.at) : null,
      respondedBy: response?.by ?? null,
      closedUnansweredAt: closing ? iso(closing.at) : null,
      businessMs,
      status,
    };
  });
  const answered = rows.filter((r) => r.respondedAt !== null);
  const unmeasured = rows.filter((r) => r.status === 'unmeasured');
  const unanswered = rows.filter((r) => r.respondedAt === null && r.status !== 'unmeasured');
  const elapsed = answered.map((r) => Date.parse(r.respondedAt ?? '') - Date.parse(r.arrivedAt));

  const days = week.days.map((date) => ({ date, opened: 0, closed: 0 }));
  for (const issue of openedInWeek) {
    const day = days[dayIndex(week, arrivalOf(issue))];
    if (day) day.opened += 1;
  }
  for (const { closing } of closedInWeek) {
    const day = days[dayIndex(week, closing?.at ?? -1)];
    if (day) day.closed += 1;
  }

  const staleAfter = config.staleAfterDays * DAY_MS;
  const stale = openAtEnd
    .filter((i) => cut - arrivalOf(i) > staleAfter)
    .map((i) => ({ ...refOf(i, config), ageMs: cut - arrivalOf(i) }))
    .sort(byArrival);

  const isMajor = (i: ReportIssue) =>
    labelsOf(i.labels, config.labels.severity).some((l) =>
      config.majorSeverities.some((key) => matchesSeverity(l, key)),
    );
  const closedSet = new Set(closedInWeek.map(({ issue }) => issue));
  const majors: MajorRow[] = issues
    .filter((i) => isMajor(i) && (openAtEnd.includes(i) || closedSet.has(i)))
    .map((issue) => {
      const closing = closingAt(issue, cut);
      return {
        ...refOf(issue, config),
        state: closing ? ('closed' as const) : ('open' as const),
        closedAt: closing ? iso(closing.at) : null,
        closedAs: closing
          ? isResolution(closing.reason)
            ? ('completed' as const)
            : ('not planned' as const)
          : null,
      };
    })
    .sort(byArrival);

  const breakdown = (prefix: string): BreakdownRow[] => {
    const rowsByLabel = new Map<string, BreakdownRow>();
    const row = (label: string) => {
      let r = rowsByLabel.get(label);
      if (!r) rowsByLabel.set(label, (r = { label, opened: 0, closed: 0, open: 0 }));
      return r;
    };
    const count = (list: ReportIssue[], field: 'opened' | 'closed' | 'open') => {
      for (const issue of list) {
        const labels = labelsOf(issue.labels, prefix);
        for (const label of labels.length > 0 ? labels : ['']) row(label)[field] += 1;
      }
    };
    count(openedInWeek, 'opened');
    count(
      closedInWeek.map(({ issue }) => issue),
      'closed',
    );
    count(openAtEnd, 'open');
    // Labelled rows by name, the unlabelled ones last.
    return [...rowsByLabel.values()].sort((a, b) =>
      a.label === '' ? 1 : b.label === '' ? -1 : a.label.localeCompare(b.label, 'en'),
    );
  };

  const oncall = input.roster ? scheduleWeeks(input.roster, week) : [];
  const handedOver = input.roster ? handovers(input.roster, week, openAtEnd, cut, config) : [];

  const opened = openedInWeek.length;
  const closedTotal = closedInWeek.length;
  const backlogEnd = openAtEnd.length;
  return {
    week: {
      id: week.id,
      timezone: week.zone,
      start: iso(start),
      end: iso(end),
      complete: now >= end,
    },
    generatedAt: iso(now),
    repositories: input.repositories,
    opened,
    transferredIn,
    closed: {
      total: closedTotal,
      completed: completed.length,
      notPlanned: closedTotal - completed.length,
    },
    reopened,
    backlog: { start: backlogStart, end: backlogEnd },
    allTime: {
      opened: input.counts.createdToEnd,
      closed: Math.max(0, input.counts.createdToEnd - backlogEnd),
      open: backlogEnd,
    },
    previousWeek: {
      opened: input.counts.openedPreviousWeek,
      closed: input.counts.closedPreviousWeek,
      backlog: backlogStart,
    },
    change: {
      opened: opened - input.counts.openedPreviousWeek,
      closed: closedTotal - input.counts.closedPreviousWeek,
      backlog: backlogEnd - backlogStart,
    },
    firstResponse: {
      population: owed.length,
      answered: answered.length,
      unanswered: unanswered.length,
      closedUnanswered: unanswered.filter((r) => r.closedUnansweredAt !== null).length,
      notMeasured: unmeasured.length,
      openedByTeam: openedInWeek.length - owed.length,
      elapsed: statsOf(elapsed),
      business: input.calendar ? statsOf(answered.map((r) => r.businessMs)) : null,
    },
    resolution: {
      elapsed: statsOf(
        completed.map(({ issue, closing }) => (closing?.at ?? 0) - arrivalOf(issue)),
      ),
      notPlanned: closedTotal - completed.length,
      openedAndOpen: openedInWeek.filter((i) => openAtEnd.includes(i)).length,
    },
    goals: {
      calendar: input.calendar
        ? `${input.calendar.name} (${input.calendar.window.label})`
        : 'round the clock',
      population: rows.length,
      met: rows.filter((r) => r.status === 'met').length,
      breached: rows.filter((r) => r.status === 'breached').length,
      pending: rows.filter((r) => r.status === 'pending').length,
      closedUnanswered: rows.filter((r) => r.status === 'closed').length,
      notMeasured: unmeasured.length,
      breaches: rows.filter((r) => r.status === 'breached').sort(byArrival),
    },
    stale: { afterDays: config.staleAfterDays, count: stale.length, issues: stale },
    majors,
    breakdown: {
      severity: breakdown(config.labels.severity),
      status: breakdown(config.labels.status),
      area: breakdown(config.labels.area),
    },
    daily: days,
    oncall,
    handedOver,
  };
}

function holdings(shifts: Shift[], roles: string[]): Record<string, Holding[]> {
  const result: Record<string, Holding[]> = {};
  for (const role of roles) {
    const hours = new Map<string, number>();
    for (const shift of shifts) {
      const login = shift.assignees[role];
      if (login === undefined) continue;
      const h = (Date.parse(shift.end) - Date.parse(shift.start)) / HOUR_MS;
      hours.set(login, (hours.get(login) ?? 0) + h);
    }
    result[role] = [...hours.entries()]
      .map(([login, h]) => ({ login, hours: Math.round(h * 10) / 10 }))
      .sort((a, b) => b.hours - a.hours || a.login.localeCompare(b.login, 'en'));
  }
  return result;
}

function scheduleWeeks(roster: Roster, week: Week): ScheduleWeek[] {
  const next = nextWeek(week);
  return Object.values(roster.schedules).map((schedule) => {
    const shifts = shiftsBetween(roster, schedule.name, new Date(week.start), new Date(week.end));
    const coming = shiftsBetween(roster, schedule.name, new Date(next.start), new Date(next.end));
    const gap = shifts
      .filter((s) => s.coverage === 'gap')
      .reduce((sum, s) => sum + (Date.parse(s.end) - Date.parse(s.start)), 0);
    return {
      name: schedule.name,
      roles: schedule.roles,
      thisWeek: holdings(shifts, schedule.roles),
      nextWeek: holdings(coming, schedule.roles),
      gapHours: Math.round((gap / HOUR_MS) * 10) / 10,
    };
  });
}

/**
 * The open issues a person leaves behind: assigned, at the end of the week, to the member whose
 * rotation turn is in progress then, when the next turn goes to someone else. They pass to the
 * next turn's member of the same rotation (so follow-the-sun sites hand over to their own).
 * Assignees are read as they stood at `cut`: a hand-off that reassigned since changes nothing.
 */
function handovers(
  roster: Roster,
  week: Week,
  openAtEnd: ReportIssue[],
  cut: number,
  config: ReportConfig,
): HandoverRow[] {
  const successor = new Map<string, string>();
  for (const schedule of Object.values(roster.schedules)) {
    for (const layer of schedule.layers) {
      const rotation = roster.rotations[layer.rotation];
      if (!rotation) continue;
      const turn = turnAt(roster, rotation, week.end - 1);
      const next = turn ? nextTurn(roster, rotation, turn) : undefined;
      if (!turn || !next) continue;
      const from = memberAt(roster, rotation, turn.index).login;
      const to = memberAt(roster, rotation, next.index).login;
      if (from !== to && !successor.has(from.toLowerCase())) successor.set(from.toLowerCase(), to);
    }
  }
  const rows: HandoverRow[] = [];
  for (const issue of openAtEnd) {
    const held = assigneesAt(issue, cut);
    const from = held.find((a) => successor.has(a.toLowerCase()));
    if (from === undefined) continue;
    rows.push({
      ...refOf(issue, config),
      assignees: held,
      from,
      to: successor.get(from.toLowerCase()) ?? null,
    });
  }
  return rows.sort(byArrival);
}
