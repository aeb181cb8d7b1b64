import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../dev/emulator/index.js';
import { call, startBasic } from '../../dev/emulator/helpers.js';

type FileBody = {
  type: string;
  encoding: string;
  content: string;
  sha: string;
  size: number;
  path: string;
  name: string;
};

describe('contents', () => {
  let gh: Emulator;
  beforeEach(async () => {
    gh = await startBasic();
  });
  afterEach(async () => {
    await gh.close();
  });

  it('returns a file as base64 with git’s blob sha', async () => {
    gh.store.setFile('acme/support', 'hello.txt', 'hello\n');
    const res = await call<FileBody>(gh, 'GET', '/repos/acme/support/contents/hello.txt');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      type: 'file',
      encoding: 'base64',
      name: 'hello.txt',
      path: 'hello.txt',
      size: 6,
    });
    expect(Buffer.from(res.body.content, 'base64').toString('utf8')).toBe('hello\n');
    // `printf 'hello\n' | git hash-object --stdin`
    expect(res.body.sha).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
  });

  it('wraps base64 content every 60 characters like GitHub', async () => {
    gh.store.setFile('acme/support', 'long.txt', 'x'.repeat(200));
    const res = await call<FileBody>(gh, 'GET', '/repos/acme/support/contents/long.txt');
    const lines = res.body.content.split('\n').filter((l) => l !== '');
    expect(lines[0]).toHaveLength(60);
    expect(Buffer.from(res.body.content, 'base64').toString()).toBe('x'.repeat(200));
  });

  it('lists a directory as an array of entries', async () => {
    const res = await call<{ name: string; type: string }[]>(
      gh,
      'GET',
      '/repos/acme/support/contents/.github',
    );
    expect(res.body.map((e) => `${e.type}:${e.name}`)).toEqual(['dir:support-kit']);
    const inner = await call<{ name: string; type: string; path: string }[]>(
      gh,
      'GET',
      '/repos/acme/support/contents/.github/support-kit',
    );
    expect(inner.body.map((e) => e.path)).toEqual([
      '.github/support-kit/labels.yaml',
      '.github/support-kit/roster.yaml',
    ]);
  });

  it('reads another ref with ?ref= (branch name or refs/heads/...)', async () => {
    for (const ref of ['roster-change', 'refs/heads/roster-change']) {
      const res = await call<FileBody>(
        gh,
        'GET',
        `/repos/acme/support/contents/.github/support-kit/roster.yaml?ref=${ref}`,
      );
      expect(Buffer.from(res.body.content, 'base64').toString()).toContain('sfo');
    }
    const main = await call<FileBody>(
      gh,
      'GET',
      '/repos/acme/support/contents/.github/support-kit/roster.yaml?ref=main',
    );
    expect(Buffer.from(main.body.content, 'base64').toString()).toBe('sites: {}\n');
  });

  it('answers 404 for a missing path or an unknown ref', async () => {
    expect((await call(gh, 'GET', '/repos/acme/support/contents/nope.yaml')).status).toBe(404);
    const ref = await call(gh, 'GET', '/repos/acme/support/contents/README.md?ref=nope');
    expect(ref.status).toBe(404);
    expect(ref.body).toMatchObject({ message: 'No commit found for the ref nope' });
  });

  it('returns the raw text with Accept: application/vnd.github.raw', async () => {
    const res = await call(gh, 'GET', '/repos/acme/support/contents/README.md', {
      headers: { accept: 'application/vnd.github.raw' },
    });
    expect(res.headers.get('content-type')).toContain('application/vnd.github.raw');
    expect(res.body).toBe('# support\n');
  });

  it('refuses a file over 1 MB as JSON (403 too_large) and gives it raw, as GitHub does', async () => {
    const big = 'x'.repeat(1024 * 1024 + 1);
    gh.store.setFile('acme/support', 'big.txt', big);

    const json = await call<{ errors: unknown[] }>(
      gh,
      'GET',
      '/repos/acme/support/contents/big.txt',
    );
    const raw = await call(gh, 'GET', '/repos/acme/support/contents/big.txt', {
      headers: { accept: 'application/vnd.github.raw' },
    });

    expect(json.status).toBe(403);
    expect(json.body.errors).toEqual([{ resource: 'Blob', field: 'data', code: 'too_large' }]);
    expect(raw.status).toBe(200);
    expect((raw.body as string).length).toBe(big.length);
  });
});
