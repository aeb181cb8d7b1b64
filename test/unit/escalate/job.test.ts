import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escalateJob } from '../../../src/escalate/job.js';
import { decideAndApply } from '../../../src/job/decide-and-apply.js';
import { IssueMoved } from '../../../src/github/gateway.js';
import type { GitHubComment, GitHubIssue } from '../../../src/github/types.js';
import type { Operation } from '../../../src/kernel/plan.js';
import { CONFIG, event, fakeContext } from '../fakes/context.js';
import { BOT, FakeGitHub, fakeComment, fakeIssue, labels } from '../fakes/github.js';
import { fakeNotifier } from '../fakes/notifier.js';
import { fixtureText } from '../fixtures/roster/load.js';

/**
 * Seed 004's desk: a weekly primary and backup, business hours 8-12 and 1-5 Pacific. S1 issues
 * must be answered within 60 business minutes; then the backup is assigned.
 */
const ESCALATION = `version: 1
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
`;
const DESK = {
  [`${CONFIG}/roster.yaml`]: fixtureText('live-incident'),
  [`${CONFIG}/escalation.yaml`]: ESCALATION,
};
const PAGING = {
  ...DESK,
  [`${CONFIG}/escalation.yaml`]: `${ESCALATION}notifications:\n  pagerduty:\n    labels: [S1-broken]\n`,
};
/** Seed 001: statuses and `/escalate docker/pinata` into the engineering repository. */
const TRIAGE = {
  [`${CONFIG}/escalation.yaml`]: readFileSync(
    join(import.meta.dirname, '../../../config/presets/support-triage/escalation.yaml'),
    'utf8',
  ),
};
const PERMISSIONS = { amy: 'write', tess: 'triage', rita: 'read' };

/** Tuesday 7 July 2026, 09:00 Pacific; the goal falls due at 10:00 (17:00 UTC), step 2 at 11:00. */
const OPENED = '2026-07-07T16:00:00Z';
const PAST_GOAL = '2026-07-07T17:05:00Z';
const tick = event('schedule', undefined, { schedule: '7,22,37,52 * * * *' });

const s1 = (extra: Partial<GitHubIssue> = {}) =>
  fakeIssue({
    number: 1,
    title: 'Visit crashes opening a dump',
    labels: labels('incident', 'S1-broken'),
    assignees: [{ login: 'amy' }],
    created_at: OPENED,
    ...extra,
  });

const said = (login: string, body: string, at: string, id = 50): GitHubComment =>
  fakeComment({ id, user: { login, type: 'User' }, body, created_at: at });

function context(
  github: FakeGitHub,
  e: ReturnType<typeof event>,
  now: string,
  options: { inputs?: Record<string, string>; pagerduty?: boolean } = {},
) {
  return fakeContext(github, {
    capability: 'escalate',
    event: e,
    now,
    inputs: options.inputs ?? {},
    notifier: fakeNotifier(options.pagerduty ? ['pagerduty'] : []),
  });
}

/** A comment run as the action runs it: decided, then applied to the fake. */
async function commentRun(github: FakeGitHub, comment: GitHubComment, now: string) {
  const list = github.repo().comments.get(1) ?? [];
  github.repo().comments.set(1, [...list, comment]);
  const e = event('issue_comment', 'created', { issue: github.issue(1), comment });
  return decideAndApply(escalateJob, context(github, e, now), { dryRun: false });
}

const onIssue = (ops: Operation[] | undefined) =>
  (ops ?? []).filter((op) => 'issue' in op && op.issue === 1).map((op) => op.kind);

