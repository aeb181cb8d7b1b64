/** Issue types: the ones a repository's issues may take. */
import { notFound } from '../errors.js';
import type { Reply, RouteContext } from '../route.js';
import { renderIssueType } from '../shapes.js';
import { repoOf } from './common.js';

/**
 * "List issue types for a repository" (docs.github.com/rest/repos/issue-types): the types
 * "inherited from its organization owner", enabled ones only, unpaginated; the Metadata read
 * permission every token has. Its one documented failure is 404, answered here for a repository a
 * person owns, which has no organisation to inherit from.
 */
export function listForRepo(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  if (!ctx.store.isOrg(repo.owner)) throw notFound();
  return { status: 200, body: ctx.store.repoIssueTypes(repo).map(renderIssueType) };
}
