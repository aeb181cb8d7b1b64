import { uncoveredHours } from '../callers/coverage.js';
import { SCHEDULE_CALLER_PATH } from '../kernel/repo-paths.js';
import { deskNeedsOf } from '../callers/desk.js';
import type { LoadedConfig } from '../config/load.js';
import type { ConfigSource } from '../config/sources.js';
import { type ConfigProblem, hasErrors } from '../kernel/problems.js';

/**
 * The committed schedule against the roster as this change leaves it: a new site or longer
 * hours need ticks the old cron lacks, and escalations and hand-offs there would wait for the
 * next run. Said in the pull request, with the entries `init` would write.
 */
export async function scheduleCoverage(
  source: ConfigSource,
  config: LoadedConfig,
  now: Date,
): Promise<ConfigProblem[]> {
  // Without a roster, the ticks follow no zone and no hand-off: nothing a cron change would miss.
  if (!config.files.some((f) => f.spec.name === 'roster')) return [];
  const path = SCHEDULE_CALLER_PATH;
  const committed = await source.readAt(path);
  if (committed === null) return [];
  const values: Partial<Record<'roster' | 'intake' | 'escalation', unknown>> = {};
  for (const name of ['roster', 'intake', 'escalation'] as const) {
    const file = config.files.find((f) => f.spec.name === name);
    if (!file) continue;
    // A file with errors is reported by them; its ticks cannot be known.
    if (hasErrors(config.problems.filter((p) => p.file === file.path))) return [];
    values[name] = file.yaml.value;
  }
  const gap = uncoveredHours(
    committed,
    deskNeedsOf(values, 60, now).schedule,
    deskNeedsOf(values, 30, now).schedule,
    now,
  );
  if (!gap) return [];
  return [
    atSchedule(
      path,
      committed,
      `the schedule misses ${gap.missed} hour(s) the roster needs in the next four weeks (first: ${gap.first}): escalations and hand-offs then wait for the next run. Replace on.schedule with what support-kit init writes: ${gap.paste}`,
    ),
  ];
}

/** A warning at a committed caller's `schedule:` line, where the entries to paste go. */
export function atSchedule(path: string, committed: string, message: string): ConfigProblem {
  const line = committed.split('\n').findIndex((l) => /^\s+schedule:/.test(l)) + 1;
  return { file: path, line: Math.max(1, line), column: 1, severity: 'warning', message };
}
