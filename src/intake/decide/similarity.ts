import type { DuplicateCandidate, DuplicateHint } from './types.js';

/**
 * Possible duplicates of a new issue among candidates a search found.
 *
 * Each issue becomes a bag of words: code fences, inline code, HTML comments, URLs and `#`
 * heading lines (the template's own headings, the same in every issue) are dropped; words are
 * lower-cased, stop words and numbers-only tokens dropped, plurals folded ({@link stem}). A title word counts {@link TITLE_WEIGHT} times, a body word once, and
 * every word is weighted by its rarity among the issue and the candidates (tf-idf). Similarity
 * is the cosine of the two weight vectors, in 0..1.
 */

/** How many times a title word counts against a body word. */
const TITLE_WEIGHT = 3;
/** Only the start of a body is compared: enough to know, bounded in time. */
const BODY_LIMIT = 20_000;

const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before ' +
    'being below between both but by can cannot could did do does doing don done down during ' +
    'each either else even ever every few for from further get gets getting got had has have ' +
    'having he her here hers him his how however i if in into is isn it its itself just let ' +
    'like me more most much my no nor not now of off on once only or other our ours out over ' +
    'own per same she should since so some such than that the their theirs them then there ' +
    'these they this those though through to too under until up upon us use used using very ' +
    'via was wasn we were what when where whether which while who whom why will with within ' +
    'without won would you your yours ' +
    // Words every report uses.
    'bug bugs issue issues problem please help hi hello thanks thank anyone someone something ' +
    'still seems seem happen happens happened expected actual behavior behaviour steps ' +
    'reproduce response work works working worked aren couldn didn doesn shouldn weren wouldn'
  ).split(' '),
);

const TOKEN_SPLIT = /[^\p{L}\p{N}]+/u;
const NUMBERS_ONLY = /^\p{N}+$/u;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}#{1,6}(?:\s|$)/;
const URL_IN_TEXT = /\b(?:https?|ftp):\/\/\S+|\bwww\.\S+/gi;
const INLINE_CODE = /`[^`\n]*`/g;

/**
 * Plural and final-e folding, so forms of one word meet: "crashes" and "crash" → "crash",
 * "caches" and "cache" → "cach", "proxies" → "proxy"; "status" and "class" stay.
 */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  let stemmed = word;
  if (stemmed.length > 3 && stemmed.endsWith('s') && !/(?:ss|us|is)$/.test(stemmed)) {
    stemmed = stemmed.slice(0, -1);
  }
  if (stemmed.length > 3 && stemmed.endsWith('e')) stemmed = stemmed.slice(0, -1);
  return stemmed;
}

/** HTML comments removed in one pass (an unclosed one hides the rest, as GitHub shows it). */
function withoutComments(text: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf('<!--', from);
    if (open < 0) return out + text.slice(from);
    out += text.slice(from, open);
    const close = text.indexOf('-->', open + 4);
    if (close < 0) return out;
    from = close + 3;
  }
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(TOKEN_SPLIT)
    .filter((word) => word.length >= 2 && !STOP_WORDS.has(word) && !NUMBERS_ONLY.test(word));
}

/** The words of a text that can tell one issue from another, stemmed. */
export function tokens(text: string): string[] {
  const kept: string[] = [];
  let fence: string | null = null;
  for (const line of withoutComments(text.replace(/\r\n?/g, '\n')).split('\n')) {
    const opening = FENCE.exec(line)?.[1];
    if (fence !== null) {
      if (opening && opening.charAt(0) === fence.charAt(0) && opening.length >= fence.length) {
        fence = null;
      }
      continue;
    }
    if (opening) {
      fence = opening;
      continue;
    }
    if (HEADING.test(line)) continue;
    kept.push(line.replace(URL_IN_TEXT, ' ').replace(INLINE_CODE, ' '));
  }
  return words(kept.join('\n')).map(stem);
}

type Vector = Map<string, number>;

function counts(title: string, body: string): Vector {
  const vector: Vector = new Map();
  for (const token of tokens(title)) vector.set(token, (vector.get(token) ?? 0) + TITLE_WEIGHT);
  for (const token of tokens(body.slice(0, BODY_LIMIT))) {
    vector.set(token, (vector.get(token) ?? 0) + 1);
  }
  return vector;
}

function weigh(vector: Vector, idf: ReadonlyMap<string, number>): Vector {
  const weighted: Vector = new Map();
  for (const [token, count] of vector) weighted.set(token, count * (idf.get(token) ?? 1));
  return weighted;
}

function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (const [token, weight] of a) {
    normA += weight * weight;
    const other = b.get(token);
    if (other !== undefined) dot += weight * other;
  }
  for (const weight of b.values()) normB += weight * weight;
  if (dot === 0 || normA === 0 || normB === 0) return 0;
  return Math.min(1, dot / Math.sqrt(normA * normB));
}

/**
 * The candidates at least `threshold` similar to the issue, most similar first (then lowest
 * number), at most `max`; never the issue itself. Similarities are rounded to 3 decimals.
 */
export function rankDuplicates(
  issue: { number: number; title: string; body: string },
  candidates: DuplicateCandidate[],
  threshold: number,
  max: number,
): DuplicateHint[] {
  const others = candidates.filter((candidate) => candidate.number !== issue.number);
  if (others.length === 0 || max <= 0) return [];
  const mine = counts(issue.title, issue.body);
  const theirs = others.map((candidate) => counts(candidate.title, candidate.body));
  const documents = [mine, ...theirs];
  const frequency = new Map<string, number>();
  for (const vector of documents) {
    for (const token of vector.keys()) frequency.set(token, (frequency.get(token) ?? 0) + 1);
  }
  const idf = new Map<string, number>();
  for (const [token, df] of frequency) {
    idf.set(token, Math.log((1 + documents.length) / (1 + df)) + 1);
  }
  const me = weigh(mine, idf);
  return others
    .map((candidate, i) => ({
      number: candidate.number,
      title: candidate.title,
      url: candidate.url,
      similarity: Math.round(cosine(me, weigh(theirs[i] ?? new Map(), idf)) * 1000) / 1000,
    }))
    .filter((hint) => hint.similarity > 0 && hint.similarity >= threshold)
    .sort((a, b) => b.similarity - a.similarity || a.number - b.number)
    .slice(0, max);
}

/**
 * The most distinctive words of a title for a search query: no stop words or numbers, longest
 * first (a long word says more than a short one), at most `max`, given back in title order.
 */
export function searchTerms(title: string, max = 5): string[] {
  const unique = [...new Set(words(title.replace(URL_IN_TEXT, ' ')))];
  const chosen = new Set(
    unique
      .map((word, position) => ({ word, position }))
      .sort((a, b) => b.word.length - a.word.length || a.position - b.position)
      .slice(0, Math.max(0, max))
      .map((entry) => entry.word),
  );
  return unique.filter((word) => chosen.has(word));
}

/**
 * The search text for the candidate duplicates: the terms quoted and joined by OR, within
 * GitHub's limits (at most five operators, at most 256 characters of text): the last terms go
 * first, and a text that cannot fit is no search at all (undefined).
 */
export function duplicateSearchText(terms: readonly string[]): string | undefined {
  for (let n = Math.min(terms.length, 6); n > 0; n--) {
    const text = terms
      .slice(0, n)
      .map((t) => `"${t}"`)
      .join(' OR ');
    if (text.length <= SEARCH_TEXT_MAX) return text;
  }
  return undefined;
}

/** GitHub refuses search text (operators and qualifiers aside) longer than this. */
const SEARCH_TEXT_MAX = 256;
