import { apiSource } from '../../../src/config/sources.js';
import { webhookGate } from '../../../src/host/webhook.js';
import type { JobContext } from '../../../src/job/contract.js';
import type { Capability } from '../../../src/job/triggers.js';
import type { RunnerEvent } from '../../../src/kernel/event.js';
import type { NotificationSender } from '../../../src/kernel/plan.js';
import type { FakeGitHub } from './github.js';
import { fakeNotifier } from './notifier.js';

export const CONFIG = '.github/support-kit';

export interface FakeContext extends JobContext {
  logged: string[];
  /** The tokens `connect` was asked for, with their repository. */
  connected: string[];
}

/**
 * A job's context over a fake GitHub: config read through the fake gateway (as an action without
 * a checkout reads it), the clock frozen at `now`, inputs from a map, the host's own webhook gate.
 */
export function fakeContext(
  github: FakeGitHub,
  run: {
    capability: Capability;
    event: RunnerEvent;
    now: string;
    inputs?: Record<string, string>;
    notifier?: NotificationSender;
    configPath?: string;
  },
): FakeContext {
  const source = apiSource(github.gateway, run.configPath ?? CONFIG, undefined);
  const notifier = run.notifier ?? fakeNotifier();
  const logged: string[] = [];
  const connected: string[] = [];
  return {
    capability: run.capability,
    event: run.event,
    repo: github.main,
    gateway: github.gateway,
    source,
    input: (name) => run.inputs?.[name] ?? '',
    now: new Date(run.now),
    log: (message) => logged.push(message),
    notifier,
    webhook: webhookGate(source, notifier),
    connect: async (token, repo) => {
      connected.push(`${token} ${repo.owner}/${repo.repo}`);
      return github.gatewayOn(repo);
    },
    logged,
    connected,
  };
}

/** An event as the runner hands it over. */
export function event(
  name: string,
  action?: string,
  payload: Record<string, unknown> = {},
): RunnerEvent {
  return action === undefined
    ? { name, payload }
    : { name, action, payload: { action, ...payload } };
}
