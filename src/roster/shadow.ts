import type { Roster, Rotation, Schedule } from './types.js';

/**
 * The shadow role learns beside the people on call: shown wherever roles are, never assigned,
 * never the response. These are the two roster-wide facts the rest of the kit asks about it.
 */

/** Every role a schedule shows (its roles, then its shadow's), in the order they are listed. */
export function shownRoles(schedule: Schedule): string[] {
  return schedule.shadow ? [...schedule.roles, schedule.shadow.role] : schedule.roles;
}

function everyMember(rotation: Rotation | undefined): string[] {
  if (!rotation) return [];
  return [...rotation.members, ...rotation.changes.flatMap((c) => c.members)];
}

/**
 * People the roster only ever has shadow: members of a shadow rotation who are in no layer's
 * rotation, hold no answering role by override and are no fallback. Their comment is not a
 * response: a newcomer's "looking into it" must not stop the clock that would call the backup.
 * Someone who also takes real turns answers like anyone else on the team.
 */
export function learners(roster: Roster): Set<string> {
  const schedules = Object.values(roster.schedules);
  const shadowing = schedules.flatMap((s) =>
    s.shadow ? everyMember(roster.rotations[s.shadow.rotation]) : [],
  );
  if (shadowing.length === 0) return new Set();
  const answering = new Set([
    ...schedules.flatMap((s) => s.layers.flatMap((l) => everyMember(roster.rotations[l.rotation]))),
    ...roster.overrides
      .filter((o) => o.role !== roster.schedules[o.schedule]?.shadow?.role)
      .map((o) => o.login),
    ...schedules.flatMap((s) => s.fallback ?? []),
    ...(roster.fallback ? [roster.fallback] : []),
  ]);
  return new Set(shadowing.filter((login) => !answering.has(login)).map((l) => l.toLowerCase()));
}
