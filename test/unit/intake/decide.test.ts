import { describe, expect, it } from 'vitest';
import { renderIntakeComment } from '../../../src/intake/decide/comment.js';
import {
  type IntakeDecisionInput,
  decideIntake,
  managedLabels,
} from '../../../src/intake/decide/decide.js';
import type { DuplicateHint, IntakeIssue } from '../../../src/intake/decide/types.js';
import type { EditLabels, Operation, UpsertComment } from '../../../src/kernel/plan.js';
import { body, escalationWith } from '../fixtures/intake/bodies.js';
import { editorBug, escalation, escalationConfig, kubeBug } from '../fixtures/intake/templates.js';

const NOW = new Date('2024-06-01T12:00:00Z');
const INCOMPLETE = 'status/0-more-info-needed';
const COMPLETE = 'status/0-triage';

function issue(extra: Partial<IntakeIssue> = {}): IntakeIssue {
  return {
    number: 42,
    title: '[Escalation]: overlay network drops after engine restart',
    body: body('escalation.md'),
    author: 'reporter',
    authorAssociation: 'NONE',
    labels: ['escalation'],
    state: 'open',
    stateReason: null,
    createdAt: '2024-05-01T00:00:00Z',
    updatedAt: '2024-05-30T00:00:00Z',
    ...extra,
  };
}

function input(extra: Partial<IntakeDecisionInput> = {}): IntakeDecisionInput {
  return {
    issue: issue(),
    trigger: 'opened',
    templates: [kubeBug, editorBug, escalation],
    config: escalationConfig(),
    duplicates: [],
    previousComment: null,
    now: NOW,
    ...extra,
  };
}

const noLogs = escalationWith({ Logs: '_No response_' });

function labelsOp(operations: Operation[]): EditLabels | undefined {
  const found = operations.filter((op): op is EditLabels => op.kind === 'edit-labels');
  expect(found.length).toBeLessThanOrEqual(1);
  return found[0];
}

function commentOp(operations: Operation[]): UpsertComment | undefined {
  const found = operations.filter((op): op is UpsertComment => op.kind === 'upsert-comment');
  expect(found.length).toBeLessThanOrEqual(1);
  return found[0];
}

const hint: DuplicateHint = {
  number: 12,
  title: 'Overlay network drops',
  url: 'https://github.com/acme/desk/issues/12',
  similarity: 0.8,
};

