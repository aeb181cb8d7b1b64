import ical, { ICalEventTransparency } from 'ical-generator';
import { decideAt, scheduleOf, type Decision, type Holding } from '../roster/decide.js';
import { shownRoles } from '../roster/shadow.js';
import { overrideInterval } from '../roster/exceptions.js';
import { explain } from '../roster/explain.js';
import { millisOf } from '../roster/resolve.js';
import { shiftsBetween } from '../roster/shifts.js';
import { MINUTE_MS } from '../roster/time.js';
import type { Roster } from '../roster/types.js';
import { localSpan, zoneOfPerson } from './decide/shift-text.js';

/**
 * On-call shifts as an RFC 5545 calendar that people subscribe to, regenerated from roster.yaml
 * on every change. Nothing is stored between generations, so what clients need to recognise an
 * event again must follow from the roster and the slot:
 *
 * - UID = schedule, role and the UTC start of the stretch (not the person): moving a slot to
 *   somebody else updates the event instead of adding a duplicate beside the old one, and an edit
 *   elsewhere in the roster leaves it alone.
 * - SEQUENCE = minutes since 2020-01-01 at the generation instant: it grows with every
 *   regeneration without a counter to keep, so clients that honour it take the newer copy.
 * - DTSTAMP = the generation instant, so the same roster, range and instant give the same bytes.
 *
 * Times are UTC, not TZID: one schedule mixes zones (Paris, then Cambridge, then San Francisco),
 * every event is a single occurrence (no RRULE that has to keep wall-clock time across DST), and
 * a TZID would oblige the file to carry a VTIMEZONE definition per zone. Clients show UTC in the
 * viewer's zone; the description gives the holder's local time.
 */

/** One schedule (every role), one person across every schedule, or one person in one schedule. */
export interface CalendarSelection {
  schedule?: string;
  person?: string;
}

export interface CalendarInput {
  roster: Roster;
  selection: CalendarSelection;
  /** Events overlapping [from, to) are included, whole: a shift in progress keeps its real start. */
  from: Date;
  to: Date;
  /** The generation instant: DTSTAMP and SEQUENCE. */
  generatedAt: Date;
}

/** One person holding one role of one schedule without interruption: a VEVENT. */
export interface OnCallEvent {
  uid: string;
  schedule: string;
  role: string;
  login: string;
  /** ISO instants in UTC. */
  start: string;
  end: string;
  /** The layer that answered; null when an override covers a time no layer covers. */
  layer: string | null;
  /** Held by an override rather than by the rotation's turn. */
  override: boolean;
  /** The resolver's reason at the start of the stretch. */
  reason: string;
}

const SEQUENCE_EPOCH = Date.UTC(2020, 0, 1);
const UID_DOMAIN = 'support-kit';

/** Minutes since 2020-01-01T00:00Z: grows with the generation instant, needs no state. */
function sequenceAt(generatedAt: Date): number {
  return Math.max(0, Math.floor((generatedAt.getTime() - SEQUENCE_EPOCH) / MINUTE_MS));
}

/** "follow-the-sun-primary-20260309T070000Z@support-kit". */
function eventUid(schedule: string, role: string, start: number): string {
  const stamp = new Date(start)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  return `${schedule}-${role}-${stamp}@${UID_DOMAIN}`;
}

/**
 * What must stay the same for consecutive shifts to be one event: the person and where they come
 * from. A rotation stretch ends with its turn, so a person holding two turns in a row (a team of
 * one, or a dated change) gets one event per turn and a slot's UID never depends on how far back
 * the range starts; an override is its own event, whatever it replaced.
 */
function keyOf(roster: Roster, decision: Decision, holding: Holding): string {
  if (holding.override)
    return `${holding.login} override ${roster.overrides.indexOf(holding.override)}`;
  if (holding.shadowTurn) return `${holding.login} shadow turn ${holding.shadowTurn.start}`;
  const chosen = decision.chosen;
  return `${holding.login} layer ${chosen?.layer.name ?? ''} turn ${chosen?.turn?.index ?? ''}`;
}

/**
 * Where the timeline must start (or end) so that the stretch in progress at the range's first
 * (or last) millisecond is seen whole: the start (end) of the turn or override each role is held
 * by then, or the range's own bound in a gap.
 */
function reach(roster: Roster, schedule: string, bound: number, edge: 'start' | 'end'): number {
  const at = edge === 'start' ? bound : bound - 1;
  const decision = decideAt(roster, schedule, at);
  const bounds = decision.holdings.map((holding) => {
    if (holding.override) return overrideInterval(holding.override)[edge];
    if (holding.shadowTurn) return holding.shadowTurn[edge];
    return decision.chosen?.turn?.[edge] ?? bound;
  });
  return edge === 'start' ? Math.min(bound, ...bounds) : Math.max(bound, ...bounds);
}

