import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type TokenGrant } from '../../dev/emulator/index.js';
import { call } from '../../dev/emulator/helpers.js';

/**
 * Issue dependencies as GitHub serves them (docs.github.com/rest/issues/issue-dependencies): the
 * blocking issue is named by its id, may be in another repository the token can read, and an
 * issue takes at most 50 of them (docs.github.com/issues/tracking-your-work-with-issues/
 * using-issues/creating-issue-dependencies).
 */
const WORKFLOW: TokenGrant = {
  login: 'github-actions[bot]',
  kind: 'workflow',
  repositories: ['acme/desk'],
  permissions: { issues: 'write' },
};

let gh: Emulator;
beforeEach(async () => {
  gh = await startEmulator({
    seed: {
      users: [{ login: 'amy' }, { login: 'rita' }],
      repos: [
        {
          owner: 'acme',
          name: 'desk',
          collaborators: ['amy', { login: 'rita', permission: 'read' }],
          issues: [1, 2].map((n) => ({ title: `Support ${n}`, user: 'amy' })),
        },
        { owner: 'acme', name: 'engine', issues: [{ title: 'Public bug', user: 'amy' }] },
        {
          owner: 'acme',
          name: 'secret',
          private: true,
          issues: [{ title: 'Private bug', user: 'amy' }],
        },
      ],
    },
  });
  gh.grantToken('workflow', WORKFLOW);
  gh.grantToken('read-only', { ...WORKFLOW, permissions: { issues: 'read' } });
  gh.grantToken('rita', { login: 'rita', kind: 'user' });
});
afterEach(async () => {
  await gh.close();
});

const idOf = (repo: string, n: number) => gh.store.issue(repo, n).id;
const block = (token: string, issue: number, blocking: number) =>
  call(gh, 'POST', `/repos/acme/desk/issues/${issue}/dependencies/blocked_by`, {
    token,
    body: { issue_id: blocking },
  });

describe('issue dependencies', () => {
  it('records an issue of another public repository as blocking, listed from both sides', async () => {
    const added = await block('workflow', 1, idOf('acme/engine', 1));
    const blockedBy = await call<{ number: number }[]>(
      gh,
      'GET',
      '/repos/acme/desk/issues/1/dependencies/blocked_by',
      { token: 'workflow' },
    );
    const blocking = await call<{ number: number; repository_url: string }[]>(
      gh,
      'GET',
      '/repos/acme/engine/issues/1/dependencies/blocking',
      { token: 'workflow' },
    );

    expect(added.status).toBe(201);
    expect(blockedBy.body.map((i) => i.number)).toEqual([1]);
    expect(blocking.body.map((i) => i.repository_url.split('/repos/')[1])).toEqual(['acme/desk']);
  });

  it('answers 404 for a blocking issue in a private repository the token cannot read', async () => {
    const answer = await block('workflow', 1, idOf('acme/secret', 1));

    expect(answer.status).toBe(404);
  });

  it('refuses an issue blocking itself and the same dependency twice with 422', async () => {
    const self = await block('workflow', 1, idOf('acme/desk', 1));
    await block('workflow', 1, idOf('acme/desk', 2));
    const again = await block('workflow', 1, idOf('acme/desk', 2));

    expect([self.status, again.status]).toEqual([422, 422]);
  });

  it('takes at most 50 issues an issue is blocked by', async () => {
    for (let n = 0; n < 50; n++)
      gh.store.addBlockedBy(
        gh.store.issue('acme/desk', 1),
        gh.store.createIssue('acme/engine', { title: `Bug ${n}`, user: 'amy' }),
      );

    const answer = await block('workflow', 1, idOf('acme/desk', 2));

    expect(answer.status).toBe(422);
  });

  it('refuses a token with issues: read (403) and a person with read access (404)', async () => {
    const token = await block('read-only', 1, idOf('acme/desk', 2));
    const person = await block('rita', 1, idOf('acme/desk', 2));

    expect([token.status, person.status]).toEqual([403, 404]);
  });
});
