import { DESK_NOW_KIND, DESK_NOW_LABEL } from '../../kernel/kit-records.js';
import { NEEDS_TRIAGE_LABEL, NO_COVERAGE_LABEL } from '../../kernel/kit-labels.js';
import { formatMarker, withMarker } from '../../kernel/markers.js';
import { GITHUB_BODY_LIMIT } from '../../kernel/markdown.js';
import type { Marker, Operation, RepoRef } from '../../kernel/plan.js';
import { countedMs } from '../../roster/response-clock.js';
import { onCallAt } from '../../roster/resolve.js';
import { routeFor } from '../../roster/routes.js';
import { describeLocal } from '../../roster/time.js';
import type { Roster } from '../../roster/types.js';
import { type EscalationConfig, hasAnyLabel, hasLabel } from '../config/escalation.js';
import { findAcknowledgement, teamOf } from './ack.js';
import { issueClock } from './clock.js';
import { type ClockState, type DeskRow, renderDeskNow } from './desk-now-render.js';
import { readState } from './state.js';
import { keepOne } from './status.js';
import type { CommentSnapshot, IssueSnapshot } from './types.js';

/**
 * The desk now: one pinned issue per repository that the scheduled sweep keeps true: who is on
 * call now and next, each open issue with its owner, status and the time left on its response
 * clock (the one escalation acts on and the report judges by), and what is held and why. It is
 * edited in place, and only when what it shows changed: a quiet tick writes nothing.
 */

export const DESK_NOW_MARKER: Marker = { kind: DESK_NOW_KIND, keys: {} };
export const DESK_NOW_TITLE = 'The desk now: who is on call and what is open';

/** An open issue as the sweep read it. */
export interface DeskIssue {
  issue: IssueSnapshot;
  /** Its comments when the sweep read them (none: [] without reading); undefined: not read. */
  comments?: readonly CommentSnapshot[];
}

export interface DeskNowInput {
  repo: RepoRef;
  config: EscalationConfig;
  roster: Roster;
  /** The open issues, without pull requests and the kit's own records. */
  issues: readonly DeskIssue[];
  /** The desk-now issue, found among the open issues the sweep listed. */
  record?: { number: number; title: string; body: string | null };
  /**
   * What this run's plan does to those issues before the desk is written (a step's label, an
   * assignment, a close): the desk shows them as the run leaves them, so the next tick has
   * nothing to catch up on.
   */
  planned?: readonly Operation[];
  now: Date;
  /** Room for the body; GitHub's limit (tests make it small). */
  limit?: number;
}

export function decideDeskNow(input: DeskNowInput): { operations: Operation[]; notes: string[] } {
  const rows = asPlanned(input.issues, input.planned ?? [])
    .map((i) => rowOf(i, input))
    .sort(byUrgency);
  const body = renderDeskNow({
    repo: input.repo,
    roster: input.roster,
    rows,
    now: input.now,
    // The marker line and its newline go before the body.
    limit: (input.limit ?? GITHUB_BODY_LIMIT) - formatMarker(DESK_NOW_MARKER).length - 1,
  });
  const held = rows.filter((r) => r.held !== undefined).length;
  const counts = `${rows.length} open issue(s), ${held} held`;
  const { record } = input;
  if (
    record &&
    record.body === withMarker(DESK_NOW_MARKER, body) &&
    record.title === DESK_NOW_TITLE
  )
    return { operations: [], notes: [`desk now: #${record.number} already shows ${counts}`] };
  return {
    operations: [
      {
        kind: 'upsert-issue',
        marker: DESK_NOW_MARKER,
        title: DESK_NOW_TITLE,
        body,
        labels: [DESK_NOW_LABEL],
        standing: true,
        ...(record ? { found: record.number } : {}),
        reason: record
          ? `the desk changed: ${counts}`
          : `desk-now is on in escalation.yaml and the desk has no desk-now issue yet: ${counts}; pinned once created`,
      },
    ],
    notes: [],
  };
}

/** The issues with the plan's labels, assignees and closings applied, as GitHub will have them. */
function asPlanned(issues: readonly DeskIssue[], planned: readonly Operation[]): DeskIssue[] {
  const without = (list: readonly string[], gone: readonly string[]) =>
    list.filter((x) => !gone.some((g) => g.toLowerCase() === x.toLowerCase()));
  const withAlso = (list: readonly string[], more: readonly string[]) => [
    ...list,
    ...without(more, list),
  ];
  const closed = new Set<number>();
  const changed = issues.map((d) => ({ ...d, issue: { ...d.issue } }));
  for (const op of planned) {
    if (!('issue' in op) || typeof op.issue !== 'number') continue;
    const found = changed.find((d) => d.issue.number === op.issue)?.issue;
    if (!found) continue;
    if (op.kind === 'add-labels') found.labels = withAlso(found.labels, op.labels);
    if (op.kind === 'remove-labels') found.labels = without(found.labels, op.labels);
    if (op.kind === 'edit-labels')
      found.labels = withAlso(without(found.labels, op.remove), op.add);
    if (op.kind === 'add-assignees') found.assignees = withAlso(found.assignees, op.assignees);
    if (op.kind === 'remove-assignees') found.assignees = without(found.assignees, op.assignees);
    if (op.kind === 'reassign')
      found.assignees = withAlso(without(found.assignees, [op.from]), [op.to]);
    if (op.kind === 'update-issue' && op.state === 'closed') closed.add(op.issue);
  }
  return changed.filter((d) => !closed.has(d.issue.number));
}

