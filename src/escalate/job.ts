import { type LoadedConfig, loadConfig } from '../config/load.js';
import type { CommentPayload, IssuePayload } from '../github/types.js';
import { ESCALATION_FILE } from './config/spec.js';
import { ROSTER_FILE } from '../roster/config/spec.js';
import { type ConfigProblem, hasErrors } from '../kernel/problems.js';
import { defaultEscalation, type EscalationConfig, escalationFrom } from './config/escalation.js';
import { crossCheckEscalation } from './config/crosscheck.js';
import { decideIssue, type IssueDecision, unansweredCommands } from './decide/decide.js';
import { DESK_NOW_MARKER, type DeskIssue, decideDeskNow } from './decide/desk-now.js';
import { hasMarker } from '../kernel/markers.js';
import { followUpOf, isKitIssue } from '../kernel/kit-records.js';
import { someOf } from '../kernel/caps.js';
import { type KitIdentity, kitWritten } from '../kernel/kit-identity.js';
import { CLOSED_HORIZON_DAYS, mayHaveWorkDue } from './decide/sweep.js';
import { needsLabelHistory } from './decide/clock.js';
import {
  type Access,
  type Channels,
  type CommentSnapshot,
  type FollowUpSnapshot,
  isBotLogin,
  type IssueSnapshot,
  type Occasion,
  TRIAGE_OR_MORE,
} from './decide/types.js';
import { duplicateTargets, fixedByTargets, type Referenced } from './decide/commands/run.js';
import { type FixFacts, fixKey, type FixTargets } from './decide/fix.js';
import { engineeringFacts, releaseFacts } from './fixes.js';
import { type EscalationState, readState } from './decide/state.js';
import type { FixLink } from '../kernel/fix-link.js';
import { AWAITING_FIX_LABEL } from '../kernel/kit-labels.js';
import { emptyPlan, type Operation, type Plan, type RepoRef } from '../kernel/plan.js';
import { rosterFrom } from '../roster/config/from-yaml.js';
import type { Roster } from '../roster/types.js';
import { type Gateway, IssueMoved, sameRepo, statusOf } from '../github/gateway.js';
import type { GitHubComment, GitHubIssue, GitHubRelease } from '../github/types.js';
import { freshIssue } from '../job/fresh-issue.js';
import type { Job, JobContext, JobOutcome } from '../job/contract.js';

/** Issue events after which another step of the same job may have labelled the issue. */
const FRESH_ON: readonly string[] = ['opened', 'reopened', 'edited'];

const ACCESS: readonly Access[] = ['admin', 'maintain', 'write', 'triage', 'read', 'none'];

/**
 * Requests a run may spend per item, over the whole sweep: a permission check per commenter (a
 * command whose author is left unchecked waits for the next run, in order) and a lookup per issue
 * a `/duplicate` names (one over the cap is answered "could not be checked").
 */
const PERMISSION_CHECKS = 20;
const DUPLICATE_LOOKUPS = 10;

/**
 * Escalation, statuses, commands, playbooks and notifications. On an issue event or a new
 * comment, the one issue is decided; on schedule, every open issue whose next step may be due
 * (and recently closed ones under a playbook) is swept, so dropped or late cron runs catch up.
 */
