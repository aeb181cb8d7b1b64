/**
 * GitHub's primary rate limits, enforced as GitHub enforces them, and reported in x-ratelimit-*
 * headers, GET /rate_limit and GraphQL `rateLimit`.
 *
 * Budgets (docs.github.com, "Rate limits for the REST API" and "Rate limits and query limits for
 * the GraphQL API"): the workflow token (GITHUB_TOKEN) has 1,000 REST requests and 1,000 GraphQL
 * points an hour per repository; a user's token and an App installation 5,000 of each; search
 * allows 30 requests a minute. A spent budget refuses every request until its window resets
 * ("If you exceed your primary rate limit, you will receive a 403 or 429 response, and the
 * x-ratelimit-remaining header will be 0"). Windows run on the emulator's clock.
 */
import type { Clock } from './clock.js';
import type { TokenGrant } from './token-grant.js';
import { ACTIONS_BOT, type User } from './store.js';

export type Resource = 'core' | 'search' | 'graphql';

/** Whose budget a request spends: the workflow token's is its repository's, shared by every run. */
export type Principal =
  | { kind: 'workflow'; repository: string }
  | { kind: 'user' | 'app'; login: string }
  | { kind: 'anonymous' };

export interface RateSnapshot {
  resource: Resource;
  limit: number;
  remaining: number;
  used: number;
  /** epoch seconds when the window resets */
  reset: number;
}

/** Whose budget a request spends: the workflow token's is per repository. */
export function principalOf(viewer: User | null, grant?: TokenGrant): Principal {
  if (!viewer) return { kind: 'anonymous' };
  const kind = grant?.kind ?? (viewer.login === ACTIONS_BOT ? 'workflow' : 'user');
  // A workflow token the test did not tie to a repository shares the one budget of the desk.
  if (kind === 'workflow')
    return { kind: 'workflow', repository: grant?.repositories?.[0] ?? WORKFLOW_DEFAULT };
  return { kind, login: viewer.login };
}

const WORKFLOW_DEFAULT = '*';

interface Budget {
  limit: number;
  windowSeconds: number;
}

const HOUR = 3600;
const SEARCH: Budget = { limit: 30, windowSeconds: 60 };

function budgetOf(principal: Principal, resource: Resource): Budget {
  if (resource === 'search')
    return principal.kind === 'anonymous' ? { ...SEARCH, limit: 10 } : SEARCH;
  switch (principal.kind) {
    case 'workflow':
      return { limit: 1000, windowSeconds: HOUR };
    case 'anonymous':
      return { limit: resource === 'core' ? 60 : 0, windowSeconds: HOUR };
    case 'app':
    case 'user':
      return { limit: 5000, windowSeconds: HOUR };
  }
}

function keyOf(principal: Principal): string {
  switch (principal.kind) {
    case 'workflow':
      return `workflow:${principal.repository.toLowerCase()}`;
    case 'anonymous':
      return 'anonymous';
    case 'app':
    case 'user':
      return `${principal.kind}:${principal.login.toLowerCase()}`;
  }
}

interface Window {
  used: number;
  reset: number;
}

export class RateLimits {
  private windows = new Map<string, Window>();
  /**
   * Off, a spent budget starts a new window instead of refusing: for a benchmark that measures
   * what a desk would ask for, not what GitHub would let it have.
   */
  enforce = true;

  constructor(private readonly clock: Clock) {}

  /** What is left, or null when the budget is spent and the request must be refused. */
  spend(principal: Principal, resource: Resource, cost = 1): RateSnapshot | null {
    const budget = budgetOf(principal, resource);
    const w = this.window(principal, resource);
    if (w.used + cost > budget.limit) {
      if (this.enforce) return null;
      w.used = 0;
      w.reset = this.nowSeconds() + budget.windowSeconds;
    }
    w.used += cost;
    return this.snapshot(principal, resource, w);
  }

  peek(principal: Principal, resource: Resource): RateSnapshot {
    return this.snapshot(principal, resource, this.window(principal, resource));
  }

  /** Spends a budget down to `remaining`, for a test that starts a run near the limit. */
  leave(principal: Principal, resource: Resource, remaining: number): RateSnapshot {
    const w = this.window(principal, resource);
    w.used = Math.max(0, budgetOf(principal, resource).limit - remaining);
    return this.snapshot(principal, resource, w);
  }

  private window(principal: Principal, resource: Resource): Window {
    const key = `${keyOf(principal)}\u0000${resource}`;
    const now = this.nowSeconds();
    let w = this.windows.get(key);
    if (!w || now >= w.reset) {
      w = { used: 0, reset: now + budgetOf(principal, resource).windowSeconds };
      this.windows.set(key, w);
    }
    return w;
  }

  private snapshot(principal: Principal, resource: Resource, w: Window): RateSnapshot {
    const limit = budgetOf(principal, resource).limit;
    return {
      resource,
      limit,
      used: w.used,
      remaining: Math.max(0, limit - w.used),
      reset: w.reset,
    };
  }

  private nowSeconds(): number {
    return Math.floor(this.clock.date().getTime() / 1000);
  }
}

/**
 * The headers of a snapshot. `x-ratelimit-reset` is GitHub's epoch seconds on the client's clock:
 * a client computes its wait as reset minus its own now, and the kit's process runs on the real
 * clock while the emulator's may be frozen in another week. So the reset is sent as the real now
 * plus the time the window still has on the emulator's clock.
 */
export function rateHeaders(s: RateSnapshot, clock: Clock): Record<string, string> {
  const left = s.reset - Math.floor(clock.date().getTime() / 1000);
  const reset = Math.floor(Date.now() / 1000) + Math.max(0, left);
  return {
    'x-ratelimit-limit': String(s.limit),
    'x-ratelimit-remaining': String(s.remaining),
    'x-ratelimit-reset': String(reset),
    'x-ratelimit-used': String(s.used),
    'x-ratelimit-resource': s.resource,
  };
}

/** GitHub's answer to a request over a spent primary budget. */
export function primaryLimitMessage(principal: Principal): string {
  switch (principal.kind) {
    case 'workflow':
      return 'API rate limit exceeded for installation. If you reach out to GitHub Support for help, please include the request ID.';
    case 'anonymous':
      return "API rate limit exceeded for this IP address. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)";
    case 'app':
    case 'user':
      return `API rate limit exceeded for user ${principal.kind === 'app' ? 'installation' : principal.login}.`;
  }
}

export const PRIMARY_LIMIT_DOCS =
  'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-primary-rate-limits';
