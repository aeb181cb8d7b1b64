/**
 * The git database's tags: a tag's ref and an annotated tag's object, as `init --pin` resolves a
 * release tag to the commit it names (docs.github.com/rest/git/refs#get-a-reference,
 * docs.github.com/rest/git/tags#get-a-tag).
 */
import { notFound } from '../errors.js';
import type { Reply, RouteContext } from '../route.js';
import type { GitObject, Repo } from '../store.js';
import { repoOf } from './common.js';
import { headOf, renderRef, UNSIGNED } from './branches.js';

/** `tags/<name>`, and `heads/<name>` for the default branch and branches made through the API. */
export function getRef(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const ref = ctx.params.ref ?? '';
  const branch = /^heads\/(.+)$/.exec(ref)?.[1];
  if (branch !== undefined) {
    const sha = headOf(repo, branch);
    if (sha === undefined) throw notFound();
    return { status: 200, body: renderRef(ctx, repo, ref, sha) };
  }
  const name = /^tags\/(.+)$/.exec(ref)?.[1];
  const target = name === undefined ? undefined : repo.tags.get(name);
  if (!target) throw notFound();
  const base = `${ctx.origin}/repos/${repo.full_name}/git`;
  return {
    status: 200,
    body: {
      ref: `refs/${ref}`,
      node_id: Buffer.from(`04:Ref${repo.id}:refs/${ref}`).toString('base64'),
      url: `${base}/refs/${ref}`,
      object: objectOf(ctx, repo, target),
    },
  };
}

export function getTag(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const tag = repo.tagObjects.get(ctx.params.tag_sha ?? '');
  if (!tag) throw notFound();
  return {
    status: 200,
    body: {
      node_id: Buffer.from(`03:Tag${repo.id}:${tag.sha}`).toString('base64'),
      tag: tag.tag,
      sha: tag.sha,
      url: `${ctx.origin}/repos/${repo.full_name}/git/tags/${tag.sha}`,
      message: tag.message,
      tagger: tag.tagger,
      object: objectOf(ctx, repo, tag.object),
      verification: UNSIGNED,
    },
  };
}

function objectOf(ctx: RouteContext, repo: Repo, object: GitObject) {
  const kind = object.type === 'tag' ? 'tags' : 'commits';
  return { ...object, url: `${ctx.origin}/repos/${repo.full_name}/git/${kind}/${object.sha}` };
}
