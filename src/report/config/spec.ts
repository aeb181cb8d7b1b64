import reportSchema from '../../../config/schema/report.schema.json' with { type: 'json' };
import type { ConfigFileSpec } from '../../config/spec.js';
import { checkReport } from './checks.js';

/** report.yaml: the weekly report. Its schema ships in config/schema/ for editors too. */
export const REPORT_FILE: ConfigFileSpec = {
  name: 'report',
  file: 'report.yaml',
  purpose: 'the weekly report',
  schema: reportSchema,
  check: checkReport,
};
