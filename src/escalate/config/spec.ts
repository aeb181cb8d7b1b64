import escalationSchema from '../../../config/schema/escalation.schema.json' with { type: 'json' };
import type { ConfigFileSpec } from '../../config/spec.js';
import { checkEscalation } from './checks.js';

/** escalation.yaml: response goals, escalation, statuses, commands, playbooks and notifications. Its schema ships in config/schema/ for editors too. */
export const ESCALATION_FILE: ConfigFileSpec = {
  name: 'escalation',
  file: 'escalation.yaml',
  purpose: 'response goals, escalation, statuses, commands, playbooks and notifications',
  schema: escalationSchema,
  check: checkEscalation,
};
