import { hasLabel, sameLabel, type StatusConfig, type StatusEvent } from '../config/escalation.js';

export type { StatusEvent };

/**
 * The status lifecycle (seed 001): exactly one status label per issue. Events move an issue
 * forward along the configured order (an assignment never drags a fixed issue back to "in
 * progress"); closing and reopening always apply; commands set any status.
 */

/** What the engineering issue does moves the support issue wherever it is: it is news, not a step. */
const ALWAYS: readonly StatusEvent[] = [
  'closed-completed',
  'closed-not-planned',
  'reopened',
  'escalated',
  'fixed',
  'released-beta',
  'released-stable',
];

/** The status labels, in lifecycle order. */
export function statusLabels(labels: readonly string[], config: StatusConfig): string[] {
  return config.labels.filter((s) => hasLabel(labels, s));
}

function isStatusLabel(label: string, config: StatusConfig): boolean {
  return (
    hasLabel(config.labels, label) ||
    (config.prefix !== '' && label.toLowerCase().startsWith(config.prefix.toLowerCase()))
  );
}

function indexOf(config: StatusConfig, label: string | undefined): number {
  return label === undefined ? -1 : config.labels.findIndex((l) => sameLabel(l, label));
}

/** The status an event gives, or undefined when it gives none or would move the issue back. */
export function statusFor(
  event: StatusEvent,
  current: string | undefined,
  config: StatusConfig,
): string | undefined {
  const target = {
    opened: config.opened,
    assigned: config.assigned,
    acknowledged: config.acknowledged,
    'closed-completed': config.closedCompleted,
    'closed-not-planned': config.closedNotPlanned,
    reopened: config.reopened,
    escalated: config.escalated,
    fixed: config.fixed,
    'released-beta': config.releasedBeta,
    'released-stable': config.releasedStable,
  }[event];
  if (target === undefined) return undefined;
  if (current !== undefined && sameLabel(current, target)) return undefined;
  if (event === 'opened') return current === undefined ? target : undefined;
  if (!ALWAYS.includes(event) && indexOf(config, current) >= indexOf(config, target))
    return undefined;
  return target;
}

/**
 * The labels with `status` as the one status: every other status label (and any label under the
 * status prefix) comes off.
 */
export function withStatus(
  labels: readonly string[],
  status: string,
  config: StatusConfig,
): string[] {
  const kept = labels.filter((l) => !isStatusLabel(l, config));
  return [...kept, status];
}

/**
 * Which status to keep when an issue has several (a person added one by hand): the one just
 * added, else the furthest along the lifecycle.
 */
export function keepOne(
  labels: readonly string[],
  config: StatusConfig,
  justAdded?: string,
): string | undefined {
  const present = statusLabels(labels, config);
  if (present.length === 0) return undefined;
  if (justAdded && present.some((l) => sameLabel(l, justAdded)))
    return config.labels.find((l) => sameLabel(l, justAdded));
  return present[present.length - 1];
}

/**
 * `/status fixed`, `/status 3-fixed`, `/status status/3-fixed`, `/status in progress`: the
 * status whose name, without the prefix and the leading "N-", matches. Undefined when none or
 * several match.
 */
export function statusNamed(text: string, config: StatusConfig): string | undefined {
  const norm = (s: string) =>
    s
      .trim()
      .toLowerCase()
      .replace(/['’]/g, '')
      .replace(/[\s_]+/g, '-');
  const wanted = norm(text);
  if (!wanted) return undefined;
  const short = (label: string) => {
    const bare = norm(label.slice(config.prefix.length));
    return [norm(label), bare, bare.replace(/^\d+-/, '')];
  };
  const matches = config.labels.filter((label) => short(label).includes(wanted));
  return matches.length === 1 ? matches[0] : undefined;
}

/** "triage, more-info-needed, ..." for a reply that lists what `/status` accepts. */
export function statusNames(config: StatusConfig): string[] {
  return config.labels.map((l) => l.slice(config.prefix.length).replace(/^\d+-/, ''));
}
