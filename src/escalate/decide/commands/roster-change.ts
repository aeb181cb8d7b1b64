import { overrideInterval } from '../../../roster/exceptions.js';
import { shiftsBetween } from '../../../roster/shifts.js';
import {
  dayNumber,
  instantOf,
  instantOfLocal,
  isoDate,
  isoIn,
  localDay,
} from '../../../roster/time.js';
import type { Override, Roster } from '../../../roster/types.js';
import type { OverrideEntry } from '../../../roster/config/add-overrides.js';

/**
 * `/cover @x RANGE` and `/swap @x RANGE` as roster overrides, computed from the roster alone.
 * The range is whole local days in the zone of the requester's site (the days they mean when they
 * say "my shifts next week"); the shifts are cut at its edges. A cover gives each stretch the
 * requester holds a role in the range to x; a swap does that and gives x's stretches to the
 * requester. Every stretch is found with the resolver, so leave, layers and earlier overrides
 * count as they do everywhere else.
 */

export type RosterCommand = 'swap' | 'cover';

export interface RosterRequest {
  kind: RosterCommand;
  /** Logins as roster.yaml spells them. */
  requester: string;
  other: string;
  /** Local dates, inclusive, in `zone`. */
  from: string;
  to: string;
  zone: string;
  /** The instants the range spans: [start, end). */
  start: number;
  end: number;
}

/** A new override and the stretch it moves, as the resolver found it. */
export interface Move {
  entry: OverrideEntry;
  /** Who held the role over the stretch before. */
  from: string;
}

/** A request spans at most this many days: one PR stays readable and its review quick. */
const MAX_DAYS = 31;

