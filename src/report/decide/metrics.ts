import { businessMsBetween } from '../../roster/business-time.js';
import { shownRoles } from '../../roster/shadow.js';
import { type WorkLoad, workLoads } from './work-load.js';
import { type FixesInput, type FixesMetrics, fixesOf } from './fixes.js';
import {
  countedMs,
  type ResponseModel,
  responseClock,
  type WaitingHistory,
} from '../../roster/response-clock.js';
import { DAY_MS, MINUTE_MS } from '../../roster/time.js';
import { memberAt, nextTurn, turnAt } from '../../roster/rotation.js';
import { shiftsBetween } from '../../roster/shifts.js';
import { type Load, ledger, quarterStart } from '../../roster/ledger.js';
import type { Roster, Shift, Window } from '../../roster/types.js';
import { RECORD_LABELS } from '../../kernel/kit-records.js';
import {
  arrivalOf,
  assigneesAt,
  type Closing,
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
import { dayIndex, nextWeek, periodName } from './week.js';
import type { ReportConfig, ReportCounts, ReportIssue, Week, WeekFigures } from './types.js';

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
  /**
   * escalation.yaml's response goals, when there is one: then each issue is judged on the very
   * clock escalation runs for it (its goal, its calendar), and `calendar` and report.yaml's
   * goals are not used.
   */
  response?: ResponseModel;
  team: Team;
  /**
   * Last week's figures from last week's own report, counted the same way as this week's; without
   * one, GitHub's search counts stand in (see ReportCounts).
   */
  lastWeek?: WeekFigures & { report: number };
  /**
   * The issues of the quarter so far (read from its first day), for the ledger's issue counts;
   * absent: the ledger shows hours only.
   */
  quarter?: { issues: ReportIssue[]; stepPrefix: string };
  /** The issues waiting on engineering and the fixes released (report/decide/fixes.ts). */
  fixes?: FixesInput;
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
type GoalStatus = 'met' | 'breached' | 'pending' | 'closed' | 'unmeasured';

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
  /**
   * Whether the kit moves the issue at the hand-off (the schedule's `handoff.reassign: open`);
   * false: it stays with `from`, as the hand-off log says, and `to` is who is on call next.
   */
  moves: boolean;
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

interface ScheduleWeek {
  name: string;
  roles: string[];
  thisWeek: Record<string, Holding[]>;
  nextWeek: Record<string, Holding[]>;
  /** Hours of the week nobody covered. */
  gapHours: number;
}

export interface WeekMetrics {
  week: {
    id: string;
    timezone: string;
    start: string;
    end: string;
    complete: boolean;
    /** "ISO week", or the rotation whose hand-off opens the period, in words. */
    period: string;
    /** The rotation whose hand-off opens and closes the period; absent for ISO weeks. */
    rotation?: string;
  };
  generatedAt: string;
  repositories: string[];
  opened: number;
  transferredIn: number;
  closed: { total: number; completed: number; notPlanned: number };
  reopened: number;
  backlog: { start: number; end: number };
  allTime: { opened: number; closed: number; open: number };
  /**
   * Opened and closed come from last week's own report, replayed as this week's are; without
   * one, from search counts (created in the week; last closed in it): see docs/report.md. The
   * backlog is replayed.
   */
  previousWeek: {
    opened: number;
    closed: number;
    backlog: number;
    /** Where opened and closed come from: last week's report (its number), or search counts. */
    from: { report: number } | 'search';
  };
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
    /**
     * Issues the team closed as completed this week; time from arrival to the close. One its
     * own reporter closed is not a resolution by the team, however GitHub names its reason.
     */
    elapsed: Stats;
    /** The same, counted on the response clock's calendar; null when it runs round the clock. */
    business: Stats | null;
    /** Of those resolved, how many within the targeted resolution time (stale-after-days). */
    withinTarget: { days: number; resolved: number };
    /** Closed as completed by the person who opened them. */
    selfClosed: number;
    notPlanned: number;
    /** Issues opened this week and still open at its end. */
    openedAndOpen: number;
  };
  goals: {
    calendar: string;
    /** Waits count only the calendar's open hours (false: round the clock). */
    businessTime: boolean;
    population: number;
    met: number;
    breached: number;
    pending: number;
    closedUnanswered: number;
    notMeasured: number;
    breaches: ResponseRow[];
  };
  stale: {
    afterDays: number;
    count: number;
    issues: StaleRow[];
    /**
     * The same list as a GitHub search of the repository, as it stands when opened: one
     * repository only (how several `repo:` qualifiers combine is not to be relied on).
     */
    search?: { repo: string; query: string };
  };
  majors: MajorRow[];
  /**
   * The lists as GitHub searches of the one repository, as it stands when opened: the majors
   * that arrived in the week and those open now, and the issues opened in the week (the response
   * goal judges them; a breach is not a thing search knows).
   */
  searches?: { repo: string; majorsArrived?: string; majorsOpen?: string; opened: string };
  breakdown: { severity: BreakdownRow[]; status: BreakdownRow[]; area: BreakdownRow[] };
  daily: { date: string; opened: number; closed: number }[];
  oncall: ScheduleWeek[];
  /** The quarter so far, to the period's end: who carried how much of the on-call load. */
  load?: {
    from: number;
    to: number;
    roles: string[];
    loads: Load[];
    /** By lower-case login: the issues behind the hours, when the quarter's issues were read. */
    work?: Record<string, WorkLoad>;
  };
  handedOver: HandoverRow[];
  fixes?: FixesMetrics;
}

