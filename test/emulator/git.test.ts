import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../dev/emulator/index.js';
import { call, startBasic } from '../../dev/emulator/helpers.js';

type Ref = { ref: string; object: { type: string; sha: string; url: string } };
type Tag = { tag: string; sha: string; message: string; object: { type: string; sha: string } };

const COMMIT = '0123456789abcdef0123456789abcdef01234567';
const NEWER = 'fedcba9876543210fedcba9876543210fedcba98';

describe('git refs and tags', () => {
  let gh: Emulator;
  beforeEach(async () => {
    gh = await startBasic();
  });
  afterEach(async () => {
    await gh.close();
  });

  it('a lightweight tag ref names its commit', async () => {
    gh.store.setTag('acme/support', 'v1', COMMIT);
    const res = await call<Ref>(gh, 'GET', '/repos/acme/support/git/ref/tags/v1');
    expect(res.status).toBe(200);
    expect(res.body.ref).toBe('refs/tags/v1');
    expect(res.body.object).toEqual({
      type: 'commit',
      sha: COMMIT,
      url: `${gh.url}/repos/acme/support/git/commits/${COMMIT}`,
    });
  });

  it('an annotated tag ref names its tag object, which names the commit', async () => {
    gh.store.setTag('acme/support', 'v1.2.3', COMMIT, { message: 'Release v1.2.3' });
    const ref = await call<Ref>(gh, 'GET', '/repos/acme/support/git/ref/tags/v1.2.3');
    expect(ref.body.object.type).toBe('tag');
    expect(ref.body.object.sha).not.toBe(COMMIT);

    const tag = await call<Tag>(gh, 'GET', `/repos/acme/support/git/tags/${ref.body.object.sha}`);
    expect(tag.status).toBe(200);
    expect(tag.body).toMatchObject({
      tag: 'v1.2.3',
      sha: ref.body.object.sha,
      message: 'Release v1.2.3',
      object: { type: 'commit', sha: COMMIT },
    });
  });

  it('takes the ref with its slash encoded, as Octokit sends it', async () => {
    gh.store.setTag('acme/support', 'v1', COMMIT);
    const res = await call<Ref>(gh, 'GET', '/repos/acme/support/git/ref/tags%2Fv1');
    expect(res.status).toBe(200);
    expect(res.body.object.sha).toBe(COMMIT);
  });

  it('a moved tag names its new commit', async () => {
    gh.store.setTag('acme/support', 'v1', COMMIT);
    gh.store.setTag('acme/support', 'v1', NEWER);
    const res = await call<Ref>(gh, 'GET', '/repos/acme/support/git/ref/tags/v1');
    expect(res.body.object.sha).toBe(NEWER);
  });

  it('answers 404 for an unknown tag, a prefix of a tag, an unknown branch and an unknown tag object', async () => {
    gh.store.setTag('acme/support', 'v1.2.3', COMMIT);
    for (const path of [
      '/repos/acme/support/git/ref/tags/v2',
      '/repos/acme/support/git/ref/tags/v1',
      '/repos/acme/support/git/ref/heads/nope',
      `/repos/acme/support/git/tags/${COMMIT}`,
    ])
      expect((await call(gh, 'GET', path)).status, path).toBe(404);
  });
});