function scheduleEvents(roster: Roster, schedule: string, from: number, to: number): OnCallEvent[] {
  const roles = shownRoles(scheduleOf(roster, schedule));
  const lo = reach(roster, schedule, from, 'start');
  const hi = reach(roster, schedule, to, 'end');
  const events: OnCallEvent[] = [];
  const open = new Map<string, { event: OnCallEvent; key: string }>();
  for (const shift of shiftsBetween(roster, schedule, new Date(lo), new Date(hi))) {
    const at = Date.parse(shift.start);
    // A gap can hold a role too: a backup override inside it (rule 7 in docs/oncall.md).
    const held = Object.keys(shift.assignees).length > 0;
    const decision = held ? decideAt(roster, schedule, at) : undefined;
    const holdings = new Map((decision?.holdings ?? []).map((h) => [h.role, h]));
    // Words are only needed for an event that starts here, and most shifts extend one.
    let why: Record<string, string> | undefined;
    for (const role of roles) {
      const holding = holdings.get(role);
      const running = open.get(role);
      if (!decision || !holding) {
        open.delete(role);
        continue;
      }
      const key = keyOf(roster, decision, holding);
      if (running && running.key === key && running.event.end === shift.start) {
        running.event.end = shift.end;
        continue;
      }
      const event: OnCallEvent = {
        uid: eventUid(schedule, role, at),
        schedule,
        role,
        login: holding.login,
        start: shift.start,
        end: shift.end,
        layer: decision.chosen?.layer.name ?? null,
        override: holding.override !== undefined,
        reason: (why ??= explain(roster, decision).why)[role] ?? '',
      };
      events.push(event);
      open.set(role, { event, key });
    }
  }
  return events.filter((e) => Date.parse(e.start) < to && Date.parse(e.end) > from);
}

/** The events of the selection over [from, to), by start, then schedule, then role. */
function calendarEvents(
  roster: Roster,
  selection: CalendarSelection,
  from: Date,
  to: Date,
): OnCallEvent[] {
  const { schedule, person } = selection;
  if (schedule === undefined && person === undefined) {
    throw new Error('a calendar is for a schedule, a person, or both');
  }
  if (person !== undefined && !roster.people[person]) {
    throw new Error(`unknown person "${person}"`);
  }
  const start = millisOf(from);
  const end = millisOf(to);
  if (end <= start) return [];
  const names = schedule !== undefined ? [schedule] : Object.keys(roster.schedules);
  // Roles in the schedule's order: primary before backup, whatever they are called.
  const rank = (event: OnCallEvent) =>
    shownRoles(scheduleOf(roster, event.schedule)).indexOf(event.role);
  return names
    .flatMap((name) => scheduleEvents(roster, name, start, end))
    .filter((event) => person === undefined || event.login === person)
    .sort(
      (a, b) =>
        a.start.localeCompare(b.start) || a.schedule.localeCompare(b.schedule) || rank(a) - rank(b),
    );
}

function calendarName(selection: CalendarSelection): string {
  const { schedule, person } = selection;
  const whose =
    person !== undefined && schedule !== undefined
      ? `${person} in ${schedule}`
      : (person ?? schedule ?? '');
  return `On call: ${whose} (support-kit)`;
}

function describeEvent(roster: Roster, event: OnCallEvent): string {
  const start = Date.parse(event.start);
  const end = Date.parse(event.end);
  const name = roster.people[event.login]?.name;
  return [
    event.layer === null ? 'Override outside every layer' : `Layer ${event.layer}`,
    `Why: ${event.reason}`,
    `Local time for ${event.login}${name ? ` (${name})` : ''}: ${localSpan(start, end, zoneOfPerson(roster, event.login))}`,
  ].join('\n');
}

/** The iCalendar text of the selection: same roster, range and generation instant, same bytes. */
export function renderCalendar(input: CalendarInput): string {
  return buildCalendar(input).text;
}

/** The events and their iCalendar text. */
export function buildCalendar(input: CalendarInput): { events: OnCallEvent[]; text: string } {
  const { roster, selection } = input;
  const events = calendarEvents(roster, selection, input.from, input.to);
  const sequence = sequenceAt(input.generatedAt);
  const calendar = ical({
    name: calendarName(selection),
    description:
      'Generated from roster.yaml by support-kit; subscribe to it rather than importing it, ' +
      'so that changes and removed shifts follow.',
    prodId: { company: 'support-kit', product: 'oncall', language: 'EN' },
  });
  for (const event of events) {
    calendar.createEvent({
      id: event.uid,
      sequence,
      stamp: input.generatedAt,
      start: new Date(event.start),
      end: new Date(event.end),
      summary: `${event.schedule} ${event.role}: ${event.login}`,
      description: describeEvent(roster, event),
      // Being on call is not a meeting: it must not block the person's free/busy time.
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  // RFC 5545 ends every content line with CRLF, the last one included.
  return { events, text: `${calendar.toString()}\r\n` };
}
