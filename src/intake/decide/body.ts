import { labelKey, squash } from './normalise.js';
import type { FormField, IssueTemplate } from './types.js';

/**
 * Reads an issue body back into the answers of a template, the way the team sees it rendered:
 * code fences hide headings, HTML comments are invisible, and a heading is a field boundary
 * only when it names a field of the template — any other heading belongs to the answer it is in.
 *
 * One pass over the lines; no regular expression ever runs on more than one line, and heading
 * candidates are looked at only in their first {@link HEAD_LIMIT} characters, so a megabyte of
 * junk or ten thousand headings parse in linear time.
 */

/** One field's answer as the body holds it. */
export interface Answer {
  /** Trimmed, HTML comments removed, '' when empty or `_No response_`. */
  text: string;
  /** The field's heading was found. */
  present: boolean;
  /** Nothing was said: no text, `_No response_`, dropdown `None`, or no box ticked. */
  empty: boolean;
  /** Checkboxes fields: ticked and unticked boxes (the template's option text when it matches). */
  checked: string[];
  unchecked: string[];
  /** Dropdown fields: the options chosen, split on commas without breaking options that hold one. */
  selected: string[];
}

export interface ParsedBody {
  /** By field id; without a template, by a slug of each heading. */
  answers: Map<string, Answer>;
  /** The text before the first field heading: all of a blank issue. */
  preamble: string;
  /** What the parser had to decide, said aloud (duplicate headings, an unclosed fence). */
  notes: string[];
}

/** The answer of a field whose heading is not in the body. */
function absentAnswer(): Answer {
  return { text: '', present: false, empty: true, checked: [], unchecked: [], selected: [] };
}

/** The field's answer, or an absent one. */
export function answerOf(parsed: ParsedBody, fieldId: string): Answer {
  return parsed.answers.get(fieldId) ?? absentAnswer();
}

/** Heading candidates are read in their first characters only: labels are short. */
const HEAD_LIMIT = 300;
/** A `Label: value` line is a candidate only when the label part is at most this long. */
const COLON_LABEL_LIMIT = 80;

type LineKind = 'text' | 'fence' | 'open-fence';

