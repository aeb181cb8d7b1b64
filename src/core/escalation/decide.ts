import { parseCommands } from '../commands/parse.js';
import { personRef, runCommand } from '../commands/run.js';
import { pagerDutyResolve, pagerDutyTrigger, severityOf } from '../notify/pagerduty.js';
import type { PendingNotification } from '../notify/pending.js';
import { escalationMessage, leadershipMessage } from '../notify/slack.js';
import type { Notify, Operation, RepoRef } from '../plan/types.js';
import {
  dueDates,
  lastUpdate,
  playbookFor,
  reminderDue,
  slug,
  tickedItems,
} from '../playbooks/playbook.js';
import { onCallAt } from '../roster/resolve.js';
import { routeFor } from '../roster/routes.js';
import { describeLocal, MINUTE_MS } from '../roster/time.js';
import type { Roster } from '../roster/types.js';
import { keepOne, statusFor, statusLabels, withStatus } from '../status/lifecycle.js';
import { escapeInline } from '../text/markdown.js';
import { hasMarker } from '../markers/markers.js';
import { findAcknowledgement } from './ack.js';
import { businessDayMs, type ResponseClock, responseClock, stepDueAt, stepsDue } from './clock.js';
import {
  type EscalationConfig,
  hasAnyLabel,
  hasLabel,
  sameLabel,
  type Step,
  type Target,
} from './config.js';
import { type EscalationState, isEmptyState, readState, STATE_MARKER, stateLine } from './state.js';
import {
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

  if (occasion.kind === 'comment') handleCommands(input, occasion, work, state, timeline);
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

  pagerDuty(input, occasion, work, state);
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
      reason: 'closed by /duplicate',
    });
  operations.push(...work.notify);
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
        reason: 'record what the kit did for this issue',
      });
  }
  return { operations, notes: work.notes, remote: work.remote };
}

/** The state comment as the executor writes it (its marker line first), to compare with GitHub's. */
function withStateMarker(body: string): string {
  return `<!-- support-kit:escalation -->\n${body}`;
}

function handleCommands(
  input: DecideInput,
  occasion: Extract<Occasion, { kind: 'comment' }>,
  work: Work,
  state: EscalationState,
  timeline: string[],
): void {
  const { comment } = occasion;
  const replied = input.comments.some(
    (c) =>
      c.bot && hasMarker(c.body, { kind: 'command-reply', keys: { comment: String(comment.id) } }),
  );
  if (comment.bot || comment.id <= state.command || replied) return;
  const commands = parseCommands(comment.body);
  if (commands.length === 0 || input.config.commands.enabled.length === 0) return;
  state.command = comment.id;
  const reply: string[] = [];
  if (!TRIAGE_OR_MORE.includes(occasion.access)) {
    reply.push(
      `**${escapeInline(comment.author)}**: commands are for people with triage access or more to this repository; nothing was done.`,
    );
    work.notes.push(
      `#${input.issue.number}: ${comment.author} (${occasion.access}) may not use ${commands.map((c) => `/${c.name}`).join(', ')}`,
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
      work.statusEvents.push(
        work.stateReason === 'not_planned' ? 'closed-not-planned' : 'closed-completed',
      );
      return;
    case 'labeled':
      if (occasion.label && config.status?.labels.some((l) => sameLabel(l, occasion.label ?? '')))
        work.statusAdded = occasion.label;
      return;
  }
}

/** Exactly one status: a command's, else the one a person just added, else the events' moves. */
function applyStatus(work: Work, config: EscalationConfig): void {
  const status = config.status;
  if (!status) return;
  let current = keepOne(work.labels, status, work.statusAdded);
  if (work.statusSet) current = work.statusSet;
  else if (!work.statusAdded)
    for (const event of work.statusEvents) current = statusFor(event, current, status) ?? current;
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

/** Page on arrival (seed 000): on an issue event or a command, never by the sweep over old issues. */
function pagerDuty(
  input: DecideInput,
  occasion: Occasion,
  work: Work,
  state: EscalationState,
): void {
  const pd = input.config.pagerduty;
  if (!pd || !input.channels.pagerduty) return;
  const { issue, repo } = input;
  const matches = pd.labels.length === 0 ? true : hasAnyLabel(work.labels, pd.labels);
  // A comment pages only when its command gave the issue a paging severity.
  const relabelled = work.labels.some((l) => !hasLabel(issue.labels, l));
  const arriving =
    (occasion.kind === 'comment' && relabelled) ||
    (occasion.kind === 'issue-event' &&
      (pd.labels.length === 0 ? occasion.action === 'opened' : true));
  if (work.state === 'open' && matches && arriving)
    notifyOnce(work, state, {
      channel: 'pagerduty',
      key: 'pd-trigger',
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
      reason: `new issue${pd.labels.length ? ` with ${pd.labels.filter((l) => hasLabel(work.labels, l)).join(', ')}` : ''}`,
    });
  const paged = state.notified.some((k) => k.startsWith('pd-trigger') || k.startsWith('pd-step-'));
  if (work.state === 'closed' && paged && pd.resolveOnClose)
    notifyOnce(work, state, {
      channel: 'pagerduty',
      key: 'pd-resolve',
      enabled: true,
      payload: () => pagerDutyResolve(repo, issue.number),
      issue: issue.number,
      reason: 'the issue is closed',
    });
}

function mentionOf(target: Target, roster: Roster | undefined): string {
  if (target.kind === 'role') return target.role;
  return target.login.includes('/') ? `@${target.login}` : personRef(target.login, roster);
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
      const who = lead.mention.map((t) => mentionOf(t, roster));
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
            lead.mention.map((t) => (t.kind === 'role' ? t.role : t.login)),
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

/** A notification that failed on the previous run is sent again, exactly as it was. */
function retryPending(pending: readonly PendingNotification[], work: Work, issue: number): void {
  for (const p of pending) {
    if (work.notify.some((n) => n.key === p.key)) continue;
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
  const assign = work.assignees.filter((a) => !had.has(a.toLowerCase()));
  const unassign = issue.assignees.filter((a) => !has.has(a.toLowerCase()));
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
