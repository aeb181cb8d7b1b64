import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../dev/emulator/index.js';
import { call, startBasic } from '../../dev/emulator/helpers.js';

describe('HTTP behaviour', () => {
  let gh: Emulator;
  beforeEach(async () => {
    gh = await startBasic();
  });
  afterEach(async () => {
    await gh.close();
  });

  it('listens on 127.0.0.1 and reports a URL without a trailing slash', () => {
    expect(gh.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers an unknown route with 501 naming the method and path', async () => {
    const res = await call(gh, 'POST', '/repos/acme/support/foo');
    expect(res.status).toBe(501);
    expect(res.body).toEqual({
      message: 'support-kit emulator: route not implemented: POST /repos/acme/support/foo',
    });
    const put = await call(gh, 'PUT', '/repos/acme/support/issues/1/lock', {
      body: { lock_reason: 'resolved' },
    });
    expect(put.body).toEqual({
      message: 'support-kit emulator: route not implemented: PUT /repos/acme/support/issues/1/lock',
    });
  });

  it('sends rate-limit headers that count down, a request id and JSON content type', async () => {
    const first = await call(gh, 'GET', '/repos/acme/support');
    const second = await call(gh, 'GET', '/repos/acme/support/labels');
    expect(first.headers.get('x-ratelimit-limit')).toBe('1000');
    expect(first.headers.get('x-ratelimit-resource')).toBe('core');
    expect(Number(second.headers.get('x-ratelimit-remaining'))).toBe(
      Number(first.headers.get('x-ratelimit-remaining')) - 1,
    );
    expect(Number(second.headers.get('x-ratelimit-used'))).toBe(2);
    expect(Number(second.headers.get('x-ratelimit-reset'))).toBeGreaterThan(
      Date.parse('2024-03-04T10:00:00Z') / 1000,
    );
    expect(first.headers.get('x-github-request-id')).toMatch(/^[0-9A-F]{4}:/);
    expect(first.headers.get('x-github-request-id')).not.toBe(
      second.headers.get('x-github-request-id'),
    );
    expect(first.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('does not count GET /rate_limit, which reports the same budget', async () => {
    await call(gh, 'GET', '/repos/acme/support');
    const res = await call<{ resources: { core: { used: number } }; rate: { remaining: number } }>(
      gh,
      'GET',
      '/rate_limit',
    );
    expect(res.body.resources.core.used).toBe(1);
    expect(res.body.rate.remaining).toBe(999);
  });

  it('records every API request with its route template, status, body and query', async () => {
    await call(gh, 'GET', '/repos/acme/support/issues?state=all');
    await call(gh, 'POST', '/repos/acme/support/issues/1/labels', { body: { labels: ['S1'] } });
    await call(gh, 'GET', '/_emulator/state');
    expect(gh.requests).toEqual([
      {
        method: 'GET',
        path: '/repos/acme/support/issues',
        route: 'GET /repos/{owner}/{repo}/issues',
        status: 200,
        query: { state: 'all' },
      },
      {
        method: 'POST',
        path: '/repos/acme/support/issues/1/labels',
        route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
        status: 200,
        body: { labels: ['S1'] },
      },
    ]);
    gh.resetRequests();
    expect(gh.requests).toEqual([]);
  });

  it('also serves GitHub Enterprise Server paths (/api/v3, /api/graphql)', async () => {
    const rest = await call<{ full_name: string }>(gh, 'GET', '/api/v3/repos/acme/support');
    expect(rest.body.full_name).toBe('acme/support');
    expect(gh.requests.at(-1)?.route).toBe('GET /repos/{owner}/{repo}');
    const gql = await call<{ data: unknown }>(gh, 'POST', '/api/graphql', {
      body: { query: '{ viewer { login } }' },
    });
    expect(gql.body.data).toEqual({ viewer: { login: 'github-actions' } });
  });

  it('answers 400 for a body that is not JSON', async () => {
    const res = await fetch(`${gh.url}/repos/acme/support/issues`, {
      method: 'POST',
      headers: { authorization: 'token t', 'content-type': 'application/json' },
      body: '{nope',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ message: 'Problems parsing JSON' });
  });

  describe('control endpoints (not recorded, not rate-limited)', () => {
    it('GET /_emulator/state dumps the state as JSON', async () => {
      const res = await call<{
        repos: { full_name: string; issues: { number: number; labels: string[] }[] }[];
      }>(gh, 'GET', '/_emulator/state');
      expect(res.body.repos[0]?.full_name).toBe('acme/support');
      expect(res.body.repos[0]?.issues[0]).toMatchObject({
        number: 1,
        labels: ['bug', 'needs triage'],
      });
    });

    it('GET requests, POST reset-requests', async () => {
      await call(gh, 'GET', '/users/alice');
      const listed = await call<{ route: string }[]>(gh, 'GET', '/_emulator/requests');
      expect(listed.body.map((r) => r.route)).toEqual(['GET /users/{username}']);
      expect((await call(gh, 'POST', '/_emulator/reset-requests')).status).toBe(204);
      expect(gh.requests).toEqual([]);
    });

    it('POST faults arms a fault; DELETE faults clears them', async () => {
      const armed = await call(gh, 'POST', '/_emulator/faults', {
        body: { kind: 'server-error', status: 503, times: 3 },
      });
      expect(armed.status).toBe(201);
      expect((await call(gh, 'GET', '/users/alice')).status).toBe(503);
      expect((await call(gh, 'DELETE', '/_emulator/faults')).status).toBe(204);
      expect((await call(gh, 'GET', '/users/alice')).status).toBe(200);
    });

    it('POST clock freezes time for new objects, and null returns to real time', async () => {
      await call(gh, 'POST', '/_emulator/clock', { body: { now: '2030-01-02T03:04:05Z' } });
      const created = await call<{ created_at: string }>(gh, 'POST', '/repos/acme/support/issues', {
        body: { title: 'later' },
      });
      expect(created.body.created_at).toBe('2030-01-02T03:04:05Z');
      const real = await call<{ frozen: boolean }>(gh, 'POST', '/_emulator/clock', {
        body: { now: null },
      });
      expect(real.body.frozen).toBe(false);
      expect(gh.store.clock.isFrozen).toBe(false);
    });

    it('answers 404 listing the endpoints for an unknown control path', async () => {
      const res = await call<{ endpoints: string[] }>(gh, 'GET', '/_emulator/nope');
      expect(res.status).toBe(404);
      expect(res.body.endpoints).toContain('POST /_emulator/faults');
    });
  });
});

describe('tokens', () => {
  let gh: Emulator;
  beforeEach(async () => {
    gh = await startEmulator({
      seed: {
        tokens: { 'alice-token': 'alice' },
        repos: [{ owner: 'octo', name: 'r', collaborators: ['alice'] }],
      },
    });
  });
  afterEach(async () => {
    await gh.close();
  });

  it('acts as the mapped user, and refuses unknown tokens with 401 Bad credentials', async () => {
    const me = await call<{ login: string }>(gh, 'GET', '/user', { token: 'alice-token' });
    expect(me.body.login).toBe('alice');
    const issue = await call<{ user: { login: string } }>(gh, 'POST', '/repos/octo/r/issues', {
      token: 'alice-token',
      body: { title: 'mine' },
    });
    expect(issue.body.user.login).toBe('alice');
    const bad = await call(gh, 'GET', '/user', { token: 'other' });
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ message: 'Bad credentials' });
  });

  it('without a tokens map, any token acts as github-actions[bot]', async () => {
    const plain = await startEmulator();
    try {
      plain.store.addRepo({ owner: 'octo', name: 'r' });
      const issue = await call<{ user: { login: string; type: string } }>(
        plain,
        'POST',
        '/repos/octo/r/issues',
        { token: 'anything', body: { title: 'written by the workflow' } },
      );
      expect(issue.body.user).toMatchObject({ login: 'github-actions[bot]', type: 'Bot' });
    } finally {
      await plain.close();
    }
  });

  it('GET /user refuses an installation token with 403, as GitHub does', async () => {
    gh.grantToken('actions-token', { login: 'github-actions[bot]', kind: 'workflow' });
    const refused = await call(gh, 'GET', '/user', { token: 'actions-token' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ message: 'Resource not accessible by integration' });
  });

  it("GraphQL's viewer names each token's identity: a person by login, the workflow bot as github-actions", async () => {
    gh.grantToken('actions-token', { login: 'github-actions[bot]', kind: 'workflow' });
    gh.grantToken('app-token', { login: 'acme-desk[bot]', kind: 'app' });
    const viewer = async (token: string) =>
      (
        await call<{ data: { viewer: { login: string } } }>(gh, 'POST', '/graphql', {
          token,
          body: { query: 'query { viewer { login } }' },
        })
      ).body.data.viewer.login;
    expect(await viewer('alice-token')).toBe('alice');
    expect(await viewer('actions-token')).toBe('github-actions');
    expect(await viewer('app-token')).toBe('acme-desk');
  });
});
