import { labelKey } from '../../core/labels/names.js';
import type { ConfigProblem } from '../problems.js';
import { locate, type YamlFile } from '../yaml.js';

interface LabelEntry {
  name?: unknown;
  aliases?: unknown;
}

/** Names and aliases must each stand for one label: a clash would merge or delete labels. */
export function checkLabelNames(yaml: YamlFile): ConfigProblem[] {
  const labels = (yaml.value as { labels?: unknown }).labels;
  if (!Array.isArray(labels)) return [];
  const problems: ConfigProblem[] = [];
  const owner = new Map<string, { label: number; what: string }>();
  labels.forEach((entry: LabelEntry, index) => {
    const names: { value: string; path: (string | number)[]; what: string }[] = [];
    if (typeof entry?.name === 'string')
      names.push({ value: entry.name, path: ['labels', index, 'name'], what: 'name' });
    if (Array.isArray(entry?.aliases)) {
      entry.aliases.forEach((alias, a) => {
        if (typeof alias === 'string')
          names.push({ value: alias, path: ['labels', index, 'aliases', a], what: 'alias' });
      });
    }
    for (const name of names) {
      const key = labelKey(name.value);
      const first = owner.get(key);
      if (first) {
        const self = first.label === index;
        problems.push({
          file: yaml.file,
          ...locate(yaml, name.path),
          severity: 'error',
          message: self
            ? `label "${name.value}" lists its own name as an alias; remove the alias`
            : `"${name.value}" is already the ${first.what} of labels[${first.label}] (names and aliases match ignoring case)`,
        });
      } else {
        owner.set(key, { label: index, what: name.what });
      }
    }
  });
  return problems;
}
