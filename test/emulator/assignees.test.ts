import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../dev/emulator/index.js';
import { call, startBasic } from '../../dev/emulator/helpers.js';

type IssueBody = { assignees: { login: string }[]; assignee: { login: string } | null };

describe('assignees and permissions', () => {
  let gh: Emulator;
  beforeEach(async () => {
    gh = await startBasic();
  });
  afterEach(async () => {
    await gh.close();
  });

  it('lists the assignable users: the repository’s collaborators (an org owner is not a user)', async () => {
    const res = await call<{ login: string }[]>(gh, 'GET', '/repos/acme/support/assignees');
    expect(res.body.map((u) => u.login)).toEqual(['alice', 'bob', 'carol']);
  });

  it('answers 204 for an assignable login (any case) and 404 otherwise', async () => {
    expect((await call(gh, 'GET', '/repos/acme/support/assignees/ALICE')).status).toBe(204);
    expect((await call(gh, 'GET', '/repos/acme/support/assignees/dave')).status).toBe(404);
    expect((await call(gh, 'GET', '/repos/acme/support/issues/1/assignees/bob')).status).toBe(204);
  });

  it('silently ignores logins that cannot be assigned when adding', async () => {
    const res = await call<IssueBody>(gh, 'POST', '/repos/acme/support/issues/1/assignees', {
      body: { assignees: ['dave', 'carol', 'nobody'] },
    });
    expect(res.status).toBe(201);
    expect(res.body.assignees.map((a) => a.login)).toEqual(['carol']);
    expect(res.body.assignee?.login).toBe('carol');
  });

  it('keeps at most 10 assignees', async () => {
    for (let i = 0; i < 12; i++) gh.store.addCollaborator('acme/support', `oncall-${i}`, 'write');
    const logins = Array.from({ length: 12 }, (_, i) => `oncall-${i}`);
    const res = await call<IssueBody>(gh, 'POST', '/repos/acme/support/issues/1/assignees', {
      body: { assignees: logins },
    });
    expect(res.body.assignees).toHaveLength(10);
  });

  it('removes assignees and records unassigned events', async () => {
    await call(gh, 'DELETE', '/repos/acme/support/issues/2/assignees', {
      body: { assignees: ['bob'] },
    });
    const issue = gh.store.issue('acme/support', 2);
    expect(issue.assignees).toEqual([]);
    expect(issue.events.at(-1)).toMatchObject({
      event: 'unassigned',
      assignee: 'bob',
      actor: 'github-actions[bot]',
    });
  });

  it('refuses a non-assignable login when creating or updating an issue (422)', async () => {
    const res = await call(gh, 'PATCH', '/repos/acme/support/issues/1', {
      body: { assignees: ['dave'] },
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      errors: [{ resource: 'Issue', field: 'assignees', code: 'invalid', value: 'dave' }],
    });
  });

  it('reports collaborator permission with GitHub’s legacy value and the precise role', async () => {
    const perm = async (login: string) =>
      await call<{ permission: string; role_name: string }>(
        gh,
        'GET',
        `/repos/acme/support/collaborators/${login}/permission`,
      );
    expect((await perm('carol')).body).toMatchObject({ permission: 'admin', role_name: 'admin' });
    expect((await perm('alice')).body).toMatchObject({ permission: 'write', role_name: 'write' });
    expect((await perm('bob')).body).toMatchObject({ permission: 'read', role_name: 'triage' });
    expect((await perm('dave')).body).toMatchObject({ permission: 'read', role_name: 'read' });
    expect((await perm('no-such-user')).status).toBe(404);
  });

  it('lists collaborators with their role, filterable by minimum permission', async () => {
    const res = await call<{ login: string; role_name: string }[]>(
      gh,
      'GET',
      '/repos/acme/support/collaborators?permission=write',
    );
    expect(res.body.map((c) => `${c.login}:${c.role_name}`)).toEqual([
      'alice:write',
      'carol:admin',
    ]);
  });

  it('lists team members', async () => {
    const res = await call<{ login: string }[]>(gh, 'GET', '/orgs/acme/teams/support-l2/members');
    expect(res.body.map((u) => u.login)).toEqual(['alice', 'bob']);
    expect((await call(gh, 'GET', '/orgs/acme/teams/nope/members')).status).toBe(404);
  });
});
