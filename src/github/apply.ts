import { describeAction, describeTarget } from '../kernel/plan-describe.js';
import { type KitIdentity, kitWritten } from '../kernel/kit-identity.js';
import { fitBody, GITHUB_BODY_LIMIT } from '../kernel/markdown.js';
import {
  hasIssueSection,
  hasMarker,
  JOINING_SECTIONS,
  markerKey,
  sectionOf,
  withMarker,
  withSection,
} from '../kernel/markers.js';
import type {
  AddAssignees,
  EditLabels,
  LinkFix,
  Marker,
  MarkedIssue,
  NotificationSender,
  Notify,
  Operation,
  Plan,
  Reassign,
  UpsertComment,
  UpsertIssue,
} from '../kernel/plan.js';
import { ISSUE_URL_SLOT, pullRequestSlot } from '../kernel/plan.js';
import { openPullRequest } from './pull-request.js';
import { fixLinkSlot, formatFixLink } from '../kernel/fix-link.js';
import { pendingMarker, recordDelivery } from '../kernel/pending-notifications.js';
import { RateLimitDeferred } from './budget.js';
import { createOnce } from './create-once.js';
import { applyPublish } from './apply-publish.js';
import { openSubIssues } from './apply-sub-issues.js';
import { setIssueType } from './apply-issue-type.js';
import { describeRequestError, type Gateway, statusOf } from './gateway.js';
import type { CommentBatch, CreateComment } from './comment-batch.js';
import type { GitHubComment, GitHubIssue } from './types.js';
import { plural } from '../kernel/words.js';

/**
 * `held`: a comment that reports on a write that failed, left for the run that finishes it.
 * `deferred`: not tried, a rate limit asked for a longer wait than a run makes.
 */
type OperationStatus =
  'applied' | 'unchanged' | 'dry-run' | 'failed' | 'held' | 'deferred' | 'queued';

interface OperationResult {
  operation: Operation;
  status: OperationStatus;
  /** What happened, in words: the URL written, or GitHub's error message. */
  detail: string;
  /** What did not go as planned in an operation that still did its work (a refused pin). */
  warning?: string;
}

export interface ApplyResult {
  plan: Plan;
  dryRun: boolean;
  results: OperationResult[];
  failures: OperationResult[];
  /** Set when GitHub asked for a longer wait than a run sits out: the rest is `deferred`. */
  limited?: RateLimitDeferred;
}

export interface ApplyOptions {
  dryRun: boolean;
  log?: (message: string) => void;
  /** Without one, a `notify` operation fails: no endpoint is configured for it. */
  notifier?: NotificationSender;
  /** A rate limit an earlier plan of the run met: this one waits for the next run too. */
  limited?: RateLimitDeferred;
  /** The run's new comments on its issue, written together (the run writes what is left). */
  batch?: CommentBatch;
  /** The issues the run's earlier plans opened or found by their marker, for a `link-fix`. */
  issues?: IssueRegistry;
}

/** Issues upserted in a run, by repository and marker: `link-fix` finds `/escalate`'s issue here. */
export type IssueRegistry = Map<string, { number: number; id: number }>;

function registryKey(repo: { owner: string; repo: string }, marker: Marker): string {
  return `${repo.owner}/${repo.repo}`.toLowerCase() + ' ' + markerKey(marker);
}

/**
 * The one executor. Applies every operation in order and goes on past a failure, so one bad
 * write never hides the others; the caller fails the run at the end when `failures` is not empty.
 * A rate limit longer than a run waits (RateLimitDeferred) stops it: that operation and the rest
 * are `deferred` to the next run, which plans them again.
 */
