import type { Operation } from '../../kernel/plan.js';
import { SCHEDULE_CALLER as SCHEDULE_WORKFLOW } from '../../kernel/repo-paths.js';
import { scheduleOffMessage } from '../../notify/slack.js';

/** What the run found and did about the schedule workflow (see oncall/job.ts). */
export interface ScheduleCheck {
  state: string;
  /** The run turned it back on. */
  enabled: boolean;
  /** Why it did not: the token may not, or a person turned it off, or a dry run. */
  notEnabled?: string;
  /** The hand-off log to say it on, when there is one open. */
  log?: number;
  /** The webhook takes the desk's alarms. */
  webhook: boolean;
  repo: string;
}

const CAUSE: Record<string, string> = {
  disabled_inactivity: 'GitHub turned it off after 60 days without activity in the repository',
  disabled_manually: 'someone turned it off in the Actions tab',
  disabled_fork: 'GitHub does not run schedules in a fork until they are turned on',
};

/**
 * Said loudly, because nothing else will: while the schedule is off, no escalation step falls
 * due, no hand-off is logged, held issues wait and no report is written. One comment on the
 * hand-off log (rewritten in place while it lasts) and one webhook post a run that finds it.
 */
export function scheduleAlarm(check: ScheduleCheck): { operations: Operation[]; note: string } {
  const cause = CAUSE[check.state] ?? `its state is ${check.state}`;
  const text = check.enabled
    ? `The support-kit schedule (${SCHEDULE_WORKFLOW}) was off: ${cause}. Escalations, hand-offs and reports stopped meanwhile. The kit turned it back on; the next tick catches up.`
    : `The support-kit schedule (${SCHEDULE_WORKFLOW}) is off: ${cause}. Escalations, hand-offs and reports are stopped. Turn it on in the Actions tab${check.notEnabled ? ` (${check.notEnabled})` : ''}.`;
  const operations: Operation[] = [];
  if (check.log !== undefined)
    operations.push({
      kind: 'upsert-comment',
      issue: check.log,
      marker: { kind: 'schedule-off', keys: {} },
      body: text,
      reason: 'say on the hand-off log that the schedule is off',
    });
  if (check.webhook && check.log !== undefined)
    operations.push({
      kind: 'notify',
      channel: 'webhook',
      issue: check.log,
      key: `schedule-off:${check.state}:${check.enabled ? 'enabled' : 'off'}`,
      recordOnIssue: { pending: false },
      payload: scheduleOffMessage(check.repo, text),
      reason: 'post to the webhook that the schedule is off',
    });
  return { operations, note: text };
}
