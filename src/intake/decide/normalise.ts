/**
 * The small text comparisons intake makes everywhere: a heading against a field label, an
 * answer against a junk word or a label mapping, the length of an answer.
 */

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const WHITESPACE_RUN = /\s+/gu;

/**
 * A heading or label reduced to what identifies it: lower case, punctuation, emphasis, trailing
 * colons and asterisks gone, words separated by one space ("**Steps to reproduce:** *" →
 * "steps to reproduce"). Field ids reduce the same way ("steps-to-reproduce").
 */
export function labelKey(text: string): string {
  return text.toLowerCase().replace(NOT_LETTER_OR_DIGIT, ' ').trim();
}

/** Lower case, whitespace collapsed: how answers are compared with junk words and mappings. */
export function squash(text: string): string {
  return text.toLowerCase().replace(WHITESPACE_RUN, ' ').trim();
}

/** True when the text holds at least one letter or digit (in any script). */
export function hasWords(text: string): boolean {
  return LETTER_OR_DIGIT.test(text);
}

/** Length in code points, so an emoji or an accented letter counts once. */
export function lengthOf(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

/** The text cut to `max` code points with an ellipsis, for quoting an answer back. */
export function shorten(text: string, max = 40): string {
  const flat = text.replace(WHITESPACE_RUN, ' ').trim();
  const points = Array.from(flat);
  return points.length <= max ? flat : `${points.slice(0, max - 1).join('')}…`;
}

/** "a", "a or b", "a, b or c" — for lists inside a sentence. */
export function listOf(items: readonly string[], conjunction = 'or'): string {
  const last = items.at(-1);
  if (items.length <= 1 || last === undefined) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${last}`;
}
