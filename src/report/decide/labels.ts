import type { LabelPrefixes } from './types.js';

/**
 * Which of an issue's labels is its severity, status or area. A prefix that ends in a letter
 * or digit ("S") must be followed by something that is not a letter, so that "S1-broken" is a
 * severity and "support" is not; a prefix ending in punctuation ("status/") takes anything.
 */

function hasPrefix(label: string, prefix: string): boolean {
  if (label.length <= prefix.length) return false;
  if (label.slice(0, prefix.length).toLowerCase() !== prefix.toLowerCase()) return false;
  if (!/[\p{L}\p{N}]$/u.test(prefix)) return true;
  return !/\p{L}/u.test(label.charAt(prefix.length));
}

/** The labels of one dimension, in the order GitHub gave them. */
export function labelsOf(labels: readonly string[], prefix: string): string[] {
  return labels.filter((label) => hasPrefix(label, prefix));
}

/**
 * A severity key names a label exactly ("S1-broken") or by its level ("S1" matches "S1-broken",
 * "S1", "S1: broken"), case-insensitively.
 */
export function matchesSeverity(label: string, key: string): boolean {
  const l = label.toLowerCase();
  const k = key.toLowerCase();
  if (l === k) return true;
  return l.startsWith(k) && !/[\p{L}\p{N}]/u.test(l.charAt(k.length));
}

/** The severity of an issue: its first severity label, or null. */
export function severityOf(labels: readonly string[], prefixes: LabelPrefixes): string | null {
  return labelsOf(labels, prefixes.severity)[0] ?? null;
}
