import type { ConfigProblem } from '../../kernel/problems.js';
import { locate, type YamlFile } from '../../kernel/yaml.js';
import type { Roster } from '../../roster/types.js';
import { escalationFrom, type Target } from './escalation.js';

/**
 * What escalation.yaml names in other files: roster.yaml's calendars and roles, and the playbook
 * checklists in the config folder. A missing calendar or checklist is an error (the escalate job
 * refuses to act on it); a role no schedule has is a warning (the step assigns or mentions nobody).
 * Shared by the escalate job and validate, so the check a pull request runs is the one that
 * stops escalation.
 */
export function crossCheckEscalation(
  escalation: YamlFile,
  roster: Roster | undefined,
  /** Whether a path inside the config folder (playbooks/sev1.md) exists. */
  playbookExists: (path: string) => boolean,
  /** The config folder as the messages should name it (.github/support-kit). */
  folder = '',
): ConfigProblem[] {
  const config = escalationFrom(escalation.value);
  const raw = escalation.value as {
    response?: { goals?: { calendar?: unknown }[] };
    playbooks?: Record<string, { file?: string }>;
  };
  const problems: ConfigProblem[] = [];
  const add = (
    path: (string | number)[],
    message: string,
    severity: ConfigProblem['severity'] = 'error',
  ) => problems.push({ file: escalation.file, ...locate(escalation, path), severity, message });

  for (const goal of config.goals) {
    if (goal.calendar.kind !== 'named' || roster?.calendars[goal.calendar.name]) continue;
    const explicit = raw.response?.goals?.[goal.index]?.calendar !== undefined;
    add(
      explicit ? ['response', 'goals', goal.index, 'calendar'] : ['response', 'calendar'],
      roster
        ? `unknown calendar "${goal.calendar.name}" (roster.yaml has: ${Object.keys(roster.calendars).join(', ') || 'none'})`
        : `calendar "${goal.calendar.name}" needs a roster.yaml with that calendar`,
    );
  }

  for (const playbook of config.playbooks) {
    if (playbookExists(playbook.file)) continue;
    add(
      ['playbooks', playbook.name, raw.playbooks?.[playbook.name]?.file ? 'file' : 'labels'],
      `playbooks.${playbook.name}: ${folder ? `${folder}/` : ''}${playbook.file} does not exist`,
    );
  }

  if (roster) {
    const roles = new Set(Object.values(roster.schedules).flatMap((s) => s.roles));
    const unknown = (targets: readonly Target[]) =>
      targets.flatMap((t) => (t.kind === 'role' && !roles.has(t.role) ? [t.role] : []));
    config.steps.forEach((step, i) => {
      for (const field of ['assign', 'mention'] as const)
        for (const role of unknown(step[field]))
          add(
            ['escalation', 'steps', i, field],
            `escalation.steps[${i}].${field}: no schedule in roster.yaml has the role "${role}" (it has ${[...roles].join(', ') || 'none'}), so this step ${field === 'assign' ? 'assigns' : 'mentions'} nobody for it`,
            'warning',
          );
    });
    for (const playbook of config.playbooks)
      playbook.afterClose.forEach((item, i) => {
        const targets = item.assign.filter((t): t is Target => t.kind !== 'assignees');
        for (const role of unknown(targets))
          add(
            ['playbooks', playbook.name, 'after-close', i, 'assign'],
            `playbooks.${playbook.name}.after-close[${i}].assign: no schedule in roster.yaml has the role "${role}", so "${item.name}" is not assigned to anyone for it`,
            'warning',
          );
      });
    for (const playbook of config.playbooks)
      for (const role of unknown(playbook.leadership?.mention ?? []))
        add(
          ['playbooks', playbook.name, 'leadership', 'mention'],
          `playbooks.${playbook.name}.leadership.mention: no schedule in roster.yaml has the role "${role}"`,
          'warning',
        );
  }
  return problems;
}

/** The checklists escalation.yaml names, to read before `crossCheckEscalation`. */
export function playbookFiles(escalation: YamlFile): string[] {
  return escalationFrom(escalation.value).playbooks.map((p) => p.file);
}
