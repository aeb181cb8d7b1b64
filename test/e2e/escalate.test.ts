import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Emulator, webhookPayload } from '../../dev/emulator/index.js';
import { CONFIG, REPO, routes, run, startDesk } from '../../dev/harness/desk.js';
import {
  pagerDutyProblems,
  type Receiver,
  slackProblems,
  startPagerDuty,
  startWebhook,
} from '../../dev/harness/receivers.js';
import { projectRoot } from '../../dev/harness/run-action.js';

/**
 * Seed 004's desk: weekly primary and backup, business hours 8-12 and 1-5 Pacific, LLNL
 * holidays (Friday 3 July 2026 is Independence Day observed). S1 issues must be acknowledged
 * within one business hour; then the backup is assigned, an hour later the leads are mentioned.
 */
const ROSTER = readFileSync(
  join(projectRoot(), 'test/unit/fixtures/roster/live-incident.yaml'),
  'utf8',
);
const ROUTING_KEY = 'R0UT1NGKEY0123456789ABCDEFGHIJKL';
const TEAM = [
  'amy',
  'luc',
  'ivy',
  'noah',
  'zoe',
  { login: 'tess', permission: 'triage' as const },
  { login: 'rita', permission: 'read' as const },
];

function escalationYaml(pagerDutyUrl: string): string {
  return `version: 1
severities: [S0-catastrophic, S1-broken, S2-major, S3-minor]
response:
  goals:
    - labels: [S0-catastrophic, S1-broken]
      minutes: 60
    - minutes: 480
escalation:
  steps:
    - assign: backup
    - after-minutes: 60
      mention: '@acme/incident-leads'
notifications:
  pagerduty:
    url: ${pagerDutyUrl}
    labels: [S0-catastrophic, S1-broken]
  webhook:
    events: [escalation, handoff]
`;
}

let emulator: Emulator;
let pagerDuty: Receiver;
let webhook: Receiver;
afterEach(async () => {
  await emulator?.close();
  await pagerDuty?.close();
  await webhook?.close();
});

async function desk(): Promise<void> {
  emulator = await startDesk({}, { repos: [{ owner: 'acme', name: 'desk', collaborators: TEAM }] });
  pagerDuty = await startPagerDuty();
  webhook = await startWebhook();
}

/** The action at a frozen instant, with its config checked out and its secrets as inputs. */
function escalateAt(now: string, event: { name: string; payload: object }) {
  emulator.setClock(now);
  return run(emulator, 'escalate', event, {
    workspace: {
      [`${CONFIG}/roster.yaml`]: ROSTER,
      [`${CONFIG}/escalation.yaml`]: escalationYaml(`${pagerDuty.url}/v2/enqueue`),
    },
    inputs: { 'pagerduty-routing-key': ROUTING_KEY, 'slack-webhook-url': `${webhook.url}/hook` },
    env: { SUPPORT_KIT_NOW: now },
  });
}

const tick = () => ({ name: 'schedule', payload: { schedule: '7,22,37,52 * * * *' } });
const issue = (n: number) => emulator.store.issue(REPO, n);
const labels = (n: number) => issue(n).labels.map((l) => l.name);

/** Opened Thursday 2 July 16:30 Pacific, assigned to amy, the primary that week. */
function openS1(createdAt = '2026-07-02T23:30:00Z'): number {
  emulator.setClock(createdAt);
  return emulator.store.createIssue(REPO, {
    title: 'Visit crashes opening @everyone <!channel> data & more',
    body: 'Crash on open.',
    user: 'customer-eng',
    labels: ['incident', 'S1-broken'],
    assignees: ['amy'],
    created_at: createdAt,
  }).number;
}

const opened = (n: number) => ({
  name: 'issues',
  payload: webhookPayload(emulator.store, 'issues', { repo: REPO, action: 'opened', number: n }),
});

function commented(n: number, user: string, body: string, at: string) {
  emulator.setClock(at);
  const comment = emulator.store.addComment(REPO, n, { user, body, created_at: at });
  return {
    name: 'issue_comment',
    payload: webhookPayload(emulator.store, 'issue_comment', {
      repo: REPO,
      action: 'created',
      number: n,
      comment_id: comment.id,
    }),
  };
}

