import type { Trigger } from '../job/triggers.js';

/**
 * The events intake acts on. A new, edited or reopened issue is checked; the schedule closes issues left incomplete. Kept apart from job.ts so that an
 * action decides from the event alone, before it loads the kit.
 */
export const INTAKE_EVENTS: readonly Trigger[] = [
  { event: 'issues', actions: ['opened', 'edited', 'reopened'] },
  { event: 'schedule' },
  { event: 'workflow_dispatch' },
];
