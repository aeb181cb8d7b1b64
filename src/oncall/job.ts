import { type LoadedConfig, loadConfig } from '../config/load.js';
import {
  HANDOFF_LOG_KIND,
  HANDOFF_LOG_LABEL,
  isKitIssue,
  RECORD_LABELS,
} from '../kernel/kit-records.js';
import type { IssuePayload } from '../github/types.js';
import { ROSTER_FILE } from '../roster/config/spec.js';
import { hasErrors } from '../kernel/problems.js';
import {
  type AssignmentDecision,
  type AssignmentIssue,
  decideAssignment,
  decideRelease,
  decideWithoutRoster,
  ONCALL_MARKER,
} from './decide/assign.js';
import { NO_COVERAGE_LABEL } from '../kernel/kit-labels.js';
import {
  decideHandoffs,
  type HandoffIssue,
  type HandoffLog,
  lastLoggedHandoff,
  loggedHandoffs,
  pendingHandoffs,
} from './decide/handoff.js';
import { kitWritten } from '../kernel/kit-identity.js';
import { parseMarkers } from '../kernel/markers.js';
import { handoffNotifications, pendingHandoffPosts } from './decide/notify.js';
import { emptyPlan, type Plan } from '../kernel/plan.js';
import { rosterFrom } from '../roster/config/from-yaml.js';
import { routeFor } from '../roster/routes.js';
import type { Roster } from '../roster/types.js';
import { findMarkedComment } from '../github/apply.js';
import type { GitHubIssue } from '../github/types.js';
import { freshIssue } from '../job/fresh-issue.js';
import type { Job, JobContext, JobOutcome } from '../job/contract.js';
import { checkSchedule } from './schedule-check.js';

/**
 * Events whose payload may be stale by the time this step runs: in the shipped issues workflow
 * intake runs first in the same job and may add labels (the severity from the form) that start
 * no new run, so the route is read from the issue as it is now.
 */
const FRESH_ON: readonly string[] = ['opened', 'reopened'];

/**
 * Assign each new issue to whoever was on call when it was opened (and re-route when a label
 * arrives on an unassigned one); on schedule, give held issues to whoever is on call now and log
 * (and apply) every hand-off since the last one logged.
 */
export const oncallJob: Job = async (context) => {
  const config = await loadConfig(context.source, [ROSTER_FILE]);
  const sent = context.event.payload.issue as IssuePayload | undefined;
  if (context.event.name !== 'issues') return scheduled(context, config);
  if (!sent || sent.pull_request) {
    return { config, plans: [emptyPlan('oncall', context.repo, ['not an issue'])] };
  }
  // An App's token writing the kit's own records starts runs: a record is nobody's to take.
  if (await isKitIssue(sent, context.gateway.kitLogin))
    return {
      config,
      plans: [emptyPlan('oncall', context.repo, [`#${sent.number} is the kit's own record`])],
    };
  const file = config.files[0];
  // Without a roster there is nothing to decide, and so nothing to read.
  if (!file && !hasErrors(config.problems))
    return {
      config,
      plans: [
        emptyPlan('oncall', context.repo, [
          `no roster.yaml in ${context.source.folder}: nobody is assigned`,
        ]),
      ],
    };
  const fresh = FRESH_ON.includes(context.event.action ?? '')
    ? await freshIssue(context, sent.number, { primeComments: true })
    : sent;
  if (typeof fresh === 'string')
    return { config, plans: [emptyPlan('oncall', context.repo, [fresh])] };
  const payload = fresh;
  const issue: AssignmentIssue = {
    number: payload.number,
    state: payload.state ?? 'open',
    labels: (payload.labels ?? []).map((l) => l.name),
    assignees: (payload.assignees ?? []).map((a) => a.login),
    createdAt: payload.created_at,
  };
  // Opened with one assignee: maybe an earlier run of this event assigned it and died before
  // its comment (primed: an issue with no comment costs no listing).
  if (FRESH_ON.includes(context.event.action ?? '') && issue.assignees.length === 1)
    issue.oncallComment =
      (await findMarkedComment(
        await context.gateway.listComments(issue.number),
        ONCALL_MARKER,
        context.gateway.kitLogin,
      )) !== undefined;
  if (hasErrors(config.problems) || !file) {
    const decision = decideWithoutRoster(issue, 'roster.yaml has errors.');
    return {
      config,
      plans: [
        { ...emptyPlan('oncall', context.repo, decision.notes), operations: decision.operations },
      ],
      // Flagging the issue for a person is the one safe act on a broken roster.
      safeWithConfigErrors: true,
    };
  }
  const roster = rosterFrom(file.yaml.value);
  const { decision, note } = await withBusyStatus(context, issue, roster);
  const plan: Plan = {
    ...emptyPlan('oncall', context.repo, [
      ...decision.notes,
      ...(note ? [note] : []),
      provenance(context),
    ]),
    operations: decision.operations,
  };
  if (context.event.action === 'opened') await checkSchedule(context, plan);
  return { config, plans: [plan] };
};

