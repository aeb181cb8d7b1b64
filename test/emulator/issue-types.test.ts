import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../dev/emulator/index.js';
import { call, startBasic } from '../../dev/emulator/helpers.js';
import { applySeed } from '../../dev/emulator/seed.js';

type IssueBody = { number: number; type: { name: string } | null };
const typeName = (issue: IssueBody) => issue.type?.name ?? null;

describe('issue types', () => {
  let gh: Emulator;
  beforeEach(async () => {
    gh = await startBasic();
    gh.store.addRepo({ owner: 'alice', name: 'notes' });
    gh.grantToken('alice-token', { login: 'alice', kind: 'user' });
    gh.grantToken('bob-token', { login: 'bob', kind: 'user' });
  });
  afterEach(async () => gh.close());

  it("lists an organisation repository's enabled types, and answers 404 for a person's repository", async () => {
    gh.store.setIssueTypes('acme', ['Task', 'Bug', { name: 'Epic', is_enabled: false }]);

    const org = await call<{ name: string }[]>(gh, 'GET', '/repos/acme/support/issue-types');
    const own = await call(gh, 'GET', '/repos/alice/notes/issue-types');

    expect(org.status).toBe(200);
    expect(org.body.map((t) => t.name)).toEqual(['Task', 'Bug']);
    expect(own.status).toBe(404);
  });

  it('sets a type by name on create and update, ignoring case, and clears it with null', async () => {
    const created = await call<IssueBody>(gh, 'POST', '/repos/acme/support/issues', {
      body: { title: 'Crash on start', type: 'bug' },
    });
    const moved = await call<IssueBody>(
      gh,
      'PATCH',
      `/repos/acme/support/issues/${created.body.number}`,
      { body: { type: 'Feature' } },
    );
    const cleared = await call<IssueBody>(
      gh,
      'PATCH',
      `/repos/acme/support/issues/${created.body.number}`,
      { body: { type: null } },
    );

    expect(typeName(created.body)).toBe('Bug');
    expect(typeName(moved.body)).toBe('Feature');
    expect(typeName(cleared.body)).toBeNull();
  });

  it('drops a type the repository does not have without an error', async () => {
    const created = await call<IssueBody>(gh, 'POST', '/repos/acme/support/issues', {
      body: { title: 'Crash on start', type: 'Incident' },
    });
    const own = await call<IssueBody>(gh, 'POST', '/repos/alice/notes/issues', {
      body: { title: 'Todo', type: 'Bug' },
      token: 'alice-token',
    });

    expect(created.status).toBe(201);
    expect(typeName(created.body)).toBeNull();
    expect(own.status).toBe(201);
    expect(typeName(own.body)).toBeNull();
  });

  it('drops the type a writer without push access sends, and still makes the rest of the edit', async () => {
    // bob has the triage role on acme/support: he may edit issues, not set their type.
    const res = await call<IssueBody & { title: string }>(
      gh,
      'PATCH',
      '/repos/acme/support/issues/1',
      { body: { title: 'Login fails on Safari 17', type: 'Bug' }, token: 'bob-token' },
    );

    expect(res.status).toBe(200);
    expect(res.body.title).toBe('Login fails on Safari 17');
    expect(typeName(res.body)).toBeNull();
  });

  it('refuses a seed issue whose type the organisation does not have', () => {
    expect(() =>
      applySeed(gh.store, {
        orgs: [
          {
            login: 'globex',
            issue_types: ['Bug'],
            repos: [{ name: 'desk', issues: [{ title: 'x', type: 'Feature' }] }],
          },
        ],
      }),
    ).toThrow('seed.orgs[0].repos[0].issues[0].type: globex/desk has no issue type "Feature"');
  });
});
