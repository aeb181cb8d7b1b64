import { JOBS } from './jobs.js';
import { runRouter } from '../host/entry.js';

await runRouter(JOBS);
