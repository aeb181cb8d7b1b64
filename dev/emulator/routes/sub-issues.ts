/** Sub-issues: list an issue's, add one (https://docs.github.com/rest/issues/sub-issues). */
import { ApiError, invalidRequest } from '../errors.js';
import { paginated } from '../pagination.js';
import type { Reply, RouteContext } from '../route.js';
import { renderIssue } from '../shapes.js';
import { bodyObject, issueOf, repoOf } from './common.js';

const RANK = ['read', 'triage', 'write', 'maintain', 'admin'];

export function listSubIssues(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const parent = issueOf(ctx, repo);
  return paginated(ctx, ctx.store.subIssues(repo, parent.number), (s) =>
    renderIssue(ctx.store, s.repo, s.issue),
  );
}

/**
 * `sub_issue_id` must be an integer: the issue's REST id. A token of an App or a workflow needs
 * Issues write (permissions.ts); a person "at least triage permissions for a repository"
 * (https://docs.github.com/issues/tracking-your-work-with-issues/using-issues/adding-sub-issues),
 * else 403, one of the operation's documented answers. 201 with the sub-issue.
 */
export function addSubIssue(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const parent = issueOf(ctx, repo);
  const body = bodyObject(ctx);
  const id = body.sub_issue_id;
  if (typeof id !== 'number' || !Number.isInteger(id))
    throw invalidRequest('sub_issue_id must be an integer: the id of the issue, not its number');
  if (ctx.principal.kind === 'user') {
    const role = ctx.store.permission(repo, ctx.principal.login);
    if (RANK.indexOf(role ?? '') < RANK.indexOf('triage'))
      throw new ApiError(403, {
        message: 'Must have triage access to add sub-issues',
        documentation_url: 'https://docs.github.com/rest/issues/sub-issues#add-sub-issue',
        status: '403',
      });
  }
  const child = ctx.store.addSubIssue(repo, parent.number, id, {
    replaceParent: body.replace_parent === true,
  });
  const found = ctx.store.issueById(child.id);
  return { status: 201, body: renderIssue(ctx.store, found?.repo ?? repo, child) };
}
