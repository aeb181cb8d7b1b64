import { type ConfigProblem, sortProblems } from '../kernel/problems.js';
import { type ConfigFileSpec, specNamed } from './spec.js';
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
 * Read, parse and check the files of these specs (one request each through the API). A missing
 * file is no problem: its capability runs on its defaults. A file with problems is not returned
 * among `files`: nothing acts on half-valid config.
 */
export async function loadConfig(
  source: ConfigSource,
  specs: readonly ConfigFileSpec[],
): Promise<LoadedConfig> {
  // One file named on purpose stands for the one capability asked for, whatever its name.
  const [only] = specs;
  if (source.singleFile && only && specs.length === 1)
    return loadFiles(source, [[source.singleFile, only]], []);
  return loadFiles(
    source,
    specs.map((spec) => [spec.file, spec]),
    [],
  );
}

/**
 * Check the whole folder: every YAML file in it, each by the spec of its name (`known`), and a
 * warning for a file no capability reads.
 */
export async function loadConfigFolder(
  source: ConfigSource,
  known: readonly ConfigFileSpec[],
): Promise<LoadedConfig> {
  const problems: ConfigProblem[] = [];
  const names = await listYaml(source, problems);
  const byName = (name: string) => specNamed(known, name);
  for (const name of names)
    if (!byName(name))
      problems.push(
        at(
          `${source.folder}/${name}`,
          'warning',
          `unknown config file; the kit reads ${known.map((s) => s.file).join(', ')}`,
        ),
      );
  const files = names.flatMap((name) => {
    const spec = byName(name);
    return spec ? [[name, spec] as const] : [];
  });
  return loadFiles(source, files, problems);
}

async function loadFiles(
  source: ConfigSource,
  wanted: readonly (readonly [string, ConfigFileSpec])[],
  problems: ConfigProblem[],
): Promise<LoadedConfig> {
  const files: LoadedFile[] = [];
  for (const [fileName, spec] of wanted) {
    const text = await source.read(fileName);
    if (text === null) continue;
    const loaded = checkFile(spec, `${source.folder}/${fileName}`, text);
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
