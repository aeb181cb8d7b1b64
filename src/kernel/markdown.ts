/**
 * Untrusted text (issue titles, bodies, logins) rendered into markdown the kit writes.
 * It must not break tables, inject HTML or markers, or make the kit @-mention anyone.
 */

/** U+2060: read as nothing, but it stops GitHub's autolinking and mentions where it stands. */
export const WORD_JOINER = '\u2060';

/** Neutralise @-mentions and team mentions without changing how the text reads. */
export function noMention(text: string): string {
  return text.replace(/@(?=[A-Za-z0-9])/g, `@${WORD_JOINER}`);
}

/**
 * Escape text for inline markdown: no formatting, no HTML, no mentions, no issue references
 * (neither "#12", "GH-12" nor a link to an issue), no autolinks.
 */
export function escapeInline(text: string): string {
  const escaped = text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/[\\`*_{}[\]()<>!|~]/g, (c) => `\\${c}`)
    // A bare "#123", "GH-123" or issue URL would add a cross-reference to that issue's
    // timeline; an invisible joiner keeps the text as it reads but stops GitHub's autolinking.
    .replace(/#(?=\d)/g, `#${WORD_JOINER}`)
    .replace(/\b(GH-)(?=\d)/gi, `$1${WORD_JOINER}`)
    // GitHub's renderer (cmark-gfm) finds a URL from its "://" and reads the scheme before it:
    // a joiner after "://" still makes a link (to a broken address, eating a "\" after it), a
    // joiner before it leaves no scheme to read.
    .replace(/:\/\//g, `${WORD_JOINER}://`)
    .replace(/\b(www)\./gi, `$1${WORD_JOINER}.`);
  return noMention(escaped);
}

/** Escape text for one markdown table cell. */
export function escapeCell(text: string): string {
  return escapeInline(text).trim() || ' ';
}

/**
 * `#⁠12` (or `acme/desk#⁠12` with several repositories) linked without a back-reference: a plain
 * "#12" in the kit's issues would add an event to that issue's timeline each time it is listed.
 */
export function issueLink(
  ref: { repo: string; number: number; url: string },
  qualified: boolean,
): string {
  const text = `${qualified ? ref.repo : ''}#${WORD_JOINER}${ref.number}`;
  const url = URL.canParse(ref.url) ? new URL(ref.url) : null;
  if (url && url.hostname === 'github.com') {
    return `[${text}](https://redirect.github.com${url.pathname})`;
  }
  return `\`${ref.repo}#${ref.number}\``;
}

/** A table cell of text the kit itself composed (issue numbers, counts): only the cell is protected. */
export function ownCell(text: string): string {
  return (
    text
      .replace(/\r?\n|\r/g, ' ')
      .replace(/\|/g, '\\|')
      .trim() || ' '
  );
}

/** A markdown table from a header and rows of already-rendered cells. */
/**
 * A collapsed section: what people need not read (the resolver's trace, the kit's record) stays
 * one click away instead of in the sentence they came for. `lines` must already be escaped.
 */
export function details(summary: string, lines: readonly string[]): string {
  return [`<details><summary>${summary}</summary>`, '', ...lines, '', '</details>'].join('\n');
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** GitHub refuses an issue or comment body longer than this (a 422, "body is too long"). */
export const GITHUB_BODY_LIMIT = 65_536;

/**
 * The body cut to fit GitHub's limit, saying how much was left out. The kit's markers (the
 * first line, the lines at the end) are kept whole: a cut marker would lose the record it holds.
 */
export function fitBody(body: string, limit = GITHUB_BODY_LIMIT): string {
  if (body.length <= limit) return body;
  const lines = body.split('\n');
  const isMarker = (line: string | undefined) => line?.startsWith('<!-- support-kit:') === true;
  const head = isMarker(lines[0]) ? [lines.shift() ?? ''] : [];
  const tail: string[] = [];
  while (lines.length > 0 && isMarker(lines.at(-1))) tail.unshift(lines.pop() ?? '');
  const text = lines.join('\n');
  const note = (n: number) => `\n\n… and ${n.toLocaleString('en-US')} more characters`;
  const room = limit - [...head, ...tail].join('\n').length - 2 - note(text.length).length;
  const kept = text.slice(0, Math.max(0, room));
  return [...head, `${kept}${note(text.length - kept.length)}`, ...tail].join('\n');
}

/** Text (or an attribute value) in an HTML page the kit writes: the on-call calendars' index. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
