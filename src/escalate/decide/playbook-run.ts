import { leadershipMessage } from '../../notify/slack.js';
import { escapeInline } from '../../kernel/markdown.js';
import { MINUTE_MS } from '../../roster/time.js';
import type { Roster } from '../../roster/types.js';
import { hasLabel, type Playbook } from '../config/escalation.js';
import { personRef } from './commands/run.js';
import type { ResponseClock } from '../../roster/response-clock.js';
import type { DecideInput } from './input.js';
import { openFollowUps, remindFollowUps } from './follow-ups.js';
import { lastUpdate, playbookFor, reminderDue } from './playbook.js';
import type { EscalationState } from './state.js';
import { mentionOf, resolveTarget } from './targets.js';
import { notifyOnce, type Work } from './work.js';

/**
 * A playbook on one issue, run by run: its checklist once the issue takes one of its labels,
 * then, while the issue is open, the customer-update reminders and leadership; once it is
 * resolved, its follow-ups as sub-issues and their reminders (follow-ups.ts).
 */
export function playbook(
  input: DecideInput,
  clock: ResponseClock | undefined,
  work: Work,
  state: EscalationState,
  team: Set<string>,
): void {
  const { config } = input;
  // Once started, the playbook stays the one it was, whatever happens to the labels.
  const chosen = state.playbook
    ? config.playbooks.find((p) => p.name === state.playbook?.name)
    : playbookFor(config.playbooks, work.labels);
  if (!chosen) return;
  if (!state.playbook) {
    if (work.state === 'open') startPlaybook(input, chosen, work, state);
    return;
  }
  if (work.state === 'open') {
    remindCustomerUpdate(input, chosen, work, state.playbook.at, team);
    loopLeadershipIn(input, chosen, work, state, Date.parse(state.playbook.at));
  } else if (clock) openFollowUps(input, chosen, clock, work, state);
  // Follow-ups run their course even if the incident is reopened.
  if (clock && state.followUps) remindFollowUps(input, clock, work, state);
}

function startPlaybook(
  input: DecideInput,
  chosen: Playbook,
  work: Work,
  state: EscalationState,
): void {
  const { issue } = input;
  const text = input.playbooks[chosen.name];
  if (text == null) {
    work.notes.push(`#${issue.number}: playbook ${chosen.name} has no checklist (${chosen.file})`);
    return;
  }
  work.comments.push({
    kind: 'upsert-comment',
    issue: issue.number,
    marker: { kind: 'playbook', keys: { name: chosen.name } },
    body: `**Playbook ${escapeInline(chosen.name)}** (from \`${escapeInline(chosen.file)}\`): work through it here, ticking each step.\n\n${text.trim()}`,
    alone: true,
    reason: `the issue has ${chosen.labels.filter((l) => hasLabel(work.labels, l)).join(', ')}`,
  });
  state.playbook = { name: chosen.name, at: input.now.toISOString() };
}

/** "@amy @bob: " before a reminder, or nothing on an issue nobody is assigned. */
function assigneesFirst(work: Work, roster: Roster | undefined): string {
  const assignees = work.assignees.map((a) => personRef(a, roster)).join(' ');
  return assignees ? `${assignees}: ` : '';
}

function remindCustomerUpdate(
  input: DecideInput,
  chosen: Playbook,
  work: Work,
  startedAt: string,
  team: Set<string>,
): void {
  const minutes = chosen.customerUpdateMinutes;
  if (!minutes) return;
  const { issue } = input;
  const last = lastUpdate(
    input.comments,
    new Set([...team, ...work.assignees.map((a) => a.toLowerCase())]),
    issue.author,
    startedAt,
  );
  const due = reminderDue(minutes, last, input.now.getTime());
  if (due)
    work.comments.push({
      kind: 'upsert-comment',
      issue: issue.number,
      marker: { kind: 'playbook-reminder', keys: { since: due.since, n: String(due.n) } },
      body: `${assigneesFirst(work, input.roster)}no update for the customer since ${due.since} (${due.n * minutes} minutes). Please post one, with a timeline for the resolution.`,
      reason: `no team update for ${minutes} minutes or more`,
    });
}

function loopLeadershipIn(
  input: DecideInput,
  chosen: Playbook,
  work: Work,
  state: EscalationState,
  started: number,
): void {
  const { issue, roster, now } = input;
  const lead = chosen.leadership;
  if (!lead || state.leadership) return;
  const due = now.getTime() - started >= lead.afterMinutes * MINUTE_MS;
  if (!due) return;
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
    enabled: input.channels.webhook && !!input.config.webhook?.events.includes('leadership'),
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
