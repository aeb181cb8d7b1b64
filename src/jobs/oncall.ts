import { type LoadedConfig, loadConfig } from '../config/load.js';
import { hasErrors } from '../config/problems.js';
import {
  type AssignmentIssue,
  decideAssignment,
  decideRelease,
  decideWithoutRoster,
  NO_COVERAGE_LABEL,
} from '../core/oncall/assign.js';
import {
  decideHandoffs,
  HANDOFF_LOG_LABEL,
  type HandoffIssue,
  type HandoffLog,
  loggedHandoffs,
  pendingHandoffs,
} from '../core/oncall/handoff.js';
import { parseMarkers } from '../core/markers/markers.js';
import { emptyPlan, type Plan } from '../core/plan/types.js';
import { rosterFrom } from '../core/roster/from-yaml.js';
import type { Roster } from '../core/roster/types.js';
import { isKitAuthor } from '../github/apply.js';
import type { Job, JobContext, JobOutcome } from './types.js';

interface IssuePayload {
  number: number;
  labels: { name: string }[];
  assignees?: { login: string }[];
  created_at: string;
  pull_request?: unknown;
}

/**
 * Assign each new issue to whoever was on call when it was opened (and re-route when a label
 * arrives on an unassigned one); on schedule, give held issues to whoever is on call now and log
 * (and apply) every hand-off since the last one logged.
 */
export const oncallJob: Job = async (context) => {
  const config = await loadConfig(context.source, { only: ['roster'] });
  const payload = context.event.payload.issue as IssuePayload | undefined;
  if (context.event.name !== 'issues') return scheduled(context, config);
  if (!payload || payload.pull_request) {
    return { config, plans: [emptyPlan('oncall', context.repo, ['not an issue'])] };
  }
  const issue: AssignmentIssue = {
    number: payload.number,
    labels: payload.labels.map((l) => l.name),
    assignees: (payload.assignees ?? []).map((a) => a.login),
    createdAt: payload.created_at,
  };
  if (hasErrors(config.problems)) {
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
  const file = config.files[0];
  if (!file)
    return {
      config,
      plans: [
        emptyPlan('oncall', context.repo, [
          `no roster.yaml in ${context.source.folder}: nobody is assigned`,
        ]),
      ],
    };
  const decision = decideAssignment(issue, rosterFrom(file.yaml.value));
  return {
    config,
    plans: [
      {
        ...emptyPlan('oncall', context.repo, [...decision.notes, provenance(context)]),
        operations: decision.operations,
      },
    ],
  };
};

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
    plan.notes.push(
      file
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
 * issues (one listing) to find what they leave.
 */
async function handOff(context: JobContext, roster: Roster, plan: Plan): Promise<void> {
  const logIssues = (
    await context.gateway.listIssues({ state: 'open', labels: [HANDOFF_LOG_LABEL] })
  ).filter((i) => isKitAuthor(i.user));
  const perSchedule = new Map<string, HandoffLog[]>();
  for (const schedule of Object.keys(roster.schedules)) {
    const logs: HandoffLog[] = [];
    for (const issue of logIssues) {
      const marker = parseMarkers(issue.body).find(
        (m) => m.kind === 'handoff-log' && m.keys.schedule === schedule,
      );
      if (!marker?.keys.month) continue;
      const comments = await context.gateway.listComments(issue.number);
      logs.push({
        month: marker.keys.month,
        number: issue.number,
        state: issue.state,
        logged: loggedHandoffs(
          schedule,
          comments.filter((c) => isKitAuthor(c.user)).map((c) => c.body),
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
    [...pending.values()].flatMap((p) => p.handoffs.flatMap((h) => (h.from ? [h.from] : []))),
  );
  const issues: HandoffIssue[] =
    leaving.size === 0
      ? []
      : (await context.gateway.listIssues({ state: 'open' }))
          .filter((i) => !i.pull_request && i.assignees.some((a) => leaving.has(a.login)))
          .map((i) => ({
            number: i.number,
            title: i.title,
            labels: i.labels.map((l) => l.name),
            assignees: i.assignees.map((a) => a.login),
          }));

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
  }
}
