import { sortProblems, type ConfigProblem } from '../../kernel/problems.js';
import { formatPath } from '../../config/schema.js';
import { locate, type PathSegment, type YamlFile } from '../../kernel/yaml.js';
import { changePoints, decideAt, holdersOf } from '../../roster/decide.js';
import { describeSpan, leaveInterval, overrideInterval } from '../../roster/exceptions.js';
import { rosterFrom } from '../../roster/config/from-yaml.js';
import { memberAt, turnAt, zoneOf } from '../../roster/rotation.js';
import { shiftsBetween } from '../../roster/shifts.js';
import { DAY_MS, describeLocal, isoDate } from '../../roster/time.js';
import type { Layer, Override, Roster, Schedule, Shift } from '../../roster/types.js';
import { isWithin, occurrenceAt } from '../../roster/window.js';

/**
 * The review of a roster change on a pull request: what the schema and the model cannot see
 * because it depends on time (the coming weeks, the weeks gone by) or on the repository (who
 * GitHub lets the kit assign). Every finding is placed in the head file where it can be fixed.
 */

/** The roster on the base branch: as parsed (to replay the change one difference at a time) and as a model. */
export interface BaseRoster {
  value: unknown;
  roster: Roster;
}

export interface RosterReviewInput {
  /** The roster as the pull request leaves it. */
  head: Roster;
  headYaml: YamlFile;
  /** The roster on the base branch, or null when there is none (a new roster has no past to rewrite). */
  base: BaseRoster | null;
  now: Date;
  /** How far ahead gaps and role collisions are looked for. */
  horizonDays: number;
  /** How far back a change may not rewrite who was on call; default 90 days. */
  lookBackDays?: number;
  /** Logins GitHub says can be assigned in the repository; absent: not checked. */
  assignable?: ReadonlySet<string>;
}

export const LOOK_BACK_DAYS = 90;
/** Stretches listed in one message before "and N more". */
const MAX_LISTED = 5;

export function reviewRoster(input: RosterReviewInput): ConfigProblem[] {
  const { head, headYaml } = input;
  const now = input.now.getTime();
  const problems: ConfigProblem[] = [];
  const report: Report = (path, severity, message, target = 'value') => {
    const prefix = path.length > 0 ? `${formatPath(path)}: ` : '';
    problems.push({
      file: headYaml.file,
      ...locate(headYaml, path, target),
      severity,
      message: `${prefix}${message}`,
    });
  };

  overlappingOverrides(head, report);
  overridesOnLeave(head, now, report);
  const until = now + input.horizonDays * DAY_MS;
  for (const [name, schedule] of Object.entries(head.schedules)) {
    const shifts = shiftsBetween(head, name, new Date(now), new Date(until));
    roleCollisions(head, schedule, shifts, report);
    undeclaredGaps(head, schedule, shifts, input.horizonDays, report);
    unheldRoles(head, schedule, shifts, input.horizonDays, report);
    overridesIntoGaps(head, schedule, shifts, report);
  }
  if (input.base) {
    const lookBack = (input.lookBackDays ?? LOOK_BACK_DAYS) * DAY_MS;
    pastRewrites(input.base, headYaml.value, head, now - lookBack, now, report);
    misalignedSwaps(input.base.roster, head, now, report);
  }
  if (input.assignable) unassignable(head, now, input.assignable, report);
  return sortProblems(problems);
}

type Report = (
  path: PathSegment[],
  severity: ConfigProblem['severity'],
  message: string,
  target?: 'value' | 'key',
) => void;

// ---------------------------------------------------------------- overrides and leave

function overrideName(roster: Roster, override: Override): string {
  const index = roster.overrides.indexOf(override);
  return `overrides[${index}]${override.ref !== undefined ? ` (${override.ref})` : ''}`;
}

