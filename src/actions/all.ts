import { runRouter } from './runtime/entry.js';

await runRouter();
