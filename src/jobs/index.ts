import type { Capability } from '../actions/runtime/triggers.js';
import type { Job } from './types.js';

/**
 * Each capability's job, loaded only when its event arrives: the all-in-one bundle's table.
 * Single-capability entries (src/actions/<name>.ts) name their own loader, so their bundle
 * carries only that job.
 */
export const JOBS: Record<Capability, () => Promise<Job>> = {
  intake: async () => (await import('./intake.js')).intakeJob,
  labels: async () => (await import('./labels.js')).labelsJob,
  oncall: async () => (await import('./oncall.js')).oncallJob,
  report: async () => (await import('./report.js')).reportJob,
  escalate: async () => (await import('./escalate.js')).escalateJob,
  validate: async () => (await import('./validate.js')).validateJob,
};
