import { runAction } from '../host/entry.js';

await runAction('intake', async () => (await import('../intake/job.js')).intakeJob);
