import { didYouMean } from '../../kernel/did-you-mean.js';
import { IANAZone } from 'luxon';
import { leaveInterval } from '../exceptions.js';
import { dayNumber, describeDays, isoDate, minutesOf, weekdayOf } from '../time.js';
import type {
  Calendar,
  DeclaredGap,
  Holiday,
  Layer,
  Leave,
  Order,
  Override,
  Person,
  Roster,
  Rotation,
  RotationChange,
  Route,
  Schedule,
  Shadow,
  Site,
  TimeRange,
  Weekday,
  Window,
} from '../types.js';

/**
 * roster.yaml (already valid against config/schema/roster.schema.json, kebab-case keys as in the
 * file) → the typed {@link Roster}: defaults filled, names resolved. What the schema cannot see
 * (a person at an unknown site, a rotation naming a stranger, a zone that does not exist, an
 * anchor that is not a hand-off day, a backup role with one member) is collected and thrown as
 * one {@link RosterError} whose problems carry the path in the file, so the config layer can point
 * at the line.
 */

export interface RosterProblem {
  /** Path in the YAML value, e.g. ["rotations", "weekly", "members", 2]. */
  path: (string | number)[];
  message: string;
}

export class RosterError extends Error {
  readonly problems: RosterProblem[];

  constructor(problems: RosterProblem[]) {
    super(problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('\n'));
    this.name = 'RosterError';
    this.problems = problems;
  }
}

type HolidayFile = string | { date: string; name?: string };

interface SiteFile {
  timezone: string;
  workweek?: Weekday[];
  holidays?: HolidayFile[];
}

interface CalendarFile {
  site: string;
  hours: string[];
  days?: Weekday[];
}

interface WindowFile {
  calendar?: string;
  site?: string;
  hours?: string[];
  days?: Weekday[];
  holidays?: 'closed' | 'open';
}

interface ChangeFile {
  from: string;
  members: string[];
  'start-with'?: string;
  order?: 'fixed' | 'shuffle';
  seed?: string;
  retroactive?: boolean;
}

interface RotationFile {
  members: string[];
  period: 'week' | 'slot';
  handoff?: string;
  timezone?: string;
  site?: string;
  calendar?: string;
  anchor: string;
  order?: 'fixed' | 'shuffle';
  seed?: string;
  changes?: ChangeFile[];
}

interface GapFile {
  name: string;
  timezone?: string;
  site?: string;
  days?: Weekday[];
  hours: string[];
  'tolerance-minutes'?: number;
}

interface ScheduleFile {
  roles?: string[];
  shadow?: { role?: string; rotation: string };
  layers: { name?: string; rotation: string; window?: WindowFile }[];
  gaps?: GapFile[];
  'on-gap'?: 'hold' | 'fallback';
  fallback?: string;
  handoff?: { reassign?: 'none' | 'open' };
}

export interface RosterFile {
  version: 1;
  fallback?: string;
  busy?: 'ignore' | 'backup';
  sites: Record<string, SiteFile>;
  people: Record<string, { site: string; name?: string }>;
  calendars?: Record<string, CalendarFile>;
  rotations: Record<string, RotationFile>;
  schedules: Record<string, ScheduleFile>;
  overrides?: {
    schedule: string;
    role?: string;
    person: string;
    from: string;
    to: string;
    timezone?: string;
    ref?: string;
    retroactive?: boolean;
  }[];
  leave?: { person: string; from: string; to: string; retroactive?: boolean }[];
  routes?: { labels?: string[]; schedule: string; role?: string }[];
}

const WORKWEEK: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const EVERY_DAY: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function rangeOf(text: string): TimeRange {
  const [from = '00:00', to = '00:00'] = text.split('-');
  return { start: minutesOf(from), end: minutesOf(to), text };
}

function windowOf(
  zone: string,
  days: Weekday[],
  hours: string[],
  closed: string[],
  what: string,
): Window {
  const ranges = hours.map(rangeOf).sort((a, b) => a.start - b.start);
  const label = `${what}${describeDays(days)} ${ranges.map((r) => r.text).join(', ')} ${zone}`;
  return { timezone: zone, days, hours: ranges, closed, label };
}