interface Line {
  text: string;
  /** `fence`: inside (or delimiting) a closed code fence; `open-fence`: after a fence that never closes. */
  kind: LineKind;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const NO_RESPONSE = /^_no response_$/i;

interface Fence {
  char: string;
  length: number;
}

function fenceOpening(line: string): Fence | null {
  const match = FENCE_OPEN.exec(line);
  if (!match) return null;
  const run = match[1] ?? '';
  // CommonMark: the info string of a backtick fence holds no backtick.
  if (run.startsWith('`') && (match[2] ?? '').includes('`')) return null;
  return { char: run.charAt(0), length: run.length };
}

function closesFence(line: string, fence: Fence): boolean {
  const match = FENCE_CLOSE.exec(line);
  const run = match?.[1];
  return run !== undefined && run.charAt(0) === fence.char && run.length >= fence.length;
}

/** Body text with CRLF/CR line ends and a byte-order mark normalised away. */
function normaliseNewlines(body: string): string {
  return body.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/**
 * Splits the body into lines, marking code and dropping HTML comments (multi-line ones too).
 * Inside a fence a comment is text; inside a comment a fence is not a fence. A `<!--` that never
 * closes is left as the literal text GitHub shows.
 */
function scanLines(body: string, notes: string[]): Line[] {
  const text = normaliseNewlines(body);
  const lines: Line[] = [];
  let fence: Fence | null = null;
  let fenceStart = -1;
  let inComment = false;
  let noCloseAhead = false;
  let offset = 0;
  for (const raw of text.split('\n')) {
    const lineEnd = offset + raw.length;
    offset = lineEnd + 1;
    if (fence) {
      lines.push({ text: raw, kind: 'fence' });
      if (closesFence(raw, fence)) fence = null;
      continue;
    }
    let rest = raw;
    let hadComment = false;
    if (inComment) {
      const close = raw.indexOf('-->');
      if (close < 0) continue;
      inComment = false;
      hadComment = true;
      rest = raw.slice(close + 3);
    } else {
      const opening = fenceOpening(raw);
      if (opening) {
        fence = opening;
        fenceStart = lines.length;
        lines.push({ text: raw, kind: 'fence' });
        continue;
      }
    }
    let out = '';
    let pos = 0;
    for (;;) {
      const open = rest.indexOf('<!--', pos);
      if (open < 0) {
        out += rest.slice(pos);
        break;
      }
      const close = rest.indexOf('-->', open + 4);
      if (close >= 0) {
        out += rest.slice(pos, open);
        pos = close + 3;
        hadComment = true;
        continue;
      }
      if (!noCloseAhead && text.indexOf('-->', lineEnd) >= 0) {
        out += rest.slice(pos, open);
        inComment = true;
        hadComment = true;
      } else {
        noCloseAhead = true;
        out += rest.slice(pos);
      }
      break;
    }
    if (hadComment && out.trim() === '') continue;
    lines.push({ text: out, kind: 'text' });
  }
  if (fence) {
    notes.push(
      `a code fence opened on line ${fenceStart + 1} never closes; only template headings end it`,
    );
    for (let i = fenceStart + 1; i < lines.length; i += 1) {
      const line = lines[i];
      if (line) line.kind = 'open-fence';
    }
  }
  return lines;
}

/** How a line announces a section, strongest first. */
type Style = 0 | 1 | 2;
const Style = { Atx: 0, Bold: 1, Colon: 2 } as const;

interface Candidate {
  title: string;
  /** Text after the label on the same line (`**Version:** 1.2` → "1.2"). */
  inline: string;
  style: Style;
  /** `###Label` without the space CommonMark needs: a heading only when it names a field. */
  loose: boolean;
}

const ATX = /^ {0,3}(#{1,6})([ \t]+|$)?/;
const LIST_MARKER = /^ {0,3}(?:[-*+][ \t]+)?/;
const BOLD = /^(\*\*|__)(.+?)\1(.*)$/;

function atxCandidate(line: string): Candidate | null {
  const match = ATX.exec(line);
  if (!match) return null;
  let title = line.slice(match[0].length).trim();
  if (title.length > HEAD_LIMIT) return null;
  // A closing sequence of #s is not part of the title.
  const closing = /(?:^|[ \t])#+$/.exec(title);
  if (closing) title = title.slice(0, closing.index).trim();
  return { title, inline: '', style: Style.Atx, loose: match[2] === undefined };
}

function candidateOf(line: string): Candidate | null {
  const atx = atxCandidate(line);
  if (atx) return atx;
  const head = line.slice(0, HEAD_LIMIT);
  const unlisted = head.slice(LIST_MARKER.exec(head)?.[0].length ?? 0);
  const bold = BOLD.exec(unlisted);
  if (bold) {
    const after = (bold[3] ?? '') + line.slice(HEAD_LIMIT);
    return {
      title: (bold[2] ?? '').trim(),
      // "**Logs:** value", "**Logs**: value"; a lone "*" after the label marks it required.
      inline: after
        .replace(/^[ \t]*:/, '')
        .replace(/^[\s:*]+$/, '')
        .trim(),
      style: Style.Bold,
      loose: false,
    };
  }
  const colon = unlisted.indexOf(':');
  if (colon > 0 && colon <= COLON_LABEL_LIMIT && !unlisted.startsWith('//', colon + 1)) {
    const rest = unlisted.slice(colon + 1) + line.slice(HEAD_LIMIT);
    return {
      title: unlisted.slice(0, colon).trim(),
      inline: rest.trim(),
      style: Style.Colon,
      loose: false,
    };
  }
  return null;
}

/**
 * The titles of everything in the body that could be a section heading (`#` headings, bold
 * lines, `Label:` lines), outside code and comments, in order — for matching a template.
 */
export function headingsOf(body: string): string[] {
  const titles: string[] = [];
  for (const line of scanLines(body, [])) {
    if (line.kind !== 'text') continue;
    const candidate = candidateOf(line.text);
    if (candidate && candidate.title !== '') titles.push(candidate.title);
  }
  return titles;
}

/** Does the line-start look like a `#` heading at all (used to tell a blank issue). */
export function hasHeadings(body: string): boolean {
  return scanLines(body, []).some(
    (line) => line.kind === 'text' && atxCandidate(line.text)?.loose === false,
  );
}

interface Hit {
  index: number;
  key: string;
  label: string;
  field: FormField | undefined;
  inline: string;
  style: Style;
}

/** Field ids and labels (reduced) to the field; the first field wins a clash. */
function fieldLookup(template: IssueTemplate): Map<string, FormField> {
  const lookup = new Map<string, FormField>();
  for (const field of template.fields) {
    for (const key of [labelKey(field.label), labelKey(field.id)]) {
      if (key !== '' && !lookup.has(key)) lookup.set(key, field);
    }
  }
  return lookup;
}

function slug(title: string): string {
  return labelKey(title).replace(/ /g, '-');
}

function findHits(lines: Line[], template: IssueTemplate | null): Hit[] {
  const lookup = template ? fieldLookup(template) : null;
  const hits: Hit[] = [];
  lines.forEach((line, index) => {
    if (line.kind === 'fence') return;
    const candidate = candidateOf(line.text);
    if (!candidate) return;
    if (lookup) {
      const field = lookup.get(labelKey(candidate.title));
      if (!field) return;
      hits.push({
        index,
        key: field.id,
        label: field.label,
        field,
        inline: candidate.inline,
        style: candidate.style,
      });
      return;
    }
    // Without a template, sections are `#` headings and bold lines standing alone.
    if (line.kind !== 'text' || candidate.loose) return;
    if (candidate.style === Style.Colon) return;
    if (candidate.style === Style.Bold && candidate.inline !== '') return;
    const key = slug(candidate.title);
    if (key === '') return;
    hits.push({
      index,
      key,
      label: candidate.title,
      field: undefined,
      inline: '',
      style: candidate.style,
    });
  });
  return hits;
}

const CHECKBOX = /^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s+\[([ xX])\]\s*(.*)$/;

function checkboxesOf(
  text: string,
  options: readonly string[],
): { checked: string[]; unchecked: string[] } {
  const canonical = new Map(options.map((option) => [squash(option), option]));
  const checked: string[] = [];
  const unchecked: string[] = [];
  for (const line of text.split('\n')) {
    const match = CHECKBOX.exec(line);
    if (!match) continue;
    const said = (match[2] ?? '').trim();
    const label = canonical.get(squash(said)) ?? said;
    (match[1] === ' ' ? unchecked : checked).push(label);
  }
  return { checked, unchecked };
}

/** A dropdown answer split on commas, keeping options that themselves hold a comma whole. */
function selectionOf(text: string, options: readonly string[]): string[] {
  if (text === '') return [];
  const canonical = new Map(options.map((option) => [squash(option), option]));
  const whole = canonical.get(squash(text));
  if (whole !== undefined) return [whole];
  const pieces = text.split(',');
  if (pieces.length > 200 || canonical.size === 0) {
    return pieces.map((piece) => piece.trim()).filter((piece) => piece !== '');
  }
  const selected: string[] = [];
  for (let i = 0; i < pieces.length;) {
    let next = i + 1;
    let chosen = (pieces[i] ?? '').trim();
    for (let j = pieces.length; j > i + 1; j -= 1) {
      const option = canonical.get(squash(pieces.slice(i, j).join(',')));
      if (option !== undefined) {
        chosen = option;
        next = j;
        break;
      }
    }
    chosen = canonical.get(squash(chosen)) ?? chosen;
    if (chosen !== '') selected.push(chosen);
    i = next;
  }
  return selected;
}

/**
 * The text inside a single code fence that wraps the whole answer (a form textarea with
 * `render:` wraps every answer so); any other text comes back as it is.
 */
export function unfenced(text: string): string {
  const lines = text.split('\n');
  const first = lines[0] ?? '';
  const last = lines[lines.length - 1] ?? '';
  const opening = lines.length >= 2 ? fenceOpening(first) : null;
  if (!opening || !closesFence(last, opening)) return text;
  const inner = lines.slice(1, -1);
  if (inner.some((line) => closesFence(line, opening))) return text;
  return inner.join('\n').trim();
}

function makeAnswer(content: string[], field: FormField | undefined): Answer {
  let text = content.join('\n').trim();
  const inner = unfenced(text);
  if (NO_RESPONSE.test(text) || NO_RESPONSE.test(inner)) text = '';
  const isDropdown = field?.type === 'dropdown';
  if (
    isDropdown &&
    /^none$/i.test(text) &&
    !field.options.some((option) => squash(option) === 'none')
  ) {
    text = '';
  }
  const answer: Answer = {
    text,
    present: true,
    empty: false,
    checked: [],
    unchecked: [],
    selected: [],
  };
  // A checklist typed into a textarea is text, not a checkboxes field.
  if (field === undefined || field.type === 'checkboxes') {
    const boxes = checkboxesOf(text, field?.options ?? []);
    answer.checked = boxes.checked;
    answer.unchecked = boxes.unchecked;
  }
  if (isDropdown) answer.selected = selectionOf(text, field.options);
  answer.empty =
    field?.type === 'checkboxes'
      ? answer.checked.length === 0
      : text === '' || unfenced(text).trim() === '';
  return answer;
}

/**
 * The answers of `template`'s fields in `body`. Each field is found by the strongest heading
 * that names it (`#` heading, then a bold line, then a `Label:` line; the first of that kind);
 * a second heading of the same kind for the same field ends the section before it and its text
 * is ignored (noted). Without a template, every `#` heading or lone bold line is a section.
 */
export function parseBody(body: string, template: IssueTemplate | null): ParsedBody {
  const notes: string[] = [];
  const lines = scanLines(body, notes);
  const hits = findHits(lines, template);

  const chosen = new Map<string, Hit>();
  for (const hit of hits) {
    const current = chosen.get(hit.key);
    if (!current || hit.style < current.style) chosen.set(hit.key, hit);
  }
  const boundaries = hits.filter((hit) => chosen.get(hit.key)?.style === hit.style);
  const repeats = new Map<string, number>();
  for (const hit of boundaries) repeats.set(hit.key, (repeats.get(hit.key) ?? 0) + 1);
  for (const [key, count] of repeats) {
    if (count < 2) continue;
    const label = chosen.get(key)?.label ?? key;
    notes.push(
      `the heading "${label}" appears ${count} times; the first is used and the text under the others is ignored`,
    );
  }

  const answers = new Map<string, Answer>();
  boundaries.forEach((hit, i) => {
    if (chosen.get(hit.key) !== hit) return;
    const end = boundaries[i + 1]?.index ?? lines.length;
    const content = lines.slice(hit.index + 1, end).map((line) => line.text);
    if (hit.inline !== '') content.unshift(hit.inline);
    answers.set(hit.key, makeAnswer(content, hit.field));
  });
  for (const field of template?.fields ?? []) {
    if (!answers.has(field.id)) answers.set(field.id, absentAnswer());
  }
  const firstBoundary = boundaries[0]?.index ?? lines.length;
  const preamble = lines
    .slice(0, firstBoundary)
    .map((line) => line.text)
    .join('\n')
    .trim();
  return { answers, preamble, notes };
}

/** True when two answers say the same thing (whitespace and case aside). */
export function sameAnswer(a: Answer, b: Answer): boolean {
  const list = (items: string[]) => items.map(squash).sort().join('\n');
  return (
    a.present === b.present &&
    squash(a.text) === squash(b.text) &&
    list(a.checked) === list(b.checked) &&
    list(a.selected) === list(b.selected)
  );
}
