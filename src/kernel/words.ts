/** "1 label", "2 labels": a count and its noun, for nouns that take an s. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
