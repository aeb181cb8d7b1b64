import type { DateTime } from 'luxon';
import { changePoints, decideAt, holdersOf, type Decision, type Holding } from './decide.js';
import { overrideInterval } from './exceptions.js';
import { explain } from './explain.js';
import { zoneOf } from './rotation.js';
import { DAY_MS, isoIn } from './time.js';
import type { Assignment, OnCall, Roster } from './types.js';

/**
 * "Who is on call at instant T": a pure function of the roster and the instant. The answer names
 * the holder of each role, the stretch they hold it for, and why; in a gap, whether the gap was
 * declared and when coverage resumes, with whom.
 */

export function millisOf(at: DateTime | Date): number {
  return at instanceof Date ? at.getTime() : at.toMillis();
}

/** The zone an assignment is shown in: the layer's, else the rotation's, else the override's. */
function zoneFor(roster: Roster, decision: Decision, holding: Holding): string {
  const shadow = holding.shadowTurn && decision.schedule.shadow;
  const rotation = shadow ? roster.rotations[shadow.rotation] : undefined;
  if (rotation) return zoneOf(roster, rotation);
  const chosen = decision.chosen;
  if (chosen && !holding.override) {
    return chosen.layer.window?.timezone ?? zoneOf(roster, chosen.rotation);
  }
  return holding.override?.timezone ?? chosen?.layer.window?.timezone ?? 'UTC';
}

/** The most a rotation holder can hold: their turn (the shadow's own), inside the open window. */
function outerBounds(decision: Decision, holding: Holding): [number, number] | undefined {
  if (holding.shadowTurn) return [holding.shadowTurn.start, holding.shadowTurn.end];
  const chosen = decision.chosen;
  const turn = chosen?.turn;
  if (!chosen || !turn) return undefined;
  return [
    Math.max(turn.start, chosen.occurrence?.start ?? -Infinity),
    Math.min(turn.end, chosen.occurrence?.end ?? Infinity),
  ];
}

/**
 * The stretch around the decision's instant during which the role keeps the same holder. An
 * override is held for its whole span. A rotation holder is bounded by the turn and the window's
 * opening; inside those bounds leave, overrides and higher layers can still move the role, so
 * the decision is re-taken at each change point and equal neighbours are merged.
 */
function shiftOf(roster: Roster, decision: Decision, holding: Holding): [number, number] {
  if (holding.override) {
    const { start, end } = overrideInterval(holding.override);
    return [start, end];
  }
  const bounded = outerBounds(decision, holding);
  if (!bounded) return [decision.at, decision.at];
  const [lo, hi] = bounded;
  const inside = changePoints(roster, decision.schedule.name, lo + 1, hi);
  const bounds = [lo, ...inside, hi];
  const holderAt = (ms: number) =>
    holdersOf(decideAt(roster, decision.schedule.name, ms))[holding.role];
  let i = 0;
  while (i + 1 < bounds.length - 1 && (bounds[i + 1] as number) <= decision.at) i += 1;
  let start = bounds[i] as number;
  for (let j = i; j > 0 && holderAt(bounds[j - 1] as number) === holding.login; j -= 1) {
    start = bounds[j - 1] as number;
  }
  let end = bounds[i + 1] as number;
  for (
    let j = i + 1;
    j < bounds.length - 1 && holderAt(bounds[j] as number) === holding.login;
    j += 1
  ) {
    end = bounds[j + 1] as number;
  }
  return [start, end];
}

function assignmentsOf(roster: Roster, decision: Decision): Record<string, Assignment> {
  const { why } = explain(roster, decision);
  const roles: Record<string, Assignment> = {};
  for (const holding of decision.holdings) {
    const zone = zoneFor(roster, decision, holding);
    const [start, end] = shiftOf(roster, decision, holding);
    roles[holding.role] = {
      login: holding.login,
      site: roster.people[holding.login]?.site ?? '',
      shiftStart: isoIn(start, zone),
      shiftEnd: isoIn(end, zone),
      why: why[holding.role] ?? '',
    };
  }
  return roles;
}

/** How far ahead a gap looks for coverage: a year, in week-long steps. */
const RESUME_WEEKS = 53;

/** The first covered decision after `at`, looking at change points week by week. */
function nextCovered(roster: Roster, scheduleName: string, at: number): Decision | undefined {
  for (let week = 0; week < RESUME_WEEKS; week += 1) {
    const from = at + 1 + week * 7 * DAY_MS;
    for (const point of changePoints(roster, scheduleName, from, from + 7 * DAY_MS)) {
      const decision = decideAt(roster, scheduleName, point);
      if (decision.covered) return decision;
    }
  }
  return undefined;
}

export function onCallAt(roster: Roster, scheduleName: string, at: DateTime | Date): OnCall {
  const ms = millisOf(at);
  const decision = decideAt(roster, scheduleName, ms);
  const { trace } = explain(roster, decision);
  const roles = assignmentsOf(roster, decision);
  const [firstRole, secondRole] = decision.schedule.roles;
  const primary = firstRole === undefined ? undefined : roles[firstRole];
  const backup = secondRole === undefined ? undefined : roles[secondRole];
  const result: OnCall = {
    coverage: decision.covered ? 'covered' : 'gap',
    roles,
    trace,
    ...(decision.chosen ? { layer: decision.chosen.layer.name } : {}),
    ...(primary ? { primary } : {}),
    ...(backup ? { backup } : {}),
  };
  if (!decision.covered) {
    const schedule = decision.schedule;
    const fallback = schedule.fallback ?? roster.fallback;
    result.gap = {
      declared: decision.declaredGap?.name ?? null,
      policy: schedule.onGap,
      ...(fallback !== undefined ? { fallback } : {}),
    };
    const resume = nextCovered(roster, scheduleName, ms);
    const first = resume?.holdings[0];
    if (resume && first) {
      const zone = zoneFor(roster, resume, first);
      result.resumesAt = isoIn(resume.at, zone);
      const then = assignmentsOf(roster, resume)[first.role];
      if (then) result.resumesWith = then;
      const layer = resume.chosen ? ` (layer ${resume.chosen.layer.name})` : '';
      trace.push(
        `coverage resumes ${result.resumesAt} with ${first.login} as ${first.role}${layer}`,
      );
    } else {
      trace.push('coverage does not resume within a year');
    }
  }
  return result;
}
