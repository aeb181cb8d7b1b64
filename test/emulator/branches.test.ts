import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../dev/emulator/index.js';
import { call, startBasic } from '../../dev/emulator/helpers.js';
import { blobSha } from '../../dev/emulator/shapes.js';

/** What a kit that opens a roster pull request relies on: branches, a file written, the pull request. */
const REPO = '/repos/acme/support';
const ROSTER = '.github/support-kit/roster.yaml';
const BEFORE = 'sites: {}\n';

describe('a branch, a file and a pull request through the API', () => {
  let gh: Emulator;
  let main = '';
  const branch = (name: string, token = 'writer') =>
    call(gh, 'POST', `${REPO}/git/refs`, { token, body: { ref: `refs/heads/${name}`, sha: main } });
  const write = (text: string, replaces: string, token = 'writer') =>
    call(gh, 'PUT', `${REPO}/contents/${ROSTER}`, {
      token,
      body: {
        message: 'Roster: bob covers alice',
        content: Buffer.from(text).toString('base64'),
        branch: 'cover-1',
        sha: blobSha(replaces),
      },
    });
  const open = (token = 'writer') =>
    call<{ number: number; head: { sha: string } }>(gh, 'POST', `${REPO}/pulls`, {
      token,
      body: { title: 'Roster: bob covers alice', head: 'cover-1', base: 'main' },
    });

  beforeEach(async () => {
    gh = await startBasic();
    gh.grantToken('writer', {
      login: 'github-actions[bot]',
      kind: 'workflow',
      permissions: { contents: 'write', 'pull-requests': 'write', issues: 'write' },
    });
    gh.grantToken('reader', {
      login: 'github-actions[bot]',
      kind: 'workflow',
      permissions: { contents: 'read', 'pull-requests': 'read', issues: 'write' },
    });
    gh.store.repo('acme/support').actionsMayOpenPulls = true;
    main = (await call<{ object: { sha: string } }>(gh, 'GET', `${REPO}/git/ref/heads/main`)).body
      .object.sha;
  });
  afterEach(async () => {
    await gh.close();
  });

  it('refuses a branch whose name is taken with 422 "Reference already exists"', async () => {
    expect((await branch('cover-1')).status).toBe(201);
    const again = await branch('cover-1');
    expect([again.status, (again.body as { message: string }).message]).toEqual([
      422,
      'Reference already exists',
    ]);
  });

  it('starts a branch with the files of the commit it is made from', async () => {
    await branch('cover-1');
    expect(gh.store.filesAt('acme/support', 'cover-1')?.get(ROSTER)).toBe(BEFORE);
  });

  it('writes a file only with the blob sha of the text it replaces: 409 from an old copy', async () => {
    await branch('cover-1');
    expect((await write('sites: { a: {} }\n', BEFORE)).status).toBe(200);
    const stale = await write('sites: { b: {} }\n', BEFORE);
    expect(stale.status).toBe(409);
    expect(gh.store.filesAt('acme/support', 'cover-1')?.get(ROSTER)).toBe('sites: { a: {} }\n');
  });

  it('opens the pull request at the branch’s last commit, whose files the head sha reads', async () => {
    await branch('cover-1');
    await write('sites: { a: {} }\n', BEFORE);
    const pr = await open();
    expect(pr.status).toBe(201);
    expect(gh.store.filesAt('acme/support', pr.body.head.sha)?.get(ROSTER)).toBe(
      'sites: { a: {} }\n',
    );
    expect(gh.store.issue('acme/support', pr.body.number).user).toBe('github-actions[bot]');
  });

  it('refuses the workflow token a pull request while the repository does not allow Actions to open them', async () => {
    gh.store.repo('acme/support').actionsMayOpenPulls = false;
    await branch('cover-1');
    await write('sites: { a: {} }\n', BEFORE);
    const pr = await open();
    expect([pr.status, (pr.body as unknown as { message: string }).message]).toEqual([
      403,
      'GitHub Actions is not permitted to create or approve pull requests.',
    ]);
    // A person's token is not held to the setting.
    gh.grantToken('alice-token', { login: 'alice', kind: 'user' });
    expect((await open('alice-token')).status).toBe(201);
  });

  it('holds a token to its permissions: contents for refs and files, pull-requests for pulls', async () => {
    expect((await branch('cover-1', 'reader')).status).toBe(403);
    await branch('cover-1');
    expect((await write('x\n', BEFORE, 'reader')).status).toBe(403);
    await write('x\n', BEFORE);
    expect((await open('reader')).status).toBe(403);
  });

  it('asks reviews of collaborators only, and never of the author', async () => {
    await branch('cover-1');
    await write('x\n', BEFORE);
    const { number } = (await open()).body;
    const ask = (reviewers: string[]) =>
      call(gh, 'POST', `${REPO}/pulls/${number}/requested_reviewers`, {
        token: 'writer',
        body: { reviewers },
      });
    expect((await ask(['alice', 'bob'])).status).toBe(201);
    expect((await ask(['dave'])).status).toBe(422);
    expect((await ask(['github-actions[bot]'])).status).toBe(422);
    expect(gh.store.issue('acme/support', number).pull_request?.requested_reviewers).toEqual([
      'alice',
      'bob',
    ]);
  });

  it('deletes a branch made through the API, and says 422 for one that is not there', async () => {
    await branch('cover-1');
    expect(
      (await call(gh, 'DELETE', `${REPO}/git/refs/heads/cover-1`, { token: 'writer' })).status,
    ).toBe(204);
    expect(
      (await call(gh, 'DELETE', `${REPO}/git/refs/heads/cover-1`, { token: 'writer' })).status,
    ).toBe(422);
    expect((await call(gh, 'GET', `${REPO}/git/ref/heads/cover-1`)).status).toBe(404);
  });
});
