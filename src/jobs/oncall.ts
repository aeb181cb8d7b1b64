import { loadConfig } from '../config/load.js';
import { hasErrors } from '../config/problems.js';
import {
  decideAssignment,
  decideWithoutRoster,
  type AssignmentIssue,
} from '../core/oncall/assign.js';
import { emptyPlan } from '../core/plan/types.js';
import { rosterFrom } from '../core/roster/from-yaml.js';
import type { Job } from './types.js';

interface IssuePayload {
  number: number;
  labels: { name: string }[];
  assignees?: { login: string }[];
  created_at: string;
  pull_request?: unknown;
}

/**
 * Assign each new issue to whoever was on call when it was opened (and re-route when a label
 * arrives on an unassigned one). Hand-off and the release of held issues on schedule come next.
 */
export const oncallJob: Job = async (context) => {
  const config = await loadConfig(context.source, { only: ['roster'] });
  const payload = context.event.payload.issue as IssuePayload | undefined;
  if (context.event.name !== 'issues' || !payload || payload.pull_request) {
    return {
      config,
      plans: [
        emptyPlan('oncall', context.repo, [
          'scheduled hand-off and held-issue release are not built yet: nothing to do on this event',
        ]),
      ],
    };
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
