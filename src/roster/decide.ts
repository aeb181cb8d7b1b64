import { leaveAt, leaveInterval, overrideInterval, overridesAt } from './exceptions.js';
import {
  firstTurn,
  largestTeam,
  memberAfter,
  nextTurn,
  turnAt,
  type TurnMember,
  type TurnSpan,
} from './rotation.js';
import type { DeclaredGap, Layer, Leave, Override, Roster, Rotation, Schedule } from './types.js';
import { isWithin, occurrenceAt, occurrencesBetween, type Occurrence } from './window.js';

/**
 * The decision for one schedule at one instant, as data: which layers were tried and why they
 * did not answer, which turn the winning layer is in, and for each role who was expected, who was
 * passed over (leave, or holding another role by override) and who holds it. {@link explain} in
 * explain.ts turns it into words; the timeline code compares decisions without building any.
 *
 * The pipeline, in order:
 * 1. layers by precedence: the first one whose window is open, whose rotation has started and
 *    that has somebody not on leave wins (an empty layer never hides the ones below);
 * 2. the roles read the winning rotation's turn order from the current turn on: the first role
 *    takes the turn's member, the next role the next member in turn, and so on; people on leave
 *    are passed over (the order itself does not change);
 * 3. overrides replace the person a role would have had, and may cover a gap where no layer is open;
 * 4. nobody at all: a gap, declared (expected) or not.
 */

type LayerOutcome = 'closed' | 'not-started' | 'all-on-leave' | 'open';

export interface LayerAttempt {
  layer: Layer;
  rotation: Rotation;
  outcome: LayerOutcome;
  occurrence?: Occurrence;
  turn?: TurnSpan;
}

/** A member of the turn order from the current turn on. */
export interface InTurn {
  login: string;
  /** The turn whose member this is. */
  index: number;
  member: TurnMember;
}

export interface Skip {
  login: string;
  leave?: Leave;
  /** The person holds this other role by override at the same instant. */
  overrideRole?: string;
  /** The shadow's candidate already holds this role of the schedule. */
  heldRole?: string;
}

export interface Holding {
  role: string;
  /** Position of the role in the schedule's roles (0 = primary). */
  rank: number;
  login: string;
  /** Whom the turn order meant for this role, before leave and overrides. */
  expected?: InTurn;
  /** Passed over between `expected` and the person the turn order gave. */
  skipped: Skip[];
  /**
   * The person the turn order gave (absent when nobody was left). Under an override of another
   * person, this one is displaced and considered again for the next role.
   */
  found?: InTurn;
  override?: Override;
  /** The shadow role only: the turn of the shadow's own rotation (absent under an override). */
  shadowTurn?: TurnSpan;
}

export interface Decision {
  at: number;
  schedule: Schedule;
  attempts: LayerAttempt[];
  /** The layer that answered. */
  chosen?: LayerAttempt;
  /** In role order; a role nobody can hold is absent. */
  holdings: Holding[];
  /** Roles nobody holds although the layer answered (too few members not on leave). */
  unfilled: string[];
  covered: boolean;
  /** When not covered: the declared gap the instant falls in, or null. */
  declaredGap?: DeclaredGap | null;
}

export function scheduleOf(roster: Roster, name: string): Schedule {
  const schedule = roster.schedules[name];
  if (!schedule) {
    const known = Object.keys(roster.schedules).join(', ');
    throw new Error(`unknown schedule "${name}" (the roster has: ${known || 'none'})`);
  }
  return schedule;
}

function rotationOf(roster: Roster, name: string): Rotation {
  const rotation = roster.rotations[name];
  if (!rotation) throw new Error(`unknown rotation "${name}"`);
  return rotation;
}

/**
 * Distinct members in turn order from turn `index` on, under the members in force at `index`
 * (see memberAfter). Looks a bounded number of turns ahead
 * (twice the largest team, plus the roles): enough to meet everybody in a fixed or shuffled order.
 */