export const escalateJob: Job = async (context) => {
  const config = await loadConfig(context.source, [ROSTER_FILE, ESCALATION_FILE]);
  const file = config.files.find((f) => f.spec.name === 'escalation');
  const rosterFile = config.files.find((f) => f.spec.name === 'roster');
  if (hasErrors(config.problems))
    return { config, plans: [emptyPlan('escalate', context.repo, ['the config has errors'])] };
  const escalation = file ? escalationFrom(file.yaml.value) : defaultEscalation();
  const roster = rosterFile ? rosterFrom(rosterFile.yaml.value) : undefined;
  // `/swap` and `/cover` change the file as written: read once, from the snapshot already taken.
  const rosterText = rosterFile ? await context.source.read(ROSTER_FILE.file) : null;
  const repository = context.event.payload.repository as { default_branch?: string } | undefined;
  const playbooks: Record<string, string | null> = {};
  for (const playbook of escalation.playbooks)
    playbooks[playbook.name] = await context.source.read(playbook.file);
  const problems = file
    ? crossCheckEscalation(
        file.yaml,
        roster,
        (path) => escalation.playbooks.some((p) => p.file === path && playbooks[p.name] !== null),
        context.source.folder,
      )
    : [];
  if (hasErrors(problems))
    return {
      config,
      problems,
      plans: [emptyPlan('escalate', context.repo, ['the config has errors'])],
    };

  const { channels, gateways } = await connect(context, escalation);
  const notes = [
    file
      ? `escalation.yaml: ${escalation.goals.length} goal(s), ${escalation.steps.length} step(s)`
      : 'no escalation.yaml: a one-business-hour goal and no steps',
    roster ? 'roster.yaml read' : 'no roster.yaml: the clock counts wall-clock time',
    `channels: ${[channels.pagerduty ? 'PagerDuty' : '', channels.webhook ? 'webhook' : ''].filter(Boolean).join(', ') || 'none'}`,
  ];

  // What this run asked GitHub about people and issues, shared by every issue it decides.
  const duplicates = new Map<number, Referenced>();
  /** One issue decided, on an event or in the sweep, with the facts only the API can give. */
  const decide = async (
    issue: IssueSnapshot,
    comments: CommentSnapshot[],
    occasion: Occasion,
    checked: Map<string, Access>,
    extra: { followUps?: FollowUpSnapshot[] | undefined; fixFacts?: FixFacts | undefined } = {},
  ) => {
    const access = await accessOf(context, comments, escalation, checked);
    const input = {
      repo: context.repo,
      issue,
      comments,
      occasion,
      config: escalation,
      ...opt(roster),
      playbooks,
      channels,
      now: context.now,
      access,
      referenced: await referencedBy(context, comments, escalation, access, duplicates),
      fixTargets: await fixTargetsOf(context, gateways, comments, escalation, access),
      ...(extra.fixFacts ? { fixFacts: extra.fixFacts } : {}),
      ...(rosterFile && rosterText !== null
        ? { rosterFile: { path: rosterFile.path, text: rosterText } }
        : {}),
      ...(repository?.default_branch ? { defaultBranch: repository.default_branch } : {}),
      ...(extra.followUps ? { followUps: extra.followUps } : {}),
    };
    // The clock may stand still while the issue waits on its reporter: its label history says since when.
    const labelHistory = needsLabelHistory(input)
      ? await context.gateway.listLabelChanges(issue.number)
      : undefined;
    return decideIssue(labelHistory ? { ...input, labelHistory } : input);
  };

  const { event } = context;
  if (event.name === 'issues' || event.name === 'issue_comment') {
    const sent = event.payload.issue as IssuePayload | undefined;
    if (!sent || sent.pull_request)
      return { config, problems, plans: [emptyPlan('escalate', context.repo, ['not an issue'])] };
    // On a new, reopened or edited issue, intake runs just before in the same job and may add
    // the severity from the form; its labels start no workflow run, so they are read here, or an
    // S1 chosen on the form (or edited into it) would never page.
    const fresh = FRESH_ON.includes(event.action ?? '')
      ? await freshIssue(context, sent.number)
      : sent;
    if (typeof fresh === 'string')
      return { config, problems, plans: [emptyPlan('escalate', context.repo, [fresh])] };
    const payload = fresh;
    if (await isKitIssue(payload, context.gateway.kitLogin))
      return {
        config,
        problems,
        plans: [
          emptyPlan('escalate', context.repo, [`#${payload.number} is the kit's own record`]),
        ],
      };
    const issue = snapshotOf(payload);
    const comments = payload.comments === 0 ? [] : await readComments(context, issue.number);
    let occasion: Occasion;
    const checked = new Map<string, Access>();
    if (event.name === 'issue_comment') {
      const raw = event.payload.comment as CommentPayload | undefined;
      if (!raw)
        return { config, problems, plans: [emptyPlan('escalate', context.repo, ['no comment'])] };
      const comment =
        comments.find((c) => c.id === raw.id) ?? (await snapshotsOf(context, [raw]))[0];
      if (!comment)
        return { config, problems, plans: [emptyPlan('escalate', context.repo, ['no comment'])] };
      if (!comments.includes(comment)) comments.push(comment);
      const access = await accessOf(context, comments, escalation, checked, comment.author);
      occasion = {
        kind: 'comment',
        comment,
        access: access[comment.author.toLowerCase()] ?? 'none',
      };
    } else {
      const label = (event.payload.label as { name?: string } | undefined)?.name;
      occasion = { kind: 'issue-event', action: event.action ?? '', ...(label ? { label } : {}) };
    }
    const decisions = [await decide(issue, comments, occasion, checked)];
    // An engineering issue of this repository moved: the support issues it blocks follow at once.
    if (
      event.name === 'issues' &&
      ['closed', 'reopened'].includes(event.action ?? '') &&
      escalation.status
    )
      for (const blocked of await blockedHere(context, payload)) {
        const facts: FixFacts = {
          state: payload.state === 'closed' ? 'closed' : 'open',
          reason: payload.state_reason ? payload.state_reason.toUpperCase() : null,
          closedAt: payload.closed_at ?? null,
        };
        const others = await readComments(context, blocked.number);
        const link = readState(others).state.fix;
        if (
          !link ||
          link.number !== payload.number ||
          !sameRepo(repoOfText(link.repo), context.repo)
        )
          continue;
        decisions.push(
          await decide(snapshotOf(blocked), others, { kind: 'sweep' }, checked, {
            fixFacts: facts,
          }),
        );
      }
    return outcome(context, gateways, config, problems, notes, decisions);
  }

  // Scheduled (or dispatched): sweep.
  const open = (await context.gateway.listIssues({ state: 'open' })).filter((i) => !i.pull_request);
  const since = new Date(context.now.getTime() - CLOSED_HORIZON_DAYS * 86_400_000).toISOString();
  const followsClosed = escalation.playbooks.length > 0 || escalation.pagerduty !== undefined;
  const closed = followsClosed
    ? (await context.gateway.listIssues({ state: 'closed', since })).filter((i) => !i.pull_request)
    : [];
  // A closed support issue still waits for the release of its fix, where a status says it.
  const followsReleases = !!(escalation.status?.releasedBeta ?? escalation.status?.releasedStable);
  const awaitingClosed = followsReleases
    ? (await context.gateway.listIssues({ state: 'closed', labels: [AWAITING_FIX_LABEL] })).filter(
        (i) => !i.pull_request && !closed.some((c) => c.number === i.number),
      )
    : [];
  const fixes = await followedFixes(context, gateways, [...open, ...closed, ...awaitingClosed]);
  notes.push(...fixes.notes);
  const decisions = [];
  const checked = new Map<string, Access>();
  let looked = 0;
  const left: number[] = [];
  // What the desk-now issue shows: the open issues as the sweep read them, at no request of its own.
  const desk: DeskIssue[] = [];
  const records: GitHubIssue[] = [];
  // Each incident's follow-ups as listed, for their reminders: at no request of their own.
  const followUps = await followUpsByIncident([...open, ...closed], context.gateway.kitLogin);
  for (const found of [...open, ...closed, ...awaitingClosed]) {
    const raw = found as unknown as IssuePayload;
    if (await isKitIssue(raw, context.gateway.kitLogin)) {
      records.push(found);
      continue;
    }
    const issue = snapshotOf(raw);
    const seen: DeskIssue = { issue, ...(raw.comments === 0 ? { comments: [] } : {}) };
    if (issue.state === 'open') desk.push(seen);
    if (!mayHaveWorkDue(issue, escalation, roster, context.now)) continue;
    if (raw.comments > 0 && !affordsReading(context, decisions)) {
      left.push(issue.number);
      continue;
    }
    looked += 1;
    const comments = raw.comments === 0 ? [] : await readComments(context, issue.number);
    seen.comments = comments;
    decisions.push(
      await decide(issue, comments, { kind: 'sweep' }, checked, {
        followUps: followUps.get(issue.number),
        fixFacts: fixes.facts.get(issue.number),
      }),
    );
  }
  if (escalation.deskNow) {
    const planned = decisions.flatMap((d) => d.operations);
    decisions.push(deskNowOf(context, escalation, roster, { desk, records, planned }));
  }
  notes.push(
    `${open.length} open and ${closed.length} recently closed issue(s); ${looked} looked at`,
  );
  if (left.length > 0) {
    const which = someOf(left.map((n) => `#${n}`));
    context.log(`request budget: ${left.length} issue(s) left for the next run (${which})`);
    notes.push(
      `${left.length} issue(s) with work due left for the next run, to keep this run within its request budget: ${which}`,
    );
  }
  return outcome(context, gateways, config, problems, notes, decisions);
};

