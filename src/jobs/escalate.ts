import { type LoadedConfig, loadConfig } from '../config/load.js';
import { type ConfigProblem, hasErrors } from '../config/problems.js';
import { locate } from '../config/yaml.js';
import {
  defaultEscalation,
  type EscalationConfig,
  escalationFrom,
  PAGERDUTY_EVENTS_URL,
} from '../core/escalation/config.js';
import { decideIssue } from '../core/escalation/decide.js';
import { CLOSED_HORIZON_DAYS, mayHaveWorkDue } from '../core/escalation/sweep.js';
import {
  type Access,
  type Channels,
  type CommentSnapshot,
  isBotLogin,
  type IssueSnapshot,
  type Occasion,
} from '../core/escalation/types.js';
import { parseCommands } from '../core/commands/parse.js';
import { emptyPlan, type Plan, type RepoRef } from '../core/plan/types.js';
import { rosterFrom } from '../core/roster/from-yaml.js';
import type { Roster } from '../core/roster/types.js';
import { createOctokit, writePacingFromEnv } from '../github/client.js';
import { createNotifier } from '../github/notify.js';
import type { GitHubComment, GitHubIssue } from '../github/types.js';
import type { Job, JobContext, JobOutcome } from './types.js';

/** GitHub's issue as a webhook or the REST API gives it. */
interface IssuePayload {
  number: number;
  title: string;
  body: string | null;
  user: { login: string; type?: string } | null;
  labels: { name: string }[];
  assignees?: { login: string }[];
  state: 'open' | 'closed';
  state_reason?: string | null;
  created_at: string;
  closed_at: string | null;
  html_url: string;
  comments?: number;
  pull_request?: unknown;
}

interface CommentPayload {
  id: number;
  body: string;
  user: { login: string; type?: string } | null;
  created_at: string;
}

/** Issue events after which another step of the same job may have labelled the issue. */
const FRESH_ON: readonly string[] = ['opened', 'reopened'];

const ACCESS: readonly Access[] = ['admin', 'maintain', 'write', 'triage', 'read', 'none'];

/**
 * Escalation, statuses, commands, playbooks and notifications. On an issue event or a new
 * comment, the one issue is decided; on schedule, every open issue whose next step may be due
 * (and recently closed ones under a playbook) is swept, so dropped or late cron runs catch up.
 */
