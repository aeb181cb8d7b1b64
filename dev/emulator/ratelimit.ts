/**
 * GitHub's primary rate limits, per user and resource, reported in x-ratelimit-* headers,
 * GET /rate_limit and GraphQL `rateLimit`. The emulator does not refuse requests when a budget
 * is spent: it starts a new window, so long benchmarks never stall on a limit.
 */
import type { Clock } from './clock.js';

export type Resource = 'core' | 'search' | 'graphql';

export interface RateSnapshot {
  resource: Resource;
  limit: number;
  remaining: number;
  used: number;
  /** epoch seconds when the window resets */
  reset: number;
}

const BUDGET: Record<Resource, { limit: number; windowSeconds: number }> = {
  core: { limit: 5000, windowSeconds: 3600 },
  search: { limit: 30, windowSeconds: 60 },
  graphql: { limit: 5000, windowSeconds: 3600 },
};

interface Window {
  used: number;
  reset: number;
}

export class RateLimits {
  private windows = new Map<string, Window>();

  constructor(private readonly clock: Clock) {}

  /** Spends `cost` from the budget and returns what is left. */
  spend(login: string, resource: Resource, cost = 1): RateSnapshot {
    const w = this.window(login, resource);
    if (w.used + cost > BUDGET[resource].limit) {
      w.used = 0;
      w.reset = this.nowSeconds() + BUDGET[resource].windowSeconds;
    }
    w.used += cost;
    return this.snapshot(resource, w);
  }

  peek(login: string, resource: Resource): RateSnapshot {
    return this.snapshot(resource, this.window(login, resource));
  }

  private window(login: string, resource: Resource): Window {
    const key = `${login}\u0000${resource}`;
    const now = this.nowSeconds();
    let w = this.windows.get(key);
    if (!w || now >= w.reset) {
      w = { used: 0, reset: now + BUDGET[resource].windowSeconds };
      this.windows.set(key, w);
    }
    return w;
  }

  private snapshot(resource: Resource, w: Window): RateSnapshot {
    const limit = BUDGET[resource].limit;
    return { resource, limit, used: w.used, remaining: limit - w.used, reset: w.reset };
  }

  private nowSeconds(): number {
    return Math.floor(this.clock.date().getTime() / 1000);
  }
}

export function rateHeaders(s: RateSnapshot): Record<string, string> {
  return {
    'x-ratelimit-limit': String(s.limit),
    'x-ratelimit-remaining': String(s.remaining),
    'x-ratelimit-reset': String(s.reset),
    'x-ratelimit-used': String(s.used),
    'x-ratelimit-resource': s.resource,
  };
}
