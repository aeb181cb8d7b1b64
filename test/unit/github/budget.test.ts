import { describe, expect, it } from 'vitest';
import {
  EVENT_BUDGET,
  RateLimitDeferred,
  RequestBudget,
  resourceOf,
  SWEEP_BUDGET,
} from '../../../src/github/budget.js';

const NOW = Date.parse('2026-11-24T09:00:00Z');
const headers = (resource: string, remaining: number) => ({
  'x-ratelimit-resource': resource,
  'x-ratelimit-remaining': String(remaining),
  'x-ratelimit-reset': String(NOW / 1000 + 1800),
});

describe('a run’s request budget', () => {
  it('refuses the request after the run’s own allowance, before it is sent', () => {
    const budget = new RequestBudget({ perRun: 2, reserve: 0 });
    budget.admit('core', NOW);
    budget.admit('core', NOW);
    expect(() => budget.admit('core', NOW)).toThrow(/budget of 2 requests is spent/);
  });

  it('leaves the reserve of what GitHub says is left to the runs events start', () => {
    const budget = new RequestBudget(SWEEP_BUDGET);
    budget.observe(headers('core', 100));
    expect(() => budget.admit('core', NOW)).toThrow(RateLimitDeferred);
  });

  it('keeps nothing of the search budget, whose window is a minute', () => {
    const budget = new RequestBudget(SWEEP_BUDGET);
    budget.observe(headers('search', 1));
    expect(() => budget.admit('search', NOW)).not.toThrow();
  });

  it('a run an event started spends down to GitHub’s last request, then waits for the reset', () => {
    const budget = new RequestBudget(EVENT_BUDGET);
    budget.observe(headers('core', 1));
    expect(() => budget.admit('core', NOW)).not.toThrow();
    budget.observe(headers('core', 0));
    const refused = (() => {
      try {
        budget.admit('core', NOW);
      } catch (error) {
        return error as RateLimitDeferred;
      }
    })();
    expect(refused?.until?.toISOString()).toBe('2026-11-24T09:30:00.000Z');
  });

  it('counts what is left as the smaller of its own allowance and GitHub’s count above the reserve', () => {
    const budget = new RequestBudget({ perRun: 250, reserve: 100 });
    budget.observe(headers('core', 130));
    expect(budget.left()).toBe(30);
  });

  it('names the resource of a request: search, GraphQL (also on GHES) or core', () => {
    expect(
      ['/search/issues', '/graphql', '/api/graphql', '/repos/{owner}/{repo}/issues'].map((u) =>
        resourceOf(u),
      ),
    ).toEqual(['search', 'graphql', 'graphql', 'core']);
  });
});
