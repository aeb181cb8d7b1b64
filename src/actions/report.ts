import { REPORT_EVENTS } from '../report/events.js';
import { startAction } from '../host/entry.js';

await startAction('report', {
  events: REPORT_EVENTS,
  load: async () => (await import('../report/job.js')).reportJob,
});
