import type { ConfigProblem } from '../../kernel/problems.js';
import { locate, type PathSegment, type YamlFile } from '../../kernel/yaml.js';
import { itemKey } from './escalation.js';

interface File {
  response?: { goals?: { labels?: string[] }[] };
  escalation?: { steps?: { 'after-minutes'?: number }[] };
  status?: { labels: string[]; prefix?: string; on?: Record<string, string> };
  playbooks?: Record<string, { labels: string[]; 'after-close'?: { name: string }[] }>;
  severities?: string[];
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * What the escalation schema cannot see: goals hidden behind a catch-all, steps out of order,
 * status transitions to labels outside the lifecycle, a playbook label no severity has. Calendar
 * names are checked against roster.yaml when the escalate job reads both files.
 */
export function checkEscalation(yaml: YamlFile): ConfigProblem[] {
  const file = yaml.value as File;
  const problems: ConfigProblem[] = [];
  const add = (
    path: PathSegment[],
    message: string,
    severity: ConfigProblem['severity'] = 'error',
  ) => problems.push({ file: yaml.file, ...locate(yaml, path), severity, message });

  const goals = file.response?.goals ?? [];
  const catchAll = goals.findIndex((g) => !g.labels);
  if (catchAll >= 0 && catchAll < goals.length - 1)
    add(
      ['response', 'goals', catchAll + 1],
      `response.goals[${catchAll + 1}] is never used: the goal before it has no labels and takes every issue`,
    );

  const steps = file.escalation?.steps ?? [];
  for (let i = 1; i < steps.length; i++) {
    const before = steps[i - 1]?.['after-minutes'] ?? 0;
    const here = steps[i]?.['after-minutes'] ?? 0;
    if (here <= before)
      add(
        ['escalation', 'steps', i, 'after-minutes'],
        `escalation.steps[${i}] must come later than the step before it (${here} <= ${before} minutes)`,
      );
  }

  const status = file.status;
  if (status) {
    const prefix = status.prefix;
    if (prefix !== undefined)
      status.labels.forEach((label, i) => {
        if (!label.startsWith(prefix))
          add(['status', 'labels', i], `"${label}" does not start with the prefix "${prefix}"`);
      });
    status.labels.forEach((label, i) => {
      if (status.labels.findIndex((l) => same(l, label)) !== i)
        add(['status', 'labels', i], `"${label}" is listed twice`);
    });
    for (const [event, label] of Object.entries(status.on ?? {})) {
      if (!status.labels.some((l) => same(l, label)))
        add(['status', 'on', event], `status.on.${event}: "${label}" is not one of status.labels`);
    }
  }

  // Each follow-up is found again by its key: two items with one key would be one issue.
  for (const [name, playbook] of Object.entries(file.playbooks ?? {})) {
    const keys = (playbook['after-close'] ?? []).map((item) => itemKey(item.name));
    keys.forEach((key, i) => {
      if (keys.indexOf(key) !== i)
        add(
          ['playbooks', name, 'after-close', i, 'name'],
          `playbooks.${name}.after-close[${i}]: "${playbook['after-close']?.[i]?.name ?? ''}" is the same follow-up as item ${keys.indexOf(key)} (names are compared ignoring case and punctuation)`,
        );
    });
  }

  const severities = file.severities ?? [];
  if (severities.length > 0) {
    for (const [name, playbook] of Object.entries(file.playbooks ?? {})) {
      playbook.labels.forEach((label, i) => {
        if (!severities.some((s) => same(s, label)))
          add(
            ['playbooks', name, 'labels', i],
            `"${label}" is not one of severities (${severities.join(', ')})`,
            'warning',
          );
      });
    }
  }
  return problems;
}
