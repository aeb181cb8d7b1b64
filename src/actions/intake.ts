import { INTAKE_EVENTS } from '../intake/events.js';
import { runAction } from '../host/entry.js';

await runAction('intake', {
  events: INTAKE_EVENTS,
  load: async () => (await import('../intake/job.js')).intakeJob,
});
