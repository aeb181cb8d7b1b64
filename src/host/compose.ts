import { clientTuningFromEnv, createOctokit } from '../github/client.js';
import { type BudgetPolicy, RequestBudget } from '../github/budget.js';
import { Gateway } from '../github/gateway.js';
import type { RepoRef } from '../kernel/plan.js';
import type { JobContext } from '../job/contract.js';
import type { NotificationSender } from '../kernel/plan.js';
import { createNotifier } from '../notify/notifier.js';
import { webhookGate } from './webhook.js';

/**
 * What a run is wired with. Built once, here, for the actions and the CLI alike: this is the one
 * place that reads the API URL and the client's tuning from the environment and builds Octokit.
 */
export interface Services {
  gateway: Gateway;
  notifier: NotificationSender;
  /**
   * A gateway on `repo` that acts with another token (escalate's `/escalate` into an engineering
   * repository). It learns the login that token writes as, so the markers it wrote there are its own.
   */
  connect: (token: string, repo: RepoRef) => Promise<Gateway>;
}

export interface ServiceOptions {
  token: string;
  repo: RepoRef;
  /** Notification secrets, from the action's inputs only; never in a plan or a summary. */
  secrets?: { pagerdutyRoutingKey?: string; webhookUrl?: string };
  log?: (message: string) => void;
  env?: NodeJS.ProcessEnv;
  /** What the run may spend of the token's hourly budget: a sweep keeps some for events. */
  budget?: BudgetPolicy;
}

/** `GITHUB_API_URL` as a runner sets it, so GitHub Enterprise Server and the emulator work. */
function apiUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.GITHUB_API_URL || 'https://api.github.com';
}

export async function composeServices(options: ServiceOptions): Promise<Services> {
  const env = options.env ?? process.env;
  const tuning = clientTuningFromEnv(env);
  const octokitFor = (
    token: string,
    budget: RequestBudget,
    writeIntervalMs = tuning.writeIntervalMs,
  ) =>
    createOctokit({
      token,
      baseUrl: apiUrl(env),
      budget,
      ...tuning,
      ...(writeIntervalMs !== undefined ? { writeIntervalMs } : {}),
      ...(options.log ? { log: options.log } : {}),
    });
  /** The token's writer (writes paced) and its reader (GraphQL queries unpaced): one budget. */
  const gatewayFor = async (token: string, repo: RepoRef, budget: RequestBudget) =>
    new Gateway(
      await octokitFor(token, budget),
      repo,
      budget,
      {},
      await octokitFor(token, budget, 0),
    );
  const budget = new RequestBudget(options.budget);
  const { pagerdutyRoutingKey, webhookUrl } = options.secrets ?? {};
  return {
    gateway: await gatewayFor(options.token, options.repo, budget),
    notifier: createNotifier({
      ...(tuning.retryUnitMs !== undefined
        ? { retryDelaysMs: [tuning.retryUnitMs / 2, tuning.retryUnitMs * 1.5] }
        : {}),
      ...(pagerdutyRoutingKey ? { pagerduty: { routingKey: pagerdutyRoutingKey } } : {}),
      ...(webhookUrl ? { webhook: { url: webhookUrl } } : {}),
    }),
    connect: async (token, repo) => {
      // Another token has its own hourly budget.
      const theirs = new RequestBudget();
      return gatewayFor(token, repo, theirs);
    },
  };
}

/** The CLI's services: the token from `GITHUB_TOKEN`, as in a workflow step. */
export function cliServices(repo: RepoRef, log: (message: string) => void): Promise<Services> {
  return composeServices({ token: process.env.GITHUB_TOKEN ?? '', repo, log });
}

/** A job's context: what the caller knows of the run, and the services wired here. */
export function jobContext(
  services: Services,
  run: Omit<JobContext, 'gateway' | 'notifier' | 'webhook' | 'connect'>,
): JobContext {
  return {
    ...run,
    gateway: services.gateway,
    notifier: services.notifier,
    webhook: webhookGate(run.source, services.notifier),
    connect: services.connect,
  };
}
