import type { ConfigProblem } from '../../kernel/problems.js';
import type { PathSegment } from '../../kernel/yaml.js';
import { zoneOf } from '../../roster/rotation.js';
import { describeLocal } from '../../roster/time.js';
import type { Override, Roster, Schedule } from '../../roster/types.js';

/**
 * What the checks of the roster review share: how a finding is reported, and the words their
 * messages are written in.
 */

/** A finding, placed in the head file at the key or the value of `path`. */
export type Report = (
  path: PathSegment[],
  severity: ConfigProblem['severity'],
  message: string,
  target?: 'value' | 'key',
) => void;

export interface Stretch {
  start: number;
  end: number;
}

/** Shifts come in order: one that starts where the last stretch ends extends it. */
export function addStretch(stretches: Stretch[], start: number, end: number): void {
  const last = stretches.at(-1);
  if (last && last.end === start) last.end = end;
  else stretches.push({ start, end });
}

/** Stretches listed in one message before "and N more". */
const MAX_LISTED = 5;

export function overrideName(roster: Roster, override: Override): string {
  const index = roster.overrides.indexOf(override);
  return `overrides[${index}]${override.ref !== undefined ? ` (${override.ref})` : ''}`;
}

/** The zone a schedule is read in when no layer says better: its first layer's. */
export function scheduleZone(roster: Roster, schedule: Schedule): string {
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

export function listed(items: string[]): string {
  const shown = items.slice(0, MAX_LISTED).join('; ');
  return items.length > MAX_LISTED ? `${shown}; and ${items.length - MAX_LISTED} more` : shown;
}
