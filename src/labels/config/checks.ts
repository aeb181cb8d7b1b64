import { isMap, isScalar, isSeq } from 'yaml';
import { isEmojiOnly, labelKey } from '../decide/names.js';
import type { ConfigProblem } from '../../kernel/problems.js';
import { locate, type YamlFile } from '../../kernel/yaml.js';

interface LabelEntry {
  name?: unknown;
  aliases?: unknown;
}

const HEX_COLOR = /^#?[0-9a-fA-F]{6}$/;

/**
 * YAML 1.2 reads `000000` as 0 and `5319e7` as 53190000000. The text as written is still in
 * the document, so a colour that was six hex digits on the page is taken as written.
 */
export function recoverColors(yaml: YamlFile): void {
  const labels = yaml.doc.get('labels');
  const values = (yaml.value as { labels?: unknown }).labels;
  if (!isSeq(labels) || !Array.isArray(values)) return;
  labels.items.forEach((item, index) => {
    if (!isMap(item)) return;
    const color = item.get('color', true);
    const entry = values[index] as Record<string, unknown> | undefined;
    if (
      isScalar(color) &&
      typeof color.value === 'number' &&
      typeof color.source === 'string' &&
      HEX_COLOR.test(color.source) &&
      entry
    ) {
      entry.color = color.source;
    }
  });
}

/** What a schema cannot say about labels.yaml: clashes between names, emoji-only names, what to sync. */
export function checkLabels(yaml: YamlFile): ConfigProblem[] {
  const value = yaml.value as {
    labels?: unknown;
    extends?: unknown;
    repositories?: unknown;
    organization?: unknown;
  };
  const problems: ConfigProblem[] = [];
  const at = (path: (string | number)[], message: string, target: 'key' | 'value' = 'value') =>
    problems.push({ file: yaml.file, ...locate(yaml, path, target), severity: 'error', message });

  if (value.labels === undefined && value.extends === undefined)
    at([], 'needs "labels:" or "extends:" (or both)');
  if (value.repositories !== undefined && value.organization !== undefined) {
    at(['organization'], 'use "repositories:" or "organization:", not both', 'key');
  }
  if (!Array.isArray(value.labels)) return problems;

  const owner = new Map<string, { label: number; what: string }>();
  value.labels.forEach((entry: LabelEntry, index) => {
    const names: { value: string; path: (string | number)[]; what: string }[] = [];
    if (typeof entry?.name === 'string') {
      names.push({ value: entry.name, path: ['labels', index, 'name'], what: 'name' });
      if (isEmojiOnly(entry.name)) {
        at(
          ['labels', index, 'name'],
          `"${entry.name}": GitHub refuses a label name made only of emoji; add a word`,
        );
      }
    }
    if (Array.isArray(entry?.aliases)) {
      entry.aliases.forEach((alias, a) => {
        if (typeof alias === 'string')
          names.push({ value: alias, path: ['labels', index, 'aliases', a], what: 'alias' });
      });
    }
    for (const name of names) {
      const key = labelKey(name.value);
      const first = owner.get(key);
      if (!first) {
        owner.set(key, { label: index, what: name.what });
      } else if (first.label === index) {
        at(name.path, `label "${name.value}" lists its own name as an alias; remove the alias`);
      } else {
        at(
          name.path,
          `"${name.value}" is already the ${first.what} of labels[${first.label}] (names and aliases match ignoring case, spacing and emoji shortcodes)`,
        );
      }
    }
  });
  return problems;
}
