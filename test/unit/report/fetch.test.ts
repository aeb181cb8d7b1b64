import { afterEach, describe, expect, it } from 'vitest';
import { fetchReportData } from '../../../src/report/fetch.js';
import { createOctokit } from '../../../src/github/client.js';
import { RateLimitDeferred } from '../../../src/github/budget.js';
import { type Emulator, startEmulator } from '../../../dev/emulator/index.js';
import { call } from '../../../dev/emulator/helpers.js';
import { reportConfigFrom } from '../../../src/report/config/report.js';
import { computeMetrics } from '../../../src/report/decide/metrics.js';
import { parseWeek } from '../../../src/report/decide/week.js';
import { input as reportInput } from '../fixtures/report/issues.js';

/**
 * The report's GraphQL reads against the emulator, which validates every query against
 * GitHub's published schema and applies search's rules (1,000 results at most, issueCount).
 */

let gh: Emulator;
afterEach(async () => gh?.close());

const START = Date.parse('2026-11-16T00:00:00Z');
const END = Date.parse('2026-11-23T00:00:00Z');
const request = {
  repos: ['acme/desk'],
  start: START,
  cut: END,
  previous: { start: START - 7 * 86_400_000, end: START },
  excludeLabel: 'report',
  reportRepo: 'acme/desk',
};

async function fetch(budget?: { reservePoints: number; requestsLeft: number }) {
  // No pacing between GraphQL requests, as the e2e harness sets for the bundles: the emulator
  // needs none, and Octokit's default (a second apart) made this file wait 20 s for nothing.
  const octokit = await createOctokit({ token: 'x', baseUrl: gh.url, writeIntervalMs: 0 });
  return fetchReportData((query, variables) => octokit.graphql(query, variables), {
    ...request,
    ...(budget ? { budget } : {}),
  });
}

const at = (ms: number) => new Date(ms).toISOString();

