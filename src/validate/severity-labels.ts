import { intakeConfigFrom } from '../intake/config/intake.js';
import type { LoadedConfig } from '../config/load.js';
import type { ConfigProblem } from '../kernel/problems.js';
import { locate } from '../kernel/yaml.js';

/** `S1-watchlist`, `sev1`, `Severity 2`: a label whose name reads as a severity level. */
const SEVERITY_LOOK = /^\s*(?:s|sev|severity)[\s._:/-]*\d{1,3}(?![\p{N}])/iu;

/**
 * A label of labels.yaml that reads as a severity but is not one of intake's severities: intake
 * keeps exactly one of its own on an issue and never touches others, so an issue carrying this
 * one too ends with two severities. Said in the pull request, before it happens.
 */
export function severityLookalikes(config: LoadedConfig): ConfigProblem[] {
  const labels = config.files.find((f) => f.spec.name === 'labels');
  if (!labels) return [];
  const intake = config.files.find((f) => f.spec.name === 'intake');
  const severities = intakeConfigFrom(intake?.yaml.value as Parameters<typeof intakeConfigFrom>[0])
    .severity.labels;
  const known = new Set(severities.map((l) => l.toLowerCase()));
  const entries = (labels.yaml.value as { labels?: { name?: unknown }[] } | null)?.labels ?? [];
  return entries.flatMap((entry, index) => {
    const name = typeof entry.name === 'string' ? entry.name : '';
    if (!SEVERITY_LOOK.test(name) || known.has(name.toLowerCase())) return [];
    return [
      {
        file: labels.path,
        ...locate(labels.yaml, ['labels', index, 'name']),
        severity: 'warning' as const,
        message: `"${name}" reads as a severity, but intake's severities (${severities.join(', ')}) do not include it: an issue carrying it gets a second severity from the form. Add it to intake.yaml's severity labels, or rename it`,
      },
    ];
  });
}