const HOUR_MS = 3_600_000;
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

/**
 * The goal and calendar an issue is judged by: escalation's response clock when escalation.yaml
 * sets the goals (one clock for the desk), else report.yaml's goals on the report's calendar.
 */
function clockOf(
  input: ReportInput,
  issue: ReportIssue,
  arrival: number,
): { goalMs: number; counted: (from: number, to: number) => number } {
  if (input.response) {
    const clock = responseClock(
      input.response,
      input.roster ?? undefined,
      issue.labels,
      iso(arrival),
      waitingHistory(issue),
    );
    if (clock)
      return {
        goalMs: clock.goal.minutes * MINUTE_MS,
        counted: (from, to) => countedMs(clock, from, to),
      };
  }
  const window = input.calendar?.window;
  return {
    goalMs: goalFor(issue, input.config),
    counted: (from, to) => (window ? businessMsBetween(window, from, to) : Math.max(0, to - from)),
  };
}

/** The label changes and the reporter's comments that pause the clock, from the timeline. */
function waitingHistory(issue: ReportIssue): WaitingHistory {
  const reporter = issue.author?.login.toLowerCase();
  const labels = [];
  const reporterComments = [];
  for (const entry of issue.timeline) {
    if (entry.kind === 'labeled' || entry.kind === 'unlabeled')
      labels.push({ label: entry.label, at: entry.at, added: entry.kind === 'labeled' });
    else if (entry.kind === 'comment' && reporter && entry.actor?.login.toLowerCase() === reporter)
      reporterComments.push(entry.at);
  }
  return { labels, reporterComments };
}

/** The goal of an issue: the first severity key matching one of its labels, else the default. */
function goalFor(issue: ReportIssue, config: ReportConfig): number {
  for (const [key, goal] of Object.entries(config.goals.severities)) {
    if (labelsOf(issue.labels, config.labels.severity).some((l) => matchesSeverity(l, key)))
      return goal;
  }
  return config.goals.defaultMs;
}

const byArrival = (a: IssueRef, b: IssueRef) =>
  a.arrivedAt < b.arrivedAt ? -1 : a.arrivedAt > b.arrivedAt ? 1 : a.number - b.number;