export async function applyPlan(
  plan: Plan,
  gateway: Gateway,
  options: ApplyOptions,
): Promise<ApplyResult> {
  const log = options.log ?? (() => undefined);
  const run = new Progress(options.limited);
  const batch = options.dryRun ? undefined : options.batch;
  for (const next of plan.operations) {
    if (batch && run.dependsOnBatch(next, batch)) await run.flush(batch, gateway);
    const held = run.heldBack(next, options.dryRun);
    if (held) {
      run.results.push(held);
      if (held.status === 'held') log(`held: ${describeAction(next)} on ${describeTarget(next)}`);
      continue;
    }
    // heldBack has said it may be written: as itself, or as its incomplete record.
    const operation = run.asWritten(next) ?? next;
    const label = `${describeAction(operation)} on ${describeTarget(operation)}`;
    if (options.dryRun) {
      log(`[dry-run] would ${label}: ${operation.reason}`);
      run.results.push({ operation, status: 'dry-run', detail: 'not applied (dry-run)' });
      continue;
    }
    try {
      if (batch && (await waitsForBatch(operation, gateway, batch))) {
        run.queue(operation, batch);
        continue;
      }
      const outcome = await applyOperation(operation, gateway, options.notifier, options.issues);
      log(`${outcome.status === 'unchanged' ? 'unchanged' : 'done'}: ${label} (${outcome.detail})`);
      if (outcome.warning) log(`warning: ${label}: ${outcome.warning}`);
      run.done(operation, outcome);
    } catch (error) {
      const detail = run.failed(operation, error);
      log(`failed: ${label}: ${detail}`);
    }
  }
  // A record is settled once written: one that waits for the batch is written now.
  if (batch && [...run.records.values()].some((r) => r.result.status === 'queued'))
    await run.flush(batch, gateway);
  if (!options.dryRun) await settleRecords(run, gateway, log);
  const deferred = run.limited && deferralNote(run.limited, run.results);
  if (deferred) log(deferred);
  return {
    plan,
    dryRun: options.dryRun,
    results: run.results,
    failures: run.results.filter((r) => r.status === 'failed'),
    ...(run.limited ? { limited: run.limited } : {}),
  };
}

/** What a plan's application has done so far, for the operations after. */
class Progress {
  readonly results: OperationResult[] = [];
  /** Notifications refused so far, for the record of their issue (recordFailedNotifications). */
  readonly failedNotifications: Notify[] = [];
  /** Issues a write failed on: a comment reporting on them must not say it was done. */
  private readonly broken = new Set<number>();
  /** The markers of the comments written so far (for `needs`). */
  private readonly written = new Set<string>();
  /** Each issue's record of its notifications, and whether GitHub took it. */
  readonly records = new Map<number, { op: UpsertComment; result: OperationResult }>();
  /** What became of each pull request opened so far, for the replies that name it. */
  private readonly said = new Map<string, string>();

  constructor(public limited: RateLimitDeferred | undefined) {}

  /** The result of an operation that is not tried now, or undefined to go on with it. */
  heldBack(op: Operation, dryRun: boolean): OperationResult | undefined {
    if (this.limited && !dryRun && op.kind !== 'keep-label')
      return { operation: op, status: 'deferred', detail: this.limited.message };
    if (op.kind === 'keep-label') return { operation: op, status: 'unchanged', detail: op.name };
    if (op.kind === 'upsert-comment' && this.asWritten(op) === undefined)
      return {
        operation: op,
        status: 'held',
        detail: 'not written: a write it reports on failed; the next run writes it',
      };
    if (op.needs && !this.written.has(markerKey(op.needs)))
      return {
        operation: op,
        status: 'held',
        detail: `not done: the ${op.needs.kind} comment that records it was not written; the next run does both`,
      };
    // Sent only once its record says so: unrecorded, the next run could not know it went out.
    const record =
      op.kind === 'notify' && typeof op.issue === 'number' && this.records.get(op.issue);
    if (record && record.result.status !== 'applied' && record.result.status !== 'unchanged')
      return {
        operation: op,
        status: 'held',
        detail: 'not sent: the state that records it was not written; the next run sends it',
      };
    return undefined;
  }

  /** The comment as it may be written now: its `incomplete` record after a failed write. */
  asWritten(op: Operation): Operation | undefined {
    if (op.kind !== 'upsert-comment') return op;
    const about = [...(typeof op.issue === 'number' ? [op.issue] : []), ...(op.reports ?? [])];
    if (!about.some((issue) => this.broken.has(issue))) return this.filled(op);
    return op.incomplete === undefined ? undefined : this.filled({ ...op, body: op.incomplete });
  }

  /** A reply with the outcome of the pull requests it stands in for (pullRequestSlot). */
  private filled(op: UpsertComment): UpsertComment {
    let body = op.body;
    for (const [slot, text] of this.said) body = body.replaceAll(slot, () => text);
    return body === op.body ? op : { ...op, body };
  }

