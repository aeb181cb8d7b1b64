import type { ConfigProblem } from '../kernel/problems.js';
import type { YamlFile } from '../kernel/yaml.js';
import type { JsonSchema } from './schema.js';

type ConfigName = 'labels' | 'intake' | 'roster' | 'report' | 'escalation';

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

/** The spec among `specs` for a file of the config folder, named `.yml` or `.yaml`. */
export function specNamed(
  specs: readonly ConfigFileSpec[],
  fileName: string,
): ConfigFileSpec | undefined {
  const base = fileName.replace(/\.yml$/, '.yaml');
  return specs.find((spec) => spec.file === base);
}
