// Generated from config/schema/labels.schema.json by `npm run schema-types` (scripts/schema-types.ts).
// Do not edit: change the schema and regenerate. test/unit/config/schema-types.test.ts
// checks that this file is fresh and that the config code's own types agree with it.

export interface LabelsSchema {
  extends?: string;
  prune?: boolean;
  exclude?: string[];
  brake?: {
    'max-deletes'?: number;
    'max-percent'?: number;
  };
  /**
   * @minItems 1
   */
  repositories?: string[];
  organization?: {
    name: string;
    include?: string[];
    exclude?: string[];
  };
  labels?: Label[];
}
export interface Label {
  name: string;
  color: string;
  description?: string;
  aliases?: string[];
}
