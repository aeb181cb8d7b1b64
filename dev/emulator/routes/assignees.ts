/** Assignable users and issue assignees. */
import { notFound } from '../errors.js';
import { paginated } from '../pagination.js';
import type { Reply, RouteContext } from '../route.js';
import { renderIssue, renderUser } from '../shapes.js';
import { actorOf, bodyObject, issueOf, repoOf, stringList } from './common.js';

export function listAssignees(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  return paginated(ctx, ctx.store.assignableUsers(repo), (u) => renderUser(ctx.store, u.login));
}

/** 204 when the user can be assigned to issues in the repository, else 404. */
export function checkAssignable(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  if (!ctx.store.isAssignable(repo, ctx.params.assignee ?? '')) throw notFound();
  return { status: 204 };
}

export function checkAssignableToIssue(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  issueOf(ctx, repo);
  if (!ctx.store.isAssignable(repo, ctx.params.assignee ?? '')) throw notFound();
  return { status: 204 };
}

function loginsInBody(ctx: RouteContext): string[] {
  const body = bodyObject(ctx);
  return body.assignees === undefined ? [] : stringList(body.assignees, 'assignees');
}

/** Adds assignees; logins that cannot be assigned are silently ignored, at most 10 are kept. */
export function addAssignees(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const issue = issueOf(ctx, repo);
  ctx.store.addAssignees(repo, issue.number, loginsInBody(ctx), { actor: actorOf(ctx) });
  return { status: 201, body: renderIssue(ctx.store, repo, issue) };
}

export function removeAssignees(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const issue = issueOf(ctx, repo);
  ctx.store.removeAssignees(repo, issue.number, loginsInBody(ctx), { actor: actorOf(ctx) });
  return { status: 200, body: renderIssue(ctx.store, repo, issue) };
}
