/**
 * What one run may spend of its token's hourly budget. GitHub gives the workflow token 1,000 REST
 * requests and 1,000 GraphQL points an hour for the whole repository ("Rate limits for the REST
 * API", GITHUB_TOKEN): a sweep that spends them all leaves the next new issue unassigned until the
 * hour turns. So a run stops itself before GitHub would refuse it, and what it did not get to is
 * the next run's: after `perRun` requests, or once GitHub's count of what is left falls to
 * `reserve` (kept for the runs that events start, which must be on time).
 */

/**
 * A request this run does not make: GitHub asked for a longer wait than a run sits out, or the
 * run's own budget is spent. The executor leaves it and the rest of the plan to the next run;
 * not a failure of the run.
 */
export class RateLimitDeferred extends Error {
  constructor(
    /** When GitHub's window resets, if that is why. */
    readonly until: Date | undefined,
    reason?: string,
    cause?: unknown,
  ) {
    super(
      reason ??
        (until ? `rate limited until ${until.toISOString().slice(11, 16)} UTC` : 'rate limited'),
      { cause },
    );
    this.name = 'RateLimitDeferred';
  }
}

export type RateResource = 'core' | 'search' | 'graphql';

export interface BudgetPolicy {
  /** Requests this run may make at most. */
  perRun: number;
  /**
   * Of GitHub's hourly counts (REST and GraphQL), what this run leaves to others. Search's window
   * is a minute: the next run finds it full again, so nothing is kept of it.
   */
  reserve: number;
}

/** A scheduled sweep: a quarter of the hour's budget at most, and a fifth of it kept for events. */
export const SWEEP_BUDGET: BudgetPolicy = { perRun: 250, reserve: 200 };
/** A run an event started: what GitHub allows. */
export const EVENT_BUDGET: BudgetPolicy = { perRun: Number.POSITIVE_INFINITY, reserve: 0 };

interface Seen {
  remaining: number;
  /** epoch ms */
  reset: number;
}

export class RequestBudget {
  made = 0;
  private readonly seen = new Map<RateResource, Seen>();

  constructor(readonly policy: BudgetPolicy = EVENT_BUDGET) {}

  /** Throws RateLimitDeferred, before sending, for a request this run may not make. */
  admit(resource: RateResource, now = Date.now()): void {
    if (this.made >= this.policy.perRun)
      throw new RateLimitDeferred(
        undefined,
        `this run's budget of ${this.policy.perRun} requests is spent`,
      );
    const seen = this.seen.get(resource);
    const reserve = resource === 'search' ? 0 : this.policy.reserve;
    if (seen && seen.remaining <= reserve && seen.reset > now)
      throw new RateLimitDeferred(
        new Date(seen.reset),
        reserve > 0
          ? `${seen.remaining} ${resource} requests left this hour, kept for the runs events start`
          : undefined,
      );
    this.made += 1;
  }

  /** GitHub's count, from an answer's x-ratelimit-* headers. */
  observe(headers: Record<string, string | number | undefined>): void {
    const resource = headers['x-ratelimit-resource'];
    const remaining = Number(headers['x-ratelimit-remaining']);
    const reset = Number(headers['x-ratelimit-reset']);
    if (resource !== 'core' && resource !== 'search' && resource !== 'graphql') return;
    if (!Number.isFinite(remaining) || !Number.isFinite(reset)) return;
    this.seen.set(resource, { remaining, reset: reset * 1000 });
  }

  /** How many more core requests this run may make, as far as it knows. */
  left(): number {
    const ownLeft = this.policy.perRun - this.made;
    const seen = this.seen.get('core');
    const githubLeft = seen ? seen.remaining - this.policy.reserve : Number.POSITIVE_INFINITY;
    return Math.max(0, Math.min(ownLeft, githubLeft));
  }
}

export function resourceOf(url: string): RateResource {
  const { pathname } = new URL(url, 'http://github.invalid');
  const path = pathname.replace(/^\/api\/v3/, '');
  if (path === '/graphql' || path === '/api/graphql') return 'graphql';
  return path.startsWith('/search/') ? 'search' : 'core';
}
