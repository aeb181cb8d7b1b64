import type { SetIssueType } from '../../kernel/plan.js';
import type { FieldOutcome } from './rules.js';
import type { IntakeIssue, RepoIssueTypes } from './types.js';

/**
 * What intake does about the issue's type, from the answers it reads this time (a field's
 * `types:` mapping): give an issue that has no type the one its answer asks for, where the
 * repository's organisation has that type, and leave the answer's labels off, since the type says
 * the same. Labels stay where types do not exist, and wherever the kit does not set the type: a
 * type the issue already has (a form's `type:`, a person's choice) is never changed.
 */
export interface TypeDecision {
  operation?: SetIssueType;
  /** Labels the type stands for, left off the labels the answers bring. */
  replaces: string[];
  notes: string[];
  /** The answer asks for a type and only the repository's types can say whether it exists. */
  wantsTypes?: boolean;
}

const NOTHING: TypeDecision = { replaces: [], notes: [] };

export function decideIssueType(
  issue: IntakeIssue,
  fields: readonly FieldOutcome[],
  types: RepoIssueTypes | undefined,
): TypeDecision {
  const asking = fields.find((f) => f.type !== null);
  const wanted = asking?.type;
  if (!asking || !wanted) return NOTHING;
  const labels = asking.labels;
  if (issue.type) {
    if (issue.type.toLowerCase() === wanted.toLowerCase())
      return { replaces: labels, notes: [`the issue has the type ${issue.type} already`] };
    return {
      replaces: [],
      notes: [
        `the issue has the type ${issue.type}: left as it is, and "${asking.field.label}" brings its labels`,
      ],
    };
  }
  if (!types) return { ...NOTHING, wantsTypes: true };
  if ('none' in types) return { replaces: [], notes: [`${types.none}: labels, not a type`] };
  const name = types.names.find((t) => t.toLowerCase() === wanted.toLowerCase());
  if (!name)
    return {
      replaces: [],
      notes: [`the organisation has no issue type ${wanted}: labels, not a type`],
    };
  const present = new Set(issue.labels.map((l) => l.toLowerCase()));
  if (labels.length > 0 && labels.every((l) => present.has(l.toLowerCase())))
    return {
      replaces: [],
      notes: [
        `the issue carries ${labels.join(', ')} already: the type ${name} is not tried again`,
      ],
    };
  return {
    operation: {
      kind: 'set-issue-type',
      issue: issue.number,
      type: name,
      fallback: labels,
      reason: `"${asking.field.label}" asks for the type ${name}`,
    },
    replaces: labels,
    notes: [],
  };
}
