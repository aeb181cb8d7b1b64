import { runAction } from '../host/entry.js';

await runAction('oncall', async () => (await import('../oncall/job.js')).oncallJob);
