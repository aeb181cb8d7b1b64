import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../../src/github/apply.js';
import { emptyPlan, type Operation, type Plan } from '../../../src/kernel/plan.js';
import { FakeGitHub, fakeIssue, httpError } from '../fakes/github.js';

const DESK = { owner: 'acme', repo: 'desk' };
const assign: Operation = {
  kind: 'add-assignees',
  issue: 1,
  assignees: ['ivy'],
  reason: 'step 2',
};
const record = (
  extra: Partial<Extract<Operation, { kind: 'upsert-comment' }>> = {},
): Operation => ({
  kind: 'upsert-comment',
  issue: 1,
  marker: { kind: 'escalation', keys: {} },
  body: 'steps=2',
  reason: 'record',
  ...extra,
});

const planOf = (...operations: Operation[]): Plan => ({
  ...emptyPlan('escalate', DESK),
  operations,
});

function desk(): FakeGitHub {
  return new FakeGitHub({ issues: [fakeIssue({ number: 1 }), fakeIssue({ number: 2 })] });
}

const apply = (github: FakeGitHub, plan: Plan) =>
  applyPlan(plan, github.gatewayOn(DESK), { dryRun: false });

describe('applyPlan: state after effect', () => {
  it('holds back a comment on an issue whose earlier write failed', async () => {
    const github = desk();
    github.refuse('addAssignees', httpError(503, 'Service Unavailable'));

    const result = await apply(github, planOf(assign, record()));

    expect(result.results.map((r) => r.status)).toEqual(['failed', 'held']);
    expect(github.commentsOn(1)).toEqual([]);
  });

  it('writes the incomplete record instead when the comment has one', async () => {
    const github = desk();
    github.refuse('addAssignees', httpError(503, 'Service Unavailable'));

    await apply(github, planOf(assign, record({ incomplete: 'steps=1' })));

    expect(github.commentsOn(1).map((c) => c.body)).toEqual([
      '<!-- support-kit:escalation -->\nsteps=1',
    ]);
  });

  it('writes a comment whose issue had no failed write, in a plan where another failed', async () => {
    const github = desk();
    github.refuse('addAssignees', httpError(503, 'Service Unavailable'));

    await apply(github, planOf(assign, record({ issue: 2 })));

    expect(github.commentsOn(2)).toHaveLength(1);
  });

  it('holds back a comment that reports on another issue whose write failed', async () => {
    const github = desk();
    github.refuse('addAssignees', httpError(503, 'Service Unavailable'));

    const result = await apply(github, planOf(assign, record({ issue: 2, reports: [1] })));

    expect(result.results[1]?.status).toBe('held');
  });
});

describe('applyPlan: an operation that needs its record', () => {
  const entry: Operation = {
    kind: 'upsert-comment',
    issue: 2,
    marker: { kind: 'handoff', keys: { at: '2026-11-30T16:00:00Z' } },
    body: 'luc hands #1 to ivy',
    reason: 'log',
  };
  const move: Operation = {
    kind: 'reassign',
    issue: 1,
    from: 'luc',
    to: 'ivy',
    needs: { kind: 'handoff', keys: { at: '2026-11-30T16:00:00Z' } },
    reason: 'hand-off',
  };

  it('is held when the comment that records it was not written', async () => {
    const github = desk();
    github.refuse('createComment', httpError(403, 'Resource not accessible by integration'));

    const result = await apply(github, planOf(entry, move));

    expect(result.results.map((r) => r.status)).toEqual(['failed', 'held']);
    expect(github.methods('writes')).toEqual(['createComment']);
  });

  it('goes ahead once the comment is written', async () => {
    const github = desk();

    const result = await apply(github, planOf(entry, move));

    expect(result.results.map((r) => r.status)).toEqual(['applied', 'applied']);
  });
});

describe('applyPlan: at most once', () => {
  it('does not post a comment again when GitHub wrote it but the answer was lost', async () => {
    const github = desk();
    github.loseAnswer('createComment');

    const result = await apply(github, planOf(record()));

    expect(result.failures).toEqual([]);
    expect(github.commentsOn(1)).toHaveLength(1);
  });

  it('does not open an issue again when GitHub opened it but the answer was lost', async () => {
    const github = desk();
    github.loseAnswer('createIssue');
    const open: Operation = {
      kind: 'upsert-issue',
      marker: { kind: 'weekly-report', keys: { week: '2026-W49' } },
      title: 'Weekly report',
      body: 'numbers',
      labels: ['support-kit/report'],
      reason: 'test',
    };

    const result = await apply(github, planOf(open));

    expect(result.failures).toEqual([]);
    expect(github.repo(DESK).issues.filter((i) => i.title === 'Weekly report')).toHaveLength(1);
  });

  it('posts again when the comment is not there after a server error', async () => {
    const github = desk();
    let refusals = 1;
    const gateway = github.gatewayOn(DESK);
    const create = gateway.createComment.bind(gateway);
    gateway.createComment = async (issue, body) => {
      if (refusals-- > 0) throw httpError(500, 'Internal Server Error');
      return create(issue, body);
    };

    const result = await applyPlan(planOf(record()), gateway, { dryRun: false });

    expect(result.failures).toEqual([]);
    expect(github.commentsOn(1)).toHaveLength(1);
  });
});
