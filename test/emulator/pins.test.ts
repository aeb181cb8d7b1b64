import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type TokenGrant } from '../../dev/emulator/index.js';
import { call } from '../../dev/emulator/helpers.js';

const WORKFLOW: TokenGrant = {
  login: 'github-actions[bot]',
  kind: 'workflow',
  repositories: ['acme/desk'],
  permissions: { contents: 'read', issues: 'write' },
};

const PIN =
  'mutation($id: ID!) { pinIssue(input: { issueId: $id }) { issue { number isPinned } } }';
const PINNED =
  '{ repository(owner: "acme", name: "desk") { pinnedIssues(first: 10) { totalCount nodes { issue { number } pinnedBy { login } } } } }';

interface Answer<T> {
  data?: T;
  errors?: { type?: string; message: string }[];
}

let gh: Emulator;
beforeEach(async () => {
  gh = await startEmulator({
    seed: {
      users: [{ login: 'amy' }, { login: 'rita' }],
      repos: [
        {
          owner: 'acme',
          name: 'desk',
          collaborators: ['amy', { login: 'rita', permission: 'triage' }],
          issues: [1, 2, 3, 4].map((n) => ({ title: `Issue ${n}`, user: 'amy' })),
        },
      ],
    },
  });
  gh.grantToken('workflow', WORKFLOW);
  gh.grantToken('read-only', { ...WORKFLOW, permissions: { issues: 'read' } });
  gh.grantToken('amy', { login: 'amy', kind: 'user' });
  gh.grantToken('rita', { login: 'rita', kind: 'user' });
});
afterEach(async () => {
  await gh.close();
});

async function ask<T>(token: string, query: string, variables: object = {}): Promise<Answer<T>> {
  return (await call<Answer<T>>(gh, 'POST', '/graphql', { token, body: { query, variables } }))
    .body;
}

const idOf = (n: number) => gh.store.issue('acme/desk', n).node_id;
const pin = (token: string, n: number) =>
  ask<{ pinIssue: { issue: { number: number; isPinned: boolean } } }>(token, PIN, { id: idOf(n) });

describe('pinning issues (GraphQL pinIssue)', () => {
  it('pins an issue for the workflow token with issues: write, and says so on the issue and the repository', async () => {
    const answer = await pin('workflow', 1);
    const listed = await ask<{
      repository: {
        pinnedIssues: {
          totalCount: number;
          nodes: { issue: { number: number }; pinnedBy: { login: string } }[];
        };
      };
    }>('amy', PINNED);

    expect(answer.data?.pinIssue.issue).toEqual({ number: 1, isPinned: true });
    expect(listed.data?.repository.pinnedIssues).toEqual({
      totalCount: 1,
      nodes: [{ issue: { number: 1 }, pinnedBy: { login: 'github-actions' } }],
    });
  });

  it('refuses a fourth pinned issue, as GitHub pins at most three per repository', async () => {
    for (const n of [1, 2, 3]) await pin('workflow', n);

    const fourth = await pin('workflow', 4);

    expect(fourth.errors?.[0]?.type).toBe('UNPROCESSABLE');
    expect(fourth.data?.pinIssue ?? null).toBeNull();
    const flag = await ask<{ repository: { issue: { isPinned: boolean } } }>(
      'amy',
      '{ repository(owner: "acme", name: "desk") { issue(number: 4) { isPinned } } }',
    );
    expect(flag.data?.repository.issue.isPinned).toBe(false);
  });

  it('pins an issue that is pinned already without counting it twice', async () => {
    await pin('workflow', 1);

    const again = await pin('amy', 1);

    expect(again.data?.pinIssue.issue.isPinned).toBe(true);
    expect(
      (await ask<{ repository: { pinnedIssues: { totalCount: number } } }>('amy', PINNED)).data
        ?.repository.pinnedIssues.totalCount,
    ).toBe(1);
  });

  it('refuses a token with issues: read and a person without write access', async () => {
    const byToken = await pin('read-only', 1);
    const byTriage = await pin('rita', 1);

    expect(byToken.errors?.[0]).toMatchObject({
      type: 'FORBIDDEN',
      message: 'Resource not accessible by integration',
    });
    expect(byTriage.errors?.[0]?.type).toBe('FORBIDDEN');
  });
});