const RANK: Record<ClockState['kind'], number> = {
  'past-due': 0,
  running: 1,
  paused: 2,
  answered: 3,
  none: 4,
};

/** Past due first (the longest overdue on top), then the soonest due; the rest oldest first. */
function byUrgency(a: DeskRow, b: DeskRow): number {
  const due = (r: DeskRow) => ('due' in r.clock ? r.clock.due : Infinity);
  return RANK[a.clock.kind] - RANK[b.clock.kind] || due(a) - due(b) || a.number - b.number;
}

function rowOf(desk: DeskIssue, input: DeskNowInput): DeskRow {
  const { issue } = desk;
  const held = heldWhy(issue.labels, input);
  return {
    number: issue.number,
    title: issue.title,
    url: issue.url,
    owners: issue.assignees,
    status: statusOf(issue.labels, input.config),
    clock: clockState(desk, input),
    ...(held ? { held } : {}),
  };
}

/**
 * The issue's clock, as escalation reads it: stopped by the first answer it has seen (a comment
 * the sweep read, a `/ack` it recorded, the acknowledged label) or while the issue waits on its
 * reporter. An issue whose comments the sweep did not read this run counts as unanswered, as
 * escalation counts it. Time it waited on its reporter before is not given back: the desk may
 * read a little more urgent than escalation, never less.
 */
function clockState(desk: DeskIssue, input: DeskNowInput): ClockState {
  const { config, roster, now } = input;
  const comments = desk.comments ?? [];
  const recorded = readState(comments).state.ack;
  const ack = findAcknowledgement(desk.issue, comments, {
    team: teamOf(roster),
    assignees: desk.issue.assignees,
    ...(config.acknowledgedLabel ? { label: config.acknowledgedLabel } : {}),
    ...(recorded ? { recorded } : {}),
    now,
  });
  if (ack) return { kind: 'answered' };
  // From the labels it has now, never its label history: the sweep reads that only on the runs a
  // step may fall due, and a desk that counted it on some runs only would change back and forth.
  const clock = issueClock({ config, roster, issue: desk.issue, comments });
  if (!clock) return { kind: 'none', why: 'no response goal' };
  if (hasAnyLabel(desk.issue.labels, config.pauseWhile)) return { kind: 'paused' };
  const due = clock.dueAt;
  if (due === undefined) return { kind: 'none', why: 'its calendar does not open within a year' };
  const zone = clock.window.timezone;
  if (due <= now.getTime()) return { kind: 'past-due', due, zone };
  return { kind: 'running', due, zone, leftMs: countedMs(clock, now.getTime(), due) };
}

/** The status label (escalation.yaml's lifecycle, else any `status/` label) and the step reached. */
function statusOf(labels: readonly string[], config: EscalationConfig): string[] {
  const status = config.status
    ? keepOne(labels, config.status)
    : labels.find((l) => l.toLowerCase().startsWith('status/'));
  const prefix = config.stepLabelPrefix.toLowerCase();
  const steps = labels.filter(
    (l) => l.toLowerCase().startsWith(prefix) && /^\d+$/.test(l.slice(prefix.length)),
  );
  return [...(status ? [status] : []), ...steps];
}

/** Why an issue waits for somebody other than its owner, in the words of the desk. */
function heldWhy(labels: readonly string[], input: DeskNowInput): string | undefined {
  const why: string[] = [];
  if (hasLabel(labels, NO_COVERAGE_LABEL)) why.push(coverageWhy(labels, input));
  if (hasLabel(labels, NEEDS_TRIAGE_LABEL))
    why.push('roster.yaml could not be read when it arrived: a person must assign it');
  const pause = input.config.pauseWhile.find((p) => hasLabel(labels, p));
  if (pause) why.push(`waiting on the reporter (${pause}): its clock stands still`);
  return why.length > 0 ? why.join('; ') : undefined;
}

/** A held issue waits for coverage: when it resumes and with whom, by the issue's route. */
function coverageWhy(labels: readonly string[], input: DeskNowInput): string {
  const { roster, now } = input;
  const route = routeFor(roster, labels);
  if (!route) return 'nobody was on call when it arrived, and no roster route takes it now';
  const onCall = onCallAt(roster, route.schedule, now);
  const first = roster.schedules[route.schedule]?.roles[0] ?? 'primary';
  const holder = onCall.roles[first];
  if (holder)
    return `nobody was on call when it arrived; ${holder.login} is on call now and gets it at the next scheduled run`;
  const gap = onCall.gap?.declared ? ` (declared gap ${onCall.gap.declared})` : '';
  const resumes = onCall.resumesAt ? Date.parse(onCall.resumesAt) : undefined;
  const who = onCall.resumesWith;
  if (resumes === undefined || !who)
    return `nobody is on call${gap}, and coverage does not resume within a year`;
  const zone = roster.sites[who.site]?.timezone ?? 'UTC';
  return `nobody is on call${gap}; ${who.login} gets it at ${describeLocal(resumes, zone)}`;
}
