/**
 * Comparing two commits (docs.github.com/rest/commits/commits#compare-two-commits):
 * `GET /compare/BASE...HEAD`, each a tag, the default branch or a sha of the repository's history
 * (Store.pushCommit). Like `git log BASE..HEAD`: `status` is `identical`, `ahead` (BASE is an
 * ancestor of HEAD), `behind` or `diverged`, and `commits` are HEAD's commits BASE lacks, oldest
 * first. A ref the repository does not have is 404.
 */
import { notFound } from '../errors.js';
import type { Reply, RouteContext } from '../route.js';
import { repoApi, repoHtml, renderUser } from '../shapes.js';
import { type Commit, fakeSha, type Repo } from '../store.js';
import { repoOf } from './common.js';
import { UNSIGNED } from './branches.js';

export function compareCommits(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const [baseName = '', headName = ''] = (ctx.params.basehead ?? '').split('...');
  const base = ctx.store.commitOf(repo, baseName);
  const head = ctx.store.commitOf(repo, headName);
  if (!base || !head) throw notFound();
  const fromBase = ctx.store.ancestors(repo, base.sha);
  const fromHead = ctx.store.ancestors(repo, head.sha);
  const ahead = repo.commits.filter((c) => fromHead.has(c.sha) && !fromBase.has(c.sha));
  const behind = repo.commits.filter((c) => fromBase.has(c.sha) && !fromHead.has(c.sha));
  const mergeBase = [...repo.commits]
    .reverse()
    .find((c) => fromBase.has(c.sha) && fromHead.has(c.sha));
  if (!mergeBase) throw notFound('No common ancestor between the two commits.');
  const status =
    ahead.length === 0 && behind.length === 0
      ? 'identical'
      : behind.length === 0
        ? 'ahead'
        : ahead.length === 0
          ? 'behind'
          : 'diverged';
  const api = repoApi(ctx.store, repo);
  const html = repoHtml(ctx.store, repo);
  const basehead = ctx.params.basehead ?? '';
  return {
    status: 200,
    body: {
      url: `${api}/compare/${basehead}`,
      html_url: `${html}/compare/${basehead}`,
      permalink_url: `${html}/compare/${base.sha}...${head.sha}`,
      diff_url: `${html}/compare/${basehead}.diff`,
      patch_url: `${html}/compare/${basehead}.patch`,
      base_commit: renderCommit(ctx, repo, base),
      merge_base_commit: renderCommit(ctx, repo, mergeBase),
      status,
      ahead_by: ahead.length,
      behind_by: behind.length,
      total_commits: ahead.length,
      commits: ahead.map((c) => renderCommit(ctx, repo, c)),
      files: [],
    },
  };
}

function renderCommit(ctx: RouteContext, repo: Repo, commit: Commit) {
  const api = repoApi(ctx.store, repo);
  const html = repoHtml(ctx.store, repo);
  const user = renderUser(ctx.store, commit.author);
  const person = {
    name: user.login,
    email: `${user.id}+${user.login}@users.noreply.github.com`,
    date: commit.date,
  };
  const tree = fakeSha(`tree:${commit.sha}`);
  return {
    url: `${api}/commits/${commit.sha}`,
    sha: commit.sha,
    node_id: Buffer.from(`06:Commit${repo.id}:${commit.sha}`).toString('base64'),
    html_url: `${html}/commit/${commit.sha}`,
    comments_url: `${api}/commits/${commit.sha}/comments`,
    commit: {
      url: `${api}/git/commits/${commit.sha}`,
      author: person,
      committer: person,
      message: commit.message,
      comment_count: 0,
      tree: { sha: tree, url: `${api}/git/trees/${tree}` },
      verification: UNSIGNED,
    },
    author: user,
    committer: user,
    parents: commit.parents.map((sha) => ({
      sha,
      url: `${api}/commits/${sha}`,
      html_url: `${html}/commit/${sha}`,
    })),
  };
}
