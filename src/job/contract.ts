import type { LoadedConfig } from '../config/load.js';
import type { ConfigProblem } from '../kernel/problems.js';
import type { ConfigSource } from '../config/sources.js';
import type { NotificationSender, Plan, RepoRef } from '../kernel/plan.js';
import type { WebhookEvent } from '../notify/slack.js';
import type { RunnerEvent } from '../kernel/event.js';
import type { Capability, Trigger } from './triggers.js';
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
  /** Sends the plans' `notify` operations; its `channels` say which secrets are set. */
  notifier: NotificationSender;
  /**
   * Whether this run posts `event` to the chat webhook: its URL is set and escalation.yaml's
   * `notifications.webhook.events` lists it. The note says why not, for the plan.
   */
  webhook: (event: WebhookEvent) => Promise<{ post: boolean; note: string }>;
  /** A gateway on another repository with another token; the host builds it (one Octokit builder). */
  connect: (token: string, repo: RepoRef) => Promise<Gateway>;
}

/** What a job decided: the config it read and the plans to apply, one per repository. */
export interface JobOutcome {
  config: LoadedConfig;
  plans: Plan[];
  /** Problems found beyond the config folder (an extended preset or remote file). */
  problems?: ConfigProblem[];
  /** Gateways for plans on other repositories that need another token than the run's. */
  gateways?: readonly Gateway[];
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

/**
 * What a bundle carries of a capability: the events it acts on, known without loading anything,
 * and its job, loaded by a dynamic import only when one of those events arrives.
 */
export interface CapabilityEntry {
  events: readonly Trigger[];
  load: () => Promise<Job>;
}

export type CapabilityEntries = Partial<Record<Capability, CapabilityEntry>>;
