import { RECORD_LABELS } from '../../kernel/kit-records.js';
import {
  escapeCell,
  escapeInline,
  issueLink,
  noMention,
  ownCell,
  table,
} from '../../kernel/markdown.js';
import type { RepoRef } from '../../kernel/plan.js';
import { onCallAt } from '../../roster/resolve.js';
import { shownRoles } from '../../roster/shadow.js';
import { describeLocal, MINUTE_MS } from '../../roster/time.js';
import type { Roster } from '../../roster/types.js';

/** Where an issue's response clock stands at `now`, most urgent first. */
export type ClockState =
  | { kind: 'past-due'; due: number; zone: string }
  | { kind: 'running'; due: number; zone: string; leftMs: number }
  | { kind: 'paused' }
  | { kind: 'answered' }
  | { kind: 'none'; why: string };

/** One open issue as the desk shows it. */
export interface DeskRow {
  number: number;
  title: string;
  url: string;
  owners: string[];
  /** The status label and the escalation step reached, as labels say them. */
  status: string[];
  clock: ClockState;
  /** Why the issue waits for somebody other than its owner; undefined: it does not. */
  held?: string;
}

/** More rows than a person reads at a glance: the rest is one search away. */
export const MAX_ROWS = 50;

export interface DeskView {
  repo: RepoRef;
  roster: Roster;
  /** Every open issue, most urgent first. */
  rows: readonly DeskRow[];
  now: Date;
  /** Room for the body: GitHub's limit less the marker line. */
  limit: number;
}

/**
 * The body of the desk-now issue. Nothing in it changes with the run's own time alone: the time
 * left is said in whole business hours and due times are instants, so a tick that finds the desk
 * as it was writes nothing. Titles and logins are escaped, and nobody is mentioned.
 */
export function renderDeskNow(view: DeskView): string {
  const room = view.limit;
  let shown = Math.min(view.rows.length, MAX_ROWS);
  for (;;) {
    const body = bodyWith(view, shown);
    if (body.length <= room || shown === 0) return body;
    // Cut in proportion, and at least one row, until it fits.
    shown = Math.max(0, Math.min(shown - 1, Math.floor((shown * room) / body.length)));
  }
}

function bodyWith(view: DeskView, shown: number): string {
  return [
    '## On call',
    '',
    onCallTable(view.roster, view.now),
    '',
    '## Open issues',
    '',
    ...issuesSection(view, shown),
    '',
    '## Held',
    '',
    ...heldSection(view, shown),
    '',
    "<sub>support-kit's scheduled run edits this issue when what it shows changes, and never opens another. Times left are business time on the response clock escalation runs (escalation.yaml `response:`). Turn it off with `desk-now: false` in escalation.yaml.</sub>",
  ].join('\n');
}

/**
 * Each role of each schedule, the shadow's too: who holds it now, until when (in their zone), and
 * who is next.
 */
function onCallTable(roster: Roster, now: Date): string {
  const rows: string[][] = [];
  for (const [name, schedule] of Object.entries(roster.schedules)) {
    const onCall = onCallAt(roster, name, now);
    for (const role of shownRoles(schedule)) {
      const held = onCall.roles[role];
      const gap = onCall.gap?.declared ? ` (declared gap ${onCall.gap.declared})` : '';
      const end = held ? held.shiftEnd : onCall.resumesAt;
      const next = end ? onCallAt(roster, name, new Date(end)).roles[role] : undefined;
      // In the zone of whoever holds the role, or in a gap of whoever takes over.
      const zone = roster.sites[held?.site ?? next?.site ?? '']?.timezone ?? 'UTC';
      rows.push([
        escapeCell(name),
        escapeCell(role),
        held ? escapeCell(held.login) : ownCell(noMention(`nobody${gap}`)),
        end ? ownCell(describeLocal(Date.parse(end), zone)) : 'no end within a year',
        next ? escapeCell(next.login) : 'nobody',
      ]);
    }
  }
  if (rows.length === 0) return 'roster.yaml has no schedule.';
  return table(['Schedule', 'Role', 'Now', 'Until', 'Next'], rows);
}

function issuesSection(view: DeskView, shown: number): string[] {
  const { rows } = view;
  if (rows.length === 0) return ['No open issue.'];
  const repo = `${view.repo.owner}/${view.repo.repo}`;
  const lines = [
    `${rows.length} open, most urgent first.`,
    '',
    table(
      ['Issue', 'Title', 'Owner', 'Status', 'Clock'],
      rows
        .slice(0, shown)
        .map((r) => [
          issueLink({ repo, number: r.number, url: r.url }, false),
          escapeCell(r.title),
          r.owners.length > 0 ? r.owners.map(escapeCell).join(', ') : 'nobody',
          r.status.length > 0 ? r.status.map(escapeCell).join(', ') : ' ',
          ownCell(clockText(r.clock)),
        ]),
    ),
  ];
  const left = rows.length - shown;
  if (left > 0) lines.push('', `… and ${left} more: ${searchLink(view)}.`);
  return lines;
}

function heldSection(view: DeskView, shown: number): string[] {
  const held = view.rows.filter((r) => r.held !== undefined);
  if (held.length === 0) return ['Nothing is held.'];
  const repo = `${view.repo.owner}/${view.repo.repo}`;
  const lines = held
    .slice(0, shown)
    .map(
      (r) =>
        `- ${issueLink({ repo, number: r.number, url: r.url }, false)} ${escapeInline(r.title)}: ${noMention(r.held ?? '')}`,
    );
  const left = held.length - Math.min(held.length, shown);
  if (left > 0) lines.push(`- … and ${left} more: ${searchLink(view)}.`);
  return lines;
}

/** The repository's open issues on the site its issues live on; a search is no back-reference. */
function searchLink(view: DeskView): string {
  const first = view.rows[0];
  if (!first) return 'see the open issues';
  const origin = URL.canParse(first.url) ? new URL(first.url).origin : '';
  const query = ['is:issue', 'is:open', ...RECORD_LABELS.map((l) => `-label:"${l}"`)].join(' ');
  return `[every open issue](${origin}/${view.repo.owner}/${view.repo.repo}/issues?q=${encodeURIComponent(query)})`;
}

/** The clock in a few words; the time left in whole hours, so it reads the same for an hour. */
function clockText(clock: ClockState): string {
  switch (clock.kind) {
    // Without the instant: how long it waited on its reporter before would move it.
    case 'past-due':
      return 'past due';
    case 'running': {
      const hours = Math.floor(clock.leftMs / (60 * MINUTE_MS));
      const left = hours < 1 ? 'under 1 h' : `${hours} h`;
      return `${left} left, due ${describeLocal(clock.due, clock.zone)}`;
    }
    case 'paused':
      return 'stopped: waiting on the reporter';
    case 'answered':
      return 'answered';
    case 'none':
      return clock.why;
  }
}