  /** An operation that must not go before a comment waiting in the batch is written. */
  dependsOnBatch(op: Operation, batch: CommentBatch): boolean {
    if (op.needs && batch.holds(op.needs)) return true;
    if (op.kind !== 'notify' || typeof op.issue !== 'number') return false;
    return this.records.get(op.issue)?.result.status === 'queued';
  }

  queue(operation: Operation, batch: CommentBatch): void {
    if (operation.kind !== 'upsert-comment' || typeof operation.issue !== 'number') return;
    const result: OperationResult = { operation, status: 'queued', detail: '' };
    const section = fitBody(withMarker(operation.marker, operation.body));
    batch.add(operation.issue, operation.marker, section, result);
    this.results.push(result);
    this.remember(operation, result);
  }

  async flush(batch: CommentBatch, gateway: Gateway): Promise<void> {
    const { written } = await batch.flush(gateway);
    for (const marker of written) this.written.add(markerKey(marker));
  }

  done(
    operation: Operation,
    outcome: Omit<OperationResult, 'operation'> & { said?: string },
  ): void {
    const { said, ...rest } = outcome;
    if (operation.kind === 'open-pull-request' && said !== undefined)
      this.said.set(pullRequestSlot(operation.branch), said);
    if (operation.kind === 'link-fix' && said !== undefined)
      this.said.set(fixLinkSlot(operation.issue), said);
    const result = { operation, ...rest };
    if (operation.kind === 'upsert-comment') this.written.add(markerKey(operation.marker));
    this.results.push(result);
    this.remember(operation, result);
  }

  failed(operation: Operation, error: unknown): string {
    if (error instanceof RateLimitDeferred) {
      this.limited = error;
      this.results.push({ operation, status: 'deferred', detail: error.message });
      return error.message;
    }
    const detail = describeRequestError(error);
    if (operation.kind === 'open-pull-request')
      this.said.set(
        pullRequestSlot(operation.branch),
        operation.said.failed.replace('<error>', () => detail),
      );
    const result: OperationResult = { operation, status: 'failed', detail };
    this.results.push(result);
    this.remember(operation, result);
    if (operation.kind === 'notify') this.failedNotifications.push(operation);
    else if ('issue' in operation && typeof operation.issue === 'number')
      this.broken.add(operation.issue);
    return detail;
  }

  private remember(operation: Operation, result: OperationResult): void {
    if (
      operation.kind === 'upsert-comment' &&
      operation.recordFailedNotifications &&
      typeof operation.issue === 'number'
    )
      this.records.set(operation.issue, { op: operation, result });
  }
}

/**
 * After the notifications, each record that was written learns which were refused: their
 * payloads are added to it (one edit, only then) for the next run to send, and the pending
 * label follows. A notification with no answer counts as sent (see src/notify/notifier.ts).
 */
async function settleRecords(
  run: Progress,
  gateway: Gateway,
  log: (message: string) => void,
): Promise<void> {
  for (const [issue, { op, result }] of run.records) {
    if (result.status !== 'applied' && result.status !== 'unchanged') continue;
    const refused = run.failedNotifications.filter((n) => n.issue === issue);
    try {
      if (refused.length > 0) {
        const body = [op.body, ...refused.map(pendingMarker)].join('\n');
        await upsertComment(gateway, issue, op.marker, body);
        result.detail += `; recorded ${refused.length} notification(s) to send again`;
      }
      if (op.pendingLabel) result.detail += await markPending(gateway, op, refused.length > 0);
    } catch (error) {
      const detail = describeRequestError(error);
      log(`failed: record the notifications of #${issue}: ${detail}`);
      run.results.push({ operation: op, status: 'failed', detail });
    }
  }
}

/** "rate limited until 14:05 UTC; 12 operations left for the next run", when any is. */
export function deferralNote(
  limit: RateLimitDeferred,
  results: readonly OperationResult[],
): string | undefined {
  const left = results.filter((r) => r.status === 'deferred').length;
  if (left === 0) return undefined;
  return `${limit.message}; ${plural(left, 'operation')} left for the next run`;
}

