import { callerFrom, cronInstants } from './decide/cost.js';
import { REPORT_CALLER } from '../kernel/repo-paths.js';
import type { ScheduleEntry } from './decide/schedule.js';
import { describeLocal, MINUTE_MS } from '../roster/time.js';

const HORIZON_MS = 28 * 86_400_000;

export interface UncoveredHours {
  /** Ticks the desk needs with no committed run within the hour before, over four weeks. */
  missed: number;
  /** The first of them, in its zone: "Mon 2026-12-07 09:07 Asia/Tokyo". */
  first: string;
  /** The `on.schedule` entries to paste, as one line of YAML. */
  paste: string;
}

/**
 * Whether the committed schedule runs at least once in the hour before every tick the desk needs
 * (`hourly`: the ticks of a 60-minute interval, from the roster as it is now): a roster change
 * that adds a site or hours adds needs the old cron does not meet, and escalations there would
 * wait for the next day. `wanted` is what `init` would write, to paste.
 */
export function uncoveredHours(
  committed: string,
  hourly: readonly ScheduleEntry[],
  wanted: readonly ScheduleEntry[],
  now: Date,
): UncoveredHours | undefined {
  const to = new Date(now.getTime() + HORIZON_MS);
  const runs = callerFrom('schedule.yml', committed)
    .schedules.flatMap((s) => cronInstants(s, new Date(now.getTime() - 60 * MINUTE_MS), to))
    .sort((a, b) => a - b);
  const missed = hourly
    .flatMap((entry) => cronInstants(entry, now, to).map((at) => ({ at, zone: entry.timezone })))
    .filter(({ at }) => !runs.some((r) => r > at - 60 * MINUTE_MS && r <= at))
    .sort((a, b) => a.at - b.at);
  const first = missed[0];
  if (!first) return undefined;
  return {
    missed: missed.length,
    first: describeLocal(first.at, first.zone),
    paste: pasteSchedule(wanted),
  };
}

/** A run this long after the hand-off still reports the week that just ended, on the day. */
const LATE_MS = 3 * 60 * MINUTE_MS;
/** The report's first run after a hand-off: `reportRuns` writes it 17 minutes after. */
const AFTER_HANDOFF_MS = 17 * MINUTE_MS;

/**
 * Whether the committed report caller runs within three hours after each hand-off of the next
 * four weeks (`wanted`: what `init` writes, first run first). One that does not reports each
 * rotation week late, or before it has ended.
 */
export function lateReports(
  committed: string,
  wanted: readonly ScheduleEntry[],
  now: Date,
): { weekEnds: string; paste: string } | undefined {
  const [first] = wanted;
  if (!first) return undefined;
  const to = new Date(now.getTime() + HORIZON_MS);
  const runs = callerFrom(REPORT_CALLER, committed).schedules.flatMap((s) =>
    cronInstants(s, now, new Date(to.getTime() + LATE_MS)),
  );
  const missed = cronInstants(first, now, to).find(
    (at) => !runs.some((r) => r >= at - AFTER_HANDOFF_MS && r <= at + LATE_MS),
  );
  if (missed === undefined) return undefined;
  return {
    weekEnds: describeLocal(missed - AFTER_HANDOFF_MS, first.timezone),
    paste: pasteSchedule(wanted),
  };
}

/** `on.schedule` entries as one line of YAML to paste. */
function pasteSchedule(entries: readonly ScheduleEntry[]): string {
  return `schedule: [${entries.map((e) => `{ cron: '${e.cron}', timezone: ${e.timezone} }`).join(', ')}]`;
}