function lineupFrom(roster: Roster, rotation: Rotation, index: number, roles: number): InTurn[] {
  const team = largestTeam(roster, rotation);
  const seen = new Set<string>();
  const lineup: InTurn[] = [];
  for (let i = index; i < index + 2 * team + roles && seen.size < team; i += 1) {
    const member = memberAfter(roster, rotation, index, i);
    if (seen.has(member.login)) continue;
    seen.add(member.login);
    lineup.push({ login: member.login, index: i, member });
  }
  return lineup;
}

function tryLayer(roster: Roster, layer: Layer, at: number): LayerAttempt {
  const rotation = rotationOf(roster, layer.rotation);
  let occurrence: Occurrence | undefined;
  if (layer.window) {
    occurrence = occurrenceAt(layer.window, at);
    if (!occurrence) return { layer, rotation, outcome: 'closed' };
  }
  const turn = turnAt(roster, rotation, at);
  const where = occurrence ? { occurrence } : {};
  if (!turn) return { layer, rotation, outcome: 'not-started', ...where };
  const anyone = lineupFrom(roster, rotation, turn.index, 1).some(
    (c) => !leaveAt(roster, c.login, at),
  );
  return { layer, rotation, outcome: anyone ? 'open' : 'all-on-leave', turn, ...where };
}

export function decideAt(roster: Roster, scheduleName: string, at: number): Decision {
  const schedule = scheduleOf(roster, scheduleName);
  const attempts: LayerAttempt[] = [];
  let chosen: LayerAttempt | undefined;
  for (const layer of schedule.layers) {
    const attempt = tryLayer(roster, layer, at);
    attempts.push(attempt);
    if (attempt.outcome === 'open') {
      chosen = attempt;
      break;
    }
  }

  const overrides = overridesAt(roster, schedule.name, at);
  const overrideOf = new Map<string, Override>();
  for (const override of overrides) {
    if (!overrideOf.has(override.role)) overrideOf.set(override.role, override);
  }
  const lineup =
    chosen?.turn !== undefined
      ? lineupFrom(roster, chosen.rotation, chosen.turn.index, schedule.roles.length)
      : [];

  const holdings: Holding[] = [];
  const unfilled: string[] = [];
  /** The override's person → the turn member the override displaced. */
  const displaced = new Map<string, InTurn>();
  let next = 0;
  schedule.roles.forEach((role, rank) => {
    const override = overrideOf.get(role);
    const skipped: Skip[] = [];
    let expected: InTurn | undefined;
    let found: InTurn | undefined;
    while (next < lineup.length && !found) {
      const candidate = lineup[next] as InTurn;
      next += 1;
      expected ??= candidate;
      const leave = leaveAt(roster, candidate.login, at);
      // Only an override that holds its role moves its person: one another override of the same
      // role beats (they overlap) gives its person nothing, and they stay in the turn order.
      const elsewhere = [...overrideOf.values()].find(
        (o) => o.login === candidate.login && o.role !== role,
      );
      const standIn = displaced.get(candidate.login);
      if (leave) skipped.push({ login: candidate.login, leave });
      else if (elsewhere) {
        skipped.push({ login: candidate.login, overrideRole: elsewhere.role });
        if (standIn && !leaveAt(roster, standIn.login, at)) found = standIn;
      } else found = candidate;
    }
    // The turn member an override displaces is still on call: they take the place the
    // override's person leaves in the turn order (the backup takes primary, the rostered primary
    // becomes backup), so a two-person rotation keeps both roles filled.
    if (override && found && found.login !== override.login) displaced.set(override.login, found);
    const login = override?.login ?? found?.login;
    if (login === undefined) {
      if (chosen) unfilled.push(role);
      return;
    }
    holdings.push({
      role,
      rank,
      login,
      skipped,
      ...(expected ? { expected } : {}),
      ...(found ? { found } : {}),
      ...(override ? { override } : {}),
    });
  });

  // Covered when the first role is held: issues go to it. An override of the backup alone in a
  // gap fills the backup, and the instant is still the gap, with its name and its end.
  const covered = holdings.some((h) => h.rank === 0);
  const shadow = shadowHolding(roster, schedule, at, { covered, holdings, overrideOf });
  if (shadow) holdings.push(shadow);
  const decision: Decision = {
    at,
    schedule,
    attempts,
    holdings,
    unfilled,
    covered,
    ...(chosen ? { chosen } : {}),
  };
  if (!covered) {
    decision.declaredGap =
      schedule.gaps.find((gap) => isWithin(gap.window, at, gap.toleranceMinutes)) ?? null;
  }
  return decision;
}

