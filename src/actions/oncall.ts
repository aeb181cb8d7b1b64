import { ONCALL_EVENTS } from '../oncall/events.js';
import { runAction } from '../host/entry.js';

await runAction('oncall', {
  events: ONCALL_EVENTS,
  load: async () => (await import('../oncall/job.js')).oncallJob,
});
