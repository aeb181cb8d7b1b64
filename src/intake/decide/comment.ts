import { formatMarker, parseMarkers } from '../../kernel/markers.js';
import { escapeInline } from '../../kernel/markdown.js';
import type { DuplicateHint, MissingField } from './types.js';
import { plural } from '../../kernel/words.js';

/**
 * The one comment intake keeps on an issue (found again by its `intake` marker): what is
 * missing, a thank-you once it is all there, possible duplicates, or why the issue was closed.
 * Every piece of untrusted text (field labels, reasons quoting answers, titles) is escaped, so
 * the comment never formats, links or @-mentions what a reporter wrote.
 */

export type IntakeComment =
  /** Something is missing: the list, and on a new issue the possible duplicates. */
  | { kind: 'missing'; missing: MissingField[]; template?: string; duplicates?: DuplicateHint[] }
  /** Everything is there after the comment asked for something. */
  | { kind: 'thanks' }
  /** Everything is there on a new issue that looks like others. */
  | { kind: 'duplicates'; duplicates: DuplicateHint[] }
  /** The sweep closed the issue: still missing after `days` days. */
  | { kind: 'closed'; days: number; missing: MissingField[] };

export type IntakeCommentKind = IntakeComment['kind'];

/** At most this many duplicate hints are shown, whatever the caller passes. */
const MAX_DUPLICATE_HINTS = 10;

const KINDS: readonly IntakeCommentKind[] = ['missing', 'thanks', 'duplicates', 'closed'];
const STATE_KIND = 'intake-state';

/** The hidden line that remembers what the comment said, in the kit's one marker convention. */
function stateLine(kind: IntakeCommentKind): string {
  return formatMarker({ kind: STATE_KIND, keys: { said: kind } });
}

/** What an earlier intake comment said, from the hidden state line it ends with. */
export function commentKind(body: string | null | undefined): IntakeCommentKind | null {
  const said = parseMarkers(body).find((m) => m.kind === STATE_KIND)?.keys.said;
  return KINDS.find((k) => k === said) ?? null;
}

/** True when the comment asked the reporter for something (a missing list, or the closing note). */
export function askedForInformation(body: string | null | undefined): boolean {
  const kind = commentKind(body);
  return kind === 'missing' || kind === 'closed';
}

function missingList(missing: readonly MissingField[]): string[] {
  return missing.map((item) => {
    const field = item.field === 'title' ? 'Title' : item.field;
    return `- **${escapeInline(field)}**: ${escapeInline(item.reason)}`;
  });
}

function duplicateList(duplicates: readonly DuplicateHint[]): string[] {
  return duplicates
    .slice(0, MAX_DUPLICATE_HINTS)
    .map(
      (hint) =>
        `- #${hint.number} ${escapeInline(hint.title)} (${Math.round(hint.similarity * 100)}%)`,
    );
}

function duplicateSection(duplicates: readonly DuplicateHint[] | undefined): string[] {
  if (!duplicates || duplicates.length === 0) return [];
  return ['', '**Possibly the same as:**', '', ...duplicateList(duplicates)];
}

function opening(count: number): string {
  if (count === 1)
    return 'Thanks for opening this issue! One thing is missing before the team can pick it up:';
  if (count <= 4) {
    return `Thanks for opening this issue! A few things (${count}) are missing before the team can pick it up:`;
  }
  return `Thanks for opening this issue! Quite a lot is missing (${count} things), and the team needs it to help without a round of questions:`;
}

export function renderIntakeComment(comment: IntakeComment): string {
  const lines: string[] = [];
  switch (comment.kind) {
    case 'missing': {
      const count = comment.missing.length;
      lines.push(opening(count), '', ...missingList(comment.missing), '');
      lines.push(
        `Please edit the issue description to add ${count === 1 ? 'it' : 'them'}; this comment updates itself when you do.`,
      );
      if (comment.template) {
        lines.push('', `_Checked against the template “${escapeInline(comment.template)}”._`);
      }
      lines.push(...duplicateSection(comment.duplicates));
      break;
    }
    case 'thanks':
      lines.push(
        'Thanks! Everything the team needs is here now; it will pick the issue up from here.',
      );
      break;
    case 'duplicates':
      lines.push(
        'Thanks for opening this issue! It may have been reported before:',
        '',
        ...duplicateList(comment.duplicates),
        '',
        'If one of these is the same problem, adding to it there keeps everything in one place.',
      );
      break;
    case 'closed': {
      const days = plural(comment.days, 'day');
      lines.push(
        `This issue was closed because the information the team needs was still missing after ${days}:`,
        '',
        ...missingList(comment.missing),
        '',
        'Edit the description to add it and the issue reopens.',
      );
      break;
    }
  }
  lines.push('', stateLine(comment.kind));
  return lines.join('\n');
}
