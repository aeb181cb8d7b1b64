import { withOverrides } from '../../../roster/config/add-overrides.js';
import { describeSpan } from '../../../roster/exceptions.js';
import { peopleMoved } from '../../../roster/moved.js';
import { renderRosterPreview } from '../../../roster/preview.js';
import { DAY_MS } from '../../../roster/time.js';
import type { Roster } from '../../../roster/types.js';
import { escapeInline } from '../../../kernel/markdown.js';
import { type OpenPullRequest, pullRequestSlot } from '../../../kernel/plan.js';
import {
  type Move,
  overrideOf,
  type RosterCommand,
  type RosterRequest,
  rosterMoves,
  rosterRequest,
  withMoves,
} from './roster-change.js';

/**
 * `/swap` and `/cover` as a pull request on roster.yaml: the overrides added at the end of its
 * list, reviewers asked of everyone whose shifts move. The kit opens it, so the person who typed
 * the command is not its author: the validate check waits for their approval like everyone
 * else's (docs/oncall.md says why a marker or the comment could not stand in for it).
 */

export interface RosterFileText {
  /** Repository-relative path: `.github/support-kit/roster.yaml`. */
  path: string;
  text: string;
}

export interface RosterPullInput {
  kind: RosterCommand;
  args: readonly string[];
  author: string;
  commentId: number;
  issue: number;
  roster: Roster | undefined;
  file: RosterFileText | undefined;
  defaultBranch: string | undefined;
  now: Date;
}

/** The pull request to open, or the sentence that says why none is. */
export function rosterPullRequest(input: RosterPullInput): OpenPullRequest | string {
  const request = rosterRequest(input.kind, input.args, input.author, input.roster, input.now);
  if (typeof request === 'string') return request;
  const roster = input.roster as Roster;
  if (!input.file) return 'needs roster.yaml, and it could not be read';
  const moves = rosterMoves(request, roster, `#${input.issue}`);
  if (typeof moves === 'string') return moves;
  const head = withMoves(roster, moves);
  const added = moves.map((m) => overrideOf(m.entry));
  const moved = peopleMoved(roster, head, added, input.now).map((l) => keyOf(roster, l));
  const branch = `support-kit/${input.kind}-${input.commentId}`;
  const title = titleOf(request);
  return {
    kind: 'open-pull-request',
    branch,
    ...(input.defaultBranch ? { base: input.defaultBranch } : {}),
    file: {
      path: input.file.path,
      before: input.file.text,
      after: withOverrides(
        input.file.text,
        moves.map((m) => m.entry),
      ),
    },
    title,
    body: bodyOf(input, request, moves, moved, { base: roster, head }),
    reviewers: moved,
    said: {
      opened: `Opened <pull-url> for ${names([request.requester])}'s \`/${input.kind}\`. It waits for the approval of ${names(moved)}: each is asked to review, ${names([request.requester])} too, since the kit opened it.`,
      failed: `\`/${input.kind}\`: could not open the pull request: <error>. Nothing changed on the roster; type the command again once that is fixed.`,
    },
    reason: `/${input.kind} by ${input.author} in comment ${input.commentId}`,
  };
}

/** The reply's line that the executor fills in with the pull request's link or the error. */
export function replySlot(op: OpenPullRequest): string {
  return pullRequestSlot(op.branch);
}

function titleOf(r: RosterRequest): string {
  const days = r.from === r.to ? r.from : `${r.from} to ${r.to}`;
  return r.kind === 'cover'
    ? `Roster: ${r.other} covers ${r.requester}, ${days}`
    : `Roster: ${r.requester} and ${r.other} swap shifts, ${days}`;
}

function bodyOf(
  input: RosterPullInput,
  r: RosterRequest,
  moves: readonly Move[],
  moved: readonly string[],
  rosters: { base: Roster; head: Roster },
): string {
  const what =
    r.kind === 'cover'
      ? `${names([r.other])} takes ${names([r.requester])}'s shifts`
      : `${names([r.requester])} and ${names([r.other])} exchange their shifts`;
  const days = r.from === r.to ? `on ${r.from}` : `from ${r.from} to ${r.to}`;
  const preview = renderRosterPreview({
    head: rosters.head,
    base: rosters.base,
    from: new Date(r.start),
    days: Math.ceil((r.end - r.start) / DAY_MS),
    schedules: [...new Set(moves.map((m) => m.entry.schedule))],
  });
  return [
    `${names([input.author])} asked for this in #${input.issue} with \`/${r.kind}\`: ${what} ${days} (${escapeInline(r.zone)}).`,
    '',
    '**What moves**',
    '',
    ...moves.map(
      (m) =>
        `- ${escapeInline(m.entry.schedule)} ${escapeInline(m.entry.role)}, ${escapeInline(describeSpan(m.entry.from, m.entry.to, m.entry.timezone))}: ${names([m.from])} → ${names([m.entry.person])}`,
    ),
    '',
    `**Who must approve:** ${names(moved)}. The validate check passes once each of them has approved this pull request; the kit opened it, so the request counts only with ${names([r.requester])}'s approval too. The check runs on each review.`,
    '',
    preview,
  ].join('\n');
}

/** Bold names, never @-mentions: the review requests are what tell people. */
function names(logins: readonly string[]): string {
  const bold = logins.map((l) => `**${escapeInline(l)}**`);
  return bold.length <= 1
    ? (bold[0] ?? 'nobody')
    : `${bold.slice(0, -1).join(', ')} and ${bold.at(-1) ?? ''}`;
}

/** A lower-case login as roster.yaml spells it. */
function keyOf(roster: Roster, login: string): string {
  return Object.keys(roster.people).find((p) => p.toLowerCase() === login) ?? login;
}
