import type { Operation } from '../../kernel/plan.js';
import { scheduleOffMessage } from '../../notify/slack.js';

/** One of the desk's scheduled workflows that GitHub reports off, and what the run did about it. */
export interface ScheduledWorkflow {
  role: 'schedule' | 'report';
  file: string;
  state: string;
  /** The run turned it back on. */
  enabled: boolean;
  /** Why it did not: the token may not, or a person turned it off, or a dry run. */
  notEnabled?: string;
}

/** What the run found about the scheduled workflows (see oncall/schedule-check.ts). */
export interface ScheduleCheck {
  workflows: ScheduledWorkflow[];
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

/** What stops while each workflow is off, said as it was (turned back on) or as it is. */
const STOPPED: Record<ScheduledWorkflow['role'], { name: string; was: string; is: string }> = {
  schedule: {
    name: 'The support-kit schedule',
    was: 'Escalations, hand-offs and held issues stopped meanwhile',
    is: 'Escalations, hand-offs and held issues are stopped',
  },
  report: {
    name: 'The weekly report',
    was: 'No report was written meanwhile',
    is: 'No report is written',
  },
};

function sentence(w: ScheduledWorkflow): string {
  const cause = CAUSE[w.state] ?? `its state is ${w.state}`;
  const { name, was, is } = STOPPED[w.role];
  return w.enabled
    ? `${name} (${w.file}) was off: ${cause}. ${was}. The kit turned it back on; the next run catches up.`
    : `${name} (${w.file}) is off: ${cause}. ${is}. Turn it on in the Actions tab${w.notEnabled ? ` (${w.notEnabled})` : ''}.`;
}

/**
 * Said loudly, because nothing else will: while the schedule is off, no escalation step falls
 * due, no hand-off is logged and held issues wait; while the report's is, no report is written.
 * One comment on the hand-off log (rewritten in place while it lasts) and one webhook post a run
 * that finds it.
 */
export function scheduleAlarm(check: ScheduleCheck): { operations: Operation[]; note: string } {
  const text = check.workflows.map(sentence).join('\n\n');
  const operations: Operation[] = [];
  if (check.log !== undefined)
    operations.push({
      kind: 'upsert-comment',
      issue: check.log,
      marker: { kind: 'schedule-off', keys: {} },
      body: text,
      reason: 'say on the hand-off log that a scheduled workflow is off',
    });
  const states = check.workflows.map(
    (w) => `${w.role}:${w.state}:${w.enabled ? 'enabled' : 'off'}`,
  );
  if (check.webhook && check.log !== undefined)
    operations.push({
      kind: 'notify',
      channel: 'webhook',
      issue: check.log,
      key: `schedule-off:${states.join(',')}`,
      recordOnIssue: { pending: false },
      payload: scheduleOffMessage(check.repo, text),
      reason: 'post to the webhook that a scheduled workflow is off',
    });
  return { operations, note: text.replaceAll('\n\n', ' ') };
}
