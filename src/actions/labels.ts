import { LABELS_EVENTS } from '../labels/events.js';
import { runAction } from '../host/entry.js';

await runAction('labels', {
  events: LABELS_EVENTS,
  load: async () => (await import('../labels/job.js')).labelsJob,
});
