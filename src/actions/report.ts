import { REPORT_EVENTS } from '../report/events.js';
import { runAction } from '../host/entry.js';

await runAction('report', {
  events: REPORT_EVENTS,
  load: async () => (await import('../report/job.js')).reportJob,
});
