import { LABELS_EVENTS } from '../labels/events.js';
import { startAction } from '../host/entry.js';

await startAction('labels', {
  events: LABELS_EVENTS,
  load: async () => (await import('../labels/job.js')).labelsJob,
});
