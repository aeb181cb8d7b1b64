import { hasLabel } from '../config/escalation.js';
import type { Acknowledgement } from './state.js';
import type { Roster } from '../../roster/types.js';
import { learners } from '../../roster/shadow.js';
import type { CommentSnapshot, IssueSnapshot } from './types.js';

/**
 * What stops the response clock: the first comment by an assignee or a member of the team (the
 * people of roster.yaml), a `/ack` from anyone allowed to triage (recorded when it was obeyed),
 * or the acknowledged label. Bots and the issue's author never acknowledge: a customer's
 * "any news?" is not a response, nor is the kit's own comment. Everything is re-read on every
 * run, so a deleted comment or a removed label no longer counts.
 */
export function findAcknowledgement(
  issue: IssueSnapshot,
  comments: readonly CommentSnapshot[],
  options: {
    team: ReadonlySet<string>;
    assignees: readonly string[];
    label?: string;
    recorded?: Acknowledgement;
    now: Date;
  },
): Acknowledgement | undefined {
  const assignees = new Set(options.assignees.map((a) => a.toLowerCase()));
  const author = issue.author.toLowerCase();
  const answer = comments
    .filter((c) => !c.bot && c.author.toLowerCase() !== author)
    .filter(
      (c) => assignees.has(c.author.toLowerCase()) || options.team.has(c.author.toLowerCase()),
    )
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))[0];
  const found: Acknowledgement[] = [];
  if (answer) found.push({ at: answer.createdAt, by: answer.author, how: 'comment' });
  if (options.recorded) found.push(options.recorded);
  const first = found.sort((a, b) => Date.parse(a.at) - Date.parse(b.at))[0];
  if (first) return first;
  if (options.label && hasLabel(issue.labels, options.label))
    return { at: options.now.toISOString(), by: options.label, how: 'label' };
  return undefined;
}

/**
 * Who acknowledges by commenting: the people of roster.yaml, by lower-case login, but for those
 * who only ever shadow (a newcomer's comment must not stop the clock that calls the backup).
 */
export function teamOf(roster: Roster | undefined): Set<string> {
  if (!roster) return new Set();
  const shadowOnly = learners(roster);
  return new Set(
    Object.keys(roster.people)
      .map((p) => p.toLowerCase())
      .filter((p) => !shadowOnly.has(p)),
  );
}
