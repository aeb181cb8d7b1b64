import { addBusinessMs } from '../../roster/business-time.js';
import type { ResponseClock } from '../../roster/response-clock.js';
import { MINUTE_MS } from '../../roster/time.js';
import type { Window } from '../../roster/types.js';
import type { Step } from '../config/escalation.js';

/** When the escalation steps fall due, on the response clock (roster/response-clock.ts). */
/** When a step falls due: its minutes past the goal, on the business clock. */
export function stepDueAt(clock: ResponseClock, step: Step): number | undefined {
  return addBusinessMs(
    clock.window,
    clock.startedAt,
    (clock.goal.minutes + step.afterMinutes) * MINUTE_MS,
  );
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
