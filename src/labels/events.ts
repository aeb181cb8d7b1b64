import type { Trigger } from '../job/triggers.js';

/**
 * The events labels acts on. A push syncs the labels; a pull request previews the sync; the schedule checks for drift. Kept apart from job.ts so that an
 * action decides from the event alone, before it loads the kit.
 */
export const LABELS_EVENTS: readonly Trigger[] = [
  { event: 'push' },
  { event: 'pull_request', actions: ['opened', 'synchronize', 'reopened', 'ready_for_review'] },
  { event: 'schedule' },
  { event: 'workflow_dispatch' },
];