export const escalateJob: Job = async (context) => {
  const config = await loadConfig(context.source, { only: ['escalation', 'roster'] });
  const file = config.files.find((f) => f.spec.name === 'escalation');
  const rosterFile = config.files.find((f) => f.spec.name === 'roster');
  if (hasErrors(config.problems))
    return { config, plans: [emptyPlan('escalate', context.repo, ['the config has errors'])] };
  const escalation = file ? escalationFrom(file.yaml.value) : defaultEscalation();
  const roster = rosterFile ? rosterFrom(rosterFile.yaml.value) : undefined;
  const problems = crossCheck(config, escalation, roster);
  const playbooks: Record<string, string | null> = {};
  for (const [i, playbook] of escalation.playbooks.entries()) {
    playbooks[playbook.name] = await context.source.read(playbook.file);
    if (playbooks[playbook.name] === null && file)
      problems.push({
        file: file.path,
        ...locate(file.yaml, [
          'playbooks',
          playbook.name,
          escalation.playbooks[i]?.file ? 'file' : 'labels',
        ]),
        severity: 'error',
        message: `playbooks.${playbook.name}: ${context.source.folder}/${playbook.file} does not exist`,
      });
  }
  if (hasErrors(problems))
    return {
      config,
      problems,
      plans: [emptyPlan('escalate', context.repo, ['the config has errors'])],
    };

  const channels = await connect(context, escalation);
  const notes = [
    file
      ? `escalation.yaml: ${escalation.goals.length} goal(s), ${escalation.steps.length} step(s)`
      : 'no escalation.yaml: a one-business-hour goal and no steps',
    roster ? 'roster.yaml read' : 'no roster.yaml: the clock counts wall-clock time',
    `channels: ${[channels.pagerduty ? 'PagerDuty' : '', channels.webhook ? 'webhook' : ''].filter(Boolean).join(', ') || 'none'}`,
  ];

  const { event } = context;
  if (event.name === 'issues' || event.name === 'issue_comment') {
    const sent = event.payload.issue as IssuePayload | undefined;
    if (!sent || sent.pull_request)
      return { config, problems, plans: [emptyPlan('escalate', context.repo, ['not an issue'])] };
    // On a new or reopened issue, intake runs just before in the same job and may add the
    // severity from the form; its labels start no workflow run, so they are read here, or an S1
    // chosen on the form would never page.
    const payload = FRESH_ON.includes(event.action ?? '')
      ? ((await context.gateway.getIssue(sent.number)) as unknown as IssuePayload)
      : sent;
    const issue = snapshotOf(payload);
    const comments = payload.comments === 0 ? [] : await readComments(context, issue.number);
    let occasion: Occasion;
    if (event.name === 'issue_comment') {
      const raw = event.payload.comment as CommentPayload | undefined;
      if (!raw)
        return { config, problems, plans: [emptyPlan('escalate', context.repo, ['no comment'])] };
      const comment = commentOf(raw);
      const wantsAccess =
        !comment.bot &&
        parseCommands(comment.body).length > 0 &&
        escalation.commands.enabled.length > 0;
      const access = wantsAccess
        ? accessOf(await context.gateway.permissionOf(comment.author))
        : 'none';
      occasion = { kind: 'comment', comment, access };
      if (!comments.some((c) => c.id === comment.id)) comments.push(comment);
    } else {
      const label = (event.payload.label as { name?: string } | undefined)?.name;
      occasion = { kind: 'issue-event', action: event.action ?? '', ...(label ? { label } : {}) };
    }
    return outcome(context, config, problems, notes, [
      decideIssue({
        repo: context.repo,
        issue,
        comments,
        occasion,
        config: escalation,
        ...opt(roster),
        playbooks,
        channels,
        now: context.now,
      }),
    ]);
  }

  // Scheduled (or dispatched): sweep.
  const open = (await context.gateway.listIssues({ state: 'open' })).filter((i) => !i.pull_request);
  const since = new Date(context.now.getTime() - CLOSED_HORIZON_DAYS * 86_400_000).toISOString();
  const followsClosed = escalation.playbooks.length > 0 || escalation.pagerduty !== undefined;
  const closed = followsClosed
    ? (await context.gateway.listIssues({ state: 'closed', since })).filter((i) => !i.pull_request)
    : [];
  const decisions = [];
  let looked = 0;
  for (const found of [...open, ...closed]) {
    const raw = found as unknown as IssuePayload;
    const issue = snapshotOf(raw);
    if (!mayHaveWorkDue(issue, escalation, roster, context.now)) continue;
    looked += 1;
    const comments = raw.comments === 0 ? [] : await readComments(context, issue.number);
    decisions.push(
      decideIssue({
        repo: context.repo,
        issue,
        comments,
        occasion: { kind: 'sweep' },
        config: escalation,
        ...opt(roster),
        playbooks,
        channels,
        now: context.now,
      }),
    );
  }
  notes.push(
    `${open.length} open and ${closed.length} recently closed issue(s); ${looked} looked at`,
  );
  return outcome(context, config, problems, notes, decisions);
};

const opt = (roster: Roster | undefined) => (roster ? { roster } : {});

function outcome(
  context: JobContext,
  config: LoadedConfig,
  problems: ConfigProblem[],
  notes: string[],
  decisions: ReturnType<typeof decideIssue>[],
): JobOutcome {
  const plan = emptyPlan('escalate', context.repo, notes);
  const remote = new Map<string, Plan>();
  for (const d of decisions) {
    plan.operations.push(...d.operations);
    plan.notes.push(...d.notes);
    for (const other of d.remote) {
      const key = `${other.repo.owner}/${other.repo.repo}`.toLowerCase();
      const existing = remote.get(key);
      if (existing) existing.operations.push(...other.operations);
      else remote.set(key, { ...other, notes: [...other.notes] });
    }
  }
  return { config, problems, plans: [plan, ...remote.values()] };
}

