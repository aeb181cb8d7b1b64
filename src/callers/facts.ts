import { type EscalationConfig, escalationFrom } from '../escalate/config/escalation.js';
import { intakeConfigFrom } from '../intake/config/intake.js';
import { type DeskFacts, DEFAULT_FACTS } from './decide/conditions.js';

/**
 * What the desk's config says about which events can change something (decide/conditions.ts):
 * read from intake.yaml and escalation.yaml as written (already schema-checked), absent files
 * being the kit's defaults.
 */
export function deskFacts(files: { intake?: unknown; escalation?: unknown }): DeskFacts {
  const incompleteLabel = intakeConfigFrom(files.intake as Parameters<typeof intakeConfigFrom>[0])
    .status.incomplete;
  if (files.escalation === undefined) return { ...DEFAULT_FACTS, incompleteLabel };
  const escalation = escalationFrom(files.escalation);
  return {
    incompleteLabel,
    acknowledgedLabels: [escalation.status?.acknowledged, escalation.acknowledgedLabel].filter(
      (l): l is string => l !== undefined,
    ),
    answersMatter: answersMatter(escalation),
    closingMatters:
      !!escalation.status?.closedCompleted ||
      !!escalation.status?.closedNotPlanned ||
      escalation.playbooks.length > 0 ||
      !!escalation.pagerduty?.resolveOnClose,
  };
}

/**
 * An answer needs a run at once only to move the status: the sweep reads the answer
 * itself, as of when it was written, both before it escalates and when it acknowledges a page
 * (within one tick in covered hours; docs/cost.md says why a page is not acknowledged sooner).
 */
function answersMatter(escalation: EscalationConfig): boolean {
  return !!escalation.status?.acknowledged;
}