/** The resolver lets the first of two overlapping overrides win, so the later one silently does nothing there. */
function overlappingOverrides(roster: Roster, report: Report): void {
  roster.overrides.forEach((later, j) => {
    const b = overrideInterval(later);
    const earlier = roster.overrides.slice(0, j).find((o) => {
      if (o.schedule !== later.schedule || o.role !== later.role) return false;
      const a = overrideInterval(o);
      return a.start < b.end && b.start < a.end;
    });
    if (!earlier) return;
    const a = overrideInterval(earlier);
    report(
      ['overrides', j],
      'error',
      `overlaps ${overrideName(roster, earlier)}, ${earlier.login} ${describeSpan(earlier.from, earlier.to, earlier.timezone)}, as ${later.schedule} ${later.role} during ${spanIn(Math.max(a.start, b.start), Math.min(a.end, b.end), later.timezone)}: only the earlier entry counts there; shorten one of them`,
    );
  });
}

/** An override beats leave, so a person on leave would still get the role: worth a second look. */
function overridesOnLeave(roster: Roster, now: number, report: Report): void {
  roster.overrides.forEach((override, j) => {
    const o = overrideInterval(override);
    if (o.end <= now) return;
    roster.leave.forEach((leave, k) => {
      if (leave.login !== override.login) return;
      const l = leaveInterval(leave);
      if (!(l.start < o.end && o.start < l.end)) return;
      report(
        ['overrides', j],
        'warning',
        `${override.login} is on leave ${describeSpan(leave.from, leave.to, leave.timezone)} (leave[${k}]) during this override, which still gives them ${override.schedule} ${override.role} during ${spanIn(Math.max(o.start, l.start), Math.min(o.end, l.end), override.timezone)}`,
      );
    });
  });
}

/**
 * Swaps are written as time ranges, so a roster edit (members, order, anchor) can leave an
 * override standing in for somebody else than the person it was agreed with, or for nobody.
 */
function misalignedSwaps(base: Roster, head: Roster, now: number, report: Report): void {
  head.overrides.forEach((override, j) => {
    const { end } = overrideInterval(override);
    if (end <= now) return;
    const before = base.overrides.find(
      (o) =>
        o.schedule === override.schedule &&
        o.role === override.role &&
        o.login === override.login &&
        o.from === override.from &&
        o.to === override.to &&
        o.timezone === override.timezone,
    );
    if (!before || !base.schedules[override.schedule]) return;
    const was = standsInFor(base, before, now);
    const is = standsInFor(head, override, now);
    if (was.join() === is.join()) return;
    const names = (logins: (string | null)[]) =>
      logins.map((l) => l ?? 'nobody (a gap)').join(', ');
    const nobody = is.every((l) => l === override.login);
    report(
      ['overrides', j],
      'warning',
      nobody
        ? `no longer stands in for anybody: under this change ${override.login} already holds ${override.schedule} ${override.role} then (it stood in for ${names(was)}); check that the swap still lines up`
        : `now stands in for ${names(is)} instead of ${names(was)}; check that the swap still lines up`,
    );
  });
}

/** Whom the override replaces from `now` on: the holders of its role without it. */
function standsInFor(roster: Roster, override: Override, now: number): (string | null)[] {
  const without: Roster = { ...roster, overrides: roster.overrides.filter((o) => o !== override) };
  const { start, end } = overrideInterval(override);
  const from = Math.max(start, now);
  const points = [from, ...changePoints(without, override.schedule, from + 1, end)];
  const holders = new Set<string | null>();
  for (const point of points) {
    holders.add(holdersOf(decideAt(without, override.schedule, point))[override.role] ?? null);
  }
  return [...holders].sort((a, b) => (a ?? '').localeCompare(b ?? ''));
}

// ---------------------------------------------------------------- the coming weeks

interface Stretch {
  start: number;
  end: number;
}

