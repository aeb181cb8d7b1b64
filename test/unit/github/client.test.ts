import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { RateLimitDeferred } from '../../../src/github/budget.js';
import { createOctokit } from '../../../src/github/client.js';

type Handler = (req: IncomingMessage, res: ServerResponse, count: number) => void;

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** A loopback server that answers the n-th request (from 1) as `handler` says; returns its URL. */
async function serve(handler: Handler): Promise<{ url: string; requests: () => number }> {
  let count = 0;
  const server = createServer((req, res) => handler(req, res, ++count));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => count,
  };
}

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
