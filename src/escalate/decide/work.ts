import type { Notify, Operation, Plan } from '../../kernel/plan.js';
import type { StatusEvent } from './status.js';
import type { Acknowledgement } from './state.js';

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
  notify: Notify[];
  /** Plans for other repositories (`/escalate`). */
  remote: Plan[];
  notes: string[];
  statusEvents: StatusEvent[];
  /** A status a command set; wins over events. */
  statusSet?: string;
  /** A status label a person just added. */
  statusAdded?: string;
  ack?: Acknowledgement;
}
