import { runAction } from './runtime/entry.js';

await runAction('oncall', async () =>
  (await import('../jobs/config-only.js')).configOnlyJob('roster'),
);
