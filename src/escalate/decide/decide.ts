import { parseCommands } from './commands/parse.js';
import { runCommand } from './commands/run.js';
import {
  NOTIFY_PENDING_LABEL,
  type PendingNotification,
} from '../../kernel/pending-notifications.js';
import type { LinkFix, Operation, UpsertComment } from '../../kernel/plan.js';
import { fixLinkSlot, formatFixLink } from '../../kernel/fix-link.js';
import { AWAITING_FIX_LABEL } from '../../kernel/kit-labels.js';
import { fixLine, followFix, waitingLine } from './fix.js';
import { describeLocal } from '../../roster/time.js';
import { keepOne, type StatusEvent, statusFor, statusLabels, withStatus } from './status.js';
import { escapeInline } from '../../kernel/markdown.js';
import { withMarker } from '../../kernel/markers.js';
import { findAcknowledgement, teamOf } from './ack.js';
import { pausedAt, type ResponseClock } from '../../roster/response-clock.js';
import { issueClock } from './clock.js';
import {
  type EscalationConfig,
  hasLabel,
  COMMANDS,
  sameLabel,
  type StatusConfig,
} from '../config/escalation.js';
import { type EscalationState, isEmptyState, readState, STATE_MARKER, stateLine } from './state.js';
import {
  type Access,
  type CommentSnapshot,
  type IssueSnapshot,
  type Occasion,
  TRIAGE_OR_MORE,
} from './types.js';
import type { Work } from './work.js';
import type { DecideInput } from './input.js';
import { escalate } from './steps.js';
import { pagerDuty } from './paging.js';
import { playbook } from './playbook-run.js';

/**
 * Everything the escalate capability decides about one issue, on one occasion (an issue event, a
 * new comment, the scheduled sweep): commands, status, the response clock and its escalation
 * steps, the playbook, notifications, and the state comment that lets the next run know what is
 * done. Pure: the clock, the roster, the config and GitHub's answers are inputs.
 */

export type { DecideInput } from './input.js';

export interface IssueDecision {
  operations: Operation[];
  notes: string[];
  /** Plans for other repositories (`/escalate`). */
  remote: Work['remote'];
}

