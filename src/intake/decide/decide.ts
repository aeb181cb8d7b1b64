import type {
  EditLabels,
  Marker,
  Operation,
  UpdateIssue,
  UpsertComment,
} from '../../kernel/plan.js';
import { parseBody, sameAnswer } from './body.js';
import { type IntakeComment, commentKind, renderIntakeComment } from './comment.js';
import {
  type FieldOutcome,
  type IntakeCheck,
  checkIssue,
  outcomesOf,
  uniqueLabels,
} from './rules.js';
import { chooseTemplate } from './template.js';
import { decideIssueType, type TypeDecision } from './issue-type.js';
import type {
  DuplicateHint,
  IntakeConfig,
  IntakeIssue,
  IntakeVerdict,
  IssueTemplate,
  RepoIssueTypes,
} from './types.js';
import { plural } from '../../kernel/words.js';

/**
 * What intake does to one issue: the status label for its verdict, the labels its answers bring,
 * one comment kept up to date, and — on a schedule — closing what stayed incomplete too long
 * (reopened when the reporter completes it).
 *
 * Labels: the kit only ever removes labels it manages (the two status labels, the severity
 * labels, and every label of a `labels:` mapping in intake.yaml), and a field's labels are
 * recomputed only when that field's answer changed — on `opened` all of them, on `edited` the
 * ones whose answer differs from the body before the edit, otherwise none — so a triager's
 * change is not reverted by an unrelated edit. A severity label is replaced only by another
 * recognised severity.
 */

export interface IntakeDecisionInput {
  issue: IntakeIssue;
  trigger: 'opened' | 'edited' | 'reopened' | 'sweep';
  /** On `edited`: the body before the edit (GitHub's changes.body.from), when the body changed. */
  previousBody?: string;
  templates: IssueTemplate[];
  config: IntakeConfig;
  /** Already ranked, only on opened. */
  duplicates: DuplicateHint[];
  /** Body of the kit's own intake comment on this issue, or null. */
  previousComment: string | null;
  /** The repository's issue types, once read: only when a decision without them wants them. */
  types?: RepoIssueTypes;
  now: Date;
}

export interface IntakeDecision {
  verdict: IntakeVerdict;
  operations: Operation[];
  notes: string[];
  /** An answer asks for an issue type: decide again with the repository's `types`. */
  wantsIssueTypes?: boolean;
}

const INTAKE_MARKER: Marker = { kind: 'intake', keys: {} };

const DAY_MS = 86_400_000;

/** Every label intake may remove: status, severity, and the labels answers bring. */
export function managedLabels(config: IntakeConfig): string[] {
  const mapped = Object.values(config.templates).flatMap((template) =>
    Object.values(template.fields).flatMap((rule) =>
      Object.values(rule.labels ?? {}).flatMap((labels) =>
        Array.isArray(labels) ? labels : [labels],
      ),
    ),
  );
  return uniqueLabels([
    config.status.complete,
    config.status.incomplete,
    ...config.severity.labels,
    ...mapped,
  ]);
}

function hasLabel(labels: readonly string[], label: string): boolean {
  const wanted = label.toLowerCase();
  return labels.some((l) => l.toLowerCase() === wanted);
}

function exemption(issue: IntakeIssue, config: IntakeConfig): string | null {
  if (hasLabel(config.exempt.users, issue.author)) {
    return `the author "${issue.author}" is exempt (exempt.users): nothing to do`;
  }
  if (hasLabel(config.exempt.associations, issue.authorAssociation)) {
    return `the author's association ${issue.authorAssociation} is exempt (exempt.associations): nothing to do`;
  }
  return null;
}

function verdictOf(check: IntakeCheck): IntakeVerdict {
  return {
    complete: check.complete,
    template: check.template,
    missing: check.missing,
    labels: check.labels,
  };
}

function closedForMissingInformation(issue: IntakeIssue, config: IntakeConfig): boolean {
  return (
    issue.state === 'closed' &&
    (issue.stateReason ?? '').toLowerCase() === 'not_planned' &&
    hasLabel(issue.labels, config.status.incomplete)
  );
}