async function applyOperation(
  op: Operation,
  gateway: Gateway,
  notifier: NotificationSender | undefined,
  issues: IssueRegistry = new Map(),
): Promise<Omit<OperationResult, 'operation'> & { said?: string }> {
  switch (op.kind) {
    case 'link-fix':
      return linkFix(gateway, op, issues);
    case 'open-pull-request': {
      const opened = await openPullRequest(gateway, op);
      const said = `${op.said.opened.replace('<pull-url>', () => opened.url)}${opened.note}`;
      return { status: opened.status, detail: opened.url, said };
    }
    case 'add-labels':
      await gateway.addLabels(op.issue, op.labels);
      return { status: 'applied', detail: `#${op.issue}` };
    case 'remove-labels':
      for (const label of op.labels) await gateway.removeLabel(op.issue, label);
      return { status: 'applied', detail: `#${op.issue}` };
    case 'edit-labels':
      return editLabels(gateway, op);
    case 'add-assignees':
      return addAssignees(gateway, op);
    case 'remove-assignees':
      await gateway.removeAssignees(op.issue, op.assignees);
      return { status: 'applied', detail: `#${op.issue}` };
    case 'reassign':
      return reassign(gateway, op);
    case 'upsert-comment': {
      const issue =
        typeof op.issue === 'number' ? op.issue : await markedIssueNumber(gateway, op.issue);
      return upsertComment(gateway, issue, op.marker, op.body);
    }
    case 'upsert-issue':
      return upsertIssue(gateway, op, (issue) =>
        issues.set(registryKey(gateway.repo, op.marker), {
          number: issue.number,
          id: issue.id ?? 0,
        }),
      );
    case 'open-sub-issues':
      return openSubIssues(gateway, op);
    case 'create-label': {
      const label = await gateway.createLabel({
        name: op.name,
        color: op.color,
        description: op.description,
      });
      return { status: 'applied', detail: label.name };
    }
    case 'update-label': {
      const label = await gateway.updateLabel(op.name, {
        ...(op.newName !== undefined ? { new_name: op.newName } : {}),
        ...(op.color !== undefined ? { color: op.color } : {}),
        ...(op.description !== undefined ? { description: op.description } : {}),
      });
      return { status: 'applied', detail: label.name };
    }
    case 'delete-label':
      await gateway.deleteLabel(op.name);
      return { status: 'applied', detail: op.name };
    case 'keep-label':
      return { status: 'unchanged', detail: op.name };
    case 'update-issue': {
      const issue = await gateway.updateIssue(op.issue, {
        ...(op.state ? { state: op.state } : {}),
        ...(op.stateReason ? { state_reason: op.stateReason } : {}),
        ...(op.title !== undefined ? { title: op.title } : {}),
      });
      return { status: 'applied', detail: issue.html_url };
    }
    case 'set-issue-type':
      return setIssueType(gateway, op);
    case 'notify':
      if (!notifier) throw new Error(`no ${op.channel} endpoint is configured`);
      return op.recordOnIssue
        ? notifyRecorded(gateway, notifier, op)
        : notifyPlain(gateway, notifier, op);
    case 'create-release':
    case 'upload-release-asset':
    case 'delete-release-asset':
    case 'write-file':
      return applyPublish(op, gateway);
  }
}

async function notifyPlain(
  gateway: Gateway,
  notifier: NotificationSender,
  op: Notify,
): Promise<Omit<OperationResult, 'operation'>> {
  if (typeof op.issue === 'number') return { status: 'applied', detail: await notifier.send(op) };
  const url = (await markedIssue(gateway, op.issue)).html_url;
  return { status: 'applied', detail: await notifier.send(withIssueUrl(op, url)) };
}

/**
 * A notification about one of the kit's own issues: a failure is written into that issue's body
 * (one edit, only then) so the next run sends it, and a retry that gets through clears it.
 */
async function notifyRecorded(
  gateway: Gateway,
  notifier: NotificationSender,
  op: Notify,
): Promise<Omit<OperationResult, 'operation'>> {
  // A number's payload already links the issue: it is read only when there is something to record.
  const marked = typeof op.issue === 'number' ? undefined : await markedIssue(gateway, op.issue);
  // Recorded as sent, link and all, so a retry can go to the issue by its number.
  const sent = marked ? withIssueUrl(op, marked.html_url) : op;
  let failure: Error | undefined;
  let detail = '';
  try {
    detail = await notifier.send(sent);
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
  }
  if (failure !== undefined || op.recordOnIssue?.pending) {
    const issue = marked ?? (await gateway.getIssue(op.issue as number));
    const body = fitBody(recordDelivery(issue.body ?? '', sent, failure !== undefined));
    if (body !== (issue.body ?? '')) await gateway.updateIssue(issue.number, { body });
  }
  if (failure !== undefined) throw failure;
  return { status: 'applied', detail };
}

