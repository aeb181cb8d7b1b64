import {
  countedMinutesAt,
  type ResponseClock,
  responseClock,
} from '../../roster/response-clock.js';
import { MINUTE_MS } from '../../roster/time.js';
import type { Window } from '../../roster/types.js';
import { hasAnyLabel, hasLabel, type Step } from '../config/escalation.js';
import { AWAITING_FIX_LABEL } from '../../kernel/kit-labels.js';
import type { DecideInput } from './input.js';
import { readState } from './state.js';
import { findAcknowledgement, teamOf } from './ack.js';

/**
 * When a step falls due: its minutes past the goal, on the issue's response clock
 * (roster/response-clock.ts), so business hours and the reporter's pauses move it as they move
 * the goal. Undefined while the issue waits on its reporter.
 */
export function stepDueAt(clock: ResponseClock, step: Step): number | undefined {
  return countedMinutesAt(clock, clock.goal.minutes + step.afterMinutes);
}

/** How many of the steps are due at `now` (steps are in order, so it is a prefix). */
export function stepsDue(clock: ResponseClock, steps: readonly Step[], now: number): number {
  let due = 0;
  for (const step of steps) {
    const at = stepDueAt(clock, step);
    if (at === undefined || at > now) break;
    due += 1;
  }
  return due;
}

/** Business days as business time: one day is the calendar's hours on a working day. */
export function businessDayMs(window: Window): number {
  const minutes = window.hours.reduce(
    (sum, r) => sum + ((r.end > r.start ? r.end : r.end + 1440) - r.start),
    0,
  );
  return minutes * MINUTE_MS;
}

/**
 * The issue's response clock, standing still while the issue waited on its reporter: from its
 * label history (when the run read it) and the reporter's own comments.
 */
export function issueClock(
  input: Pick<DecideInput, 'config' | 'roster' | 'issue' | 'comments' | 'labelHistory'>,
): ResponseClock | undefined {
  const { config, roster, issue, comments } = input;
  const reporter = issue.author.toLowerCase();
  return responseClock(config, roster, issue.labels, issue.createdAt, {
    labels: [...(input.labelHistory ?? []), ...waitOnEngineering(input)],
    reporterComments: comments
      .filter((c) => !c.bot && c.author.toLowerCase() === reporter)
      .map((c) => c.createdAt),
  });
}

/**
 * Whether the run must read the issue's label history before deciding: only when the clock may
 * pause and that matters now, because the issue waits on its reporter or a step would fall due
 * on a clock that never paused. Any other run spares the request.
 */
export function needsLabelHistory(input: Omit<DecideInput, 'labelHistory'>): boolean {
  const { config, issue } = input;
  if (config.pauseWhile.length === 0 || issue.state !== 'open') return false;
  if (hasAnyLabel(issue.labels, config.pauseWhile)) return true;
  const running = responseClock(config, input.roster, issue.labels, issue.createdAt);
  if (!running) return false;
  const { state } = readState(input.comments);
  if (stepsDue(running, config.steps, input.now.getTime()) <= state.steps) return false;
  // An acknowledged issue escalates no further, paused or not.
  return !findAcknowledgement(issue, input.comments, {
    team: teamOf(input.roster),
    assignees: issue.assignees,
    ...(config.acknowledgedLabel ? { label: config.acknowledgedLabel } : {}),
    ...(state.ack ? { recorded: state.ack } : {}),
    now: input.now,
  });
}

/**
 * Without the label history, the link's own record says since when the issue waits on
 * engineering: the clock stands still from then while the awaiting-fix label is on.
 */
function waitOnEngineering(
  input: Pick<DecideInput, 'issue' | 'comments' | 'labelHistory'>,
): { label: string; at: string; added: boolean }[] {
  if (input.labelHistory?.some((c) => c.label.toLowerCase() === AWAITING_FIX_LABEL)) return [];
  if (!hasLabel(input.issue.labels, AWAITING_FIX_LABEL)) return [];
  const fix = readState(input.comments).state.fix;
  return fix ? [{ label: AWAITING_FIX_LABEL, at: fix.at, added: true }] : [];
}
