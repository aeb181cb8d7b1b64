import { hasAnyLabel, type Playbook } from '../config/escalation.js';
import type { CommentSnapshot } from './types.js';
import { addBusinessMs } from '../../roster/business-time.js';
import { MINUTE_MS } from '../../roster/time.js';
import type { Window } from '../../roster/types.js';

/**
 * Incident playbooks (seed 003): a staged checklist posted when an issue becomes S0 or S1, a
 * reminder to update the customer after a silence, leadership looped in after an hour, and the
 * retrospective, summary and customer report due 1, 2 and 3 business days after resolution.
 */

export function playbookFor(
  playbooks: readonly Playbook[],
  labels: readonly string[],
): Playbook | undefined {
  return playbooks.find((p) => hasAnyLabel(labels, p.labels));
}

/**
 * When the team last spoke on the issue (a comment by a team member or an assignee; never a bot
 * or the author), or the playbook's start when that is later: the customer-update clock.
 */
export function lastUpdate(
  comments: readonly CommentSnapshot[],
  team: ReadonlySet<string>,
  author: string,
  since: string,
): number {
  let last = Date.parse(since);
  for (const c of comments) {
    if (c.bot || c.author.toLowerCase() === author.toLowerCase()) continue;
    if (!team.has(c.author.toLowerCase())) continue;
    last = Math.max(last, Date.parse(c.createdAt));
  }
  return last;
}

/**
 * The customer-update reminder due now, if any: the n-th stretch of `minutes` without an update
 * since `last`. Only the latest is ever posted, so a late run reminds once, not n times.
 */
export function reminderDue(
  minutes: number,
  last: number,
  now: number,
): { since: string; n: number } | undefined {
  const n = Math.floor((now - last) / (minutes * MINUTE_MS));
  return n >= 1 ? { since: new Date(last).toISOString(), n } : undefined;
}

export interface DueDate {
  name: string;
  /** Epoch ms; undefined when the calendar does not open within a year. */
  at: number | undefined;
}

/** Due dates after resolution: N business days, each a day of the calendar's business hours. */
export function dueDates(
  playbook: Playbook,
  window: Window,
  dayMs: number,
  closedAt: string,
): DueDate[] {
  const from = Date.parse(closedAt);
  return playbook.afterClose.map((item) => ({
    name: item.name,
    at: addBusinessMs(window, from, item.businessDays * dayMs),
  }));
}
