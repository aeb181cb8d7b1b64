import { readEvent, readInput } from './event.js';
import {
  CAPABILITIES,
  type Capability,
  describeEvent,
  describeTriggers,
  handles,
} from './triggers.js';

/**
 * The start of every bundle. It decides from the event alone whether there is work, and
 * only then loads the kit (Octokit, YAML, schemas): an ignored event costs a Node start.
 */
export async function runAction(capability: Capability): Promise<void> {
  await start([capability], false);
}

/** The all-in-one action: the `action` input picks a capability, `auto` routes by event. */
export async function runRouter(): Promise<void> {
  const requested = readInput('action') || 'auto';
  if (requested === 'auto') {
    await start(CAPABILITIES, true);
    return;
  }
  if (!(CAPABILITIES as readonly string[]).includes(requested)) {
    process.stdout.write(
      `::error::support-kit: unknown action "${requested}"; use auto or one of ${CAPABILITIES.join(', ')}\n`,
    );
    process.exitCode = 1;
    return;
  }
  await start([requested as Capability], false);
}

async function start(candidates: readonly Capability[], routed: boolean): Promise<void> {
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
    const why = routed
      ? 'no capability acts on it'
      : `${candidates[0]} runs on ${describeTriggers(candidates[0] as Capability)}`;
    process.stdout.write(`support-kit: nothing to do for ${describeEvent(event)} (${why})\n`);
    return;
  }
  const { runJobs } = await import('./job.js');
  await runJobs(chosen, event, { routed });
}
