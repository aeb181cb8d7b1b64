import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
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

export function parseYaml(file: string, text: string): { yaml?: YamlFile; problems: ConfigProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, version: '1.2' });
  const problems: ConfigProblem[] = [...doc.errors, ...doc.warnings].map((e) => {
    const at = e.linePos?.[0] ?? { line: 1, col: 1 };
    return {
      file,
      line: at.line,
      column: at.col,
      severity: doc.errors.includes(e as never) ? 'error' : 'warning',
      message: yamlMessage(e.message),
    };
  });
  if (doc.errors.length > 0) return { problems };
  return { yaml: { file, doc, lineCounter, value: doc.toJS({ maxAliasCount: 100 }) }, problems };
}

/** The position of the value (or its key) at `path`; the nearest existing ancestor when absent. */
export function locate(yaml: YamlFile, path: readonly PathSegment[], target: 'value' | 'key' = 'value'): Position {
  let node: unknown = yaml.doc.contents;
  let keyNode: unknown;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
      keyNode = undefined;
      node = node.items[segment];
    } else {
      break;
    }
  }
  const chosen = (target === 'key' && keyNode ? keyNode : node) as Node | null | undefined;
  const offset = chosen?.range?.[0] ?? 0;
  const { line, col } = yaml.lineCounter.linePos(offset);
  return { line, column: col };
}

function yamlMessage(message: string): string {
  // The yaml package appends a position ("at line 3, column 5"); ours is in the problem.
  return message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
}
