import { DateTime, IANAZone } from 'luxon';
import { WEEKDAYS, type Weekday } from './types.js';

/**
 * Local wall-clock arithmetic. Calendar dates are handled as day numbers (days since
 * 1970-01-01, zone-free integers) so that counting days and weeks is plain arithmetic; luxon only
 * turns a (day, local time, zone) into an instant and back.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
/** Bound on each memo below: enough for years of previews, small enough to never matter. */
const MAX_REMEMBERED = 100_000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

/** Day number of a YYYY-MM-DD date (proleptic Gregorian; no zone involved). */
export function dayNumber(date: string): number {
  const match = DATE.exec(date);
  if (!match) throw new Error(`not a date (YYYY-MM-DD): ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
}

export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 1970-01-01 was a Thursday. */
export function weekdayOf(day: number): Weekday {
  return WEEKDAYS[(((day + 3) % 7) + 7) % 7] as Weekday;
}

export function weekdayIndex(day: Weekday): number {
  return WEEKDAYS.indexOf(day);
}

/** "08:30" → 510; "24:00" → 1440. */
export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

export function clock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** The local date (as a day number) of an instant in a zone. */
export function localDay(ms: number, zone: string): number {
  return Math.floor((ms + offsetAt(ms, zone) * MINUTE_MS) / DAY_MS);
}

const HOUR_MS = 3_600_000;
/** zone + span → the zone's offset (minutes) through that whole span, or NaN when it changes inside. */
const offsets = new Map<string, number>();

function steadyOffset(zone: string, span: number, index: number): number {
  const key = `${zone} ${span} ${index}`;
  let known = offsets.get(key);
  if (known === undefined) {
    const iana = IANAZone.create(zone);
    const first = iana.offset(index * span);
    known = first === iana.offset((index + 1) * span - 1) ? first : NaN;
    if (offsets.size >= MAX_REMEMBERED) offsets.clear();
    offsets.set(key, known);
  }
  return known;
}

/**
 * The zone's UTC offset at an instant. Asking luxon costs a formatToParts call and previews ask
 * thousands of times, so offsets are remembered per UTC day, and per hour on the few days the
 * offset changes: a zone changes offset at most once in a day, so when both ends of a span agree
 * the whole span has that offset.
 */
function offsetAt(ms: number, zone: string): number {
  const daily = steadyOffset(zone, DAY_MS, Math.floor(ms / DAY_MS));
  if (!Number.isNaN(daily)) return daily;
  const hourly = steadyOffset(zone, HOUR_MS, Math.floor(ms / HOUR_MS));
  return Number.isNaN(hourly) ? IANAZone.create(zone).offset(ms) : hourly;
}

/**
 * Local (day, time) → instant is asked for the same few thousand values over and over (every
 * window opening of every day of a preview), and luxon's zone lookup is the expensive part, so
 * answers are remembered. The function stays pure: the cache only saves work.
 */
const instants = new Map<string, number>();

/**
 * The instant at a local date and time in a zone, with the "compatible" rule for times DST makes
 * odd: a time that does not exist (spring forward) moves forward by the size of the jump (02:30
 * → 03:30), a time that happens twice (fall back) is the earlier of the two. `minutes` may reach
 * 1440 or more: it runs on into the following days.
 */
export function instantOf(day: number, minutes: number, zone: string): number {
  const key = `${zone} ${day} ${minutes}`;
  const known = instants.get(key);
  if (known !== undefined) return known;
  const ms = computeInstant(day, minutes, zone);
  if (instants.size >= MAX_REMEMBERED) instants.clear();
  instants.set(key, ms);
  return ms;
}

/**
 * The instants a local wall time (read as if it were UTC) names in a zone. A zone changes offset
 * at most once in two days: the offsets a day either side are the only candidates. One fits: the
 * usual case. Two fit: the time happens twice. None fits: the clocks skipped it.
 */
function instantsOfWall(wall: number, zone: string) {
  const before = offsetAt(wall - DAY_MS, zone);
  const after = offsetAt(wall + DAY_MS, zone);
  const fits = [...new Set([before, after])]
    .map((offset) => wall - offset * MINUTE_MS)
    .filter((instant) => instant + offsetAt(instant, zone) * MINUTE_MS === wall);
  return { before, after, fits };
}

function computeInstant(day: number, minutes: number, zone: string): number {
  // A time that happens twice is the earlier; a skipped one is read with the offset from before
  // the jump, which lands as far after the jump as the time was after its start (02:30 → 03:30).
  const wall = day * DAY_MS + minutes * MINUTE_MS;
  const { before, fits } = instantsOfWall(wall, zone);
  return fits.length > 0 ? Math.min(...fits) : wall - before * MINUTE_MS;
}

/**
 * When a local time is odd on a day: skipped (the clocks go forward over it) or twice (they go
 * back over it), with the local span the clock change skips or repeats ("02:00-03:00"); null on
 * an ordinary day.
 */
export function clockChangeAt(
  day: number,
  minutes: number,
  zone: string,
): { kind: 'skipped' | 'twice'; span: string } | null {
  const wall = day * DAY_MS + minutes * MINUTE_MS;
  const { before, after, fits } = instantsOfWall(wall, zone);
  if (before === after || fits.length === 1) return null;
  // The change's instant, to the minute: offsets are `before` up to it and `after` from it.
  let low = wall - before * MINUTE_MS - DAY_MS;
  let high = wall - before * MINUTE_MS + DAY_MS;
  while (high - low > MINUTE_MS) {
    const mid = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
    if (offsetAt(mid, zone) === before) low = mid;
    else high = mid;
  }
  const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
  const oldWall = high + before * MINUTE_MS;
  const newWall = high + after * MINUTE_MS;
  const [from, to] = oldWall < newWall ? [oldWall, newWall] : [newWall, oldWall];
  return { kind: fits.length === 0 ? 'skipped' : 'twice', span: `${hhmm(from)}-${hhmm(to)}` };
}

/** "2026-11-23T14:00" read in a zone (compatible rule), or a date alone read as its midnight. */
export function instantOfLocal(text: string, zone: string): number {
  const timed = LOCAL_DATE_TIME.exec(text);
  if (timed) {
    return instantOf(dayNumber(timed[1] ?? ''), Number(timed[2]) * 60 + Number(timed[3]), zone);
  }
  return instantOf(dayNumber(text), 0, zone);
}

export function isLocalDateTime(text: string): boolean {
  return LOCAL_DATE_TIME.test(text);
}

/** An instant as ISO 8601 with the zone's offset: 2026-03-29T08:00:00+02:00. */
export function isoIn(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }) ?? '';
}

/** For traces: "Sun 2026-03-29 03:00 Europe/Paris". */
export function describeLocal(ms: number, zone: string): string {
  // Built by hand: luxon's formats follow the machine's locale, and traces must not.
  const local = DateTime.fromMillis(ms, { zone });
  const day = Date.UTC(local.year, local.month - 1, local.day) / DAY_MS;
  return `${titleOf(weekdayOf(day))} ${isoDate(day)} ${clock(local.hour * 60 + local.minute)} ${zone}`;
}

const TITLE: Record<Weekday, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

export function titleOf(day: Weekday): string {
  return TITLE[day];
}

/** "Mon-Fri", "Sat, Sun", "Mon, Wed-Fri". */
export function describeDays(days: readonly Weekday[]): string {
  const indexes = [...new Set(days.map(weekdayIndex))].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < indexes.length;) {
    let j = i;
    while (j + 1 < indexes.length && indexes[j + 1] === (indexes[j] ?? 0) + 1) j += 1;
    const first = TITLE[WEEKDAYS[indexes[i] ?? 0] as Weekday];
    const last = TITLE[WEEKDAYS[indexes[j] ?? 0] as Weekday];
    runs.push(j - i >= 2 ? `${first}-${last}` : i === j ? first : `${first}, ${last}`);
    i = j + 1;
  }
  return runs.join(', ');
}
