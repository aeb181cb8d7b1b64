import {
  isAlias,
  isMap,
  isNode,
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
  // One error a line: a list left open inside a map also leaves the map open, and the parser
  // says both; the first is the cause.
  const errors = doc.errors
    .map((e) => problem(e.pos[0], 'error', yamlMessage(e.message)))
    .filter((p, i, all) => all.findIndex((q) => q.line === p.line) === i);
  const problems: ConfigProblem[] = [
    ...errors,
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
  const alias = unresolvedAlias(doc);
  if (alias)
    return {
      problems: [
        ...problems,
        problem(
          alias.offset,
          'error',
          `"*${alias.name}" reads as a YAML alias, and no "&${alias.name}" anchor comes before it: quote the value ("*${alias.name}") if you meant the text`,
        ),
      ],
    };
  return { yaml: { file, doc, lineCounter, value: doc.toJS({ maxAliasCount: 100 }) }, problems };
}

/** An alias (`*name`) with no anchor before it, which the yaml package throws on when read. */
function unresolvedAlias(doc: Document): { name: string; offset: number } | undefined {
  const anchors = new Set<string>();
  let found: { name: string; offset: number } | undefined;
  visit(doc, (_key, node) => {
    if (found) return visit.BREAK;
    if (isNode(node) && node.anchor) anchors.add(node.anchor);
    if (isAlias(node) && !anchors.has(node.source))
      found = { name: node.source, offset: node.range?.[0] ?? 0 };
    return undefined;
  });
  return found;
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

/**
 * The yaml package's parser errors in the words of someone editing a config file, with the fix;
 * each rule is given what its pattern captured. Its own wording stands for anything else.
 */
const PLAIN: readonly [RegExp, (quoted: string) => string][] = [
  [
    /All mapping items must start at the same column/,
    () =>
      'this key is not lined up with the keys above it: keys of one map start at the same column (count the spaces)',
  ],
  [
    /Sequence item without - indicator/,
    () =>
      'this line is indented into the list item above, but not as far as its keys: line it up with them, or start a new item with "- "',
  ],
  [
    /Flow sequence .*end with a \]/,
    () => 'a list opened with "[" is not closed before this line: end it with "]"',
  ],
  [
    /Flow map .*end with a \}/,
    () => 'a map opened with "{" is not closed before this line: end it with "}"',
  ],
  [
    /Tabs are not allowed as indentation/,
    () => 'a tab indents this line: YAML indents with spaces only',
  ],
  [
    /Missing closing (["'])quote/,
    (q) => `a value opened with ${q} is not closed before this line: end it with ${q}`,
  ],
  [
    /Implicit keys need to be on a single line/,
    () =>
      'this line is not "key: value": a key needs a colon and a space after it, as in "timezone: Europe/Paris"',
  ],
  [
    /Implicit map keys need to be followed by map values/,
    () => 'a key has no value: write "key: value", with a space after the colon',
  ],
  [
    /Plain value cannot start with reserved character (.)/,
    (c) => `a value cannot start with ${c} unless it is quoted: put it in quotes, as in "${c}..."`,
  ],
  [
    /Unresolved tag: (\S+)/,
    (tag) => `"${tag}" reads as a YAML tag, not text: quote the value ("${tag}...")`,
  ],
];

function yamlMessage(message: string): string {
  // The yaml package appends a position ("at line 3, column 5"); ours is in the problem.
  const own = message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
  for (const [pattern, plain] of PLAIN) {
    const match = own.match(pattern);
    if (match) return plain(match[1] ?? '');
  }
  return `YAML syntax: ${own}`;
}

/** A path as people write it in YAML: `sites.sfo.timezone`, `labels[3].color`. */
export function formatPath(path: readonly PathSegment[]): string {
  return path.reduce<string>(
    (acc, s) => (typeof s === 'number' ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s),
    '',
  );
}
