import { runAction } from '../host/entry.js';

await runAction('labels', async () => (await import('../labels/job.js')).labelsJob);