const opt = (roster: Roster | undefined) => (roster ? { roster } : {});

/** The kit's follow-up issues among those listed, by the incident they follow. */
async function followUpsByIncident(
  issues: readonly GitHubIssue[],
  identity: KitIdentity,
): Promise<Map<number, FollowUpSnapshot[]>> {
  const byIncident = new Map<number, FollowUpSnapshot[]>();
  for (const issue of await kitWritten(issues, identity, (body) => !!followUpOf(body))) {
    const record = followUpOf(issue.body);
    if (!record) continue;
    const list = byIncident.get(record.parent) ?? [];
    list.push({
      number: issue.number,
      item: record.item,
      ...(record.due ? { due: record.due } : {}),
      assignees: issue.assignees.map((a) => a.login),
      state: issue.state,
    });
    byIncident.set(record.parent, list);
  }
  return byIncident;
}

/**
 * The support issues of this repository that wait on `issue` (GitHub's "blocking" list, one
 * request; where dependencies are missing the next scheduled run follows them instead).
 */
async function blockedHere(context: JobContext, issue: IssuePayload): Promise<GitHubIssue[]> {
  try {
    const blocked = await context.gateway.listBlocking(issue.number);
    return blocked.filter(
      (b) => !b.pull_request && b.labels.some((l) => l.name.toLowerCase() === AWAITING_FIX_LABEL),
    );
  } catch (error) {
    if (statusOf(error) === 404 || statusOf(error) === 403) return [];
    throw error;
  }
}

