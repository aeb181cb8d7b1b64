import { runAction } from '../host/entry.js';

await runAction('validate', async () => (await import('../validate/job.js')).validateJob);