/**
 * Secrets come from the action's inputs only: the PagerDuty routing key, the webhook URL and a
 * token for the repositories `/escalate` may open issues in.
 */
async function connect(context: JobContext, escalation: EscalationConfig): Promise<Channels> {
  const routingKey = context.input('pagerduty-routing-key');
  const webhookUrl = context.input('slack-webhook-url');
  const token = context.input('escalation-token');
  context.gateway.notifier = createNotifier({
    ...(routingKey
      ? { pagerduty: { url: escalation.pagerduty?.url ?? PAGERDUTY_EVENTS_URL, routingKey } }
      : {}),
    ...(webhookUrl ? { webhook: { url: webhookUrl } } : {}),
  });
  if (token && escalation.commands.escalateTo.length > 0) {
    const octokit = await createOctokit({
      token,
      baseUrl: String(context.gateway.octokit.request.endpoint.DEFAULTS.baseUrl),
      ...writePacingFromEnv(),
      log: context.log,
    });
    for (const target of escalation.commands.escalateTo) {
      const [owner = '', repo = ''] = target.split('/');
      context.gateway.useClientFor({ owner, repo } satisfies RepoRef, octokit);
    }
  }
  return {
    pagerduty: !!routingKey && escalation.pagerduty !== undefined,
    webhook: !!webhookUrl && escalation.webhook !== undefined,
    escalationToken: !!token,
  };
}

/** Names in escalation.yaml that must exist in roster.yaml (its calendars). */
function crossCheck(
  config: LoadedConfig,
  escalation: EscalationConfig,
  roster: Roster | undefined,
): ConfigProblem[] {
  const file = config.files.find((f) => f.spec.name === 'escalation');
  if (!file) return [];
  const problems: ConfigProblem[] = [];
  for (const goal of escalation.goals) {
    if (goal.calendar.kind !== 'named') continue;
    if (roster?.calendars[goal.calendar.name]) continue;
    const explicit =
      (file.yaml.value as { response?: { goals?: { calendar?: unknown }[] } }).response?.goals?.[
        goal.index
      ]?.calendar !== undefined;
    problems.push({
      file: file.path,
      ...locate(
        file.yaml,
        explicit ? ['response', 'goals', goal.index, 'calendar'] : ['response', 'calendar'],
      ),
      severity: 'error',
      message: roster
        ? `unknown calendar "${goal.calendar.name}" (roster.yaml has: ${Object.keys(roster.calendars).join(', ') || 'none'})`
        : `calendar "${goal.calendar.name}" needs a roster.yaml with that calendar`,
    });
  }
  return problems;
}

async function readComments(context: JobContext, issue: number): Promise<CommentSnapshot[]> {
  return (await context.gateway.listComments(issue)).map((c: GitHubComment) => commentOf(c));
}

function commentOf(c: CommentPayload | GitHubComment): CommentSnapshot {
  const login = c.user?.login ?? 'ghost';
  return {
    id: c.id,
    author: login,
    bot: isBotLogin(login, c.user?.type),
    body: c.body ?? '',
    createdAt: c.created_at,
  };
}

function snapshotOf(issue: IssuePayload | GitHubIssue): IssueSnapshot {
  const i = issue as IssuePayload;
  return {
    number: i.number,
    title: i.title,
    body: i.body ?? '',
    author: i.user?.login ?? 'ghost',
    url: i.html_url,
    labels: i.labels.map((l) => l.name),
    assignees: (i.assignees ?? []).map((a) => a.login),
    state: i.state,
    stateReason: i.state_reason ?? null,
    createdAt: i.created_at,
    closedAt: i.closed_at ?? null,
  };
}

function accessOf(role: string): Access {
  return (ACCESS as readonly string[]).includes(role) ? (role as Access) : 'none';
}
