import { VALIDATE_EVENTS } from '../validate/events.js';
import { runAction } from '../host/entry.js';

await runAction('validate', {
  events: VALIDATE_EVENTS,
  load: async () => (await import('../validate/job.js')).validateJob,
});
