import { runAction } from '../host/entry.js';

await runAction('report', async () => (await import('../report/job.js')).reportJob);
