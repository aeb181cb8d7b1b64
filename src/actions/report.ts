import { runAction } from './runtime/entry.js';

await runAction('report', async () => (await import('../jobs/report.js')).reportJob);