export function decideIssue(input: DecideInput): IssueDecision {
  const { issue, config, occasion, roster, now } = input;
  const stored = readState(input.comments);
  const state: EscalationState = { ...stored.state, notified: [...stored.state.notified] };
  const work = startWork(issue);
  const team = teamOf(roster);
  let clock = issueClock(input);
  const timeline = timelineOf(issue, clock, state, now);

  handleCommands(input, work, state, timeline);
  // A new link starts the news afresh; the executor records it where the slot stands.
  const linking = work.links[0];
  if (linking) {
    state.told = { state: 'open' };
    // The wait starts now, as the next run will read it from the record.
    const since = { label: AWAITING_FIX_LABEL, at: linking.at, added: true };
    clock = issueClock({ ...input, labelHistory: [...(input.labelHistory ?? []), since] });
  } else followFix(input, work, state);
  // A command's notification is recorded like every other: sent once, even when it is obeyed again.
  work.notify = work.notify.filter((n) => !state.notified.includes(n.key));
  state.notified.push(...work.notify.map((n) => n.key));
  if (occasion.kind === 'issue-event') eventTransitions(occasion, work, config);

  // Acknowledgement: re-read every run; only a /ack is remembered (its author was checked once).
  if (work.ack) state.ack = work.ack;
  else if (work.ackIfNone && !state.ack) state.ack = work.ackIfNone;
  const ack = findAcknowledgement(issue, input.comments, {
    team,
    assignees: work.assignees,
    ...(config.acknowledgedLabel ? { label: config.acknowledgedLabel } : {}),
    ...(state.ack ? { recorded: state.ack } : {}),
    now,
  });

  const waiting = clock && pausedAt(clock, now.getTime());
  if (work.state === 'open' && !ack && waiting)
    work.notes.push(
      `#${issue.number}: waiting on ${waitingOn(issue, state)} since ${new Date(waiting.from).toISOString()}; the clock stands still`,
    );
  else if (work.state === 'open' && !ack && clock) escalate(input, clock, work, state);
  else if (ack && work.state === 'open' && state.steps < config.steps.length && clock)
    work.notes.push(`#${issue.number}: acknowledged by ${ack.by} (${ack.how}); no escalation`);

  pagerDuty(input, occasion, work, state, ack);
  playbook(input, clock, work, state, team);
  retryPending(stored.pending, work, issue.number);
  applyStatus(work, config);

  // Writes first, then the comments that say they were made (the executor holds a comment back
  // when a write before it failed), the state that records it all, and the notifications.
  const operations: Operation[] = labelOperations(issue, work);
  if (work.close)
    operations.push({
      kind: 'update-issue',
      issue: issue.number,
      state: 'closed',
      stateReason: work.close,
      reason: `closed by a command (${work.close})`,
    });
  operations.push(...work.pulls, ...work.links, ...work.comments);
  if (!isEmptyState(state) || linking) {
    const body = stateComment(issue, clock, state, ack, config, now, linking);
    const unchanged = stored.body !== undefined && stored.body === withStateMarker(body);
    // Rewritten with each notification too: the executor records in it the ones refused.
    // The state also records writes to other issues (a follow-up's reminder): held back as
    // incomplete when one of those failed, so the next run writes it again.
    const others = [
      ...new Set(
        work.comments.flatMap((op) =>
          op.kind === 'upsert-comment' && typeof op.issue === 'number' && op.issue !== issue.number
            ? [op.issue]
            : [],
        ),
      ),
    ];
    if (!unchanged || work.notify.length > 0)
      operations.push({
        ...stateOperation(issue, body, stored.pending.length > 0),
        ...(others.length > 0 ? { reports: others } : {}),
        incomplete: stateComment(issue, clock, sentOnly(stored.state, state), ack, config, now),
      });
  }
  // After the state that records them: a notification goes out only once the next run will
  // know it did (the executor holds it back when the state could not be written).
  const endpoint = config.pagerduty?.url;
  operations.push(
    ...work.notify.map((n) => (n.channel === 'pagerduty' && endpoint ? { ...n, endpoint } : n)),
  );
  return { operations, notes: work.notes, remote: work.remote };
}

/**
 * The state to record when a write of this run failed: nothing it decided counts as done (the
 * next run decides it again from the same state and finishes it), except its notifications,
 * which have their own record (sent, or pending when they failed) and must not go out twice.
 */
function sentOnly(before: EscalationState, after: EscalationState): EscalationState {
  return { ...before, notified: [...new Set([...before.notified, ...after.notified])] };
}

/** The issue as GitHub has it, before the decision changes its copy. */
function startWork(issue: IssueSnapshot): Work {
  return {
    labels: [...issue.labels],
    assignees: [...issue.assignees],
    state: issue.state,
    stateReason: issue.stateReason,
    comments: [],
    pulls: [],
    notify: [],
    remote: [],
    links: [],
    notes: [],
    statusEvents: [],
  };
}

/**
 * `pending`: the state records notifications to send again, so the label is on the issue even
 * when the event's copy of it (a re-run's payload, older than the run that added it) says not.
 */
function stateOperation(issue: IssueSnapshot, body: string, pending: boolean): UpsertComment {
  return {
    kind: 'upsert-comment',
    issue: issue.number,
    marker: STATE_MARKER,
    body,
    recordFailedNotifications: true,
    pendingLabel: {
      name: NOTIFY_PENDING_LABEL,
      present: pending || hasLabel(issue.labels, NOTIFY_PENDING_LABEL),
    },
    reason: 'record what the kit did for this issue',
  };
}

/** The state comment as the executor writes it (its marker line first), to compare with GitHub's. */
function withStateMarker(body: string): string {
  return withMarker(STATE_MARKER, body);
}

