import { escapeCell, issueLink, ownCell, table } from '../../kernel/markdown.js';
import { describeLocal } from '../../roster/time.js';

/**
 * Incidents' follow-ups (their retrospective, summary and customer report, opened as sub-issues
 * by the escalate job) still open when the report is written: listed apart with their due dates,
 * the overdue first, and never counted among the desk's issues.
 */
export interface OpenFollowUp {
  /** owner/name. */
  repo: string;
  number: number;
  title: string;
  url: string;
  /** The incident's number, in the same repository. */
  parent: number;
  parentUrl: string;
  /** ISO instant; absent when no business day opened within a year of the close. */
  due?: string;
  assignees: string[];
}

export interface FollowUpRow extends OpenFollowUp {
  overdue: boolean;
}

/** Soonest due first (the overdue lead); one with no date last. */
export function followUpRows(open: readonly OpenFollowUp[], now: number): FollowUpRow[] {
  const at = (f: OpenFollowUp) => (f.due === undefined ? Infinity : Date.parse(f.due));
  return [...open]
    .sort((a, b) => at(a) - at(b) || a.number - b.number)
    .map((f) => ({ ...f, overdue: at(f) < now }));
}

export function renderFollowUps(
  rows: readonly FollowUpRow[],
  zone: string,
  qualified: boolean,
  limit: number,
): string[] {
  const out = ['## Incident follow-ups', ''];
  if (rows.length === 0) return [...out, 'None open.'];
  const overdue = rows.filter((r) => r.overdue).length;
  out.push(`${rows.length} open, ${overdue} overdue.`, '');
  const shown = rows.slice(0, Math.max(limit, 1));
  out.push(
    table(
      ['Follow-up', 'Title', 'Incident', 'Assignees', 'Due'],
      shown.map((r) => [
        issueLink(r, qualified),
        escapeCell(r.title),
        issueLink({ repo: r.repo, number: r.parent, url: r.parentUrl }, qualified),
        r.assignees.length > 0 ? escapeCell(r.assignees.join(', ')) : 'nobody',
        ownCell(
          r.due === undefined
            ? 'no date'
            : `${describeLocal(Date.parse(r.due), zone)}${r.overdue ? ' **overdue**' : ''}`,
        ),
      ]),
    ),
  );
  if (rows.length > shown.length) out.push('', `… and ${rows.length - shown.length} more.`);
  return out;
}