export function computeMetrics(input: ReportInput): WeekMetrics {
  const { week, now, config } = input;
  const w = weekIssues(input);
  const rows = responseRows(input, w);
  const majorRows = majors(config, w);
  return {
    week: {
      id: week.id,
      timezone: week.zone,
      start: iso(week.start),
      end: iso(week.end),
      complete: now >= week.end,
      period: periodName(week),
      ...(week.opens.rotation ? { rotation: week.opens.rotation } : {}),
    },
    generatedAt: iso(now),
    repositories: input.repositories,
    ...volumes(input, w),
    firstResponse: firstResponse(input, w, rows),
    resolution: resolution(input, w),
    goals: goals(input, rows),
    stale: stale(input, w),
    majors: majorRows,
    ...searches(input, w, majorRows),
    breakdown: {
      severity: breakdown(w, config.labels.severity),
      status: breakdown(w, config.labels.status),
      area: breakdown(w, config.labels.area),
    },
    daily: daily(week, w),
    oncall: input.roster ? scheduleWeeks(input.roster, week) : [],
    ...(input.roster ? { load: quarterLoad(input.roster, week, input.quarter) } : {}),
    handedOver: input.roster ? handovers(input.roster, week, w.openAtEnd, w.cut, config) : [],
    ...(input.fixes ? { fixes: fixesOf(input.fixes, week, w.cut, w.openAtEnd, w.issues) } : {}),
  };
}

interface Closed {
  issue: ReportIssue;
  closing: Closing;
}

/** The desk's issues as they stood at the cut, sorted by what the week did to them. */
interface WeekIssues {
  /** Never the future: the week's end, or now for a week in progress. */
  cut: number;
  /** Every issue that had arrived by the cut. */
  issues: ReportIssue[];
  openedInWeek: ReportIssue[];
  /** Closed in the week and still closed at the cut. */
  closedInWeek: Closed[];
  /** Of those, the ones closed as resolved. */
  completed: Closed[];
  openAtEnd: ReportIssue[];
}

function weekIssues(input: ReportInput): WeekIssues {
  const { start, end } = input.week;
  const cut = Math.min(end, input.now);
  // The kit's own issues (reports, hand-off logs, the desk now) are not the desk's work.
  const own = new Set([input.config.label, ...RECORD_LABELS].map((l) => l.toLowerCase()));
  const issues = input.issues.filter(
    (i) => arrivalOf(i) < cut && !i.labels.some((l) => own.has(l.toLowerCase())),
  );
  const closedInWeek = issues.flatMap((issue) => {
    const closing = closingAt(issue, cut);
    return closing !== null && closing.at >= start ? [{ issue, closing }] : [];
  });
  return {
    cut,
    issues,
    openedInWeek: issues.filter((i) => arrivalOf(i) >= start),
    closedInWeek,
    completed: closedInWeek.filter(({ closing }) => isResolution(closing.reason)),
    openAtEnd: issues.filter((i) => isOpenAt(i, cut)),
  };
}

/** How many issues the week moved, and how that compares with the week before. */
type Volumes = Pick<
  WeekMetrics,
  | 'opened'
  | 'transferredIn'
  | 'closed'
  | 'reopened'
  | 'backlog'
  | 'allTime'
  | 'previousWeek'
  | 'change'
>;

function volumes(input: ReportInput, w: WeekIssues): Volumes {
  const { start } = input.week;
  const { counts } = input;
  const opened = w.openedInWeek.length;
  const closed = w.closedInWeek.length;
  const backlogStart = w.issues.filter((i) => isOpenAt(i, start - 1)).length;
  const backlogEnd = w.openAtEnd.length;
  const transferred = w.openedInWeek.filter((i) => transferredInBetween(i, start, w.cut) !== null);
  // Search counts an issue by when it was created, wherever: one transferred here after the week
  // ended was not here then, and it is among the issues read (open now, or closed since).
  const movedInLater = input.issues.filter(
    (i) => Date.parse(i.createdAt) < w.cut && arrivalOf(i) >= w.cut,
  ).length;
  const allTimeOpened = counts.createdToEnd - movedInLater;
  const last = input.lastWeek ?? {
    opened: counts.openedPreviousWeek,
    closed: counts.closedPreviousWeek,
  };
  return {
    opened,
    transferredIn: transferred.length,
    closed: {
      total: closed,
      completed: w.completed.length,
      notPlanned: closed - w.completed.length,
    },
    reopened: w.issues.filter((i) => reopeningsBetween(i, start, w.cut) > 0).length,
    backlog: { start: backlogStart, end: backlogEnd },
    allTime: {
      opened: allTimeOpened,
      closed: Math.max(0, allTimeOpened - backlogEnd),
      open: backlogEnd,
    },
    previousWeek: {
      opened: last.opened,
      closed: last.closed,
      backlog: backlogStart,
      from: input.lastWeek ? { report: input.lastWeek.report } : 'search',
    },
    change: {
      opened: opened - last.opened,
      closed: closed - last.closed,
      backlog: backlogEnd - backlogStart,
    },
  };
}