/**
 * The comments whose commands no run has handled yet, oldest first: newer than the last one the
 * state records as handled, not the kit's. A reply alone does not count as handled: a run whose
 * state write failed left the reply, and obeying the command again (every command's writes are
 * idempotent, and the reply is the same comment) is how its effects get recorded.
 */
export function unansweredCommands(
  comments: readonly CommentSnapshot[],
  config: EscalationConfig,
): CommentSnapshot[] {
  if (config.commands.enabled.length === 0) return [];
  const { state } = readState(comments);
  return comments
    .filter((c) => !c.bot && c.id > state.command)
    .filter((c) => parseCommands(c.body).length > 0)
    .sort((a, b) => a.id - b.id);
}

function handleCommands(
  input: DecideInput,
  work: Work,
  state: EscalationState,
  timeline: string[],
): void {
  const { occasion } = input;
  const comments =
    occasion.kind === 'comment' && !input.comments.some((c) => c.id === occasion.comment.id)
      ? [...input.comments, occasion.comment]
      : input.comments;
  for (const comment of unansweredCommands(comments, input.config)) {
    const access =
      input.access?.[comment.author.toLowerCase()] ??
      (occasion.kind === 'comment' && occasion.comment.id === comment.id
        ? occasion.access
        : undefined);
    // Without its author's access checked, this comment and the later ones wait for a run that
    // has it, so commands are still obeyed in the order they were written.
    if (access === undefined) {
      work.notes.push(
        `#${input.issue.number}: the access of ${comment.author} was not checked; comment ${comment.id} waits`,
      );
      return;
    }
    handleComment(input, comment, access, work, state, timeline);
  }
}

function handleComment(
  input: DecideInput,
  comment: CommentSnapshot,
  access: Access,
  work: Work,
  state: EscalationState,
  timeline: string[],
): void {
  const commands = parseCommands(comment.body);
  state.command = Math.max(state.command, comment.id);
  const reply: string[] = [];
  if (!TRIAGE_OR_MORE.includes(access)) {
    // `/var is full` in a customer's log is not a command: only a known one gets refused.
    if (!commands.some((c) => (COMMANDS as readonly string[]).includes(c.name))) return;
    reply.push(
      `**${escapeInline(comment.author)}**: commands are for people with triage access or more to this repository; nothing was done.`,
    );
    work.notes.push(
      `#${input.issue.number}: ${comment.author} (${access}) may not use ${commands.map((c) => `/${c.name}`).join(', ')}`,
    );
  } else {
    for (const command of commands)
      runCommand(command, work, {
        repo: input.repo,
        issue: input.issue,
        comments: input.comments,
        comment,
        config: input.config,
        ...(input.roster ? { roster: input.roster } : {}),
        channels: input.channels,
        now: input.now,
        reply,
        timeline,
        ...(input.referenced ? { referenced: input.referenced } : {}),
        ...(input.rosterFile ? { rosterFile: input.rosterFile } : {}),
        ...(input.defaultBranch ? { defaultBranch: input.defaultBranch } : {}),
        ...(input.fixTargets ? { fixTargets: input.fixTargets } : {}),
      });
  }
  if (reply.length > 0)
    work.comments.push({
      kind: 'upsert-comment',
      issue: input.issue.number,
      marker: { kind: 'command-reply', keys: { comment: String(comment.id) } },
      body: reply.join('\n\n'),
      reason: `answer the commands of comment ${comment.id} by ${comment.author}`,
    });
}

function eventTransitions(
  occasion: Extract<Occasion, { kind: 'issue-event' }>,
  work: Work,
  config: EscalationConfig,
): void {
  switch (occasion.action) {
    case 'opened':
      work.statusEvents.push('opened');
      return;
    case 'assigned':
      work.statusEvents.push('assigned');
      return;
    case 'reopened':
      work.statusEvents.push('reopened');
      return;
    case 'closed':
      work.statusEvents.push(closeEvent(work.stateReason));
      return;
    case 'labeled':
      if (occasion.label && config.status?.labels.some((l) => sameLabel(l, occasion.label ?? '')))
        work.statusAdded = occasion.label;
      return;
  }
}