/** A person holding two roles at once defeats the point of a backup. */
function roleCollisions(roster: Roster, schedule: Schedule, shifts: Shift[], report: Report): void {
  const found = new Map<
    string,
    { path: PathSegment[]; zone: string; what: string; when: Stretch[] }
  >();
  for (const shift of shifts) {
    if (shift.coverage !== 'covered') continue;
    const rolesOf = new Map<string, string[]>();
    for (const role of schedule.roles) {
      const login = shift.assignees[role];
      if (login !== undefined) rolesOf.set(login, [...(rolesOf.get(login) ?? []), role]);
    }
    for (const [login, roles] of rolesOf) {
      if (roles.length < 2) continue;
      const start = Date.parse(shift.start);
      const decision = decideAt(roster, schedule.name, start);
      const overrides = decision.holdings
        .filter((h) => h.login === login && h.override)
        .map((h) => h.override as Override)
        .sort((a, b) => roster.overrides.indexOf(a) - roster.overrides.indexOf(b));
      const culprit = overrides.at(-1);
      const rotation = decision.chosen?.rotation.name;
      const path: PathSegment[] = culprit
        ? ['overrides', roster.overrides.indexOf(culprit)]
        : rotation !== undefined
          ? ['rotations', rotation]
          : ['schedules', schedule.name];
      const others = overrides.slice(0, -1).map((o) => overrideName(roster, o));
      const also = others.length > 0 ? `, together with ${others.join(' and ')},` : '';
      const what = `${login} holds both ${roles.join(' and ')} of ${schedule.name}${also}`;
      const key = `${formatPath(path)} ${what}`;
      let entry = found.get(key);
      if (!entry) {
        const zone = culprit?.timezone ?? scheduleZone(roster, schedule);
        entry = { path, zone, what, when: [] };
        found.set(key, entry);
      }
      const last = entry.when.at(-1);
      const end = Date.parse(shift.end);
      if (last && last.end === start) last.end = end;
      else entry.when.push({ start, end });
    }
  }
  for (const entry of found.values()) {
    report(
      entry.path,
      'error',
      `${entry.what} during ${listed(entry.when.map((s) => spanIn(s.start, s.end, entry.zone)))}: every role needs a different person`,
      entry.path[0] === 'overrides' ? 'value' : 'key',
    );
  }
}

/** Holes nobody declared: issues opened then wait although nobody meant them to. */
function undeclaredGaps(
  roster: Roster,
  schedule: Schedule,
  shifts: Shift[],
  horizonDays: number,
  report: Report,
): void {
  const holes: Stretch[] = [];
  for (const shift of shifts) {
    if (shift.coverage !== 'gap' || shift.declaredGap !== null) continue;
    const start = Date.parse(shift.start);
    const end = Date.parse(shift.end);
    const last = holes.at(-1);
    if (last && last.end === start) last.end = end;
    else holes.push({ start, end });
  }
  if (holes.length === 0) return;
  const described = holes.map((hole) => {
    const closed = closedLayerAt(roster, schedule, hole.start);
    if (!closed) return spanIn(hole.start, hole.end, scheduleZone(roster, schedule));
    const zone = closed.layer.window?.timezone ?? 'UTC';
    return `${spanIn(hole.start, hole.end, zone)} (${closed.why})`;
  });
  report(
    ['schedules', schedule.name],
    'warning',
    `nobody is on call and no gap is declared in the next ${horizonDays} days: ${listed(described)}. Declare the gap under gaps, or cover it with a layer or an override`,
    'key',
  );
}

/**
 * A role nobody holds while the schedule is covered: too few people left after leave and
 * overrides. An issue routed to that role waits, and the backup a primary counts on is not there.
 */
function unheldRoles(
  roster: Roster,
  schedule: Schedule,
  shifts: Shift[],
  horizonDays: number,
  report: Report,
): void {
  const zone = scheduleZone(roster, schedule);
  for (const role of schedule.roles) {
    const empty: Stretch[] = [];
    for (const shift of shifts) {
      if (shift.coverage !== 'covered' || shift.assignees[role] !== undefined) continue;
      const start = Date.parse(shift.start);
      const end = Date.parse(shift.end);
      const last = empty.at(-1);
      if (last && last.end === start) last.end = end;
      else empty.push({ start, end });
    }
    if (empty.length === 0) continue;
    report(
      ['schedules', schedule.name],
      'warning',
      `nobody holds the ${role} role in the next ${horizonDays} days during ${listed(empty.map((s) => spanIn(s.start, s.end, zone)))}: too few people are left after leave and overrides; add an override for the ${role}, or shorten the leave`,
      'key',
    );
  }
}

