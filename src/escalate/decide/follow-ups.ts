import { escapeInline } from '../../kernel/markdown.js';
import { FOLLOW_UP_LABEL, followUpMarker } from '../../kernel/kit-records.js';
import type { OpenSubIssues, SubIssueItem } from '../../kernel/plan.js';
import { addBusinessMs } from '../../roster/business-time.js';
import type { ResponseClock } from '../../roster/response-clock.js';
import { describeLocal } from '../../roster/time.js';
import { type DueItem, itemKey, type Playbook } from '../config/escalation.js';
import { businessDayMs } from './clock.js';
import { personRef } from './commands/run.js';
import type { DecideInput } from './input.js';
import { dueDates } from './playbook.js';
import type { EscalationState } from './state.js';
import { mentionOf, resolveTarget } from './targets.js';
import type { FollowUpSnapshot } from './types.js';
import type { Work } from './work.js';

/**
 * Seed 003 ends every Sev 1 with a retrospective within 1 business day of the resolution, a
 * summary within 2 and the customer's copy within 3. When a playbook incident is closed as
 * completed, each of its `after-close` items becomes an issue of its own, a sub-issue of the
 * incident, assigned per the playbook and due N business days of the incident's clock after the
 * close. The state records that they were opened, so a re-run, or the incident reopened and
 * closed again, opens nothing twice.
 */
export function openFollowUps(
  input: DecideInput,
  chosen: Playbook,
  clock: ResponseClock,
  work: Work,
  state: EscalationState,
): void {
  const { issue } = input;
  const closedAt = issue.closedAt;
  if (work.stateReason !== 'completed' || !closedAt || chosen.afterClose.length === 0) return;
  if (state.followUps) return;
  const dates = dueDates(chosen, clock.window, businessDayMs(clock.window), closedAt);
  const op: OpenSubIssues = {
    kind: 'open-sub-issues',
    issue: issue.number,
    labels: [FOLLOW_UP_LABEL],
    items: chosen.afterClose.map((item, i) => followUpItem(input, work, clock, item, dates[i]?.at)),
    reason: `playbook ${chosen.name}: the incident was resolved; its follow-ups fall due`,
  };
  work.comments.push(op);
  state.followUps = closedAt;
}

const MAX_ASSIGNEES = 10;
/** GitHub's limit on an issue title. */
const MAX_TITLE = 256;

function followUpItem(
  input: DecideInput,
  work: Work,
  clock: ResponseClock,
  item: DueItem,
  due: number | undefined,
): SubIssueItem {
  const { issue } = input;
  const who = assigneesOf(input, work, item);
  const zone = clock.window.timezone;
  const when =
    due === undefined
      ? 'no business day within a year: set a date by hand'
      : `**${describeLocal(due, zone)}**`;
  const closed = describeLocal(Date.parse(issue.closedAt ?? ''), zone);
  const lines = [
    `**${escapeInline(item.name)}** for #${issue.number}, due ${when}: ${item.businessDays} business day${item.businessDays === 1 ? '' : 's'} after the incident was resolved (${closed}), counted on ${escapeInline(clock.window.label)}.`,
    '',
    [
      who.logins.length > 0
        ? `Assigned to ${who.logins.map((l) => personRef(l, input.roster)).join(', ')}.`
        : 'Nobody could be assigned: assign who does it.',
      who.teams.length > 0 ? `For ${who.teams.join(' ')}.` : '',
    ]
      .filter(Boolean)
      .join(' '),
  ];
  if (item.body) lines.push('', item.body.trim());
  lines.push(
    '',
    'Close this issue when it is done. Until then its assignees are reminded here when it falls due, and once more a business day later.',
  );
  return {
    marker: followUpMarker({
      parent: issue.number,
      item: itemKey(item.name),
      ...(due !== undefined ? { due: new Date(due).toISOString() } : {}),
    }),
    title: `${item.name}: ${issue.title}`.slice(0, MAX_TITLE),
    body: lines.join('\n'),
    assignees: who.logins.slice(0, MAX_ASSIGNEES),
  };
}

/**
 * The logins to assign and the teams to mention: the incident's assignees, whoever held a role
 * of its schedule when it closed, or a login. Teams cannot be assignees on GitHub.
 */
function assigneesOf(
  input: DecideInput,
  work: Work,
  item: DueItem,
): { logins: string[]; teams: string[] } {
  const at = Date.parse(input.issue.closedAt ?? '');
  const logins: string[] = [];
  const teams: string[] = [];
  const add = (login: string) => {
    if (!logins.some((l) => l.toLowerCase() === login.toLowerCase())) logins.push(login);
  };
  for (const target of item.assign) {
    if (target.kind === 'assignees') work.assignees.forEach(add);
    else if (target.kind === 'login' && target.login.includes('/'))
      teams.push(mentionOf(target, input.roster, work.labels, at));
    else {
      const login = resolveTarget(target, input.roster, work.labels, at);
      if (login !== undefined) add(login);
    }
  }
  return { logins, teams };
}

/** The two reminders a follow-up gets: when it falls due, and a business day later. */
type Stage = 'due' | 'overdue';

/**
 * A reminder on each open follow-up of the incident (as the sweep listed them) when it falls due
 * and once more when it is a business day overdue, mentioning its assignees. A late run posts
 * only the latest one due. The state records each, so no tick repeats one.
 */
export function remindFollowUps(
  input: DecideInput,
  clock: ResponseClock,
  work: Work,
  state: EscalationState,
): void {
  const now = input.now.getTime();
  for (const followUp of input.followUps ?? []) {
    if (followUp.state !== 'open' || followUp.due === undefined) continue;
    const due = Date.parse(followUp.due);
    const overdue = addBusinessMs(clock.window, due, businessDayMs(clock.window));
    const stage: Stage | undefined =
      overdue !== undefined && now >= overdue ? 'overdue' : now >= due ? 'due' : undefined;
    if (!stage) continue;
    const key = `${followUp.item}:${stage}`;
    // Once overdue was said, "due now" is old news.
    if (state.reminded.includes(key) || state.reminded.includes(`${followUp.item}:overdue`))
      continue;
    state.reminded.push(key);
    work.comments.push({
      kind: 'upsert-comment',
      issue: followUp.number,
      marker: { kind: 'follow-up-reminder', keys: { stage } },
      body: reminderText(input, followUp, stage, describeLocal(due, clock.window.timezone)),
      reason: `follow-up #${followUp.number} of #${input.issue.number} is ${stage === 'due' ? 'due' : 'a business day overdue'}`,
    });
  }
}

function reminderText(
  input: DecideInput,
  followUp: FollowUpSnapshot,
  stage: Stage,
  when: string,
): string {
  const who = followUp.assignees.map((a) => personRef(a, input.roster)).join(' ');
  const to = who ? `${who}: ` : 'Nobody is assigned to this; ';
  return stage === 'due'
    ? `${to}this follow-up of #${input.issue.number} is due now (${when}). Close it once it is done.`
    : `${to}this follow-up of #${input.issue.number} was due ${when} and is a business day late. Close it once it is done, or say here what holds it up.`;
}
