/**
 * The client the kit uses (@actions/github's Octokit with the throttling and retry plugins)
 * works against the emulator: pagination through Link headers, retries on 5xx, waits on the
 * secondary rate limit, GraphQL, and loud failures for what the emulator does not serve.
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../dev/emulator/index.js';
import { startBasic } from '../../dev/emulator/helpers.js';

/** `secondary` collects the waits the throttling plugin was asked for; without it throttling is
 * off (its 1 s spacing of writes would only slow these tests down). */
function client(gh: Emulator, secondary?: number[]) {
  return getOctokit(
    'test-token',
    {
      baseUrl: gh.url,
      retry: { retryAfterBaseValue: 1 },
      throttle: {
        enabled: secondary !== undefined,
        retryAfterBaseValue: 1,
        onRateLimit: () => true,
        onSecondaryRateLimit: (retryAfter: number) => {
          secondary?.push(retryAfter);
          return true;
        },
      },
    },
    retry,
    throttling,
  );
}

describe('@actions/github against the emulator', () => {
  let gh: Emulator;
  beforeEach(async () => {
    gh = await startBasic();
  });
  afterEach(async () => {
    await gh.close();
  });

  it('paginates through Link headers', async () => {
    for (let i = 0; i < 150; i++) gh.store.createIssue('acme/support', { title: `bulk ${i}` });
    const octokit = client(gh);
    gh.resetRequests();
    const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
      owner: 'acme',
      repo: 'support',
      state: 'all',
      per_page: 100,
    });
    expect(issues).toHaveLength(154);
    expect(gh.requests.map((r) => r.query?.page ?? '1')).toEqual(['1', '2']);
  });

  it('retries a 502 and succeeds', async () => {
    gh.injectFault({ kind: 'server-error', status: 502 });
    const { data } = await client(gh).rest.repos.get({ owner: 'acme', repo: 'support' });
    expect(data.full_name).toBe('acme/support');
    expect(gh.requests.map((r) => r.status)).toEqual([502, 200]);
  });

  it('waits out a secondary rate limit using retry-after, then succeeds', async () => {
    const waits: number[] = [];
    gh.injectFault({ kind: 'secondary-rate-limit', retryAfterSeconds: 3 });
    const { data } = await client(gh, waits).rest.issues.addLabels({
      owner: 'acme',
      repo: 'support',
      issue_number: 2,
      labels: ['needs triage'],
    });
    expect(data.map((l) => l.name)).toEqual(['severity: S1', 'needs triage']);
    expect(waits).toEqual([3]);
    expect(gh.requests.map((r) => r.status)).toEqual([403, 200]);
  });

  it('runs GraphQL queries and surfaces schema errors', async () => {
    const octokit = client(gh);
    const result = await octokit.graphql<{ repository: { issues: { totalCount: number } } }>(
      'query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { issues(states: OPEN, first: 1) { totalCount } } }',
      { owner: 'acme', name: 'support' },
    );
    expect(result.repository.issues.totalCount).toBe(2);
    await expect(octokit.graphql('{ viewer { nickname } }')).rejects.toThrow(
      /Field 'nickname' doesn't exist on type 'User'/,
    );
  });

  it('fails loudly with 501 on a route the emulator does not serve', async () => {
    await expect(
      client(gh).rest.issues.lock({
        owner: 'acme',
        repo: 'support',
        issue_number: 1,
        lock_reason: 'resolved',
      }),
    ).rejects.toMatchObject({
      status: 501,
      message: expect.stringContaining(
        'route not implemented: PUT /repos/acme/support/issues/1/lock',
      ),
    });
  });
});
