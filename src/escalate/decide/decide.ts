import { parseCommands } from './commands/parse.js';
import { personRef, type Referenced, runCommand } from './commands/run.js';
import {
  pagerDutyAcknowledge,
  pagerDutyResolve,
  pagerDutyTrigger,
  severityOf,
} from '../../notify/pagerduty.js';
import {
  NOTIFY_PENDING_LABEL,
  type PendingNotification,
} from '../../kernel/pending-notifications.js';
import { escalationMessage, leadershipMessage } from '../../notify/slack.js';
import type { Notify, Operation, RepoRef } from '../../kernel/plan.js';
import { dueDates, lastUpdate, playbookFor, reminderDue, slug, tickedItems } from './playbook.js';
import { onCallAt } from '../../roster/resolve.js';
import { routeFor } from '../../roster/routes.js';
import { describeLocal, MINUTE_MS } from '../../roster/time.js';
import type { Roster } from '../../roster/types.js';
import { keepOne, type StatusEvent, statusFor, statusLabels, withStatus } from './status.js';
import { escapeInline } from '../../kernel/markdown.js';
import { hasMarker, parseMarkers, withMarker } from '../../kernel/markers.js';
import { findAcknowledgement } from './ack.js';
import { businessDayMs, type ResponseClock, responseClock, stepDueAt, stepsDue } from './clock.js';
import {
  type EscalationConfig,
  hasAnyLabel,
  hasLabel,
  COMMANDS,
  sameLabel,
  type StatusConfig,
  type Step,
  type Target,
} from '../config/escalation.js';
import {
  type Acknowledgement,
  type EscalationState,
  isEmptyState,
  readState,
  STATE_MARKER,
  stateLine,
} from './state.js';
import {
  type Access,
  type Channels,
  type CommentSnapshot,
  type IssueSnapshot,
  type Occasion,
  TRIAGE_OR_MORE,
} from './types.js';
import type { Work } from './work.js';

/**
 * Everything the escalate capability decides about one issue, on one occasion (an issue event, a
 * new comment, the scheduled sweep): commands, status, the response clock and its escalation
 * steps, the playbook, notifications, and the state comment that lets the next run know what is
 * done. Pure: the clock, the roster, the config and GitHub's answers are inputs.
 */

export interface DecideInput {
  repo: RepoRef;
  issue: IssueSnapshot;
  /** Every comment on the issue, the kit's own included, oldest first. */
  comments: readonly CommentSnapshot[];
  occasion: Occasion;
  config: EscalationConfig;
  roster?: Roster;
  /** Playbook checklists by playbook name (null: the file is missing). */
  playbooks: Readonly<Record<string, string | null>>;
  channels: Channels;
  now: Date;
  /**
   * The repository access of the authors of unanswered commands (lower-case login), checked
   * through the API by the caller (see `unansweredCommands`).
   */
  access?: Readonly<Record<string, Access>>;
  /** What the issues named by unanswered `/duplicate` commands are (see `duplicateTargets`). */
  referenced?: Readonly<Record<number, Referenced>>;
}

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
  const work: Work = {
    labels: [...issue.labels],
    assignees: [...issue.assignees],
    state: issue.state,
    stateReason: issue.stateReason,
    comments: [],
    notify: [],
    remote: [],
    notes: [],
    statusEvents: [],
  };
  const team = new Set(Object.keys(roster?.people ?? {}).map((p) => p.toLowerCase()));
  const clock = responseClock(config, roster, issue.labels, issue.createdAt);
  const timeline = timelineOf(issue, clock, state);

  handleCommands(input, work, state, timeline);
  if (occasion.kind === 'issue-event') eventTransitions(occasion, work, config);

  // Acknowledgement: re-read every run; only a /ack is remembered (its author was checked once).
  if (work.ack) state.ack = work.ack;
  const ack = findAcknowledgement(issue, input.comments, {
    team,
    assignees: work.assignees,
    ...(config.acknowledgedLabel ? { label: config.acknowledgedLabel } : {}),
    ...(state.ack ? { recorded: state.ack } : {}),
    now,
  });

  if (work.state === 'open' && !ack && clock) escalate(input, clock, work, state);
  else if (ack && work.state === 'open' && state.steps < config.steps.length && clock)
    work.notes.push(`#${issue.number}: acknowledged by ${ack.by} (${ack.how}); no escalation`);

  pagerDuty(input, occasion, work, state, ack);
  playbook(input, clock, work, state, team);
  retryPending(stored.pending, work, issue.number);
  applyStatus(work, config);

  const operations: Operation[] = [...labelOperations(issue, work), ...work.comments];
  if (work.close)
    operations.push({
      kind: 'update-issue',
      issue: issue.number,
      state: 'closed',
      stateReason: work.close,
      reason: `closed by a command (${work.close})`,
    });
  // Where PagerDuty is reached is config, not a secret: it travels with the operation.
  const endpoint = config.pagerduty?.url;
  operations.push(
    ...work.notify.map((n) => (n.channel === 'pagerduty' && endpoint ? { ...n, endpoint } : n)),
  );
  if (!isEmptyState(state)) {
    const body = stateComment(issue, clock, state, ack, config);
    const unchanged = stored.body !== undefined && stored.body === withStateMarker(body);
    if (!unchanged || work.notify.length > 0)
      operations.push({
        kind: 'upsert-comment',
        issue: issue.number,
        marker: STATE_MARKER,
        body,
        recordFailedNotifications: true,
        pendingLabel: {
          name: NOTIFY_PENDING_LABEL,
          present: hasLabel(issue.labels, NOTIFY_PENDING_LABEL),
        },
        reason: 'record what the kit did for this issue',
      });
  }
  return { operations, notes: work.notes, remote: work.remote };
}

