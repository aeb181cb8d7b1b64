/** What the escalation decisions read about an issue: GitHub's objects, cut to what matters. */

export interface IssueSnapshot {
  number: number;
  title: string;
  body: string;
  author: string;
  url: string;
  labels: string[];
  assignees: string[];
  state: 'open' | 'closed';
  /** completed, not_planned, duplicate, reopened or null. */
  stateReason: string | null;
  createdAt: string;
  closedAt: string | null;
}

export interface CommentSnapshot {
  id: number;
  author: string;
  /**
   * Written by the kit: its identity (learned from the run) wrote it, with a marker. Only such a
   * comment's markers count; the same marker from anyone else, another app included, is text.
   */
  kit: boolean;
  /** Written by the kit or another bot: never an acknowledgement or a command. */
  bot: boolean;
  body: string;
  createdAt: string;
}

/** One of an incident's follow-ups, as the sweep listed it (the kit's own issue, by its marker). */
export interface FollowUpSnapshot {
  number: number;
  /** The playbook item's key (`incident-retrospective`). */
  item: string;
  /** ISO instant, from its marker. */
  due?: string;
  assignees: string[];
  state: 'open' | 'closed';
}

/** A label added to or removed from the issue, from its events. */
export interface LabelChange {
  label: string;
  at: string;
  added: boolean;
}

/** A commenter's access to the repository, as GitHub's role name says it. */
export type Access = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

/** Why the decision runs: an issue event, a new comment, or the scheduled sweep. */
export type Occasion =
  | {
      kind: 'issue-event';
      action: string;
      /** The label added or removed (labeled, unlabeled). */
      label?: string;
    }
  | { kind: 'comment'; comment: CommentSnapshot; access: Access }
  | { kind: 'sweep' };

/** Which notification channels have their secret set; decide plans nothing for the others. */
export interface Channels {
  pagerduty: boolean;
  webhook: boolean;
  /** The escalation-token input is set: `/escalate` can open issues elsewhere. */
  escalationToken: boolean;
}

export const TRIAGE_OR_MORE: readonly Access[] = ['admin', 'maintain', 'write', 'triage'];

export function isBotLogin(login: string, type?: string): boolean {
  return type === 'Bot' || /\[bot\]$/i.test(login);
}