function repoOfText(text: string): RepoRef {
  const [owner = '', repo = ''] = text.split('/');
  return { owner, repo };
}

/**
 * The engineering issues the listed support issues wait on (those with the awaiting-fix label),
 * by support issue: their records read (the sweep reads those comments anyway: the gateway
 * keeps them), then one query per engineering repository.
 */
async function followedFixes(
  context: JobContext,
  gateways: readonly Gateway[],
  issues: readonly GitHubIssue[],
): Promise<{ facts: Map<number, FixFacts>; notes: string[] }> {
  const links = new Map<number, { link: FixLink; told: EscalationState['told'] }>();
  for (const issue of issues) {
    if (!issue.labels.some((l) => l.name.toLowerCase() === AWAITING_FIX_LABEL)) continue;
    if ((issue as unknown as IssuePayload).comments === 0) continue;
    const { state } = readState(await readComments(context, issue.number));
    if (state.fix) links.set(issue.number, { link: state.fix, told: state.told });
  }
  const facts = new Map<number, FixFacts>();
  if (links.size === 0) return { facts, notes: [] };
  const linked = [...links.values()].map((l) => l.link);
  const found = await engineeringFacts(context.gateway, gateways, linked);
  const listed = new Map<Gateway, Promise<GitHubRelease[]>>();
  for (const [issue, { link, told }] of links) {
    const state = found.facts.get(fixKey(link));
    if (!state) continue;
    const gateway = found.gateways.get(link.repo.toLowerCase());
    const fixed =
      state.state === 'closed' &&
      state.reason !== 'NOT_PLANNED' &&
      state.reason !== 'DUPLICATE' &&
      state.closedAt;
    if (!gateway || !fixed || told?.stable || told?.commit === 'none') {
      facts.set(issue, state);
      continue;
    }
    const release = await releaseFacts(
      {
        gateway,
        number: link.number,
        closedAt: state.closedAt ?? '',
        ...(told?.commit ? { commit: told.commit } : {}),
        ...(told?.checked ? { checked: told.checked } : {}),
      },
      listed,
    );
    facts.set(issue, { ...state, ...release });
  }
  return { facts, notes: [`${links.size} issue(s) wait on engineering`, ...found.notes] };
}

/**
 * The desk-now issue, from what the sweep listed and read: the record itself is one of the open
 * issues, so finding it costs nothing, and the decision plans a write only when the body changed.
 */
