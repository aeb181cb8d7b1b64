import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../dev/emulator/index.js';
import { CONFIG, isWrite, REPO, routes, run, startDesk } from '../../dev/harness/desk.js';
import { type Receiver, slackProblems, startWebhook } from '../../dev/harness/receivers.js';
import { projectRoot } from '../../dev/harness/run-action.js';

const preset = (name: string) =>
  readFileSync(join(projectRoot(), `config/presets/${name}/roster.yaml`), 'utf8');
/** Seed 000: SFO, Paris, Cambridge, handing over at each site's opening. */
const FOLLOW_THE_SUN = preset('follow-the-sun');
/** Seed 004, which hands open incidents to the next primary, without the preset's override. */
const LIVE_INCIDENT = preset('live-incident').replace(/\noverrides:\n(?: .*\n)+/, '\n');
const PEOPLE = ['alice', 'bob', 'chloe', 'dan', 'emma', 'fred', 'amy', 'luc', 'ivy', 'noah', 'zoe'];
const TICK = { name: 'schedule', payload: { schedule: '7,22,37,52 * * * *' } };

let emulator: Emulator;
afterEach(async () => emulator?.close());

async function desk(): Promise<Emulator> {
  return startDesk({}, { repos: [{ owner: 'acme', name: 'desk', collaborators: PEOPLE }] });
}

const tick = (roster: string, now: string) =>
  run(emulator, 'oncall', TICK, {
    workspace: { [`${CONFIG}/roster.yaml`]: roster },
    env: { SUPPORT_KIT_NOW: now },
  });

/** The comment the kit leaves when it assigns an issue: what lets a hand-off move it. */
const ASSIGNED_BY_THE_KIT = [
  {
    user: 'github-actions[bot]',
    body: '<!-- support-kit:oncall -->\nAssigned to **luc**, the primary on call for live-incident.',
  },
];

/** Who each listing of open issues asked for. */
const listedAssignees = (requests: Emulator['requests']) =>
  requests.flatMap((r) =>
    r.route === 'GET /repos/{owner}/{repo}/issues' && r.query?.assignee ? [r.query.assignee] : [],
  );

const logs = () =>
  emulator.store
    .repo(REPO)
    .issues.filter((i) => i.labels.some((l) => l.name === 'oncall/handoff-log'));

