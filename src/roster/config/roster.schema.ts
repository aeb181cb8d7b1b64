// Generated from config/schema/roster.schema.json by `npm run schema-types` (scripts/schema-types.ts).
// Do not edit: change the schema and regenerate. test/unit/config/schema-types.test.ts
// checks that this file is fresh and that the config code's own types agree with it.

export type Assignee = string;
export type Timezone = string;
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
/**
 * @minItems 1
 */
export type Days = Weekday[];
export type Holiday =
  | Date
  | {
      date: Date;
      name?: string;
    };
export type Date = string;
export type Name = string;
/**
 * @minItems 1
 */
export type Hours = string[];
export type Rotation = {
  members: Members;
  period: 'week' | 'slot';
  handoff?: string;
  timezone?: Timezone;
  site?: Name;
  calendar?: Name;
  anchor: Date;
  order?: Order;
  seed?: Seed;
  changes?: Change[];
};
export type Login = string;
/**
 * @minItems 1
 */
export type Members = Login[];
export type Order = 'fixed' | 'shuffle';
export type Seed = string;
export type Change = {
  from: Date;
  members: Members;
  'start-with'?: Login;
  order?: Order;
  seed?: Seed;
  retroactive?: boolean;
};
export type Window = {
  calendar?: Name;
  site?: Name;
  hours?: Hours;
  days?: Days;
  holidays?: 'closed' | 'open';
} & Window1;
export type Window1 =
  | {
      calendar: unknown;
      site?: never;
      hours?: never;
      days?: never;
      holidays?: never;
      [k: string]: unknown;
    }
  | {
      site: unknown;
      hours: unknown;
      calendar?: never;
      [k: string]: unknown;
    };
export type Gap = {
  name: Name;
  timezone?: Timezone;
  site?: Name;
  days?: Days;
  hours: Hours;
  'tolerance-minutes'?: number;
} & Gap1;
export type Gap1 =
  | {
      timezone: unknown;
      site?: never;
      [k: string]: unknown;
    }
  | {
      site: unknown;
      timezone?: never;
      [k: string]: unknown;
    };
export type LocalDateTime = string;
export type DateOrDateTime = string;

export interface RosterSchema {
  version: 1;
  fallback?: Assignee;
  busy?: 'ignore' | 'backup';
  sites: {
    [k: string]: Site;
  };
  people: {
    [k: string]: Person;
  };
  calendars?: {
    [k: string]: Calendar;
  };
  rotations: {
    [k: string]: Rotation;
  };
  schedules: {
    [k: string]: Schedule;
  };
  overrides?: Override[];
  leave?: Leave[];
  routes?: Route[];
}
export interface Site {
  timezone: Timezone;
  workweek?: Days;
  holidays?: Holiday[];
}
export interface Person {
  site: Name;
  name?: string;
}
export interface Calendar {
  site: Name;
  hours: Hours;
  days?: Days;
}
export interface Schedule {
  /**
   * @minItems 1
   */
  roles?: Name[];
  shadow?: {
    role?: Name;
    rotation: Name;
  };
  /**
   * @minItems 1
   */
  layers: Layer[];
  gaps?: Gap[];
  'on-gap'?: 'hold' | 'fallback';
  fallback?: Assignee;
  handoff?: {
    reassign?: 'none' | 'open';
  };
}
export interface Layer {
  name?: Name;
  rotation: Name;
  window?: Window;
}
export interface Override {
  schedule: Name;
  role?: Name;
  person: Login;
  from: LocalDateTime;
  to: LocalDateTime;
  timezone?: Timezone;
  ref?: string;
  retroactive?: boolean;
}
export interface Leave {
  person: Login;
  from: DateOrDateTime;
  to: DateOrDateTime;
  retroactive?: boolean;
}
export interface Route {
  labels?: string[];
  schedule: Name;
  role?: Name;
}