/**
 * An override that covers a time no layer covers (research §10 #10): allowed, since a person may
 * well agree to take an evening, but flagged, because it may as well be a typo in the dates.
 */
function overridesIntoGaps(
  roster: Roster,
  schedule: Schedule,
  shifts: Shift[],
  report: Report,
): void {
  const found = new Map<number, Stretch[]>();
  for (const shift of shifts) {
    if (shift.coverage !== 'covered' || shift.layer !== undefined) continue;
    const start = Date.parse(shift.start);
    const decision = decideAt(roster, schedule.name, start);
    if (decision.chosen) continue;
    for (const holding of decision.holdings) {
      if (!holding.override) continue;
      const index = roster.overrides.indexOf(holding.override);
      const when = found.get(index) ?? [];
      const end = Date.parse(shift.end);
      const last = when.at(-1);
      if (last && last.end === start) last.end = end;
      else when.push({ start, end });
      found.set(index, when);
    }
  }
  for (const [index, when] of found) {
    const override = roster.overrides[index];
    if (!override) continue;
    const gap = schedule.gaps.find((g) =>
      when.some((w) => isWithin(g.window, w.start, g.toleranceMinutes)),
    );
    report(
      ['overrides', index],
      'warning',
      `extends ${schedule.name} coverage into ${gap ? `the declared gap "${gap.name}"` : 'a time no layer covers'} during ${listed(when.map((s) => spanIn(s.start, s.end, override.timezone)))}: allowed, and ${override.login} holds ${override.role} then; check that the dates are meant`,
    );
  }
}

/** A layer whose window would be open at `at` but for a holiday: the usual cause of a surprise gap. */
function closedLayerAt(
  roster: Roster,
  schedule: Schedule,
  at: number,
): { layer: Layer; why: string } | undefined {
  for (const layer of schedule.layers) {
    const window = layer.window;
    if (!window || window.closed.length === 0) continue;
    const occurrence = occurrenceAt({ ...window, closed: [] }, at);
    if (!occurrence) continue;
    const date = isoDate(occurrence.day);
    if (!window.closed.includes(date)) continue;
    const holiday = Object.values(roster.sites)
      .filter((site) => site.timezone === window.timezone)
      .flatMap((site) => site.holidays)
      .find((h) => h.date === date);
    const why =
      holiday?.name !== undefined
        ? `layer ${layer.name} is closed for ${holiday.name}, ${date}`
        : `layer ${layer.name} is closed on ${date}, a holiday`;
    return { layer, why };
  }
  return undefined;
}

// ---------------------------------------------------------------- the past

interface PastChange extends Stretch {
  schedule: string;
  role: string;
  was: string | null;
  would: string | null;
}

type Raw = Record<string, unknown>;

/** One top-level difference between the base file and the head file, which can be replayed alone. */
interface Unit {
  path: PathSegment[];
  target: 'value' | 'key';
  /** The entry carries `retroactive: true`. */
  retroactive: boolean;
  kind: 'entry' | 'removed' | 'rotation' | 'other';
  /** For a removed entry: what it was, in words. */
  removed?: string;
  apply: (value: Raw) => Raw;
}

/**
 * Who was on call must not change after the fact, unless an entry says it records the past
 * (`retroactive: true`). When the past changes, the culprit is found by replaying each
 * difference between the base file and the head file alone on the base.
 */
