import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
} from 'yaml';
import type { ConfigProblem } from './problems.js';

export type PathSegment = string | number;

/** A parsed YAML file that still knows where each value came from. */
export interface YamlFile {
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  value: unknown;
}

export interface Position {
  line: number;
  column: number;
}

export function parseYaml(
  file: string,
  text: string,
): { yaml?: YamlFile; problems: ConfigProblem[] } {
  const lineCounter = new LineCounter();
  // Duplicate keys are found below, at the repeated key rather than at the start of the map.
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: false,
    version: '1.2',
  });
  const problem = (
    offset: number,
    severity: ConfigProblem['severity'],
    message: string,
  ): ConfigProblem => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col, severity, message };
  };
  const problems: ConfigProblem[] = [
    ...doc.errors.map((e) => problem(e.pos[0], 'error', yamlMessage(e.message))),
    ...doc.warnings.map((e) => problem(e.pos[0], 'warning', yamlMessage(e.message))),
  ];
  if (doc.errors.length === 0) {
    visit(doc, {
      Map(_key, map) {
        const seen = new Set<string>();
        for (const pair of map.items) {
          if (!isScalar(pair.key)) continue;
          const key = String(pair.key.value);
          if (seen.has(key))
            problems.push(problem(pair.key.range?.[0] ?? 0, 'error', `duplicate key "${key}"`));
          seen.add(key);
        }
      },
    });
  }
  if (problems.some((p) => p.severity === 'error')) return { problems };
  return { yaml: { file, doc, lineCounter, value: doc.toJS({ maxAliasCount: 100 }) }, problems };
}

/** The position of the value (or its key) at `path`; the nearest existing ancestor when absent. */
export function locate(
  yaml: YamlFile,
  path: readonly PathSegment[],
  target: 'value' | 'key' = 'value',
): Position {
  const { node, keyNode } = nodeAt(yaml, path);
  const chosen = (target === 'key' && keyNode ? keyNode : node) as Node | null | undefined;
  const offset = chosen?.range?.[0] ?? 0;
  const { line, col } = yaml.lineCounter.linePos(offset);
  return { line, column: col };
}

/**
 * A scalar at `path` as written: `9007199254740993` where the parsed number, past what a
 * double holds exactly, reads 9007199254740992.
 */
export function writtenAt(yaml: YamlFile, path: readonly PathSegment[]): string | undefined {
  const { node, found } = nodeAt(yaml, path);
  return found && isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
}

function nodeAt(
  yaml: YamlFile,
  path: readonly PathSegment[],
): { node: unknown; keyNode: unknown; found: boolean } {
  let node: unknown = yaml.doc.contents;
  let keyNode: unknown;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment),
      );
      if (!pair) return { node, keyNode, found: false };
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
      keyNode = undefined;
      node = node.items[segment];
    } else {
      return { node, keyNode, found: false };
    }
  }
  return { node, keyNode, found: true };
}

function yamlMessage(message: string): string {
  // The yaml package appends a position ("at line 3, column 5"); ours is in the problem.
  return message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
}

/** A path as people write it in YAML: `sites.sfo.timezone`, `labels[3].color`. */
export function formatPath(path: readonly PathSegment[]): string {
  return path.reduce<string>(
    (acc, s) => (typeof s === 'number' ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s),
    '',
  );
}
