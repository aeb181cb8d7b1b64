/**
 * The caps on loops that make a request per item (a roster login, a label, a commenter): a fork's
 * pull request or a large organisation must not spend the repository's API budget, which the
 * workflow token has 1,000 requests an hour of. Each loop takes the first `cap` items, in the
 * order that matters most, and says what it left out.
 */
export interface Capped<T> {
  taken: T[];
  skipped: T[];
}

export function capped<T>(items: readonly T[], cap: number): Capped<T> {
  return { taken: items.slice(0, cap), skipped: items.slice(cap) };
}

/** `alice, bob, chloe and 947 more`: the first few names of a list too long to say in full. */
export function someOf(names: readonly string[], shown = 10): string {
  if (names.length <= shown) return names.join(', ');
  return `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
}
