import { escalationFrom } from '../escalate/config/escalation.js';
import type { LoadedConfig } from '../config/load.js';
import {
  kitLabelOf,
  NEEDS_TRIAGE_LABEL,
  NO_COVERAGE_LABEL,
  REPORT_LABEL,
} from '../kernel/kit-labels.js';
import { DESK_NOW_LABEL, HANDOFF_LOG_LABEL } from '../kernel/kit-records.js';
import { NOTIFY_PENDING_LABEL } from '../kernel/pending-notifications.js';
import type { ConfigProblem } from '../kernel/problems.js';
import { locate } from '../kernel/yaml.js';

/**
 * The labels the kit will write under this config (kernel/kit-labels.ts), that labels.yaml does
 * not list: one warning, so the team gives them a colour and a description before the kit
 * creates them grey. A labels.yaml that extends another is left to the file it extends.
 */
export function missingKitLabels(config: LoadedConfig): ConfigProblem[] {
  const labels = config.files.find((f) => f.spec.name === 'labels');
  if (!labels) return [];
  const value = labels.yaml.value as { extends?: unknown; labels?: { name?: unknown }[] };
  if (value.extends !== undefined) return [];
  const listed = new Set(
    (value.labels ?? []).map((l) => (typeof l.name === 'string' ? l.name.toLowerCase() : '')),
  );
  const missing = kitLabelsUnder(config).filter((l) => !listed.has(l.name.toLowerCase()));
  if (missing.length === 0) return [];
  const why = [...new Set(missing.map((l) => l.records))].join('; ');
  return [
    {
      file: labels.path,
      ...locate(labels.yaml, ['labels'], 'key'),
      severity: 'warning',
      message: `labels.yaml does not list ${missing.length} label(s) support-kit writes: ${missing.map((l) => l.name).join(', ')} (${why}). List them so they get your colour and description; the sync never deletes them.`,
    },
  ];
}

/** The kit's labels the enabled capabilities write: escalation's steps, on-call's, the report's. */
function kitLabelsUnder(config: LoadedConfig): { name: string; records: string }[] {
  const file = (name: string) => config.files.find((f) => f.spec.name === name);
  const records = (name: string) => kitLabelOf(name)?.records ?? '';
  const found: { name: string; records: string }[] = [];
  const escalation = file('escalation');
  if (escalation) {
    const e = escalationFrom(escalation.yaml.value);
    const steps = 'the escalation steps taken';
    found.push(
      ...e.steps.map((_, i) => ({ name: `${e.stepLabelPrefix}${i + 1}`, records: steps })),
    );
    if (e.pagerduty || e.webhook)
      found.push({ name: NOTIFY_PENDING_LABEL, records: records(NOTIFY_PENDING_LABEL) });
    if (e.deskNow && file('roster'))
      found.push({ name: DESK_NOW_LABEL, records: records(DESK_NOW_LABEL) });
  }
  if (file('roster'))
    for (const name of [NO_COVERAGE_LABEL, NEEDS_TRIAGE_LABEL, HANDOFF_LOG_LABEL])
      found.push({ name, records: records(name) });
  const report = file('report');
  if (report) {
    const label = (report.yaml.value as { label?: unknown } | null)?.label;
    found.push({
      name: typeof label === 'string' ? label : REPORT_LABEL,
      records: records(REPORT_LABEL),
    });
  }
  return found;
}
