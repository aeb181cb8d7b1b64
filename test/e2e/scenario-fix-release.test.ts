import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formBody, Scenario } from '../../dev/harness/scenario.js';
import { isWrite } from '../../dev/harness/desk.js';

/**
 * Seed 001 end to end, one week on the support-triage preset: L1 triages a report, L2 finds the
 * root cause and escalates it to L3 in the engineering repository (docker/pinata), the kit tracks
 * the engineering issue ("to make sure it is resolved"), tells the reporter when it is fixed, and
 * labels the support issue again as the fix reaches a pre-release, then a release. The weekly
 * report lists what still waits on engineering and the fixes released in the week.
 */
const TEAM = ['l1-sam', 'l2-kim'];
const ENGINEERING = 'docker/pinata';

const report = () =>
  formBody({
    'Diagnostics ID': '1A2B3C4D-1A2B-1A2B-1A2B-1A2B3C4D5E6F/20261123091500',
    Logs: '- [x] The diagnose tool uploaded the logs without an error',
    'What changed before it broke?': 'An upgrade',
    'Steps to reproduce':
      '1. Upgrade to 4.37 from the menu\n2. Restart the app\n3. Run docker ps: it hangs forever',
    'Expected and actual behaviour': 'docker ps lists the containers; instead it never returns.',
    'OS and version': 'macOS 15.2',
  });

let desk: Scenario;
let hang = 0;
let vpn = 0;

beforeAll(async () => {
  desk = await Scenario.start({
    preset: 'support-triage',
    now: '2026-11-20T10:00:00Z',
    team: TEAM,
    secrets: { 'escalation-token': 'engineering-token' },
    repos: [{ owner: 'docker', name: 'pinata', collaborators: ['l3-luc'] }],
  });
  desk.emulator.grantToken('engineering-token', { login: 'l3-luc', kind: 'user' });
  await desk.pushConfig('l2-kim');
  desk.store.pushCommit(ENGINEERING, 'Docker Desktop 4.36', { actor: 'l3-luc' });
  desk.store.createRelease(ENGINEERING, { tag_name: 'v4.36.0' }, { actor: 'l3-luc' });
});
afterAll(async () => desk?.close());

const labels = (n: number) => desk.labelsOf(n);
const kitComments = (n: number, kind: string) =>
  desk.issue(n).comments.filter((c) => c.body.startsWith(`<!-- support-kit:${kind}`));