export function rosterFrom(value: unknown): Roster {
  const file = value as RosterFile;
  const r: Reading = {
    problems: [],
    sites: {},
    people: {},
    calendars: {},
    rotations: {},
    schedules: {},
  };
  for (const [name, site] of Object.entries(file.sites)) r.sites[name] = siteFrom(name, site, r);
  for (const [login, person] of Object.entries(file.people)) {
    siteOf(r, person.site, ['people', login, 'site']);
    r.people[login] = {
      login,
      site: person.site,
      ...(person.name !== undefined ? { name: person.name } : {}),
    };
  }
  for (const [name, calendar] of Object.entries(file.calendars ?? {}))
    r.calendars[name] = calendarFrom(name, calendar, r);
  for (const [name, rotation] of Object.entries(file.rotations))
    r.rotations[name] = rotationFrom(name, rotation, r);
  for (const [name, schedule] of Object.entries(file.schedules))
    r.schedules[name] = scheduleFrom(name, schedule, r);
  const overrides = (file.overrides ?? []).map((o, i) => overrideFrom(o, ['overrides', i], r));
  const leave = (file.leave ?? []).map((l, i) => leaveFrom(l, ['leave', i], r));
  const routes: Route[] = (file.routes ?? []).map((route, i) => ({
    labels: route.labels ?? [],
    schedule: route.schedule,
    role: roleIn(r, route.schedule, route.role, ['routes', i]),
  }));

  if (r.problems.length > 0) throw new RosterError(r.problems);
  const { sites, people, calendars, rotations, schedules } = r;
  return {
    version: 1,
    sites,
    people,
    calendars,
    rotations,
    schedules,
    overrides,
    leave,
    routes,
    ...(file.fallback !== undefined ? { fallback: file.fallback } : {}),
    ...(file.busy === 'backup' ? { busy: 'backup' as const } : {}),
  };
}

type Path = (string | number)[];

/**
 * The sections read so far and the problems found in them. The file is read in order (sites,
 * people, calendars, rotations, schedules, then the entries), each section naming only the ones
 * before it, so a name is checked against a section already complete.
 */
interface Reading {
  problems: RosterProblem[];
  sites: Record<string, Site>;
  people: Record<string, Person>;
  calendars: Record<string, Calendar>;
  rotations: Record<string, Rotation>;
  schedules: Record<string, Schedule>;
}

function problem(r: Reading, path: Path, message: string): void {
  r.problems.push({ path, message });
}

/**
 * The schema checks the shape (YYYY-MM-DD); 2026-02-30 has it, and Date.UTC would read it as
 * 2026-03-02 without a word.
 */
function realDate(r: Reading, text: string, path: Path): boolean {
  const date = text.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || isoDate(dayNumber(date)) === date) return true;
  problem(r, path, `${date} is not a date on the calendar`);
  return false;
}

function zone(r: Reading, text: string, path: Path): string {
  if (!IANAZone.isValidZone(text)) problem(r, path, `unknown time zone "${text}"`);
  return text;
}

function siteOf(r: Reading, name: string, path: Path): Site | undefined {
  const site = r.sites[name];
  if (!site)
    problem(
      r,
      path,
      `unknown site "${name}" (sites: ${Object.keys(r.sites).join(', ')})${didYouMean(name, Object.keys(r.sites))}`,
    );
  return site;
}

function closedOn(site: Site | undefined): string[] {
  return site?.holidays.map((h) => h.date) ?? [];
}

function knownPerson(r: Reading, login: string, path: Path): void {
  if (!r.people[login])
    problem(
      r,
      path,
      `unknown person "${login}": add them under people${didYouMean(login, Object.keys(r.people))}`,
    );
}

/**
 * The role an entry names, checked against its schedule; none named: the schedule's first. An
 * override may name the shadow role; a route may not, since the shadow is never assigned.
 */
function roleIn(
  r: Reading,
  scheduleName: string,
  role: string | undefined,
  path: Path,
  shadowAllowed = false,
): string {
  const schedule = r.schedules[scheduleName];
  if (!schedule) {
    problem(
      r,
      [...path, 'schedule'],
      `unknown schedule "${scheduleName}"${didYouMean(scheduleName, Object.keys(r.schedules ?? {}))}`,
    );
    return role ?? 'primary';
  }
  const shadow = schedule.shadow?.role;
  if (role !== undefined && role === shadow && !shadowAllowed) {
    problem(
      r,
      [...path, 'role'],
      `${role} is schedule ${scheduleName}'s shadow role, which is never assigned: route to ${schedule.roles.join(' or ')}`,
    );
  } else if (role !== undefined && role !== shadow && !schedule.roles.includes(role)) {
    problem(
      r,
      [...path, 'role'],
      `schedule ${scheduleName} has no role "${role}" (roles: ${[...schedule.roles, ...(shadow ? [shadow] : [])].join(', ')})`,
    );
  }
  return role ?? schedule.roles[0] ?? 'primary';
}

function siteFrom(name: string, site: SiteFile, r: Reading): Site {
  const holidays = new Map<string, Holiday>();
  for (const [i, entry] of (site.holidays ?? []).entries()) {
    const holiday: Holiday =
      typeof entry === 'string'
        ? { date: entry }
        : { date: entry.date, ...(entry.name !== undefined ? { name: entry.name } : {}) };
    realDate(
      r,
      holiday.date,
      typeof entry === 'string'
        ? ['sites', name, 'holidays', i]
        : ['sites', name, 'holidays', i, 'date'],
    );
    holidays.set(holiday.date, holiday);
  }
  return {
    name,
    timezone: zone(r, site.timezone, ['sites', name, 'timezone']),
    workweek: site.workweek ?? WORKWEEK,
    holidays: [...holidays.values()].sort((a, b) => a.date.localeCompare(b.date)),
  };
}

