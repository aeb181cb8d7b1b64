import { readFileSync } from 'node:fs';

import type { RunnerEvent } from '../kernel/event.js';

/**
 * Reads the workflow event with node:fs only: this module is loaded on every run, including the
 * ones that end at once because the event is not ours.
 */
export function readEvent(env: NodeJS.ProcessEnv = process.env): RunnerEvent {
  const name = env.GITHUB_EVENT_NAME ?? '';
  let payload: Record<string, unknown> = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new Error(
        `cannot read the event payload at GITHUB_EVENT_PATH (${env.GITHUB_EVENT_PATH}): ${(error as Error).message}`,
        { cause: error },
      );
    }
  }
  const action = typeof payload.action === 'string' ? payload.action : undefined;
  return action === undefined ? { name, payload } : { name, action, payload };
}

/** An action input as the runner passes it: `INPUT_<NAME>` upper-cased, hyphens kept. */
export function readInput(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
