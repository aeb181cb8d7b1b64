import type { Trigger } from '../job/triggers.js';

/**
 * The events report acts on. The weekly report is written on the schedule, or by hand. Kept apart from job.ts so that an
 * action decides from the event alone, before it loads the kit.
 */
export const REPORT_EVENTS: readonly Trigger[] = [
  { event: 'schedule' },
  { event: 'workflow_dispatch' },
];
