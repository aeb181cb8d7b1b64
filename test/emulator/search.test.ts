import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../dev/emulator/index.js';
import { call } from '../../dev/emulator/helpers.js';

type SearchBody = {
  total_count: number;
  incomplete_results: boolean;
  items: { number: number; score: number }[];
};

describe('search issues', () => {
  let gh: Emulator;
  beforeAll(async () => {
    gh = await startEmulator({
      seed: {
        now: '2024-05-01T00:00:00Z',
        repos: [
          {
            owner: 'octo',
            name: 'desk',
            collaborators: ['alice', 'bob'],
            labels: [{ name: 'needs triage' }, { name: 'S1' }, { name: 'bug' }],
            issues: [
              {
                title: 'Weekly report 2024-W10',
                user: 'github-actions[bot]',
                labels: [],
                created_at: '2024-03-04T08:00:00Z',
              },
              {
                title: 'Crash on login',
                body: 'Stack trace attached',
                user: 'dave',
                labels: ['needs triage', 'S1'],
                created_at: '2024-03-05T23:30:00Z',
              },
              {
                title: 'Typo in docs',
                user: 'erin',
                labels: ['bug'],
                assignees: ['alice'],
                created_at: '2024-03-06T10:00:00Z',
                state: 'closed',
                closed_at: '2024-03-07T10:00:00Z',
              },
              {
                title: 'Fix login crash',
                user: 'bob',
                pull_request: true,
                created_at: '2024-03-07T10:00:00Z',
              },
            ],
          },
          {
            owner: 'octo',
            name: 'other',
            issues: [
              { title: 'Crash elsewhere', user: 'dave', created_at: '2024-03-05T00:00:00Z' },
            ],
          },
        ],
      },
    });
  });
  afterAll(async () => {
    await gh.close();
  });

  async function search(q: string, extra = ''): Promise<number[]> {
    const res = await call<SearchBody>(
      gh,
      'GET',
      `/search/issues?q=${encodeURIComponent(q)}${extra}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items.map((i) => i.number);
  }

  // Search allows 30 requests a minute: each test starts a minute after the last.
  let minute = 0;
  beforeEach(() => {
    minute += 1;
    gh.setClock(new Date(Date.parse('2024-05-01T00:00:00Z') + minute * 60_000));
  });

  it('scopes by repo: and tells issues from pull requests', async () => {
    expect(await search('repo:octo/desk')).toEqual([4, 3, 2, 1]);
    expect(await search('repo:octo/desk is:issue')).toEqual([3, 2, 1]);
    expect(await search('repo:octo/desk is:pr')).toEqual([4]);
    expect(await search('repo:octo/desk type:pr')).toEqual([4]);
  });

  it('combines two repo: qualifiers with AND, as advanced issue search does: nothing is in both', async () => {
    expect(await search('repo:octo/desk repo:octo/other is:issue')).toEqual([]);
  });

  it('matches whole words in title, body and comments, as GitHub does', async () => {
    expect(await search('repo:octo/desk is:issue log')).toEqual([]);
    expect(await search('repo:octo/desk is:issue login')).toEqual([2]);
    gh.store.addComment('octo/desk', 3, { user: 'erin', body: 'Still flaky on Windows' });
    expect(await search('repo:octo/desk is:issue flaky')).toEqual([3]);
    expect(await search('repo:octo/desk is:issue flaky in:title')).toEqual([]);
  });

  it('refuses more than five AND/OR/NOT operators, or text over 256 characters, with a 422', async () => {
    const q = (text: string) =>
      call<{ errors: { message: string }[] }>(
        gh,
        'GET',
        `/search/issues?q=${encodeURIComponent(`repo:octo/desk ${text}`)}`,
      );
    const six = await q('a OR b OR c OR d OR e OR f OR g');
    expect([six.status, six.body.errors[0]?.message]).toEqual([
      422,
      'The search contains more than five AND / OR / NOT operators.',
    ]);
    const long = await q(`"${'x'.repeat(260)}"`);
    expect([long.status, long.body.errors[0]?.message]).toEqual([
      422,
      'The search is longer than 256 characters.',
    ]);
    expect((await q('a OR b OR c OR d OR e OR f')).status).toBe(200);
  });

  it('filters by state with is: and state:', async () => {
    expect(await search('repo:octo/desk is:issue is:closed')).toEqual([3]);
    expect(await search('repo:octo/desk is:issue state:open')).toEqual([2, 1]);
  });

  it('filters by label (quoted, negated, comma = any of) and no:label', async () => {
    expect(await search('repo:octo/desk label:"needs triage"')).toEqual([2]);
    expect(await search('repo:octo/desk label:S1 label:"needs triage"')).toEqual([2]);
    expect(await search('repo:octo/desk is:issue -label:bug')).toEqual([2, 1]);
    expect(await search('repo:octo/desk label:bug,S1')).toEqual([3, 2]);
    expect(await search('repo:octo/desk is:issue no:label')).toEqual([1]);
  });

  it('filters by author, assignee and no:assignee', async () => {
    expect(await search('repo:octo/desk author:dave')).toEqual([2]);
    expect(await search('author:dave')).toEqual([2, 1]);
    expect(await search('repo:octo/desk assignee:alice')).toEqual([3]);
    expect(await search('repo:octo/desk is:issue is:open no:assignee')).toEqual([2, 1]);
  });

  it('filters by created with >=, >, <, <= and ranges on dates (whole UTC days) and date-times', async () => {
    expect(await search('repo:octo/desk created:>=2024-03-05')).toEqual([4, 3, 2]);
    expect(await search('repo:octo/desk created:>2024-03-05')).toEqual([4, 3]);
    expect(await search('repo:octo/desk created:<2024-03-05')).toEqual([1]);
    expect(await search('repo:octo/desk created:<=2024-03-05')).toEqual([2, 1]);
    expect(await search('repo:octo/desk created:2024-03-05')).toEqual([2]);
    expect(await search('repo:octo/desk created:2024-03-04..2024-03-05')).toEqual([2, 1]);
    expect(await search('repo:octo/desk created:2024-03-05T23:00:00Z..*')).toEqual([4, 3, 2]);
    expect(await search('repo:octo/desk created:<2024-03-05T23:30:00Z')).toEqual([1]);
    expect(await search('repo:octo/desk created:>2024-03-05T23:30:00+00:00')).toEqual([4, 3]);
  });

  it('filters by closed: and updated:', async () => {
    expect(await search('repo:octo/desk closed:>=2024-03-07')).toEqual([3]);
    expect(await search('repo:octo/desk updated:<2024-03-05')).toEqual([1]);
  });

  it('matches plain words in title or body, case-insensitively, and in:title narrows', async () => {
    expect(await search('repo:octo/desk crash')).toEqual([4, 2]);
    expect(await search('repo:octo/desk "stack trace"')).toEqual([2]);
    expect(await search('repo:octo/desk stack in:title')).toEqual([]);
    expect(
      await search('repo:octo/desk "weekly report" in:title author:github-actions[bot]'),
    ).toEqual([1]);
  });

  it('matches any of the words joined by OR, and all of the groups', async () => {
    expect(await search('repo:octo/desk crash OR weekly')).toEqual([4, 2, 1]);
    expect(await search('repo:octo/desk crash OR weekly stack')).toEqual([2]);
  });

  it('sorts with sort/order parameters or a sort: qualifier', async () => {
    expect(await search('repo:octo/desk is:issue', '&sort=created&order=asc')).toEqual([1, 2, 3]);
    expect(await search('repo:octo/desk is:issue sort:created-asc')).toEqual([1, 2, 3]);
  });

  it('paginates with total_count, incomplete_results and Link headers', async () => {
    const res = await call<SearchBody>(
      gh,
      'GET',
      `/search/issues?q=${encodeURIComponent('repo:octo/desk')}&per_page=2`,
    );
    expect(res.body.total_count).toBe(4);
    expect(res.body.incomplete_results).toBe(false);
    expect(res.body.items).toHaveLength(2);
    expect(res.headers.get('link')).toContain('rel="next"');
    expect(res.headers.get('x-ratelimit-resource')).toBe('search');
    expect(res.headers.get('x-ratelimit-limit')).toBe('30');
  });

  it('answers 422 naming a qualifier it does not implement', async () => {
    const res = await call(
      gh,
      'GET',
      `/search/issues?q=${encodeURIComponent('repo:octo/desk milestone:v1')}`,
    );
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('milestone:');
  });

  it('answers 422 for a missing q or a malformed date', async () => {
    expect((await call(gh, 'GET', '/search/issues')).status).toBe(422);
    const bad = await call(
      gh,
      'GET',
      `/search/issues?q=${encodeURIComponent('created:>=yesterday')}`,
    );
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain('created:>=yesterday');
  });
});
