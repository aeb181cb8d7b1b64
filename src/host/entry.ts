import type { Job } from '../job/contract.js';
import { readEvent, readInput } from './event.js';
import {
  CAPABILITIES,
  type Capability,
  describeEvent,
  describeTriggers,
  handles,
} from '../job/triggers.js';

/** How a bundle loads a capability's job: a dynamic import, so the bundler splits it off. */
export type JobLoaders = Partial<Record<Capability, () => Promise<Job>>>;

/**
 * The start of every bundle. It decides from the event alone whether there is work, and
 * only then loads the kit (Octokit, YAML, schemas): an ignored event costs a Node start.
 * A single-capability bundle carries only its own job.
 */
export async function runAction(capability: Capability, load: () => Promise<Job>): Promise<void> {
  await start([capability], false, { [capability]: load });
}

/** The all-in-one action: the `action` input picks a capability, `auto` routes by event. */
export async function runRouter(jobs: Required<JobLoaders>): Promise<void> {
  const requested = readInput('action') || 'auto';
  if (requested === 'auto') {
    await start(CAPABILITIES, true, jobs);
    return;
  }
  if (!(CAPABILITIES as readonly string[]).includes(requested)) {
    process.stdout.write(
      `::error::support-kit: unknown action "${requested}"; use auto or one of ${CAPABILITIES.join(', ')}\n`,
    );
    process.exitCode = 1;
    return;
  }
  await start([requested as Capability], false, jobs);
}

async function start(
  candidates: readonly Capability[],
  routed: boolean,
  jobs: JobLoaders,
): Promise<void> {
  let event;
  try {
    event = readEvent();
  } catch (error) {
    process.stdout.write(`::error::${(error as Error).message}\n`);
    process.exitCode = 1;
    return;
  }
  const chosen = candidates.filter((c) => handles(c, event));
  if (chosen.length === 0) {
    const [only] = candidates;
    const why =
      routed || only === undefined
        ? 'no capability acts on it'
        : `${only} runs on ${describeTriggers(only)}`;
    process.stdout.write(`support-kit: nothing to do for ${describeEvent(event)} (${why})\n`);
    return;
  }
  const { runJobs } = await import('./action.js');
  await runJobs(chosen, event, { routed, jobs });
}