/**
 * With `busy: backup`, the people in line for the issue are asked for their GitHub status (one
 * query) and the issue goes to the first who is not Busy. Their status is as it is now, whenever
 * the issue was opened: it is what says whether they can take it.
 */
async function withBusyStatus(
  context: JobContext,
  issue: AssignmentIssue,
  roster: Roster,
): Promise<{ decision: AssignmentDecision; note?: string }> {
  const first = decideAssignment(issue, roster);
  if (!first.inLine || first.inLine.length === 0) return { decision: first };
  const busy = await context.gateway.busyPeople(first.inLine);
  const note = `GitHub status Busy: ${busy.size > 0 ? [...busy.keys()].join(', ') : 'nobody in line'}`;
  return { decision: busy.size > 0 ? decideAssignment(issue, roster, busy) : first, note };
}

/**
 * Which roster and which time-zone rules the answer came from: a tzdata update can move an
 * instant, and the roster on the default branch may have changed since.
 */
function provenance(context: JobContext): string {
  return `roster from ${context.source.description}; time-zone data ${process.versions.tz ?? 'unknown'} (Node ${process.version})`;
}

/** On schedule: release held issues, then hand-offs. A broken roster does neither. */
async function scheduled(context: JobContext, config: LoadedConfig): Promise<JobOutcome> {
  const plan = emptyPlan('oncall', context.repo);
  const file = config.files[0];
  if (hasErrors(config.problems) || !file) {
    // A roster with errors is left out of `files`: the problems, not the file, tell it apart.
    plan.notes.push(
      hasErrors(config.problems)
        ? 'roster.yaml has errors: held issues stay held and hand-offs wait'
        : `no roster.yaml in ${context.source.folder}`,
    );
    return { config, plans: [plan] };
  }
  const roster = rosterFrom(file.yaml.value);
  await releaseHeld(context, roster, plan);
  await handOff(context, roster, plan);
  plan.notes.push(provenance(context));
  return { config, plans: [plan] };
}

/**
 * Every issue held outside coverage goes to whoever is on call now. One search finds them; a
 * run in a gap finds nothing to release and writes nothing.
 */
async function releaseHeld(context: JobContext, roster: Roster, plan: Plan): Promise<void> {
  const query = `repo:${context.repo.owner}/${context.repo.repo} is:issue is:open label:"${NO_COVERAGE_LABEL}"`;
  const held = await context.gateway.searchIssues(query, 100);
  // First come, first served: search answers by relevance, the queue goes by creation.
  held.sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at));
  for (const found of held) {
    const decision = decideRelease(
      {
        number: found.number,
        state: found.state,
        labels: found.labels.map((l) => l.name),
        assignees: found.assignees.map((a) => a.login),
        createdAt: found.created_at,
      },
      roster,
      context.now,
    );
    plan.operations.push(...decision.operations);
    plan.notes.push(...decision.notes);
  }
  plan.notes.push(`${held.length} held issue(s)`);
}

/**
 * Hand-offs since the last one each schedule's log records. Reads: the open log issues (one
 * listing for every schedule), the comments of each, and, only when somebody hands off, the open
 * issues of each outgoing person (one listing each) to find what they leave. A schedule that
 * moves issues also re-lists the issues of whoever handed off last, to retry a move GitHub
 * refused; and reads the comments of each issue it may move, to move only what the kit assigned.
 */