describe('hand-off on the scheduled run (dist/oncall)', () => {
  it('logs the hand-off in the month’s log issue, mentioning the incoming person; a re-run writes nothing', async () => {
    emulator = await desk();
    const sfoIssue = emulator.store.createIssue(REPO, {
      title: 'Replication lag @everyone',
      user: 'customer',
      assignees: ['alice'],
      labels: ['S1-broken'],
    }).number;

    // Tuesday 08:05 in Paris: alice (SFO) handed over to chloe (Paris) at 08:00.
    const first = await tick(FOLLOW_THE_SUN, '2026-11-24T07:05:00Z');

    expect(first.exitCode).toBe(0);
    const [log] = logs();
    expect(log?.title).toBe('On-call hand-offs: follow-the-sun, 2026-11');
    expect(log?.comments).toHaveLength(1);
    const entry = log?.comments[0]?.body ?? '';
    expect(entry).toContain('@chloe is on call from Tue 2026-11-24 08:00 Europe/Paris');
    expect(entry).toContain(`- #${sfoIssue} Replication lag @\u2060everyone (stays with alice)`);
    expect(routes(first.requests)).toEqual([
      'GET /search/issues', // held issues
      'GET /repos/{owner}/{repo}/issues', // hand-off logs
      'GET /repos/{owner}/{repo}/issues', // open issues of the outgoing person
      'GET /repos/{owner}/{repo}/issues', // upsert the month's log: not there yet
      'POST /repos/{owner}/{repo}/issues',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    ]);
    expect(listedAssignees(first.requests)).toEqual(['alice']);

    const again = await tick(FOLLOW_THE_SUN, '2026-11-24T07:20:00Z');

    expect(logs()[0]?.comments).toHaveLength(1);
    expect(routes(again.requests)).toEqual([
      'GET /search/issues',
      'GET /repos/{owner}/{repo}/issues',
      'POST /graphql',
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
    ]);
  });

  it('catches up on Mondays a dropped cron missed, moves open incidents to the new primary, and rolls the log over the month', async () => {
    emulator = await desk();
    const incident = emulator.store.createIssue(REPO, {
      title: 'Render farm down',
      user: 'customer',
      assignees: ['luc'],
      labels: ['incident'],
      comments: ASSIGNED_BY_THE_KIT,
    }).number;
    const docs = emulator.store.createIssue(REPO, {
      title: 'Docs typo',
      user: 'customer',
      assignees: ['luc'],
    }).number;

    // Monday 2026-11-30 08:05 Pacific: luc hands over to ivy.
    await tick(LIVE_INCIDENT, '2026-11-30T16:05:00Z');
    expect(emulator.store.issue(REPO, incident).assignees).toEqual(['ivy']);

    // The cron is dropped for two weeks; the next run is Monday 2026-12-14 at 09:30 Pacific.
    const late = await tick(LIVE_INCIDENT, '2026-12-14T17:30:00Z');

    expect(late.exitCode).toBe(0);
    expect(emulator.store.issue(REPO, incident).assignees).toEqual(['zoe']);
    expect(emulator.store.issue(REPO, docs).assignees).toEqual(['luc']);
    const [november, december] = logs();
    expect(november?.state).toBe('closed');
    expect(december?.title).toBe('On-call hand-offs: live-incident, 2026-12');
    expect(december?.comments.map((c) => c.body.split('\n')[1])).toEqual([
      '### live-incident primary: ivy → noah',
      '### live-incident primary: noah → zoe',
    ]);
    expect(december?.comments[0]?.body).toContain('Logged 7 days after the hand-off');
    expect(routes(late.requests)).toEqual([
      'GET /search/issues',
      'GET /repos/{owner}/{repo}/issues', // logs
      'POST /graphql', // which the kit wrote
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments', // November's entries
      'GET /repos/{owner}/{repo}/issues', // open issues of ivy,
      'GET /repos/{owner}/{repo}/issues', // of noah,
      'GET /repos/{owner}/{repo}/issues', // and of luc, who handed off last time
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments', // did the kit assign the incident?
      'GET /repos/{owner}/{repo}/issues', // upsert December's log
      'POST /repos/{owner}/{repo}/issues',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/assignees', // zoe first
      'DELETE /repos/{owner}/{repo}/issues/{issue_number}/assignees', // then ivy off
      'PATCH /repos/{owner}/{repo}/issues/{issue_number}', // close November's log
    ]);
    expect(listedAssignees(late.requests)).toEqual(['ivy', 'noah', 'luc']);
  });

  it('leaves an incident a person assigned by hand with them, and says so (research §10 #25)', async () => {
    emulator = await desk();
    const byHand = emulator.store.createIssue(REPO, {
      title: 'Render farm down',
      user: 'customer',
      assignees: ['luc'],
      labels: ['incident'],
      comments: [{ user: 'amy', body: 'luc, this one is yours: you know the farm.' }],
    }).number;

    const result = await tick(LIVE_INCIDENT, '2026-11-30T16:05:00Z');

    expect(result.exitCode).toBe(0);
    expect(emulator.store.issue(REPO, byHand).assignees).toEqual(['luc']);
    expect(logs()[0]?.comments[0]?.body).toContain(
      `- #${byHand} Render farm down (stays with luc: assigned by a person)`,
    );
    expect(routes(result.requests)).not.toContain(
      'POST /repos/{owner}/{repo}/issues/{issue_number}/assignees',
    );
  });

  it('keeps the old assignee when GitHub refuses the new one, says so, and retries on the next run', async () => {
    emulator = await startDesk(
      {},
      { repos: [{ owner: 'acme', name: 'desk', collaborators: ['amy', 'luc', 'noah', 'zoe'] }] },
    );
    const incident = emulator.store.createIssue(REPO, {
      title: 'Render farm down',
      user: 'customer',
      assignees: ['luc'],
      labels: ['incident'],
      comments: ASSIGNED_BY_THE_KIT,
    }).number;

    const result = await tick(LIVE_INCIDENT, '2026-11-30T16:05:00Z');

    expect(result.exitCode).toBe(1);
    expect(emulator.store.issue(REPO, incident).assignees).toEqual(['luc']);
    expect(result.stdout + result.stderr).toMatch(
      /GitHub did not assign ivy to #\d+ .*luc keeps it/,
    );
    expect(logs()[0]?.comments).toHaveLength(1);
    expect(logs()[0]?.comments[0]?.body).toContain('(to be reassigned to ivy)');

    // ivy gets access; the next scheduled run finds the incident still with luc and retries.
    emulator.store.addCollaborator(REPO, 'ivy');
    const retry = await tick(LIVE_INCIDENT, '2026-11-30T16:20:00Z');

    expect(retry.exitCode).toBe(0);
    expect(emulator.store.issue(REPO, incident).assignees).toEqual(['ivy']);
    expect(logs()[0]?.comments).toHaveLength(1);
    expect(routes(retry.requests)).toEqual([
      'GET /search/issues',
      'GET /repos/{owner}/{repo}/issues', // logs
      'POST /graphql', // which the kit wrote
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments', // the entry: luc → ivy at 08:00
      'GET /repos/{owner}/{repo}/issues', // luc's open issues
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments', // the kit assigned the incident
      'POST /repos/{owner}/{repo}/issues/{issue_number}/assignees', // ivy first
      'DELETE /repos/{owner}/{repo}/issues/{issue_number}/assignees', // then luc off
    ]);

    // Once the move took, a run confirms it with one listing and writes nothing.
    const settled = await tick(LIVE_INCIDENT, '2026-11-30T16:35:00Z');
    expect(settled.requests.filter(isWrite)).toEqual([]);
  });
});

