// Generated from config/schema/intake.schema.json by `npm run schema-types` (scripts/schema-types.ts).
// Do not edit: change the schema and regenerate. test/unit/config/schema-types.test.ts
// checks that this file is fresh and that the config code's own types agree with it.

export interface IntakeSchema {
  status?: {
    complete?: string;
    incomplete?: string;
  };
  exempt?: {
    users?: string[];
    associations?: (
      | 'OWNER'
      | 'MEMBER'
      | 'COLLABORATOR'
      | 'CONTRIBUTOR'
      | 'FIRST_TIME_CONTRIBUTOR'
      | 'FIRST_TIMER'
      | 'MANNEQUIN'
      | 'NONE'
    )[];
  };
  junk?: string[];
  title?: TextRule;
  severity?: {
    /**
     * @minItems 1
     */
    labels: string[];
  };
  templates?: {
    [k: string]: Template;
  };
  'close-after-days'?: number;
  duplicates?: {
    enabled?: boolean;
    threshold?: number;
    max?: number;
  };
}
export interface TextRule {
  'min-length'?: number;
  pattern?: string;
  'pattern-hint'?: string;
}
export interface Template {
  'when-labels'?: string[];
  fields?: {
    [k: string]: Field;
  };
}
export interface Field {
  required?: boolean;
  'min-length'?: number;
  pattern?: string;
  'pattern-hint'?: string;
  logs?: boolean;
  severity?: boolean;
  hint?: string;
  labels?: {
    [k: string]: string | string[];
  };
  types?: {
    [k: string]: string;
  };
}
