import type { CapabilityEntries, CapabilityEntry } from '../job/contract.js';
import {
  CAPABILITIES,
  type Capability,
  describeEvent,
  describeTriggers,
  handles,
} from '../job/triggers.js';
import { readEvent, readInput } from './event.js';

/**
 * The start of every bundle. It decides from the event alone whether there is work, and
 * only then loads the kit (Octokit, YAML, schemas): an ignored event costs a Node start.
 * A single-capability bundle carries only its own job.
 */
export async function startAction(capability: Capability, entry: CapabilityEntry): Promise<void> {
  await start([capability], false, { [capability]: entry });
}

/** The all-in-one action: the `action` input picks a capability, `auto` routes by event. */
export async function startRouter(entries: Required<CapabilityEntries>): Promise<void> {
  const requested = readInput('action') || 'auto';
  if (requested === 'auto') {
    await start(CAPABILITIES, true, entries);
    return;
  }
  if (!(CAPABILITIES as readonly string[]).includes(requested)) {
    process.stdout.write(
      `::error::support-kit: unknown action "${requested}"; use auto or one of ${CAPABILITIES.join(', ')}\n`,
    );
    process.exitCode = 1;
    return;
  }
  await start([requested as Capability], false, entries);
}

async function start(
  candidates: readonly Capability[],
  routed: boolean,
  entries: CapabilityEntries,
): Promise<void> {
  let event;
  try {
    event = readEvent();
  } catch (error) {
    process.stdout.write(`::error::${(error as Error).message}\n`);
    process.exitCode = 1;
    return;
  }
  const chosen = candidates.filter((c) => handles(entries[c]?.events ?? [], event));
  if (chosen.length === 0) {
    const [only] = candidates;
    const why =
      routed || only === undefined
        ? 'no capability acts on it'
        : `${only} runs on ${describeTriggers(entries[only]?.events ?? [])}`;
    process.stdout.write(`support-kit: nothing to do for ${describeEvent(event)} (${why})\n`);
    return;
  }
  const { runCapabilities } = await import('./action.js');
  await runCapabilities(chosen, event, { routed, entries });
}
