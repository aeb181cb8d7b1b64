// Generated from config/schema/issue-form.schema.json by `npm run schema-types` (scripts/schema-types.ts).
// Do not edit: change the schema and regenerate. test/unit/config/schema-types.test.ts
// checks that this file is fresh and that the config code's own types agree with it.

export type Element = {
  type: 'markdown' | 'input' | 'textarea' | 'dropdown' | 'checkboxes';
  id?: string;
  attributes?: {
    [k: string]: unknown;
  };
  validations?: {
    required?: boolean;
    [k: string]: unknown;
  };
  [k: string]: unknown;
};

export interface IssueFormSchema {
  name: string;
  description: string;
  title?: string;
  labels?: string | string[];
  assignees?: string | string[];
  projects?: unknown;
  type?: string;
  /**
   * @minItems 1
   */
  body: Element[];
  [k: string]: unknown;
}
