// Generated from config/schema/escalation.schema.json by `npm run schema-types` (scripts/schema-types.ts).
// Do not edit: change the schema and regenerate. test/unit/config/schema-types.test.ts
// checks that this file is fresh and that the config code's own types agree with it.

export type Label = string;
/**
 * @minItems 1
 */
export type Labels = Label[];
export type Minutes = number;
export type Calendar =
  | string
  | {
      'site-of': 'primary' | 'backup';
    };
/**
 * @minItems 1
 */
export type Hours = string[];
export type Targets = Target | Target[];
export type Target = string;
export type AssignTargets = AssignTarget | AssignTarget[];
export type AssignTarget = string;

export interface EscalationSchema {
  version?: 1;
  severities?: Label[];
  response?: {
    /**
     * @minItems 1
     */
    goals?: Goal[];
    calendar?:
      | string
      | {
          'site-of': 'primary' | 'backup';
        };
    'business-hours'?: Hours;
    'acknowledged-label'?: Label;
    'pause-while'?: Label[];
  };
  escalation?: {
    steps?: Step[];
    'label-prefix'?: string;
  };
  status?: {
    /**
     * @minItems 2
     */
    labels: Label[];
    prefix?: string;
    on?: {
      opened?: Label;
      assigned?: Label;
      acknowledged?: Label;
      'closed-completed'?: Label;
      'closed-not-planned'?: Label;
      reopened?: Label;
      escalated?: Label;
      fixed?: Label;
      'released-beta'?: Label;
      'released-stable'?: Label;
    };
  };
  commands?:
    | {
        enabled?: boolean;
        disabled?: (
          | 'ack'
          | 'assign'
          | 'handoff'
          | 'severity'
          | 'status'
          | 'oncall'
          | 'duplicate'
          | 'escalate'
          | 'fixed-by'
          | 'postmortem'
          | 'swap'
          | 'cover'
        )[];
        'escalate-to'?: string[];
        'escalate-labels'?: Label[];
        'duplicate-label'?: Label;
      }
    | boolean;
  playbooks?: {
    [k: string]: Playbook;
  };
  notifications?: {
    pagerduty?: {
      url?: string;
      labels?: Label[];
      'on-escalation'?: boolean;
      'resolve-on-close'?: boolean;
    };
    webhook?: {
      events?: ('escalation' | 'handoff' | 'leadership' | 'report')[];
    };
  };
  /**
   * @minItems 1
   */
  postmortem?: string[];
  'desk-now'?: boolean;
}
export interface Goal {
  labels?: Labels;
  minutes: Minutes;
  calendar?: Calendar;
}
export interface Step {
  'after-minutes'?: Minutes;
  assign?: Targets;
  mention?: Targets;
  notify?: boolean;
}
export interface Playbook {
  labels: Labels;
  file?: string;
  'customer-update-minutes'?: number;
  leadership?: {
    'after-minutes'?: Minutes;
    mention: Targets;
  };
  'after-close'?: {
    name: string;
    'business-days': number;
    assign?: AssignTargets;
    body?: string;
  }[];
}
