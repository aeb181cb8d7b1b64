import type { Decision, Holding, InTurn, LayerAttempt, Skip } from './decide.js';
import { describeSpan, leaveAt } from './exceptions.js';
import { describeCadence, describeTurn, memberAt, versionNote, zoneOf } from './rotation.js';
import { dayNumber, describeLocal, isoDate, localDay, weekdayOf } from './time.js';
import type { Roster, Rotation, Window } from './types.js';

/**
 * Words for a decision: one line per layer tried and per role held, each saying why. The lines
 * are meant for the assignment comment and for `oncall who`, so they name the rotation, the turn,
 * the anchor and every exception that moved somebody.
 */

export interface Explanation {
  trace: string[];
  /** Role → why its holder holds it. */
  why: Record<string, string>;
}

function attemptLine(roster: Roster, attempt: LayerAttempt, at: number): string {
  const { layer, rotation } = attempt;
  const zone = layer.window?.timezone ?? zoneOf(roster, rotation);
  switch (attempt.outcome) {
    case 'closed': {
      const holiday = layer.window ? holidayAt(layer.window, at) : undefined;
      const why = holiday ? `; ${holiday} is a holiday there` : '';
      return `layer ${layer.name}: closed at ${describeLocal(at, zone)} (${layer.window?.label ?? ''}${why})`;
    }
    case 'not-started':
      return `layer ${layer.name}: rotation ${rotation.name} has not started (turn 0 is on ${rotation.anchor})`;
    case 'all-on-leave':
      return `layer ${layer.name}: everybody in rotation ${rotation.name} is on leave`;
    case 'open':
      return `layer ${layer.name}: open at ${describeLocal(at, zone)} (${layer.window?.label ?? 'always'})`;
  }
}

function turnLine(roster: Roster, decision: Decision, first: InTurn, holding?: Holding): string {
  const shadow = holding?.shadowTurn && decision.schedule.shadow;
  const rotation = shadow
    ? (roster.rotations[shadow.rotation] as Rotation)
    : (decision.chosen as LayerAttempt).rotation;
  const span = shadow ? holding.shadowTurn : (decision.chosen as LayerAttempt).turn;
  const detail = first.member.detail === '' ? '' : ` (${first.member.detail})`;
  const turn = span ? `, ${describeTurn(roster, rotation, span)}` : '';
  return (
    `rotation ${rotation.name}, turn ${first.index} since anchor ${rotation.anchor} ` +
    `(${describeCadence(roster, rotation)})${turn}, ${first.login}${detail}` +
    versionNote(roster, rotation, first.member.version)
  );
}

/**
 * Which turn "next in turn" counts: turn N, read among the members of the turn in progress.
 * When the members change before turn N, N's own person differs, and the trace says whose list
 * it read instead of naming a turn that will go to somebody else.
 */
function nextTurnNote(roster: Roster, decision: Decision, next: InTurn): string {
  const { rotation } = decision.chosen as LayerAttempt;
  const own = memberAt(roster, rotation, next.index);
  if (own.version === next.member.version) return `turn ${next.index}`;
  return `turn ${next.index} counted among this turn's members; from that turn the members change and it goes to ${own.login}`;
}

function skipLine(skip: Skip, next: string | undefined): string {
  const reason = skip.leave
    ? `${skip.login} is on leave (${describeSpan(skip.leave.from, skip.leave.to, skip.leave.timezone)})`
    : skip.heldRole
      ? `${skip.login} holds ${skip.heldRole}`
      : `${skip.login} holds ${skip.overrideRole ?? 'another role'} by override`;
  return `${reason}; next in turn ${next ?? 'nobody'}`;
}

function whyOf(roster: Roster, decision: Decision, holding: Holding, previous?: Holding): string {
  const parts: string[] = [];
  if (holding.expected) {
    if (holding.shadowTurn)
      parts.push(`shadow: ${turnLine(roster, decision, holding.expected, holding)}`);
    else if (holding.rank === 0 || !previous?.found)
      parts.push(turnLine(roster, decision, holding.expected));
    else {
      parts.push(
        `next in turn after ${previous.found.login}: ${holding.expected.login} (${nextTurnNote(roster, decision, holding.expected)})`,
      );
    }
    holding.skipped.forEach((skip, i) => {
      const next = holding.skipped[i + 1]?.login ?? holding.found?.login;
      parts.push(skipLine(skip, next));
    });
  }
  const o = holding.override;
  if (o) {
    const ref = o.ref ? ` (${o.ref})` : '';
    const replaced = holding.found?.login;
    const span = describeSpan(o.from, o.to, o.timezone);
    parts.push(
      replaced === undefined
        ? `override by ${o.login} ${span}${ref} covers a time no layer covers`
        : replaced === o.login
          ? `override by ${o.login} ${span}${ref} confirms ${o.login}`
          : `override by ${o.login} ${span}${ref} replaces ${replaced}`,
    );
    if (leaveAt(roster, o.login, decision.at)) {
      parts.push(`warning: ${o.login} is on leave but holds the override`);
    }
  }
  return parts.join('; ');
}

/** The holiday that keeps a window shut at an instant (its own day, or the day before for a night range). */
function holidayAt(window: Window, at: number): string | undefined {
  const today = localDay(at, window.timezone);
  const overnight = window.hours.some((range) => range.end <= range.start);
  return (overnight ? [today, today - 1] : [today])
    .map(isoDate)
    .find(
      (date) => window.closed.includes(date) && window.days.includes(weekdayOf(dayNumber(date))),
    );
}

export function explain(roster: Roster, decision: Decision): Explanation {
  const trace: string[] = [];
  const why: Record<string, string> = {};
  for (const attempt of decision.attempts) trace.push(attemptLine(roster, attempt, decision.at));
  let previous: Holding | undefined;
  for (const holding of decision.holdings) {
    const text = whyOf(roster, decision, holding, previous);
    why[holding.role] = text;
    trace.push(`${holding.role} ${holding.login}: ${text}`);
    previous = holding;
  }
  for (const role of decision.unfilled) {
    trace.push(`${role}: nobody left in turn order who is not on leave`);
  }
  if (!decision.covered) {
    const first = decision.schedule.layers[0];
    const zone = first?.window?.timezone ?? 'UTC';
    trace.push(
      `no layer of schedule ${decision.schedule.name} covers ${describeLocal(decision.at, zone)}`,
    );
    const gap = decision.declaredGap;
    trace.push(
      gap
        ? `declared gap ${gap.name} (${gap.window.label}${gap.toleranceMinutes > 0 ? `, tolerance ${gap.toleranceMinutes} min` : ''})`
        : 'not a declared gap: nobody expected this hole in coverage',
    );
    trace.push(
      decision.schedule.onGap === 'fallback'
        ? `policy fallback: ${decision.schedule.fallback ?? roster.fallback ?? 'no fallback configured'}`
        : 'policy hold: issues wait until coverage resumes',
    );
  }
  return { trace, why };
}
