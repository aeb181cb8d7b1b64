/** Issue comments: per issue and per repository, create, get, update, delete. */
import { invalidRequest } from '../errors.js';
import { paginated } from '../pagination.js';
import type { Reply, RouteContext } from '../route.js';
import { renderComment } from '../shapes.js';
import type { Comment } from '../store.js';
import {
  actorOf,
  bodyObject,
  checkBodyLength,
  enumParam,
  intParam,
  issueOf,
  repoOf,
  timeParam,
} from './common.js';

function bodyText(ctx: RouteContext): string {
  const body = bodyObject(ctx);
  if (body.body === undefined) throw invalidRequest(`"body" wasn't supplied.`);
  if (typeof body.body !== 'string') {
    throw invalidRequest(`For 'body', ${JSON.stringify(body.body)} is not a string.`);
  }
  checkBodyLength(body.body, 'IssueComment');
  return body.body;
}

export function listForIssue(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const issue = issueOf(ctx, repo);
  const since = timeParam(ctx, 'since');
  const comments = issue.comments.filter((c) => !since || c.updated_at >= since);
  return paginated(ctx, comments, (c) => renderComment(ctx.store, repo, c));
}

/** Repository-wide comments: ascending by id unless `sort` is given (then `direction` defaults to desc). */
export function listForRepo(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const since = timeParam(ctx, 'since');
  const sortGiven = ctx.query.has('sort');
  const sort = enumParam(ctx, 'sort', ['created', 'updated'] as const, 'created');
  const direction = enumParam(
    ctx,
    'direction',
    ['asc', 'desc'] as const,
    sortGiven ? 'desc' : 'asc',
  );
  const key = (c: Comment) => (sort === 'updated' ? c.updated_at : c.created_at);
  const sign = direction === 'asc' ? 1 : -1;
  const comments = ctx.store
    .repoComments(repo)
    .filter((c) => !since || c.updated_at >= since)
    .sort((a, b) => (key(a) === key(b) ? sign * (a.id - b.id) : key(a) < key(b) ? -sign : sign));
  return paginated(ctx, comments, (c) => renderComment(ctx.store, repo, c));
}

export function createComment(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const issue = issueOf(ctx, repo);
  const comment = ctx.store.addComment(repo, issue.number, {
    user: actorOf(ctx),
    body: bodyText(ctx),
  });
  const rendered = renderComment(ctx.store, repo, comment);
  return { status: 201, body: rendered, headers: { location: rendered.url } };
}

export function getComment(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const { comment } = ctx.store.comment(repo, intParam(ctx, 'comment_id'));
  return { status: 200, body: renderComment(ctx.store, repo, comment) };
}

export function updateComment(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const id = intParam(ctx, 'comment_id');
  ctx.store.comment(repo, id);
  const comment = ctx.store.updateComment(repo, id, bodyText(ctx));
  return { status: 200, body: renderComment(ctx.store, repo, comment) };
}

export function deleteComment(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  ctx.store.deleteComment(repo, intParam(ctx, 'comment_id'));
  return { status: 204 };
}
