import { runAction } from './runtime/entry.js';

await runAction('report', async () =>
  (await import('../jobs/config-only.js')).configOnlyJob('report'),
);
