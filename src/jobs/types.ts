import type { LoadedConfig } from '../config/load.js';
import type { ConfigSource } from '../config/sources.js';
import type { Plan, RepoRef } from '../core/plan/types.js';
import type { RunnerEvent } from '../actions/runtime/event.js';
import type { Capability } from '../actions/runtime/triggers.js';
import type { Gateway } from '../github/gateway.js';

/** What a job is given: the event, the repository, where config lives, and the clock. */
export interface JobContext {
  capability: Capability;
  event: RunnerEvent;
  repo: RepoRef;
  gateway: Gateway;
  source: ConfigSource;
  /** Read once at the edge; jobs pass it to decide, which never reads a clock. */
  now: Date;
  log: (message: string) => void;
}

/** What a job decided: the config it read and the plan to apply. */
export interface JobOutcome {
  config: LoadedConfig;
  plan: Plan;
}

export type Job = (context: JobContext) => Promise<JobOutcome>;
