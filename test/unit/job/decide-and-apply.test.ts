import { describe, expect, it } from 'vitest';
import type { Job, JobOutcome } from '../../../src/job/contract.js';
import { decideAndApply } from '../../../src/job/decide-and-apply.js';
import { RateLimitDeferred } from '../../../src/github/budget.js';
import type { ConfigProblem } from '../../../src/kernel/problems.js';
import { emptyPlan, type Operation, type Plan, type RepoRef } from '../../../src/kernel/plan.js';
import { event, fakeContext } from '../fakes/context.js';
import { FakeGitHub, fakeIssue, httpError } from '../fakes/github.js';
import { fakeNotifier } from '../fakes/notifier.js';

const DESK = { owner: 'acme', repo: 'desk' };
const PINATA = { owner: 'docker', repo: 'pinata' };
const broken: ConfigProblem = {
  file: '.github/support-kit/roster.yaml',
  line: 4,
  column: 3,
  severity: 'error',
  message: 'bad zone',
};
const label: Operation = { kind: 'add-labels', issue: 1, labels: ['bug'], reason: 'test' };
const openIssue: Operation = {
  kind: 'upsert-issue',
  marker: { kind: 'escalated-from', keys: { issue: 'acme/desk#1' } },
  title: '[acme/desk#1] Docker hangs',
  body: 'context',
  labels: ['from-support'],
  reason: 'test',
};

const plan = (repo: RepoRef, ...operations: Operation[]): Plan => ({
  ...emptyPlan('escalate', repo),
  operations,
});

/** A job that decided `outcome`, with a config that has `problems`. */
const deciding =
  (outcome: Partial<JobOutcome>, problems: ConfigProblem[] = []): Job =>
  async () => ({
    config: { source: 'test', files: [], problems },
    plans: [],
    ...outcome,
  });

function execute(github: FakeGitHub, job: Job, dryRun = false, notifier = fakeNotifier()) {
  const context = fakeContext(github, {
    capability: 'escalate',
    event: event('workflow_dispatch'),
    now: '2026-07-07T16:00:00Z',
    notifier,
  });
  return decideAndApply(job, context, { dryRun });
}

const desk = () => new FakeGitHub({ issues: [fakeIssue({ number: 1 })] });

describe('decideAndApply', () => {
  it('applies nothing when the config has errors, and says why for each operation', async () => {
    const github = desk();

    const run = await execute(github, deciding({ plans: [plan(DESK, label)] }, [broken]));

    expect(github.methods('writes')).toEqual([]);
    expect(run.plans[0]?.rows).toEqual([
      { operation: label, status: 'not run', detail: 'config has errors' },
    ]);
    expect(run.failures).toEqual(['1 config error(s)']);
  });

  it('applies a plan made for broken config (safeWithConfigErrors), and still fails the run', async () => {
    const github = desk();

    const run = await execute(
      github,
      deciding({ plans: [plan(DESK, label)], safeWithConfigErrors: true }, [broken]),
    );

    expect(github.methods('writes')).toEqual(['addLabels']);
    expect(run.failures).toEqual(['1 config error(s)']);
  });

  it('applies despite a warning', async () => {
    const github = desk();

    const run = await execute(
      github,
      deciding({ plans: [plan(DESK, label)] }, [{ ...broken, severity: 'warning' }]),
    );

    expect(github.methods('writes')).toEqual(['addLabels']);
    expect(run.failures).toEqual([]);
  });

  it('counts problems found beyond the config folder as config problems', async () => {
    const github = desk();

    const run = await execute(github, deciding({ plans: [plan(DESK, label)], problems: [broken] }));

    expect(github.methods('writes')).toEqual([]);
    expect(run.problems).toEqual([broken]);
  });

  it('never applies a preview plan, even outside a dry run', async () => {
    const github = desk();

    const run = await execute(
      github,
      deciding({ plans: [{ ...plan(DESK, label), preview: true }] }),
    );

    expect(github.methods('writes')).toEqual([]);
    expect(run.plans[0]?.rows.map((r) => r.status)).toEqual(['dry-run']);
  });

  it("writes a plan on another repository through the job's gateway for it (another token)", async () => {
    const github = desk();
    const engineering = new FakeGitHub({ repo: PINATA });

    await execute(
      github,
      deciding({ plans: [plan(PINATA, openIssue)], gateways: [engineering.gateway] }),
    );

    expect(engineering.methods('writes')).toEqual(['createIssue']);
    expect(github.calls).toEqual([]);
  });

  it("writes a plan on another repository with the run's own token when the job brings no gateway", async () => {
    const github = desk();

    await execute(github, deciding({ plans: [plan(PINATA, openIssue)] }));

    expect(github.methods('writes')).toEqual(['docker/pinata createIssue']);
  });

  it("goes on past a refused write and names the repository and GitHub's message", async () => {
    const github = desk();
    github.refuse('addLabels', httpError(403, 'Resource not accessible by integration'));
    const comment: Operation = {
      kind: 'upsert-comment',
      issue: 1,
      marker: { kind: 'test', keys: {} },
      body: 'hello',
      reason: 'test',
    };

    const run = await execute(
      github,
      deciding({ plans: [plan(DESK, label, comment)], failures: ['drift: acme/desk'] }),
    );

    // The comment on the same issue waits for the write it may report on (state after effect).
    expect(github.methods('writes')).toEqual(['addLabels']);
    expect(run.plans[0]?.rows.map((r) => r.status)).toEqual(['failed', 'held']);
    expect(run.failures).toEqual([
      'acme/desk: 403 Resource not accessible by integration',
      'drift: acme/desk',
    ]);
  });

  it("sends a plan's notifications through the context's notifier", async () => {
    const github = desk();
    const notifier = fakeNotifier(['webhook']);
    const post: Operation = {
      kind: 'notify',
      channel: 'webhook',
      issue: 1,
      key: 'escalation:1',
      payload: { text: 'hi' },
      reason: 'test',
    };

    const run = await execute(github, deciding({ plans: [plan(DESK, post)] }), false, notifier);

    expect(notifier.sent).toEqual([post]);
    expect(run.plans[0]?.rows[0]).toMatchObject({ status: 'applied', detail: 'webhook 202' });
  });

  it('stops at a rate limit longer than a run waits: the rest of this plan and the later plans are deferred, and the run has not failed', async () => {
    const github = desk();
    const until = new Date('2026-07-07T16:15:00Z');
    github.refuse(
      'createComment',
      new RateLimitDeferred(until, undefined, httpError(403, 'secondary')),
    );
    const comment: Operation = {
      kind: 'upsert-comment',
      issue: 1,
      marker: { kind: 'test', keys: {} },
      body: 'hello',
      reason: 'test',
    };

    const run = await execute(
      github,
      deciding({ plans: [plan(DESK, label, comment, label), plan(PINATA, openIssue)] }),
    );

    expect(github.methods('writes')).toEqual(['addLabels', 'createComment']);
    expect(run.plans.map((p) => p.rows.map((r) => r.status))).toEqual([
      ['applied', 'deferred', 'deferred'],
      ['deferred'],
    ]);
    expect(run.failures).toEqual([]);
    expect(run.deferrals).toEqual([
      'acme/desk: rate limited until 16:15 UTC; 2 operations left for the next run',
      'docker/pinata: rate limited until 16:15 UTC; 1 operation left for the next run',
    ]);
  });
});
