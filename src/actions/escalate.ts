import { runAction } from './runtime/entry.js';

await runAction('escalate', async () => (await import('../jobs/escalate.js')).escalateJob);