/** A duplicate is not planned work: it takes the won't-fix status. */
function closeEvent(stateReason: string | null): StatusEvent {
  return stateReason === 'not_planned' || stateReason === 'duplicate'
    ? 'closed-not-planned'
    : 'closed-completed';
}

/**
 * The run of a close event may never come (past 100 waiting runs of the desk lock GitHub cancels it),
 * so a closed issue whose status still says it is being worked on gets its close status from
 * the issue's state. A status at or past the completed one (fix released) is a person's choice
 * and stays.
 */
function closedStatusMissing(
  work: Work,
  status: StatusConfig,
  current: string | undefined,
): boolean {
  if (work.state !== 'closed' || work.statusEvents.some((e) => e.startsWith('closed')))
    return false;
  if (current === undefined) return true;
  const at = status.labels.findIndex((l) => sameLabel(l, current));
  const completed = status.closedCompleted
    ? status.labels.findIndex((l) => sameLabel(l, status.closedCompleted ?? ''))
    : -1;
  const notPlanned = status.closedNotPlanned ? sameLabel(current, status.closedNotPlanned) : false;
  return !notPlanned && (completed < 0 || at < completed);
}

/** Exactly one status: a command's, else the one a person just added, else the events' moves. */
function applyStatus(work: Work, config: EscalationConfig): void {
  const status = config.status;
  if (!status) return;
  let current = keepOne(work.labels, status, work.statusAdded);
  if (work.statusSet) current = work.statusSet;
  else if (!work.statusAdded) {
    if (closedStatusMissing(work, status, current))
      work.statusEvents.push(closeEvent(work.close ?? work.stateReason));
    for (const event of work.statusEvents) current = statusFor(event, current, status) ?? current;
  }
  if (current === undefined) return;
  const present = statusLabels(work.labels, status);
  if (present.length === 1 && sameLabel(present[0] ?? '', current)) return;
  work.labels = withStatus(work.labels, current, status);
}

/**
 * A notification that failed on the previous run is sent again, exactly as it was; but a closed
 * issue's pending trigger or acknowledge is dropped: it would open an alert nobody can close.
 */
function retryPending(pending: readonly PendingNotification[], work: Work, issue: number): void {
  for (const p of pending) {
    if (work.notify.some((n) => n.key === p.key)) continue;
    const action = p.payload.event_action;
    if (
      work.state === 'closed' &&
      p.channel === 'pagerduty' &&
      (action === 'trigger' || action === 'acknowledge')
    ) {
      work.notes.push(`#${issue}: the issue is closed; the failed PagerDuty ${action} is dropped`);
      continue;
    }
    work.notify.push({
      kind: 'notify',
      channel: p.channel,
      issue,
      key: p.key,
      payload: p.payload,
      reason: 'retry: it failed on the previous run',
    });
  }
}

function labelOperations(issue: IssueSnapshot, work: Work): Operation[] {
  const ops: Operation[] = [];
  const add = work.labels.filter((l) => !hasLabel(issue.labels, l));
  const remove = issue.labels.filter((l) => !hasLabel(work.labels, l));
  if (add.length || remove.length)
    ops.push({
      kind: 'edit-labels',
      issue: issue.number,
      current: issue.labels,
      add,
      remove,
      reason: 'status, severity, acknowledgement and escalation labels',
    });
  const lower = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
  const had = lower(issue.assignees);
  const has = lower(work.assignees);
  let assign = work.assignees.filter((a) => !had.has(a.toLowerCase()));
  let unassign = issue.assignees.filter((a) => !has.has(a.toLowerCase()));
  const handoff = work.handoff;
  if (handoff && unassign.length > 0 && has.has(handoff.toLowerCase())) {
    // The new assignee goes on before each old one comes off, so a login GitHub refuses never
    // leaves the issue with nobody.
    for (const from of unassign)
      ops.push({
        kind: 'reassign',
        issue: issue.number,
        from,
        to: handoff,
        reason: `/handoff from ${from} to ${handoff}`,
      });
    assign = assign.filter((a) => a.toLowerCase() !== handoff.toLowerCase());
    unassign = [];
  }
  if (assign.length)
    ops.push({
      kind: 'add-assignees',
      issue: issue.number,
      assignees: assign,
      reason: 'assigned by a command or an escalation step',
    });
  if (unassign.length)
    ops.push({
      kind: 'remove-assignees',
      issue: issue.number,
      assignees: unassign,
      reason: 'handed off',
    });
  return ops;
}

