import {
  pagerDutyAcknowledge,
  pagerDutyResolve,
  pagerDutyTrigger,
  severityOf,
} from '../../notify/pagerduty.js';
import { hasAnyLabel, hasLabel, type PagerDutyConfig } from '../config/escalation.js';
import type { DecideInput } from './input.js';
import type { Acknowledgement, EscalationState } from './state.js';
import type { Occasion } from './types.js';
import { notifyOnce, type Work } from './work.js';

/**
 * How long after an issue is opened the sweep still pages it when no run did on arrival (the
 * event's run was rate-limited, or GitHub dropped the event): late is better than never for a
 * new S1, while the old issues a desk had before the kit came do not page.
 */
const ARRIVAL_CATCH_UP_MS = 24 * 3_600_000;

/**
 * Page on arrival (seed 000): on an issue event or a command; the sweep pages only a new issue
 * no run paged on arrival.
 * One alert at a time per issue: a reopened issue that was resolved pages again (a new trigger
 * with the same dedup_key opens a new alert once the old one is resolved), an acknowledgement
 * by `/ack` or the label acknowledges the open alert, and closing resolves it.
 */
export function pagerDuty(
  input: DecideInput,
  occasion: Occasion,
  work: Work,
  state: EscalationState,
  ack: Acknowledgement | undefined,
): void {
  const pd = input.config.pagerduty;
  if (!pd || !input.channels.pagerduty) return;
  const before = pageCycles(state.notified);
  if (
    work.state === 'open' &&
    matches(pd, work) &&
    (arriving(pd, input, occasion, work) || (!ack && missedArrival(input, occasion, before))) &&
    before.triggers === before.resolves
  )
    trigger(input, pd, work, state, before.triggers);
  const after = pageCycles(state.notified);
  const open = after.triggers > after.resolves || (after.resolves === 0 && after.steps);
  if (!open) return;
  // A person's reply stops the clock but is no claim on the incident: only /ack and the label are.
  const label = input.config.acknowledgedLabel;
  const claimed = state.ack ?? (label && hasLabel(work.labels, label) ? ack : undefined);
  const { repo, issue } = input;
  if (work.state === 'open' && claimed)
    notifyOnce(work, state, {
      channel: 'pagerduty',
      key: alertKey('pd-ack', after.resolves),
      enabled: true,
      payload: () => pagerDutyAcknowledge(repo, issue.number),
      issue: issue.number,
      reason: state.ack ? `/ack by ${state.ack.by}` : 'the acknowledged label',
    });
  if (work.state === 'closed' && pd.resolveOnClose)
    notifyOnce(work, state, {
      channel: 'pagerduty',
      key: alertKey('pd-resolve', after.resolves),
      enabled: true,
      payload: () => pagerDutyResolve(repo, issue.number),
      issue: issue.number,
      reason: 'the issue is closed',
    });
}

/** The first alert's keys stay as they were, so states written before reopening counted agree. */
function alertKey(base: string, cycle: number): string {
  return cycle === 0 ? base : `${base}-${cycle + 1}`;
}

/** No labels configured: every issue pages. */
function matches(pd: PagerDutyConfig, work: Work): boolean {
  return pd.labels.length === 0 ? true : hasAnyLabel(work.labels, pd.labels);
}

function arriving(
  pd: PagerDutyConfig,
  input: DecideInput,
  occasion: Occasion,
  work: Work,
): boolean {
  // A comment pages only when its command gave the issue a paging severity.
  const relabelled = work.labels.some((l) => !hasLabel(input.issue.labels, l));
  return (
    (occasion.kind === 'comment' && relabelled) ||
    (occasion.kind === 'issue-event' &&
      (pd.labels.length === 0 ? ['opened', 'reopened'].includes(occasion.action) : true))
  );
}

function missedArrival(
  input: DecideInput,
  occasion: Occasion,
  before: ReturnType<typeof pageCycles>,
): boolean {
  const paged = before.triggers > 0 || before.resolves > 0 || before.steps;
  const age = input.now.getTime() - Date.parse(input.issue.createdAt);
  return occasion.kind === 'sweep' && !paged && age <= ARRIVAL_CATCH_UP_MS;
}

function trigger(
  input: DecideInput,
  pd: PagerDutyConfig,
  work: Work,
  state: EscalationState,
  cycle: number,
): void {
  const { issue, repo } = input;
  const paging = pd.labels.filter((l) => hasLabel(work.labels, l));
  notifyOnce(work, state, {
    channel: 'pagerduty',
    key: alertKey('pd-trigger', cycle),
    enabled: true,
    payload: () =>
      pagerDutyTrigger(
        repo,
        { ...issue, labels: work.labels, assignees: work.assignees },
        {
          summary: `${repo.owner}/${repo.repo}#${issue.number}: ${issue.title}`,
          severity: severityOf(work.labels, input.config.severities),
          timestamp: issue.createdAt,
        },
      ),
    issue: issue.number,
    reason: `${cycle > 0 ? 'reopened' : 'new'} issue${pd.labels.length ? ` with ${paging.join(', ')}` : ''}`,
  });
}

/** How many alerts the state says were triggered and resolved, and whether a step paged. */
function pageCycles(notified: readonly string[]): {
  triggers: number;
  resolves: number;
  steps: boolean;
} {
  return {
    triggers: notified.filter((k) => /^pd-trigger(-\d+)?$/.test(k)).length,
    resolves: notified.filter((k) => /^pd-resolve(-\d+)?$/.test(k)).length,
    steps: notified.some((k) => k.startsWith('pd-step-')),
  };
}