function calendarFrom(name: string, calendar: CalendarFile, r: Reading): Calendar {
  const site = siteOf(r, calendar.site, ['calendars', name, 'site']);
  const days = calendar.days ?? site?.workweek ?? WORKWEEK;
  return {
    name,
    site: calendar.site,
    ...windowOf(
      site?.timezone ?? 'UTC',
      days,
      calendar.hours,
      closedOn(site),
      `calendar ${name}: `,
    ),
  };
}

function orderOf(order: 'fixed' | 'shuffle' | undefined, seed: string | undefined): Order {
  return order === 'shuffle' ? { kind: 'shuffle', seed: seed ?? '' } : { kind: 'fixed' };
}

function rotationFrom(name: string, rotation: RotationFile, r: Reading): Rotation {
  const path = ['rotations', name];
  const anchored = realDate(r, rotation.anchor, [...path, 'anchor']);
  rotation.members.forEach((login, i) => knownPerson(r, login, [...path, 'members', i]));
  const period = periodOf(rotation, anchored, path, r);
  const changes = (rotation.changes ?? []).map((change, i) =>
    changeFrom(change, rotation, [...path, 'changes', i], r),
  );
  changes.sort((a, b) => a.from.localeCompare(b.from));
  return {
    name,
    period,
    anchor: rotation.anchor,
    members: rotation.members,
    order: orderOf(rotation.order, rotation.seed),
    changes,
  };
}

function periodOf(
  rotation: RotationFile,
  anchored: boolean,
  path: Path,
  r: Reading,
): Rotation['period'] {
  if (rotation.period !== 'week') {
    const calendar = rotation.calendar ?? '';
    if (!r.calendars[calendar])
      problem(
        r,
        [...path, 'calendar'],
        `unknown calendar "${calendar}"${didYouMean(calendar, Object.keys(r.calendars))}`,
      );
    return { unit: 'slot', calendar };
  }
  const [day = 'mon', time = '00:00'] = (rotation.handoff ?? 'mon 00:00').split(' ');
  const timezone =
    rotation.timezone !== undefined
      ? zone(r, rotation.timezone, [...path, 'timezone'])
      : (siteOf(r, rotation.site ?? '', [...path, 'site'])?.timezone ?? 'UTC');
  if (anchored && weekdayOf(dayNumber(rotation.anchor)) !== day) {
    problem(
      r,
      [...path, 'anchor'],
      `the anchor ${rotation.anchor} is a ${weekdayOf(dayNumber(rotation.anchor))}, not the hand-off day (${day})`,
    );
  }
  return { unit: 'week', handoffDay: day as Weekday, handoffTime: minutesOf(time), timezone };
}

function changeFrom(
  change: ChangeFile,
  rotation: RotationFile,
  at: Path,
  r: Reading,
): RotationChange {
  realDate(r, change.from, [...at, 'from']);
  change.members.forEach((login, j) => knownPerson(r, login, [...at, 'members', j]));
  if (change.from < rotation.anchor) {
    problem(r, [...at, 'from'], `a change cannot start before the anchor ${rotation.anchor}`);
  }
  const startWith = change['start-with'];
  if (startWith !== undefined && !change.members.includes(startWith)) {
    problem(r, [...at, 'start-with'], `"${startWith}" is not one of the change's members`);
  }
  return {
    from: change.from,
    members: change.members,
    // A change keeps the rotation's order and seed unless it gives its own.
    order: orderOf(change.order ?? rotation.order, change.seed ?? rotation.seed),
    ...(startWith !== undefined ? { startWith } : {}),
    retroactive: change.retroactive ?? false,
  };
}

function scheduleFrom(name: string, schedule: ScheduleFile, r: Reading): Schedule {
  const path = ['schedules', name];
  const roles = schedule.roles ?? ['primary'];
  return {
    name,
    roles,
    layers: schedule.layers.map((layer, i) => layerFrom(layer, roles, [...path, 'layers', i], r)),
    gaps: (schedule.gaps ?? []).map((gap, i) => gapFrom(gap, [...path, 'gaps', i], r)),
    onGap: schedule['on-gap'] ?? 'hold',
    ...(schedule.fallback !== undefined ? { fallback: schedule.fallback } : {}),
    ...shadowFrom(schedule, roles, path, r),
    handoff: { reassign: schedule.handoff?.reassign ?? 'none' },
  };
}

