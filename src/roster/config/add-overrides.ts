import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';

/** An override as roster.yaml spells it (see docs/oncall.md, The rules). */
export interface OverrideEntry {
  schedule: string;
  role: string;
  person: string;
  from: string;
  to: string;
  timezone: string;
  ref?: string;
}

/**
 * roster.yaml with these overrides added at the end of its `overrides` list, everything else
 * byte for byte as it was: comments, blank lines, quoting and flow lists stay the author's. The
 * parsed document says where the list ends; the entries are written there as one-line flow maps,
 * as the docs write them. A list the text cannot be spliced into (a flow list with entries) is
 * rewritten through the document instead, which keeps the comments but may respace the file.
 * Either way the result is parsed again and must read as the old file plus the entries.
 */
export function withOverrides(text: string, entries: readonly OverrideEntry[]): string {
  const doc = parseDocument(text, { version: '1.2' });
  if (doc.errors.length > 0 || !isMap(doc.contents))
    throw new Error('roster.yaml does not parse as a map');
  const wanted = expected(doc.toJS(), entries);
  const spliced = splice(text, doc.contents.items, entries);
  if (spliced !== undefined && reads(spliced, wanted)) return spliced;
  const list = doc.get('overrides');
  if (isSeq(list)) for (const entry of entries) list.add(flowMap(entry));
  else doc.set('overrides', entries.map(flowMap));
  const rewritten = doc.toString({ flowCollectionPadding: false, lineWidth: 0 });
  if (!reads(rewritten, wanted)) throw new Error('could not add the overrides to roster.yaml');
  return rewritten;
}

function expected(value: unknown, entries: readonly OverrideEntry[]): unknown {
  const file = value as { overrides?: unknown[] | null };
  return { ...file, overrides: [...(file.overrides ?? []), ...entries.map((e) => ({ ...e }))] };
}

function reads(text: string, wanted: unknown): boolean {
  const doc = parseDocument(text, { version: '1.2' });
  return doc.errors.length === 0 && isDeepStrictEqual(doc.toJS(), wanted);
}

function flowMap(entry: OverrideEntry): Node {
  const node = new Document().createNode({ ...entry });
  if (isMap(node)) node.flow = true;
  return node;
}

/** `{ schedule: sre, role: primary, ... }` on one line. */
function entryText(entry: OverrideEntry): string {
  return new Document(flowMap(entry))
    .toString({ flowCollectionPadding: true, lineWidth: 0 })
    .trimEnd();
}

/** The text with the entries written in, or undefined when the list has a form not spliced. */
function splice(
  text: string,
  pairs: Pair[],
  entries: readonly OverrideEntry[],
): string | undefined {
  const pair = pairs.find((p) => isScalar(p.key) && p.key.value === 'overrides');
  const lines = (indent: number) =>
    entries.map((e) => `${' '.repeat(indent)}- ${entryText(e)}\n`).join('');
  if (!pair) {
    const end = text.length === 0 || text.endsWith('\n') ? text : `${text}\n`;
    return `${end}\noverrides:\n${lines(2)}`;
  }
  const key = pair.key as Node;
  const keyStart = key.range?.[0] ?? 0;
  const keyColumn = keyStart - lineStart(text, keyStart);
  const value = pair.value as Node | null;
  if (isSeq(value) && !value.flow && value.items.length > 0) {
    const [start = 0, end = 0] = value.range ?? [];
    const column = start - lineStart(text, start);
    const at = lineEnd(text, Math.max(start, end - 1));
    return `${text.slice(0, at)}${lines(column)}${text.slice(at)}`;
  }
  const empty =
    value === null ||
    (isScalar(value) && value.value === null) ||
    (isSeq(value) && value.flow && value.items.length === 0);
  if (!empty) return undefined;
  // `overrides:` or `overrides: []`: the entries go on the lines after the key.
  const from = value?.range && !isScalar(value) ? value.range[0] : lineEnd(text, keyStart) - 1;
  const to = value?.range && !isScalar(value) ? value.range[1] : from;
  const rest = text.slice(to);
  const after = lineEnd(rest, 0);
  const tail = rest.slice(0, after).replace(/\n$/, '');
  return `${text.slice(0, from).trimEnd()}${tail}\n${lines(keyColumn + 2)}${rest.slice(after)}`;
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

/** The offset just past the newline that ends the line holding `at` (or the text's end). */
function lineEnd(text: string, at: number): number {
  const newline = text.indexOf('\n', at);
  return newline < 0 ? text.length : newline + 1;
}
