import { JOBS } from '../jobs/index.js';
import { runRouter } from './runtime/entry.js';

await runRouter(JOBS);
