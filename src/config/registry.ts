import escalationSchema from '../../config/schema/escalation.schema.json' with { type: 'json' };
import intakeSchema from '../../config/schema/intake.schema.json' with { type: 'json' };
import labelsSchema from '../../config/schema/labels.schema.json' with { type: 'json' };
import reportSchema from '../../config/schema/report.schema.json' with { type: 'json' };
import rosterSchema from '../../config/schema/roster.schema.json' with { type: 'json' };
import { checkEscalation } from '../escalate/config/checks.js';
import { checkIntake } from '../intake/config/checks.js';
import { checkReport } from '../report/config/checks.js';
import { checkRoster } from '../roster/config/checks.js';
import { checkLabels, recoverColors } from '../labels/config/checks.js';
import type { ConfigProblem } from '../kernel/problems.js';
import type { JsonSchema } from './schema.js';
import type { YamlFile } from '../kernel/yaml.js';

export type ConfigName = 'labels' | 'intake' | 'roster' | 'report' | 'escalation';

/** One file in the config folder, owned by one capability. */
export interface ConfigFileSpec {
  name: ConfigName;
  file: string;
  /** What the file configures, in the words of the validate summary. */
  purpose: string;
  schema?: JsonSchema;
  /** Repairs YAML's well-known misreadings before the schema sees the values. */
  prepare?: (yaml: YamlFile) => void;
  /** Checks a schema cannot express (clashes, references between entries). */
  check?: (yaml: YamlFile) => ConfigProblem[];
}

export const CONFIG_FILES: readonly ConfigFileSpec[] = [
  {
    name: 'labels',
    file: 'labels.yaml',
    purpose: 'the repository labels',
    schema: labelsSchema,
    prepare: recoverColors,
    check: checkLabels,
  },
  {
    name: 'intake',
    file: 'intake.yaml',
    purpose: 'issue template rules',
    schema: intakeSchema,
    check: checkIntake,
  },
  {
    name: 'roster',
    file: 'roster.yaml',
    purpose: 'the on-call roster',
    schema: rosterSchema,
    check: checkRoster,
  },
  {
    name: 'report',
    file: 'report.yaml',
    purpose: 'the weekly report',
    schema: reportSchema,
    check: checkReport,
  },
  {
    name: 'escalation',
    file: 'escalation.yaml',
    purpose: 'response goals, escalation, statuses, commands, playbooks and notifications',
    schema: escalationSchema,
    check: checkEscalation,
  },
];

export function specFor(fileName: string): ConfigFileSpec | undefined {
  const base = fileName.replace(/\.yml$/, '.yaml');
  return CONFIG_FILES.find((spec) => spec.file === base);
}