/** Sets or clears the pending label as the comment just written records failures or none. */
async function markPending(gateway: Gateway, op: UpsertComment, pending: boolean): Promise<string> {
  const label = op.pendingLabel;
  if (!label || typeof op.issue !== 'number' || pending === label.present) return '';
  if (pending) await gateway.addLabels(op.issue, [label.name]);
  else {
    try {
      await gateway.removeLabel(op.issue, label.name);
    } catch (error) {
      // Off already (a person took it off): what the removal was for.
      if (statusOf(error) !== 404) throw error;
    }
  }
  return `; ${pending ? 'labelled' : 'unlabelled'} ${label.name}`;
}

/**
 * GitHub silently drops a login it cannot assign, so the answer is checked: a refused login
 * falls back as the plan says, or the operation fails saying who could not be assigned.
 */
async function addAssignees(
  gateway: Gateway,
  op: AddAssignees,
): Promise<Omit<OperationResult, 'operation'>> {
  const assigned = (issue: { assignees: { login: string }[] }, login: string) =>
    issue.assignees.some((a) => a.login.toLowerCase() === login.toLowerCase());
  const issue = await gateway.addAssignees(op.issue, op.assignees);
  const refused = op.assignees.filter((login) => !assigned(issue, login));
  if (refused.length === 0) return { status: 'applied', detail: `#${op.issue}` };
  if (!op.fallback)
    throw new Error(
      `GitHub did not assign ${refused.join(', ')} to #${op.issue} (not assignable in this repository)`,
    );
  const again = await gateway.addAssignees(op.issue, [op.fallback]);
  if (!assigned(again, op.fallback))
    throw new Error(
      `neither ${refused.join(', ')} nor the fallback ${op.fallback} can be assigned to #${op.issue}`,
    );
  return {
    status: 'applied',
    detail: `${refused.join(', ')} could not be assigned; assigned ${op.fallback} instead`,
  };
}

/** New assignee first, then the old one off, so the issue is never left with nobody. */
async function reassign(
  gateway: Gateway,
  op: Reassign,
): Promise<Omit<OperationResult, 'operation'>> {
  const issue = await gateway.addAssignees(op.issue, [op.to]);
  if (!issue.assignees.some((a) => a.login.toLowerCase() === op.to.toLowerCase()))
    throw new Error(
      `GitHub did not assign ${op.to} to #${op.issue} (not assignable in this repository); ${op.from} keeps it`,
    );
  await gateway.removeAssignees(op.issue, [op.from]);
  return { status: 'applied', detail: `#${op.issue}` };
}

/** The number of the issue an earlier operation of the plan wrote (or an earlier run). */
async function markedIssueNumber(gateway: Gateway, target: MarkedIssue): Promise<number> {
  return (await markedIssue(gateway, target)).number;
}

async function markedIssue(gateway: Gateway, target: MarkedIssue): Promise<GitHubIssue> {
  const found =
    // Created by this run: the kit's own without asking who the kit is.
    gateway.created.find((i) => hasMarker(i.body, target.marker)) ??
    (await findMarkedIssue(
      await gateway.listIssues({ state: 'all', labels: target.labels }),
      target.marker,
      gateway.kitLogin,
    ));
  if (!found)
    throw new Error(`no issue marked ${target.marker.kind} to comment on (was it created?)`);
  return found;
}

/** The URL is GitHub's own; JSON-escaped so that it cannot change the payload's shape. */
function withIssueUrl(op: Notify, url: string): Notify {
  const slot = JSON.stringify(ISSUE_URL_SLOT).slice(1, -1);
  const json = JSON.stringify(op.payload).replaceAll(slot, JSON.stringify(url).slice(1, -1));
  return { ...op, payload: JSON.parse(json) as Record<string, unknown> };
}

