import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../dev/emulator/index.js';
import { call, startBasic } from '../../dev/emulator/helpers.js';

describe('injected faults', () => {
  let gh: Emulator;
  beforeEach(async () => {
    gh = await startBasic();
  });
  afterEach(async () => {
    await gh.close();
  });

  it('secondary rate limit: 403 with retry-after and GitHub’s message, then recovers after `times`', async () => {
    gh.injectFault({ kind: 'secondary-rate-limit', retryAfterSeconds: 7, times: 2 });
    for (let i = 0; i < 2; i++) {
      const res = await call<{ message: string }>(gh, 'GET', '/repos/acme/support/issues');
      expect(res.status).toBe(403);
      expect(res.headers.get('retry-after')).toBe('7');
      expect(res.body.message).toMatch(/You have exceeded a secondary rate limit/);
      expect(Number(res.headers.get('x-ratelimit-remaining'))).toBeGreaterThan(0);
    }
    expect((await call(gh, 'GET', '/repos/acme/support/issues')).status).toBe(200);
    expect(gh.requests.map((r) => r.status)).toEqual([403, 403, 200]);
  });

  it('server error: answers 502 once (the default is 500), then serves normally', async () => {
    gh.injectFault({ kind: 'server-error', status: 502 });
    gh.injectFault({ kind: 'server-error' });
    expect((await call(gh, 'GET', '/repos/acme/support')).status).toBe(502);
    expect((await call(gh, 'GET', '/repos/acme/support')).status).toBe(500);
    expect((await call(gh, 'GET', '/repos/acme/support')).status).toBe(200);
  });

  it('matches faults by method and route template; other requests pass', async () => {
    gh.injectFault({
      kind: 'server-error',
      status: 503,
      match: { route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/labels' },
    });
    expect((await call(gh, 'GET', '/repos/acme/support/issues/1/labels')).status).toBe(200);
    const post = await call(gh, 'POST', '/repos/acme/support/issues/1/labels', {
      body: { labels: ['bug'] },
    });
    expect(post.status).toBe(503);
    gh.injectFault({
      kind: 'server-error',
      match: { method: 'get', route: '/repos/{owner}/{repo}' },
    });
    expect((await call(gh, 'GET', '/repos/acme/support')).status).toBe(500);
  });

  it("validation failed: answers 422 with GitHub's errors array and changes nothing", async () => {
    gh.injectFault({
      kind: 'validation-failed',
      errors: [{ resource: 'Label', code: 'custom', field: 'name', message: 'name is reserved' }],
      match: { route: 'POST /repos/{owner}/{repo}/labels' },
    });
    const res = await call<{ message: string; errors: unknown[] }>(
      gh,
      'POST',
      '/repos/acme/support/labels',
      {
        body: { name: 'fresh', color: 'ededed' },
      },
    );
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      message: 'Validation Failed',
      errors: [{ code: 'custom', message: 'name is reserved' }],
    });
    expect(gh.store.findLabel('acme/support', 'fresh')).toBeUndefined();
  });

  it('refused: answers 403 or 404 with GitHub’s message and changes nothing', async () => {
    gh.injectFault({
      kind: 'refused',
      status: 403,
      match: { route: 'POST /repos/{owner}/{repo}/labels' },
    });
    const res = await call<{ message: string }>(gh, 'POST', '/repos/acme/support/labels', {
      body: { name: 'fresh', color: 'ededed' },
    });
    expect([res.status, res.body.message]).toEqual([403, 'Resource not accessible by integration']);
    expect(gh.store.findLabel('acme/support', 'fresh')).toBeUndefined();
    gh.injectFault({ kind: 'refused', status: 404 });
    expect((await call(gh, 'GET', '/repos/acme/support')).status).toBe(404);
  });

  it('lost reply: the write is made, and the client is answered 502', async () => {
    gh.injectFault({ kind: 'lost-reply', match: { route: 'POST /repos/{owner}/{repo}/labels' } });
    const res = await call(gh, 'POST', '/repos/acme/support/labels', {
      body: { name: 'fresh', color: 'ededed' },
    });
    expect(res.status).toBe(502);
    expect(gh.store.findLabel('acme/support', 'fresh')).toBeDefined();
  });

  it('slow: delays the response by delayMs', async () => {
    gh.injectFault({ kind: 'slow', delayMs: 250 });
    const started = performance.now();
    const res = await call(gh, 'GET', '/repos/acme/support');
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
  });

  it('applies to GraphQL with route "POST /graphql"', async () => {
    gh.injectFault({
      kind: 'secondary-rate-limit',
      retryAfterSeconds: 1,
      match: { route: 'POST /graphql' },
    });
    const res = await call(gh, 'POST', '/graphql', { body: { query: '{ viewer { login } }' } });
    expect(res.status).toBe(403);
    expect(
      (await call(gh, 'POST', '/graphql', { body: { query: '{ viewer { login } }' } })).status,
    ).toBe(200);
  });

  it('refuses a malformed fault with a message naming the field', async () => {
    const res = await call(gh, 'POST', '/_emulator/faults', { body: { kind: 'slow' } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ message: expect.stringContaining('fault.delayMs') });
  });
});