function pastRewrites(
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

const SECTIONS = ['sites', 'people', 'calendars', 'rotations', 'schedules'] as const;

/**
 * The differences between two roster files, each replayable alone: entries of overrides,
 * leave and rotation changes (matched by content, so reordering is no difference), and each
 * changed field of a site, person, calendar, rotation or schedule. Named things only the head
 * has are added to the base first (`plus`): alone they change nothing, and the entries that
 * use them need them.
 */
function differences(base: Raw, head: Raw): { plus: Raw; units: Unit[] } {
  let plus = base;
  const units: Unit[] = [];
  for (const section of SECTIONS) {
    const before = asRaw(base[section]);
    for (const [name, entry] of Object.entries(asRaw(head[section]))) {
      if (!(name in before)) {
        plus = setIn(plus, [section, name], entry);
        continue;
      }
      const was = asRaw(before[name]);
      const is = asRaw(entry);
      for (const key of new Set([...Object.keys(was), ...Object.keys(is)])) {
        if (equal(was[key], is[key])) continue;
        const path = [section, name, key];
        if (section === 'rotations' && key === 'changes') {
          units.push(...entryUnits(asList(was[key]), asList(is[key]), path, () => ''));
          continue;
        }
        units.push({
          path: key in is ? path : [section, name],
          target: 'key',
          retroactive: false,
          kind: section === 'rotations' ? 'rotation' : 'other',
          apply: (value) => (key in is ? setIn(value, path, is[key]) : deleteIn(value, path)),
        });
      }
    }
  }
  const who = (entry: unknown) => scalarText(asRaw(entry).person ?? '');
  const overrideKey = (entry: unknown) =>
    `${scalarText(asRaw(entry).schedule ?? '')} ${who(entry)}`;
  units.push(
    ...entryUnits(asList(base.overrides), asList(head.overrides), ['overrides'], overrideKey),
  );
  units.push(...entryUnits(asList(base.leave), asList(head.leave), ['leave'], who));
  return { plus, units };
}

/**
 * A list of entries compared by content. An entry removed and one added with the same key
 * (the same person, say) are one edit, found at the new entry; an entry removed outright is
 * found at the list.
 */
function entryUnits(
  was: unknown[],
  is: unknown[],
  path: PathSegment[],
  keyOf: (entry: unknown) => string,
): Unit[] {
  const kept = new Set<number>();
  const added: number[] = [];
  is.forEach((entry, j) => {
    const i = was.findIndex((old, i) => !kept.has(i) && equal(old, entry));
    if (i >= 0) kept.add(i);
    else added.push(j);
  });
  const removed = was.map((_, i) => i).filter((i) => !kept.has(i));
  const edit = (value: Raw, change: (list: unknown[]) => unknown[]) =>
    setIn(value, path, change(asList(getIn(value, path))));
  const units: Unit[] = added.map((j) => {
    const entry = is[j];
    const i = removed.find((i) => keyOf(was[i]) === keyOf(entry));
    const old = i === undefined ? undefined : was[i];
    if (i !== undefined) removed.splice(removed.indexOf(i), 1);
    return {
      path: [...path, j],
      target: 'value',
      retroactive: asRaw(entry).retroactive === true,
      kind: 'entry',
      apply: (value) =>
        edit(value, (list) =>
          old === undefined ? [...list, entry] : list.map((e) => (e === old ? entry : e)),
        ),
    };
  });
  for (const i of removed) {
    const old = was[i];
    units.push({
      path,
      target: 'key',
      retroactive: false,
      kind: 'removed',
      removed: `the entry ${describeEntry(old)}`,
      apply: (value) => edit(value, (list) => list.filter((e) => e !== old)),
    });
  }
  return units;
}

function describeEntry(entry: unknown): string {
  const e = asRaw(entry);
  const field = (key: string) => (e[key] === undefined ? [] : [`${key} ${scalarText(e[key])}`]);
  return `(${[...field('person'), ...field('schedule'), ...field('from'), ...field('to'), ...field('ref')].join(', ')})`;
}

/** A YAML scalar as text; a mapping or list where a scalar belongs as JSON, not "[object Object]". */
function scalarText(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

function asRaw(value: unknown): Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Raw) : {};
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function getIn(value: unknown, path: PathSegment[]): unknown {
  return path.reduce<unknown>((node, key) => asRaw(node)[String(key)], value);
}

/** A copy of `value` with `path` set; everything off the path is shared, not copied. */
function setIn(value: Raw, path: PathSegment[], to: unknown): Raw {
  const [key, ...rest] = path;
  if (key === undefined) return asRaw(to);
  const name = String(key);
  return { ...value, [name]: rest.length === 0 ? to : setIn(asRaw(value[name]), rest, to) };
}

function deleteIn(value: Raw, path: PathSegment[]): Raw {
  const [key, ...rest] = path;
  if (key === undefined) return value;
  const name = String(key);
  if (rest.length > 0) return { ...value, [name]: deleteIn(asRaw(value[name]), rest) };
  const { [name]: _gone, ...others } = value;
  return others;
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((x, i) => equal(x, b[i]))
    );
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => equal((a as Raw)[k], (b as Raw)[k]));
}

