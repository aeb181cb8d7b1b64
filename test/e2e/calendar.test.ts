import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Emulator, webhookPayload } from '../../dev/emulator/index.js';
import { CONFIG, isWrite, REPO, routes, run, startDesk } from '../../dev/harness/desk.js';
import { projectRoot } from '../../dev/harness/run-action.js';
import { tempDir } from '../temp.js';

/**
 * The calendar workflow's publish step (dist/oncall with mode: calendar) on a push of roster.yaml
 * to the default branch, config read through the API at the pushed commit as the reusable
 * workflow does (no checkout). Seed 004's weekly rotation: one schedule, five people.
 */
const ROSTER = readFileSync(
  join(projectRoot(), 'test/unit/fixtures/roster/live-incident.yaml'),
  'utf8',
);
/** luc covers noah's primary for a day of noah's week (Mon 7 December). */
const COVER = ROSTER.replace(
  "    ref: '#57'\n",
  "    ref: '#57'\n  - schedule: live-incident\n    role: primary\n    person: luc\n    from: 2026-12-08T09:00\n    to: 2026-12-08T17:00\n",
);
const NOW = '2026-11-10T09:00:00Z';
const TAG = 'support-kit-calendar';
const FILES = [
  'person-amy.ics',
  'person-ivy.ics',
  'person-luc.ics',
  'person-noah.ics',
  'person-zoe.ics',
  'schedule-live-incident.ics',
];
const UPLOAD = 'POST /repos/{owner}/{repo}/releases/{release_id}/assets';
const DELETE = 'DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}';
const READS = [
  'POST /graphql', // roster.yaml at the pushed commit
  'GET /repos/{owner}/{repo}/pages',
  'GET /repos/{owner}/{repo}/releases/tags/{tag}',
];

let emulator: Emulator;
afterEach(async () => emulator?.close());

let commits = 0;
/** A push of this roster to the default branch, as the calendar caller's path filter lets through. */
function pushRoster(roster: string) {
  commits += 1;
  const sha = `${String(commits).padStart(2, '0')}${'ca1e'.repeat(10)}`.slice(0, 40);
  emulator.store.setFile(REPO, `${CONFIG}/roster.yaml`, roster);
  emulator.store.setFile(REPO, `${CONFIG}/roster.yaml`, roster, sha);
  return {
    name: 'push',
    payload: webhookPayload(emulator.store, 'push', {
      repo: REPO,
      after: sha,
      sender: 'amy',
      commits: [{ id: sha, message: 'Roster', modified: [`${CONFIG}/roster.yaml`] }],
    }),
  };
}

function publish(event: { name: string; payload: object }, inputs: Record<string, string> = {}) {
  return run(emulator, 'oncall', event, {
    inputs: { mode: 'calendar', ...inputs },
    env: { SUPPORT_KIT_NOW: NOW },
  });
}

const release = () => emulator.store.findRelease(REPO, TAG);
const assetNames = () => (release()?.assets ?? []).map((a) => a.name).sort();

