import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type TokenGrant } from '../../dev/emulator/index.js';
import { call } from '../../dev/emulator/helpers.js';

const ICS = 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n';
const CALENDAR = { 'content-type': 'text/calendar; charset=utf-8' };

let gh: Emulator;
beforeEach(async () => {
  gh = await startEmulator({ seed: { repos: [{ owner: 'acme', name: 'desk' }] } });
});
afterEach(async () => {
  await gh.close();
});

function as(permissions: TokenGrant['permissions']) {
  gh.grantToken('t', {
    login: 'github-actions[bot]',
    kind: 'workflow',
    repositories: ['acme/desk'],
    permissions,
  });
  return (method: string, path: string, options: { body?: unknown; raw?: string } = {}) =>
    call<Record<string, unknown>>(gh, method, path, {
      token: 't',
      ...options,
      ...(options.raw !== undefined ? { headers: CALENDAR } : {}),
    });
}

const create = { body: { tag_name: 'support-kit-calendar', name: 'On-call calendars' } };

describe('releases, as GitHub serves them', () => {
  it('creates a release with `contents: write` only: `contents: read` is refused (403)', async () => {
    const refused = await as({ contents: 'read' })('POST', '/repos/acme/desk/releases', create);
    expect(refused.status).toBe(403);
    expect(gh.store.repo('acme/desk').releases).toEqual([]);

    const made = await as({ contents: 'write' })('POST', '/repos/acme/desk/releases', create);
    expect(made.status).toBe(201);
  });

  it('makes the tag from the head of the default branch when it does not exist', async () => {
    await as({ contents: 'write' })('POST', '/repos/acme/desk/releases', create);

    const tag = gh.store.repo('acme/desk').tags.get('support-kit-calendar');
    expect(tag?.type).toBe('commit');
    expect(gh.store.findRelease('acme/desk', 'support-kit-calendar')?.target_commitish).toBe(
      'main',
    );
  });

  it('keeps an existing tag where it is', async () => {
    const commit = 'b'.repeat(40);
    gh.store.setTag('acme/desk', 'support-kit-calendar', commit);

    await as({ contents: 'write' })('POST', '/repos/acme/desk/releases', create);

    expect(gh.store.repo('acme/desk').tags.get('support-kit-calendar')).toEqual({
      type: 'commit',
      sha: commit,
    });
  });

  it('refuses a second release of the same tag (422 already_exists)', async () => {
    const req = as({ contents: 'write' });
    await req('POST', '/repos/acme/desk/releases', create);
    const again = await req('POST', '/repos/acme/desk/releases', create);
    expect(again.status).toBe(422);
    expect(again.body.errors).toEqual([
      { resource: 'Release', code: 'already_exists', field: 'tag_name' },
    ]);
  });

  it('refuses an asset whose name another asset of the release has (422) until it is deleted', async () => {
    const req = as({ contents: 'write' });
    const release = await req('POST', '/repos/acme/desk/releases', create);
    const upload = `/api/uploads/repos/acme/desk/releases/${String(release.body.id)}/assets?name=person-alice.ics`;
    const first = await req('POST', upload, { raw: ICS });
    expect(first.status).toBe(201);

    expect((await req('POST', upload, { raw: ICS })).status).toBe(422);
    expect(
      (await req('DELETE', `/repos/acme/desk/releases/assets/${String(first.body.id)}`)).status,
    ).toBe(204);
    expect((await req('POST', upload, { raw: ICS })).status).toBe(201);
  });

  it('takes uploads on the uploads host the release names, and stores the file as sent', async () => {
    const req = as({ contents: 'write' });
    const release = await req('POST', '/repos/acme/desk/releases', create);
    const uploadUrl = String(release.body.upload_url);
    expect(uploadUrl).toBe(
      `${gh.url}/api/uploads/repos/acme/desk/releases/${String(release.body.id)}/assets{?name,label}`,
    );

    await req('POST', `${uploadUrl.replace(gh.url, '').replace('{?name,label}', '')}?name=a.ics`, {
      raw: ICS,
    });

    const [asset] = gh.store.findRelease('acme/desk', 'support-kit-calendar')?.assets ?? [];
    expect(asset).toMatchObject({
      name: 'a.ics',
      content: ICS,
      content_type: CALENDAR['content-type'],
    });
  });
});

describe('GitHub Pages, as GitHub serves it', () => {
  it('answers 404 while Pages is off, and how the site is built once it is on', async () => {
    const req = as({ pages: 'read' });
    expect((await req('GET', '/repos/acme/desk/pages')).status).toBe(404);

    gh.store.setPages('acme/desk', { build_type: 'workflow' });

    const on = await req('GET', '/repos/acme/desk/pages');
    expect(on.body).toMatchObject({
      build_type: 'workflow',
      html_url: 'https://acme.github.io/desk/',
    });
  });

  it('refuses a token without `pages` (403)', async () => {
    gh.store.setPages('acme/desk', { build_type: 'workflow' });
    expect((await as({ contents: 'write' })('GET', '/repos/acme/desk/pages')).status).toBe(403);
  });
});
