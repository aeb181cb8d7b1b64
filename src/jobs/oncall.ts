import { type LoadedConfig, loadConfig } from '../config/load.js';
import { hasErrors } from '../config/problems.js';
import {
  type AssignmentIssue,
  decideAssignment,
  decideRelease,
  decideWithoutRoster,
  NO_COVERAGE_LABEL,
} from '../core/oncall/assign.js';
import { emptyPlan } from '../core/plan/types.js';
import { rosterFrom } from '../core/roster/from-yaml.js';
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
 * arrives on an unassigned one); on schedule, give held issues to whoever is on call now.
 * The hand-off log comes next.
 */
export const oncallJob: Job = async (context) => {
  const config = await loadConfig(context.source, { only: ['roster'] });
  const payload = context.event.payload.issue as IssuePayload | undefined;
  if (context.event.name !== 'issues') return releaseHeld(context, config);
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
      { ...emptyPlan('oncall', context.repo, decision.notes), operations: decision.operations },
    ],
  };
};

/**
 * On schedule: every issue held outside coverage goes to whoever is on call now. One search
 * finds them; a run in a gap finds nothing to release and writes nothing.
 */
async function releaseHeld(context: JobContext, config: LoadedConfig): Promise<JobOutcome> {
  const plan = emptyPlan('oncall', context.repo);
  const file = config.files[0];
  if (hasErrors(config.problems) || !file) {
    plan.notes.push(
      file
        ? 'roster.yaml has errors: held issues stay held'
        : `no roster.yaml in ${context.source.folder}`,
    );
    return { config, plans: [plan] };
  }
  const roster = rosterFrom(file.yaml.value);
  const query = `repo:${context.repo.owner}/${context.repo.repo} is:issue is:open label:"${NO_COVERAGE_LABEL}"`;
  const held = await context.gateway.searchIssues(query, 100);
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
  plan.notes.push(`${held.length} held issue(s); hand-off logging is not built yet`);
  return { config, plans: [plan] };
}
