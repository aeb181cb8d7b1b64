import type { GitHub } from '@actions/github/lib/utils';
import { RateLimitDeferred, type RequestBudget, resourceOf } from './budget.js';

export type Octokit = InstanceType<typeof GitHub>;

export interface ClientOptions {
  token: string;
  /** REST base URL: `GITHUB_API_URL` in a workflow, so GHES and the emulator work. */
  baseUrl: string;
  /**
   * Minimum spacing between writes. GitHub asks integrations to pace mutating requests
   * (one a second, content creation slower); the emulator does not need it.
   */
  writeIntervalMs?: number;
  /** How long one request, its answer's body included, may take before it counts as failed. */
  requestTimeoutMs?: number;
  /**
   * The unit of the waits between retries of a 5xx (1, 4 and 9 of them; 1,000 ms by default, as
   * the retry plugin has it). Tests of lasting faults shorten it.
   */
  retryUnitMs?: number;
  log?: (message: string) => void;
  /** What this run may spend of the token's hourly budget; checked before every request. */
  budget?: RequestBudget;
}

/** How often a request is retried after a primary or secondary rate limit. */
const RATE_LIMIT_RETRIES = 2;

/**
 * The longest wait for a rate limit a run sits out. GitHub may ask for up to an hour; a job that
 * sleeps that long holds a runner and its concurrency group, and the next scheduled run (or the
 * next event) does the same work once the limit has passed.
 */
const MAX_RATE_LIMIT_WAIT_S = 60;

/** A request GitHub does not answer in this long has failed, like a 5xx, and is retried as one. */
const REQUEST_TIMEOUT_MS = 30_000;

interface LimitedRequest {
  method: string;
  url: string;
}

/**
 * Octokit from `@actions/github` with throttling and retry. Imported lazily so that an action
 * that ignores an event never pays for loading the HTTP stack.
 */
export async function createOctokit(options: ClientOptions): Promise<Octokit> {
  const [{ getOctokit }, { defaults }, { throttling }, { retry }] = await Promise.all([
    import('@actions/github'),
    import('@actions/github/lib/utils'),
    import('@octokit/plugin-throttling'),
    import('@octokit/plugin-retry'),
  ]);
  const log = options.log ?? (() => undefined);
  // The requests GitHub asked to wait too long for, and until when; read by the error hook below.
  const deferred = new WeakMap<object, Date>();
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: LimitedRequest, _o: unknown, retryCount: number) => {
      const where = `${kind} on ${request.method} ${request.url}`;
      if (retryAfter > MAX_RATE_LIMIT_WAIT_S) {
        deferred.set(request, new Date(Date.now() + retryAfter * 1000));
        log(`${where}: GitHub asks to wait ${retryAfter}s; the rest is left for the next run`);
        return false;
      }
      log(`${where}; retrying after ${retryAfter}s`);
      return retryCount < RATE_LIMIT_RETRIES;
    };
  const throttle = {
    onRateLimit: onLimit('rate limit'),
    onSecondaryRateLimit: onLimit('secondary rate limit'),
    ...(await pacedGroups(options.writeIntervalMs)),
  };
  const octokit = getOctokit(
    options.token,
    {
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
      throttle,
      // 429 is a rate limit: the throttling plugin waits it out or defers, never blind retries.
      retry: {
        doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
        ...(options.retryUnitMs !== undefined ? { retryAfterBaseValue: options.retryUnitMs } : {}),
      },
      request: {
        ...defaults.request,
        fetch: withDeadline(
          defaults.request?.fetch ?? globalThis.fetch,
          options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
        ),
      },
    },
    throttling,
    retry,
  );
  const budget = options.budget;
  // Registered after the plugins, so they run once per request, outside its retries, and see
  // the error the plugins give up on.
  if (budget) {
    octokit.hook.before('request', (request) => budget.admit(resourceOf(request.url)));
    octokit.hook.after('request', (response) => budget.observe(response.headers));
  }
  octokit.hook.error('request', (error, request) => {
    const headers = (error as { response?: { headers?: Record<string, string> } }).response
      ?.headers;
    if (budget && headers) budget.observe(headers);
    const until = deferred.get(request);
    throw until ? new RateLimitDeferred(until, undefined, error) : error;
  });
  return octokit;
}

const NO_BODY = new Set([101, 204, 205, 304]);

/**
 * `fetch` with a deadline for the whole exchange: the answer's body is read before it, so a
 * reply that stalls halfway fails too. The failure reaches Octokit from `fetch`, which makes it
 * a 500 that the retry plugin retries like any 5xx.
 */
function withDeadline(fetch: typeof globalThis.fetch, timeoutMs: number): typeof globalThis.fetch {
  return async (input, init) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    try {
      const response = await fetch(input, { ...init, signal });
      const body = NO_BODY.has(response.status) ? null : await response.arrayBuffer();
      const copy = new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
      Object.defineProperty(copy, 'url', { value: response.url });
      return copy;
    } catch (error) {
      if (!deadline.aborted) throw error;
      throw new Error(`GitHub did not answer within ${timeoutMs / 1000}s`, { cause: error });
    }
  };
}

async function pacedGroups(writeIntervalMs: number | undefined): Promise<Record<string, unknown>> {
  if (writeIntervalMs === undefined) return {};
  const { default: Bottleneck } = await import('bottleneck/light.js');
  const group = (id: string) =>
    new Bottleneck.Group({ id, maxConcurrent: 1, minTime: writeIntervalMs });
  return { write: group('support-kit-write'), notifications: group('support-kit-notifications') };
}

/**
 * `SUPPORT_KIT_WRITE_INTERVAL_MS` overrides GitHub's pacing (the tests set 0 against the
 * emulator); `SUPPORT_KIT_REQUEST_TIMEOUT_MS` the request deadline (tests of a slow GitHub);
 * `SUPPORT_KIT_RETRY_UNIT_MS` the unit of the waits between retries (tests of lasting faults).
 */
export function clientTuningFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): Pick<ClientOptions, 'writeIntervalMs' | 'requestTimeoutMs' | 'retryUnitMs'> {
  const writeIntervalMs = wholeMs(env, 'SUPPORT_KIT_WRITE_INTERVAL_MS', 0);
  const requestTimeoutMs = wholeMs(env, 'SUPPORT_KIT_REQUEST_TIMEOUT_MS', 1);
  const retryUnitMs = wholeMs(env, 'SUPPORT_KIT_RETRY_UNIT_MS', 0);
  return {
    ...(writeIntervalMs !== undefined ? { writeIntervalMs } : {}),
    ...(requestTimeoutMs !== undefined ? { requestTimeoutMs } : {}),
    ...(retryUnitMs !== undefined ? { retryUnitMs } : {}),
  };
}

function wholeMs(env: NodeJS.ProcessEnv, name: string, least: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < least)
    throw new Error(
      `${name} must be a whole number of milliseconds${least > 0 ? ` (at least ${least})` : ''}, not "${raw}"`,
    );
  return value;
}
