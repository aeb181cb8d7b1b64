import type { LinkFix, Notify, OpenPullRequest, Operation, Plan } from '../../kernel/plan.js';
import type { StatusEvent } from './status.js';
import type { Acknowledgement, EscalationState } from './state.js';

/**
 * The issue as the decision goes along: commands and rules change this copy, and the plan is
 * the difference between it and the issue as it was, plus the comments and notifications.
 */
export interface Work {
  labels: string[];
  assignees: string[];
  state: 'open' | 'closed';
  stateReason: string | null;
  /** Set when a command closes the issue. */
  close?: 'completed' | 'not_planned' | 'duplicate';
  /** `/handoff`: the one who takes the issue over from every other assignee. */
  handoff?: string;
  comments: Operation[];
  /** Roster changes `/swap` and `/cover` ask for: opened before the replies that link them. */
  pulls: OpenPullRequest[];
  notify: Notify[];
  /** Plans for other repositories (`/escalate`). */
  remote: Plan[];
  /** The engineering issue this support issue starts to wait on (decide/fix.ts): one at most. */
  links: LinkFix[];
  notes: string[];
  statusEvents: StatusEvent[];
  /** A status a command set; wins over events. */
  statusSet?: string;
  /** A status label a person just added. */
  statusAdded?: string;
  ack?: Acknowledgement;
  /** Recorded when the issue has no acknowledgement yet: linking the fix answers the reporter. */
  ackIfNone?: Acknowledgement;
}

/** What a notification needs; the payload is built only if it is sent. */
interface NotificationRequest {
  channel: Notify['channel'];
  key: string;
  enabled: boolean;
  payload: () => Record<string, unknown>;
  issue: number;
  reason: string;
}

/** The state remembers every key sent, so a re-run never notifies twice. */
export function notifyOnce(work: Work, state: EscalationState, n: NotificationRequest): void {
  if (!n.enabled || state.notified.includes(n.key)) return;
  state.notified.push(n.key);
  work.notify.push({
    kind: 'notify',
    channel: n.channel,
    issue: n.issue,
    key: n.key,
    payload: n.payload(),
    reason: n.reason,
  });
}