describe('a fix followed from L1 to its release (seed 001, support-triage preset)', () => {
  it('Mon: L1 triages a complete report', async () => {
    desk.at('2026-11-23T09:00:00Z');
    hang = desk.open({ title: '[Problem]: docker ps hangs after upgrading', body: report() });
    await desk.issueEvent('opened', hang);

    await desk.comment(hang, 'l1-sam', 'Reproduced with the steps.\n/status acknowledged');

    expect(labels(hang)).toContain('status/1-acknowledged');
  });

  it('Tue: L2 finds the root cause and escalates to L3: the engineering issue opens, and the support issue waits on it', async () => {
    desk.at('2026-11-24T10:00:00Z');

    const run = await desk.comment(
      hang,
      'l2-kim',
      'Root cause: the socket proxy leaks a file descriptor per request.\n/escalate docker/pinata',
    );

    expect(run.exitCode).toBe(0);
    const l3 = desk.store.issue(ENGINEERING, 1);
    expect(l3.title).toBe(`[acme/desk#${hang}] [Problem]: docker ps hangs after upgrading`);
    expect(desk.store.blockersOf(desk.issue(hang)).map((b) => b.issue.number)).toEqual([1]);
    expect(labels(hang)).toEqual([
      'env/upgrade',
      'status/2-in-progress',
      'support-kit/awaiting-fix',
    ]);
  });

  it('Tue: the next scheduled runs write nothing while engineering works on it', async () => {
    desk.at('2026-11-24T10:22:00Z');

    const { escalate } = await desk.tick();

    expect(escalate.requests.filter(isWrite)).toEqual([]);
    // One query for the linked engineering issues, nothing else about them.
    expect(
      escalate.requests.filter((r) => String(JSON.stringify(r.body)).includes('stateReason')),
    ).toHaveLength(1);
  });

  it('Wed: a second report is linked by L2 to another engineering issue that stays open', async () => {
    desk.at('2026-11-25T08:00:00Z');
    desk.store.createIssue(ENGINEERING, { title: 'DNS breaks with split VPN', user: 'l3-luc' });
    vpn = desk.open({ title: '[Problem]: DNS fails on the VPN', body: report() });
    await desk.issueEvent('opened', vpn);

    await desk.comment(vpn, 'l2-kim', '/fixed-by docker/pinata#2');

    expect(labels(vpn)).toContain('support-kit/awaiting-fix');
    expect(labels(vpn)).toContain('status/2-in-progress');
  });

  it('Wed: L3 merges the fix; the schedule sets status/3-fixed and tells the reporter once', async () => {
    desk.at('2026-11-25T15:00:00Z');
    const fix = desk.store.pushCommit(ENGINEERING, 'Close the proxy socket (fixes #1)', {
      actor: 'l3-luc',
    });
    desk.store.closeByCommit(ENGINEERING, 1, fix, { actor: 'l3-luc' });
    desk.at('2026-11-25T15:07:00Z');

    await desk.tick();
    await desk.tick();

    expect(labels(hang)).toEqual(['env/upgrade', 'status/3-fixed', 'support-kit/awaiting-fix']);
    expect(kitComments(hang, 'fix-news').map((c) => c.body)).toEqual([
      expect.stringContaining(
        '@customer-eng: the engineering issue docker/pinata#1 was closed as fixed.',
      ),
    ]);
  });

  it('Thu: the beta holds the fix: status/4-fix-released-beta and the release link', async () => {
    desk.at('2026-11-26T09:00:00Z');
    desk.store.pushCommit(ENGINEERING, 'Docker Desktop 4.37 beta 1', { actor: 'l3-luc' });
    desk.store.createRelease(
      ENGINEERING,
      { tag_name: 'v4.37.0-beta1', prerelease: true },
      { actor: 'l3-luc' },
    );
    desk.at('2026-11-26T09:07:00Z');

    const { escalate } = await desk.tick();

    expect(labels(hang)).toEqual([
      'env/upgrade',
      'status/4-fix-released-beta',
      'support-kit/awaiting-fix',
    ]);
    expect(kitComments(hang, 'fix-news').at(-1)?.body).toContain(
      'is in the pre-release [v4.37.0-beta1](https://github.com/docker/pinata/releases/tag/v4.37.0-beta1)',
    );
    // The closing commit once, the releases once, one comparison for the one new release.
    expect(escalate.requests.filter((r) => r.path.endsWith('/events'))).toHaveLength(0);
    expect(escalate.requests.filter((r) => r.path.includes('/compare/'))).toHaveLength(1);
  });

  it('Fri: the stable release holds it: status/4-fix-released-stable, and the issue waits no more', async () => {
    desk.at('2026-11-27T09:00:00Z');
    desk.store.pushCommit(ENGINEERING, 'Docker Desktop 4.37', { actor: 'l3-luc' });
    desk.store.createRelease(ENGINEERING, { tag_name: 'v4.37.0' }, { actor: 'l3-luc' });
    desk.at('2026-11-27T09:07:00Z');

    await desk.tick();
    const { escalate } = await desk.tick();

    expect(labels(hang)).toEqual(['env/upgrade', 'status/4-fix-released-stable']);
    expect(kitComments(hang, 'fix-news')).toHaveLength(3);
    expect(escalate.requests.filter(isWrite)).toEqual([]);
  });

  it('Mon 30 Nov: the report lists what waits on engineering (since Wednesday, to the week end) and the fixes released in the week', async () => {
    desk.at('2026-11-30T12:17:00Z');

    const run = await desk.report();

    expect(run.exitCode).toBe(0);
    const body = desk.issuesLabelled('support-kit/report')[0]?.body ?? '';
    expect(body).toContain('## Waiting on engineering');
    expect(body).toMatch(
      new RegExp(
        `\\| \\[#\u2060${vpn}\\]\\(.*\\) \\| .*DNS fails on the VPN \\| \`docker/pinata#\u20602\` \\| 4d 16h \\|`,
      ),
    );
    expect(body).toContain('## Fixes released this week');
    expect(body).toMatch(new RegExp(`\\[#\u2060${hang}\\].* \\| pre-release \\| 2026-11-26 \\|`));
    expect(body).toMatch(new RegExp(`\\[#\u2060${hang}\\].* \\| release \\| 2026-11-27 \\|`));
  });
});
