import { fetchRecentReports, fetchReportData, type LabelledIssue } from './fetch.js';
import { fetchOpenFollowUps } from './fetch-follow-ups.js';
import { REPORT_FILE } from './config/spec.js';
import { ROSTER_FILE } from '../roster/config/spec.js';
import { RESPONSE_GOALS_FILE } from '../roster/config/response-spec.js';
import { responseModelFrom, type ResponseSection } from '../roster/response-clock.js';
import { type LoadedConfig, loadConfig } from '../config/load.js';
import { hasErrors, type ConfigProblem } from '../kernel/problems.js';
import { locate } from '../kernel/yaml.js';
import { kitWritten, type KitIdentity } from '../kernel/kit-identity.js';
import { parseMarkers } from '../kernel/markers.js';
import { reportLinkKey, reportNotification } from './decide/notify.js';
import { readPending } from '../kernel/pending-notifications.js';
import { emptyPlan } from '../kernel/plan.js';
import { reportConfigFrom } from './config/report.js';
import { RECORD_LABELS, REPORT_MARKER_KIND } from '../kernel/kit-records.js';
import { decideReport, figuresOf } from './decide/decide.js';
import { teamOf } from './decide/definitions.js';
import { RateLimitDeferred } from '../github/budget.js';
import { quarterStart } from '../roster/ledger.js';
import { AWAITING_FIX_LABEL, STEP_LABEL_PREFIX } from '../kernel/kit-labels.js';
import { type FixLink, readFixLink } from '../kernel/fix-link.js';
import { type FixesInput, supportKey } from './decide/fixes.js';
import type { ReportIssue, Week } from './decide/types.js';
import { learners } from '../roster/shadow.js';
import type { PeriodOpening, PreviousReport } from './decide/types.js';
import { parseWeek, previousWeek, reportedWeek } from './decide/week.js';
import { reportPeriod } from './config/period.js';
import { rosterFrom } from '../roster/config/from-yaml.js';
import type { Roster } from '../roster/types.js';
import type { Job, JobContext } from '../job/contract.js';
import { scheduleState } from '../job/schedule-state.js';
import { SCHEDULE_CALLER_PATH } from '../kernel/repo-paths.js';

/**
 * The weekly report: read the week's issues of every configured repository (GraphQL search,
 * 100 a request), decide the numbers and the issue, and hand the plan to the executor. The
 * metrics go out as the `metrics` output and the rendered report into the job summary.
 * Inputs (the CLI sets them too): `week` (2026-W47) and `repositories` (owner/name, comma list).
 */
