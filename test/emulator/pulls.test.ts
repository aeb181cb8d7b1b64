import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../dev/emulator/index.js';
import { call, startBasic } from '../../dev/emulator/helpers.js';
import { fakeSha } from '../../dev/emulator/store.js';

type ChangedFile = { filename: string; status: string; additions: number; deletions: number };

const FILES = '/repos/acme/support/pulls/4/files';

describe('pull request files', () => {
  let gh: Emulator;
  let head: string;
  beforeEach(async () => {
    gh = await startBasic();
    head = gh.store.issue('acme/support', 4).pull_request?.head_sha ?? '';
  });
  afterEach(async () => {
    await gh.close();
  });

  it('lists the paths whose content at the head differs from the base branch, by name', async () => {
    gh.store.setFile('acme/support', 'src/theme.css', 'a\nb\n', head);
    gh.store.setFile('acme/support', '.github/support-kit/labels.yaml', 'labels: []\n', head);
    gh.store.setFile('acme/support', 'README.md', '# support\nmore\n', head);

    const res = await call<ChangedFile[]>(gh, 'GET', FILES);

    expect(res.body.map((f) => [f.filename, f.status, f.additions, f.deletions])).toEqual([
      ['README.md', 'modified', 1, 0],
      ['src/theme.css', 'added', 2, 0],
    ]);
  });

  it('compares with the files set at the base commit its webhook payload names', async () => {
    const base = fakeSha('acme/support:main');
    gh.store.setFile('acme/support', '.github/support-kit/roster.yaml', 'sites: {}\n', base);
    gh.store.setFile('acme/support', '.github/support-kit/roster.yaml', 'sites: {}\n', head);

    const res = await call<ChangedFile[]>(gh, 'GET', FILES);

    expect(res.body).toEqual([]);
  });

  it('pages with per_page and a Link header like every list', async () => {
    for (const n of [1, 2, 3]) gh.store.setFile('acme/support', `f${n}.txt`, 'x\n', head);

    const res = await call<ChangedFile[]>(gh, 'GET', `${FILES}?per_page=2`);

    expect(res.body.map((f) => f.filename)).toEqual(['f1.txt', 'f2.txt']);
    expect(res.headers.get('link')).toContain('rel="next"');
  });

  it('answers 404 for an issue that is not a pull request', async () => {
    const res = await call(gh, 'GET', '/repos/acme/support/pulls/1/files');
    expect(res.status).toBe(404);
  });
});