describe('decideIntake: a new issue', () => {
  it('labels an incomplete issue and asks for what is missing in one comment', () => {
    const decision = decideIntake(input({ issue: issue({ body: noLogs }) }));
    expect(decision.verdict).toEqual({
      complete: false,
      template: 'escalation',
      missing: [{ field: 'Logs', reason: expect.stringMatching(/^It is empty/) }],
      labels: ['S1-broken', 'type/bug', 'area/engine', 'area/network'],
    });
    expect(decision.operations.map((op) => op.kind)).toEqual(['edit-labels', 'upsert-comment']);
    expect(labelsOp(decision.operations)).toMatchObject({
      issue: 42,
      current: ['escalation'],
      add: [INCOMPLETE, 'S1-broken', 'type/bug', 'area/engine', 'area/network'],
      remove: [],
    });
    const comment = commentOp(decision.operations);
    expect(comment?.marker).toEqual({ kind: 'intake', keys: {} });
    expect(comment?.body).toContain('- **Logs**: It is empty');
  });

  it('adds the possible duplicates to the missing-list comment on a new issue', () => {
    const decision = decideIntake(input({ issue: issue({ body: noLogs }), duplicates: [hint] }));
    expect(commentOp(decision.operations)?.body).toContain('- #12 Overlay network drops (80%)');
  });

  it('labels a complete issue and writes no comment when there is nothing to say', () => {
    const decision = decideIntake(input());
    expect(decision.verdict.complete).toBe(true);
    expect(decision.operations.map((op) => op.kind)).toEqual(['edit-labels']);
    expect(labelsOp(decision.operations)?.add[0]).toBe(COMPLETE);
    expect(decision.notes).toContain('complete, and nothing was asked before: no comment');
  });

  it('writes a comment with just the possible duplicates for a complete new issue', () => {
    const decision = decideIntake(input({ duplicates: [hint] }));
    const comment = commentOp(decision.operations);
    expect(comment?.body).toBe(renderIntakeComment({ kind: 'duplicates', duplicates: [hint] }));
  });

  it('shows no duplicates when duplicate hints are disabled, and at most max of them', () => {
    const many = [1, 2, 3, 4, 5].map((n) => ({ ...hint, number: n }));
    const capped = decideIntake(input({ duplicates: many }));
    expect(commentOp(capped.operations)?.body.match(/^- #/gm)).toHaveLength(3);
    const off = escalationConfig({ duplicates: { enabled: false, threshold: 0.3, max: 3 } });
    expect(
      commentOp(decideIntake(input({ duplicates: many, config: off })).operations),
    ).toBeUndefined();
  });

  it('plans the same operations when run twice on the same input', () => {
    const once = decideIntake(input({ issue: issue({ body: noLogs }), duplicates: [hint] }));
    const twice = decideIntake(input({ issue: issue({ body: noLogs }), duplicates: [hint] }));
    expect(twice).toEqual(once);
  });

  it('gives every operation a reason', () => {
    const decision = decideIntake(input({ issue: issue({ body: noLogs }), duplicates: [hint] }));
    for (const op of decision.operations) expect(op.reason).toMatch(/\S/);
  });
});

describe('decideIntake: label management', () => {
  it('never removes a label it does not manage', () => {
    const labels = ['escalation', 'customer/acme', 'needs-design', COMPLETE];
    const decision = decideIntake(input({ issue: issue({ body: noLogs, labels }) }));
    const op = labelsOp(decision.operations);
    expect(op?.remove).toEqual([COMPLETE]);
    const managed = managedLabels(escalationConfig()).map((l) => l.toLowerCase());
    for (const label of op?.remove ?? []) expect(managed).toContain(label.toLowerCase());
  });

  it('swaps the status label: complete replaces incomplete', () => {
    const decision = decideIntake(input({ issue: issue({ labels: ['escalation', INCOMPLETE] }) }));
    const op = labelsOp(decision.operations);
    expect(op?.add).toContain(COMPLETE);
    expect(op?.remove).toEqual([INCOMPLETE]);
  });

  it('leaves the status alone once the issue moved past intake (acknowledged by L2)', () => {
    const labels = ['escalation', 'status/1-acknowledged', 'S3-minor'];
    const op = labelsOp(
      decideIntake(input({ trigger: 'edited', issue: issue({ labels }) })).operations,
    );
    expect(op?.add ?? []).not.toContain(COMPLETE);
    expect(op?.remove ?? []).not.toContain('status/1-acknowledged');
  });

  it('keeps exactly one severity label: the one the answer names', () => {
    const labels = ['escalation', 'S2-major', 'S3-minor'];
    const op = labelsOp(decideIntake(input({ issue: issue({ labels }) })).operations);
    expect(op?.add).toContain('S1-broken');
    expect(op?.remove).toEqual(['S2-major', 'S3-minor']);
  });

  it('plans no label change when the issue already has the right labels', () => {
    const labels = ['escalation', COMPLETE, 'S1-broken', 'type/bug', 'area/engine', 'area/network'];
    expect(labelsOp(decideIntake(input({ issue: issue({ labels }) })).operations)).toBeUndefined();
  });

  it("on an edit, leaves the labels of fields whose answer did not change (a triager's severity stays)", () => {
    const labels = ['escalation', COMPLETE, 'S0-catastrophic', 'type/bug', 'area/engine'];
    const before = body('escalation.md');
    const after = escalationWith({
      Description:
        'Containers lose all network connectivity after the engine restarts on any node.',
    });
    const decision = decideIntake(
      input({ trigger: 'edited', issue: issue({ body: after, labels }), previousBody: before }),
    );
    expect(labelsOp(decision.operations)).toBeUndefined();
  });

  it('on an edit, replaces the severity label when the severity answer changed', () => {
    const labels = ['escalation', COMPLETE, 'S1-broken'];
    const after = escalationWith({
      Severity: 'S2-major: major functionality loss, workaround available',
    });
    const op = labelsOp(
      decideIntake(
        input({
          trigger: 'edited',
          issue: issue({ body: after, labels }),
          previousBody: body('escalation.md'),
        }),
      ).operations,
    );
    expect(op).toMatchObject({ add: ['S2-major'], remove: ['S1-broken'] });
  });

  it('on an edit, removes a mapped label only when the answer that brought it changed', () => {
    const labels = ['escalation', COMPLETE, 'S1-broken', 'type/bug', 'area/engine', 'area/network'];
    const after = escalationWith({ Area: 'engine' });
    const op = labelsOp(
      decideIntake(
        input({
          trigger: 'edited',
          issue: issue({ body: after, labels }),
          previousBody: body('escalation.md'),
        }),
      ).operations,
    );
    expect(op).toMatchObject({ add: [], remove: ['area/network'] });
  });

  it('keeps the old severity label when the new severity answer cannot be read', () => {
    const labels = ['escalation', COMPLETE, 'S1-broken'];
    const after = escalationWith({ Severity: 'urgent!!' });
    const op = labelsOp(
      decideIntake(
        input({
          trigger: 'edited',
          issue: issue({ body: after, labels }),
          previousBody: body('escalation.md'),
        }),
      ).operations,
    );
    expect(op).toMatchObject({ add: [INCOMPLETE], remove: [COMPLETE] });
  });

  it('on an edit without the previous body (the title changed), recomputes the status only', () => {
    const labels = ['escalation', INCOMPLETE, 'S3-minor'];
    const op = labelsOp(
      decideIntake(input({ trigger: 'edited', issue: issue({ labels }) })).operations,
    );
    expect(op).toMatchObject({ add: [COMPLETE], remove: [INCOMPLETE] });
  });
});

describe('decideIntake: edits', () => {
  const asked = renderIntakeComment({
    kind: 'missing',
    missing: [{ field: 'Logs', reason: 'It is empty — paste them.' }],
  });

  it('swaps the label and turns the missing list into a thank-you when an edit completes the issue', () => {
    const decision = decideIntake(
      input({
        trigger: 'edited',
        issue: issue({
          labels: [
            'escalation',
            INCOMPLETE,
            'S1-broken',
            'type/bug',
            'area/engine',
            'area/network',
          ],
        }),
        previousBody: noLogs,
        previousComment: asked,
      }),
    );
    expect(decision.operations).toEqual([
      expect.objectContaining({ kind: 'edit-labels', add: [COMPLETE], remove: [INCOMPLETE] }),
      expect.objectContaining({
        kind: 'upsert-comment',
        marker: { kind: 'intake', keys: {} },
        body: renderIntakeComment({ kind: 'thanks' }),
      }),
    ]);
  });

  it('keeps the thank-you once written (the upsert finds it unchanged)', () => {
    const thanks = renderIntakeComment({ kind: 'thanks' });
    const labels = ['escalation', COMPLETE, 'S1-broken', 'type/bug', 'area/engine', 'area/network'];
    const decision = decideIntake(
      input({ trigger: 'edited', issue: issue({ labels }), previousComment: thanks }),
    );
    expect(decision.operations).toEqual([
      expect.objectContaining({ kind: 'upsert-comment', body: thanks }),
    ]);
  });

  it('still emits the missing list when the comment already says exactly that', () => {
    const first = decideIntake(
      input({ trigger: 'edited', issue: issue({ body: noLogs, labels: [INCOMPLETE] }) }),
    );
    const body = commentOp(first.operations)?.body ?? '';
    const again = decideIntake(
      input({
        trigger: 'edited',
        issue: issue({ body: noLogs, labels: [INCOMPLETE] }),
        previousComment: body,
      }),
    );
    expect(commentOp(again.operations)?.body).toBe(body);
  });

  it('does not repeat possible duplicates after the issue was opened', () => {
    const decision = decideIntake(
      input({ trigger: 'edited', issue: issue({ body: noLogs }), duplicates: [hint] }),
    );
    expect(commentOp(decision.operations)?.body).not.toContain('#12');
  });

  it('writes no comment for a complete issue when nothing was asked before', () => {
    const decision = decideIntake(
      input({
        trigger: 'edited',
        issue: issue(),
        previousComment: renderIntakeComment({ kind: 'duplicates', duplicates: [hint] }),
      }),
    );
    expect(commentOp(decision.operations)).toBeUndefined();
  });
});

describe('decideIntake: exemptions', () => {
  it('does nothing for an exempt user, and says so', () => {
    const config = escalationConfig({ exempt: { users: ['Maintainer'], associations: [] } });
    const decision = decideIntake(
      input({ config, issue: issue({ body: noLogs, author: 'maintainer' }) }),
    );
    expect(decision.operations).toEqual([]);
    expect(decision.notes).toContain(
      'the author "maintainer" is exempt (exempt.users): nothing to do',
    );
  });

  it('does nothing for an exempt association', () => {
    const config = escalationConfig({ exempt: { users: [], associations: ['MEMBER'] } });
    const decision = decideIntake(
      input({ config, issue: issue({ body: noLogs, authorAssociation: 'MEMBER' }) }),
    );
    expect(decision.operations).toEqual([]);
  });
});

describe('decideIntake: the sweep', () => {
  const stale = issue({
    body: noLogs,
    labels: ['escalation', INCOMPLETE],
    updatedAt: '2024-05-10T00:00:00Z',
  });

  it('closes an incomplete issue inactive for close-after-days, then says why', () => {
    const decision = decideIntake(input({ trigger: 'sweep', issue: stale }));
    expect(decision.operations).toEqual([
      {
        kind: 'update-issue',
        issue: 42,
        state: 'closed',
        stateReason: 'not_planned',
        reason: 'information still missing after 14 day(s) without activity',
      },
      {
        kind: 'upsert-comment',
        issue: 42,
        marker: { kind: 'intake', keys: {} },
        body: renderIntakeComment({ kind: 'closed', days: 14, missing: decision.verdict.missing }),
        reason: 'say why the issue is closed',
      },
    ]);
  });

  it('says why it closed an issue whose comment an earlier sweep could not write', () => {
    const closed = { ...stale, state: 'closed' as const, stateReason: 'not_planned' };
    const decision = decideIntake(input({ trigger: 'sweep', issue: closed }));
    expect(decision.operations).toEqual([
      expect.objectContaining({ kind: 'upsert-comment', reason: 'say why the issue was closed' }),
    ]);
  });

  it('says nothing more on an issue it closed with its comment', () => {
    const closed = { ...stale, state: 'closed' as const, stateReason: 'not_planned' };
    const { missing } = decideIntake(input({ trigger: 'sweep', issue: stale })).verdict;
    const said = renderIntakeComment({ kind: 'closed', days: 14, missing });
    const decision = decideIntake(
      input({ trigger: 'sweep', issue: closed, previousComment: said }),
    );
    expect(decision.operations).toEqual([]);
  });

  it('leaves an issue with recent activity open', () => {
    const recent = { ...stale, updatedAt: '2024-05-25T00:00:00Z' };
    const decision = decideIntake(input({ trigger: 'sweep', issue: recent }));
    expect(decision.operations).toEqual([]);
    expect(decision.notes).toContain('last activity less than 14 day(s) ago: not closed yet');
  });

  it('closes nothing when close-after-days is not set', () => {
    const config = escalationConfig({ closeAfterDays: undefined });
    expect(decideIntake(input({ trigger: 'sweep', issue: stale, config })).operations).toEqual([]);
  });

  it('closes nothing without the incomplete status label', () => {
    const unlabelled = { ...stale, labels: ['escalation'] };
    expect(decideIntake(input({ trigger: 'sweep', issue: unlabelled })).operations).toEqual([]);
  });

  it('does not close an issue that is complete after all', () => {
    const complete = { ...stale, body: body('escalation.md') };
    const decision = decideIntake(input({ trigger: 'sweep', issue: complete }));
    expect(decision.operations).toEqual([]);
  });
});

describe('decideIntake: reopening', () => {
  const closed = issue({
    state: 'closed',
    stateReason: 'not_planned',
    labels: ['escalation', INCOMPLETE, 'S1-broken', 'type/bug', 'area/engine', 'area/network'],
  });

  it('reopens an issue it closed once an edit completes it, and thanks the reporter', () => {
    const decision = decideIntake(
      input({
        trigger: 'edited',
        issue: closed,
        previousBody: noLogs,
        previousComment: renderIntakeComment({ kind: 'closed', days: 14, missing: [] }),
      }),
    );
    expect(decision.operations).toEqual([
      expect.objectContaining({ kind: 'edit-labels', add: [COMPLETE], remove: [INCOMPLETE] }),
      expect.objectContaining({
        kind: 'update-issue',
        issue: 42,
        state: 'open',
        stateReason: 'reopened',
      }),
      expect.objectContaining({
        kind: 'upsert-comment',
        body: renderIntakeComment({ kind: 'thanks' }),
      }),
    ]);
  });

  it('keeps it closed, refreshing what is still missing, when the edit does not complete it', () => {
    const decision = decideIntake(
      input({ trigger: 'edited', issue: { ...closed, body: noLogs }, previousBody: noLogs }),
    );
    expect(decision.operations.map((op) => op.kind)).toEqual(['upsert-comment']);
    expect(commentOp(decision.operations)?.body).toContain('was closed because');
  });

  it('leaves alone an issue someone else closed', () => {
    const done = { ...closed, stateReason: 'completed' };
    const decision = decideIntake(input({ trigger: 'edited', issue: done, previousBody: noLogs }));
    expect(decision.operations).toEqual([]);
    expect(decision.notes).toContain(
      'the issue is closed and intake did not close it: nothing to do',
    );
  });
});

describe('decideIntake: the comment never mentions anyone', () => {
  it('escapes @-logins in duplicate titles', () => {
    const decision = decideIntake(
      input({
        issue: issue({ body: noLogs }),
        duplicates: [{ ...hint, title: 'ping @octocat and @org/team' }],
      }),
    );
    expect(commentOp(decision.operations)?.body).not.toMatch(/@[A-Za-z0-9]/);
  });
});
