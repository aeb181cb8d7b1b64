import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type TokenGrant } from '../../dev/emulator/index.js';
import { call } from '../../dev/emulator/helpers.js';

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
      users: [{ login: 'amy' }],
      repos: [
        {
          owner: 'acme',
          name: 'desk',
          collaborators: ['amy'],
          files: { 'README.md': 'desk' },
          issues: [
            { title: 'An issue', user: 'amy' },
            { title: 'A pull request', user: 'amy', pull_request: true },
          ],
        },
        { owner: 'acme', name: 'engine', issues: [{ title: 'Engine issue', user: 'amy' }] },
        { owner: 'acme', name: 'secret', private: true },
      ],
    },
  });
});
afterEach(async () => {
  await gh.close();
});

function as(grant: TokenGrant, permissions?: TokenGrant['permissions']) {
  gh.grantToken('t', { ...grant, ...(permissions ? { permissions } : {}) });
  return (method: string, path: string, body?: unknown) =>
    call<{ message: string }>(gh, method, path, { token: 't', ...(body ? { body } : {}) });
}

describe('token permissions, as GitHub grants them', () => {
  it('lets the workflow token write where its job’s permissions allow, on its own repository', async () => {
    const req = as(WORKFLOW);
    expect((await req('POST', '/repos/acme/desk/issues/1/comments', { body: 'hi' })).status).toBe(
      201,
    );
    expect((await req('GET', '/repos/acme/desk/contents/README.md')).status).toBe(200);
  });

  it('answers a GraphQL read of files null and FORBIDDEN to a token without contents: read, and reads them with it', async () => {
    const query = `{ repository(owner: "acme", name: "desk") { object(expression: "HEAD:README.md") { ... on Blob { text } } } }`;
    const without = await as(WORKFLOW, { issues: 'write' })('POST', '/graphql', { query });
    expect(without.body).toMatchObject({
      data: { repository: { object: null } },
      errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }],
    });
    const allowed = await as(WORKFLOW)('POST', '/graphql', { query });
    expect(allowed.body).toEqual({ data: { repository: { object: { text: 'desk' } } } });
  });

  it('answers a GraphQL read of an issue null and FORBIDDEN to a token without issues: read, and reads it with it', async () => {
    const query = `{ repository(owner: "acme", name: "desk") { issue(number: 1) { title } } }`;
    const without = await as(WORKFLOW, { contents: 'read' })('POST', '/graphql', { query });
    expect(without.body).toMatchObject({
      data: { repository: { issue: null } },
      errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }],
    });
    const allowed = await as(WORKFLOW)('POST', '/graphql', { query });
    expect(allowed.body).toEqual({ data: { repository: { issue: { title: 'An issue' } } } });
  });

  it('refuses the workflow token a write on another repository with 403, and reads it when public', async () => {
    const req = as(WORKFLOW);
    const write = await req('POST', '/repos/acme/engine/issues/1/comments', { body: 'hi' });
    expect([write.status, write.body.message]).toEqual([
      403,
      'Resource not accessible by integration',
    ]);
    expect((await req('GET', '/repos/acme/engine/issues/1')).status).toBe(200);
  });

  it('hides a private repository outside the token’s with 404', async () => {
    const req = as(WORKFLOW);
    expect((await req('GET', '/repos/acme/secret')).status).toBe(404);
  });

  it('refuses every write to a read-only token, as on a pull request from a fork', async () => {
    const req = as(WORKFLOW, { contents: 'read', issues: 'read', 'pull-requests': 'read' });
    expect((await req('POST', '/repos/acme/desk/issues/2/comments', { body: 'x' })).status).toBe(
      403,
    );
    expect((await req('GET', '/repos/acme/desk/issues/2/comments')).status).toBe(200);
  });

  it('takes pull-requests: write for a comment on a pull request, but not on an issue', async () => {
    const req = as(WORKFLOW, { contents: 'read', 'pull-requests': 'write' });
    expect((await req('POST', '/repos/acme/desk/issues/2/comments', { body: 'x' })).status).toBe(
      201,
    );
    expect((await req('POST', '/repos/acme/desk/issues/1/comments', { body: 'x' })).status).toBe(
      403,
    );
  });

  it('takes issues or pull-requests write for repository labels, and nothing less', async () => {
    const label = { name: 'triage', color: 'ededed' };
    const withPulls = as(WORKFLOW, { 'pull-requests': 'write' });
    expect((await withPulls('POST', '/repos/acme/desk/labels', label)).status).toBe(201);
    const withContents = as(WORKFLOW, { contents: 'write' });
    expect(
      (await withContents('POST', '/repos/acme/desk/labels', { ...label, name: 'x' })).status,
    ).toBe(403);
  });

  it('refuses reading files to a token without contents', async () => {
    const req = as(WORKFLOW, { issues: 'write' });
    expect((await req('GET', '/repos/acme/desk/contents/README.md')).status).toBe(403);
  });

  it('holds an App’s token to the repositories it was installed on', async () => {
    const req = as({
      login: 'acme-desk[bot]',
      kind: 'app',
      repositories: ['acme/engine'],
      permissions: { issues: 'write' },
    });
    expect((await req('POST', '/repos/acme/engine/issues/1/comments', { body: 'x' })).status).toBe(
      201,
    );
    expect((await req('POST', '/repos/acme/desk/issues/1/comments', { body: 'x' })).status).toBe(
      403,
    );
  });
});
