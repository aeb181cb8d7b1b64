import { ESCALATE_EVENTS } from '../escalate/events.js';
import { startAction } from '../host/entry.js';

await startAction('escalate', {
  events: ESCALATE_EVENTS,
  load: async () => (await import('../escalate/job.js')).escalateJob,
});
