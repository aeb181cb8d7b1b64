import { runAction } from './runtime/entry.js';

await runAction('labels');