describe('hand-off posts to the webhook (dist/oncall)', () => {
  let hook: Receiver | undefined;
  afterEach(async () => hook?.close());
  const WANTS_HANDOFFS = 'version: 1\nnotifications:\n  webhook:\n    events: [handoff]\n';
  const tickWithHook = (escalation: string, now: string) =>
    run(emulator, 'oncall', TICK, {
      workspace: {
        [`${CONFIG}/roster.yaml`]: FOLLOW_THE_SUN,
        [`${CONFIG}/escalation.yaml`]: escalation,
      },
      inputs: { 'slack-webhook-url': `${hook?.url}/hook` },
      env: { SUPPORT_KIT_NOW: now },
    });

  it('posts each logged hand-off once, linking to the log issue the same run opens; a re-run posts nothing', async () => {
    emulator = await desk();
    hook = await startWebhook();

    const first = await tickWithHook(WANTS_HANDOFFS, '2026-11-24T07:05:00Z');

    expect(first.exitCode).toBe(0);
    const [log] = logs();
    expect(hook.received.map((r) => [r.method, r.path, r.contentType])).toEqual([
      ['POST', '/hook', 'application/json'],
    ]);
    expect(slackProblems(hook.received[0]?.body)).toEqual([]);
    expect(hook.received[0]?.body).toEqual({
      text: `:arrows_counterclockwise: <https://github.com/acme/desk/issues/${log?.number}|follow-the-sun primary>: alice → *chloe* is on call from Tue 2026-11-24 08:00 Europe/Paris`,
    });
    expect(routes(first.requests)).toEqual([
      'GET /search/issues',
      'GET /repos/{owner}/{repo}/issues',
      'GET /repos/{owner}/{repo}/issues',
      'GET /repos/{owner}/{repo}/issues',
      'POST /repos/{owner}/{repo}/issues',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    ]);

    const again = await tickWithHook(WANTS_HANDOFFS, '2026-11-24T07:20:00Z');

    expect(again.exitCode).toBe(0);
    expect(hook.received).toHaveLength(1);
  });

  it('posts nothing when escalation.yaml’s webhook events leave out handoff, and fails the run when the webhook refuses', async () => {
    emulator = await desk();
    hook = await startWebhook();

    const quiet = await tickWithHook(
      'version: 1\nnotifications:\n  webhook:\n    events: [escalation]\n',
      '2026-11-24T07:05:00Z',
    );

    expect(quiet.exitCode).toBe(0);
    expect(logs()[0]?.comments).toHaveLength(1);
    expect(hook.received).toEqual([]);

    // The next hand-off (Paris to Cambridge at 12:00 London) meets a webhook answering 500.
    hook.fail(500, 3);
    const refused = await tickWithHook(WANTS_HANDOFFS, '2026-11-24T12:05:00Z');

    expect(refused.exitCode).toBe(1);
    // Refused three times: twice more within the run, then left failed.
    expect(hook.received).toHaveLength(3);
    expect(logs()[0]?.comments).toHaveLength(2);
    expect(refused.summary).toMatch(
      /notify the webhook \\\(handoff:follow-the-sun:.*❌ failed: webhook answered 500/,
    );
    // The log records the post that failed, and the next tick sends it and clears the record.
    expect(logs()[0]?.body).toMatch(/support-kit:notify-pending channel=webhook key=handoff%3A/);

    const retried = await tickWithHook(WANTS_HANDOFFS, '2026-11-24T12:20:00Z');

    expect(retried.exitCode).toBe(0);
    expect(hook.received).toHaveLength(4);
    expect(hook.received[3]?.body).toEqual(hook.received[0]?.body);
    expect(logs()[0]?.body).not.toMatch(/notify-pending/);
    expect(logs()[0]?.comments).toHaveLength(2);
  });
});
