import { crossCheckEscalation, playbookFiles } from '../escalate/config/crosscheck.js';
import { rosterFrom } from '../roster/config/from-yaml.js';
import type { LoadedConfig } from '../config/load.js';
import { hasErrors, type ConfigProblem } from '../kernel/problems.js';
import type { ConfigSource } from '../config/sources.js';
import { missingKitLabels } from './kit-labels.js';
import { severityLookalikes } from './severity-labels.js';
import { unpausedWaiting } from './waiting-clock.js';
import { scheduleCoverage } from './schedule-coverage.js';
import { reportSchedule } from './report-schedule.js';
import { calendarCaller } from './calendar-caller.js';
import { examplePeople } from './example-people.js';

/**
 * What one file cannot say about itself: escalation.yaml against roster.yaml (calendars, roles)
 * and the playbook files it names, and labels.yaml against the labels the kit will write and
 * the severities intake keeps, and the committed schedule, report and calendar callers against
 * the roster (and report.yaml's period). The escalate job
 * refuses to act on the escalation problems, so validate reports the same ones before the change
 * is merged. Costs one read per playbook, and one of the schedule caller.
 */
export async function crossCheckConfig(
  source: ConfigSource,
  config: LoadedConfig,
  now: Date,
): Promise<ConfigProblem[]> {
  return [
    ...(await crossCheckEscalationFile(source, config)),
    ...(await scheduleCoverage(source, config, now)),
    ...(await reportSchedule(source, config, now)),
    ...(await calendarCaller(source, config)),
    ...missingKitLabels(config),
    ...severityLookalikes(config),
    ...unpausedWaiting(config),
    ...examplePeople(config),
  ];
}

async function crossCheckEscalationFile(
  source: ConfigSource,
  config: LoadedConfig,
): Promise<ConfigProblem[]> {
  const escalation = config.files.find((f) => f.spec.name === 'escalation');
  // A file with its own errors is reported by them; cross-checking it would only add noise.
  if (!escalation || hasErrors(config.problems.filter((p) => p.file === escalation.path)))
    return [];
  const rosterFile = config.files.find((f) => f.spec.name === 'roster');
  const roster =
    rosterFile && !hasErrors(config.problems.filter((p) => p.file === rosterFile.path))
      ? rosterFrom(rosterFile.yaml.value)
      : undefined;
  const present = new Set<string>();
  for (const path of playbookFiles(escalation.yaml)) {
    if ((await source.read(path)) !== null) present.add(path);
  }
  return crossCheckEscalation(escalation.yaml, roster, (path) => present.has(path), source.folder);
}