/**
 * First response: the cohort of the week's new issues that owe one (not opened by the team),
 * answered or not, judged as of the cut: what happened after the week's end belongs to a later
 * report.
 */
function responseRows(input: ReportInput, w: WeekIssues): ResponseRow[] {
  const { cut } = w;
  return w.openedInWeek
    .filter((i) => !openedByTeam(i, input.team))
    .map((issue) => {
      const arrival = arrivalOf(issue);
      const found = firstResponseOf(issue, input.team);
      const response = found && found.at < cut ? found : null;
      const closed = response ? null : firstClosingAfter(issue, arrival);
      const closing = closed && closed.at < cut ? closed : null;
      const unmeasured = found === null && issue.responsesTruncated === true;
      const until = response?.at ?? Math.min(closing?.at ?? cut, cut);
      const { goalMs, counted } = clockOf(input, issue, arrival);
      const businessMs = counted(arrival, until);
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
        ...refOf(issue, input.config),
        goalMs,
        respondedAt: response ? iso(response.at) : null,
        respondedBy: response?.by ?? null,
        closedUnansweredAt: closing ? iso(closing.at) : null,
        businessMs,
        status,
      };
    });
}

/** Closed by the person who opened it: the reporter withdrew it or fixed it themselves. */
function selfClosed(issue: ReportIssue, closing: Closing): boolean {
  const by = closing.by?.login.toLowerCase();
  return by !== undefined && by === issue.author?.login.toLowerCase();
}

function resolution(input: ReportInput, w: WeekIssues): WeekMetrics['resolution'] {
  const byTeam = w.completed.filter(({ issue, closing }) => !selfClosed(issue, closing));
  const wall = byTeam.map(({ issue, closing }) => closing.at - arrivalOf(issue));
  const days = input.config.staleAfterDays;
  const window = input.calendar?.window;
  return {
    elapsed: statsOf(wall),
    business: window
      ? statsOf(
          byTeam.map(({ issue, closing }) =>
            businessMsBetween(window, arrivalOf(issue), closing.at),
          ),
        )
      : null,
    withinTarget: { days, resolved: wall.filter((ms) => ms <= days * DAY_MS).length },
    selfClosed: w.completed.length - byTeam.length,
    notPlanned: w.closedInWeek.length - w.completed.length,
    openedAndOpen: w.openedInWeek.filter((i) => w.openAtEnd.includes(i)).length,
  };
}

function firstResponse(
  input: ReportInput,
  w: WeekIssues,
  rows: ResponseRow[],
): WeekMetrics['firstResponse'] {
  const answered = rows.filter((r) => r.respondedAt !== null);
  const unanswered = rows.filter((r) => r.respondedAt === null && r.status !== 'unmeasured');
  const elapsed = answered.map((r) => Date.parse(r.respondedAt ?? '') - Date.parse(r.arrivedAt));
  return {
    population: rows.length,
    answered: answered.length,
    unanswered: unanswered.length,
    closedUnanswered: unanswered.filter((r) => r.closedUnansweredAt !== null).length,
    notMeasured: rows.filter((r) => r.status === 'unmeasured').length,
    openedByTeam: w.openedInWeek.length - rows.length,
    elapsed: statsOf(elapsed),
    business: input.calendar ? statsOf(answered.map((r) => r.businessMs)) : null,
  };
}