describe('report data over GraphQL', () => {
  it('reads the four sets of the week in ceil(issues / 100) requests, counts and first page together', async () => {
    gh = await startEmulator({ seed: { repos: [{ owner: 'acme', name: 'desk' }] } });
    const repo = 'acme/desk';
    for (let i = 0; i < 250; i++)
      // 250 opened in the week: 125 on Monday, the rest over the other days
      gh.store.createIssue(repo, {
        title: `new ${i}`,
        user: 'cu',
        created_at: at(i < 125 ? START + i * 600_000 : START + 86_400_000 + i * 2_000_000),
      });
    for (let i = 0; i < 30; i++)
      // an open backlog
      gh.store.createIssue(repo, {
        title: `old ${i}`,
        user: 'cu',
        created_at: '2026-10-01T10:00:00Z',
      });
    for (let i = 0; i < 20; i++)
      // older issues closed in the week
      gh.store.createIssue(repo, {
        title: `fixed ${i}`,
        user: 'cu',
        created_at: '2026-10-02T10:00:00Z',
        state: 'closed',
        closed_at: '2026-11-18T10:00:00Z',
      });
    for (let i = 0; i < 500; i++)
      // long closed: not needed, never read
      gh.store.createIssue(repo, {
        title: `ancient ${i}`,
        user: 'cu',
        created_at: '2025-01-02T10:00:00Z',
        state: 'closed',
        closed_at: '2025-02-02T10:00:00Z',
      });
    gh.store.createIssue(repo, {
      title: 'Support report 2026-W46',
      labels: ['report'],
      created_at: at(START + 1000),
    });
    gh.resetRequests();

    const data = await fetch();

    expect(data.issues).toHaveLength(300);
    expect(data.counts).toEqual({
      createdToEnd: 800,
      openedPreviousWeek: 0,
      closedPreviousWeek: 0,
    });
    expect(data.requests).toBe(Math.ceil(300 / 100));
    expect(gh.requests.map((r) => r.route)).toEqual(Array(3).fill('POST /graphql'));
    // Two points of the hour's 1,000 per 100 issues: labels and one timeline an issue.
    expect(gh.requests.map((r) => r.points)).toEqual([2, 2, 2]);
    expect(data.reports.map((r) => r.number)).toEqual([801]);
  });

  it(
    'cuts a set of more than 1,000 issues into slices search can read whole',
    { timeout: 60_000 },
    async () => {
      gh = await startEmulator({ seed: { repos: [{ owner: 'acme', name: 'desk' }] } });
      for (let i = 0; i < 1200; i++)
        // one very busy Tuesday
        gh.store.createIssue('acme/desk', {
          title: `flood ${i}`,
          user: 'cu',
          created_at: at(START + 86_400_000 + i * 60_000),
        });

      const data = await fetch();

      expect(data.issues).toHaveLength(1200);
      expect(data.truncated).toBe(0);
      // One round of halving, then 1,200 issues 100 at a time.
      expect(data.requests).toBe(1 + 1 + 12);
    },
  );

  it('reads transfers, closings with their reason, and tells bots from people', async () => {
    gh = await startEmulator({
      seed: {
        users: [{ login: 'renovate[bot]', type: 'Bot' }, { login: 'amy' }],
        repos: [
          { owner: 'acme', name: 'desk', collaborators: ['amy'] },
          { owner: 'acme', name: 'engine', collaborators: ['amy'] },
        ],
      },
    });
    gh.setClock('2026-11-17T09:00:00Z');
    const moved = gh.store.createIssue('acme/engine', {
      title: 'Wrong repo',
      user: 'cu',
      created_at: '2026-10-01T10:00:00Z',
    });
    gh.store.addComment('acme/engine', moved.number, {
      user: 'renovate[bot]',
      body: 'bump',
      created_at: '2026-10-02T10:00:00Z',
    });
    gh.store.transferIssue('acme/engine', moved.number, 'acme/desk', { actor: 'amy' });
    gh.setClock('2026-11-18T09:00:00Z');
    const closed = gh.store.createIssue('acme/desk', {
      title: 'Not a bug',
      user: 'cu',
      created_at: '2026-11-16T10:00:00Z',
    });
    gh.store.updateIssue(
      'acme/desk',
      closed.number,
      { state: 'closed', state_reason: 'not_planned' },
      { actor: 'amy' },
    );

    const data = await fetch();
    const byTitle = new Map(data.issues.map((i) => [i.title, i]));

    expect(byTitle.get('Wrong repo')?.timeline).toEqual([
      {
        kind: 'comment',
        at: '2026-10-02T10:00:00Z',
        // GraphQL names a bot without REST's [bot], as GitHub does.
        actor: { login: 'renovate', bot: true },
        association: 'NONE',
      },
      { kind: 'transferred', at: '2026-11-17T09:00:00Z', from: 'acme/engine' },
    ]);
    expect(byTitle.get('Wrong repo')?.repo).toBe('acme/desk');
    expect(byTitle.get('Not a bug')?.timeline).toEqual([
      {
        kind: 'closed',
        at: '2026-11-18T09:00:00Z',
        reason: 'not_planned',
        by: { login: 'amy', bot: false },
      },
    ]);
  });

  it('reads who was assigned and unassigned when, for the assignees at the end of the week', async () => {
    gh = await startEmulator({
      seed: {
        users: [{ login: 'amy' }, { login: 'luc' }],
        repos: [{ owner: 'acme', name: 'desk', collaborators: ['amy', 'luc'] }],
      },
    });
    gh.setClock('2026-11-17T09:00:00Z');
    const handed = gh.store.createIssue('acme/desk', { title: 'Handed', user: 'cu' });
    gh.store.addAssignees('acme/desk', handed.number, ['amy'], { actor: 'amy' });
    gh.setClock('2026-11-23T16:05:00Z');
    gh.store.addAssignees('acme/desk', handed.number, ['luc'], { actor: 'github-actions[bot]' });
    gh.store.removeAssignees('acme/desk', handed.number, ['amy'], { actor: 'github-actions[bot]' });

    const [issue] = (await fetch()).issues;

    expect(issue?.assignees).toEqual(['luc']);
    expect(issue?.assignmentChanges).toEqual([
      { at: '2026-11-17T09:00:00Z', login: 'amy', added: true },
      { at: '2026-11-23T16:05:00Z', login: 'luc', added: true },
      { at: '2026-11-23T16:05:00Z', login: 'amy', added: false },
    ]);
  });

  it('reads the latest closing and assignees of an issue whose timeline runs past 100 items, in one more query', async () => {
    gh = await startEmulator({
      seed: {
        users: [{ login: 'amy' }, { login: 'luc' }],
        repos: [{ owner: 'acme', name: 'desk', collaborators: ['amy', 'luc'] }],
      },
    });
    gh.setClock('2026-11-17T09:00:00Z');
    const long = gh.store.createIssue('acme/desk', { title: 'Long thread', user: 'cu' });
    gh.store.addAssignees('acme/desk', long.number, ['amy'], { actor: 'amy' });
    for (let i = 0; i < 120; i++)
      gh.store.addComment('acme/desk', long.number, {
        user: 'cu',
        body: `still broken ${i}`,
        created_at: at(Date.parse('2026-11-17T10:00:00Z') + i * 60_000),
      });
    gh.setClock('2026-11-19T09:00:00Z');
    gh.store.addAssignees('acme/desk', long.number, ['luc'], { actor: 'amy' });
    gh.store.removeAssignees('acme/desk', long.number, ['amy'], { actor: 'amy' });
    gh.store.updateIssue(
      'acme/desk',
      long.number,
      { state: 'closed', state_reason: 'completed' },
      { actor: 'luc' },
    );
    gh.resetRequests();

    const data = await fetch();
    const [issue] = data.issues;

    expect(issue?.assignees).toEqual(['luc']);
    expect(issue?.timeline.at(-1)).toEqual({
      kind: 'closed',
      at: '2026-11-19T09:00:00Z',
      reason: 'completed',
      by: { login: 'luc', bot: false },
    });
    expect(issue?.assignmentChanges?.map((c) => `${c.added ? '+' : '-'}${c.login}`)).toEqual([
      '+amy',
      '+luc',
      '-amy',
    ]);
    expect(issue?.responsesTruncated).toBe(true);
    // The counts and Monday, Tuesday's page, then the long issue's tail.
    expect([data.requests, gh.requests.length]).toEqual([3, 3]);
  });

  it('reads nothing further when the week would need more GraphQL points than the hour has left, and says how many', async () => {
    gh = await startEmulator({ seed: { repos: [{ owner: 'acme', name: 'desk' }] } });
    for (let i = 0; i < 300; i++)
      gh.store.createIssue('acme/desk', {
        title: `new ${i}`,
        user: 'cu',
        created_at: at(START + i * 60_000),
      });
    gh.grantToken('x', {
      login: 'github-actions[bot]',
      kind: 'workflow',
      repositories: ['acme/desk'],
      permissions: { issues: 'read' },
    });
    gh.leaveRateLimit('graphql', 5, 'acme/desk');
    gh.resetRequests();

    // The opening query costs 2 and reads the first 100; the other 200 need 4 more, 3 are left.
    await expect(fetch()).rejects.toThrow(
      /the report needs about 4 GraphQL points for 200 issues, and 3 are left this hour \(until \d\d:\d\d UTC\)/,
    );
    expect(gh.requests).toHaveLength(1);
  });

  it('fails, rather than wait for an hour that never comes, when the week needs more than the token has in a whole hour', async () => {
    gh = await startEmulator({ seed: { repos: [{ owner: 'acme', name: 'desk' }] } });
    for (let i = 0; i < 300; i++)
      gh.store.createIssue('acme/desk', {
        title: `new ${i}`,
        user: 'cu',
        created_at: at(START + i),
      });
    gh.grantToken('x', {
      login: 'github-actions[bot]',
      kind: 'workflow',
      repositories: ['acme/desk'],
      permissions: { issues: 'read' },
    });

    // 1,000 points an hour, 998 kept for the runs events start: 2 for the report, which needs 4.
    const failed = fetch({ reservePoints: 998, requestsLeft: 100 });

    await expect(failed).rejects.toThrow(
      /more than this token has in a whole hour \(1000, 998 of them kept .*\): give the report workflow a GitHub App token/,
    );
    await expect(failed).rejects.not.toBeInstanceOf(RateLimitDeferred);
  });

  it("the stale list's search link finds on GitHub the issues the report lists as stale", async () => {
    gh = await startEmulator({ seed: { repos: [{ owner: 'acme', name: 'desk' }] } });
    const old = (title: string, extra: object = {}) =>
      gh.store.createIssue('acme/desk', {
        title,
        user: 'cu',
        created_at: '2026-10-01T10:00:00Z',
        ...extra,
      }).number;
    const stale = [old('Old and open'), old('Also old and open')];
    old('Old but closed', { state: 'closed', closed_at: '2026-10-02T10:00:00Z' });
    old('The hand-off log', { labels: ['oncall/handoff-log'] });
    gh.store.createIssue('acme/desk', { title: 'New', user: 'cu', created_at: at(START) });
    const data = await fetch();
    const metrics = computeMetrics(
      reportInput(data.issues, {
        week: parseWeek('2026-W47', 'UTC')!,
        counts: data.counts,
        config: reportConfigFrom({ 'stale-after-days': 14 }),
      }),
    );

    const search = metrics.stale.search;
    const found = await call<{ items: { number: number }[] }>(
      gh,
      'GET',
      `/search/issues?q=${encodeURIComponent(`repo:${search?.repo} ${search?.query}`)}`,
    );

    expect(metrics.stale.issues.map((i) => i.number)).toEqual(stale);
    expect(found.body.items.map((i) => i.number)).toEqual(stale);
  });

  it("the majors' and the week's search links find on GitHub the issues the report lists", async () => {
    gh = await startEmulator({ seed: { repos: [{ owner: 'acme', name: 'desk' }] } });
    const issue = (title: string, created: string, labels: string[], extra: object = {}) =>
      gh.store.createIssue('acme/desk', {
        title,
        user: 'cu',
        created_at: created,
        labels,
        ...extra,
      }).number;
    const oldOpen = issue('Old S1, still open', '2026-10-01T10:00:00Z', ['S1-broken']);
    const newS0 = issue('New S0', at(START + 3_600_000), ['S0-catastrophic']);
    const newS1Closed = issue('New S1, fixed', at(START + 7_200_000), ['S1-broken'], {
      state: 'closed',
      closed_at: at(START + 9_000_000),
    });
    const newMinor = issue('New S3', at(START + 10_800_000), ['S3-minor']);
    issue('Next week', at(START + 8 * 86_400_000), ['S1-broken']);
    const data = await fetch();
    const metrics = computeMetrics(
      reportInput(data.issues, {
        week: parseWeek('2026-W47', 'UTC')!,
        counts: data.counts,
        now: START + 7 * 86_400_000 + 3_600_000,
        config: reportConfigFrom({}),
      }),
    );
    const search = async (query: string | undefined) =>
      (
        await call<{ items: { number: number }[] }>(
          gh,
          'GET',
          `/search/issues?q=${encodeURIComponent(`repo:acme/desk ${query ?? ''}`)}`,
        )
      ).body.items.map((i) => i.number);

    // The week's story first: the two that arrived in it, then the older one still open.
    expect(metrics.majors.map((r) => r.number)).toEqual([newS0, newS1Closed, oldOpen]);
    expect(await search(metrics.searches?.majorsArrived)).toEqual([newS0, newS1Closed]);
    expect(await search(metrics.searches?.majorsOpen)).toEqual([oldOpen, newS0]);
    expect(await search(metrics.searches?.opened)).toEqual([newS0, newS1Closed, newMinor]);
  });

  it('keeps what it read of a long issue deleted before its tail is read', async () => {
    gh = await startEmulator({ seed: { repos: [{ owner: 'acme', name: 'desk' }] } });
    const long = gh.store.createIssue('acme/desk', {
      title: 'Long thread',
      user: 'cu',
      created_at: at(START),
    });
    for (let i = 0; i < 120; i++)
      gh.store.addComment('acme/desk', long.number, {
        user: 'cu',
        body: `still broken ${i}`,
        created_at: at(START + (i + 1) * 60_000),
      });
    const octokit = await createOctokit({ token: 'x', baseUrl: gh.url, writeIntervalMs: 0 });
    const issues = gh.store.repo('acme/desk').issues;

    const data = await fetchReportData(async (query, variables) => {
      // Deleted on GitHub between the search and the read of its tail.
      if (query.includes('nodes(ids:')) issues.splice(issues.indexOf(long), 1);
      return octokit.graphql(query, variables);
    }, request);

    expect(data.issues.map((i) => [i.number, i.responsesTruncated])).toEqual([[long.number, true]]);
  });
});
