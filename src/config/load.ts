import { type ConfigProblem, sortProblems } from '../kernel/problems.js';
import { CONFIG_FILES, type ConfigFileSpec, type ConfigName, specFor } from './registry.js';
import { checkSchema } from './schema.js';
import type { ConfigSource } from './sources.js';
import { parseYaml, type YamlFile } from '../kernel/yaml.js';

export interface LoadedFile {
  spec: ConfigFileSpec;
  /** Repository-relative path, as problems and annotations name it. */
  path: string;
  yaml: YamlFile;
  /** False when the kit has no schema for this file yet and checked only its YAML. */
  schemaChecked: boolean;
}

export interface LoadedConfig {
  source: string;
  files: LoadedFile[];
  problems: ConfigProblem[];
}

/**
 * Read, parse and check config files. With `only`, just those files are read (one request
 * each through the API); otherwise the folder is listed and every YAML file in it is checked.
 * A file with problems is not returned among `files`: nothing acts on half-valid config.
 */
export async function loadConfig(
  source: ConfigSource,
  options: { only?: ConfigName[] } = {},
): Promise<LoadedConfig> {
  const problems: ConfigProblem[] = [];
  const files: LoadedFile[] = [];
  const wanted = CONFIG_FILES.filter((spec) => options.only?.includes(spec.name));
  // One file named on purpose stands for the one capability asked for, whatever its name.
  const chosen = options.only && source.singleFile && wanted.length === 1 ? wanted[0] : undefined;
  const names =
    chosen && source.singleFile
      ? [source.singleFile]
      : options.only
        ? wanted.map((spec) => spec.file)
        : await listYaml(source, problems);

  for (const fileName of names) {
    const path = `${source.folder}/${fileName}`;
    const spec = chosen ?? specFor(fileName);
    if (!spec) {
      problems.push(
        at(
          path,
          'warning',
          `unknown config file; the kit reads ${CONFIG_FILES.map((s) => s.file).join(', ')}`,
        ),
      );
      continue;
    }
    const text = await source.read(fileName);
    if (text === null) continue; // A capability without its file runs on its defaults.
    const loaded = checkFile(spec, path, text);
    problems.push(...loaded.problems);
    if (loaded.file) files.push(loaded.file);
  }
  return { source: source.description, files, problems: sortProblems(problems) };
}

export function checkFile(
  spec: ConfigFileSpec,
  path: string,
  text: string,
): { file?: LoadedFile; problems: ConfigProblem[] } {
  const { yaml, problems } = parseYaml(path, text);
  if (!yaml) return { problems };
  if (yaml.value === null || typeof yaml.value !== 'object' || Array.isArray(yaml.value)) {
    return {
      problems: [
        ...problems,
        at(path, 'error', 'must be a YAML mapping (key: value pairs) at the top level'),
      ],
    };
  }
  const found = [...problems];
  spec.prepare?.(yaml);
  if (spec.schema) found.push(...checkSchema(yaml, spec.schema));
  if (!found.some((p) => p.severity === 'error') && spec.check) found.push(...spec.check(yaml));
  if (found.some((p) => p.severity === 'error')) return { problems: found };
  return { file: { spec, path, yaml, schemaChecked: spec.schema !== undefined }, problems: found };
}

async function listYaml(source: ConfigSource, problems: ConfigProblem[]): Promise<string[]> {
  const names = await source.list();
  if (names === null) {
    problems.push(at(source.folder, 'error', `config folder not found (${source.description})`));
    return [];
  }
  return names.filter((n) => /\.ya?ml$/.test(n));
}

function at(file: string, severity: ConfigProblem['severity'], message: string): ConfigProblem {
  return { file, line: 1, column: 1, severity, message };
}
