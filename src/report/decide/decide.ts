import type { Operation, Plan, RepoRef } from '../../kernel/plan.js';
import { computeMetrics, type ReportInput, type WeekMetrics } from './metrics.js';
import { renderReport, type ScheduleOff } from './render.js';
import { localDate, previousWeek } from './week.js';
import type { PreviousReport, Week, WeekFigures } from './types.js';
import { formatMarker, parseMarkers } from '../../kernel/markers.js';

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
  const body = renderReport(metrics, {
    title,
    listLimit: config.listLimit,
    previous,
    ...(input.scheduleOff ? { scheduleOff: input.scheduleOff } : {}),
  });
  const operations: Operation[] = [
    {
      kind: 'upsert-issue',
      marker: { kind: REPORT_MARKER_KIND, keys: { week: week.id } },
      title,
      body: metrics.week.complete ? `${body}\n${figuresMarker(week, metrics)}\n` : body,
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

/** The week's figures, hidden in the report, for next week's to compare with. */
function figuresMarker(week: Week, metrics: WeekMetrics): string {
  return formatMarker({
    kind: FIGURES_MARKER_KIND,
    keys: {
      week: week.id,
      opened: String(metrics.opened),
      closed: String(metrics.closed.total),
    },
  });
}

/** The figures a report's body carries for its week, when it was written once the week was over. */
export function figuresOf(body: string, weekId: string): WeekFigures | undefined {
  const marker = parseMarkers(body).find(
    (m) => m.kind === FIGURES_MARKER_KIND && m.keys.week === weekId,
  );
  const opened = Number(marker?.keys.opened);
  const closed = Number(marker?.keys.closed);
  return Number.isInteger(opened) && Number.isInteger(closed) ? { opened, closed } : undefined;
}