function shadowFrom(
  schedule: ScheduleFile,
  roles: string[],
  path: Path,
  r: Reading,
): { shadow?: Shadow } {
  if (!schedule.shadow) return {};
  const role = schedule.shadow.role ?? 'shadow';
  const at = [...path, 'shadow'];
  if (roles.includes(role))
    problem(
      r,
      [...at, schedule.shadow.role === undefined ? 'rotation' : 'role'],
      `the shadow role "${role}" is also one of the schedule's roles: name it apart (shadow.role)`,
    );
  const rotation = schedule.shadow.rotation;
  if (!r.rotations[rotation])
    problem(
      r,
      [...at, 'rotation'],
      `unknown rotation "${rotation}"${didYouMean(rotation, Object.keys(r.rotations ?? {}))}`,
    );
  return { shadow: { role, rotation } };
}

function layerFrom(
  layer: ScheduleFile['layers'][number],
  roles: string[],
  at: Path,
  r: Reading,
): Layer {
  const rotation = r.rotations[layer.rotation];
  if (!rotation)
    problem(
      r,
      [...at, 'rotation'],
      `unknown rotation "${layer.rotation}"${didYouMean(layer.rotation, Object.keys(r.rotations ?? {}))}`,
    );
  const teams = rotation ? [rotation.members, ...rotation.changes.map((c) => c.members)] : [];
  if (teams.some((team) => team.length < roles.length)) {
    problem(
      r,
      [...at, 'rotation'],
      `rotation ${layer.rotation} has fewer members than the schedule has roles (${roles.join(', ')}): every role needs a different person`,
    );
  }
  const window = layer.window ? layerWindow(layer.window, at, r) : undefined;
  return {
    name: layer.name ?? layer.rotation,
    rotation: layer.rotation,
    ...(window ? { window } : {}),
  };
}

/** A layer's hours: a calendar's by name, or a site's; neither: round the clock. */
function layerWindow(window: WindowFile, at: Path, r: Reading): Window | undefined {
  if (window.calendar !== undefined) {
    const calendar = r.calendars[window.calendar];
    if (!calendar)
      problem(r, [...at, 'window', 'calendar'], `unknown calendar "${window.calendar}"`);
    return calendar;
  }
  if (window.site === undefined) return undefined;
  const site = siteOf(r, window.site, [...at, 'window', 'site']);
  return windowOf(
    site?.timezone ?? 'UTC',
    window.days ?? site?.workweek ?? WORKWEEK,
    window.hours ?? [],
    window.holidays === 'open' ? [] : closedOn(site),
    '',
  );
}

function gapFrom(gap: GapFile, at: Path, r: Reading): DeclaredGap {
  const timezone =
    gap.timezone !== undefined
      ? zone(r, gap.timezone, [...at, 'timezone'])
      : (siteOf(r, gap.site ?? '', [...at, 'site'])?.timezone ?? 'UTC');
  return {
    name: gap.name,
    window: windowOf(timezone, gap.days ?? EVERY_DAY, gap.hours, [], ''),
    toleranceMinutes: gap['tolerance-minutes'] ?? 0,
  };
}

function overrideFrom(
  o: NonNullable<RosterFile['overrides']>[number],
  path: Path,
  r: Reading,
): Override {
  knownPerson(r, o.person, [...path, 'person']);
  realDate(r, o.from, [...path, 'from']);
  realDate(r, o.to, [...path, 'to']);
  if (o.to <= o.from) problem(r, [...path, 'to'], `ends (${o.to}) before it starts (${o.from})`);
  const timezone =
    o.timezone !== undefined
      ? zone(r, o.timezone, [...path, 'timezone'])
      : (r.sites[r.people[o.person]?.site ?? '']?.timezone ?? 'UTC');
  return {
    schedule: o.schedule,
    role: roleIn(r, o.schedule, o.role, path, true),
    login: o.person,
    from: o.from,
    to: o.to,
    timezone,
    ...(o.ref !== undefined ? { ref: o.ref } : {}),
    retroactive: o.retroactive ?? false,
  };
}

function leaveFrom(l: NonNullable<RosterFile['leave']>[number], path: Path, r: Reading): Leave {
  knownPerson(r, l.person, [...path, 'person']);
  realDate(r, l.from, [...path, 'from']);
  realDate(r, l.to, [...path, 'to']);
  const entry: Leave = {
    login: l.person,
    from: l.from,
    to: l.to,
    timezone: r.sites[r.people[l.person]?.site ?? '']?.timezone ?? 'UTC',
    retroactive: l.retroactive ?? false,
  };
  // Instants, not strings: a part day ending on its own date ("2026-03-02T13:00" to
  // "2026-03-02", the rest of that day) sorts before its start as text.
  const { start, end } = leaveInterval(entry);
  if (end <= start) problem(r, [...path, 'to'], `ends (${l.to}) before it starts (${l.from})`);
  return entry;
}
