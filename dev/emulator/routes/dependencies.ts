/**
 * Issue dependencies (docs.github.com/rest/issues/issue-dependencies): list the issues one is
 * blocked by and the ones it blocks, add a "blocked by" (the body names the blocking issue by its
 * id, not its number), remove one. The blocking issue may be in another repository; it must be
 * one the token can read, else 404 as for anything it cannot see. Writing takes the Issues
 * permission on the blocked issue's repository (write), reading it (read): permissions.ts.
 * GitHub Enterprise Server versions without the feature answer 404: tests inject that refusal.
 */
import { invalidRequest, notFound } from '../errors.js';
import { paginated } from '../pagination.js';
import type { Reply, RouteContext } from '../route.js';
import { renderIssue } from '../shapes.js';
import type { Issue, Repo } from '../store.js';
import { bodyObject, intParam, issueOf, repoOf } from './common.js';

export function listBlockedBy(ctx: RouteContext): Reply {
  const issue = issueOf(ctx, repoOf(ctx));
  const found = ctx.store.blockersOf(issue).filter((b) => visible(ctx, b.repo));
  return paginated(ctx, found, (b) => renderIssue(ctx.store, b.repo, b.issue));
}

export function listBlocking(ctx: RouteContext): Reply {
  const issue = issueOf(ctx, repoOf(ctx));
  const found = ctx.store.blockedOf(issue).filter((b) => visible(ctx, b.repo));
  return paginated(ctx, found, (b) => renderIssue(ctx.store, b.repo, b.issue));
}

/** 201 with the blocked issue, as GitHub answers. */
export function addBlockedBy(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const issue = issueOf(ctx, repo);
  mayWrite(ctx, repo);
  const id = bodyObject(ctx).issue_id;
  if (typeof id !== 'number' || !Number.isInteger(id))
    throw invalidRequest(`For 'issue_id', ${JSON.stringify(id)} is not an integer.`);
  const blocking = ctx.store.issueById(id);
  if (!blocking || !visible(ctx, blocking.repo)) throw notFound();
  ctx.store.addBlockedBy(issue, blocking.issue);
  return { status: 201, body: renderIssue(ctx.store, repo, issue) };
}

/** 200 with the blocked issue; 404 when it was not blocked by that one. */
export function removeBlockedBy(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const issue: Issue = issueOf(ctx, repo);
  mayWrite(ctx, repo);
  if (!ctx.store.removeBlockedBy(issue, intParam(ctx, 'issue_id'))) throw notFound();
  return { status: 200, body: renderIssue(ctx.store, repo, issue) };
}

/** Whether the token can see the other issue's repository (an installation token: its grant). */
function visible(ctx: RouteContext, repo: Repo): boolean {
  if (ctx.mayReadIssues) return ctx.mayReadIssues(repo.full_name);
  return !repo.private || (!!ctx.viewer && ctx.store.permission(repo, ctx.viewer.login) !== null);
}

/** A person needs triage access or more to edit an issue's relationships; 404 like GitHub otherwise. */
function mayWrite(ctx: RouteContext, repo: Repo): void {
  if (!ctx.viewer || ctx.viewer.type === 'Bot' || ctx.mayReadIssues) return;
  const role = ctx.store.permission(repo, ctx.viewer.login);
  if (role && role !== 'read') return;
  throw notFound();
}
