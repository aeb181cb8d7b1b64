import { Lexer, Tokenizer, type Token, type Tokens } from 'marked';

/**
 * Slash commands in a comment: a line of text that starts with `/name`, as GitHub renders the
 * comment. The comment is read with a CommonMark/GFM parser (marked), so only a line that starts
 * at the left edge of a top-level paragraph, in plain text, is a command. Code (fenced, however
 * the fences nest, or indented), code spans, HTML comments and blocks, block quotes (`> /ack` in a
 * reply), list items, tables and headings are text, so quoting or hiding somebody's command never
 * runs it.
 */

export interface ParsedCommand {
  /** Lower-case, as typed: `ack`, `assign`, `frobnicate`. */
  name: string;
  /** Words after the name. */
  args: string[];
  /** The line as written, for replies. */
  text: string;
}

/** A comment that lists more commands than this is a paste, not a request. */
const MAX_COMMANDS = 10;

/**
 * Commands are read from the start of a comment up to here: a request is short, and the parser's
 * time grows faster than the text on hostile input (about 0.2 s at this length at worst).
 */
const MAX_READ = 16_384;

const COMMAND = /^\/([A-Za-z][A-Za-z0-9-]*)(?:\s+(.*))?$/;

/**
 * Emphasis and links change nothing about where a line of text starts, and matching their
 * delimiters is what takes quadratic time on a hostile comment: they are left as text.
 */
class StructureOnly extends Tokenizer {
  override emStrong(): undefined {
    return undefined;
  }
  override link(): undefined {
    return undefined;
  }
  override reflink(): undefined {
    return undefined;
  }
}

export function parseCommands(body: string): ParsedCommand[] {
  const found: ParsedCommand[] = [];
  // Most comments hold no line that could be a command: no parse for them.
  if (!body.split(/\r?\n|\r/).some((line) => COMMAND.test(line.trimEnd()))) return found;
  for (const line of textLines(readable(body))) {
    const match = COMMAND.exec(line);
    if (!match) continue;
    found.push({
      name: (match[1] ?? '').toLowerCase(),
      args: (match[2] ?? '').split(/\s+/).filter(Boolean),
      text: line,
    });
    if (found.length === MAX_COMMANDS) break;
  }
  return found;
}

/**
 * The first MAX_READ characters, cut at a line end. (A command line just before the cut is read
 * even if the line after, beyond it, would have made it a heading.)
 */
function readable(body: string): string {
  return body.length <= MAX_READ ? body : body.slice(0, body.lastIndexOf('\n', MAX_READ));
}

/** The lines, as written and without trailing blanks, that start in plain text of a top-level paragraph. */
function textLines(body: string): string[] {
  let tokens: Token[];
  try {
    tokens = Lexer.lex(body, { gfm: true, tokenizer: new StructureOnly() });
  } catch (error) {
    // Thousands of nested quotes overflow the parser's stack: nobody types a command in there.
    if (error instanceof RangeError) return [];
    throw error;
  }
  return tokens.flatMap((t) => (t.type === 'paragraph' ? linesOf(t as Tokens.Paragraph) : []));
}

function linesOf(paragraph: Tokens.Paragraph): string[] {
  // The paragraph's inline tokens spell its text out in order: where each plain text token starts and ends.
  const text: [number, number][] = [];
  let offset = 0;
  for (const token of paragraph.tokens) {
    if (token.type === 'text') text.push([offset, offset + token.raw.length]);
    offset += token.raw.length;
  }
  const lines: string[] = [];
  let start = 0;
  for (const line of paragraph.text.split('\n')) {
    if (text.some(([from, to]) => start >= from && start < to)) lines.push(line.trimEnd());
    start += line.length + 1;
  }
  return lines;
}
