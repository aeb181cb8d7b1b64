import { HANDOFF_LOG_LABEL } from '../../kernel/kit-records.js';
import { handoffLogMarker, logMonth } from './handoff.js';
import { zoneOfPerson } from './shift-text.js';
import type { Notify } from '../../kernel/plan.js';
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
      payload: rotationHandoffMessage(log?.url ?? ISSUE_URL_SLOT, schedule, role, handoff, when),
      reason: `post the hand-off of ${schedule} from ${handoff.from ?? 'nobody'} to ${handoff.to} to the webhook`,
    };
  });
}