describe('escalate job on schedule', () => {
  it('plans the first step once the response goal has passed unanswered', async () => {
    const github = new FakeGitHub({ files: DESK, issues: [s1()], permissions: PERMISSIONS });

    const outcome = await escalateJob(context(github, tick, PAST_GOAL));

    const ops = outcome.plans.at(-1)?.operations ?? [];
    expect(ops.find((op) => op.kind === 'edit-labels')).toMatchObject({ add: ['escalated/1'] });
    expect(ops.find((op) => op.kind === 'add-assignees')).toMatchObject({ assignees: ['ivy'] });
    // No playbook and no PagerDuty: closed issues are not listed; no comment yet, none read.
    expect(github.methods()).toEqual(['readFile', 'readFile', 'listIssues']);
  });

  it('plans nothing before the goal is due', async () => {
    const github = new FakeGitHub({ files: DESK, issues: [s1()], permissions: PERMISSIONS });

    const outcome = await escalateJob(context(github, tick, '2026-07-07T16:50:00Z'));

    expect(outcome.plans.at(-1)?.operations).toEqual([]);
  });

  it('plans no step after an /ack from a triager', async () => {
    const github = new FakeGitHub({ files: DESK, issues: [s1()], permissions: PERMISSIONS });
    const acked = await commentRun(
      github,
      said('tess', 'Looking at the dump now.\n/ack', '2026-07-07T16:10:00Z'),
      '2026-07-07T16:10:00Z',
    );
    expect(acked.failures).toEqual([]);

    const outcome = await escalateJob(context(github, tick, PAST_GOAL));

    expect(onIssue(outcome.plans.at(-1)?.operations)).toEqual([]);
  });

  it("takes the first step over another app's comment forging the kit's state, asking once who the kit is", async () => {
    const forged = fakeComment({
      id: 40,
      user: { login: 'relay-app[bot]', type: 'Bot' },
      body: '<!-- support-kit:escalation -->\n<!-- support-kit:escalation-state ack-at=2026-07-07T16:05:00Z ack-by=amy ack-how=command steps=2 -->\nRelayed.',
      created_at: '2026-07-07T16:05:00Z',
    });
    const github = new FakeGitHub({
      files: DESK,
      issues: [s1()],
      comments: { 1: [forged] },
      permissions: PERMISSIONS,
    });

    const outcome = await escalateJob(context(github, tick, PAST_GOAL));

    const ops = outcome.plans.at(-1)?.operations ?? [];
    expect(ops.find((op) => op.kind === 'add-assignees')).toMatchObject({ assignees: ['ivy'] });
    expect(github.methods().filter((m) => m === 'kitLogin')).toEqual(['kitLogin']);
  });

  it('never puts a forged record on the clock: a hand-off log marker in another app’s issue', async () => {
    const relayed = s1({
      user: { login: 'relay-app[bot]', type: 'Bot' },
      body: '<!-- support-kit:handoff-log month=2026-07 schedule=live-incident -->\nCrash.',
    });
    const github = new FakeGitHub({ files: DESK, issues: [relayed], permissions: PERMISSIONS });

    const outcome = await escalateJob(context(github, tick, PAST_GOAL));

    expect(onIssue(outcome.plans.at(-1)?.operations)).toContain('add-assignees');
  });

  it('never puts the kit’s own records on the clock', async () => {
    const log = s1({
      number: 9,
      user: BOT,
      body: '<!-- support-kit:handoff-log month=2026-07 schedule=live-incident -->\nEvery hand-off.',
      labels: labels('oncall/handoff-log'),
      assignees: [],
    });
    const github = new FakeGitHub({ files: DESK, issues: [log] });

    const outcome = await escalateJob(context(github, tick, PAST_GOAL));

    expect(outcome.plans.at(-1)?.operations).toEqual([]);
    expect(outcome.plans.at(-1)?.notes).toContain(
      '1 open and 0 recently closed issue(s); 0 looked at',
    );
  });
});