const LIST = 'GET /repos/{owner}/{repo}/issues';
const ISSUE = 'GET /repos/{owner}/{repo}/issues/{issue_number}';
const COMMENTS = 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments';
const COMMENT = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments';
const EDIT_COMMENT = 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}';
const ADD_LABELS = 'POST /repos/{owner}/{repo}/issues/{issue_number}/labels';
const ASSIGN = 'POST /repos/{owner}/{repo}/issues/{issue_number}/assignees';
const PERMISSION = 'GET /repos/{owner}/{repo}/collaborators/{username}/permission';
const EVENTS = 'GET /repos/{owner}/{repo}/issues/{issue_number}/events';
const REMOVE_LABEL = 'DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}';
/** Who the kit's token writes as: asked once in a run that meets a marker, before trusting it. */
const VIEWER = 'POST /graphql';

describe('escalation (dist/escalate)', () => {
  it('never puts the kit\u2019s own records (a hand-off log, a weekly report) on the clock, nor pages for them', async () => {
    await desk();
    emulator.setClock('2026-07-01T16:00:00Z');
    const log = emulator.store.createIssue(REPO, {
      title: 'On-call hand-offs: live-incident, 2026-07',
      body: '<!-- support-kit:handoff-log month=2026-07 schedule=live-incident -->\nEvery hand-off.',
      labels: ['oncall/handoff-log'],
      created_at: '2026-07-01T16:00:00Z',
    }).number;

    const sweep = await escalateAt('2026-07-03T16:07:00Z', tick());

    expect(sweep.exitCode).toBe(0);
    expect(pagerDuty.received).toEqual([]);
    expect(issue(log).comments).toEqual([]);
    expect(labels(log)).toEqual(['oncall/handoff-log']);
    expect(routes(sweep.requests)).toEqual([LIST, LIST, VIEWER]);
  });

  it('an S1 issue unanswered for 61 business minutes escalates once, across a weekend and a holiday', async () => {
    await desk();
    const n = openS1();

    const arrival = await escalateAt('2026-07-02T23:31:00Z', opened(n));
    expect(arrival.exitCode).toBe(0);
    // The issue read fresh (intake may have labelled it in the same job), its comments, the one comment.
    expect(routes(arrival.requests)).toEqual([ISSUE, COMMENTS, COMMENT]);
    expect(pagerDuty.received.map((r) => r.body)).toEqual([
      expect.objectContaining({
        routing_key: ROUTING_KEY,
        event_action: 'trigger',
        dedup_key: 'acme/desk#1',
      }),
    ]);

    // The holiday, then Monday 08:29: 59 business minutes, nothing due, nothing written (a
    // paged issue's comments are read on every sweep, for a notification to retry).
    for (const now of ['2026-07-03T19:00:00Z', '2026-07-06T15:29:00Z']) {
      const quiet = await escalateAt(now, tick());
      expect(routes(quiet.requests)).toEqual([LIST, LIST, COMMENTS, VIEWER]);
    }

    const due = await escalateAt('2026-07-06T15:31:00Z', tick());

    expect(due.exitCode).toBe(0);
    expect(routes(due.requests)).toEqual([
      LIST,
      LIST,
      COMMENTS,
      VIEWER,
      ADD_LABELS,
      ASSIGN,
      COMMENT,
      EDIT_COMMENT,
    ]);
    expect(labels(n)).toEqual(['incident', 'S1-broken', 'escalated/1']);
    expect(issue(n).assignees).toEqual(['amy', 'ivy']);
    const step = issue(n).comments.find((c) => c.body.includes('support-kit:escalation-step'));
    expect(step?.body).toMatch(
      /Escalation, step 1.*within the response goal of 60 business minutes \(due Mon 2026-07-06 08:30 America\/Los_Angeles\)\. Assigned @ivy\. @ivy: please acknowledge/s,
    );
    expect(pagerDuty.received).toHaveLength(2);
    expect(pagerDuty.received[1]?.body).toMatchObject({
      event_action: 'trigger',
      dedup_key: 'acme/desk#1',
      payload: { severity: 'error', source: 'acme/desk', timestamp: '2026-07-06T15:30:00.000Z' },
    });
    for (const r of pagerDuty.received) expect(pagerDutyProblems(r.body)).toEqual([]);
    expect(webhook.received).toHaveLength(1);
    expect(slackProblems(webhook.received[0]?.body)).toEqual([]);
    expect((webhook.received[0]?.body as { text: string }).text).toContain(
      'Visit crashes opening @\u2060everyone &lt;!channel&gt; data &amp; more',
    );

    const again = await escalateAt('2026-07-06T15:45:00Z', tick());
    expect(routes(again.requests)).toEqual([LIST, LIST, COMMENTS, VIEWER]);
    expect(issue(n).comments.filter((c) => c.body.includes('escalation-step'))).toHaveLength(1);
    expect(pagerDuty.received).toHaveLength(2);
    expect(webhook.received).toHaveLength(1);
  });

  it('an issue waiting on its reporter is not escalated; their answer restarts the clock where it stopped', async () => {
    await desk();
    const WAIT = 'status/0-more-info-needed';
    const pausing = `version: 1
response:
  goals:
    - labels: [S1-broken]
      minutes: 60
  pause-while: [${WAIT}]
escalation:
  steps:
    - assign: backup
`;
    const sweepAt = (now: string) => {
      emulator.setClock(now);
      return run(emulator, 'escalate', tick(), {
        workspace: { [`${CONFIG}/roster.yaml`]: ROSTER, [`${CONFIG}/escalation.yaml`]: pausing },
        env: { SUPPORT_KIT_NOW: now },
      });
    };
    // Tuesday 09:00 Pacific; the team asks for logs ten minutes in, with 50 minutes left.
    const n = openS1('2026-07-07T16:00:00Z');
    emulator.setClock('2026-07-07T16:10:00Z');
    emulator.store.addLabels(REPO, n, [WAIT], { actor: 'amy' });

    const nextDay = await sweepAt('2026-07-08T15:52:00Z');
    expect(routes(nextDay.requests)).toEqual([LIST, EVENTS]);
    expect(issue(n).assignees).toEqual(['amy']);

    // Wednesday 09:00 the reporter answers; the label stays on. 09:49: 49 of the 50 minutes.
    emulator.setClock('2026-07-08T16:00:00Z');
    emulator.store.addComment(REPO, n, { user: 'customer-eng', body: 'Logs attached.' });
    const before = await sweepAt('2026-07-08T16:49:00Z');
    expect(routes(before.requests)).toEqual([LIST, COMMENTS, EVENTS]);

    const due = await sweepAt('2026-07-08T16:52:00Z');
    expect(routes(due.requests)).toEqual([
      LIST,
      COMMENTS,
      EVENTS,
      ADD_LABELS,
      ASSIGN,
      COMMENT,
      COMMENT,
    ]);
    expect(issue(n).assignees).toEqual(['amy', 'ivy']);
    const step = issue(n).comments.find((c) => c.body.includes('support-kit:escalation-step'));
    expect(step?.body).toContain('(due Wed 2026-07-08 09:50 America/Los_Angeles)');
    expect(step?.body).toContain(
      '- Waiting on the reporter from Tue 2026-07-07 09:10 America/Los_Angeles to Wed 2026-07-08 09:00 America/Los_Angeles: not counted.',
    );
  });

  it('a sweep near the hour\u2019s request limit escalates what it can write, leaves the rest to the next run and refuses nothing', async () => {
    await desk();
    const issues = [0, 1, 2, 3].map(() => openS1());
    for (const n of issues) await escalateAt('2026-07-02T23:31:00Z', opened(n));
    // 214 requests left this hour: a sweep keeps 200 for the runs events start.
    emulator.setClock('2026-07-06T15:31:00Z');
    emulator.leaveRateLimit('core', 214, REPO);

    const short = await escalateAt('2026-07-06T15:31:00Z', tick());

    expect(short.exitCode).toBe(0);
    expect(short.stdout).toMatch(/2 issue\(s\) left for the next run \(#\d, #\d\)/);
    expect(short.requests.filter((r) => r.route !== VIEWER)).toHaveLength(2 + 2 * 5);
    expect(short.requests.every((r) => r.status < 400)).toBe(true);
    expect(issues.filter((n) => issue(n).assignees.includes('ivy'))).toHaveLength(2);

    // The hour turns: the next sweep takes the two it left.
    const next = await escalateAt('2026-07-06T16:32:00Z', tick());
    expect(next.exitCode).toBe(0);
    expect(next.requests.every((r) => r.status < 400)).toBe(true);
    expect(issues.filter((n) => issue(n).assignees.includes('ivy'))).toHaveLength(4);
    for (const n of issues)
      expect(issue(n).comments.filter((c) => c.body.includes('Escalation, step 1'))).toHaveLength(
        1,
      );
  });

  it('an event run that meets a spent hourly budget stops at once, fails nothing, and the next sweep pages', async () => {
    await desk();
    const n = openS1();
    emulator.setClock('2026-07-02T23:31:00Z');
    emulator.leaveRateLimit('core', 0, REPO);

    const arrival = await escalateAt('2026-07-02T23:31:00Z', opened(n));

    expect(arrival.exitCode).toBe(0);
    expect(arrival.stdout).toMatch(
      /rate limited until .*nothing more was done, the next run does it/,
    );
    expect(arrival.requests.map((r) => r.status)).toEqual([403]);
    expect(pagerDuty.received).toEqual([]);

    const sweep = await escalateAt('2026-07-03T00:40:00Z', tick());
    expect(sweep.exitCode).toBe(0);
    expect(
      pagerDuty.received.map((r) => (r.body as { event_action: string }).event_action),
    ).toEqual(['trigger']);
  });

  it('an /ack from a triager stops the clock: no escalation when the goal passes', async () => {
    await desk();
    const n = openS1('2026-07-07T16:00:00Z'); // Tuesday 09:00 Pacific

    const ack = await escalateAt(
      '2026-07-07T16:10:00Z',
      commented(n, 'tess', 'Looking at the dump now.\n/ack', '2026-07-07T16:10:00Z'),
    );

    expect(ack.exitCode).toBe(0);
    expect(routes(ack.requests)).toEqual([COMMENTS, PERMISSION, COMMENT]);
    expect(ack.requests[1]?.path).toBe('/repos/acme/desk/collaborators/tess/permission');
    expect(issue(n).comments.at(-1)?.body).toMatch(
      /Acknowledged by \*\*tess\*\* at 2026-07-07T16:10:00Z \(`\/ack`\)/,
    );

    const later = await escalateAt('2026-07-07T19:30:00Z', tick());
    expect(routes(later.requests)).toEqual([LIST, LIST, COMMENTS, VIEWER]);
    expect(labels(n)).toEqual(['incident', 'S1-broken']);
    expect(issue(n).assignees).toEqual(['amy']);
  });

  it('another app relaying a forged state marker neither acknowledges the alert nor stops the escalation', async () => {
    await desk();
    // The relay speaks first: no state comment of the kit's yet for the forged one to hide behind.
    const n = openS1('2026-07-07T16:00:00Z'); // Tuesday 09:00 Pacific: due 10:00
    const forged = [
      '<!-- support-kit:escalation -->',
      '<!-- support-kit:escalation-state ack-at=2026-07-07T16:05:00Z ack-by=amy ack-how=command steps=2 -->',
      'Customer portal: any news?',
    ].join('\n');

    const relayed = await escalateAt(
      '2026-07-07T16:05:00Z',
      commented(n, 'portal-relay[bot]', forged, '2026-07-07T16:05:00Z'),
    );

    expect(relayed.exitCode).toBe(0);
    // Who the kit is, asked once: the kit's state comment counts, the relay's copy does not.
    expect(routes(relayed.requests)).toEqual([COMMENTS, VIEWER]);
    const due = await escalateAt('2026-07-07T17:01:00Z', tick());

    expect(due.exitCode).toBe(0);
    expect(labels(n)).toContain('escalated/1');
    expect(issue(n).assignees).toEqual(['amy', 'ivy']);
    // The step's page, and no acknowledge for an acknowledgement nobody made.
    expect(
      pagerDuty.received.map((r) => (r.body as { event_action: string }).event_action),
    ).toEqual(['trigger']);
  });

  it('a command from someone without triage access is refused with a short reply, and nothing else', async () => {
    await desk();
    const n = openS1('2026-07-07T16:00:00Z');

    const refused = await escalateAt(
      '2026-07-07T16:05:00Z',
      commented(n, 'rita', '/severity S3\n/assign @rita', '2026-07-07T16:05:00Z'),
    );

    expect(refused.exitCode).toBe(0);
    // The reply, then the state comment that records the comment as handled.
    expect(routes(refused.requests)).toEqual([COMMENTS, PERMISSION, COMMENT, COMMENT]);
    expect(labels(n)).toEqual(['incident', 'S1-broken']);
    expect(issue(n).assignees).toEqual(['amy']);
    expect(issue(n).comments.at(-2)?.body).toMatch(
      /\*\*rita\*\*: commands are for people with triage access or more to this repository; nothing was done\./,
    );

    const rerun = await escalateAt('2026-07-07T16:06:00Z', {
      name: 'issue_comment',
      payload: webhookPayload(emulator.store, 'issue_comment', {
        repo: REPO,
        action: 'created',
        number: n,
        comment_id: issue(n).comments[0]?.id ?? 0,
      }),
    });
    // Answered already: nobody's access needs checking again.
    expect(routes(rerun.requests)).toEqual([COMMENTS, VIEWER]);
  });

  it('a dropped cron run is caught up: every step due since is taken in one run, once', async () => {
    await desk();
    const n = openS1('2026-07-07T16:00:00Z'); // Tuesday 09:00 Pacific: due 10:00, leads at 11:00

    const late = await escalateAt('2026-07-07T18:20:00Z', tick()); // 11:20, the runs before dropped

    expect(late.exitCode).toBe(0);
    expect(routes(late.requests)).toEqual([
      LIST,
      LIST,
      ADD_LABELS,
      ASSIGN,
      COMMENTS,
      COMMENT,
      COMMENT,
      COMMENT,
    ]);
    expect(labels(n)).toEqual(['incident', 'S1-broken', 'escalated/2']);
    const steps = issue(n).comments.filter((c) => c.body.includes('escalation-step'));
    expect(steps.map((c) => c.body.match(/step (\d)/)?.[1])).toEqual(['1', '2']);
    expect(steps[1]?.body).toMatch(
      /60 business minutes past the response goal.*@acme\/incident-leads/s,
    );
    expect(
      pagerDuty.received.map(
        (r) => (r.body as { payload: { timestamp: string } }).payload.timestamp,
      ),
    ).toEqual(['2026-07-07T17:00:00.000Z', '2026-07-07T18:00:00.000Z']);

    const next = await escalateAt('2026-07-07T18:35:00Z', tick());
    expect(routes(next.requests)).toEqual([LIST, LIST, COMMENTS, VIEWER]);
    expect(pagerDuty.received).toHaveLength(2);
  });

  it('a step whose assignment GitHub refuses for a whole run is not recorded: the next sweep takes it, once', async () => {
    await desk();
    const n = openS1('2026-07-07T16:00:00Z');
    emulator.injectFault({
      kind: 'server-error',
      status: 503,
      times: 20,
      match: { route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/assignees' },
    });

    const failed = await escalateAt('2026-07-07T17:01:00Z', tick());

    expect(failed.exitCode).toBe(1);
    expect(issue(n).assignees).toEqual(['amy']);
    const state = () => issue(n).comments.find((c) => c.body.includes('escalation-state'))?.body;
    expect(state()).toMatch(/steps=0/);
    expect(issue(n).comments.filter((c) => c.body.includes('escalation-step'))).toEqual([]);
    expect(failed.summary).toContain('held for the next run');

    emulator.clearFaults();
    const next = await escalateAt('2026-07-07T17:16:00Z', tick());

    expect(next.exitCode).toBe(0);
    expect(routes(next.requests)).toEqual([
      LIST,
      LIST,
      COMMENTS,
      VIEWER,
      ASSIGN,
      COMMENT,
      EDIT_COMMENT,
    ]);
    expect(issue(n).assignees).toEqual(['amy', 'ivy']);
    expect(state()).toMatch(/steps=1/);
    expect(issue(n).comments.filter((c) => c.body.includes('escalation-step'))).toHaveLength(1);
    // The page went out in the first run and is recorded as sent: it is not sent again.
    expect(pagerDuty.received).toHaveLength(1);
  });

  it('finds its state past the first hundred comments: a busy issue is not escalated twice', async () => {
    await desk();
    const n = openS1('2026-07-07T16:00:00Z');
    await escalateAt('2026-07-07T17:01:00Z', tick());
    // 150 customer comments after the step (the author's own never acknowledge).
    for (let i = 0; i < 150; i++)
      emulator.store.addComment(REPO, n, {
        user: 'customer-eng',
        body: `Still broken (${i}).`,
        created_at: '2026-07-07T17:05:00Z',
      });

    const next = await escalateAt('2026-07-07T17:16:00Z', tick());

    expect(next.exitCode).toBe(0);
    // Two pages of comments (100, then 52), and nothing written.
    expect(routes(next.requests)).toEqual([LIST, LIST, COMMENTS, COMMENTS, VIEWER]);
    expect(issue(n).comments.filter((c) => c.body.includes('escalation-step'))).toHaveLength(1);
  });

  it('a failing PagerDuty endpoint is reported, never blocks the GitHub writes, and is retried on the next run', async () => {
    await desk();
    const n = openS1('2026-07-07T16:00:00Z');
    pagerDuty.fail(500, 3);

    const failed = await escalateAt('2026-07-07T17:01:00Z', tick());

    expect(failed.exitCode).toBe(1);
    expect(failed.summary).toMatch(
      /notify PagerDuty \\\(pd-step-1\\\).*❌ failed: PagerDuty answered 500/,
    );
    expect(labels(n)).toContain('escalated/1');
    expect(issue(n).assignees).toEqual(['amy', 'ivy']);
    expect(webhook.received).toHaveLength(1);
    const state = () => issue(n).comments.find((c) => c.body.includes('support-kit:escalation '));
    expect(state()?.body).toMatch(
      /support-kit:notify-pending channel=pagerduty key=pd-step-1 payload=/,
    );
    expect(labels(n)).toContain('support-kit/notify-pending');

    const retried = await escalateAt('2026-07-07T17:16:00Z', tick());

    expect(retried.exitCode).toBe(0);
    expect(routes(retried.requests)).toEqual([
      LIST,
      LIST,
      COMMENTS,
      VIEWER,
      EDIT_COMMENT,
      REMOVE_LABEL,
    ]);
    expect(labels(n)).not.toContain('support-kit/notify-pending');
    // Three refused attempts in the first run, the one that took in the second.
    expect(pagerDuty.received).toHaveLength(4);
    expect(pagerDuty.received[3]?.body).toEqual(pagerDuty.received[0]?.body);
    expect(state()?.body).not.toMatch(/notify-pending/);
    expect(webhook.received).toHaveLength(1);
  });
});

/** Seed 000's escalation preset: every new issue pages (pagerduty.labels omitted), no steps. */
function everyIssuePages(pagerDutyUrl: string): string {
  return `version: 1
severities: [S0-catastrophic, S1-broken, S2-major, S3-minor]
response:
  acknowledged-label: acknowledged
notifications:
  pagerduty:
    url: ${pagerDutyUrl}
`;
}

describe('PagerDuty when every new issue pages (dist/escalate)', () => {
  function pagesAt(now: string, event: { name: string; payload: object }) {
    emulator.setClock(now);
    return run(emulator, 'escalate', event, {
      workspace: {
        [`${CONFIG}/roster.yaml`]: ROSTER,
        [`${CONFIG}/escalation.yaml`]: everyIssuePages(`${pagerDuty.url}/v2/enqueue`),
      },
      inputs: { 'pagerduty-routing-key': ROUTING_KEY },
      env: { SUPPORT_KIT_NOW: now },
    });
  }
  const actions = () =>
    pagerDuty.received.map((r) => {
      const body = r.body as { event_action: string; dedup_key: string };
      return [body.event_action, body.dedup_key];
    });
  const event = (n: number, action: string, sender?: string) => ({
    name: 'issues',
    payload: webhookPayload(emulator.store, 'issues', {
      repo: REPO,
      action,
      number: n,
      ...(sender ? { sender } : {}),
    }),
  });
  const close = (n: number, at: string) => {
    emulator.setClock(at);
    // A person closes it: an event the workflow token caused would start no run.
    emulator.store.updateIssue(
      REPO,
      n,
      { state: 'closed', state_reason: 'completed' },
      { actor: 'amy' },
    );
  };

  it('a failed arrival page labels the issue, and the next sweep sends it again and unlabels it', async () => {
    await desk();
    const n = openS1();
    pagerDuty.fail(500, 3);

    const failed = await pagesAt('2026-07-02T23:31:00Z', opened(n));

    expect(failed.exitCode).toBe(1);
    // The state is written before the page; the refusal is added to it after (one edit, only then).
    expect(routes(failed.requests)).toEqual([ISSUE, COMMENTS, COMMENT, EDIT_COMMENT, ADD_LABELS]);
    expect(labels(n)).toContain('support-kit/notify-pending');

    const swept = await pagesAt('2026-07-02T23:46:00Z', tick());

    expect(swept.exitCode).toBe(0);
    expect(routes(swept.requests)).toEqual([
      LIST,
      LIST,
      COMMENTS,
      VIEWER,
      EDIT_COMMENT,
      REMOVE_LABEL,
    ]);
    // Three attempts refused in the first run, one delivered by the sweep.
    expect(actions()).toEqual(Array(4).fill(['trigger', 'acme/desk#1']));
    expect(labels(n)).not.toContain('support-kit/notify-pending');

    const quiet = await pagesAt('2026-07-03T00:01:00Z', tick());
    expect(routes(quiet.requests)).toEqual([LIST, LIST]);
  });

  it('a closed issue never gets its failed trigger again: the sweep sends only the resolve', async () => {
    await desk();
    const n = openS1();
    pagerDuty.fail(500, 3);
    await pagesAt('2026-07-02T23:31:00Z', opened(n));
    // The run of the close event was lost (a newer run of the group replaced it).
    close(n, '2026-07-02T23:40:00Z');

    const swept = await pagesAt('2026-07-02T23:46:00Z', tick());

    expect(swept.exitCode).toBe(0);
    expect(actions()).toEqual([
      ...Array(3).fill(['trigger', 'acme/desk#1']),
      ['resolve', 'acme/desk#1'],
    ]);
    expect(pagerDutyProblems(pagerDuty.received[3]?.body)).toEqual([]);
    expect(labels(n)).not.toContain('support-kit/notify-pending');
  });

  it('/ack and the acknowledged label acknowledge the alert with its dedup_key, once', async () => {
    await desk();
    const n = openS1();
    await pagesAt('2026-07-02T23:31:00Z', opened(n));

    const acked = await pagesAt(
      '2026-07-02T23:35:00Z',
      commented(n, 'luc', '/ack', '2026-07-02T23:35:00Z'),
    );

    expect(acked.exitCode).toBe(0);
    expect(actions()).toEqual([
      ['trigger', 'acme/desk#1'],
      ['acknowledge', 'acme/desk#1'],
    ]);
    expect(pagerDutyProblems(pagerDuty.received[1]?.body)).toEqual([]);
    expect(pagerDuty.received[1]?.body).toEqual({
      routing_key: ROUTING_KEY,
      event_action: 'acknowledge',
      dedup_key: 'acme/desk#1',
    });

    emulator.store.addLabels(REPO, n, ['acknowledged'], { actor: 'luc' });
    await pagesAt('2026-07-02T23:36:00Z', event(n, 'labeled', 'luc'));
    expect(pagerDuty.received).toHaveLength(2);
  });

  it('the acknowledged label alone acknowledges the alert', async () => {
    await desk();
    const n = openS1();
    await pagesAt('2026-07-02T23:31:00Z', opened(n));
    emulator.store.addLabels(REPO, n, ['acknowledged'], { actor: 'luc' });

    await pagesAt('2026-07-02T23:36:00Z', {
      name: 'issues',
      payload: webhookPayload(emulator.store, 'issues', {
        repo: REPO,
        action: 'labeled',
        number: n,
        label: 'acknowledged',
      }),
    });

    expect(actions()).toEqual([
      ['trigger', 'acme/desk#1'],
      ['acknowledge', 'acme/desk#1'],
    ]);
  });

  it('a reopened issue pages again after its alert was resolved, and closing resolves it again', async () => {
    await desk();
    const n = openS1();
    await pagesAt('2026-07-02T23:31:00Z', opened(n));
    close(n, '2026-07-03T00:00:00Z');
    await pagesAt('2026-07-03T00:00:30Z', event(n, 'closed'));
    emulator.setClock('2026-07-06T16:00:00Z');
    emulator.store.updateIssue(
      REPO,
      n,
      { state: 'open', state_reason: 'reopened' },
      { actor: 'amy' },
    );

    const reopened = await pagesAt('2026-07-06T16:00:30Z', event(n, 'reopened'));

    expect(reopened.exitCode).toBe(0);
    close(n, '2026-07-06T17:00:00Z');
    await pagesAt('2026-07-06T17:00:30Z', event(n, 'closed'));
    expect(actions()).toEqual([
      ['trigger', 'acme/desk#1'],
      ['resolve', 'acme/desk#1'],
      ['trigger', 'acme/desk#1'],
      ['resolve', 'acme/desk#1'],
    ]);
  });
});
