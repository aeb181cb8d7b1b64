import { NOTIFY_PENDING_LABEL } from '../../kernel/pending-notifications.js';
import { AWAITING_FIX_LABEL } from '../../kernel/kit-labels.js';
import { playbookFor } from './playbook.js';
import type { Roster } from '../../roster/types.js';
import { stepsDue } from './clock.js';
import { responseClock } from '../../roster/response-clock.js';
import { type EscalationConfig, hasAnyLabel, hasLabel } from '../config/escalation.js';
import type { IssueSnapshot } from './types.js';

/** How long after closing an issue's due dates and the resolve of its page are still followed. */
export const CLOSED_HORIZON_DAYS = 30;

/**
 * On the scheduled sweep, whether an issue may have anything due, judged from the issue list
 * alone: only those cost a comment listing. An open issue is looked at when its next escalation
 * step is due (the `escalated/N` label says how far it got), while it is escalated or under a
 * playbook (reminders, retries), when it may have a page to retry or carries the pending label
 * (a notification failed); a closed one while its playbook's due dates, a page's resolve or a
 * failed notification may still be pending.
 */
export function mayHaveWorkDue(
  issue: IssueSnapshot,
  config: EscalationConfig,
  roster: Roster | undefined,
  now: Date,
): boolean {
  const paged = config.pagerduty && hasAnyLabel(issue.labels, config.pagerduty.labels);
  // A notification that failed is sent again by the next run that looks at the issue.
  const pending = hasLabel(issue.labels, NOTIFY_PENDING_LABEL);
  // Its engineering issue may have moved, or its fix been released (decide/fix.ts).
  if (hasLabel(issue.labels, AWAITING_FIX_LABEL)) return true;
  if (issue.state === 'closed') {
    const closed = issue.closedAt ? Date.parse(issue.closedAt) : 0;
    if (now.getTime() - closed > CLOSED_HORIZON_DAYS * 86_400_000) return false;
    return !!playbookFor(config.playbooks, issue.labels) || !!paged || pending;
  }
  if (pending) return true;
  if (playbookFor(config.playbooks, issue.labels) || paged) return true;
  const prefix = config.stepLabelPrefix.toLowerCase();
  const level = Math.max(
    0,
    ...issue.labels
      .filter((l) => l.toLowerCase().startsWith(prefix))
      .map((l) => Number(l.slice(prefix.length)) || 0),
  );
  if (level > 0) return true;
  if (config.steps.length === 0) return false;
  if (config.acknowledgedLabel && hasLabel(issue.labels, config.acknowledgedLabel)) return false;
  const clock = responseClock(config, roster, issue.labels, issue.createdAt);
  return !!clock && stepsDue(clock, config.steps, now.getTime()) > level;
}