export const reportJob: Job = async (context) => {
  const config = await loadConfig(context.source, [ROSTER_FILE, REPORT_FILE, RESPONSE_GOALS_FILE]);
  const reportFile = config.files.find((f) => f.spec.name === 'report');
  const rosterFile = config.files.find((f) => f.spec.name === 'roster');
  const goalsFile = config.files.find((f) => f.spec.name === 'escalation');
  if (hasErrors(config.problems)) {
    return {
      config,
      plans: [emptyPlan('report', context.repo, ['the config has errors: no report this run'])],
    };
  }
  const settings = reportConfigFrom(reportFile?.yaml.value);
  const roster: Roster | null = rosterFile ? rosterFrom(rosterFile.yaml.value) : null;
  const problems: ConfigProblem[] = [];

  const period = reportPeriod(settings, roster);
  if ('problem' in period && reportFile)
    problems.push({
      file: reportFile.path,
      ...locate(reportFile.yaml, ['period']),
      severity: 'error',
      message: period.problem,
    });
  const { zone, opens } = period;
  const asked = context.input('week').trim();
  const week = asked
    ? parseWeek(asked, zone, opens)
    : reportedWeek(context.now.getTime(), zone, settings.week, opens);
  if (!week) throw new Error(`week must be an ISO week such as 2026-W47, not "${asked}"`);

  const listed = context
    .input('repositories')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const repositories =
    listed.length > 0
      ? listed
      : settings.repositories.length > 0
        ? settings.repositories
        : [`${context.repo.owner}/${context.repo.repo}`];

  const calendarName = settings.goals.calendar ?? Object.keys(roster?.calendars ?? {})[0];
  const window = calendarName ? roster?.calendars[calendarName] : undefined;
  if (settings.goals.calendar && !window && reportFile) {
    problems.push({
      file: reportFile.path,
      ...locate(reportFile.yaml, ['response-goals', 'calendar']),
      severity: 'error',
      message: roster
        ? `no calendar "${settings.goals.calendar}" in roster.yaml (it has ${Object.keys(roster.calendars).join(', ') || 'none'})`
        : `calendar "${settings.goals.calendar}" needs a roster.yaml with that calendar`,
    });
  }

  // One clock for the desk: with escalation.yaml, its goals judge the report too.
  const response = goalsFile
    ? responseModelFrom((goalsFile.yaml.value as { response?: ResponseSection } | null)?.response)
    : undefined;
  if (response && reportFile) {
    const own = (reportFile.yaml.value as Record<string, unknown> | null)?.['response-goals'];
    if (own !== undefined)
      problems.push({
        file: reportFile.path,
        ...locate(reportFile.yaml, ['response-goals'], 'key'),
        severity: 'warning',
        message:
          "response-goals is not used: escalation.yaml sets the desk's response goals, and the report judges issues by the same clock escalation runs. Remove it here, or change the goals in escalation.yaml",
      });
  }

  const reportRepo = `${context.repo.owner}/${context.repo.repo}`;
  if (context.input('catch-up') === 'true') {
    const recent = await fetchRecentReports(
      (q, v) => context.gateway.graphql(q, v),
      reportRepo,
      settings.label,
    );
    const written = (await ownReports(recent, context.gateway.kitLogin, opens)).find(
      (r) => r.week === week.id,
    );
    if (written)
      return {
        config,
        plans: [
          emptyPlan('report', context.repo, [
            `the ${week.id} report is written (#${written.number}): the catch-up run has nothing to do`,
          ]),
        ],
      };
  }

  const now = context.now.getTime();
  const before = previousWeek(week);
  const data = await fetchReportData((q, v) => context.gateway.graphql(q, v), {
    repos: repositories,
    start: week.start,
    cut: Math.min(week.end, now),
    previous: { start: before.start, end: before.end },
    excludeLabel: settings.label,
    otherKitLabels: [...RECORD_LABELS],
    reportRepo,
    budget: {
      reservePoints: context.gateway.budget.policy.reserve,
      requestsLeft: context.gateway.budget.policy.perRun - context.gateway.budget.made,
    },
  });

  const previousReports = await ownReports(data.reports, context.gateway.kitLogin, opens);
  const quarter = roster
    ? await quarterIssues(context, {
        week,
        cut: Math.min(week.end, now),
        weekIssues: data.issues,
        request: { repos: repositories, label: settings.label, reportRepo },
      })
    : undefined;

  const followUps = opensFollowUps(goalsFile)
    ? await fetchOpenFollowUps(
        (q, v) => context.gateway.graphql(q, v),
        repositories,
        context.gateway.kitLogin,
      )
    : undefined;

  const fixes = await fixesInput(context, goalsFile, data.issues, settings.listLimit);
  // The report says so where the team reads every week when GitHub turned the schedule off.
  const schedule = await scheduleState(context.gateway, 'report');
  const off =
    'state' in schedule && schedule.state !== null && schedule.state !== 'active'
      ? { file: SCHEDULE_CALLER_PATH, state: schedule.state }
      : undefined;
  const decision = decideReport({
    week,
    now,
    repositories,
    issues: data.issues,
    counts: data.counts,
    config: settings,
    roster,
    calendar: calendarName && window ? { name: calendarName, window } : null,
    ...(response ? { response } : {}),
    team: teamOf([...settings.team, ...answering(roster)]),
    reportRepo: context.repo,
    previousReports,
    ...(off ? { scheduleOff: off } : {}),
    ...(followUps ? { followUps } : {}),
    ...(quarter && 'issues' in quarter
      ? { quarter: { issues: quarter.issues, stepPrefix: stepPrefixOf(goalsFile) } }
      : {}),
    ...(fixes ? { fixes } : {}),
  });
  if ('note' in schedule) decision.plan.notes.push(schedule.note);
  const link = reportNotification(week.id, decision.title, settings.label, previousReports);
  if (link) {
    const webhook = await context.webhook('report');
    if (webhook.post) decision.plan.operations.push(link);
    decision.plan.notes.push(webhook.note);
  }
  const quarterRequests = quarter?.requests ?? 0;
  if (quarter && 'skipped' in quarter) decision.plan.notes.push(quarter.skipped);
  decision.plan.notes.push(
    `${data.requests + quarterRequests + (followUps ? 1 : 0)} GraphQL request(s) for the data${quarterRequests ? ` (${quarterRequests} for the quarter's issues)` : ''}${followUps ? ' (1 for the open follow-ups)' : ''}`,
  );
  if (data.truncated > 0)
    decision.plan.notes.push(
      `${data.truncated} slice(s) of more than 1,000 issues within one second: search shows only the first 1,000 of each`,
    );
  context.log(`report ${week.id}: ${data.issues.length} issue(s) in ${data.requests} request(s)`);
  return {
    config,
    plans: [decision.plan],
    problems,
    outputs: { metrics: JSON.stringify(decision.metrics) },
    summary: decision.body,
  };
};

const weekOf = (body: string) =>
  parseMarkers(body).find((m) => m.kind === REPORT_MARKER_KIND)?.keys.week;

/**
 * The executor's rule: only the kit's identity writes the kit's reports; a marker in anybody
 * else's issue is a quote, not ours.
 */
async function ownReports(
  reports: readonly LabelledIssue[],
  kitLogin: KitIdentity,
  opens: PeriodOpening,
): Promise<PreviousReport[]> {
  const own = await kitWritten(
    reports.map((r) => ({ ...r, user: r.author })),
    kitLogin,
    (body) => weekOf(body) !== undefined,
  );
  return own.map((r) => {
    const week = weekOf(r.body) ?? '';
    const linkPending = readPending(r.body).some((p) => p.key === reportLinkKey(week));
    const figures = figuresOf(r.body, week, opens);
    return {
      number: r.number,
      week,
      state: r.state,
      url: r.url,
      linkPending,
      ...(figures ? { figures } : {}),
    };
  });
}

/** The roster's people whose comment is a response: all but those who only ever shadow. */
function answering(roster: Roster | null | undefined): string[] {
  if (!roster) return [];
  const shadowOnly = learners(roster);
  return Object.keys(roster.people).filter((login) => !shadowOnly.has(login.toLowerCase()));
}

/**
 * At most this many pages (100 issues each) for the ledger's issue counts: a busy desk's quarter
 * must never cost the week's report its budget. Past it the ledger shows hours only.
 */
const QUARTER_PAGES = 20;

type QuarterRead = { requests: number } & ({ issues: ReportIssue[] } | { skipped: string });

/**
 * The issues of the quarter so far, for the ledger's issue counts: the same reads as the week's,
 * from the quarter's first day. In the quarter's first week they are the week's own.
 */
async function quarterIssues(
  context: JobContext,
  input: {
    week: Week;
    cut: number;
    weekIssues: ReportIssue[];
    request: { repos: string[]; label: string; reportRepo: string };
  },
): Promise<QuarterRead> {
  const start = quarterStart(input.week.end - 1, input.week.zone);
  if (start >= input.week.start) return { issues: input.weekIssues, requests: 0 };
  const left = context.gateway.budget.policy.perRun - context.gateway.budget.made;
  try {
    const data = await fetchReportData((q, v) => context.gateway.graphql(q, v), {
      repos: input.request.repos,
      start,
      cut: input.cut,
      previous: { start: input.week.start, end: input.week.end },
      excludeLabel: input.request.label,
      otherKitLabels: [...RECORD_LABELS],
      reportRepo: input.request.reportRepo,
      budget: {
        reservePoints: context.gateway.budget.policy.reserve,
        requestsLeft: Math.min(left, QUARTER_PAGES + 1),
      },
    });
    return { issues: data.issues, requests: data.requests };
  } catch (error) {
    if (!(error instanceof RateLimitDeferred)) throw error;
    return {
      requests: context.gateway.budget.made - (context.gateway.budget.policy.perRun - left),
      skipped: `the ledger shows hours only: counting the quarter's issues ${error.message.replace(/^the report needs /, 'needs ')} (at most ${QUARTER_PAGES} pages of 100 are read for it); \`support-kit oncall load --repo\` counts them with a token of its own`,
    };
  }
}

/** Whether a playbook of escalation.yaml opens follow-ups: only then are they read. */
function opensFollowUps(goals: { yaml: { value: unknown } } | undefined): boolean {
  const value = goals?.yaml.value as {
    playbooks?: Record<string, { 'after-close'?: unknown[] } | null>;
  } | null;
  return Object.values(value?.playbooks ?? {}).some((p) => (p?.['after-close'] ?? []).length > 0);
}

/**
 * What the "Waiting on engineering" and "Fixes released this week" sections need: escalation.yaml's
 * released statuses, and the kit's record of the engineering issue of each open issue with the
 * awaiting-fix label (its comments, one request each, the longest list shown at most). Nothing is
 * read when no issue waits; absent when nothing could ever be listed.
 */
async function fixesInput(
  context: JobContext,
  goals: LoadedConfig['files'][number] | undefined,
  issues: readonly ReportIssue[],
  limit: number,
): Promise<FixesInput | undefined> {
  const on = (goals?.yaml.value as { status?: { on?: Record<string, string> } } | null)?.status?.on;
  const released = {
    ...(on?.['released-beta'] ? { beta: on['released-beta'] } : {}),
    ...(on?.['released-stable'] ? { stable: on['released-stable'] } : {}),
  };
  const waiting = issues.filter(
    (i) => i.state === 'open' && i.labels.some((l) => l.toLowerCase() === AWAITING_FIX_LABEL),
  );
  if (waiting.length === 0 && !released.beta && !released.stable) return undefined;
  const links: Record<string, FixLink> = {};
  for (const issue of waiting.slice(0, limit)) {
    const [owner = '', repo = ''] = issue.repo.split('/');
    const comments = await context.gateway.forRepo({ owner, repo }).listComments(issue.number);
    const own = await kitWritten(comments, context.gateway.kitLogin);
    const link = own.map((c) => readFixLink(c.body ?? '')).find((l) => l !== undefined);
    if (link) links[supportKey(issue.repo, issue.number)] = link;
  }
  return { links, released };
}

/** escalation.yaml's step label prefix, which marks an assignment an escalation step made. */
function stepPrefixOf(goals: { yaml: { value: unknown } } | undefined): string {
  const value = goals?.yaml.value as { escalation?: { 'label-prefix'?: string } } | null;
  return value?.escalation?.['label-prefix'] ?? STEP_LABEL_PREFIX;
}
