import { someOf } from '../../kernel/caps.js';
import { sortProblems, type ConfigProblem } from '../../kernel/problems.js';
import { formatPath } from '../../kernel/yaml.js';
import { locate, type PathSegment, type YamlFile } from '../../kernel/yaml.js';
import { decideAt } from '../../roster/decide.js';
import { overrideInterval } from '../../roster/exceptions.js';
import { memberAt, turnAt } from '../../roster/rotation.js';
import { shiftsBetween } from '../../roster/shifts.js';
import { DAY_MS, isoDate } from '../../roster/time.js';
import type { Layer, Override, Roster, Schedule, Shift } from '../../roster/types.js';
import { isWithin, occurrenceAt } from '../../roster/window.js';
import {
  misalignedSwaps,
  overlappingOverrides,
  overridesOnLeave,
} from './roster-review-overrides.js';
import { type BaseRoster, pastRewrites } from './roster-review-past.js';
import {
  addStretch,
  listed,
  overrideName,
  type Report,
  scheduleZone,
  spanIn,
  type Stretch,
} from './roster-review-report.js';

/**
 * The review of a roster change on a pull request: what the schema and the model cannot see
 * because it depends on time (the coming weeks, the weeks gone by) or on the repository (who
 * GitHub lets the kit assign). Every finding is placed in the head file where it can be fixed.
 */

export type { BaseRoster } from './roster-review-past.js';

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
  /**
   * The logins a run's cap left unasked, in the order they would have been asked: they are not
   * called unassignable, and one warning names them.
   */
  unasked?: { logins: readonly string[]; cap: number };
}

const LOOK_BACK_DAYS = 90;

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
  if (input.assignable) unassignable(head, now, input, report);
  return sortProblems(problems);
}

// ---------------------------------------------------------------- the coming weeks

/** A person holding two roles at once defeats the point of a backup. */
function roleCollisions(roster: Roster, schedule: Schedule, shifts: Shift[], report: Report): void {
  const found = new Map<string, Collision & { when: Stretch[] }>();
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
      const collision = collisionAt(roster, schedule, login, roles, start);
      const key = `${formatPath(collision.path)} ${collision.what}`;
      let entry = found.get(key);
      if (!entry) {
        entry = { ...collision, when: [] };
        found.set(key, entry);
      }
      addStretch(entry.when, start, Date.parse(shift.end));
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

interface Collision {
  /** Where it is fixed: the last override that made it, else the rotation, else the schedule. */
  path: PathSegment[];
  /** The zone its times are told in. */
  zone: string;
  what: string;
}

function collisionAt(
  roster: Roster,
  schedule: Schedule,
  login: string,
  roles: string[],
  at: number,
): Collision {
  const decision = decideAt(roster, schedule.name, at);
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
  return {
    path,
    zone: culprit?.timezone ?? scheduleZone(roster, schedule),
    what: `${login} holds both ${roles.join(' and ')} of ${schedule.name}${also}`,
  };
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
    addStretch(holes, Date.parse(shift.start), Date.parse(shift.end));
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
      addStretch(empty, Date.parse(shift.start), Date.parse(shift.end));
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
      addStretch(when, start, Date.parse(shift.end));
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
  { assignable = new Set(), unasked }: RosterReviewInput,
  report: Report,
): void {
  const candidates = assignableCandidates(roster, new Date(now));
  const skipped = new Set(unasked?.logins);
  if (unasked && skipped.size > 0)
    report(
      ['people'],
      'warning',
      `${skipped.size} of the ${candidates.length} people who can be on call were not checked for whether GitHub can assign them (at most ${unasked.cap} checks a run, those this change adds first): ${someOf(unasked.logins)}`,
      'key',
    );
  const refused = candidates.filter((l) => !skipped.has(l) && !assignable.has(l));
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