// ---------------------------------------------------------------- the repository

/**
 * The logins the kit may assign from now on: members of the rotations schedules use (the
 * membership in force and any dated change to come), people with an override still to run,
 * and the fallbacks that are logins rather than @org/team. In `people:` order, then fallbacks.
 */
export function assignableCandidates(roster: Roster, now: Date): string[] {
  const at = now.getTime();
  const logins = new Set<string>();
  const used = new Set(
    Object.values(roster.schedules).flatMap((s) => s.layers.map((l) => l.rotation)),
  );
  for (const name of used) {
    const rotation = roster.rotations[name];
    if (!rotation) continue;
    const turn = turnAt(roster, rotation, at);
    const current = turn ? memberAt(roster, rotation, turn.index).version : 0;
    const versions = [rotation.members, ...rotation.changes.map((c) => c.members)];
    for (const login of versions.slice(current).flat()) logins.add(login);
  }
  for (const override of roster.overrides) {
    if (overrideInterval(override).end > at) logins.add(override.login);
  }
  const people = Object.keys(roster.people).filter((login) => logins.has(login));
  const fallbacks = [roster.fallback, ...Object.values(roster.schedules).map((s) => s.fallback)];
  const more = fallbacks.filter(
    (f): f is string => f !== undefined && !f.startsWith('@') && !people.includes(f),
  );
  return [...new Set([...people, ...more])];
}

function unassignable(
  roster: Roster,
  now: number,
  assignable: ReadonlySet<string>,
  report: Report,
): void {
  const refused = assignableCandidates(roster, new Date(now)).filter((l) => !assignable.has(l));
  const why = 'GitHub refuses to assign issues in this repository to them';
  for (const login of refused) {
    if (roster.people[login]) {
      report(
        ['people', login],
        'error',
        `${login} can be on call, but ${why}: give them access to the repository (triage or more), or take them off the roster`,
        'key',
      );
      continue;
    }
    const where: PathSegment[][] = [];
    if (roster.fallback === login) where.push(['fallback']);
    for (const schedule of Object.values(roster.schedules)) {
      if (schedule.fallback === login) where.push(['schedules', schedule.name, 'fallback']);
    }
    for (const path of where) {
      report(path, 'error', `the fallback ${login} cannot be assigned issues: ${why}`);
    }
  }
}

// ---------------------------------------------------------------- words

/** The zone a schedule is read in when no layer says better: its first layer's. */
function scheduleZone(roster: Roster, schedule: Schedule): string {
  const layer = schedule.layers[0];
  if (!layer) return 'UTC';
  if (layer.window) return layer.window.timezone;
  const rotation = roster.rotations[layer.rotation];
  return rotation ? zoneOf(roster, rotation) : 'UTC';
}

/** "Thu 2026-11-26 08:00-16:00 America/Los_Angeles", or "... to Mon 2026-11-30 08:00 ..." across days. */
export function spanIn(start: number, end: number, zone: string): string {
  // describeLocal gives "Thu 2026-11-26 08:00 Zone": four words.
  const [day = '', date = '', time = ''] = describeLocal(start, zone).split(' ');
  const [endDay = '', endDate = '', endTime = ''] = describeLocal(end, zone).split(' ');
  if (endDate === date) return `${day} ${date} ${time}-${endTime} ${zone}`;
  const lastMinute = describeLocal(end - 1, zone).split(' ')[1];
  if (endTime === '00:00' && lastMinute === date) return `${day} ${date} ${time}-24:00 ${zone}`;
  return `${day} ${date} ${time} to ${endDay} ${endDate} ${endTime} ${zone}`;
}

function listed(items: string[]): string {
  const shown = items.slice(0, MAX_LISTED).join('; ');
  return items.length > MAX_LISTED ? `${shown}; and ${items.length - MAX_LISTED} more` : shown;
}
