import rosterSchema from '../../../config/schema/roster.schema.json' with { type: 'json' };
import type { ConfigFileSpec } from '../../config/spec.js';
import { checkRoster } from './checks.js';

/** roster.yaml: the on-call roster. Its schema ships in config/schema/ for editors too. */
export const ROSTER_FILE: ConfigFileSpec = {
  name: 'roster',
  file: 'roster.yaml',
  purpose: 'the on-call roster',
  schema: rosterSchema,
  check: checkRoster,
};
