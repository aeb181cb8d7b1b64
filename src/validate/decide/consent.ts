import { isDeepStrictEqual } from 'node:util';
import { peopleMoved } from '../../roster/moved.js';
import type { Roster } from '../../roster/types.js';

/**
 * A swap or a cover is a roster change that only adds overrides: it moves somebody's shifts, so
 * it needs their word. Whose: everybody who holds a role at some instant of the new overrides'
 * spans under one roster and not under the other (the person covering, the person covered, a
 * backup the turn order moves). Any other change is the lead's to make and is reviewed as such,
 * and so is an override that records the past.
 */
export interface ConsentNeeded {
  /** Lower-case logins whose shifts the change moves, sorted. */
  people: string[];
  /** The index in `overrides` of the first entry the change adds: where the check points. */
  first: number;
}

interface Side {
  /** roster.yaml as parsed, to compare everything but the overrides. */
  value: unknown;
  roster: Roster;
}

export function consentNeeded(base: Side, head: Side, now: Date): ConsentNeeded | undefined {
  const added = addedOverrides(base.value, head.value);
  if (added === undefined) return undefined;
  const people = peopleMoved(base.roster, head.roster, head.roster.overrides.slice(added), now);
  return people.length > 0 ? { people, first: added } : undefined;
}

/** The index of the first added override, when adding overrides is all the change does. */
function addedOverrides(base: unknown, head: unknown): number | undefined {
  type File = { overrides?: unknown[] };
  const was = (base ?? {}) as File;
  const now = (head ?? {}) as File;
  const before = was.overrides ?? [];
  const after = now.overrides ?? [];
  if (after.length <= before.length) return undefined;
  if (!isDeepStrictEqual(after.slice(0, before.length), before)) return undefined;
  const rest = (v: File) => ({ ...v, overrides: undefined });
  return isDeepStrictEqual(rest(was), rest(now)) ? before.length : undefined;
}