async function handOff(context: JobContext, roster: Roster, plan: Plan): Promise<void> {
  const logIssues = await kitWritten(
    await context.gateway.listIssues({ state: 'open', labels: [HANDOFF_LOG_LABEL] }),
    context.gateway.kitLogin,
  );
  const perSchedule = new Map<string, HandoffLog[]>();
  for (const schedule of Object.keys(roster.schedules)) {
    const logs: HandoffLog[] = [];
    for (const issue of logIssues) {
      const marker = parseMarkers(issue.body).find(
        (m) => m.kind === HANDOFF_LOG_KIND && m.keys.schedule === schedule,
      );
      if (!marker?.keys.month) continue;
      const comments = await context.gateway.listComments(issue.number);
      logs.push({
        month: marker.keys.month,
        number: issue.number,
        state: issue.state,
        logged: loggedHandoffs(
          schedule,
          (await kitWritten(comments, context.gateway.kitLogin)).map((c) => c.body),
        ),
      });
    }
    perSchedule.set(schedule, logs);
  }

  const pending = new Map(
    [...perSchedule].map(([schedule, logs]) => [
      schedule,
      pendingHandoffs(roster, schedule, logs, context.now),
    ]),
  );
  const leaving = new Set(
    [...pending].flatMap(([schedule, p]) =>
      [...p.handoffs, lastLoggedHandoff(roster, schedule, p.since)].flatMap((h) =>
        h?.from ? [h.from] : [],
      ),
    ),
  );
  const found = new Map<number, GitHubIssue>();
  // The kit's records (an incident's follow-ups are assigned) are not work the desk hands over.
  const record = (issue: GitHubIssue) =>
    issue.labels.some((l) => RECORD_LABELS.some((r) => r.toLowerCase() === l.name.toLowerCase()));
  for (const login of leaving)
    for (const issue of await context.gateway.listIssues({ state: 'open', assignee: login }))
      if (!issue.pull_request && !record(issue)) found.set(issue.number, issue);
  const issues: HandoffIssue[] = [];
  for (const issue of [...found.values()].sort((a, b) => a.number - b.number)) {
    const labels = issue.labels.map((l) => l.name);
    const route = routeFor(roster, labels);
    const moves =
      route !== undefined &&
      roster.schedules[route.schedule]?.handoff.reassign === 'open' &&
      // Two: a move an earlier run made halfway (decideHandoffs finishes it).
      issue.assignees.length <= 2 &&
      // No comment yet, so none of the kit's: no need to read.
      (issue as { comments?: number }).comments !== 0;
    const kitAssigned =
      moves &&
      (await findMarkedComment(
        await context.gateway.listComments(issue.number),
        ONCALL_MARKER,
        context.gateway.kitLogin,
      )) !== undefined;
    issues.push({
      number: issue.number,
      title: issue.title,
      labels,
      assignees: issue.assignees.map((a) => a.login),
      kitAssigned,
    });
  }

  let webhook: Awaited<ReturnType<JobContext['webhook']>> | undefined;
  const known = (logs: HandoffLog[]) =>
    logs.flatMap((l) => {
      const url = logIssues.find((i) => i.number === l.number)?.html_url;
      return url ? [{ ...l, url }] : [];
    });
  for (const [schedule, logs] of perSchedule) {
    const decision = decideHandoffs({
      roster,
      schedule,
      pending: pending.get(schedule) ?? { handoffs: [], skipped: 0 },
      logs,
      issues,
      now: context.now,
    });
    plan.operations.push(...decision.operations);
    plan.notes.push(...decision.notes);
    // After the entries: the log a post links to may be opened by this plan.
    const handoffs = pending.get(schedule)?.handoffs ?? [];
    if (handoffs.length > 0 && (webhook ??= await context.webhook('handoff')).post)
      plan.operations.push(...handoffNotifications(roster, schedule, handoffs, known(logs)));
  }
  const retries = logIssues.flatMap((i) =>
    pendingHandoffPosts({ number: i.number, body: i.body ?? '' }),
  );
  if (retries.length > 0 && (webhook ??= await context.webhook('handoff')).post)
    plan.operations.push(...retries);
  if (webhook) plan.notes.push(webhook.note);
}
