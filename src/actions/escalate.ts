import { ESCALATE_EVENTS } from '../escalate/events.js';
import { runAction } from '../host/entry.js';

await runAction('escalate', {
  events: ESCALATE_EVENTS,
  load: async () => (await import('../escalate/job.js')).escalateJob,
});
