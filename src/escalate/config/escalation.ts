/**
 * escalation.yaml after schema validation: camelCase, every default filled in, so the decide
 * code never has to ask "was this set?". Plain data, like the roster model.
 */

import { STEP_LABEL_PREFIX } from '../../kernel/kit-labels.js';
import { type Goal, responseModelFrom } from '../../roster/response-clock.js';
import { PAGERDUTY_EVENTS_URL } from '../../notify/pagerduty.js';
import type { WebhookEvent } from '../../notify/slack.js';

/** Who a step assigns or mentions: a role of the schedule, a login or an @org/team. */
export type Target = { kind: 'role'; role: string } | { kind: 'login'; login: string };

export interface Step {
  /** Business minutes past the response goal at which this step is due (0: at the goal). */
  afterMinutes: number;
  assign: Target[];
  mention: Target[];
  /** Trigger PagerDuty again (same incident) and post to the chat webhook. */
  notify: boolean;
}

/** What moves an issue along the status lifecycle: its own events, and the engineering side's. */
export type StatusEvent =
  | 'opened'
  | 'assigned'
  | 'acknowledged'
  | 'closed-completed'
  | 'closed-not-planned'
  | 'reopened'
  /** The engineering side (decide/fix.ts): linked or reopened there, fixed, released. */
  | 'escalated'
  | 'fixed'
  | 'released-beta'
  | 'released-stable';

export interface StatusConfig {
  /** In lifecycle order: events only move an issue forward along it; commands go anywhere. */
  labels: string[];
  prefix: string;
  opened?: string;
  assigned?: string;
  acknowledged?: string;
  closedCompleted?: string;
  closedNotPlanned?: string;
  reopened?: string;
  /** Waiting on engineering: linked to an engineering issue, or that issue reopened. */
  escalated?: string;
  fixed?: string;
  releasedBeta?: string;
  releasedStable?: string;
}

export const COMMANDS = [
  'ack',
  'assign',
  'handoff',
  'severity',
  'status',
  'oncall',
  'duplicate',
  'escalate',
  'fixed-by',
  'postmortem',
  'swap',
  'cover',
] as const;
export type CommandName = (typeof COMMANDS)[number];

interface CommandsConfig {
  enabled: CommandName[];
  /** Repositories `/escalate` may open issues in (owner/name, compared ignoring case). */
  escalateTo: string[];
  /** Labels the issue opened by `/escalate` carries in the other repository. */
  escalateLabels: string[];
  duplicateLabel: string;
}

/** Who a follow-up is assigned to: a step's targets, or the incident's own assignees. */
type FollowUpTarget = Target | { kind: 'assignees' };

/** A follow-up of the incident, opened as its sub-issue when it is closed as completed. */
export interface DueItem {
  name: string;
  businessDays: number;
  assign: FollowUpTarget[];
  /** What to produce, in markdown. */
  body?: string;
}

export interface Playbook {
  name: string;
  /** The issue becomes subject to the playbook when it carries one of these labels. */
  labels: string[];
  /** Path of the checklist inside the config folder: playbooks/sev1.md. */
  file: string;
  /** Remind the assignees to update the customer after this many minutes without an update. */
  customerUpdateMinutes?: number;
  leadership?: { afterMinutes: number; mention: Target[] };
  /** Due after the issue is closed as completed, counted in business days of its clock. */
  afterClose: DueItem[];
}

export interface PagerDutyConfig {
  url: string;
  /** Page when an issue with one of these labels arrives (or gets one); empty: every new issue. */
  labels: string[];
  onEscalation: boolean;
  resolveOnClose: boolean;
}

interface WebhookConfig {
  events: WebhookEvent[];
}

export interface EscalationConfig {
  /** Severity labels, most severe first: `/severity S1` picks the one starting with S1. */
  severities: string[];
  goals: Goal[];
  /** Hours of a site's business day when roster.yaml has no calendar for that site. */
  businessHours: string[];
  /** Labels that say the issue waits on its reporter: the clock stands still while one is on. */
  pauseWhile: string[];
  acknowledgedLabel?: string;
  steps: Step[];
  /** Label of the step an issue reached: `escalated/1`, `escalated/2`. */
  stepLabelPrefix: string;
  status?: StatusConfig;
  commands: CommandsConfig;
  playbooks: Playbook[];
  pagerduty?: PagerDutyConfig;
  webhook?: WebhookConfig;
  postmortem: string[];
  /** Keep the pinned desk-now issue (src/escalate/decide/desk-now.ts). */
  deskNow: boolean;
}

