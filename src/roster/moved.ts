import { overrideInterval } from './exceptions.js';
import { shiftsBetween } from './shifts.js';
import type { Override, Roster, Shift } from './types.js';

/**
 * Whose shifts a set of new overrides moves: everybody who holds a role at some instant of the
 * overrides' spans under one roster and not under the other (the person covering, the person
 * covered, a backup the turn order moves). An override that records the past (retroactive, or
 * over already at `now`) moves nobody's coming shifts. Lower-case logins, sorted.
 */
export function peopleMoved(
  base: Roster,
  head: Roster,
  added: readonly Override[],
  now: Date,
): string[] {
  const people = new Set<string>();
  for (const override of added) {
    const { start, end } = overrideInterval(override);
    if (override.retroactive || end <= now.getTime()) continue;
    const before = shiftsBetween(base, override.schedule, new Date(start), new Date(end));
    const after = shiftsBetween(head, override.schedule, new Date(start), new Date(end));
    for (const at of [...before, ...after].map((s) => Date.parse(s.start))) {
      const [was, is] = [holdersAt(before, at), holdersAt(after, at)];
      for (const role of new Set([...Object.keys(was), ...Object.keys(is)])) {
        if (was[role] === is[role]) continue;
        for (const login of [was[role], is[role]]) if (login) people.add(login.toLowerCase());
      }
    }
  }
  return [...people].sort();
}

function holdersAt(shifts: readonly Shift[], at: number): Record<string, string> {
  return shifts.find((s) => Date.parse(s.start) <= at && at < Date.parse(s.end))?.assignees ?? {};
}
