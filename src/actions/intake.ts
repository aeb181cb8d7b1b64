import { runAction } from './runtime/entry.js';

await runAction('intake', async () => (await import('../jobs/intake.js')).intakeJob);
