import type { Operation, Plan, RepoRef } from '../../kernel/plan.js';
import { computeMetrics, type ReportInput, type WeekMetrics } from './metrics.js';
import { renderReport, type ScheduleOff } from './render.js';
import { localDate, previousWeek } from './week.js';
import type { PeriodOpening, PreviousReport, TrendWeek, Week, WeekFigures } from './types.js';
import { formatMarker, parseMarkers } from '../../kernel/markers.js';
import { followUpRows, type OpenFollowUp } from './follow-ups.js';

/**
 * The weekly report as a Plan: one issue per ISO week, found again by its marker so a re-run
 * in the same week updates it; earlier reports still open are closed, the latest linked.
 */

import { REPORT_MARKER_KIND } from '../../kernel/kit-records.js';

export interface ReportDecisionInput extends ReportInput {
  /** Where the report issue lives: the repository the run is in. */
  reportRepo: RepoRef;
  /** Report issues the kit wrote before (any week), found by their marker. */
  previousReports: PreviousReport[];
  /** The desk's schedule workflow, when GitHub says it does not run. */
  scheduleOff?: ScheduleOff;
  /** Incidents' open follow-ups, read when a playbook opens them. */
  followUps?: readonly OpenFollowUp[];
}

export interface ReportDecision {
  plan: Plan;
  metrics: WeekMetrics;
  title: string;
  body: string;
}

const weekBefore = (week: Week) => previousWeek(week).id;

function reportTitle(template: string, week: Week): string {
  return template
    .replaceAll('{week}', week.id)
    .replaceAll('{start}', localDate(week.start, week.zone))
    .replaceAll('{end}', localDate(week.end - 1, week.zone));
}

export function decideReport(input: ReportDecisionInput): ReportDecision {
  const { week, config } = input;
  const earlier = input.previousReports
    .filter((r) => r.week < week.id)
    .sort((a, b) => (a.week < b.week ? 1 : a.week > b.week ? -1 : b.number - a.number));
  const previous = earlier[0] ?? null;
  // Last week's own report, when it counted the whole week: its figures came from the same
  // replay, so the change column compares like with like.
  const own = earlier.find((r) => r.week === weekBefore(week) && r.figures);
  const metrics = computeMetrics(
    own?.figures ? { ...input, lastWeek: { ...own.figures, report: own.number } } : input,
  );
  const title = reportTitle(config.title, week);
  const figures = figuresOfWeek(metrics);
  const body = renderReport(metrics, {
    title,
    listLimit: config.listLimit,
    previous,
    trend: trendOf(week, figures, earlier),
    ...(input.scheduleOff ? { scheduleOff: input.scheduleOff } : {}),
    ...(input.followUps ? { followUps: followUpRows(input.followUps, input.now) } : {}),
  });
  const operations: Operation[] = [
    {
      kind: 'upsert-issue',
      marker: { kind: REPORT_MARKER_KIND, keys: { week: week.id } },
      title,
      body: metrics.week.complete ? `${body}\n${figuresMarker(week, figures)}\n` : body,
      labels: [config.label],
      reason: `the ${week.id} report: ${metrics.opened} opened, ${metrics.closed.total} closed, ${metrics.backlog.end} open at the end`,
    },
  ];
  for (const old of earlier.filter((r) => r.state === 'open')) {
    operations.push({
      kind: 'update-issue',
      issue: old.number,
      state: 'closed',
      stateReason: 'completed',
      reason: `the ${old.week} report is superseded by the ${week.id} report`,
    });
  }
  const notes = [
    `week ${week.id} (${localDate(week.start, week.zone)} to ${localDate(week.end - 1, week.zone)}, ${week.zone}) over ${input.repositories.join(', ')}: ${input.issues.length} issue(s) read`,
  ];
  if (!metrics.week.complete) notes.push('the week is not over: the report stops at the run time');
  return {
    plan: { capability: 'report', repo: input.reportRepo, operations, notes },
    metrics,
    title,
    body,
  };
}

const FIGURES_MARKER_KIND = 'report-figures';

/** A rotation's week in the figures marker (an ISO week has none, as before periods). */
function periodKey(opens: PeriodOpening): string | undefined {
  return opens.rotation ? `${opens.rotation} ${opens.day} ${opens.minutes}` : undefined;
}

/** The week's figures, hidden in the report, for next week's to compare with. */
function figuresMarker(week: Week, figures: WeekFigures): string {
  const period = periodKey(week.opens);
  const keys: Record<string, string> = { week: week.id, ...(period ? { period } : {}) };
  for (const [key, value] of Object.entries(figures))
    if (value !== undefined) keys[FIGURE_KEYS[key as keyof WeekFigures]] = String(value);
  return formatMarker({ kind: FIGURES_MARKER_KIND, keys });
}

/** The marker's key for each figure. */
const FIGURE_KEYS: Record<keyof WeekFigures, string> = {
  opened: 'opened',
  closed: 'closed',
  backlog: 'backlog',
  met: 'met',
  breached: 'breached',
  medianResponseMinutes: 'median-response',
};

function figuresOfWeek(metrics: WeekMetrics): WeekFigures {
  const median = metrics.firstResponse.elapsed.median;
  return {
    opened: metrics.opened,
    closed: metrics.closed.total,
    backlog: metrics.backlog.end,
    met: metrics.goals.met,
    breached: metrics.goals.breached,
    ...(median !== null ? { medianResponseMinutes: Math.round(median / 60_000) } : {}),
  };
}

/** This week and up to seven before it whose reports kept their figures, oldest first. */
function trendOf(
  week: Week,
  figures: WeekFigures,
  earlier: readonly PreviousReport[],
): TrendWeek[] {
  const before = [...new Map(earlier.filter((r) => r.figures).map((r) => [r.week, r])).values()]
    .sort((a, b) => (a.week < b.week ? 1 : -1))
    .slice(0, 7)
    .map((r) => ({ week: r.week, figures: r.figures as WeekFigures }));
  return [...before.reverse(), { week: week.id, figures }];
}

/** The figures a report's body carries for its week, when it was written once the week was over. */
export function figuresOf(
  body: string,
  weekId: string,
  opens: PeriodOpening,
): WeekFigures | undefined {
  // Figures of another kind of week (an ISO week, another hand-off) count other hours.
  const marker = parseMarkers(body).find(
    (m) =>
      m.kind === FIGURES_MARKER_KIND &&
      m.keys.week === weekId &&
      m.keys.period === periodKey(opens),
  );
  if (!marker) return undefined;
  const figure = (key: keyof WeekFigures) => {
    const value = Number(marker.keys[FIGURE_KEYS[key]]);
    return Number.isInteger(value) ? value : undefined;
  };
  const opened = figure('opened');
  const closed = figure('closed');
  if (opened === undefined || closed === undefined) return undefined;
  const figures: WeekFigures = { opened, closed };
  for (const key of ['backlog', 'met', 'breached', 'medianResponseMinutes'] as const) {
    const value = figure(key);
    if (value !== undefined) figures[key] = value;
  }
  return figures;
}