describe('calendars on a release, where Pages is off (dist/oncall, mode calendar)', () => {
  it('creates the release once, from the default branch, and uploads every calendar', async () => {
    emulator = await startDesk({}, { now: NOW });

    const result = await publish(pushRoster(ROSTER));

    expect(result.exitCode).toBe(0);
    expect(routes(result.requests)).toEqual([
      ...READS,
      'POST /repos/{owner}/{repo}/releases',
      ...FILES.map(() => UPLOAD),
    ]);
    expect(release()).toMatchObject({ target_commitish: 'main', name: 'On-call calendars' });
    expect(emulator.store.repo(REPO).tags.has(TAG)).toBe(true);
    expect(assetNames()).toEqual(FILES);
    const amy = release()?.assets.find((a) => a.name === 'person-amy.ics');
    expect(amy?.content_type).toBe('text/calendar; charset=utf-8');
    expect(amy?.content).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*SUMMARY:live-incident primary: amy/);
    expect(result.outputs).toMatchObject({ target: 'release', deploy: 'false' });
  });

  it('uploads nothing when a run finds the same shifts, though DTSTAMP and SEQUENCE moved on', async () => {
    emulator = await startDesk({}, { now: NOW });
    await publish(pushRoster(ROSTER));
    const before = release()?.assets.map((a) => a.id);

    const again = await run(emulator, 'oncall', pushRoster(ROSTER), {
      inputs: { mode: 'calendar' },
      env: { SUPPORT_KIT_NOW: '2026-11-10T15:30:00Z' },
    });

    expect(again.exitCode).toBe(0);
    expect(routes(again.requests)).toEqual([
      ...READS,
      'GET /repos/{owner}/{repo}/releases/{release_id}/assets',
    ]);
    expect(again.requests.filter(isWrite)).toEqual([]);
    expect(release()?.assets.map((a) => a.id)).toEqual(before);
    expect(again.summary).toContain('6 calendars unchanged');
  });

  it('replaces only the calendars a cover moves: the schedule, who covers and who is covered', async () => {
    emulator = await startDesk({}, { now: NOW });
    await publish(pushRoster(ROSTER));
    const ids = new Map(release()?.assets.map((a) => [a.name, a.id]));

    const result = await publish(pushRoster(COVER));

    expect(result.exitCode).toBe(0);
    const replaced = ['person-luc.ics', 'person-noah.ics', 'schedule-live-incident.ics'];
    expect(routes(result.requests)).toEqual([
      ...READS,
      'GET /repos/{owner}/{repo}/releases/{release_id}/assets',
      ...replaced.flatMap(() => [DELETE, UPLOAD]),
    ]);
    const changed = (release()?.assets ?? []).filter((a) => ids.get(a.name) !== a.id);
    expect(changed.map((a) => a.name).sort()).toEqual(replaced);
    expect(assetNames()).toEqual(FILES);
    const luc = release()?.assets.find((a) => a.name === 'person-luc.ics');
    expect(luc?.content).toContain('DTSTART:20261208T170000Z');
  });

  it('writes the release and an asset whose answer was lost once, looking before writing again', async () => {
    emulator = await startDesk({}, { now: NOW });
    emulator.injectFault({
      kind: 'lost-reply',
      match: { route: 'POST /repos/{owner}/{repo}/releases' },
    });
    emulator.injectFault({ kind: 'lost-reply', match: { route: UPLOAD } });

    const result = await publish(pushRoster(ROSTER));

    expect(result.exitCode).toBe(0);
    expect(routes(result.requests)).toEqual([
      ...READS,
      'POST /repos/{owner}/{repo}/releases', // made; the answer lost
      'GET /repos/{owner}/{repo}/releases/tags/{tag}', // found: not made again
      UPLOAD, // made; the answer lost
      'GET /repos/{owner}/{repo}/releases/{release_id}/assets', // found: not uploaded again
      ...FILES.slice(1).map(() => UPLOAD),
    ]);
    expect(emulator.store.repo(REPO).releases).toHaveLength(1);
    expect(assetNames()).toEqual(FILES);
  });

  it('writes nothing in a dry run, and says what it would upload', async () => {
    emulator = await startDesk({}, { now: NOW });

    const result = await publish(pushRoster(ROSTER), { 'dry-run': 'true' });

    expect(result.exitCode).toBe(0);
    expect(result.requests.filter(isWrite)).toEqual([]);
    expect(release()).toBeUndefined();
    expect(result.summary).toContain('person-amy.ics on release support-kit-calendar');
  });
});

describe('calendars on GitHub Pages, deployed by a workflow (dist/oncall, mode calendar)', () => {
  it('writes every calendar and the index into the folder to deploy, and touches no release', async () => {
    emulator = await startDesk({}, { now: NOW });
    emulator.store.setPages(REPO, { build_type: 'workflow' });
    const folder = join(tempDir('support-kit-pages-'), 'site');

    const result = await publish(pushRoster(ROSTER), { 'calendar-folder': folder });

    expect(result.exitCode).toBe(0);
    expect(routes(result.requests)).toEqual(['POST /graphql', 'GET /repos/{owner}/{repo}/pages']);
    expect(readdirSync(folder).sort()).toEqual([...FILES, 'index.html'].sort());
    expect(readFileSync(join(folder, 'index.html'), 'utf8')).toContain(
      '<a href="https://acme.github.io/desk/person-amy.ics">',
    );
    expect(readFileSync(join(folder, 'person-zoe.ics'), 'utf8')).toMatch(/^BEGIN:VCALENDAR/);
    expect(release()).toBeUndefined();
    expect(result.outputs).toMatchObject({ target: 'pages', folder, deploy: 'true' });
  });

  it('goes to the release when Pages is built from a branch, which no workflow can deploy to', async () => {
    emulator = await startDesk({}, { now: NOW });
    emulator.store.setPages(REPO, { build_type: 'legacy' });

    const result = await publish(pushRoster(ROSTER));

    expect(result.exitCode).toBe(0);
    expect(assetNames()).toEqual(FILES);
    expect(result.summary).toContain('Pages is on but built from a branch');
  });

  it('fails, publishing nothing, when told to use Pages and Pages is off', async () => {
    emulator = await startDesk({}, { now: NOW });

    const result = await publish(pushRoster(ROSTER), { 'calendar-target': 'pages' });

    expect(result.exitCode).toBe(1);
    expect(result.requests.filter(isWrite)).toEqual([]);
    expect(result.outputs.deploy).toBe('false');
    expect(result.annotations.map((a) => a.message).join('\n')).toContain('Pages is off');
  });
});
