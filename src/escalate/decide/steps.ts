import { pagerDutyTrigger, severityOf } from '../../notify/pagerduty.js';
import { escalationMessage } from '../../notify/slack.js';
import { details, escapeInline } from '../../kernel/markdown.js';
import type { Operation } from '../../kernel/plan.js';
import { describeLocal } from '../../roster/time.js';
import type { Roster } from '../../roster/types.js';
import { personRef } from './commands/run.js';
import { stepDueAt, stepsDue } from './clock.js';
import type { ResponseClock } from '../../roster/response-clock.js';
import type { Step } from '../config/escalation.js';
import type { DecideInput } from './input.js';
import type { EscalationState } from './state.js';
import { resolveTarget, shadowAt } from './targets.js';
import { notifyOnce, type Work } from './work.js';

/**
 * The escalation steps of an open issue nobody acknowledged: each step that fell due assigns
 * and mentions its targets as they stood when it fell due, relabels the issue, and may page.
 */

export function escalate(
  input: DecideInput,
  clock: ResponseClock,
  work: Work,
  state: EscalationState,
): void {
  const due = stepsDue(clock, input.config.steps, input.now.getTime());
  // Steps already taken are never taken again; a late run takes every step due since, at once.
  for (let n = state.steps + 1; n <= due; n++) {
    takeStep(input, clock, work, state, n);
    state.steps = n;
  }
}

/** One step: its targets, label and comment; its pages; a note. */
interface StepTaken {
  n: number;
  step: Step;
  /** When the step fell due (epoch ms). */
  at: number;
  /** Logins the step assigns (never a team). */
  assign: string[];
  /** Everyone the step calls on: its assignees, then its mentions, teams included. */
  mention: string[];
  /** Who shadows the schedule then: told, but neither assigned nor asked to acknowledge. */
  shadow?: { login: string; role: string };
  goal: string;
}

function takeStep(
  input: DecideInput,
  clock: ResponseClock,
  work: Work,
  state: EscalationState,
  n: number,
): void {
  const { config, issue, roster, now } = input;
  const step = config.steps[n - 1] as Step;
  const at = stepDueAt(clock, step) ?? now.getTime();
  const shadow = shadowAt(roster, work.labels, at);
  const taken: StepTaken = {
    n,
    step,
    at,
    assign: step.assign
      .map((t) => resolveTarget(t, roster, work.labels, at))
      .filter((l): l is string => !!l && !l.includes('/')),
    mention: [...step.assign, ...step.mention]
      .map((t) => resolveTarget(t, roster, work.labels, at))
      .filter((l): l is string => !!l),
    goal: `${clock.goal.minutes} business minutes`,
  };
  if (shadow && !taken.mention.includes(shadow.login)) taken.shadow = shadow;
  for (const login of taken.assign)
    if (!work.assignees.some((a) => a.toLowerCase() === login.toLowerCase()))
      work.assignees.push(login);
  const prefix = config.stepLabelPrefix;
  work.labels = [
    ...work.labels.filter((l) => !l.toLowerCase().startsWith(prefix.toLowerCase())),
    `${prefix}${n}`,
  ];
  work.comments.push(stepComment(issue.number, taken, clock, roster));
  // Pages carry the labels and assignees the step has just set.
  if (step.notify) notifyStep(input, taken, work, state);
  work.notes.push(`#${issue.number}: escalation step ${n} (due ${new Date(at).toISOString()})`);
}

function stepComment(
  issue: number,
  { n, step, at, assign, mention, shadow, goal }: StepTaken,
  clock: ResponseClock,
  roster: Roster | undefined,
): Operation {
  const who = [...new Set(mention)].map((l) => (l.includes('/') ? `@${l}` : personRef(l, roster)));
  return {
    kind: 'upsert-comment',
    issue,
    marker: { kind: 'escalation-step', keys: { step: String(n) } },
    body: [
      `**Escalation, step ${n}**: nobody has acknowledged this issue ${step.afterMinutes ? `${step.afterMinutes} business minutes past` : 'within'} the response goal of ${goal} (due ${describeLocal(at, clock.window.timezone)}).`,
      assign.length ? `Assigned ${assign.map((l) => personRef(l, roster)).join(', ')}.` : '',
      who.length ? `${who.join(' ')}: please acknowledge with a comment or \`/ack\`.` : '',
      shadow
        ? `${personRef(shadow.login, roster)} follows along as ${escapeInline(shadow.role)}.`
        : '',
    ]
      .filter(Boolean)
      .join(' ')
      .concat('\n\n', details('How the clock counted', clockTrace(clock))),
    reason: `step ${n} fell due at ${new Date(at).toISOString()} without an acknowledgement`,
  };
}

/** For whoever doubts the verdict: the calendar, and any time the issue waited on its reporter. */
function clockTrace(clock: ResponseClock): string[] {
  const zone = clock.window.timezone;
  return [
    `- Opened ${describeLocal(clock.startedAt, zone)}; ${clock.goal.minutes} business minutes on ${escapeInline(clock.source)}.`,
    ...clock.pauses.map(
      (p) =>
        `- Waiting on the reporter from ${describeLocal(p.from, zone)}${p.to === undefined ? '' : ` to ${describeLocal(p.to, zone)}`}: not counted.`,
    ),
  ];
}

function notifyStep(
  input: DecideInput,
  { n, at, mention, goal }: StepTaken,
  work: Work,
  state: EscalationState,
): void {
  const { config, issue, repo } = input;
  notifyOnce(work, state, {
    channel: 'pagerduty',
    key: `pd-step-${n}`,
    enabled: input.channels.pagerduty && !!config.pagerduty?.onEscalation,
    payload: () =>
      pagerDutyTrigger(
        repo,
        { ...issue, labels: work.labels, assignees: work.assignees },
        {
          summary: `${repo.owner}/${repo.repo}#${issue.number} escalated (step ${n}): ${issue.title}`,
          severity: severityOf(work.labels, config.severities),
          timestamp: new Date(at).toISOString(),
          details: { step: n, goal },
        },
      ),
    issue: issue.number,
    reason: `escalation step ${n}`,
  });
  notifyOnce(work, state, {
    channel: 'webhook',
    key: `hook-step-${n}`,
    enabled: input.channels.webhook && !!config.webhook?.events.includes('escalation'),
    payload: () => escalationMessage(repo, issue, n, [...new Set(mention)], goal),
    issue: issue.number,
    reason: `escalation step ${n}`,
  });
}