/**
 * The shadow learns beside the people on call: by override whenever one stands, otherwise the
 * first member of its rotation's turn who is not on leave and holds no other role, and only
 * while the schedule is covered (in a gap there is nobody to shadow).
 */
function shadowHolding(
  roster: Roster,
  schedule: Schedule,
  at: number,
  held: { covered: boolean; holdings: Holding[]; overrideOf: Map<string, Override> },
): Holding | undefined {
  if (!schedule.shadow) return undefined;
  const { role, rotation: name } = schedule.shadow;
  const rank = schedule.roles.length;
  const override = held.overrideOf.get(role);
  if (override) return { role, rank, login: override.login, skipped: [], override };
  if (!held.covered) return undefined;
  const rotation = rotationOf(roster, name);
  const turn = turnAt(roster, rotation, at);
  if (!turn) return undefined;
  const busy = new Set(held.holdings.map((h) => h.login));
  const skipped: Skip[] = [];
  let expected: InTurn | undefined;
  for (const candidate of lineupFrom(roster, rotation, turn.index, 1)) {
    expected ??= candidate;
    const leave = leaveAt(roster, candidate.login, at);
    if (leave) skipped.push({ login: candidate.login, leave });
    else if (busy.has(candidate.login)) {
      const other = held.holdings.find((h) => h.login === candidate.login);
      skipped.push({ login: candidate.login, ...(other ? { heldRole: other.role } : {}) });
    } else {
      return {
        role,
        rank,
        login: candidate.login,
        skipped,
        expected,
        found: candidate,
        shadowTurn: turn,
      };
    }
  }
  return undefined;
}

/**
 * Every instant in [from, to) at which the decision may change: window openings and closings of
 * each layer and declared gap, turn boundaries of each rotation, and the bounds of overrides and
 * leave. Between two consecutive points the decision is constant.
 */
export function changePoints(
  roster: Roster,
  scheduleName: string,
  from: number,
  to: number,
): number[] {
  const schedule = scheduleOf(roster, scheduleName);
  const points = new Set<number>();
  const add = (ms: number) => {
    if (ms >= from && ms < to) points.add(ms);
  };
  const rotations = new Set<Rotation>();
  for (const layer of schedule.layers) {
    if (layer.window) {
      for (const o of occurrencesBetween(layer.window, from, to)) {
        add(o.start);
        add(o.end);
      }
    }
    rotations.add(rotationOf(roster, layer.rotation));
  }
  if (schedule.shadow) rotations.add(rotationOf(roster, schedule.shadow.rotation));
  for (const rotation of rotations) {
    let turn = turnAt(roster, rotation, from) ?? firstTurn(roster, rotation);
    while (turn && turn.start < to) {
      add(turn.start);
      add(turn.end);
      turn = nextTurn(roster, rotation, turn);
    }
  }
  for (const gap of schedule.gaps) {
    const margin = gap.toleranceMinutes * 60_000;
    for (const o of occurrencesBetween(gap.window, from - margin, to + margin)) {
      add(o.start - margin);
      add(o.end + margin);
    }
  }
  for (const override of roster.overrides) {
    if (override.schedule !== schedule.name) continue;
    const { start, end } = overrideInterval(override);
    add(start);
    add(end);
  }
  for (const leave of roster.leave) {
    const { start, end } = leaveInterval(leave);
    add(start);
    add(end);
  }
  return [...points].sort((a, b) => a - b);
}

/** Role → login, for comparing decisions. */
export function holdersOf(decision: Decision): Record<string, string> {
  return Object.fromEntries(decision.holdings.map((h) => [h.role, h.login]));
}
