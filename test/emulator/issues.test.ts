import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../dev/emulator/index.js';
import { call, startBasic } from '../../dev/emulator/helpers.js';

type IssueBody = {
  number: number;
  title: string;
  state: string;
  state_reason: string | null;
  pull_request?: unknown;
  labels: { name: string }[];
  assignees: { login: string }[];
  user: { login: string };
  closed_at: string | null;
  updated_at: string;
};
type CommentBody = { id: number; body: string; user: { login: string }; created_at: string };

const numbers = (issues: { number: number }[]) => issues.map((i) => i.number);

describe('issues', () => {
  let gh: Emulator;
  beforeEach(async () => {
    gh = await startBasic();
  });
  afterEach(async () => {
    await gh.close();
  });

  describe('listing', () => {
    it('lists open issues newest first by default, pull requests included with a pull_request key', async () => {
      const res = await call<IssueBody[]>(gh, 'GET', '/repos/acme/support/issues');
      expect(numbers(res.body)).toEqual([4, 2, 1]);
      expect(res.body[0]?.pull_request).toMatchObject({ merged_at: null });
      expect(res.body[1]?.pull_request).toBeUndefined();
    });

    it('filters by state', async () => {
      const closed = await call<IssueBody[]>(gh, 'GET', '/repos/acme/support/issues?state=closed');
      expect(numbers(closed.body)).toEqual([3]);
      expect(closed.body[0]).toMatchObject({
        state_reason: 'not_planned',
        closed_at: '2024-02-21T09:00:00Z',
      });
      const all = await call<IssueBody[]>(gh, 'GET', '/repos/acme/support/issues?state=all');
      expect(numbers(all.body)).toEqual([4, 2, 1, 3]);
    });

    it('filters by labels (comma list, all must match, case-insensitive)', async () => {
      const both = await call<IssueBody[]>(
        gh,
        'GET',
        '/repos/acme/support/issues?labels=BUG,needs%20triage',
      );
      expect(numbers(both.body)).toEqual([1]);
      const none = await call<IssueBody[]>(
        gh,
        'GET',
        '/repos/acme/support/issues?labels=bug,severity:%20S1',
      );
      expect(none.body).toEqual([]);
    });

    it('filters by since (updated at or after)', async () => {
      const res = await call<IssueBody[]>(
        gh,
        'GET',
        '/repos/acme/support/issues?state=all&since=2024-03-02T00:00:00Z',
      );
      expect(numbers(res.body)).toEqual([4, 2]);
    });

    it('sorts by comments or updated, in either direction', async () => {
      const byComments = await call<IssueBody[]>(
        gh,
        'GET',
        '/repos/acme/support/issues?sort=comments',
      );
      expect(numbers(byComments.body)[0]).toBe(1);
      const oldest = await call<IssueBody[]>(
        gh,
        'GET',
        '/repos/acme/support/issues?state=all&sort=updated&direction=asc',
      );
      expect(numbers(oldest.body)).toEqual([3, 1, 2, 4]);
    });

    it('filters by assignee (login, none, *), creator and mentioned', async () => {
      const q = async (query: string) =>
        numbers((await call<IssueBody[]>(gh, 'GET', `/repos/acme/support/issues?${query}`)).body);
      expect(await q('assignee=bob')).toEqual([2]);
      expect(await q('assignee=none')).toEqual([4, 1]);
      expect(await q('assignee=*')).toEqual([2]);
      expect(await q('creator=dave&state=all')).toEqual([1, 3]);
      expect(await q('mentioned=alice')).toEqual([1]);
    });

    it('rejects an unknown state value with 422', async () => {
      expect((await call(gh, 'GET', '/repos/acme/support/issues?state=bogus')).status).toBe(422);
    });
  });

  describe('pagination', () => {
    let many: Emulator;
    beforeEach(async () => {
      many = await startEmulator({ now: '2024-01-01T00:00:00Z' });
      many.store.addRepo({ owner: 'octo', name: 'many' });
      for (let i = 1; i <= 250; i++) many.store.createIssue('octo/many', { title: `Issue ${i}` });
    });
    afterEach(async () => {
      await many.close();
    });

    it('serves 30 per page by default with next and last links', async () => {
      const res = await call<IssueBody[]>(many, 'GET', '/repos/octo/many/issues');
      expect(res.body).toHaveLength(30);
      expect(res.headers.get('link')).toBe(
        `<${many.url}/repos/octo/many/issues?page=2>; rel="next", <${many.url}/repos/octo/many/issues?page=9>; rel="last"`,
      );
    });

    it('builds prev, next, last and first links like GitHub, keeping other parameters', async () => {
      const res = await call<IssueBody[]>(
        many,
        'GET',
        '/repos/octo/many/issues?state=open&per_page=100&page=2',
      );
      expect(res.body).toHaveLength(100);
      const base = `${many.url}/repos/octo/many/issues?state=open&per_page=100`;
      expect(res.headers.get('link')).toBe(
        `<${base}&page=1>; rel="prev", <${base}&page=3>; rel="next", <${base}&page=3>; rel="last", <${base}&page=1>; rel="first"`,
      );
    });

    it('caps per_page at 100 and has only prev and first on the last page', async () => {
      const res = await call<IssueBody[]>(
        many,
        'GET',
        '/repos/octo/many/issues?per_page=500&page=3',
      );
      expect(res.body).toHaveLength(50);
      const link = res.headers.get('link') ?? '';
      expect(link).toContain('rel="prev"');
      expect(link).toContain('rel="first"');
      expect(link).not.toContain('rel="next"');
    });

    it('answers past the last page with an empty list', async () => {
      const res = await call<IssueBody[]>(many, 'GET', '/repos/octo/many/issues?page=99');
      expect(res.status).toBe(200);
      expect(res.body).toEqual([]);
    });

    it('has no Link header when everything fits on one page', async () => {
      const res = await call(many, 'GET', '/repos/octo/many/labels');
      expect(res.headers.get('link')).toBeNull();
    });
  });

  describe('create and update', () => {
    it('creates an issue as the token’s user, with Location, labels, assignees and events', async () => {
      const res = await call<IssueBody>(gh, 'POST', '/repos/acme/support/issues', {
        body: { title: 'Weekly report', body: 'hello', labels: ['report'], assignees: ['alice'] },
      });
      expect(res.status).toBe(201);
      expect(res.headers.get('location')).toBe(`${gh.url}/repos/acme/support/issues/5`);
      expect(res.body).toMatchObject({
        number: 5,
        state: 'open',
        user: { login: 'github-actions[bot]' },
      });
      expect(res.body.labels.map((l) => l.name)).toEqual(['report']);
      const issue = gh.store.issue('acme/support', 5);
      expect(issue.events.map((e) => e.event)).toEqual(['labeled', 'assigned']);
      expect(issue.created_at).toBe('2024-03-04T10:00:00Z');
    });

    it('requires a title', async () => {
      const res = await call(gh, 'POST', '/repos/acme/support/issues', {
        body: { body: 'no title' },
      });
      expect(res.status).toBe(422);
      expect((res.body as { message: string }).message).toContain('"title" wasn\'t supplied');
    });

    it('closes with a state_reason, reopens, and renames, recording each as an event', async () => {
      gh.setClock('2024-03-05T08:00:00Z');
      const closed = await call<IssueBody>(gh, 'PATCH', '/repos/acme/support/issues/1', {
        body: { state: 'closed', state_reason: 'not_planned' },
      });
      expect(closed.body).toMatchObject({
        state: 'closed',
        state_reason: 'not_planned',
        closed_at: '2024-03-05T08:00:00Z',
      });
      gh.setClock('2024-03-05T09:00:00Z');
      const reopened = await call<IssueBody>(gh, 'PATCH', '/repos/acme/support/issues/1', {
        body: { state: 'open', title: 'Login fails on Safari 17' },
      });
      expect(reopened.body).toMatchObject({
        state: 'open',
        state_reason: 'reopened',
        closed_at: null,
      });
      const events = await call<
        { event: string; created_at: string; rename?: unknown; state_reason?: string }[]
      >(gh, 'GET', '/repos/acme/support/issues/1/events');
      expect(events.body.map((e) => e.event)).toEqual([
        'labeled',
        'labeled',
        'closed',
        'renamed',
        'reopened',
      ]);
      expect(events.body[2]).toMatchObject({
        state_reason: 'not_planned',
        created_at: '2024-03-05T08:00:00Z',
      });
      expect(events.body[3]).toMatchObject({
        rename: { from: 'Login fails on Safari', to: 'Login fails on Safari 17' },
      });
    });

    it('rejects an invalid state with GitHub’s 422 shape', async () => {
      const res = await call(gh, 'PATCH', '/repos/acme/support/issues/1', {
        body: { state: 'done' },
      });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({
        message: 'Validation Failed',
        errors: [{ resource: 'Issue', field: 'state', code: 'invalid', value: 'done' }],
      });
    });

    it('answers 404 for an unknown repository or issue', async () => {
      expect((await call(gh, 'GET', '/repos/acme/nope/issues')).body).toMatchObject({
        message: 'Not Found',
      });
      expect((await call(gh, 'GET', '/repos/acme/support/issues/99')).status).toBe(404);
    });

    it('requires authentication for writes but not for reads', async () => {
      const write = await call(gh, 'POST', '/repos/acme/support/issues', {
        body: { title: 'x' },
        token: null,
      });
      expect(write.status).toBe(401);
      expect(write.body).toMatchObject({ message: 'Requires authentication' });
      expect((await call(gh, 'GET', '/repos/acme/support/issues', { token: null })).status).toBe(
        200,
      );
    });
  });

  describe('comments', () => {
    it('lists an issue’s comments, filtered by since', async () => {
      gh.setClock('2024-03-04T12:00:00Z');
      gh.store.addComment('acme/support', 1, { user: 'bob', body: 'Any news?' });
      const all = await call<CommentBody[]>(gh, 'GET', '/repos/acme/support/issues/1/comments');
      expect(all.body.map((c) => c.user.login)).toEqual(['alice', 'bob']);
      const since = await call<CommentBody[]>(
        gh,
        'GET',
        '/repos/acme/support/issues/1/comments?since=2024-03-02T00:00:00Z',
      );
      expect(since.body.map((c) => c.body)).toEqual(['Any news?']);
    });

    it('lists a repository’s comments ascending by default, or sorted with a direction', async () => {
      gh.store.addComment('acme/support', 2, {
        user: 'bob',
        body: 'second',
        created_at: '2024-03-03T00:00:00Z',
      });
      const asc = await call<CommentBody[]>(gh, 'GET', '/repos/acme/support/issues/comments');
      expect(asc.body.map((c) => c.body)).toEqual(['Looking into it', 'second']);
      const desc = await call<CommentBody[]>(
        gh,
        'GET',
        '/repos/acme/support/issues/comments?sort=created',
      );
      expect(desc.body.map((c) => c.body)).toEqual(['second', 'Looking into it']);
    });

    it('creates, edits and deletes a comment, keeping the issue’s count and updated_at', async () => {
      gh.setClock('2024-03-06T00:00:00Z');
      const created = await call<CommentBody>(gh, 'POST', '/repos/acme/support/issues/2/comments', {
        body: { body: '<!-- support-kit:ack -->\nOn it' },
      });
      expect(created.status).toBe(201);
      expect(created.body.user.login).toBe('github-actions[bot]');
      expect((await call<IssueBody>(gh, 'GET', '/repos/acme/support/issues/2')).body).toMatchObject(
        {
          comments: 1,
          updated_at: '2024-03-06T00:00:00Z',
        },
      );
      const edited = await call<CommentBody>(
        gh,
        'PATCH',
        `/repos/acme/support/issues/comments/${created.body.id}`,
        {
          body: { body: 'edited' },
        },
      );
      expect(edited.body.body).toBe('edited');
      expect(
        (await call(gh, 'DELETE', `/repos/acme/support/issues/comments/${created.body.id}`)).status,
      ).toBe(204);
      expect(
        (await call(gh, 'GET', `/repos/acme/support/issues/comments/${created.body.id}`)).status,
      ).toBe(404);
      expect(gh.store.issue('acme/support', 2).comments).toEqual([]);
    });

    it('requires a comment body', async () => {
      expect(
        (await call(gh, 'POST', '/repos/acme/support/issues/2/comments', { body: {} })).status,
      ).toBe(422);
    });
  });

  describe('timeline', () => {
    it('interleaves events and comments in time order, comments as "commented"', async () => {
      gh.setClock('2024-03-04T11:00:00Z');
      await call(gh, 'POST', '/repos/acme/support/issues/1/assignees', {
        body: { assignees: ['alice'] },
      });
      const res = await call<{ event: string; actor: { login: string } }[]>(
        gh,
        'GET',
        '/repos/acme/support/issues/1/timeline',
      );
      expect(res.body.map((e) => `${e.event}:${e.actor.login}`)).toEqual([
        'labeled:dave',
        'labeled:dave',
        'commented:alice',
        'assigned:github-actions[bot]',
      ]);
    });
  });
});
