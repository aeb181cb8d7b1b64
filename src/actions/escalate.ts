import { runAction } from './runtime/entry.js';

await runAction('escalate', async () =>
  (await import('../jobs/config-only.js')).configOnlyJob('escalation'),
);
