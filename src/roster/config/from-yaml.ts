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
  layers: { name?: string; rotation: string; window?: WindowFile }[];
  gaps?: GapFile[];
  'on-gap'?: 'hold' | 'fallback';
  fallback?: string;
  handoff?: { reassign?: 'none' | 'open' };
}

export interface RosterFile {
  version: 1;
  fallback?: string;
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
  const problems: RosterProblem[] = [];
  const problem = (path: (string | number)[], message: string) => problems.push({ path, message });
  // The schema checks the shape (YYYY-MM-DD); 2026-02-30 has it, and Date.UTC would read it as
  // 2026-03-02 without a word.
  const realDate = (text: string, path: (string | number)[]): boolean => {
    const date = text.slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || isoDate(dayNumber(date)) === date) return true;
    problem(path, `${date} is not a date on the calendar`);
    return false;
  };
  const zone = (text: string, path: (string | number)[]): string => {
    if (!IANAZone.isValidZone(text)) problem(path, `unknown time zone "${text}"`);
    return text;
  };

  const sites: Record<string, Site> = {};
  for (const [name, site] of Object.entries(file.sites)) {
    const holidays = new Map<string, Holiday>();
    for (const [i, entry] of (site.holidays ?? []).entries()) {
      const holiday: Holiday =
        typeof entry === 'string'
          ? { date: entry }
          : { date: entry.date, ...(entry.name !== undefined ? { name: entry.name } : {}) };
      realDate(
        holiday.date,
        typeof entry === 'string'
          ? ['sites', name, 'holidays', i]
          : ['sites', name, 'holidays', i, 'date'],
      );
      holidays.set(holiday.date, holiday);
    }
    sites[name] = {
      name,
      timezone: zone(site.timezone, ['sites', name, 'timezone']),
      workweek: site.workweek ?? WORKWEEK,
      holidays: [...holidays.values()].sort((a, b) => a.date.localeCompare(b.date)),
    };
  }
  const siteOf = (name: string, path: (string | number)[]): Site | undefined => {
    const site = sites[name];
    if (!site) problem(path, `unknown site "${name}" (sites: ${Object.keys(sites).join(', ')})`);
    return site;
  };
  const closedOn = (site: Site | undefined) => site?.holidays.map((h) => h.date) ?? [];

  const people: Record<string, Person> = {};
  for (const [login, person] of Object.entries(file.people)) {
    siteOf(person.site, ['people', login, 'site']);
    people[login] = {
      login,
      site: person.site,
      ...(person.name !== undefined ? { name: person.name } : {}),
    };
  }
  const knownPerson = (login: string, path: (string | number)[]) => {
    if (!people[login]) problem(path, `unknown person "${login}": add them under people`);
  };

  const calendars: Record<string, Calendar> = {};
  for (const [name, calendar] of Object.entries(file.calendars ?? {})) {
    const site = siteOf(calendar.site, ['calendars', name, 'site']);
    const days = calendar.days ?? site?.workweek ?? WORKWEEK;
    calendars[name] = {
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

  const orderOf = (order: 'fixed' | 'shuffle' | undefined, seed: string | undefined): Order =>
    order === 'shuffle' ? { kind: 'shuffle', seed: seed ?? '' } : { kind: 'fixed' };

  const rotations: Record<string, Rotation> = {};
  for (const [name, rotation] of Object.entries(file.rotations)) {
    const path = ['rotations', name];
    const anchored = realDate(rotation.anchor, [...path, 'anchor']);
    rotation.members.forEach((login, i) => knownPerson(login, [...path, 'members', i]));
    let period: Rotation['period'];
    if (rotation.period === 'week') {
      const [day = 'mon', time = '00:00'] = (rotation.handoff ?? 'mon 00:00').split(' ');
      const timezone =
        rotation.timezone !== undefined
          ? zone(rotation.timezone, [...path, 'timezone'])
          : (siteOf(rotation.site ?? '', [...path, 'site'])?.timezone ?? 'UTC');
      period = { unit: 'week', handoffDay: day as Weekday, handoffTime: minutesOf(time), timezone };
      if (anchored && weekdayOf(dayNumber(rotation.anchor)) !== day) {
        problem(
          [...path, 'anchor'],
          `the anchor ${rotation.anchor} is a ${weekdayOf(dayNumber(rotation.anchor))}, not the hand-off day (${day})`,
        );
      }
    } else {
      const calendar = rotation.calendar ?? '';
      if (!calendars[calendar]) problem([...path, 'calendar'], `unknown calendar "${calendar}"`);
      period = { unit: 'slot', calendar };
    }
    const changes: RotationChange[] = (rotation.changes ?? []).map((change, i) => {
      const at = [...path, 'changes', i];
      realDate(change.from, [...at, 'from']);
      change.members.forEach((login, j) => knownPerson(login, [...at, 'members', j]));
      if (change.from < rotation.anchor) {
        problem([...at, 'from'], `a change cannot start before the anchor ${rotation.anchor}`);
      }
      const startWith = change['start-with'];
      if (startWith !== undefined && !change.members.includes(startWith)) {
        problem([...at, 'start-with'], `"${startWith}" is not one of the change's members`);
      }
      return {
        from: change.from,
        members: change.members,
        // A change keeps the rotation's order and seed unless it gives its own.
        order: orderOf(change.order ?? rotation.order, change.seed ?? rotation.seed),
        ...(startWith !== undefined ? { startWith } : {}),
        retroactive: change.retroactive ?? false,
      };
    });
    changes.sort((a, b) => a.from.localeCompare(b.from));
    rotations[name] = {
      name,
      period,
      anchor: rotation.anchor,
      members: rotation.members,
      order: orderOf(rotation.order, rotation.seed),
      changes,
    };
  }

  const schedules: Record<string, Schedule> = {};
  for (const [name, schedule] of Object.entries(file.schedules)) {
    const path = ['schedules', name];
    const roles = schedule.roles ?? ['primary'];
    const layers: Layer[] = schedule.layers.map((layer, i) => {
      const at = [...path, 'layers', i];
      const rotation = rotations[layer.rotation];
      if (!rotation) problem([...at, 'rotation'], `unknown rotation "${layer.rotation}"`);
      const teams = rotation ? [rotation.members, ...rotation.changes.map((c) => c.members)] : [];
      if (teams.some((team) => team.length < roles.length)) {
        problem(
          [...at, 'rotation'],
          `rotation ${layer.rotation} has fewer members than the schedule has roles (${roles.join(', ')}): every role needs a different person`,
        );
      }
      const window = layer.window;
      let resolved: Window | undefined;
      if (window?.calendar !== undefined) {
        resolved = calendars[window.calendar];
        if (!resolved)
          problem([...at, 'window', 'calendar'], `unknown calendar "${window.calendar}"`);
      } else if (window?.site !== undefined) {
        const site = siteOf(window.site, [...at, 'window', 'site']);
        resolved = windowOf(
          site?.timezone ?? 'UTC',
          window.days ?? site?.workweek ?? WORKWEEK,
          window.hours ?? [],
          window.holidays === 'open' ? [] : closedOn(site),
          '',
        );
      }
      return {
        name: layer.name ?? layer.rotation,
        rotation: layer.rotation,
        ...(resolved ? { window: resolved } : {}),
      };
    });
    const gaps: DeclaredGap[] = (schedule.gaps ?? []).map((gap, i) => {
      const at = [...path, 'gaps', i];
      const timezone =
        gap.timezone !== undefined
          ? zone(gap.timezone, [...at, 'timezone'])
          : (siteOf(gap.site ?? '', [...at, 'site'])?.timezone ?? 'UTC');
      return {
        name: gap.name,
        window: windowOf(timezone, gap.days ?? EVERY_DAY, gap.hours, [], ''),
        toleranceMinutes: gap['tolerance-minutes'] ?? 0,
      };
    });
    schedules[name] = {
      name,
      roles,
      layers,
      gaps,
      onGap: schedule['on-gap'] ?? 'hold',
      ...(schedule.fallback !== undefined ? { fallback: schedule.fallback } : {}),
      handoff: { reassign: schedule.handoff?.reassign ?? 'none' },
    };
  }

  const roleIn = (scheduleName: string, role: string | undefined, path: (string | number)[]) => {
    const schedule = schedules[scheduleName];
    if (!schedule) {
      problem([...path, 'schedule'], `unknown schedule "${scheduleName}"`);
      return role ?? 'primary';
    }
    if (role !== undefined && !schedule.roles.includes(role)) {
      problem(
        [...path, 'role'],
        `schedule ${scheduleName} has no role "${role}" (roles: ${schedule.roles.join(', ')})`,
      );
    }
    return role ?? schedule.roles[0] ?? 'primary';
  };

  const overrides: Override[] = (file.overrides ?? []).map((o, i) => {
    const path = ['overrides', i];
    knownPerson(o.person, [...path, 'person']);
    realDate(o.from, [...path, 'from']);
    realDate(o.to, [...path, 'to']);
    if (o.to <= o.from) problem([...path, 'to'], `ends (${o.to}) before it starts (${o.from})`);
    const timezone =
      o.timezone !== undefined
        ? zone(o.timezone, [...path, 'timezone'])
        : (sites[people[o.person]?.site ?? '']?.timezone ?? 'UTC');
    return {
      schedule: o.schedule,
      role: roleIn(o.schedule, o.role, path),
      login: o.person,
      from: o.from,
      to: o.to,
      timezone,
      ...(o.ref !== undefined ? { ref: o.ref } : {}),
      retroactive: o.retroactive ?? false,
    };
  });

  const leave: Leave[] = (file.leave ?? []).map((l, i) => {
    knownPerson(l.person, ['leave', i, 'person']);
    realDate(l.from, ['leave', i, 'from']);
    realDate(l.to, ['leave', i, 'to']);
    const entry: Leave = {
      login: l.person,
      from: l.from,
      to: l.to,
      timezone: sites[people[l.person]?.site ?? '']?.timezone ?? 'UTC',
      retroactive: l.retroactive ?? false,
    };
    // Instants, not strings: a part day ending on its own date ("2026-03-02T13:00" to
    // "2026-03-02", the rest of that day) sorts before its start as text.
    const { start, end } = leaveInterval(entry);
    if (end <= start) problem(['leave', i, 'to'], `ends (${l.to}) before it starts (${l.from})`);
    return entry;
  });

  const routes: Route[] = (file.routes ?? []).map((r, i) => ({
    labels: r.labels ?? [],
    schedule: r.schedule,
    role: roleIn(r.schedule, r.role, ['routes', i]),
  }));

  if (problems.length > 0) throw new RosterError(problems);
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
  };
}
