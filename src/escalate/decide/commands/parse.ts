/**
 * Slash commands in a comment: a line that starts with `/name`. Quoted lines (`> /ack` in a
 * reply), fenced and indented code blocks and HTML comments are text, not commands, so quoting
 * somebody's command never runs it again.
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

const COMMAND = /^\/([A-Za-z][A-Za-z0-9-]*)(?:\s+(.*))?$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export function parseCommands(body: string): ParsedCommand[] {
  const found: ParsedCommand[] = [];
  let fence: string | undefined;
  let inHtmlComment = false;
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.replace(/\s+$/, '');
    if (fence) {
      if (line.trimStart().startsWith(fence)) fence = undefined;
      continue;
    }
    const opening = FENCE.exec(line);
    if (opening) {
      fence = (opening[1] ?? '```').slice(0, 3);
      continue;
    }
    if (inHtmlComment) {
      if (line.includes('-->')) inHtmlComment = false;
      continue;
    }
    if (line.trimStart().startsWith('<!--') && !line.includes('-->')) {
      inHtmlComment = true;
      continue;
    }
    // Only a command at the very start of the line: indented text is code or a list item.
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
