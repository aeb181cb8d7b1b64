import escalationSchema from '../../../config/schema/escalation.schema.json' with { type: 'json' };
import type { ConfigFileSpec } from '../../config/spec.js';

/**
 * escalation.yaml read for its `response:` section alone, by the capabilities that judge issues
 * on the response clock without escalating them (the weekly report). Escalation owns the file
 * and checks the rest of it; the schema still refuses a broken file here.
 */
export const RESPONSE_GOALS_FILE: ConfigFileSpec = {
  name: 'escalation',
  file: 'escalation.yaml',
  purpose: 'the response goals (escalation.yaml)',
  schema: escalationSchema,
};
