import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../dev/emulator/index.js';
import { call } from '../../dev/emulator/helpers.js';

/**
 * What the kit reads to tell whether a fix is released: the releases newest first
 * (docs.github.com/rest/releases/releases#list-releases), the commit that closed an issue in its
 * `closed` event (docs.github.com/rest/using-the-rest-api/issue-event-types#closed), and a
 * comparison of two refs (docs.github.com/rest/commits/commits#compare-two-commits).
 */
let gh: Emulator;
let fix = '';
beforeEach(async () => {
  gh = await startEmulator({
    seed: {
      users: [{ login: 'luc' }],
      repos: [
        {
          owner: 'docker',
          name: 'pinata',
          collaborators: ['luc'],
          issues: [{ title: 'Leak', user: 'luc' }],
        },
      ],
    },
  });
  gh.store.pushCommit('docker/pinata', 'Start');
  gh.store.createRelease('docker/pinata', { tag_name: 'v1.0.0' });
  fix = gh.store.pushCommit('docker/pinata', 'Close the socket (fixes #1)');
  gh.store.closeByCommit('docker/pinata', 1, fix, { actor: 'luc' });
  gh.store.createRelease('docker/pinata', { tag_name: 'v1.1.0-rc1', prerelease: true });
});
afterEach(async () => {
  await gh.close();
});

const compare = (basehead: string) =>
  call<{ status: string; ahead_by: number; behind_by: number }>(
    gh,
    'GET',
    `/repos/docker/pinata/compare/${basehead}`,
  );

describe('releases, closing commits and comparisons', () => {
  it('lists releases newest first, with whether each is a pre-release', async () => {
    const listed = await call<{ tag_name: string; prerelease: boolean }[]>(
      gh,
      'GET',
      '/repos/docker/pinata/releases',
    );

    expect(listed.body.map((r) => [r.tag_name, r.prerelease])).toEqual([
      ['v1.1.0-rc1', true],
      ['v1.0.0', false],
    ]);
  });

  it('names the commit that closed the issue in its closed event', async () => {
    const events = await call<{ event: string; commit_id: string | null }[]>(
      gh,
      'GET',
      '/repos/docker/pinata/issues/1/events',
    );

    expect(events.body.find((e) => e.event === 'closed')?.commit_id).toBe(fix);
  });

  it('says a commit is in a tag (ahead or identical) or not (behind)', async () => {
    const [inRc, same, notInOld] = await Promise.all([
      compare(`${fix}...v1.1.0-rc1`),
      compare(`${fix}...${fix}`),
      compare(`${fix}...v1.0.0`),
    ]);

    expect([inRc.body.status, same.body.status, notInOld.body.status]).toEqual([
      'identical',
      'identical',
      'behind',
    ]);
    expect(notInOld.body.behind_by).toBe(1);
  });

  it('counts the commits a later tag has beyond the fix', async () => {
    gh.store.pushCommit('docker/pinata', 'Release notes');
    gh.store.createRelease('docker/pinata', { tag_name: 'v1.1.0' });

    const answer = await compare(`${fix}...v1.1.0`);

    expect(answer.body).toMatchObject({ status: 'ahead', ahead_by: 1, behind_by: 0 });
  });

  it('answers 404 for a ref the repository does not have', async () => {
    expect((await compare(`${fix}...v9`)).status).toBe(404);
  });
});
