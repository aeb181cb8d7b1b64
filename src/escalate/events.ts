import type { Trigger } from '../job/triggers.js';

/**
 * The events escalate acts on. Issue events and comments move the response clock, statuses and commands; the schedule sweeps. Kept apart from job.ts so that an
 * action decides from the event alone, before it loads the kit.
 */
export const ESCALATE_EVENTS: readonly Trigger[] = [
  {
    event: 'issues',
    actions: ['opened', 'edited', 'labeled', 'unlabeled', 'assigned', 'closed', 'reopened'],
  },
  { event: 'issue_comment', actions: ['created'] },
  { event: 'schedule' },
  { event: 'workflow_dispatch' },
];
