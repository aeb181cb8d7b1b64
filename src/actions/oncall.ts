import { ONCALL_EVENTS } from '../oncall/events.js';
import { startAction } from '../host/entry.js';

await startAction('oncall', {
  events: ONCALL_EVENTS,
  load: async () => (await import('../oncall/job.js')).oncallJob,
});
