import type { RepoRef } from '../kernel/plan.js';

/**
 * PagerDuty Events API v2 (POST https://events.pagerduty.com/v2/enqueue): one alert per issue,
 * keyed `owner/repo#number`, so a trigger at each escalation step lands on the same incident and
 * closing the issue resolves it. The routing key is a secret: the sender adds it, never the plan.
 */

export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';

export type PagerDutySeverity = 'critical' | 'error' | 'warning' | 'info';

export interface PagerDutyIssue {
  number: number;
  title: string;
  url: string;
  labels: string[];
  assignees: string[];
}

/** Summaries longer than this are refused by PagerDuty. */
const SUMMARY_MAX = 1024;
const DEDUP_MAX = 255;

export function dedupKey(repo: RepoRef, issue: number): string {
  return `${repo.owner}/${repo.repo}#${issue}`.slice(0, DEDUP_MAX);
}

/** The most severe configured label the issue has sets the alert's severity: S0 critical, S1 error... */
export function severityOf(
  labels: readonly string[],
  severities: readonly string[],
): PagerDutySeverity {
  const have = new Set(labels.map((l) => l.trim().toLowerCase()));
  const index = severities.findIndex((s) => have.has(s.trim().toLowerCase()));
  return (['critical', 'error', 'warning'] as const)[index] ?? 'info';
}

export function pagerDutyTrigger(
  repo: RepoRef,
  issue: PagerDutyIssue,
  options: {
    summary: string;
    severity: PagerDutySeverity;
    timestamp: string;
    details?: Record<string, unknown>;
  },
): Record<string, unknown> {
  const full = `${repo.owner}/${repo.repo}`;
  const summary = `${options.summary}`.replace(/\s+/g, ' ').trim();
  return {
    event_action: 'trigger',
    dedup_key: dedupKey(repo, issue.number),
    payload: {
      summary: summary.length > SUMMARY_MAX ? `${summary.slice(0, SUMMARY_MAX - 1)}…` : summary,
      source: full,
      severity: options.severity,
      timestamp: options.timestamp,
      component: `issue #${issue.number}`,
      group: full,
      class: 'support issue',
      custom_details: {
        issue: issue.url,
        title: issue.title,
        labels: issue.labels,
        assignees: issue.assignees,
        ...options.details,
      },
    },
    links: [{ href: issue.url, text: `${full}#${issue.number}` }],
    client: 'support-kit',
    client_url: issue.url,
  };
}

export function pagerDutyResolve(repo: RepoRef, issue: number): Record<string, unknown> {
  return { event_action: 'resolve', dedup_key: dedupKey(repo, issue) };
}

/** Someone took the issue (`/ack`, the acknowledged label): PagerDuty stops escalating the alert. */
export function pagerDutyAcknowledge(repo: RepoRef, issue: number): Record<string, unknown> {
  return { event_action: 'acknowledge', dedup_key: dedupKey(repo, issue) };
}
