import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../dev/emulator/index.js';
import { call, graphql } from '../../dev/emulator/helpers.js';

const NOW = '2026-11-24T09:00:00Z';

async function desk(
  options: { rateLimits?: 'enforce' | 'count'; tokens?: Record<string, string> } = {},
) {
  return startEmulator({
    now: NOW,
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
    seed: {
      users: [{ login: 'amy' }],
      ...(options.tokens ? { tokens: options.tokens } : {}),
      repos: [{ owner: 'acme', name: 'desk', collaborators: ['amy'] }],
    },
  });
}

const later = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000);

describe('primary rate limits, as GitHub enforces them', () => {
  let gh: Emulator;
  afterEach(async () => {
    await gh.close();
  });

  it('gives the workflow token 1,000 REST requests an hour and refuses the next with 403 and remaining 0', async () => {
    gh = await desk();
    gh.leaveRateLimit('core', 1);
    const last = await call(gh, 'GET', '/repos/acme/desk');
    const refused = await call<{ message: string }>(gh, 'GET', '/repos/acme/desk');
    expect([last.status, refused.status]).toEqual([200, 403]);
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(refused.headers.get('x-ratelimit-limit')).toBe('1000');
    expect(refused.body.message).toMatch(/^API rate limit exceeded/);
  });

  it("accepts requests again once the hour's window has reset", async () => {
    gh = await desk();
    gh.leaveRateLimit('core', 0);
    expect((await call(gh, 'GET', '/repos/acme/desk')).status).toBe(403);
    gh.setClock(later(61));
    expect((await call(gh, 'GET', '/repos/acme/desk')).status).toBe(200);
  });

  it("sends the reset as seconds on the client's clock, however far the emulator's clock is", async () => {
    gh = await desk();
    const res = await call(gh, 'GET', '/repos/acme/desk');
    const wait = Number(res.headers.get('x-ratelimit-reset')) - Date.now() / 1000;
    expect(wait).toBeGreaterThan(3590);
    expect(wait).toBeLessThanOrEqual(3600);
  });

  it('allows 30 searches a minute and refuses the 31st with the search resource named', async () => {
    gh = await desk();
    for (let i = 0; i < 30; i++) await call(gh, 'GET', '/search/issues?q=repo:acme/desk');
    const refused = await call(gh, 'GET', '/search/issues?q=repo:acme/desk');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-ratelimit-resource')).toBe('search');
    gh.setClock(later(1));
    expect((await call(gh, 'GET', '/search/issues?q=repo:acme/desk')).status).toBe(200);
  });

  it('answers a GraphQL query over a spent budget with RATE_LIMITED', async () => {
    gh = await desk();
    gh.leaveRateLimit('graphql', 0);
    const res = await graphql(gh, 'query { rateLimit { remaining } }');
    expect(res.errors?.map((e) => e.type)).toEqual(['RATE_LIMITED']);
  });

  it("gives a person's token 5,000 requests an hour", async () => {
    gh = await desk({ tokens: { 'amy-pat': 'amy' } });
    const res = await call(gh, 'GET', '/repos/acme/desk', { token: 'amy-pat' });
    expect(res.headers.get('x-ratelimit-limit')).toBe('5000');
  });

  it('in count mode reports the budget but never refuses, for benchmarks of demand', async () => {
    gh = await desk({ rateLimits: 'count' });
    gh.leaveRateLimit('core', 0);
    expect((await call(gh, 'GET', '/repos/acme/desk')).status).toBe(200);
  });
});