function goals(input: ReportInput, rows: ResponseRow[]): WeekMetrics['goals'] {
  const withStatus = (status: GoalStatus) => rows.filter((r) => r.status === status);
  return {
    calendar: input.response
      ? "escalation.yaml's goals, each issue on the calendar escalation counts it on"
      : input.calendar
        ? `${input.calendar.name} (${input.calendar.window.label})`
        : 'round the clock',
    businessTime:
      (input.response !== undefined && input.roster !== null) || input.calendar !== null,
    population: rows.length,
    met: withStatus('met').length,
    breached: withStatus('breached').length,
    pending: withStatus('pending').length,
    closedUnanswered: withStatus('closed').length,
    notMeasured: withStatus('unmeasured').length,
    breaches: withStatus('breached').sort(worstFirst),
  };
}

/** Severity label text sorts S0 before S1; an issue without one comes last. */
const bySeverity = (a: IssueRef, b: IssueRef) =>
  (a.severity ?? '\uffff').localeCompare(b.severity ?? '\uffff', 'en', { numeric: true });

/** A lead reads the worst breach first: the most severe, then the longest wait. */
const worstFirst = (a: ResponseRow, b: ResponseRow) =>
  bySeverity(a, b) || b.businessMs - a.businessMs || byArrival(a, b);

/** An instant as search's `created:` takes it. */
const searchInstant = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');

/** None of the kit's records (reports, hand-off logs, the desk now) is a support issue. */
const notKit = (config: ReportConfig) =>
  [config.label, ...RECORD_LABELS].map((l) => `-label:${JSON.stringify(l)}`);

function searches(
  input: ReportInput,
  w: WeekIssues,
  majorRows: readonly MajorRow[],
): Pick<WeekMetrics, 'searches'> {
  const [repo, ...others] = input.repositories;
  if (!repo || others.length > 0) return {};
  const { config, week } = input;
  const created = `created:${searchInstant(week.start)}..${searchInstant(w.cut - 1000)}`;
  const majorLabels = [...new Set(majorRows.flatMap((r) => (r.severity ? [r.severity] : [])))].sort(
    (a, b) => a.localeCompare(b, 'en', { numeric: true }),
  );
  // A comma list is one label OR another; only a name with a space or comma needs quotes.
  const label = `label:${majorLabels.map((l) => (/[\s,"]/.test(l) ? JSON.stringify(l) : l)).join(',')}`;
  return {
    searches: {
      repo,
      opened: ['is:issue', created, ...notKit(config), 'sort:created-asc'].join(' '),
      ...(majorLabels.length > 0
        ? {
            majorsArrived: ['is:issue', label, created, 'sort:created-asc'].join(' '),
            majorsOpen: [
              'is:issue is:open',
              label,
              `created:<${searchInstant(w.cut)}`,
              'sort:created-asc',
            ].join(' '),
          }
        : {}),
    },
  };
}

function stale(input: ReportInput, w: WeekIssues): WeekMetrics['stale'] {
  const { config } = input;
  const staleAfter = config.staleAfterDays * DAY_MS;
  const issues = w.openAtEnd
    .filter((i) => w.cut - arrivalOf(i) > staleAfter)
    .map((i) => ({ ...refOf(i, config), ageMs: w.cut - arrivalOf(i) }))
    .sort(byArrival);
  const [repo, ...others] = input.repositories;
  const query = [
    'is:issue is:open',
    `created:<${searchInstant(w.cut - staleAfter)}`,
    ...notKit(config),
    'sort:created-asc',
  ].join(' ');
  return {
    afterDays: config.staleAfterDays,
    count: issues.length,
    issues,
    ...(repo && others.length === 0 ? { search: { repo, query } } : {}),
  };
}

/**
 * The major issues the week touched: open at its end, or closed in it. The week's story first:
 * those that arrived in the week, then the older ones still open or closed in it, each by arrival.
 */
