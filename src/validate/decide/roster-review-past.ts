import { rosterFrom } from '../../roster/config/from-yaml.js';
import { shiftsBetween } from '../../roster/shifts.js';
import { DAY_MS } from '../../roster/time.js';
import type { Roster, Shift } from '../../roster/types.js';
import { asRaw, differences, type Raw, type Unit } from './roster-review-differences.js';
import { type Report, scheduleZone, spanIn, type Stretch } from './roster-review-report.js';

/**
 * The roster review's look back: who was on call in the weeks gone by is a record, and a change
 * that rewrites it is pinned on the difference that does.
 */

/** The roster on the base branch: as parsed (to replay the change one difference at a time) and as a model. */
export interface BaseRoster {
  value: unknown;
  roster: Roster;
}

interface PastChange extends Stretch {
  schedule: string;
  role: string;
  was: string | null;
  would: string | null;
}

/**
 * Who was on call must not change after the fact, unless an entry says it records the past
 * (`retroactive: true`). When the past changes, the culprit is found by replaying each
 * difference between the base file and the head file alone on the base.
 */
export function pastRewrites(
  base: BaseRoster,
  headValue: unknown,
  head: Roster,
  from: number,
  to: number,
  report: Report,
): void {
  const baseShifts = new Map<string, Shift[]>();
  const changesIn = (roster: Roster) => pastChanges(base.roster, roster, from, to, baseShifts);
  const all = changesIn(head);
  if (all.length === 0) return;

  const { plus, units } = differences(asRaw(base.value), asRaw(headValue));
  const plain = units.filter((u) => !u.retroactive);
  const unmarked = rosterOf(plain.reduce((value, unit) => unit.apply(value), plus));
  if (unmarked && changesIn(unmarked).length === 0) return;

  let pinned = false;
  for (const unit of plain) {
    const alone = rosterOf(unit.apply(plus));
    const changes = alone ? changesIn(alone) : [];
    if (changes.length === 0) continue;
    pinned = true;
    // Windows, layers, holidays and sites have no dated form: a change of hours from next week on
    // also redraws the past, and refusing it would leave no way to make it. Said, not refused.
    const severity = unit.kind === 'other' ? 'warning' : 'error';
    report(unit.path, severity, rewriteMessage(base.roster, unit, changes, to - from), unit.target);
  }
  if (!pinned) {
    report(
      [],
      'error',
      `the change rewrites who was on call in the past, and no single entry explains it: ${pastShift(base.roster, all)}`,
    );
  }
}

function rewriteMessage(roster: Roster, unit: Unit, changes: PastChange[], span: number): string {
  const what = `changes who was on call in the past: ${pastShift(roster, changes)}`;
  switch (unit.kind) {
    case 'entry':
      return `${what}; mark the entry retroactive: true if that is intended`;
    case 'removed':
      return `removing ${unit.removed ?? 'an entry'} ${what}; keep it until it is more than ${Math.round(span / DAY_MS)} days old`;
    case 'rotation':
      return `${what}; to change the rotation from a date on, add a dated entry under changes`;
    case 'other':
      return `${what}. Windows, layers, holidays and sites have no dated form, so the edit redraws the past as well as the future; assignments already made stay as they are. If only the future should change, leave this as it was and add a layer or override from a date instead`;
  }
}

function pastShift(roster: Roster, changes: PastChange[]): string {
  const [first] = changes;
  if (!first) return '';
  const schedule = roster.schedules[first.schedule];
  const zone = schedule ? scheduleZone(roster, schedule) : 'UTC';
  const n = changes.length - 1;
  const more = n > 0 ? ` (and ${n} more past stretch${n === 1 ? '' : 'es'})` : '';
  return `${first.schedule} ${first.role} on ${spanIn(first.start, first.end, zone)} was ${first.was ?? 'nobody'}, would be ${first.would ?? 'nobody'}${more}`;
}

function rosterOf(value: Raw): Roster | null {
  try {
    return rosterFrom(value);
  } catch {
    // A difference that only makes sense with another one (a layer naming a renamed rotation) proves nothing alone.
    return null;
  }
}

function timeline(roster: Roster, name: string, from: number, to: number): Shift[] | null {
  try {
    return shiftsBetween(roster, name, new Date(from), new Date(to));
  } catch {
    return null;
  }
}

/** Every past stretch in [from, to) where a role both rosters know has another holder in `head`. */
function pastChanges(
  base: Roster,
  head: Roster,
  from: number,
  to: number,
  baseShifts: Map<string, Shift[]>,
): PastChange[] {
  const changes: PastChange[] = [];
  for (const [name, schedule] of Object.entries(head.schedules)) {
    const old = base.schedules[name];
    if (!old) continue;
    let was = baseShifts.get(name);
    if (!was) {
      was = timeline(base, name, from, to) ?? [];
      baseShifts.set(name, was);
    }
    const is = timeline(head, name, from, to);
    if (!is) continue;
    const roles = schedule.roles.filter((role) => old.roles.includes(role));
    const points = [...new Set([...was, ...is].map((s) => Date.parse(s.start)))].sort(
      (a, b) => a - b,
    );
    let i = 0;
    let j = 0;
    points.forEach((start, k) => {
      const end = points[k + 1] ?? to;
      while (i + 1 < was.length && Date.parse((was[i] as Shift).end) <= start) i += 1;
      while (j + 1 < is.length && Date.parse((is[j] as Shift).end) <= start) j += 1;
      for (const role of roles) {
        const before = was[i]?.assignees[role] ?? null;
        const after = is[j]?.assignees[role] ?? null;
        if (before === after) continue;
        const last = changes.at(-1);
        if (
          last &&
          last.schedule === name &&
          last.role === role &&
          last.was === before &&
          last.would === after &&
          last.end === start
        ) {
          last.end = end;
        } else {
          changes.push({ schedule: name, role, start, end, was: before, would: after });
        }
      }
    });
  }
  return changes.sort((a, b) => a.start - b.start);
}
