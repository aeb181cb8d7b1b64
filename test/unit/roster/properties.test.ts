import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideAt, holdersOf } from '../../../src/roster/decide.js';
import { leaveAt } from '../../../src/roster/exceptions.js';
import type { Roster } from '../../../src/roster/types.js';
import { fixture } from '../fixtures/roster/load.js';

/**
 * Properties of the resolver over the three seed rosters, checked with fast-check on instants
 * spread over five years: whatever the instant, a covered schedule has exactly one person per
 * role, and a change dated in the future never alters who held a role before it.
 */

const PRESETS = ['follow-the-sun', 'daily-rotation', 'live-incident'] as const;
const FROM = Date.parse('2026-01-05T00:00:00Z');
const TO = Date.parse('2031-01-01T00:00:00Z');
const instant = fc.integer({ min: FROM, max: TO });
const preset = fc.constantFrom(...PRESETS);
const RUNS = { numRuns: 300, seed: 20261123 };

const scheduleOf = (roster: Roster) => Object.keys(roster.schedules)[0] ?? '';

/** The members of a rotation in force at an instant: the latest dated change before it, if any. */
function membersAt(roster: Roster, rotation: string, at: number): string[] {
  const r = roster.rotations[rotation];
  const date = new Date(at).toISOString().slice(0, 10);
  const change = r?.changes.filter((c) => c.from <= date).at(-1);
  return change?.members ?? r?.members ?? [];
}

describe('resolver properties (fast-check)', () => {
  it('any covered instant has exactly one person per role, and nobody holds two roles', () => {
    fc.assert(
      fc.property(
        preset,
        instant,
        fc.nat(),
        fc.boolean(),
        fc.boolean(),
        (name, at, pick, withOverride, pair) => {
          // Half the runs shrink every rotation to its first two members: a two-person primary
          // and backup has nobody to spare.
          const full = fixture(name);
          const base: Roster = pair
            ? {
                ...full,
                rotations: Object.fromEntries(
                  Object.entries(full.rotations).map(([key, r]) => [
                    key,
                    { ...r, members: r.members.slice(0, 2), changes: [] },
                  ]),
                ),
              }
            : full;
          const schedule = scheduleOf(base);
          const before = decideAt(base, schedule, at);
          // Half the runs give the first role to a rotation member by override: the displaced
          // turn member must pass on to the next role, not leave it empty.
          const members = before.chosen ? membersAt(base, before.chosen.rotation.name, at) : [];
          const login = members[pick % Math.max(1, members.length)];
          const roster: Roster =
            withOverride && login
              ? {
                  ...base,
                  overrides: [
                    {
                      schedule,
                      role: before.schedule.roles[0] ?? 'primary',
                      login,
                      from: new Date(at - 3_600_000).toISOString().slice(0, 16),
                      to: new Date(at + 3_600_000).toISOString().slice(0, 16),
                      timezone: 'UTC',
                      retroactive: false,
                    },
                  ],
                }
              : base;
          const decision = decideAt(roster, schedule, at);
          if (!decision.covered) return;
          const holders = holdersOf(decision);
          const available = new Set(
            [...members, ...roster.overrides.map((o) => o.login)].filter(
              (m) => !leaveAt(roster, m, at),
            ),
          );
          // Only a team too small (after leave) for every role may leave one empty.
          const roles =
            available.size >= decision.schedule.roles.length
              ? decision.schedule.roles
              : decision.schedule.roles.filter((r) => !decision.unfilled.includes(r));
          expect(Object.keys(holders).sort()).toEqual([...roles].sort());
          expect(new Set(Object.values(holders)).size).toBe(Object.values(holders).length);
        },
      ),
      RUNS,
    );
  }, 30_000);

  it('an override added in the future never changes who held any role before it starts', () => {
    fc.assert(
      fc.property(preset, instant, fc.integer({ min: 1, max: 400 }), (name, cut, hours) => {
        const roster = fixture(name);
        const schedule = scheduleOf(roster);
        const login = Object.keys(roster.people)[0] ?? '';
        const zone = 'UTC';
        const from = new Date(cut).toISOString().slice(0, 16);
        const to = new Date(cut + hours * 3_600_000).toISOString().slice(0, 16);
        const changed: Roster = {
          ...roster,
          overrides: [
            ...roster.overrides,
            {
              schedule,
              role: roster.schedules[schedule]?.roles[0] ?? 'primary',
              login,
              from,
              to,
              timezone: zone,
              retroactive: false,
            },
          ],
        };
        for (const back of [1, 3_600_000, 86_400_000, 30 * 86_400_000]) {
          const at = Date.parse(`${from}:00Z`) - back;
          expect(holdersOf(decideAt(changed, schedule, at))).toEqual(
            holdersOf(decideAt(roster, schedule, at)),
          );
        }
      }),
      RUNS,
    );
  });

  it('a membership change dated in the future never changes a turn that started before it', () => {
    fc.assert(
      fc.property(preset, instant, (name, cut) => {
        const roster = fixture(name);
        const schedule = scheduleOf(roster);
        const rotationName = roster.schedules[schedule]?.layers[0]?.rotation ?? '';
        const rotation = roster.rotations[rotationName];
        if (!rotation) return;
        const date = new Date(cut).toISOString().slice(0, 10);
        if (rotation.changes.some((c) => c.from >= date)) return;
        const members = [...(rotation.changes.at(-1)?.members ?? rotation.members)].reverse();
        const changed: Roster = {
          ...roster,
          rotations: {
            ...roster.rotations,
            [rotationName]: {
              ...rotation,
              changes: [
                ...rotation.changes,
                { from: date, members, order: rotation.order, retroactive: false },
              ],
            },
          },
        };
        // A day before the change's date, every turn in progress started before it.
        for (const back of [2 * 86_400_000, 10 * 86_400_000, 90 * 86_400_000]) {
          const at = cut - back;
          expect(holdersOf(decideAt(changed, schedule, at))).toEqual(
            holdersOf(decideAt(roster, schedule, at)),
          );
        }
      }),
      RUNS,
    );
  });
});
