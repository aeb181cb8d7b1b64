import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { serve } from '../../loopback.js';
import { RateLimitDeferred } from '../../../src/github/budget.js';
import { createOctokit } from '../../../src/github/client.js';

const json = (res: ServerResponse, status: number, body: object, headers = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

const client = (url: string) =>
  createOctokit({ token: 't', baseUrl: url, writeIntervalMs: 0, requestTimeoutMs: 200 });

describe('GitHub requests', () => {
  it('retry a request that gets no answer in time, as after a 5xx', async () => {
    const server = await serve((_req, res, n) => {
      if (n > 1) json(res, 200, { login: 'octocat' });
    });
    const octokit = await client(server.url);

    const { data } = await octokit.rest.users.getAuthenticated();

    expect([data.login, server.requests()]).toEqual(['octocat', 2]);
  });

  it('count a reply whose body stalls past the deadline as no answer', async () => {
    const server = await serve((_req, res, n) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      if (n > 1) res.end(JSON.stringify({ login: 'octocat' }));
      else res.write('{"login":');
    });
    const octokit = await client(server.url);

    const { data } = await octokit.rest.users.getAuthenticated();

    expect([data.login, server.requests()]).toEqual(['octocat', 2]);
  });

  it('end with RateLimitDeferred, without waiting, when GitHub asks for 900 s', async () => {
    const server = await serve((_req, res) =>
      json(
        res,
        403,
        { message: 'You have exceeded a secondary rate limit.' },
        {
          'retry-after': '900',
        },
      ),
    );
    const octokit = await client(server.url);
    const before = Date.now();

    const error = await octokit.rest.issues
      .createComment({ owner: 'acme', repo: 'desk', issue_number: 1, body: 'hi' })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RateLimitDeferred);
    expect((error as RateLimitDeferred).until?.getTime()).toBeGreaterThanOrEqual(before + 900_000);
    expect(server.requests()).toBe(1);
  });

  it('wait out a secondary rate limit within the cap and go on', async () => {
    const server = await serve((_req, res, n) => {
      if (n === 1)
        json(
          res,
          403,
          { message: 'You have exceeded a secondary rate limit.' },
          {
            'retry-after': '1',
          },
        );
      else json(res, 201, { id: 1 });
    });
    const octokit = await client(server.url);

    const { data } = await octokit.rest.issues.createComment({
      owner: 'acme',
      repo: 'desk',
      issue_number: 1,
      body: 'hi',
    });

    expect([data.id, server.requests()]).toEqual([1, 2]);
  });

  it('leave a 429 to the rate-limit handling: over the cap it is deferred, not retried blindly', async () => {
    const server = await serve((_req, res) =>
      json(
        res,
        429,
        { message: 'You have exceeded a secondary rate limit.' },
        {
          'retry-after': '3600',
        },
      ),
    );
    const octokit = await client(server.url);

    const error = await octokit.rest.issues
      .get({ owner: 'a', repo: 'b', issue_number: 1 })
      .catch((e: unknown) => e);

    expect([error instanceof RateLimitDeferred, server.requests()]).toEqual([true, 1]);
  });
});