/**
 * Adds alone are one POST, which never removes anything. With removals, the labels are read
 * fresh and set in one PUT: the event's snapshot may be minutes old, and setting labels from
 * it would drop a label a person added since, or bring back one the label sync renamed.
 */
async function editLabels(
  gateway: Gateway,
  op: EditLabels,
): Promise<Omit<OperationResult, 'operation'>> {
  if (op.remove.length === 0) {
    if (op.add.length > 0) await gateway.addLabels(op.issue, op.add);
    return { status: 'applied', detail: `#${op.issue}` };
  }
  const fresh = (await gateway.listIssueLabels(op.issue)).map((l) => l.name);
  const removed = new Set(op.remove.map((l) => l.toLowerCase()));
  const kept = fresh.filter((l) => !removed.has(l.toLowerCase()));
  const have = new Set(kept.map((l) => l.toLowerCase()));
  const next = [...kept, ...op.add.filter((l) => !have.has(l.toLowerCase()))];
  if (next.length === fresh.length && next.every((l, i) => l === fresh[i]))
    return { status: 'unchanged', detail: `#${op.issue}` };
  await gateway.setLabels(op.issue, next);
  return { status: 'applied', detail: `#${op.issue}` };
}

/** The kit's own comment with this marker; another author's marker is a quote or a forgery. */
export async function findMarkedComment(
  comments: GitHubComment[],
  marker: Marker,
  identity: KitIdentity,
): Promise<GitHubComment | undefined> {
  return (await kitWritten(comments, identity, (body) => hasMarker(body, marker)))[0];
}

async function findMarkedIssue(
  issues: GitHubIssue[],
  marker: Marker,
  identity: KitIdentity,
): Promise<GitHubIssue | undefined> {
  return (await kitWritten(issues, identity, (body) => hasMarker(body, marker)))[0];
}

/** A new comment on the batch's issue: it waits to be written with the run's others. */
async function waitsForBatch(
  op: Operation,
  gateway: Gateway,
  batch: CommentBatch,
): Promise<boolean> {
  if (op.kind !== 'upsert-comment' || op.alone || typeof op.issue !== 'number') return false;
  if (!batch.takes(op.issue)) return false;
  const comments = await gateway.listComments(op.issue);
  if (await findMarkedComment(comments, op.marker, gateway.kitLogin)) return false;
  return (await joinedComment(gateway, op.issue, op.marker)) === undefined;
}

/**
 * The issues workflow's comment on the issue that a new on-call or escalation section joins
 * (JOINING_SECTIONS): a run that wrote part of it before a failure, and its re-run, leave the
 * one comment a clean run leaves.
 */
async function joinedComment(
  gateway: Gateway,
  issue: number,
  marker: Marker,
): Promise<GitHubComment | undefined> {
  if (!JOINING_SECTIONS.includes(marker.kind)) return undefined;
  const comments = await gateway.listComments(issue);
  return (await kitWritten(comments, gateway.kitLogin, hasIssueSection))[0];
}

/** One comment with one or more sections, created once (see createOnce). */
export const createBatchedComment: CreateComment = async (gateway, issue, body, markers) =>
  createOnce(
    () => gateway.createComment(issue, body),
    async () => {
      const comments = await gateway.listComments(issue, { fresh: true });
      return findMarkedComment(comments, markers[0] as Marker, gateway.kitLogin);
    },
  );

async function upsertComment(
  gateway: Gateway,
  issue: number,
  marker: Marker,
  text: string,
): Promise<Omit<OperationResult, 'operation'>> {
  const existing =
    (await findMarkedComment(await gateway.listComments(issue), marker, gateway.kitLogin)) ??
    (await joinedComment(gateway, issue, marker));
  if (!existing) {
    const created = await createBatchedComment(gateway, issue, fitBody(withMarker(marker, text)), [
      marker,
    ]);
    return { status: 'applied', detail: created.html_url };
  }
  // Its own section only: what the other capabilities said in the same comment stays.
  const others = existing.body.length - (sectionOf(existing.body, marker)?.length ?? 0);
  const section = fitBody(withMarker(marker, text), GITHUB_BODY_LIMIT - others);
  const body = withSection(existing.body, marker, section);
  if (existing.body === body) return { status: 'unchanged', detail: existing.html_url };
  const updated = await gateway.updateComment(existing.id, body);
  return { status: 'applied', detail: updated.html_url };
}

