import type { LoadedConfig } from '../config/load.js';
import type { ConfigProblem } from '../kernel/problems.js';
import type { ConfigSource } from '../config/sources.js';
import type { Plan, RepoRef } from '../kernel/plan.js';
import type { RunnerEvent } from '../host/event.js';
import type { Capability } from './triggers.js';
import type { Gateway } from '../github/gateway.js';

/** What a job is given: the event, the repository, where config lives, its inputs and the clock. */
export interface JobContext {
  capability: Capability;
  event: RunnerEvent;
  repo: RepoRef;
  gateway: Gateway;
  source: ConfigSource;
  /** An action input (or the matching CLI flag), '' when unset. */
  input: (name: string) => string;
  /** Read once at the edge; jobs pass it to decide, which never reads a clock. */
  now: Date;
  log: (message: string) => void;
}

/** What a job decided: the config it read and the plans to apply, one per repository. */
export interface JobOutcome {
  config: LoadedConfig;
  plans: Plan[];
  /** Problems found beyond the config folder (an extended preset or remote file). */
  problems?: ConfigProblem[];
  /** Extra action outputs besides `plan`. */
  outputs?: Record<string, string>;
  /** Why the run must fail even if every operation succeeds (drift in check mode, a held brake). */
  failures?: string[];
  /** Extra markdown for the job summary, after the plans. */
  summary?: string;
  /**
   * The plans are meant for broken config (a validation comment, a label asking for manual
   * triage): apply them even though the config has errors. Otherwise nothing is applied then.
   */
  safeWithConfigErrors?: boolean;
}

export type Job = (context: JobContext) => Promise<JobOutcome>;
