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

/**
 * The events the oncall action acts on with `mode: calendar`: a push (the caller's path filter
 * lets only roster changes through), its monthly run, and a run by hand.
 */
export const CALENDAR_EVENTS: readonly Trigger[] = [
  { event: 'push' },
  { event: 'schedule' },
  { event: 'workflow_dispatch' },
];
