import { lateReports } from '../callers/coverage.js';
import { deskNeedsOf } from '../callers/desk.js';
import type { LoadedConfig } from '../config/load.js';
import type { ConfigSource } from '../config/sources.js';
import { type ConfigProblem, hasErrors } from '../kernel/problems.js';
import { REPORT_CALLER_PATH } from '../kernel/repo-paths.js';
import { locate } from '../kernel/yaml.js';
import { reportConfigFrom } from '../report/config/report.js';
import { reportPeriod } from '../report/config/period.js';
import { rosterFrom } from '../roster/config/from-yaml.js';
import { atSchedule } from './schedule-coverage.js';

type ScheduleEntry = ReturnType<typeof deskNeedsOf>['report'][number];

/**
 * The weekly report against the roster as this change leaves it, before it is merged:
 * `period: rotation` needs a weekly rotation, and a report caller whose cron does not follow the
 * rotation's hand-off writes each week's report late, or before the week it names has ended.
 * Costs one read, of the report caller.
 */
export async function reportSchedule(
  source: ConfigSource,
  config: LoadedConfig,
  now: Date,
): Promise<ConfigProblem[]> {
  const report = config.files.find((f) => f.spec.name === 'report');
  const roster = config.files.find((f) => f.spec.name === 'roster');
  const broken = (path?: string) => hasErrors(config.problems.filter((p) => p.file === path));
  // A file with errors is reported by them; its period cannot be known.
  if (broken(report?.path) || broken(roster?.path)) return [];
  const settings = reportConfigFrom(report?.yaml.value);
  const period = reportPeriod(settings, roster ? rosterFrom(roster.yaml.value) : null);
  if ('problem' in period && report)
    return [
      {
        file: report.path,
        ...locate(report.yaml, ['period']),
        severity: 'error',
        message: period.problem,
      },
    ];
  const values = { report: report?.yaml.value, roster: roster?.yaml.value };
  const wanted = deskNeedsOf(values, 30, now).report;
  // ISO weeks keep the template's own cron, which suits every zone: nothing to read.
  if (wanted.length === 0) return [];
  return callerDrift(await source.readAt(REPORT_CALLER_PATH), wanted, now);
}

function callerDrift(
  committed: string | null,
  wanted: readonly ScheduleEntry[],
  now: Date,
): ConfigProblem[] {
  if (committed === null) return [];
  const late = lateReports(committed, wanted, now);
  if (!late) return [];
  return [
    atSchedule(
      REPORT_CALLER_PATH,
      committed,
      `the report runs at times that do not follow the rotation's hand-off: the week that ends ${late.weekEnds} gets its report late or a week behind. Replace on.schedule with what support-kit init writes: ${late.paste}`,
    ),
  ];
}