/** What the kit knows about the issue's response, for the state comment and the post-mortem. */
function timelineOf(
  issue: IssueSnapshot,
  clock: ResponseClock | undefined,
  state: EscalationState,
  now: Date,
): string[] {
  const lines = [`Opened ${issue.createdAt} by **${escapeInline(issue.author)}**.`];
  if (clock) lines.push(goalLine(clock, now, waitingOn(issue, state)));
  const waited = clock?.pauses.filter((p) => p.to !== undefined).length ?? 0;
  if (waited > 0)
    lines.push(`The clock stood still ${waited} time(s) while the reporter was asked.`);
  if (state.steps > 0) lines.push(`Escalation steps taken: ${state.steps}.`);
  if (state.playbook)
    lines.push(`Playbook ${escapeInline(state.playbook.name)} started ${state.playbook.at}.`);
  if (issue.closedAt) lines.push(`Closed ${issue.closedAt}.`);
  if (state.followUps)
    lines.push(`Follow-ups opened as sub-issues when it closed ${state.followUps}.`);
  return lines;
}

/** Whom a paused clock waits on: engineering while the issue awaits a fix, else the reporter. */
function waitingOn(issue: IssueSnapshot, state: EscalationState): string {
  const awaiting = hasLabel(issue.labels, AWAITING_FIX_LABEL) || state.told?.state === 'open';
  return awaiting ? 'engineering' : 'the reporter';
}

function goalLine(clock: ResponseClock, now: Date, on: string): string {
  const goal = `Response goal: ${clock.goal.minutes} business minutes on ${escapeInline(clock.source)}`;
  const paused = pausedAt(clock, now.getTime());
  if (paused)
    return `${goal}; waiting on ${on} since ${describeLocal(paused.from, clock.window.timezone)}, so the clock stands still${on === 'engineering' ? '' : ' until they answer'}.`;
  return `${goal}; due ${clock.dueAt === undefined ? 'never (the calendar does not open)' : describeLocal(clock.dueAt, clock.window.timezone)}.`;
}

function stateComment(
  issue: IssueSnapshot,
  clock: ResponseClock | undefined,
  state: EscalationState,
  ack: ReturnType<typeof findAcknowledgement>,
  config: EscalationConfig,
  now: Date,
  linking?: LinkFix,
): string {
  const lines = timelineOf(issue, clock, state, now);
  const fix = linking ? undefined : state.fix;
  if (linking)
    lines.push(waitingLine(`${linking.fix.repo.owner}/${linking.fix.repo.repo}`, linking.at));
  else if (fix) lines.push(fixLine(fix, state));
  if (ack)
    lines.push(
      ack.how === 'label'
        ? `Acknowledged: the issue has the label \`${escapeInline(ack.by)}\`.`
        : `Acknowledged by **${escapeInline(ack.by)}** at ${ack.at}${ack.how === 'command' ? ' (`/ack`)' : ''}.`,
    );
  else if (issue.state === 'open' && config.steps.length > state.steps)
    lines.push('Not acknowledged yet.');
  if (state.notified.length)
    lines.push(`Notifications: ${[...new Set(state.notified)].sort().join(', ')}.`);
  const record = linking ? [fixLinkSlot(issue.number)] : fix ? [formatFixLink(fix)] : [];
  return [
    stateLine(state),
    ...record,
    '**Response clock**',
    '',
    ...lines.map((l) => `- ${l}`),
  ].join('\n');
}
