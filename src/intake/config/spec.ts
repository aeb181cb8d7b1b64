import intakeSchema from '../../../config/schema/intake.schema.json' with { type: 'json' };
import type { ConfigFileSpec } from '../../config/spec.js';
import { checkIntake } from './checks.js';

/** intake.yaml: issue template rules. Its schema ships in config/schema/ for editors too. */
export const INTAKE_FILE: ConfigFileSpec = {
  name: 'intake',
  file: 'intake.yaml',
  purpose: 'issue template rules',
  schema: intakeSchema,
  check: checkIntake,
};