export function decideIntake(input: IntakeDecisionInput): IntakeDecision {
  const { issue, config } = input;
  const template = chooseTemplate(issue, input.templates, config);
  const check = checkIssue(issue, template, config);
  const verdict = verdictOf(check);
  const notes: string[] = [];
  if (template) notes.push(`template "${template.key}" applies`);
  notes.push(...check.notes);
  const decision = (operations: Operation[], ...more: string[]): IntakeDecision => ({
    verdict,
    operations,
    notes: [...notes, ...more],
  });

  const exempt = exemption(issue, config);
  if (exempt) return decision([], exempt);
  if (input.trigger === 'sweep') return decision(...sweep(input, verdict));

  const typed: TypeDecision = template
    ? decideIssueType(
        issue,
        changedFields(input, template, check.fields).map((f) => f.now),
        input.types,
      )
    : { replaces: [], notes: [] };
  if (typed.wantsTypes) return { ...decision([]), wantsIssueTypes: true };
  notes.push(...typed.notes);
  const labels = labelOperation(input, template, check, typed.replaces);
  const labelled: Operation[] = [
    ...(labels ? [labels] : []),
    ...(typed.operation ? [typed.operation] : []),
  ];
  if (issue.state === 'closed') {
    if (!closedForMissingInformation(issue, config)) {
      return decision([], 'the issue is closed and intake did not close it: nothing to do');
    }
    if (verdict.complete) {
      const reopen: UpdateIssue = {
        kind: 'update-issue',
        issue: issue.number,
        state: 'open',
        stateReason: 'reopened',
        reason: 'closed for missing information, which is now there',
      };
      return decision([
        ...labelled,
        reopen,
        comment(issue, { kind: 'thanks' }, 'everything is there now: thank the reporter'),
      ]);
    }
    const still: IntakeComment =
      config.closeAfterDays !== undefined
        ? { kind: 'closed', days: config.closeAfterDays, missing: verdict.missing }
        : missingComment(verdict, template, []);
    return decision(
      [...labelled, comment(issue, still, 'closed for missing information that is still missing')],
      'the issue stays closed until the missing information is added',
    );
  }

  const operations: Operation[] = labelled;
  const previous = commentKind(input.previousComment);
  const hints =
    input.trigger === 'opened' && config.duplicates.enabled
      ? input.duplicates
          .filter((hint) => hint.number !== issue.number)
          .slice(0, Math.max(0, config.duplicates.max))
      : [];
  if (!verdict.complete) {
    operations.push(
      comment(
        issue,
        missingComment(verdict, template, hints),
        `ask for ${verdict.missing.length === 1 ? 'the missing field' : `${verdict.missing.length} missing fields`}`,
      ),
    );
  } else if (previous === 'missing' || previous === 'closed' || previous === 'thanks') {
    operations.push(
      comment(issue, { kind: 'thanks' }, 'everything is there now: thank the reporter'),
    );
  } else if (hints.length > 0) {
    operations.push(
      comment(
        issue,
        { kind: 'duplicates', duplicates: hints },
        `point at ${plural(hints.length, 'possible duplicate')}`,
      ),
    );
  } else {
    notes.push('complete, and nothing was asked before: no comment');
  }
  return decision(operations);
}

function missingComment(
  verdict: IntakeVerdict,
  template: IssueTemplate | null,
  hints: DuplicateHint[],
): IntakeComment {
  return {
    kind: 'missing',
    missing: verdict.missing,
    ...(template ? { template: template.name } : {}),
    ...(hints.length > 0 ? { duplicates: hints } : {}),
  };
}

function comment(issue: IntakeIssue, content: IntakeComment, reason: string): UpsertComment {
  return {
    kind: 'upsert-comment',
    issue: issue.number,
    marker: INTAKE_MARKER,
    body: renderIntakeComment(content),
    reason,
  };
}

/** Close an open issue that stayed incomplete `closeAfterDays` without activity. */
function sweep(input: IntakeDecisionInput, verdict: IntakeVerdict): [Operation[], string] {
  const { issue, config } = input;
  const days = config.closeAfterDays;
  if (days === undefined) return [[], 'close-after-days is not set: intake closes nothing'];
  if (issue.state !== 'open') return closedWithoutComment(input, verdict, days);
  if (!hasLabel(issue.labels, config.status.incomplete)) {
    return [[], `the issue does not carry "${config.status.incomplete}": not closed`];
  }
  const updated = Date.parse(issue.updatedAt);
  if (Number.isNaN(updated))
    return [[], `updatedAt "${issue.updatedAt}" is not a date: not closed`];
  if (input.now.getTime() - updated < days * DAY_MS) {
    return [[], `last activity less than ${days} day(s) ago: not closed yet`];
  }
  if (verdict.complete) {
    return [
      [],
      `the issue carries "${config.status.incomplete}" but is complete now: not closed (the next edit fixes the label)`,
    ];
  }
  // Closed first: the comment says it is closed, so it waits for the close (the executor holds
  // it back when the close fails, and the issue, untouched, is found by the next sweep).
  return [
    [
      {
        kind: 'update-issue',
        issue: issue.number,
        state: 'closed',
        stateReason: 'not_planned',
        reason: `information still missing after ${days} day(s) without activity`,
      },
      comment(
        issue,
        { kind: 'closed', days, missing: verdict.missing },
        `say why the issue is closed`,
      ),
    ],
    `closed: incomplete and inactive for ${days} day(s) or more`,
  ];
}