/** The state comment as the executor writes it (its marker line first), to compare with GitHub's. */
function withStateMarker(body: string): string {
  return withMarker(STATE_MARKER, body);
}

/**
 * The comments whose commands no run has handled yet, oldest first: newer than the last one
 * handled, not the kit's, not answered already. GitHub keeps only the newest pending run of a
 * concurrency group, so the run of one comment may be cancelled by a later one; whichever run
 * comes next handles them all, in order, once.
 */
export function unansweredCommands(
  comments: readonly CommentSnapshot[],
  config: EscalationConfig,
): CommentSnapshot[] {
  if (config.commands.enabled.length === 0) return [];
  const { state } = readState(comments);
  const replied = new Set(
    comments
      .filter((c) => c.bot)
      .flatMap((c) => parseMarkers(c.body))
      .filter((m) => m.kind === 'command-reply')
      .map((m) => m.keys.comment),
  );
  return comments
    .filter((c) => !c.bot && c.id > state.command && !replied.has(String(c.id)))
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
 * The run of a close event may never come (a later run of the same concurrency group cancels it),
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

/** Who a step's target is at the instant the step fell due: a role of the issue's schedule, or a login. */
function resolveTarget(
  target: Target,
  roster: Roster | undefined,
  labels: readonly string[],
  at: number,
): string | undefined {
  if (target.kind === 'login') return target.login;
  const route = roster ? routeFor(roster, labels) : undefined;
  if (!roster || !route) return undefined;
  return onCallAt(roster, route.schedule, new Date(at)).roles[target.role]?.login;
}

function escalate(
  input: DecideInput,
  clock: ResponseClock,
  work: Work,
  state: EscalationState,
): void {
  const { config, issue, roster, now } = input;
  const due = stepsDue(clock, config.steps, now.getTime());
  // Steps already taken are never taken again; a late run takes every step due since, at once.
  for (let n = state.steps + 1; n <= due; n++) {
    const step = config.steps[n - 1] as Step;
    const at = stepDueAt(clock, step) ?? now.getTime();
    const assign = step.assign
      .map((t) => resolveTarget(t, roster, work.labels, at))
      .filter((l): l is string => !!l && !l.includes('/'));
    const mention = [...step.assign, ...step.mention]
      .map((t) => resolveTarget(t, roster, work.labels, at))
      .filter((l): l is string => !!l);
    for (const login of assign)
      if (!work.assignees.some((a) => a.toLowerCase() === login.toLowerCase()))
        work.assignees.push(login);
    const label = `${config.stepLabelPrefix}${n}`;
    work.labels = [
      ...work.labels.filter(
        (l) => !l.toLowerCase().startsWith(config.stepLabelPrefix.toLowerCase()),
      ),
      label,
    ];
    const goal = `${clock.goal.minutes} business minutes`;
    const who = [...new Set(mention)].map((l) =>
      l.includes('/') ? `@${l}` : personRef(l, roster),
    );
    work.comments.push({
      kind: 'upsert-comment',
      issue: issue.number,
      marker: { kind: 'escalation-step', keys: { step: String(n) } },
      body: [
        `**Escalation, step ${n}**: nobody has acknowledged this issue ${step.afterMinutes ? `${step.afterMinutes} business minutes past` : 'within'} the response goal of ${goal} (due ${describeLocal(at, clock.window.timezone)}).`,
        assign.length ? `Assigned ${assign.map((l) => personRef(l, roster)).join(', ')}.` : '',
        who.length ? `${who.join(' ')}: please acknowledge with a comment or \`/ack\`.` : '',
      ]
        .filter(Boolean)
        .join(' '),
      reason: `step ${n} fell due at ${new Date(at).toISOString()} without an acknowledgement`,
    });
    if (step.notify) {
      notifyOnce(work, state, {
        channel: 'pagerduty',
        key: `pd-step-${n}`,
        enabled: input.channels.pagerduty && !!config.pagerduty?.onEscalation,
        payload: () =>
          pagerDutyTrigger(
            input.repo,
            { ...issue, labels: work.labels, assignees: work.assignees },
            {
              summary: `${input.repo.owner}/${input.repo.repo}#${issue.number} escalated (step ${n}): ${issue.title}`,
              severity: severityOf(work.labels, config.severities),
              timestamp: new Date(at).toISOString(),
              details: { step: n, goal },
            },
          ),
        issue: issue.number,
        reason: `escalation step ${n}`,
      });
      notifyOnce(work, state, {
        channel: 'webhook',
        key: `hook-step-${n}`,
        enabled: input.channels.webhook && !!config.webhook?.events.includes('escalation'),
        payload: () => escalationMessage(input.repo, issue, n, [...new Set(mention)], goal),
        issue: issue.number,
        reason: `escalation step ${n}`,
      });
    }
    work.notes.push(`#${issue.number}: escalation step ${n} (due ${new Date(at).toISOString()})`);
    state.steps = n;
  }
}

function notifyOnce(
  work: Work,
  state: EscalationState,
  n: {
    channel: Notify['channel'];
    key: string;
    enabled: boolean;
    payload: () => Record<string, unknown>;
    issue: number;
    reason: string;
  },
): void {
  if (!n.enabled || state.notified.includes(n.key)) return;
  state.notified.push(n.key);
  work.notify.push({
    kind: 'notify',
    channel: n.channel,
    issue: n.issue,
    key: n.key,
    payload: n.payload(),
    reason: n.reason,
  });
}

/**
 * Page on arrival (seed 000): on an issue event or a command, never by the sweep over old issues.
 * One alert at a time per issue: a reopened issue that was resolved pages again (a new trigger
 * with the same dedup_key opens a new alert once the old one is resolved), an acknowledgement
 * by `/ack` or the label acknowledges the open alert, and closing resolves it.
 */
function pagerDuty(
  input: DecideInput,
  occasion: Occasion,
  work: Work,
  state: EscalationState,
  ack: Acknowledgement | undefined,
): void {
  const pd = input.config.pagerduty;
  if (!pd || !input.channels.pagerduty) return;
  const { issue, repo } = input;
  const cycles = pageCycles(state.notified);
  // The first alert's keys stay as they were, so states written before reopening counted agree.
  const key = (base: string, cycle: number) => (cycle === 0 ? base : `${base}-${cycle + 1}`);
  const matches = pd.labels.length === 0 ? true : hasAnyLabel(work.labels, pd.labels);
  // A comment pages only when its command gave the issue a paging severity.
  const relabelled = work.labels.some((l) => !hasLabel(issue.labels, l));
  const arriving =
    (occasion.kind === 'comment' && relabelled) ||
    (occasion.kind === 'issue-event' &&
      (pd.labels.length === 0 ? ['opened', 'reopened'].includes(occasion.action) : true));
  if (work.state === 'open' && matches && arriving && cycles.triggers === cycles.resolves)
    notifyOnce(work, state, {
      channel: 'pagerduty',
      key: key('pd-trigger', cycles.triggers),
      enabled: true,
      payload: () =>
        pagerDutyTrigger(
          repo,
          { ...issue, labels: work.labels, assignees: work.assignees },
          {
            summary: `${repo.owner}/${repo.repo}#${issue.number}: ${issue.title}`,
            severity: severityOf(work.labels, input.config.severities),
            timestamp: issue.createdAt,
          },
        ),
      issue: issue.number,
      reason: `${cycles.triggers > 0 ? 'reopened' : 'new'} issue${pd.labels.length ? ` with ${pd.labels.filter((l) => hasLabel(work.labels, l)).join(', ')}` : ''}`,
    });
  const after = pageCycles(state.notified);
  const open = after.triggers > after.resolves || (after.resolves === 0 && after.steps);
  // A person's reply stops the clock but is no claim on the incident: only /ack and the label are.
  const label = input.config.acknowledgedLabel;
  const claimed = state.ack ?? (label && hasLabel(work.labels, label) ? ack : undefined);
  if (work.state === 'open' && open && claimed)
    notifyOnce(work, state, {
      channel: 'pagerduty',
      key: key('pd-ack', after.resolves),
      enabled: true,
      payload: () => pagerDutyAcknowledge(repo, issue.number),
      issue: issue.number,
      reason: state.ack ? `/ack by ${state.ack.by}` : 'the acknowledged label',
    });
  if (work.state === 'closed' && open && pd.resolveOnClose)
    notifyOnce(work, state, {
      channel: 'pagerduty',
      key: key('pd-resolve', after.resolves),
      enabled: true,
      payload: () => pagerDutyResolve(repo, issue.number),
      issue: issue.number,
      reason: 'the issue is closed',
    });
}

/** How many alerts the state says were triggered and resolved, and whether a step paged. */
function pageCycles(notified: readonly string[]): {
  triggers: number;
  resolves: number;
  steps: boolean;
} {
  return {
    triggers: notified.filter((k) => /^pd-trigger(-\d+)?$/.test(k)).length,
    resolves: notified.filter((k) => /^pd-resolve(-\d+)?$/.test(k)).length,
    steps: notified.some((k) => k.startsWith('pd-step-')),
  };
}

/** A role (backup, primary) is whoever holds it for the issue now; nobody: the role's name. */
function mentionOf(
  target: Target,
  roster: Roster | undefined,
  labels: readonly string[],
  at: number,
): string {
  const login = resolveTarget(target, roster, labels, at);
  if (login === undefined) return target.kind === 'role' ? target.role : '';
  return login.includes('/') ? `@${login}` : personRef(login, roster);
}

function playbook(
  input: DecideInput,
  clock: ResponseClock | undefined,
  work: Work,
  state: EscalationState,
  team: Set<string>,
): void {
  const { config, issue, now, roster } = input;
  const chosen = state.playbook
    ? config.playbooks.find((p) => p.name === state.playbook?.name)
    : playbookFor(config.playbooks, work.labels);
  if (!chosen) return;
  const assignees = work.assignees.map((a) => personRef(a, roster)).join(' ');
  if (!state.playbook) {
    if (work.state !== 'open') return;
    const text = input.playbooks[chosen.name];
    if (text == null) {
      work.notes.push(
        `#${issue.number}: playbook ${chosen.name} has no checklist (${chosen.file})`,
      );
      return;
    }
    work.comments.push({
      kind: 'upsert-comment',
      issue: issue.number,
      marker: { kind: 'playbook', keys: { name: chosen.name } },
      body: `**Playbook ${escapeInline(chosen.name)}** (from \`${escapeInline(chosen.file)}\`): work through it here, ticking each step.\n\n${text.trim()}`,
      reason: `the issue has ${chosen.labels.filter((l) => hasLabel(work.labels, l)).join(', ')}`,
    });
    state.playbook = { name: chosen.name, at: now.toISOString() };
    return;
  }
  const started = Date.parse(state.playbook.at);
  if (work.state === 'open') {
    if (chosen.customerUpdateMinutes) {
      const last = lastUpdate(
        input.comments,
        new Set([...team, ...work.assignees.map((a) => a.toLowerCase())]),
        issue.author,
        state.playbook.at,
      );
      const due = reminderDue(chosen.customerUpdateMinutes, last, now.getTime());
      if (due)
        work.comments.push({
          kind: 'upsert-comment',
          issue: issue.number,
          marker: { kind: 'playbook-reminder', keys: { since: due.since, n: String(due.n) } },
          body: `${assignees ? `${assignees}: ` : ''}no update for the customer since ${due.since} (${due.n * chosen.customerUpdateMinutes} minutes). Please post one, with a timeline for the resolution.`,
          reason: `no team update for ${chosen.customerUpdateMinutes} minutes or more`,
        });
    }
    const lead = chosen.leadership;
    if (lead && !state.leadership && now.getTime() - started >= lead.afterMinutes * MINUTE_MS) {
      const who = lead.mention.map((t) => mentionOf(t, roster, work.labels, now.getTime()));
      work.comments.push({
        kind: 'upsert-comment',
        issue: issue.number,
        marker: { kind: 'playbook-leadership', keys: {} },
        body: `${who.join(' ')}: this incident has been open for ${lead.afterMinutes} minutes under playbook ${escapeInline(chosen.name)}; leadership is looped in.`,
        reason: `playbook ${chosen.name}: open for ${lead.afterMinutes} minutes`,
      });
      notifyOnce(work, state, {
        channel: 'webhook',
        key: 'hook-leadership',
        enabled: input.channels.webhook && !!config.webhook?.events.includes('leadership'),
        payload: () =>
          leadershipMessage(
            input.repo,
            issue,
            lead.afterMinutes,
            lead.mention.map(
              (t) =>
                resolveTarget(t, roster, work.labels, now.getTime()) ??
                (t.kind === 'role' ? t.role : ''),
            ),
          ),
        issue: issue.number,
        reason: 'loop leadership in',
      });
      state.leadership = true;
    }
    return;
  }
  const closedAt = issue.closedAt;
  if (work.stateReason !== 'completed' || !closedAt || chosen.afterClose.length === 0 || !clock)
    return;
  const dates = dueDates(chosen, clock.window, businessDayMs(clock.window), closedAt);
  const existing = input.comments.find(
    (c) => c.bot && hasMarker(c.body, { kind: 'playbook-due', keys: { name: chosen.name } }),
  );
  const ticked = tickedItems(existing?.body);
  const isTicked = (name: string) => ticked.has(escapeInline(name).toLowerCase());
  const when = (at: number | undefined) =>
    at === undefined ? 'no business day within a year' : describeLocal(at, clock.window.timezone);
  work.comments.push({
    kind: 'upsert-comment',
    issue: issue.number,
    marker: { kind: 'playbook-due', keys: { name: chosen.name } },
    body: [
      `**After the incident** (playbook ${escapeInline(chosen.name)}; resolved ${describeLocal(Date.parse(closedAt), clock.window.timezone)}, counted on ${escapeInline(clock.window.label)}). Tick each item when it is done.`,
      '',
      ...dates.map(
        (d) => `- [${isTicked(d.name) ? 'x' : ' '}] **${escapeInline(d.name)}** due ${when(d.at)}`,
      ),
    ].join('\n'),
    reason: `playbook ${chosen.name}: the issue was resolved`,
  });
  for (const d of dates) {
    if (d.at === undefined || d.at > now.getTime() || isTicked(d.name)) continue;
    work.comments.push({
      kind: 'upsert-comment',
      issue: issue.number,
      marker: { kind: 'playbook-due-reminder', keys: { item: slug(d.name) } },
      body: `${assignees ? `${assignees}: ` : ''}the **${escapeInline(d.name)}** was due ${when(d.at)}. Tick it in the list above once it is done.`,
      reason: `${d.name} is due`,
    });
  }
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
): string[] {
  const lines = [`Opened ${issue.createdAt} by **${escapeInline(issue.author)}**.`];
  if (clock)
    lines.push(
      `Response goal: ${clock.goal.minutes} business minutes on ${escapeInline(clock.source)}; due ${clock.dueAt === undefined ? 'never (the calendar does not open)' : describeLocal(clock.dueAt, clock.window.timezone)}.`,
    );
  if (state.steps > 0) lines.push(`Escalation steps taken: ${state.steps}.`);
  if (state.playbook)
    lines.push(`Playbook ${escapeInline(state.playbook.name)} started ${state.playbook.at}.`);
  if (issue.closedAt) lines.push(`Closed ${issue.closedAt}.`);
  return lines;
}

function stateComment(
  issue: IssueSnapshot,
  clock: ResponseClock | undefined,
  state: EscalationState,
  ack: ReturnType<typeof findAcknowledgement>,
  config: EscalationConfig,
): string {
  const lines = timelineOf(issue, clock, state);
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
  return [stateLine(state), '**Response clock**', '', ...lines.map((l) => `- ${l}`)].join('\n');
}
