/**
 * Every label the kit writes to record its own state, by its default name: the one registry the
 * label sync, `validate` and the presets read. A team's labels (severity, status, area) are theirs
 * and listed in labels.yaml; these are the kit's, and pruning one would erase what the kit knows
 * (which escalation step ran, which notification must be sent again, which issue is the report).
 */
import { DESK_NOW_LABEL, FOLLOW_UP_LABEL, HANDOFF_LOG_LABEL } from './kit-records.js';
import { NOTIFY_PENDING_LABEL } from './pending-notifications.js';

/** Held: nobody is on call when the issue arrived; the scheduled run assigns it when coverage starts. */
export const NO_COVERAGE_LABEL = 'oncall/no-coverage';
/** The roster could not be read: a person must assign the issue. */
export const NEEDS_TRIAGE_LABEL = 'oncall/needs-triage';
/** Namespaced: a customer issue labelled plain `report` must not vanish from the counts. */
export const REPORT_LABEL = 'support-kit/report';
/**
 * A support issue that follows an engineering issue to its fix and release (`/escalate`,
 * `/fixed-by`): the sweep finds the issues to look at from the list alone, and the weekly report
 * counts the wait from when it came on.
 */
export const AWAITING_FIX_LABEL = 'support-kit/awaiting-fix';
/** `escalated/1`, `escalated/2`: the escalation steps taken on an issue. */
export const STEP_LABEL_PREFIX = 'escalated/';

type KitCapability = 'escalation' | 'on-call' | 'report';

export interface KitLabel {
  /** A name, or a prefix ending in `/` followed by a step number. */
  name: string;
  prefix?: true;
  by: KitCapability;
  /** What the label records, in a few words. */
  records: string;
}

const KIT_LABELS: readonly KitLabel[] = [
  {
    name: STEP_LABEL_PREFIX,
    prefix: true,
    by: 'escalation',
    records: 'the escalation steps taken',
  },
  { name: NOTIFY_PENDING_LABEL, by: 'escalation', records: 'a notification to send again' },
  { name: NO_COVERAGE_LABEL, by: 'on-call', records: 'an issue waiting for coverage' },
  { name: NEEDS_TRIAGE_LABEL, by: 'on-call', records: 'an issue a person must assign' },
  { name: HANDOFF_LOG_LABEL, by: 'on-call', records: 'the hand-off log issues' },
  { name: REPORT_LABEL, by: 'report', records: 'the weekly report issues' },
  { name: DESK_NOW_LABEL, by: 'escalation', records: 'the pinned desk-now issue' },
  { name: FOLLOW_UP_LABEL, by: 'escalation', records: "an incident's follow-up issues" },
  { name: AWAITING_FIX_LABEL, by: 'escalation', records: 'an issue waiting on an engineering fix' },
];

/** The registry entry a label name belongs to, compared without case as GitHub does. */
export function kitLabelOf(
  name: string,
  labels: readonly KitLabel[] = KIT_LABELS,
): KitLabel | undefined {
  const lower = name.toLowerCase();
  return labels.find((l) =>
    l.prefix
      ? lower.startsWith(l.name.toLowerCase()) && /^\d+$/.test(lower.slice(l.name.length))
      : lower === l.name.toLowerCase(),
  );
}
