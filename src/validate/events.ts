import type { Trigger } from '../job/triggers.js';

/**
 * The events validate acts on. A pull request or push that may change the config folder is checked. Kept apart from job.ts so that an
 * action decides from the event alone, before it loads the kit.
 */
export const VALIDATE_EVENTS: readonly Trigger[] = [
  { event: 'pull_request', actions: ['opened', 'synchronize', 'reopened', 'ready_for_review'] },
  // A swap or a cover waits for the approval of the people it moves: each review checks again.
  { event: 'pull_request_review', actions: ['submitted', 'dismissed'] },
  { event: 'push' },
  { event: 'workflow_dispatch' },
];
