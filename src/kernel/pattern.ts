import { RE2JS, RE2JSSyntaxException } from 're2js';

/**
 * The one place that compiles the patterns config files supply: intake.yaml's `pattern:` and
 * labels.yaml's globs. They run on RE2 (re2js, pure JavaScript), whose matching takes time linear
 * in the text whatever the pattern: in a backtracking engine `^(a+)+$` takes 44 s on 31
 * characters, and anyone who can open an issue writes the text. The price is RE2's syntax: no
 * backreferences and no lookaround, the two features that need backtracking.
 */
export interface Pattern {
  /** Whether the pattern matches anywhere in `text` (a glob: all of it). */
  test(text: string): boolean;
}

export type CompiledPattern = { pattern: Pattern } | { error: string };

/** Where the pattern syntax is explained, for messages that refuse one. */
const SYNTAX_DOC = 'docs/intake.md#patterns';

export function compilePattern(source: string): CompiledPattern {
  try {
    return { pattern: RE2JS.compile(source) };
  } catch (error) {
    return { error: whyNot(error) };
  }
}

function whyNot(error: unknown): string {
  if (!(error instanceof RE2JSSyntaxException)) return (error as Error).message;
  const input = error.input ?? '';
  const unsupported = (what: string, fragment: string) =>
    `${what} \`${fragment}\` is not supported: patterns run on RE2, which matches in linear time and has no lookaround or backreferences (${SYNTAX_DOC})`;
  if (/^\(\?[=!]/.test(input)) return unsupported('lookahead', input.slice(0, 3));
  if (/^\(\?<[=!]/.test(input)) return unsupported('lookbehind', input.slice(0, 4));
  if (/^\\([1-9]|k)/.test(input)) return unsupported('backreference', input);
  if (input.startsWith('\\u'))
    return `\`\\u\` is JavaScript syntax: RE2 writes a code point as \\x{00E9} (${SYNTAX_DOC})`;
  return `${error.error}: \`${input}\``;
}

/**
 * A glob matched against a whole name, ignoring case: `*` is any run of characters ('/'
 * included: it is an ordinary character in a label name), `?` one character, `[abc]` one of a
 * set (`[!abc]` none of it), `{bug,feature}` either, `\*` a star. Anything else, and a bracket or
 * brace left open, stands for itself; so does a whole glob whose set RE2 refuses (`[z-a]`).
 */
export function compileGlob(glob: string): Pattern {
  const compiled = compilePattern(`(?is)^(?:${globSource(glob)})$`);
  if ('pattern' in compiled) return compiled.pattern;
  const literal = glob.toLowerCase();
  return { test: (text) => text.toLowerCase() === literal };
}

function globSource(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i += 1) {
    const c = glob.charAt(i);
    if (c === '*') {
      out += '.*';
      while (glob.charAt(i + 1) === '*') i += 1;
    } else if (c === '?') {
      out += '.';
    } else if (c === '\\' && i + 1 < glob.length) {
      i += 1;
      out += RE2JS.quote(glob.charAt(i));
    } else if (c === '[' && setEnd(glob, i) > 0) {
      const end = setEnd(glob, i);
      out += `[${glob.slice(i + 1, end).replace(/^!/, '^')}]`;
      i = end;
    } else if (c === '{' && braceEnd(glob, i) > 0) {
      const end = braceEnd(glob, i);
      out += `(?:${topLevelParts(glob.slice(i + 1, end))
        .map(globSource)
        .join('|')})`;
      i = end;
    } else {
      out += RE2JS.quote(c);
    }
  }
  return out;
}

/** The index of the `]` that closes the set opened at `start`, or -1; a `]` first is a member. */
function setEnd(glob: string, start: number): number {
  let i = start + 1;
  if (glob.charAt(i) === '!' || glob.charAt(i) === '^') i += 1;
  if (glob.charAt(i) === ']') i += 1;
  for (; i < glob.length; i += 1) {
    if (glob.charAt(i) === '\\') i += 1;
    else if (glob.charAt(i) === ']') return i;
  }
  return -1;
}

/** The index of the `}` that closes the brace opened at `start` when it holds a top-level comma, or -1. */
function braceEnd(glob: string, start: number): number {
  let depth = 0;
  let comma = false;
  for (let i = start; i < glob.length; i += 1) {
    const c = glob.charAt(i);
    if (c === '\\') i += 1;
    else if (c === '{') depth += 1;
    else if (c === ',' && depth === 1) comma = true;
    else if (c === '}' && --depth === 0) return comma ? i : -1;
  }
  return -1;
}

function topLevelParts(inner: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < inner.length; i += 1) {
    const c = inner.charAt(i);
    if (c === '\\') i += 1;
    else if (c === '{') depth += 1;
    else if (c === '}') depth -= 1;
    else if (c === ',' && depth === 0) {
      parts.push(inner.slice(from, i));
      from = i + 1;
    }
  }
  return [...parts, inner.slice(from)];
}
