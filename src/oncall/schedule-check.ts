import { statusOf } from '../github/gateway.js';
import type { JobContext } from '../job/contract.js';
import { scheduleState } from '../job/schedule-state.js';
import { HANDOFF_LOG_LABEL } from '../kernel/kit-records.js';
import type { Plan } from '../kernel/plan.js';
import { SCHEDULE_CALLER as SCHEDULE_WORKFLOW } from '../kernel/repo-paths.js';
import { type ScheduleCheck, scheduleAlarm } from './decide/schedule-health.js';

/**
 * Schedules that heal. GitHub turns a public repository's scheduled workflows off after 60 days
 * without activity, and issues filed by customers do not count, so a quiet desk loses its
 * escalations, hand-offs and reports without a word. Issue events keep coming either way: a new
 * issue in a repository with no push for 50 days asks GitHub whether the schedule still runs
 * (one read, `actions: read`). When GitHub turned it
 * off, the run turns it back on where its token may (`actions: write`); either way it says so on
 * the hand-off log and the webhook. A dry run only says it would.
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
export async function checkSchedule(context: JobContext, plan: Plan): Promise<void> {
  if (!atRisk(context)) return;
  const asked = await scheduleState(context.gateway, 'issues');
  if ('note' in asked) {
    plan.notes.push(asked.note);
    return;
  }
  const { state } = asked;
  if (state === null || state === 'active') return;
  const check: ScheduleCheck = {
    state,
    enabled: false,
    webhook: (await context.webhook('handoff')).post,
    repo: `${context.repo.owner}/${context.repo.repo}`,
  };
  if (state !== 'disabled_inactivity')
    check.notEnabled = 'a person turned it off; the kit leaves that choice to people';
  else if (context.input('dry-run') === 'true') check.notEnabled = 'a dry run turns nothing on';
  else
    try {
      await context.gateway.enableWorkflow(SCHEDULE_WORKFLOW);
      check.enabled = true;
    } catch (error) {
      if (statusOf(error) !== 403) throw error;
      check.notEnabled =
        'the workflow token may not turn workflows on: pass an App token with Actions write as the `token` secret to let the kit do it';
    }
  const [log] = await context.gateway.listIssues({ state: 'open', labels: [HANDOFF_LOG_LABEL] });
  if (log) check.log = log.number;
  const alarm = scheduleAlarm(check);
  context.log(`warning: ${alarm.note}`);
  plan.operations.push(...alarm.operations);
  plan.notes.push(alarm.note);
}
