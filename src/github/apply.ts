import { describeAction, describeTarget } from '../kernel/plan-describe.js';
import { type KitIdentity, kitWritten } from '../kernel/kit-identity.js';
import { hasMarker, withMarker } from '../kernel/markers.js';
import type {
  AddAssignees,
  EditLabels,
  Marker,
  MarkedIssue,
  NotificationSender,
  Notify,
  Operation,
  Plan,
  Reassign,
  UpsertComment,
} from '../kernel/plan.js';
import { ISSUE_URL_SLOT } from '../kernel/plan.js';
import { pendingMarker } from '../kernel/pending-notifications.js';
import { describeRequestError, type Gateway } from './gateway.js';
import type { GitHubComment, GitHubIssue } from './types.js';

type OperationStatus = 'applied' | 'unchanged' | 'dry-run' | 'failed';

interface OperationResult {
  operation: Operation;
  status: OperationStatus;
  /** What happened, in words: the URL written, or GitHub's error message. */
  detail: string;
}

export interface ApplyResult {
  plan: Plan;
  dryRun: boolean;
  results: OperationResult[];
  failures: OperationResult[];
}

export interface ApplyOptions {
  dryRun: boolean;
  log?: (message: string) => void;
  /** Without one, a `notify` operation fails: no endpoint is configured for it. */
  notifier?: NotificationSender;
}

/**
 * The one executor. Applies every operation in order and goes on past a failure, so one bad
 * write never hides the others; the caller fails the run at the end when `failures` is not empty.
 */
export async function applyPlan(
  plan: Plan,
  gateway: Gateway,
  options: ApplyOptions,
): Promise<ApplyResult> {
  const log = options.log ?? (() => undefined);
  const results: OperationResult[] = [];
  // Notifications that failed so far, for a comment that records them (recordFailedNotifications).
  const failedNotifications: Notify[] = [];
  for (const planned of plan.operations) {
    // Only the issue's own: a sweep's plan holds many issues, each with its own state comment.
    const failedHere =
      planned.kind === 'upsert-comment' && planned.recordFailedNotifications
        ? failedNotifications.filter((n) => n.issue === planned.issue)
        : [];
    const operation =
      planned.kind === 'upsert-comment' && failedHere.length > 0
        ? { ...planned, body: [planned.body, ...failedHere.map(pendingMarker)].join('\n') }
        : planned;
    const label = `${describeAction(operation)} on ${describeTarget(operation)}`;
    if (operation.kind === 'keep-label') {
      results.push({ operation, status: 'unchanged', detail: operation.name });
      continue;
    }
    if (options.dryRun) {
      log(`[dry-run] would ${label}: ${operation.reason}`);
      results.push({ operation, status: 'dry-run', detail: 'not applied (dry-run)' });
      continue;
    }
    try {
      const outcome = await applyOperation(operation, gateway, options.notifier);
      if (operation.kind === 'upsert-comment' && operation.pendingLabel)
        outcome.detail += await markPending(gateway, operation, failedHere.length > 0);
      log(`${outcome.status === 'unchanged' ? 'unchanged' : 'done'}: ${label} (${outcome.detail})`);
      results.push({ operation, ...outcome });
    } catch (error) {
      const detail = describeRequestError(error);
      if (operation.kind === 'notify') failedNotifications.push(operation);
      log(`failed: ${label}: ${detail}`);
      results.push({ operation, status: 'failed', detail });
    }
  }
  return {
    plan,
    dryRun: options.dryRun,
    results,
    failures: results.filter((r) => r.status === 'failed'),
  };
}

async function applyOperation(
  op: Operation,
  gateway: Gateway,
  notifier: NotificationSender | undefined,
): Promise<Omit<OperationResult, 'operation'>> {
  switch (op.kind) {
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
      return upsertIssue(gateway, op.marker, op.title, op.body, op.labels);
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
    case 'notify': {
      if (!notifier) throw new Error(`no ${op.channel} endpoint is configured`);
      if (typeof op.issue === 'number')
        return { status: 'applied', detail: await notifier.send(op) };
      const url = (await markedIssue(gateway, op.issue)).html_url;
      return { status: 'applied', detail: await notifier.send(withIssueUrl(op, url)) };
    }
  }
}

/** Sets or clears the pending label as the comment just written records failures or none. */
async function markPending(gateway: Gateway, op: UpsertComment, pending: boolean): Promise<string> {
  const label = op.pendingLabel;
  if (!label || typeof op.issue !== 'number' || pending === label.present) return '';
  if (pending) await gateway.addLabels(op.issue, [label.name]);
  else await gateway.removeLabel(op.issue, label.name);
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

async function upsertComment(
  gateway: Gateway,
  issue: number,
  marker: Marker,
  text: string,
): Promise<Omit<OperationResult, 'operation'>> {
  const body = withMarker(marker, text);
  const existing = await findMarkedComment(
    await gateway.listComments(issue),
    marker,
    gateway.kitLogin,
  );
  if (!existing) {
    const created = await gateway.createComment(issue, body);
    return { status: 'applied', detail: created.html_url };
  }
  if (existing.body === body) return { status: 'unchanged', detail: existing.html_url };
  const updated = await gateway.updateComment(existing.id, body);
  return { status: 'applied', detail: updated.html_url };
}

async function upsertIssue(
  gateway: Gateway,
  marker: Marker,
  title: string,
  text: string,
  labels: string[],
): Promise<Omit<OperationResult, 'operation'>> {
  const body = withMarker(marker, text);
  // Listing by label (not search) because the search index lags behind writes: a re-run
  // right after the first must still find the issue it wrote.
  const existing = await findMarkedIssue(
    await gateway.listIssues({ state: 'all', labels }),
    marker,
    gateway.kitLogin,
  );
  if (!existing) {
    const created = await gateway.createIssue({ title, body, labels });
    return { status: 'applied', detail: created.html_url };
  }
  if (existing.body === body && existing.title === title)
    return { status: 'unchanged', detail: existing.html_url };
  const updated = await gateway.updateIssue(existing.number, { title, body });
  return { status: 'applied', detail: updated.html_url };
}