const LOGIN = /^@([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The request a command line makes, or why it cannot be obeyed (a sentence for the reply). */
export function rosterRequest(
  kind: RosterCommand,
  args: readonly string[],
  author: string,
  roster: Roster | undefined,
  now: Date,
): RosterRequest | string {
  const usage = `\`/${kind} @someone 2026-12-21..2026-12-27\` (or one day)`;
  const login = LOGIN.exec(args[0] ?? '')?.[1];
  const range = rangeOf(args[1] ?? '');
  if (!login || !range || args.length > 2) return `needs a person and days: ${usage}`;
  if (!roster) return 'needs roster.yaml, and there is none';
  const requester = personKey(roster, author);
  const other = personKey(roster, login);
  if (!requester) return `**${author}** is not among the people of roster.yaml`;
  if (!other) return `**${login}** is not among the people of roster.yaml`;
  if (requester === other) return `names **${other}**, who asked: name somebody else`;
  const zone = roster.sites[roster.people[requester]?.site ?? '']?.timezone ?? 'UTC';
  const [first, last] = range.map(dayNumber) as [number, number];
  if (last < first) return `the range ends before it starts: ${usage}`;
  if (last - first + 1 > MAX_DAYS) return `takes at most ${MAX_DAYS} days at a time`;
  // Approval and merge take time, and an override that starts before it is merged would rewrite
  // who was on call: the validate check refuses that.
  if (first <= localDay(now.getTime(), zone))
    return `starts tomorrow (${isoDate(localDay(now.getTime(), zone) + 1)}, ${zone}) at the earliest: a pull request must be approved and merged before it starts. For today, \`/handoff\` the issues`;
  return {
    kind,
    requester,
    other,
    from: range[0],
    to: range[1],
    zone,
    start: instantOf(first, 0, zone),
    end: instantOf(last + 1, 0, zone),
  };
}

/** The overrides that carry out the request, or why there are none (a sentence for the reply). */
export function rosterMoves(request: RosterRequest, roster: Roster, ref: string): Move[] | string {
  const moves = stretchesOf(roster, request, request.requester).map((s) =>
    move(s, request.other, request.zone, ref),
  );
  if (moves.length === 0)
    return `**${request.requester}** holds no shift from ${request.from} to ${request.to} (${request.zone})`;
  if (request.kind === 'swap') {
    const theirs = stretchesOf(roster, request, request.other);
    if (theirs.length === 0)
      return `**${request.other}** holds no shift from ${request.from} to ${request.to} (${request.zone}) to swap with; \`/cover\` hands yours over`;
    moves.push(...theirs.map((s) => move(s, request.requester, request.zone, ref)));
  }
  const clash = moves.map((m) => overlapping(roster, m.entry)).find((c) => c !== undefined);
  return clash ?? moves.sort((a, b) => startOf(a) - startOf(b));
}

/** The roster with the moves in force, as overrides read from roster.yaml would be. */
export function withMoves(roster: Roster, moves: readonly Move[]): Roster {
  return { ...roster, overrides: [...roster.overrides, ...moves.map((m) => overrideOf(m.entry))] };
}

export function overrideOf(entry: OverrideEntry): Override {
  return {
    schedule: entry.schedule,
    role: entry.role,
    login: entry.person,
    from: entry.from,
    to: entry.to,
    timezone: entry.timezone,
    ...(entry.ref ? { ref: entry.ref } : {}),
    retroactive: false,
  };
}

interface Stretch {
  schedule: string;
  role: string;
  holder: string;
  start: number;
  end: number;
}

/** Where `login` holds a role in the range, each role's touching shifts run together. */
function stretchesOf(roster: Roster, request: RosterRequest, login: string): Stretch[] {
  const found: Stretch[] = [];
  for (const [name, schedule] of Object.entries(roster.schedules)) {
    const shifts = shiftsBetween(roster, name, new Date(request.start), new Date(request.end));
    for (const role of schedule.roles) {
      for (const shift of shifts) {
        if (shift.assignees[role] !== login) continue;
        const [start, end] = [Date.parse(shift.start), Date.parse(shift.end)];
        const last = found.at(-1);
        if (last && last.schedule === name && last.role === role && last.end === start)
          last.end = end;
        else found.push({ schedule: name, role, holder: login, start, end });
      }
    }
  }
  return found;
}

function move(stretch: Stretch, to: string, zone: string, ref: string): Move {
  const [from, until, timezone] = localBounds(stretch.start, stretch.end, zone);
  return {
    entry: {
      schedule: stretch.schedule,
      role: stretch.role,
      person: to,
      from,
      to: until,
      timezone,
      ref,
    },
    from: stretch.holder,
  };
}

/**
 * Local date-times that read back as the same instants: in the requester's zone, or in UTC when
 * a bound falls in the hour a clock change repeats (local time names it twice).
 */
function localBounds(start: number, end: number, zone: string): [string, string, string] {
  const local = (ms: number, z: string) => isoIn(ms, z).slice(0, 16);
  const exact = [start, end].every((ms) => instantOfLocal(local(ms, zone), zone) === ms);
  const z = exact ? zone : 'UTC';
  return [local(start, z), local(end, z), z];
}

/** Why a new override would clash with one already there: the earlier entry would win. */
function overlapping(roster: Roster, entry: OverrideEntry): string | undefined {
  const mine = overrideInterval(overrideOf(entry));
  const index = roster.overrides.findIndex((o) => {
    if (o.schedule !== entry.schedule || o.role !== entry.role) return false;
    const theirs = overrideInterval(o);
    return theirs.start < mine.end && mine.start < theirs.end;
  });
  if (index < 0) return undefined;
  const o = roster.overrides[index] as Override;
  return `overrides[${index}] of roster.yaml already gives ${entry.schedule} ${entry.role} to **${o.login}** from ${o.from} to ${o.to} (${o.timezone}); a lead changes that entry`;
}

function startOf(m: Move): number {
  return overrideInterval(overrideOf(m.entry)).start;
}

function rangeOf(text: string): [string, string] | undefined {
  const [from = '', to = from, ...rest] = text.split('..');
  if (rest.length > 0 || !DATE.test(from) || !DATE.test(to)) return undefined;
  if (![from, to].every(realDate)) return undefined;
  return [from, to];
}

/** 2026-02-30 is no day: it must read back as written. */
function realDate(date: string): boolean {
  return isoDate(dayNumber(date)) === date;
}

function personKey(roster: Roster, login: string): string | undefined {
  return Object.keys(roster.people).find((p) => p.toLowerCase() === login.toLowerCase());
}