function deskNowOf(
  context: JobContext,
  escalation: EscalationConfig,
  roster: Roster | undefined,
  sweep: {
    desk: readonly DeskIssue[];
    records: readonly GitHubIssue[];
    planned: readonly Operation[];
  },
): IssueDecision {
  if (!roster)
    return {
      operations: [],
      notes: ['desk-now is on, but without roster.yaml there is no desk to show: nothing written'],
      remote: [],
    };
  const record = sweep.records.find(
    (r) => r.state === 'open' && hasMarker(r.body, DESK_NOW_MARKER),
  );
  const decision = decideDeskNow({
    repo: context.repo,
    config: escalation,
    roster,
    issues: sweep.desk,
    ...(record ? { record } : {}),
    planned: sweep.planned,
    now: context.now,
  });
  return { ...decision, remote: [] };
}

/**
 * Whether the sweep may read one more issue's comments and still write all it decided: a run that
 * spends its budget reading leaves nothing done, and the next run would read the same issues again.
 */
function affordsReading(
  context: JobContext,
  decisions: readonly { operations: readonly Operation[] }[],
): boolean {
  const writesOf = (d: { operations: readonly Operation[] }) =>
    d.operations.filter((op) => op.kind !== 'notify').length;
  const writes = decisions.reduce((n, d) => n + writesOf(d), 0);
  // The next issue may want as many writes as the busiest so far (a step: label, assignee,
  // comment, state).
  const next = Math.max(4, ...decisions.map(writesOf));
  return context.gateway.budget.left() > writes + 1 + next;
}

function outcome(
  context: JobContext,
  gateways: Gateway[],
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
  // The issues other repositories get are opened first: the reply here follows what happened.
  return { config, problems, plans: [...remote.values(), plan], gateways };
}

/**
 * Secrets come from the action's inputs only: the PagerDuty routing key, the webhook URL and a
 * token for the repositories `/escalate` may open issues in.
 */
async function connect(
  context: JobContext,
  escalation: EscalationConfig,
): Promise<{ channels: Channels; gateways: Gateway[] }> {
  const token = context.input('escalation-token');
  const gateways: Gateway[] = [];
  const targets = escalation.commands.escalateTo.map((target) => {
    const [owner = '', repo = ''] = target.split('/');
    return { owner, repo } satisfies RepoRef;
  });
  const [first, ...others] = targets;
  if (token && first) {
    const there = await context.connect(token, first);
    gateways.push(there, ...others.map((repo) => there.forRepo(repo)));
  }
  const { channels } = context.notifier;
  return {
    channels: {
      pagerduty: channels.has('pagerduty') && escalation.pagerduty !== undefined,
      webhook: channels.has('webhook') && escalation.webhook !== undefined,
      escalationToken: !!token,
    },
    gateways,
  };
}

async function readComments(context: JobContext, issue: number): Promise<CommentSnapshot[]> {
  return snapshotsOf(context, await context.gateway.listComments(issue));
}

/** The kit's own are the comments with a marker its identity wrote (asked only if one has one). */
async function snapshotsOf(
  context: JobContext,
  raw: readonly (CommentPayload | GitHubComment)[],
): Promise<CommentSnapshot[]> {
  const own = new Set(await kitWritten(raw, context.gateway.kitLogin));
  return raw.map((c) => {
    const login = c.user?.login ?? 'ghost';
    const kit = own.has(c);
    return {
      id: c.id,
      author: login,
      kit,
      bot: kit || isBotLogin(login, c.user?.type),
      body: c.body ?? '',
      createdAt: c.created_at,
    };
  });
}

function snapshotOf(issue: IssuePayload | GitHubIssue): IssueSnapshot {
  const i = issue as IssuePayload;
  return {
    number: i.number,
    title: i.title,
    body: i.body ?? '',
    author: i.user?.login ?? 'ghost',
    url: i.html_url,
    labels: (i.labels ?? []).map((l) => l.name),
    assignees: (i.assignees ?? []).map((a) => a.login),
    state: i.state ?? 'open',
    stateReason: i.state_reason ?? null,
    createdAt: i.created_at,
    closedAt: i.closed_at ?? null,
  };
}

