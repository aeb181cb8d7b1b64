import { runAction } from '../host/entry.js';

await runAction('escalate', async () => (await import('../escalate/job.js')).escalateJob);