/**
 * An issue an earlier sweep closed and could not say why (the close took, the comment did not):
 * the comment it owes, once.
 */
function closedWithoutComment(
  input: IntakeDecisionInput,
  verdict: IntakeVerdict,
  days: number,
): [Operation[], string] {
  const { issue, config } = input;
  if (
    !closedForMissingInformation(issue, config) ||
    commentKind(input.previousComment) === 'closed'
  )
    return [[], 'the issue is already closed'];
  return [
    [
      comment(
        issue,
        { kind: 'closed', days, missing: verdict.missing },
        'say why the issue was closed',
      ),
    ],
    'closed by an earlier sweep that could not say why: saying it now',
  ];
}

/** The fields whose labels this event recomputes, with their answers before it (if any). */
function changedFields(
  input: IntakeDecisionInput,
  template: IssueTemplate,
  outcomes: FieldOutcome[],
): { now: FieldOutcome; before: FieldOutcome | undefined }[] {
  if (input.trigger === 'opened') return outcomes.map((now) => ({ now, before: undefined }));
  if (input.trigger !== 'edited' || input.previousBody === undefined) return [];
  const before = outcomesOf(template, parseBody(input.previousBody, template), input.config);
  return outcomes
    .map((now, i) => ({ now, before: before[i] }))
    .filter(({ now, before: was }) => !was || !sameAnswer(now.answer, was.answer));
}

/**
 * A status of the same family as intake's two (`status/…`) but neither of them: a person or the
 * lifecycle moved the issue on (acknowledged, in progress), and an edit of the report must not
 * put it back to triage.
 */
function laterStatus(
  labels: readonly string[],
  status: { complete: string; incomplete: string },
): string | undefined {
  const slash = status.complete.lastIndexOf('/');
  if (slash < 0) return undefined;
  const family = status.complete.slice(0, slash + 1).toLowerCase();
  return labels.find(
    (label) =>
      label.toLowerCase().startsWith(family) &&
      !hasLabel([status.complete, status.incomplete], label),
  );
}

function labelOperation(
  input: IntakeDecisionInput,
  template: IssueTemplate | null,
  check: IntakeCheck,
  /** Labels an issue type stands for instead (decideIssueType). */
  typed: readonly string[],
): EditLabels | null {
  const { issue, config } = input;
  const current = issue.labels;
  const managed = managedLabels(config);
  const add: string[] = [];
  const remove: string[] = [];
  const why: string[] = [];

  const [status, otherStatus] = check.complete
    ? [config.status.complete, config.status.incomplete]
    : [config.status.incomplete, config.status.complete];
  const later = laterStatus(current, config.status);
  if (later) {
    why.push(`status left at ${later}: the issue has moved past intake`);
  } else {
    add.push(status);
    remove.push(otherStatus);
  }

  if (template) {
    const brought = new Set(check.fields.flatMap((f) => f.labels.map((l) => l.toLowerCase())));
    for (const { now, before } of changedFields(input, template, check.fields)) {
      const brings = now.labels.filter((label) => !hasLabel(typed, label));
      if (brings.length > 0) why.push(`"${now.field.label}" brings ${brings.join(', ')}`);
      add.push(...brings);
      if (now.severity) {
        remove.push(
          ...config.severity.labels.filter((l) => l.toLowerCase() !== now.severity?.toLowerCase()),
        );
      }
      for (const label of before?.labels ?? []) {
        // A severity label goes only when another severity replaces it (above).
        if (label === before?.severity) continue;
        if (!brought.has(label.toLowerCase())) remove.push(label);
      }
    }
  }

  const adding = uniqueLabels(add).filter((label) => !hasLabel(current, label));
  const addingKeys = new Set(uniqueLabels(add).map((label) => label.toLowerCase()));
  const removing = current.filter(
    (label) =>
      hasLabel(remove, label) && hasLabel(managed, label) && !addingKeys.has(label.toLowerCase()),
  );
  if (adding.length === 0 && removing.length === 0) return null;
  const verdictWord = check.complete ? 'complete' : 'incomplete';
  return {
    kind: 'edit-labels',
    issue: issue.number,
    current: [...current],
    add: adding,
    remove: uniqueLabels(removing),
    reason: [later ? verdictWord : `${verdictWord}: ${status}`, ...why].join('; '),
  };
}
