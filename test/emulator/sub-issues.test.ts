import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type TokenGrant } from '../../dev/emulator/index.js';
import { call } from '../../dev/emulator/helpers.js';

/**
 * Sub-issues as GitHub documents them: "Add sub-issue" takes `sub_issue_id`, the issue's REST id
 * (https://docs.github.com/rest/issues/sub-issues#add-sub-issue); an issue has one parent, kept
 * unless `replace_parent` is set; it needs Issues write of a token, triage of a person
 * (https://docs.github.com/issues/tracking-your-work-with-issues/using-issues/adding-sub-issues).
 */
const WORKFLOW: TokenGrant = {
  login: 'github-actions[bot]',
  kind: 'workflow',
  repositories: ['acme/desk'],
  permissions: { contents: 'read', issues: 'write' },
};

let gh: Emulator;
beforeEach(async () => {
  gh = await startEmulator({
    seed: {
      users: [{ login: 'amy' }, { login: 'rita' }, { login: 'rob' }],
      repos: [
        {
          owner: 'acme',
          name: 'desk',
          collaborators: [
            'amy',
            { login: 'rita', permission: 'triage' },
            { login: 'rob', permission: 'read' },
          ],
          issues: [1, 2, 3].map((n) => ({ title: `Issue ${n}`, user: 'amy' })),
        },
        { owner: 'other', name: 'place', issues: [{ title: 'Elsewhere', user: 'amy' }] },
      ],
    },
  });
  gh.grantToken('workflow', WORKFLOW);
  gh.grantToken('read-only', { ...WORKFLOW, permissions: { issues: 'read' } });
  gh.grantToken('rita', { login: 'rita', kind: 'user' });
  gh.grantToken('rob', { login: 'rob', kind: 'user' });
});
afterEach(async () => {
  await gh.close();
});

const idOf = (n: number, repo = 'acme/desk') => gh.store.issue(repo, n).id;
const add = (token: string, parent: number, body: object) =>
  call<{ number?: number; message?: string }>(
    gh,
    'POST',
    `/repos/acme/desk/issues/${parent}/sub_issues`,
    { token, body },
  );
const subIssuesOf = async (parent: number) =>
  (
    await call<{ number: number }[]>(gh, 'GET', `/repos/acme/desk/issues/${parent}/sub_issues`, {
      token: 'workflow',
    })
  ).body.map((i) => i.number);

describe('sub-issues (REST)', () => {
  it('adds an issue by its id and lists it under its parent', async () => {
    const added = await add('workflow', 1, { sub_issue_id: idOf(2) });

    expect([added.status, added.body.number]).toEqual([201, 2]);
    expect(await subIssuesOf(1)).toEqual([2]);
  });

  it('refuses an issue number where the id is expected', async () => {
    const added = await add('workflow', 1, { sub_issue_id: 2 });

    expect(added.status).toBe(422);
    expect(await subIssuesOf(1)).toEqual([]);
  });

  it('refuses a second parent, and the same parent twice, unless replace_parent is set', async () => {
    await add('workflow', 1, { sub_issue_id: idOf(3) });

    expect((await add('workflow', 1, { sub_issue_id: idOf(3) })).status).toBe(422);
    expect((await add('workflow', 2, { sub_issue_id: idOf(3) })).status).toBe(422);
    expect((await add('workflow', 2, { sub_issue_id: idOf(3), replace_parent: true })).status).toBe(
      201,
    );
    expect([await subIssuesOf(1), await subIssuesOf(2)]).toEqual([[], [3]]);
  });

  it('refuses an issue of another owner', async () => {
    expect((await add('workflow', 1, { sub_issue_id: idOf(1, 'other/place') })).status).toBe(422);
  });

  it('refuses a token with issues: read (403), and a person below triage', async () => {
    const byToken = await add('read-only', 1, { sub_issue_id: idOf(2) });
    const byReader = await add('rob', 1, { sub_issue_id: idOf(2) });
    const byTriager = await add('rita', 1, { sub_issue_id: idOf(2) });

    expect([byToken.status, byToken.body.message]).toEqual([
      403,
      'Resource not accessible by integration',
    ]);
    expect(byReader.status).toBe(403);
    expect(byTriager.status).toBe(201);
  });

  it('keeps at most 100 sub-issues under one parent', async () => {
    for (let n = 0; n < 100; n++) {
      const child = gh.store.createIssue('acme/desk', { title: `Task ${n}`, user: 'amy' });
      gh.store.addSubIssue('acme/desk', 1, child.id);
    }
    expect((await add('workflow', 1, { sub_issue_id: idOf(2) })).status).toBe(422);
  });
});
