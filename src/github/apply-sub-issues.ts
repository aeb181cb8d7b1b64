import { kitWritten } from '../kernel/kit-identity.js';
import { fitBody } from '../kernel/markdown.js';
import { hasMarker, withMarker } from '../kernel/markers.js';
import type { OpenSubIssues, SubIssueItem } from '../kernel/plan.js';
import { RateLimitDeferred } from './budget.js';
import { createOnce } from './create-once.js';
import { describeRequestError, type Gateway, statusOf } from './gateway.js';
import type { GitHubIssue } from './types.js';

interface Outcome {
  status: 'applied' | 'unchanged';
  detail: string;
  warning?: string;
}

/**
 * Opens each item as a sub-issue of `op.issue` once. What exists is looked for before anything is
 * written: the parent's sub-issues first (one request), then, only for an item not among them,
 * the issues with the op's labels (an issue an earlier run created before its link failed).
 */
export async function openSubIssues(gateway: Gateway, op: OpenSubIssues): Promise<Outcome> {
  const linked = await gateway.listSubIssues(op.issue);
  let labelled: GitHubIssue[] | undefined;
  const said: string[] = [];
  const warnings: string[] = [];
  let wrote = false;
  for (const item of op.items) {
    const there = await own(gateway, linked, item);
    if (there) {
      said.push(`#${there.number} was there`);
      continue;
    }
    labelled ??= await gateway.listIssues({ state: 'all', labels: op.labels });
    const found = await own(gateway, labelled, item);
    const issue = found ?? (await create(gateway, op, item, warnings));
    const refused = await link(gateway, op.issue, issue);
    wrote = true;
    if (refused) warnings.push(refused);
    said.push(`${issue.html_url}${found ? ' (created before; linked now)' : ''}`);
  }
  return {
    status: wrote ? 'applied' : 'unchanged',
    detail: said.join('; '),
    ...(warnings.length > 0 ? { warning: warnings.join('; ') } : {}),
  };
}

/** The kit's own issue with the item's marker; the same marker in a person's issue is a quote. */
async function own(
  gateway: Gateway,
  issues: readonly GitHubIssue[],
  item: SubIssueItem,
): Promise<GitHubIssue | undefined> {
  const mine = gateway.created.find((i) => hasMarker(i.body, item.marker));
  if (mine) return mine;
  return (await kitWritten(issues, gateway.kitLogin, (body) => hasMarker(body, item.marker)))[0];
}

/**
 * GitHub refuses the whole issue (422) when one assignee cannot be assigned: it is created
 * without them then, and the warning names who could not be assigned.
 */
async function create(
  gateway: Gateway,
  op: OpenSubIssues,
  item: SubIssueItem,
  warnings: string[],
): Promise<GitHubIssue> {
  const body = fitBody(withMarker(item.marker, item.body));
  const write = (assignees: string[]) =>
    createOnce(
      () => gateway.createIssue({ title: item.title, body, labels: op.labels, assignees }),
      async () => own(gateway, await gateway.listIssues({ state: 'all', labels: op.labels }), item),
    );
  if (item.assignees.length === 0) return write([]);
  try {
    return await write(item.assignees);
  } catch (error) {
    if (statusOf(error) !== 422) throw error;
    const issue = await write([]);
    warnings.push(
      `#${issue.number} was opened unassigned: GitHub would not assign ${item.assignees.join(', ')} (${describeRequestError(error)})`,
    );
    return issue;
  }
}

/**
 * Links the child to the parent. An answer lost on the way (5xx, no answer) may hide a link that
 * was made, so the sub-issues are read again before failing. A 422 is GitHub refusing the link
 * (the issue has another parent a person chose, or the parent holds 100 sub-issues): the issue
 * stays where it is and the refusal is returned as a warning, since a re-run would meet it again.
 */
async function link(
  gateway: Gateway,
  parent: number,
  child: GitHubIssue,
): Promise<string | undefined> {
  if (child.id === undefined) throw new Error(`GitHub gave no id for #${child.number}`);
  try {
    await gateway.addSubIssue(parent, child.id);
    return undefined;
  } catch (error) {
    if (error instanceof RateLimitDeferred) throw error;
    const status = statusOf(error);
    if (status !== undefined && status < 500 && status !== 422) throw error;
    if ((await gateway.listSubIssues(parent)).some((i) => i.id === child.id)) return undefined;
    if (status !== 422) throw error;
    return `#${child.number} is not a sub-issue of #${parent}: ${describeRequestError(error)}`;
  }
}
