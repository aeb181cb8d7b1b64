// Generated from config/schema/report.schema.json by `npm run schema-types` (scripts/schema-types.ts).
// Do not edit: change the schema and regenerate. test/unit/config/schema-types.test.ts
// checks that this file is fresh and that the config code's own types agree with it.

export type Prefix = string;
export type Duration = string;

export interface ReportSchema {
  /**
   * @minItems 1
   */
  repositories?: string[];
  timezone?: string;
  week?: 'previous' | 'current';
  period?: 'iso-week' | 'rotation';
  'stale-after-days'?: number;
  labels?: {
    severity?: Prefix;
    status?: Prefix;
    area?: Prefix;
  };
  'major-severities'?: string[];
  'response-goals'?: {
    calendar?: string;
    default?: Duration;
    severities?: {
      [k: string]: Duration;
    };
  };
  team?: string[];
  title?: string;
  label?: string;
  'list-limit'?: number;
}
