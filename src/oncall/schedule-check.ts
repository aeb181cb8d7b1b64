import { statusOf } from '../github/gateway.js';
import type { JobContext } from '../job/contract.js';
import { scheduleState } from '../job/schedule-state.js';
import { HANDOFF_LOG_LABEL } from '../kernel/kit-records.js';
import type { Plan } from '../kernel/plan.js';
import { REPORT_CALLER, SCHEDULE_CALLER } from '../kernel/repo-paths.js';
import { type ScheduledWorkflow, scheduleAlarm } from './decide/schedule-health.js';

/**
 * Schedules that heal. GitHub turns a public repository's scheduled workflows off after 60 days
 * without activity, and issues filed by customers do not count, so a quiet desk loses its
 * escalations, hand-offs and reports without a word. Issue events keep coming either way: a new
 * issue in a repository with no push for 50 days asks GitHub whether the schedule and the report
 * still run (one read each, `actions: read`). When GitHub turned one off, the run turns it back on
 * where its token may (`actions: write`); either way it says so on the hand-off log and the
 * webhook. A dry run only says it would.
 */

/** GitHub disables after 60 days; the check starts ten days before, from what the event carries. */
const QUIET_DAYS = 50;

/**
 * Only a public repository's schedule is turned off for inactivity, and only after 60 days
 * without a push: the event's own `repository` says both, so a busy or private desk pays
 * nothing for the check.
 */
function atRisk(context: JobContext): boolean {
  const repository = context.event.payload.repository as
    { private?: boolean; pushed_at?: string | number | null } | undefined;
  if (!repository || repository.private) return false;
  const pushed = repository.pushed_at;
  const at = typeof pushed === 'number' ? pushed * 1000 : pushed ? Date.parse(pushed) : NaN;
  return !(context.now.getTime() - at < QUIET_DAYS * 86_400_000);
}
/** The desk's scheduled workflows: GitHub turns both off at once in a quiet repository. */
const SCHEDULED: readonly ScheduledWorkflow['role'][] = ['schedule', 'report'];
const FILES: Record<ScheduledWorkflow['role'], string> = {
  schedule: SCHEDULE_CALLER,
  report: REPORT_CALLER,
};

export async function checkSchedule(context: JobContext, plan: Plan): Promise<void> {
  if (!atRisk(context)) return;
  const off: ScheduledWorkflow[] = [];
  for (const role of SCHEDULED) {
    const asked = await scheduleState(context.gateway, 'issues', FILES[role]);
    if ('note' in asked) {
      plan.notes.push(asked.note);
      return;
    }
    if (asked.state !== null && asked.state !== 'active')
      off.push(
        await turnOn(context, { role, file: FILES[role], state: asked.state, enabled: false }),
      );
  }
  if (off.length === 0) return;
  const [log] = await context.gateway.listIssues({ state: 'open', labels: [HANDOFF_LOG_LABEL] });
  const alarm = scheduleAlarm({
    workflows: off,
    webhook: (await context.webhook('handoff')).post,
    repo: `${context.repo.owner}/${context.repo.repo}`,
    ...(log ? { log: log.number } : {}),
  });
  context.log(`warning: ${alarm.note}`);
  plan.operations.push(...alarm.operations);
  plan.notes.push(alarm.note);
}

/** Back on where GitHub turned it off and the token may; a person's choice is left alone. */
async function turnOn(context: JobContext, found: ScheduledWorkflow): Promise<ScheduledWorkflow> {
  if (found.state !== 'disabled_inactivity')
    return { ...found, notEnabled: 'a person turned it off; the kit leaves that choice to people' };
  if (context.input('dry-run') === 'true')
    return { ...found, notEnabled: 'a dry run turns nothing on' };
  try {
    await context.gateway.enableWorkflow(found.file);
    return { ...found, enabled: true };
  } catch (error) {
    if (statusOf(error) !== 403) throw error;
    return {
      ...found,
      notEnabled:
        'the workflow token may not turn workflows on: pass an App token with Actions write as the `token` secret to let the kit do it',
    };
  }
}