function majors(config: ReportConfig, w: WeekIssues): MajorRow[] {
  const arrivedInWeek = new Set(w.openedInWeek);
  const isMajor = (i: ReportIssue) =>
    labelsOf(i.labels, config.labels.severity).some((l) =>
      config.majorSeverities.some((key) => matchesSeverity(l, key)),
    );
  const closedSet = new Set(w.closedInWeek.map(({ issue }) => issue));
  return w.issues
    .filter((i) => isMajor(i) && (w.openAtEnd.includes(i) || closedSet.has(i)))
    .map((issue) => {
      const closing = closingAt(issue, w.cut);
      return {
        ...refOf(issue, config),
        state: closing ? ('closed' as const) : ('open' as const),
        closedAt: closing ? iso(closing.at) : null,
        closedAs: closing
          ? isResolution(closing.reason)
            ? ('completed' as const)
            : ('not planned' as const)
          : null,
        thisWeek: arrivedInWeek.has(issue),
      };
    })
    .sort((a, b) => (a.thisWeek === b.thisWeek ? byArrival(a, b) : a.thisWeek ? -1 : 1))
    .map(({ thisWeek: _, ...row }) => row);
}

/** Opened, closed and open issues by the labels under `prefix`; an issue without one counts under ''. */
function breakdown(w: WeekIssues, prefix: string): BreakdownRow[] {
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
  count(w.openedInWeek, 'opened');
  count(
    w.closedInWeek.map(({ issue }) => issue),
    'closed',
  );
  count(w.openAtEnd, 'open');
  // Labelled rows by name, the unlabelled ones last.
  return [...rowsByLabel.values()].sort((a, b) =>
    a.label === '' ? 1 : b.label === '' ? -1 : a.label.localeCompare(b.label, 'en'),
  );
}

function daily(week: Week, w: WeekIssues): WeekMetrics['daily'] {
  const days = week.days.map((date) => ({ date, opened: 0, closed: 0 }));
  for (const issue of w.openedInWeek) {
    const day = days[dayIndex(week, arrivalOf(issue))];
    if (day) day.opened += 1;
  }
  for (const { closing } of w.closedInWeek) {
    const day = days[dayIndex(week, closing.at)];
    if (day) day.closed += 1;
  }
  return days;
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

/** From the first day of the quarter the period ends in, in the report's zone, to its end. */
function quarterLoad(
  roster: Roster,
  week: Week,
  quarter: ReportInput['quarter'],
): NonNullable<WeekMetrics['load']> {
  const from = quarterStart(week.end - 1, week.zone);
  const roles = [...new Set(Object.values(roster.schedules).flatMap(shownRoles))];
  const loads = ledger(roster, from, week.end);
  if (!quarter) return { from, to: week.end, roles, loads };
  const work = workLoads({ roster, from, to: week.end, ...quarter });
  return { from, to: week.end, roles, loads, work: Object.fromEntries(work) };
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
      roles: shownRoles(schedule),
      thisWeek: holdings(shifts, shownRoles(schedule)),
      nextWeek: holdings(coming, shownRoles(schedule)),
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
  const successor = new Map<string, { to: string; moves: boolean }>();
  for (const schedule of Object.values(roster.schedules)) {
    const moves = schedule.handoff.reassign === 'open';
    for (const layer of schedule.layers) {
      const rotation = roster.rotations[layer.rotation];
      if (!rotation) continue;
      const turn = turnAt(roster, rotation, week.end - 1);
      const next = turn ? nextTurn(roster, rotation, turn) : undefined;
      if (!turn || !next) continue;
      const from = memberAt(roster, rotation, turn.index).login;
      const to = memberAt(roster, rotation, next.index).login;
      if (from !== to && !successor.has(from.toLowerCase()))
        successor.set(from.toLowerCase(), { to, moves });
    }
  }
  const rows: HandoverRow[] = [];
  for (const issue of openAtEnd) {
    const held = assigneesAt(issue, cut);
    const from = held.find((a) => successor.has(a.toLowerCase()));
    if (from === undefined) continue;
    const next = successor.get(from.toLowerCase());
    rows.push({
      ...refOf(issue, config),
      assignees: held,
      from,
      to: next?.to ?? null,
      // The hand-off moves only an issue that is the kit's alone to move (its one assignee).
      moves: (next?.moves ?? false) && held.length === 1,
    });
  }
  return rows.sort(byArrival);
}
