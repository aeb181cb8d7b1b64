import { INTAKE_EVENTS } from '../intake/events.js';
import { startAction } from '../host/entry.js';

await startAction('intake', {
  events: INTAKE_EVENTS,
  load: async () => (await import('../intake/job.js')).intakeJob,
});
