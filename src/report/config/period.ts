import type { Roster } from '../../roster/types.js';
import { weekdayIndex } from '../../roster/time.js';
import { ISO_WEEK } from '../decide/week.js';
import type { PeriodOpening, ReportConfig } from '../decide/types.js';

/**
 * The report's weekly period and its zone. A roster with a weekly rotation gets the rotation's
 * week, from hand-off to hand-off in the rotation's zone (seed 001: "at the end of a rotation"):
 * the rotation of the first schedule's first layer, else the first weekly rotation. ISO weeks
 * otherwise, or when report.yaml asks for them with `period: iso-week`, or names a `timezone`
 * without a `period` (it chose the zone the weeks are counted in).
 */
export type ReportPeriod =
  { opens: PeriodOpening; zone: string } | { problem: string; opens: PeriodOpening; zone: string };

export function reportPeriod(config: ReportConfig, roster: Roster | null): ReportPeriod {
  const isoZone = config.timezone ?? Object.values(roster?.sites ?? {})[0]?.timezone ?? 'UTC';
  const iso = { opens: ISO_WEEK, zone: isoZone };
  if (config.period === 'iso-week') return iso;
  if (config.period === undefined && config.timezone !== undefined) return iso;
  const rotation = weeklyRotation(roster);
  if (!rotation) {
    return config.period === 'rotation'
      ? {
          ...iso,
          problem:
            'period: rotation needs a rotation with `period: week` in roster.yaml (its hand-off opens the week); the report counts ISO weeks until there is one',
        }
      : iso;
  }
  const { period } = rotation;
  return {
    opens: {
      day: weekdayIndex(period.handoffDay),
      minutes: period.handoffTime,
      rotation: rotation.name,
    },
    zone: period.timezone,
  };
}

type WeeklyRotation = Roster['rotations'][string] & {
  period: Extract<Roster['rotations'][string]['period'], { unit: 'week' }>;
};

function weeklyRotation(roster: Roster | null): WeeklyRotation | undefined {
  if (!roster) return undefined;
  const weekly = (name: string | undefined) => {
    const rotation = name === undefined ? undefined : roster.rotations[name];
    return rotation?.period.unit === 'week' ? (rotation as WeeklyRotation) : undefined;
  };
  const first = Object.values(roster.schedules)[0]?.layers[0]?.rotation;
  return weekly(first) ?? Object.keys(roster.rotations).map(weekly).find(Boolean);
}
