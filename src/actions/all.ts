import { ESCALATE_EVENTS } from '../escalate/events.js';
import { startRouter } from '../host/entry.js';
import { INTAKE_EVENTS } from '../intake/events.js';
import { LABELS_EVENTS } from '../labels/events.js';
import { ONCALL_EVENTS } from '../oncall/events.js';
import { REPORT_EVENTS } from '../report/events.js';
import { VALIDATE_EVENTS } from '../validate/events.js';

// Each job is a dynamic import, so the bundler splits it off and an ignored event loads none.
await startRouter({
  intake: { events: INTAKE_EVENTS, load: async () => (await import('../intake/job.js')).intakeJob },
  labels: { events: LABELS_EVENTS, load: async () => (await import('../labels/job.js')).labelsJob },
  oncall: { events: ONCALL_EVENTS, load: async () => (await import('../oncall/job.js')).oncallJob },
  report: { events: REPORT_EVENTS, load: async () => (await import('../report/job.js')).reportJob },
  escalate: {
    events: ESCALATE_EVENTS,
    load: async () => (await import('../escalate/job.js')).escalateJob,
  },
  validate: {
    events: VALIDATE_EVENTS,
    load: async () => (await import('../validate/job.js')).validateJob,
  },
});
