import { labelKey, listOf, shorten } from './normalise.js';

/**
 * Severity answers, however they are written, reduced to exactly one severity label.
 *
 * Labels are ordered most severe first and read as `{prefix}{level}-{word}` (`S1-broken`): the
 * level is the number in the label, the word what follows it. An answer names a level by
 * - the whole label, in any case or punctuation ("s1 broken", "S1-broken");
 * - the level with an optional `S`, `Sev`, `Severity` or `Level` before it, in any case and
 *   spacing ("S1", "sev 1", "SEV-1", "Severity 1", "1"), optionally followed by a description
 *   ("S1 - broken: major functionality loss") that does not name another level;
 * - the word alone ("broken"), or the word followed by a description.
 * `P1` is a priority, not a severity: it is refused, and {@link readSeverity} says so.
 */

export interface SeverityReading {
  /** The one label the answer names, or null. */
  label: string | null;
  /** Why no label was found, when the answer was not empty. */
  problem?: string;
}

interface Level {
  label: string;
  key: string;
  level: number | null;
  word: string;
}

const LEVEL_IN_LABEL = /^\s*(?:s|sev|severity|level)?[\s._:/-]*(\d{1,3})(?:[\s._:/-]+(.*))?$/i;
const LEVEL_IN_ANSWER = /^(?:s|sev|severity|level)?[\s._:#-]*(\d{1,3})(?![\p{L}\p{N}])(.*)$/iu;
const PRIORITY = /^(?:p|prio|priority)[\s._:#-]*\d{1,3}(?![\p{L}\p{N}])/iu;
const OTHER_LEVEL = /(?:^|[^\p{L}\p{N}])(?:s|sev|severity)[\s._-]*(\d{1,3})(?![\p{L}\p{N}])/giu;

function levelsOf(labels: readonly string[]): Level[] {
  return labels.map((label) => {
    const match = LEVEL_IN_LABEL.exec(label);
    const level = match ? Number(match[1]) : null;
    // "severity/critical" → "critical": the word is what follows the last separator.
    const word = labelKey(match ? (match[2] ?? '') : (label.split(/[/:]/).pop() ?? label));
    return { label, key: labelKey(label), level, word };
  });
}

/** The severity label an answer names, or null when it names none or several. */
export function normaliseSeverity(answer: string, labels: string[]): string | null {
  return readSeverity(answer, labels).label;
}

/** Like {@link normaliseSeverity}, with the reason when no label is found. */
export function readSeverity(answer: string, labels: readonly string[]): SeverityReading {
  const said = answer.trim();
  if (said === '' || labels.length === 0) return { label: null };
  const levels = levelsOf(labels);
  const key = labelKey(said);
  const accepted = listOf(labels);

  const exact = levels.find((level) => level.key === key);
  if (exact) return { label: exact.label };

  if (PRIORITY.test(said)) {
    return {
      label: null,
      problem: `“${shorten(said)}” looks like a priority, not a severity; answer one of ${accepted}`,
    };
  }

  const numbered = LEVEL_IN_ANSWER.exec(said);
  if (numbered) {
    const level = levels.find((l) => l.level === Number(numbered[1]));
    if (!level) {
      return {
        label: null,
        problem: `“${shorten(said)}” is not a severity level here; answer one of ${accepted}`,
      };
    }
    const rest = labelKey(numbered[2] ?? '');
    const contradicts =
      levels.some((l) => l !== level && l.word !== '' && startsWithWord(rest, l.word)) ||
      [...(numbered[2] ?? '').matchAll(OTHER_LEVEL)].some((m) => Number(m[1]) !== level.level);
    if (contradicts) {
      return {
        label: null,
        problem: `“${shorten(said)}” names more than one severity; answer just one of ${accepted}`,
      };
    }
    return { label: level.label };
  }

  const byWord = levels.filter((l) => l.word !== '' && startsWithWord(key, l.word));
  if (byWord.length === 1 && byWord[0]) return { label: byWord[0].label };
  return {
    label: null,
    problem: `“${shorten(said)}” is not a severity level here; answer one of ${accepted}`,
  };
}

function startsWithWord(text: string, word: string): boolean {
  return text === word || text.startsWith(`${word} `);
}