async function upsertIssue(
  gateway: Gateway,
  op: UpsertIssue,
  learn: (issue: GitHubIssue) => void,
): Promise<Omit<OperationResult, 'operation'>> {
  const { marker, title, labels } = op;
  const body = fitBody(withMarker(marker, op.body));
  if (op.found !== undefined) {
    const updated = await gateway.updateIssue(op.found, { title, body });
    learn(updated);
    return { status: 'applied', detail: updated.html_url };
  }
  // Listing by label (not search) because the search index lags behind writes: a re-run
  // right after the first must still find the issue it wrote.
  const existing = await findMarkedIssue(
    await gateway.listIssues({ state: 'all', labels }),
    marker,
    gateway.kitLogin,
  );
  if (!existing) {
    const created = await createOnce(
      () => gateway.createIssue({ title, body, labels }),
      async () =>
        findMarkedIssue(
          await gateway.listIssues({ state: 'all', labels }),
          marker,
          gateway.kitLogin,
        ),
    );
    learn(created);
    const refused = op.standing ? await pin(gateway, created) : undefined;
    return {
      status: 'applied',
      detail: `${created.html_url}${op.standing ? (refused ? '; not pinned' : '; pinned') : ''}`,
      ...(refused ? { warning: refused } : {}),
    };
  }
  learn(existing);
  if (op.standing && existing.state === 'closed')
    return {
      status: 'unchanged',
      detail: `${existing.html_url} was closed by a person: left closed (reopen it to bring it back)`,
    };
  if (existing.body === body && existing.title === title)
    return { status: 'unchanged', detail: existing.html_url };
  const updated = await gateway.updateIssue(existing.number, { title, body });
  return { status: 'applied', detail: updated.html_url };
}

/**
 * The support issue is blocked by the engineering issue where GitHub's issue dependencies answer;
 * where they do not (404: GitHub Enterprise Server without them, or an engineering repository the
 * token cannot read; 403: no permission), the kit's record alone keeps the link, and the summary
 * says so. The record replaces fixLinkSlot in the escalation record written after this.
 */
async function linkFix(
  gateway: Gateway,
  op: LinkFix,
  issues: IssueRegistry,
): Promise<Omit<OperationResult, 'operation'> & { said?: string }> {
  const fix = 'number' in op.fix ? op.fix : issues.get(registryKey(op.fix.repo, op.fix.marker));
  const repo = `${op.fix.repo.owner}/${op.fix.repo.repo}`;
  if (!fix)
    return {
      status: 'unchanged',
      detail: `no issue was opened in ${repo}: nothing to link`,
      said: '',
    };
  const ref = `${repo}#${fix.number}`;
  let native = true;
  let warning: string | undefined;
  let detail = `#${op.issue} is blocked by ${ref}`;
  try {
    if ((await gateway.addBlockedBy(op.issue, fix.id)) === 'already') detail += ' (already)';
  } catch (error) {
    if (error instanceof RateLimitDeferred) throw error;
    native = false;
    detail = `#${op.issue} follows ${ref} in the kit's record only`;
    warning = `GitHub did not record #${op.issue} as blocked by ${ref} (${describeRequestError(error)}): the kit's record keeps the link, and the fix is followed all the same`;
  }
  const link = { repo, number: fix.number, id: fix.id, at: op.at, native, by: op.by };
  return { status: 'applied', detail, said: formatFixLink(link), ...(warning ? { warning } : {}) };
}

/**
 * Pins a standing record once, as it is created. A refusal (three issues pinned already, a token
 * that may not pin) leaves the issue as it is, unpinned: the record still works, and which issues
 * a repository pins is its people's choice, so the kit never unpins one to make room.
 */
async function pin(gateway: Gateway, issue: GitHubIssue): Promise<string | undefined> {
  try {
    if (await gateway.pinIssue(issue)) return undefined;
    return `#${issue.number} is not pinned: GitHub did not pin it`;
  } catch (error) {
    if (error instanceof RateLimitDeferred) throw error;
    return `#${issue.number} is not pinned (${describeRequestError(error)}): pin it by hand if you want it on top`;
  }
}
