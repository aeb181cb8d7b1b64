import { runAction } from './runtime/entry.js';

await runAction('oncall', async () => (await import('../jobs/oncall.js')).oncallJob);
