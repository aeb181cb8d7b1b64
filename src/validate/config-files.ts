import type { ConfigFileSpec } from '../config/spec.js';
import { ESCALATION_FILE } from '../escalate/config/spec.js';
import { INTAKE_FILE } from '../intake/config/spec.js';
import { LABELS_FILE } from '../labels/config/spec.js';
import { REPORT_FILE } from '../report/config/spec.js';
import { ROSTER_FILE } from '../roster/config/spec.js';

/**
 * Every file the config folder may hold, each owned by its capability. Validate checks them all;
 * each job loads only its own.
 */
export const CONFIG_FILES: readonly ConfigFileSpec[] = [
  LABELS_FILE,
  INTAKE_FILE,
  ROSTER_FILE,
  REPORT_FILE,
  ESCALATION_FILE,
];