describe('escalate job on issue events and comments', () => {
  it('reads the issue afresh on arrival, and pages when PagerDuty is configured and its key set', async () => {
    const github = new FakeGitHub({ files: PAGING, issues: [s1()] });

    const outcome = await escalateJob(
      context(github, event('issues', 'opened', { issue: s1({ labels: [] }) }), OPENED, {
        pagerduty: true,
      }),
    );

    expect(github.methods()).toEqual(['readFile', 'readFile', 'getIssue']);
    expect(outcome.plans.at(-1)?.operations).toContainEqual(
      expect.objectContaining({ kind: 'notify', channel: 'pagerduty', issue: 1 }),
    );
  });

  it('plans no page when the routing key is not set', async () => {
    const github = new FakeGitHub({ files: PAGING, issues: [s1()] });

    const outcome = await escalateJob(
      context(github, event('issues', 'opened', { issue: s1() }), OPENED),
    );

    expect(outcome.plans.at(-1)?.operations.map((op) => op.kind)).not.toContain('notify');
    expect(outcome.plans.at(-1)?.notes).toContain('channels: none');
  });

  it('answers a command from someone with read access by a refusal, and does nothing else', async () => {
    const rita = said('rita', '/severity S3\n/assign @rita', '2026-07-07T16:05:00Z');
    const github = new FakeGitHub({
      files: DESK,
      issues: [s1()],
      comments: { 1: [rita] },
      permissions: PERMISSIONS,
    });

    const outcome = await escalateJob(
      context(github, event('issue_comment', 'created', { issue: s1(), comment: rita }), OPENED),
    );

    // The reply, then the state comment that records the command as handled.
    const ops = outcome.plans.at(-1)?.operations ?? [];
    expect(ops.map((op) => op.kind)).toEqual(['upsert-comment', 'upsert-comment']);
    expect(ops[0]?.kind === 'upsert-comment' && ops[0].body).toMatch(
      /\*\*rita\*\*: commands are for people with triage access or more to this repository; nothing was done\./,
    );
    expect(github.calls.filter((c) => c.method === 'permissionOf')).toEqual([
      expect.objectContaining({ args: ['rita'] }),
    ]);
  });

  it('checks the access of at most 20 commenters a run, the comment it runs for first; the other commands wait', async () => {
    const crowd = Array.from({ length: 25 }, (_, i) =>
      said(`reader${i}`, '/ack', '2026-07-07T16:05:00Z', 100 + i),
    );
    const tess = said('tess', '/ack', '2026-07-07T16:06:00Z', 200);
    const github = new FakeGitHub({
      files: DESK,
      issues: [s1()],
      comments: { 1: [...crowd, tess] },
      permissions: PERMISSIONS,
    });

    const outcome = await escalateJob(
      context(github, event('issue_comment', 'created', { issue: s1(), comment: tess }), OPENED),
    );

    const checked = github.calls.filter((c) => c.method === 'permissionOf').map((c) => c.args[0]);
    expect(checked).toEqual(['tess', ...crowd.slice(0, 19).map((c) => c.user?.login)]);
    expect(outcome.plans.at(-1)?.notes).toContain(
      '#1: the access of reader19 was not checked; comment 119 waits',
    );
  });

  it('looks up no issue a /duplicate names when its author may not use commands', async () => {
    const rita = said('rita', '/duplicate #5', '2026-07-07T16:05:00Z');
    const github = new FakeGitHub({
      files: DESK,
      issues: [s1()],
      comments: { 1: [rita] },
      permissions: PERMISSIONS,
    });

    await escalateJob(
      context(github, event('issue_comment', 'created', { issue: s1(), comment: rita }), OPENED),
    );

    expect(github.methods()).not.toContain('getIssue');
  });

  it('answers a /duplicate that names a transferred issue instead of failing the run', async () => {
    const tess = said('tess', '/duplicate #5', '2026-07-07T16:05:00Z');
    const github = new FakeGitHub({
      files: DESK,
      issues: [s1()],
      comments: { 1: [tess] },
      permissions: PERMISSIONS,
    });
    // GitHub redirects the read of #5 to its new repository (the gateway says so).
    github.refuse('getIssue', new IssueMoved(5, 'https://github.com/acme/engine/issues/9'));

    const outcome = await escalateJob(
      context(github, event('issue_comment', 'created', { issue: s1(), comment: tess }), OPENED),
    );

    const reply = outcome.plans
      .flatMap((p) => p.operations)
      .find((o) => o.kind === 'upsert-comment' && o.marker.kind === 'command-reply');
    expect(reply).toBeDefined();
  });

  it('/escalate opens the issue in the engineering repository with the escalation token, first', async () => {
    const issue = fakeIssue({ number: 1, title: 'Docker hangs', labels: labels('support') });
    const tess = said('tess', 'Root cause is in the VM.\n/escalate docker/pinata', OPENED);
    const github = new FakeGitHub({
      files: TRIAGE,
      issues: [issue],
      comments: { 1: [tess] },
      permissions: PERMISSIONS,
    });
    const ctx = context(
      github,
      event('issue_comment', 'created', { issue, comment: tess }),
      OPENED,
      {
        inputs: { 'escalation-token': 'engineering-token' },
      },
    );

    const outcome = await escalateJob(ctx);

    expect(ctx.connected).toEqual(['engineering-token docker/pinata']);
    expect(outcome.gateways?.map((g) => g.repo)).toEqual([{ owner: 'docker', repo: 'pinata' }]);
    expect(outcome.plans.map((p) => `${p.repo.owner}/${p.repo.repo}`)).toEqual([
      'docker/pinata',
      'acme/desk',
    ]);
    expect(outcome.plans[0]?.operations).toEqual([
      expect.objectContaining({
        kind: 'upsert-issue',
        title: '[acme/desk#1] Docker hangs',
        labels: ['from-support'],
      }),
    ]);
  });

  it('refuses to act on a broken escalation.yaml, reading no issue', async () => {
    const github = new FakeGitHub({
      files: { ...DESK, [`${CONFIG}/escalation.yaml`]: 'version: 1\nresponse: soon\n' },
      issues: [s1()],
    });

    const outcome = await escalateJob(context(github, tick, PAST_GOAL));

    expect(outcome.plans).toEqual([
      expect.objectContaining({ operations: [], notes: ['the config has errors'] }),
    ]);
    expect(github.methods()).toEqual(['readFile', 'readFile']);
  });
});
