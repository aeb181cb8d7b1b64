import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { labelKey } from '../decide/names.js';
import type { Gateway } from '../../github/gateway.js';
import { checkFile, type LoadedFile } from '../../config/load.js';
import type { ConfigProblem } from '../../kernel/problems.js';
import { LABELS_FILE } from './spec.js';
import { locate } from '../../kernel/yaml.js';

/** One label as labels.yaml writes it, after schema checks. */
export interface LabelEntry {
  name: string;
  color: string;
  description?: string;
  aliases?: string[];
}

export interface ResolvedLabels {
  labels: LabelEntry[];
  /** Where the labels came from, nearest first: the file itself, then what it extends. */
  sources: string[];
  problems: ConfigProblem[];
}

const MAX_DEPTH = 5;
const REMOTE = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)\/([^@\s]+)(?:@(\S+))?$/;

/**
 * The presets shipped beside the bundles: the action's checkout holds config/presets/, two
 * folders up from both src/config/ and dist/<name>/. (A path, not `new URL(.., import.meta.url)`,
 * which the bundler would take for an asset to copy.)
 */
export const PRESETS_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'config',
  'presets',
);

/**
 * Follow `extends:` (a preset, or owner/repo/path@ref through the API) and merge: inherited
 * labels first, and a label of the extending file replaces any inherited one it shares a
 * name or alias with.
 */
export async function resolveLabels(
  file: LoadedFile,
  gateway: Gateway,
  presetsDir: string = PRESETS_DIR,
): Promise<ResolvedLabels> {
  const problems: ConfigProblem[] = [];
  const sources: string[] = [];
  const chain: { path: string; value: { extends?: string; labels?: LabelEntry[] } }[] = [];
  let current: LoadedFile | undefined = file;
  while (current) {
    if (sources.includes(current.path)) {
      problems.push(at(current, `extends cycles back to ${current.path}`));
      break;
    }
    sources.push(current.path);
    const value = current.yaml.value as { extends?: string; labels?: LabelEntry[] };
    chain.push({ path: current.path, value });
    if (!value.extends) break;
    if (chain.length > MAX_DEPTH) {
      problems.push(at(current, `extends goes more than ${MAX_DEPTH} files deep`));
      break;
    }
    const next = await loadBase(current, value.extends, gateway, presetsDir);
    problems.push(...next.problems);
    current = next.file;
  }
  let labels: LabelEntry[] = [];
  for (const { value } of chain.reverse()) labels = merge(labels, value.labels ?? []);
  return { labels, sources, problems };
}

async function loadBase(
  from: LoadedFile,
  ref: string,
  gateway: Gateway,
  presetsDir: string,
): Promise<{ file?: LoadedFile; problems: ConfigProblem[] }> {
  const spec = LABELS_FILE;
  if (!spec) throw new Error('labels.yaml is not a registered config file');
  const remote = REMOTE.exec(ref);
  let path: string;
  let text: string | null;
  if (remote) {
    const [, owner = '', repo = '', filePath = '', gitRef] = remote;
    path = `${owner}/${repo}/${filePath}${gitRef ? `@${gitRef}` : ''}`;
    text = await gateway.forRepo({ owner, repo }).readFile(filePath, gitRef);
    if (text === null)
      return {
        problems: [at(from, `extends ${path}: no such file (or the token cannot read it)`)],
      };
  } else {
    path = `config/presets/${ref}/labels.yaml`;
    text = /^[a-z0-9-]+$/.test(ref)
      ? await readFile(join(presetsDir, ref, 'labels.yaml'), 'utf8').catch(() => null)
      : null;
    if (text === null) return { problems: [at(from, `extends "${ref}": no such preset`)] };
  }
  return checkFile(spec, path, text);
}

function merge(inherited: LabelEntry[], own: LabelEntry[]): LabelEntry[] {
  const keys = (l: LabelEntry) => [l.name, ...(l.aliases ?? [])].map(labelKey);
  const replaced = new Set(own.flatMap(keys));
  return [...inherited.filter((l) => !keys(l).some((k) => replaced.has(k))), ...own];
}

function at(file: LoadedFile, message: string): ConfigProblem {
  return { file: file.path, ...locate(file.yaml, ['extends']), severity: 'error', message };
}
