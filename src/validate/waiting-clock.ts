import { intakeConfigFrom } from '../intake/config/intake.js';
import type { LoadedConfig } from '../config/load.js';
import type { ConfigProblem } from '../kernel/problems.js';
import { locate } from '../kernel/yaml.js';

interface ResponseSection {
  response?: { 'pause-while'?: string[] };
  escalation?: { steps?: unknown[] };
}

/**
 * Intake asks the reporter for what the form lacks and labels the issue as waiting, but the
 * response clock runs on unless escalation.yaml pauses on that label: the issue escalates and
 * counts as a breach while the desk waits on the customer. Said in the pull request.
 */
export function unpausedWaiting(config: LoadedConfig): ConfigProblem[] {
  const intake = config.files.find((f) => f.spec.name === 'intake');
  const escalation = config.files.find((f) => f.spec.name === 'escalation');
  if (!intake || !escalation) return [];
  const file = (escalation.yaml.value ?? {}) as ResponseSection;
  if ((file.escalation?.steps ?? []).length === 0) return [];
  const waiting = intakeConfigFrom(intake.yaml.value as Parameters<typeof intakeConfigFrom>[0])
    .status.incomplete;
  const pauses = file.response?.['pause-while'] ?? [];
  if (pauses.some((p) => p.trim().toLowerCase() === waiting.trim().toLowerCase())) return [];
  const at = file.response ? ['response'] : [];
  return [
    {
      file: escalation.path,
      ...locate(escalation.yaml, at, 'key'),
      severity: 'warning',
      message: `intake labels an issue "${waiting}" while it waits on the reporter, but the response clock keeps running: it escalates and counts as late meanwhile. Add \`pause-while: [${waiting}]\` under response:`,
    },
  ];
}
