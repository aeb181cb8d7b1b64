/** Pull requests: the files one changes, and its reviews. */
import { notFound } from '../errors.js';
import { paginated } from '../pagination.js';
import type { Reply, RouteContext } from '../route.js';
import { authorAssociation, blobSha, renderUser, repoApi, repoHtml } from '../shapes.js';
import { fakeSha, type Repo, type Review } from '../store.js';
import { intParam, repoOf } from './common.js';

interface ChangedFile {
  filename: string;
  status: 'added' | 'modified';
  content: string;
  before: string | undefined;
}

/**
 * The files a pull request changes: every path whose content at the head commit differs from
 * the base. The emulator's commits hold only the files pushed to them, so the base is the base
 * branch overlaid with what was set at the base commit (the sha its webhook payload names), and a
 * file missing at the head is not a deletion: removed and renamed files are not modelled.
 */
export function listFiles(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const number = intParam(ctx, 'pull_number');
  const pr = repo.issues.find((i) => i.number === number)?.pull_request;
  if (!pr) throw notFound();
  const head = ctx.store.filesAt(repo, pr.head_sha) ?? new Map<string, string>();
  const base = new Map([
    ...(ctx.store.filesAt(repo, pr.base) ?? repo.files),
    ...(ctx.store.filesAt(repo, fakeSha(`${repo.full_name}:${pr.base}`)) ?? []),
  ]);
  const changed: ChangedFile[] = [...head]
    .filter(([path, content]) => base.get(path) !== content)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([filename, content]) => ({
      filename,
      status: base.has(filename) ? 'modified' : 'added',
      content,
      before: base.get(filename),
    }));
  return paginated(ctx, changed, (file) => renderFile(ctx, repo, pr.head_sha, file));
}

function renderFile(ctx: RouteContext, repo: Repo, sha: string, file: ChangedFile) {
  const { additions, deletions } = lineChanges(file.before ?? '', file.content);
  const path = file.filename.split('/').map(encodeURIComponent).join('/');
  return {
    sha: blobSha(file.content),
    filename: file.filename,
    status: file.status,
    additions,
    deletions,
    changes: additions + deletions,
    blob_url: `${ctx.store.htmlUrl}/${repo.full_name}/blob/${sha}/${path}`,
    raw_url: `${ctx.store.htmlUrl}/${repo.full_name}/raw/${sha}/${path}`,
    contents_url: `${repoApi(ctx.store, repo)}/contents/${path}?ref=${sha}`,
  };
}

/** Lines only in one version, counted as a multiset: a diff's totals without its hunks. */
function lineChanges(before: string, after: string): { additions: number; deletions: number } {
  const lines = (text: string) => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));
  const remaining = new Map<string, number>();
  for (const line of lines(before)) remaining.set(line, (remaining.get(line) ?? 0) + 1);
  let additions = 0;
  for (const line of lines(after)) {
    const left = remaining.get(line) ?? 0;
    if (left > 0) remaining.set(line, left - 1);
    else additions += 1;
  }
  const deletions = [...remaining.values()].reduce((sum, n) => sum + n, 0);
  return { additions, deletions };
}

/** GET /pulls/{n}/reviews: every review, oldest first, as GitHub lists them. */
export function listReviews(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const number = intParam(ctx, 'pull_number');
  const pr = repo.issues.find((i) => i.number === number)?.pull_request;
  if (!pr) throw notFound();
  return paginated(ctx, pr.reviews ?? [], (review) => renderReview(ctx, repo, number, review));
}

function renderReview(ctx: RouteContext, repo: Repo, number: number, review: Review) {
  const html = `${repoHtml(ctx.store, repo)}/pull/${number}#pullrequestreview-${review.id}`;
  const pull = `${repoApi(ctx.store, repo)}/pulls/${number}`;
  return {
    id: review.id,
    node_id: review.node_id,
    user: renderUser(ctx.store, review.user),
    body: review.body,
    state: review.state,
    html_url: html,
    pull_request_url: pull,
    author_association: authorAssociation(ctx.store, repo, review.user),
    _links: { html: { href: html }, pull_request: { href: pull } },
    submitted_at: review.submitted_at,
    commit_id: review.commit_id,
  };
}