/**
 * The access of everyone with a command no run has handled yet: one permission check per author,
 * remembered for the run (the comment run, an issue event and the sweep all handle them), at most
 * PERMISSION_CHECKS a run; `first` (the author of the comment the run is for) is asked first.
 */
async function accessOf(
  context: JobContext,
  comments: readonly CommentSnapshot[],
  escalation: EscalationConfig,
  /** Checks already made in this run: the sweep may meet one person on many issues. */
  checked: Map<string, Access> = new Map(),
  first?: string,
): Promise<Record<string, Access>> {
  const access: Record<string, Access> = {};
  const authors = unansweredCommands(comments, escalation).map((c) => c.author);
  // The run's own commenter first, when their command is still to answer.
  const among = first !== undefined && authors.includes(first);
  for (const author of among ? [first, ...authors] : authors) {
    const login = author.toLowerCase();
    if (access[login] !== undefined) continue;
    const known = checked.get(login);
    if (known === undefined && checked.size >= PERMISSION_CHECKS) continue;
    access[login] = known ?? roleOf(await context.gateway.permissionOf(author));
    checked.set(login, access[login]);
  }
  return access;
}

/**
 * One GET for each issue an unanswered `/duplicate` names, when its author may use commands: it
 * must exist before anything closes. At most DUPLICATE_LOOKUPS a run, remembered in `looked`.
 */
async function referencedBy(
  context: JobContext,
  comments: readonly CommentSnapshot[],
  escalation: EscalationConfig,
  access: Readonly<Record<string, Access>>,
  looked: Map<number, Referenced>,
): Promise<Record<number, Referenced>> {
  const found: Record<number, Referenced> = {};
  const bodies = unansweredCommands(comments, escalation)
    .filter((c) => TRIAGE_OR_MORE.includes(access[c.author.toLowerCase()] ?? 'none'))
    .map((c) => c.body);
  for (const number of duplicateTargets(bodies)) {
    const known = looked.get(number);
    if (known === undefined && looked.size >= DUPLICATE_LOOKUPS) continue;
    found[number] = known ?? (await lookUp(context, number));
    looked.set(number, found[number]);
  }
  return found;
}

/**
 * One GET for each engineering issue an unanswered `/fixed-by` names, when its author may use
 * commands: through the escalation token's gateway for another repository (none: not looked up,
 * and the reply says it needs the token), through the run's own here.
 */
async function fixTargetsOf(
  context: JobContext,
  gateways: readonly Gateway[],
  comments: readonly CommentSnapshot[],
  escalation: EscalationConfig,
  access: Readonly<Record<string, Access>>,
): Promise<FixTargets> {
  const found: Record<string, FixTargets[string]> = {};
  const bodies = unansweredCommands(comments, escalation)
    .filter((c) => TRIAGE_OR_MORE.includes(access[c.author.toLowerCase()] ?? 'none'))
    .map((c) => c.body);
  for (const ref of fixedByTargets(bodies, context.repo).slice(0, DUPLICATE_LOOKUPS)) {
    const [owner = '', repo = ''] = ref.repo.split('/');
    const there = { owner, repo };
    const gateway = sameRepo(there, context.repo)
      ? context.gateway
      : gateways.find((g) => sameRepo(g.repo, there));
    if (!gateway) continue;
    try {
      const issue = await gateway.getIssue(ref.number);
      found[fixKey(ref)] =
        issue.pull_request || issue.id === undefined
          ? 'missing'
          : { repo: ref.repo, number: issue.number, id: issue.id };
    } catch (error) {
      const status = statusOf(error);
      if (!(error instanceof IssueMoved) && status !== 404 && status !== 410) throw error;
      found[fixKey(ref)] = 'missing';
    }
  }
  return found;
}

async function lookUp(context: JobContext, number: number): Promise<Referenced> {
  try {
    const issue = await context.gateway.getIssue(number);
    return issue.pull_request ? 'pull' : 'issue';
  } catch (error) {
    // Gone, deleted, or transferred to another repository: not an issue here to point at.
    const status = statusOf(error);
    if (!(error instanceof IssueMoved) && status !== 404 && status !== 410) throw error;
    return 'missing';
  }
}

function roleOf(role: string): Access {
  return (ACCESS as readonly string[]).includes(role) ? (role as Access) : 'none';
}
