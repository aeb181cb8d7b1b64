import { describe, expect, it } from 'vitest';
import { type IntakeDecisionInput, decideIntake } from '../../../src/intake/decide/decide.js';
import type { IntakeConfig, IntakeIssue } from '../../../src/intake/decide/types.js';
import type { EditLabels, Operation, SetIssueType } from '../../../src/kernel/plan.js';
import { body, escalationWith } from '../fixtures/intake/bodies.js';
import { escalation, escalationConfig } from '../fixtures/intake/templates.js';

const NOW = new Date('2024-06-01T12:00:00Z');
const ORG_TYPES = { names: ['Task', 'Bug', 'Feature'] };

/** The escalation rules, with the type question also mapped to the organisation's types. */
function typedConfig(): IntakeConfig {
  const config = escalationConfig();
  const fields = config.templates.escalation?.fields ?? {};
  fields.type = { ...fields.type, types: { bug: 'bug', enhancement: 'Feature' } };
  return config;
}

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
    type: null,
    ...extra,
  };
}

function input(extra: Partial<IntakeDecisionInput> = {}): IntakeDecisionInput {
  return {
    issue: issue(),
    trigger: 'opened',
    templates: [escalation],
    config: typedConfig(),
    duplicates: [],
    previousComment: null,
    types: ORG_TYPES,
    now: NOW,
    ...extra,
  };
}

const typeOp = (ops: Operation[]) =>
  ops.find((op): op is SetIssueType => op.kind === 'set-issue-type');
const added = (ops: Operation[]) =>
  ops.find((op): op is EditLabels => op.kind === 'edit-labels')?.add ?? [];

describe('decideIntake: the issue type an answer asks for', () => {
  it("sets the organisation's type, spelt as the organisation spells it, instead of the answer's label", () => {
    const decision = decideIntake(input());

    expect(typeOp(decision.operations)).toEqual({
      kind: 'set-issue-type',
      issue: 42,
      type: 'Bug',
      fallback: ['type/bug'],
      reason: '"Type" asks for the type Bug',
    });
    expect(added(decision.operations)).not.toContain('type/bug');
    expect(added(decision.operations)).toContain('area/engine');
  });

  it('asks for the repository types before deciding, when it has not got them', () => {
    const decision = decideIntake(input({ types: undefined }));

    expect(decision.wantsIssueTypes).toBe(true);
    expect(decision.operations).toEqual([]);
  });

  it("keeps the label, and sets no type, in a person's repository", () => {
    const decision = decideIntake(input({ types: { none: "acme is a person's account" } }));

    expect(typeOp(decision.operations)).toBeUndefined();
    expect(added(decision.operations)).toContain('type/bug');
    expect(decision.notes).toContain("acme is a person's account: labels, not a type");
  });

  it('keeps the label when the organisation has no such type', () => {
    const decision = decideIntake(
      input({
        issue: issue({ body: escalationWith({ Type: 'enhancement' }) }),
        types: { names: ['Bug'] },
      }),
    );

    expect(typeOp(decision.operations)).toBeUndefined();
    expect(added(decision.operations)).toContain('type/enhancement');
    expect(decision.notes).toContain(
      'the organisation has no issue type Feature: labels, not a type',
    );
  });

  it('leaves a type the issue already has, the same one without its label', () => {
    const decision = decideIntake(input({ issue: issue({ type: 'Bug' }) }));

    expect(typeOp(decision.operations)).toBeUndefined();
    expect(added(decision.operations)).not.toContain('type/bug');
    expect(decision.wantsIssueTypes).toBeUndefined();
  });

  it("never changes a type a person or the form chose, and brings the answer's label beside it", () => {
    const decision = decideIntake(input({ issue: issue({ type: 'Task' }), types: undefined }));

    expect(typeOp(decision.operations)).toBeUndefined();
    expect(added(decision.operations)).toContain('type/bug');
    expect(decision.notes).toContain(
      'the issue has the type Task: left as it is, and "Type" brings its labels',
    );
  });

  it('does not try the type again on an issue that carries its label (an earlier fallback)', () => {
    const decision = decideIntake(input({ issue: issue({ labels: ['escalation', 'type/bug'] }) }));

    expect(typeOp(decision.operations)).toBeUndefined();
    expect(decision.notes).toContain(
      'the issue carries type/bug already: the type Bug is not tried again',
    );
  });

  it('sets no type on an edit that leaves the type answer as it was', () => {
    const text = body('escalation.md');
    const decision = decideIntake(
      input({
        trigger: 'edited',
        previousBody: text,
        issue: issue({ body: `${text}\n` }),
        types: undefined,
      }),
    );

    expect(decision.wantsIssueTypes).toBeUndefined();
    expect(typeOp(decision.operations)).toBeUndefined();
  });
});
