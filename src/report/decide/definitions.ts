import type { Actor, ClosedReason, ReportIssue, TimelineEntry } from './types.js';

/**
 * What the report's words mean, as functions of one issue's timeline. docs/report.md says the
 * same in prose; the unit tests hold both to it.
 *
 * - Arrival: when the issue reached the repository it is in now: its creation, or its last
 *   transfer in (GitHub keeps the creation date and the timeline of a transferred issue). The
 *   desk's clocks (first response, resolution, age) start at arrival.
 * - First response: the first comment, label or assignment after arrival by a team member who
 *   is neither the author nor a bot.
 * - State at an instant: replayed from the closed and reopened events, so an issue reopened
 *   after the week still counts as closed at the week's end, and one closed and reopened inside
 *   the week as open.
 */

/** Who counts as the team: roster people and configured logins (lower case). */
export interface Team {
  logins: ReadonlySet<string>;
}

const MEMBER_ASSOCIATIONS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);

export function teamOf(logins: Iterable<string>): Team {
  return { logins: new Set([...logins].map((l) => l.toLowerCase())) };
}

function isBot(actor: Actor | null): boolean {
  return actor === null || actor.bot || /\[bot\]$/i.test(actor.login);
}

const ms = (iso: string) => Date.parse(iso);

/** The instant the issue reached its current repository. */
export function arrivalOf(issue: ReportIssue): number {
  let at = ms(issue.createdAt);
  for (const entry of issue.timeline) {
    if (entry.kind === 'transferred') at = Math.max(at, ms(entry.at));
  }
  return at;
}

/** True when a team member opened the issue: the team already knows, no response is owed. */
export function openedByTeam(issue: ReportIssue, team: Team): boolean {
  const author = issue.author;
  if (author === null || isBot(author)) return false;
  if (team.logins.size > 0) return team.logins.has(author.login.toLowerCase());
  return MEMBER_ASSOCIATIONS.has(issue.authorAssociation ?? '');
}

/**
 * Does this entry answer the issue? With a known team, only its members answer. Without one,
 * a collaborator's comment does, and so does anybody's label or assignment: GitHub lets only
 * people with triage access label and assign.
 */
function answers(entry: TimelineEntry, issue: ReportIssue, team: Team): boolean {
  if (entry.kind !== 'comment' && entry.kind !== 'labeled' && entry.kind !== 'assigned')
    return false;
  const actor = entry.actor;
  if (actor === null || isBot(actor)) return false;
  const login = actor.login.toLowerCase();
  if (issue.author && login === issue.author.login.toLowerCase()) return false;
  if (team.logins.size > 0) return team.logins.has(login);
  if (entry.kind === 'comment') return MEMBER_ASSOCIATIONS.has(entry.association ?? '');
  return true;
}

export interface FirstResponse {
  at: number;
  by: string;
  kind: 'comment' | 'labeled' | 'assigned';
}

/** The first response after arrival, or null while there is none. */
export function firstResponseOf(issue: ReportIssue, team: Team): FirstResponse | null {
  const arrival = arrivalOf(issue);
  for (const entry of issue.timeline) {
    if (ms(entry.at) < arrival) continue;
    if (!answers(entry, issue, team)) continue;
    if (entry.kind !== 'comment' && entry.kind !== 'labeled' && entry.kind !== 'assigned') continue;
    return { at: ms(entry.at), by: entry.actor?.login ?? '', kind: entry.kind };
  }
  return null;
}

export interface Closing {
  at: number;
  reason: ClosedReason | null;
  /** Who closed it, when the history says. */
  by?: Actor | null;
}

/**
 * The closed/reopened history. An issue whose timeline shows no closing but that GitHub reports
 * closed (history cut short) is taken as closed at its `closedAt`.
 */
type Transition =
  | { open: false; at: number; reason: ClosedReason | null; by?: Actor | null }
  | { open: true; at: number };

function transitions(issue: ReportIssue): Transition[] {
  const list: Transition[] = [];
  for (const entry of issue.timeline) {
    if (entry.kind === 'closed')
      list.push({ open: false, at: ms(entry.at), reason: entry.reason, by: entry.by ?? null });
    else if (entry.kind === 'reopened') list.push({ open: true, at: ms(entry.at) });
  }
  if (!list.some((t) => !t.open) && issue.state === 'closed' && issue.closedAt) {
    list.push({ open: false, at: ms(issue.closedAt), reason: null });
  }
  return list.sort((a, b) => a.at - b.at);
}

/** Open at `at`: arrived by then, and not closed by the last transition up to then. */
export function isOpenAt(issue: ReportIssue, at: number): boolean {
  if (arrivalOf(issue) > at) return false;
  let open = true;
  for (const t of transitions(issue)) {
    if (t.at > at) break;
    open = t.open;
  }
  return open;
}

/** The closing that left the issue closed at `at`, or null when it was open (or absent) then. */
export function closingAt(issue: ReportIssue, at: number): Closing | null {
  if (arrivalOf(issue) > at) return null;
  let last: Closing | null = null;
  for (const t of transitions(issue)) {
    if (t.at > at) break;
    last = t.open ? null : { at: t.at, reason: t.reason, by: t.by ?? null };
  }
  return last;
}

/** The first closing at or after `at`, or null. */
export function firstClosingAfter(issue: ReportIssue, at: number): Closing | null {
  const t = transitions(issue).find((x) => !x.open && x.at >= at);
  return t && !t.open ? { at: t.at, reason: t.reason, by: t.by ?? null } : null;
}

/** Reopenings in [from, to). */
export function reopeningsBetween(issue: ReportIssue, from: number, to: number): number {
  return transitions(issue).filter((t) => t.open && t.at >= from && t.at < to).length;
}

/** Completed (or closed before GitHub recorded reasons) is a resolution; not planned and duplicate are not. */
export function isResolution(reason: ClosedReason | null): boolean {
  return reason === null || reason === 'completed';
}

/** Transferred in during [from, to): the repository it came from, else null. */
export function transferredInBetween(issue: ReportIssue, from: number, to: number): string | null {
  let source: string | null = null;
  for (const entry of issue.timeline) {
    if (entry.kind === 'transferred' && ms(entry.at) >= from && ms(entry.at) < to)
      source = entry.from;
  }
  return source;
}

/**
 * The assignees at `at`: the current ones with every later change undone, newest first. The
 * hand-off job reassigns after the week ends, so the report reads who held the issue then.
 */
export function assigneesAt(issue: ReportIssue, at: number): string[] {
  const held = new Map(issue.assignees.map((login) => [login.toLowerCase(), login]));
  const later = (issue.assignmentChanges ?? []).filter((c) => ms(c.at) > at);
  for (const change of later.reverse()) {
    if (change.added) held.delete(change.login.toLowerCase());
    else held.set(change.login.toLowerCase(), change.login);
  }
  return [...held.values()];
}
