import { VALIDATE_EVENTS } from '../validate/events.js';
import { startAction } from '../host/entry.js';

await startAction('validate', {
  events: VALIDATE_EVENTS,
  load: async () => (await import('../validate/job.js')).validateJob,
});