/** Seed 004: the primary should prepare a set of bullets outlining a post-mortem. */
const POSTMORTEM = [
  'Summary: what happened, in two sentences',
  'Impact: who was affected, for how long',
  'Timeline: first report, first response, escalations, resolution',
  'Root cause',
  'What went well',
  'What went wrong',
  'Follow-up issues (with owners)',
];

interface GoalFile {
  labels?: string[];
  minutes: number;
  calendar?: string | { 'site-of': 'primary' | 'backup' };
}
interface StepFile {
  'after-minutes'?: number;
  assign?: string | string[];
  mention?: string | string[];
  notify?: boolean;
}
interface PlaybookFile {
  labels: string[];
  file?: string;
  'customer-update-minutes'?: number;
  leadership?: { 'after-minutes'?: number; mention: string | string[] };
  'after-close'?: {
    name: string;
    'business-days': number;
    assign?: string | string[];
    body?: string;
  }[];
}
export interface EscalationFile {
  version?: 1;
  severities?: string[];
  response?: {
    goals?: GoalFile[];
    calendar?: string | { 'site-of': 'primary' | 'backup' };
    'business-hours'?: string[];
    'acknowledged-label'?: string;
    'pause-while'?: string[];
  };
  escalation?: { steps?: StepFile[]; 'label-prefix'?: string };
  status?: {
    labels: string[];
    prefix?: string;
    on?: Partial<Record<StatusEvent, string>>;
  };
  commands?:
    | boolean
    | {
        enabled?: boolean;
        disabled?: CommandName[];
        'escalate-to'?: string[];
        'escalate-labels'?: string[];
        'duplicate-label'?: string;
      };
  playbooks?: Record<string, PlaybookFile>;
  notifications?: {
    pagerduty?: {
      url?: string;
      labels?: string[];
      'on-escalation'?: boolean;
      'resolve-on-close'?: boolean;
    };
    webhook?: { events?: WebhookEvent[] };
  };
  postmortem?: string[];
  'desk-now'?: boolean;
}

/** The default when escalation.yaml is absent: a one-business-hour goal and no steps. */
export function defaultEscalation(): EscalationConfig {
  return escalationFrom({});
}

function targetOf(text: string): Target {
  const roles = ['primary', 'backup'];
  if (roles.includes(text)) return { kind: 'role', role: text };
  return { kind: 'login', login: text.replace(/^@/, '') };
}

function assignOf(text: string): FollowUpTarget {
  return text === 'assignees' ? { kind: 'assignees' } : targetOf(text);
}

