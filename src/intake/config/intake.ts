import type { IntakeConfig } from '../decide/types.js';

/** intake.yaml once the schema has passed, as written (kebab-case keys). */
interface IntakeFile {
  status?: { complete?: string; incomplete?: string };
  exempt?: { users?: string[]; associations?: AuthorAssociation[] };
  junk?: string[];
  title?: TextRule;
  severity?: { labels: string[] };
  templates?: Record<string, { 'when-labels'?: string[]; fields?: Record<string, FieldFile> }>;
  'close-after-days'?: number;
  duplicates?: { enabled?: boolean; threshold?: number; max?: number };
}

/** GitHub's author associations (issue.author_association). */
type AuthorAssociation =
  | 'OWNER'
  | 'MEMBER'
  | 'COLLABORATOR'
  | 'CONTRIBUTOR'
  | 'FIRST_TIME_CONTRIBUTOR'
  | 'FIRST_TIMER'
  | 'MANNEQUIN'
  | 'NONE';

interface TextRule {
  'min-length'?: number;
  pattern?: string;
  'pattern-hint'?: string;
}

interface FieldFile extends TextRule {
  required?: boolean;
  logs?: boolean;
  severity?: boolean;
  hint?: string;
  labels?: Record<string, string | string[]>;
  types?: Record<string, string>;
}

const DEFAULT_JUNK = [
  '.',
  '-',
  '--',
  '...',
  '?',
  'n/a',
  'na',
  'n.a.',
  'none',
  'no',
  'nothing',
  'tbd',
  'todo',
  'idk',
  'x',
  'test',
  'asdf',
];
const DEFAULT_SEVERITY = ['S0-catastrophic', 'S1-broken', 'S2-major', 'S3-minor'];

/** The rules intake decides with: intake.yaml over the defaults (an absent file is all defaults). */
export function intakeConfigFrom(file: IntakeFile | undefined): IntakeConfig {
  const f = file ?? {};
  const textRule = (r: TextRule | undefined) => ({
    ...(r?.['min-length'] !== undefined ? { minLength: r['min-length'] } : {}),
    ...(r?.pattern !== undefined ? { pattern: r.pattern } : {}),
    ...(r?.['pattern-hint'] !== undefined ? { patternHint: r['pattern-hint'] } : {}),
  });
  return {
    status: {
      complete: f.status?.complete ?? 'status/0-triage',
      incomplete: f.status?.incomplete ?? 'status/0-more-info-needed',
    },
    exempt: { users: f.exempt?.users ?? [], associations: f.exempt?.associations ?? [] },
    junk: [...DEFAULT_JUNK, ...(f.junk ?? [])],
    title: textRule(f.title),
    templates: Object.fromEntries(
      Object.entries(f.templates ?? {}).map(([key, t]) => [
        key,
        {
          whenLabels: t['when-labels'] ?? [],
          fields: Object.fromEntries(
            Object.entries(t.fields ?? {}).map(([field, rule]) => [
              field,
              {
                ...textRule(rule),
                ...(rule.required !== undefined ? { required: rule.required } : {}),
                ...(rule.logs !== undefined ? { logs: rule.logs } : {}),
                ...(rule.severity !== undefined ? { severity: rule.severity } : {}),
                ...(rule.hint !== undefined ? { hint: rule.hint } : {}),
                ...(rule.labels !== undefined ? { labels: rule.labels } : {}),
                ...(rule.types !== undefined ? { types: rule.types } : {}),
              },
            ]),
          ),
        },
      ]),
    ),
    severity: { labels: f.severity?.labels ?? DEFAULT_SEVERITY },
    ...(f['close-after-days'] !== undefined ? { closeAfterDays: f['close-after-days'] } : {}),
    duplicates: {
      enabled: f.duplicates?.enabled ?? true,
      threshold: f.duplicates?.threshold ?? 0.5,
      max: f.duplicates?.max ?? 3,
    },
  };
}
