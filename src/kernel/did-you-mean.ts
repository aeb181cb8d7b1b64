import { closest, distance } from 'fastest-levenshtein';

/**
 * `; did you mean "handoff"?` for a name one or two keystrokes from a known one (case aside),
 * '' otherwise: a typo gets the fix, a wholly different word no guess.
 */
export function didYouMean(word: string, known: readonly string[]): string {
  if (known.length === 0) return '';
  const lower = word.toLowerCase();
  const best = closest(
    lower,
    known.map((k) => k.toLowerCase()),
  );
  const limit = lower.length <= 4 ? 1 : 2;
  if (distance(lower, best) > limit) return '';
  const original = known.find((k) => k.toLowerCase() === best) ?? best;
  return `; did you mean "${original}"?`;
}