const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** escalation.yaml (already schema-checked) as the model the decide code reads. */
export function escalationFrom(value: unknown): EscalationConfig {
  const file = (value ?? {}) as EscalationFile;
  const response = file.response ?? {};
  const { goals, businessHours, pauseWhile } = responseModelFrom(response);
  const commandsFile = file.commands;
  const commandsOn =
    commandsFile !== false &&
    (commandsFile === true || commandsFile === undefined || commandsFile.enabled !== false);
  const disabled = typeof commandsFile === 'object' ? (commandsFile.disabled ?? []) : [];
  const status = file.status;
  const pd = file.notifications?.pagerduty;
  const hook = file.notifications?.webhook;
  return {
    severities: file.severities ?? [],
    goals,
    businessHours,
    pauseWhile,
    ...(response['acknowledged-label'] !== undefined
      ? { acknowledgedLabel: response['acknowledged-label'] }
      : {}),
    steps: (file.escalation?.steps ?? []).map((s) => ({
      afterMinutes: s['after-minutes'] ?? 0,
      assign: list(s.assign).map(targetOf),
      mention: list(s.mention).map(targetOf),
      notify: s.notify ?? true,
    })),
    stepLabelPrefix: file.escalation?.['label-prefix'] ?? STEP_LABEL_PREFIX,
    ...(status
      ? {
          status: {
            labels: status.labels,
            prefix: status.prefix ?? commonPrefix(status.labels),
            ...(status.on?.opened ? { opened: status.on.opened } : {}),
            ...(status.on?.assigned ? { assigned: status.on.assigned } : {}),
            ...(status.on?.acknowledged ? { acknowledged: status.on.acknowledged } : {}),
            ...(status.on?.['closed-completed']
              ? { closedCompleted: status.on['closed-completed'] }
              : {}),
            ...(status.on?.['closed-not-planned']
              ? { closedNotPlanned: status.on['closed-not-planned'] }
              : {}),
            ...(status.on?.reopened ? { reopened: status.on.reopened } : {}),
            ...(status.on?.escalated ? { escalated: status.on.escalated } : {}),
            ...(status.on?.fixed ? { fixed: status.on.fixed } : {}),
            ...(status.on?.['released-beta'] ? { releasedBeta: status.on['released-beta'] } : {}),
            ...(status.on?.['released-stable']
              ? { releasedStable: status.on['released-stable'] }
              : {}),
          },
        }
      : {}),
    commands: {
      enabled: commandsOn ? COMMANDS.filter((c) => !disabled.includes(c)) : [],
      escalateTo: typeof commandsFile === 'object' ? (commandsFile['escalate-to'] ?? []) : [],
      escalateLabels:
        // Never empty: the kit finds the issue it opened by listing this label, instead of paging
        // through every issue of the engineering repository.
        typeof commandsFile === 'object' && commandsFile['escalate-labels']?.length
          ? commandsFile['escalate-labels']
          : ['from-support'],
      duplicateLabel:
        (typeof commandsFile === 'object' ? commandsFile['duplicate-label'] : undefined) ??
        'duplicate',
    },
    playbooks: Object.entries(file.playbooks ?? {}).map(([name, p]) => ({
      name,
      labels: p.labels,
      file: p.file ?? `playbooks/${name}.md`,
      ...(p['customer-update-minutes'] !== undefined
        ? { customerUpdateMinutes: p['customer-update-minutes'] }
        : {}),
      ...(p.leadership
        ? {
            leadership: {
              afterMinutes: p.leadership['after-minutes'] ?? 60,
              mention: list(p.leadership.mention).map(targetOf),
            },
          }
        : {}),
      afterClose: (p['after-close'] ?? []).map((d) => ({
        name: d.name,
        businessDays: d['business-days'],
        assign: d.assign === undefined ? [{ kind: 'assignees' }] : list(d.assign).map(assignOf),
        ...(d.body !== undefined ? { body: d.body } : {}),
      })),
    })),
    ...(pd
      ? {
          pagerduty: {
            url: pd.url ?? PAGERDUTY_EVENTS_URL,
            labels: pd.labels ?? [],
            onEscalation: pd['on-escalation'] ?? true,
            resolveOnClose: pd['resolve-on-close'] ?? true,
          },
        }
      : {}),
    ...(hook ? { webhook: { events: hook.events ?? ['escalation', 'handoff', 'report'] } } : {}),
    postmortem: file.postmortem ?? POSTMORTEM,
    deskNow: file['desk-now'] ?? false,
  };
}

/** `status/` for status/0-triage, status/1-acknowledged, ...; '' when the labels share none. */
function commonPrefix(labels: string[]): string {
  const first = labels[0] ?? '';
  const slash = first.indexOf('/');
  if (slash < 0) return '';
  const prefix = first.slice(0, slash + 1);
  return labels.every((l) => l.startsWith(prefix)) ? prefix : '';
}

/**
 * `Incident summary` → `incident-summary`: the key a follow-up's marker names its item by, so
 * renaming an item's case or punctuation does not open it twice.
 */
export function itemKey(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'item'
  );
}

/** Case- and space-insensitive label comparison, as GitHub compares label names. */
export function sameLabel(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export function hasLabel(labels: readonly string[], wanted: string): boolean {
  return labels.some((l) => sameLabel(l, wanted));
}

export function hasAnyLabel(labels: readonly string[], wanted: readonly string[]): boolean {
  return wanted.some((w) => hasLabel(labels, w));
}
