import { runAction } from './runtime/entry.js';

await runAction('labels', async () => (await import('../jobs/labels.js')).labelsJob);
