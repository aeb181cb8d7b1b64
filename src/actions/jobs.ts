import type { Capability } from '../job/triggers.js';
import type { Job } from '../job/contract.js';

/**
 * Each capability's job, loaded only when its event arrives: the all-in-one bundle's table.
 * Single-capability entries (src/actions/<name>.ts) name their own loader, so their bundle
 * carries only that job.
 */
export const JOBS: Record<Capability, () => Promise<Job>> = {
  intake: async () => (await import('../intake/job.js')).intakeJob,
  labels: async () => (await import('../labels/job.js')).labelsJob,
  oncall: async () => (await import('../oncall/job.js')).oncallJob,
  report: async () => (await import('../report/job.js')).reportJob,
  escalate: async () => (await import('../escalate/job.js')).escalateJob,
  validate: async () => (await import('../validate/job.js')).validateJob,
};
