import { HANDOFF_LOG_LABEL } from '../../kernel/kit-records.js';
import { handoffEntryMarker, handoffLogMarker, logMonth } from './handoff.js';
import { zoneOfPerson } from './shift-text.js';
import type { Notify } from '../../kernel/plan.js';
import { readPending } from '../../kernel/pending-notifications.js';
import { describeLocal } from '../../roster/time.js';
import type { Handoff, Roster } from '../../roster/types.js';
import { ISSUE_URL_SLOT } from '../../kernel/plan.js';
import { rotationHandoffMessage } from '../../notify/slack.js';

/** A log issue the on-call job found: the month it holds, and where it is. */
export interface KnownLog {
  month: string;
  number: number;
  url: string;
}

/**
 * One webhook post per hand-off the run logs, linking to the month's log. Only hand-offs not
 * logged yet are given, so a re-run (which finds them logged) posts nothing again.
 */
export function handoffNotifications(
  roster: Roster,
  schedule: string,
  handoffs: readonly Handoff[],
  logs: readonly KnownLog[],
): Notify[] {
  const role = roster.schedules[schedule]?.roles[0] ?? 'primary';
  return handoffs.map((handoff) => {
    const month = logMonth(handoff.at);
    const log = logs.find((l) => l.month === month);
    const when = describeLocal(Date.parse(handoff.at), zoneOfPerson(roster, handoff.to));
    return {
      kind: 'notify',
      channel: 'webhook',
      issue: log
        ? log.number
        : { marker: handoffLogMarker(schedule, month), labels: [HANDOFF_LOG_LABEL] },
      key: `handoff:${schedule}:${handoff.at}`,
      recordOnIssue: { pending: false },
      // Posted once the log has its entry: unlogged, the hand-off is played again next run.
      needs: handoffEntryMarker(schedule, handoff.at),
      payload: rotationHandoffMessage(log?.url ?? ISSUE_URL_SLOT, schedule, role, handoff, when),
      reason: `post the hand-off of ${schedule} from ${handoff.from ?? 'nobody'} to ${handoff.to} to the webhook`,
    };
  });
}

/** Posts that failed on an earlier run, as the log issue's body records them: sent again. */
export function pendingHandoffPosts(log: { number: number; body: string }): Notify[] {
  return readPending(log.body)
    .filter((p) => p.key.startsWith('handoff:'))
    .map((p) => ({
      kind: 'notify',
      channel: p.channel,
      issue: log.number,
      key: p.key,
      payload: p.payload,
      recordOnIssue: { pending: true },
      reason: `retry: the post of ${p.key} failed on an earlier run`,
    }));
}
