import labelsSchema from '../../../config/schema/labels.schema.json' with { type: 'json' };
import type { ConfigFileSpec } from '../../config/spec.js';
import { checkLabels, recoverColors } from './checks.js';

/** labels.yaml: the repository labels. Its schema ships in config/schema/ for editors too. */
export const LABELS_FILE: ConfigFileSpec = {
  name: 'labels',
  file: 'labels.yaml',
  purpose: 'the repository labels',
  schema: labelsSchema,
  prepare: recoverColors,
  check: checkLabels,
};
