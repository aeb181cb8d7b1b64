import { describe, expect, it } from 'vitest';
import { applyPlan, createBatchedComment } from '../../../src/github/apply.js';
import { CommentBatch } from '../../../src/github/comment-batch.js';
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

describe("applyPlan: the run's new comments on its issue, as one", () => {
  const said = (kind: string, body: string): Operation => ({
    kind: 'upsert-comment',
    issue: 1,
    marker: { kind, keys: {} },
    body,
    reason: kind,
  });
  const batchFor = () => new CommentBatch(new Set([1]), createBatchedComment);

  it('writes the sections of two plans in one comment, once the batch is flushed', async () => {
    const github = desk();
    const gateway = github.gatewayOn(DESK);
    const batch = batchFor();

    const first = await applyPlan(planOf(said('intake', 'Logs are missing.')), gateway, {
      dryRun: false,
      batch,
    });
    await applyPlan(planOf(assign, said('oncall', 'Assigned to ivy.')), gateway, {
      dryRun: false,
      batch,
    });
    expect(github.commentsOn(1)).toEqual([]);
    await batch.flush(gateway);

    expect(github.commentsOn(1).map((c) => c.body)).toEqual([
      '<!-- support-kit:intake -->\nLogs are missing.\n\n---\n<!-- support-kit:oncall -->\nAssigned to ivy.',
    ]);
    expect(first.results[0]?.status).toBe('applied');
  });

  it('edits its own section of an existing comment and leaves the others', async () => {
    const github = desk();
    const gateway = github.gatewayOn(DESK);
    const batch = batchFor();
    await applyPlan(
      planOf(said('intake', 'Logs are missing.'), said('oncall', 'Assigned to ivy.')),
      gateway,
      { dryRun: false, batch },
    );
    await batch.flush(gateway);

    await apply(github, planOf(said('intake', 'Thanks!')));

    expect(github.commentsOn(1).map((c) => c.body)).toEqual([
      '<!-- support-kit:intake -->\nThanks!\n\n---\n<!-- support-kit:oncall -->\nAssigned to ivy.',
    ]);
  });

  it('writes what waits before a notification whose record is in it', async () => {
    const github = desk();
    const gateway = github.gatewayOn(DESK);
    const sent: string[] = [];
    const notify: Operation = {
      kind: 'notify',
      issue: 1,
      channel: 'webhook',
      key: 'k',
      payload: {},
      reason: 'page',
    };
    await applyPlan(
      planOf(
        said('oncall', 'Assigned to ivy.'),
        record({ recordFailedNotifications: true }),
        notify,
      ),
      gateway,
      {
        dryRun: false,
        batch: batchFor(),
        notifier: {
          channels: new Set(['webhook'] as const),
          send: async () => (sent.push(String(github.commentsOn(1).length)), 'sent'),
        },
      },
    );

    expect(sent).toEqual(['1']);
    expect(github.methods('writes')).toEqual(['createComment']);
  });

  it("leaves an issue that is not the run's own to its own comment", async () => {
    const github = desk();
    const gateway = github.gatewayOn(DESK);

    const elsewhere: Operation = {
      kind: 'upsert-comment',
      issue: 2,
      marker: { kind: 'oncall', keys: {} },
      body: 'x',
      reason: 'oncall',
    };
    await applyPlan(planOf(elsewhere), gateway, {
      dryRun: false,
      batch: batchFor(),
    });

    expect(github.commentsOn(2)).toHaveLength(1);
  });

  it('joins a new on-call section to the comment an earlier run wrote, where a clean run puts it', async () => {
    const github = desk();
    await apply(github, planOf(said('intake', 'Logs are missing.'), said('escalation', 'Clock.')));

    await apply(github, planOf(said('oncall', 'Assigned to ivy.')));

    expect(github.commentsOn(1).map((c) => c.body)).toEqual([
      '<!-- support-kit:intake -->\nLogs are missing.\n\n---\n<!-- support-kit:oncall -->\nAssigned to ivy.\n\n---\n<!-- support-kit:escalation -->\nClock.',
    ]);
  });

  it('says what a reporter must add in a new comment, which notifies them, never by an edit', async () => {
    const github = desk();
    await apply(github, planOf(said('oncall', 'Assigned to ivy.')));

    await apply(github, planOf(said('intake', 'Logs are missing.')));

    expect(github.commentsOn(1)).toHaveLength(2);
  });
});
