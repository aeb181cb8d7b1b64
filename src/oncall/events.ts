import type { Trigger } from '../job/triggers.js';

/**
 * The events oncall acts on. A new issue (or a routing label) is assigned; the schedule hands over and releases held issues. Kept apart from job.ts so that an
 * action decides from the event alone, before it loads the kit.
 */
export const ONCALL_EVENTS: readonly Trigger[] = [
  { event: 'issues', actions: ['opened', 'labeled'] },
  { event: 'schedule' },
  { event: 'workflow_dispatch' },
];
