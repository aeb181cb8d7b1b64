import { runAction } from './runtime/entry.js';

await runAction('validate', async () => (await import('../jobs/validate.js')).validateJob);
