/** Pull requests: opening one, listing them, the files one changes, its reviews and reviewers. */
import { ApiError, notFound, validationFailed } from '../errors.js';
import { paginated } from '../pagination.js';
import { webhookPayload } from '../payloads.js';
import type { Reply, RouteContext } from '../route.js';
import { authorAssociation, blobSha, renderUser, repoApi, repoHtml } from '../shapes.js';
import { fakeSha, type Issue, type Repo, type Review } from '../store.js';
import { headOf } from './branches.js';
import { actorOf, bodyObject, intParam, repoOf } from './common.js';

const CREATE_DOCS = 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request';
const REVIEWERS_DOCS =
  'https://docs.github.com/rest/pulls/review-requests#request-reviewers-for-a-pull-request';

/** A pull request as the REST API gives it: the webhook's object, with its review requests. */
function renderPull(ctx: RouteContext, repo: Repo, issue: Issue) {
  const payload = webhookPayload(ctx.store, 'pull_request', {
    repo: repo.full_name,
    action: 'opened',
    number: issue.number,
  });
  const pull = payload.pull_request as Record<string, unknown>;
  const requested = issue.pull_request?.requested_reviewers ?? [];
  return { ...pull, requested_reviewers: requested.map((l) => renderUser(ctx.store, l)) };
}

/** GET /pulls: `state` (open, closed, all) and `head` (owner:branch) filters, newest first. */
export function listPulls(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const state = ctx.query.get('state') ?? 'open';
  const head = ctx.query.get('head');
  const pulls = repo.issues
    .filter((i) => i.pull_request)
    .filter((i) => state === 'all' || i.state === state)
    .filter((i) => head === null || `${repo.owner}:${i.pull_request?.head}` === head)
    .sort((a, b) => b.number - a.number);
  return paginated(ctx, pulls, (issue) => renderPull(ctx, repo, issue));
}

/**
 * POST /pulls. The workflow token may open one only where the repository allows it: the setting
 * "Allow GitHub Actions to create and approve pull requests" is off for new repositories, and
 * then GitHub answers 403 "GitHub Actions is not permitted to create or approve pull requests."
 * (docs.github.com, "Managing GitHub Actions settings for a repository": Preventing GitHub Actions
 * from creating or approving pull requests; github.blog/changelog/2022-05-03). An App's token or
 * a person's is not held to it. A head branch with an open pull request already gets 422.
 */
export function createPull(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const body = bodyObject(ctx);
  if (ctx.principal.kind === 'workflow' && !repo.actionsMayOpenPulls)
    throw new ApiError(403, {
      message: 'GitHub Actions is not permitted to create or approve pull requests.',
      documentation_url: CREATE_DOCS,
      status: '403',
    });
  const [title, head, base] = ['title', 'head', 'base'].map((f) =>
    typeof body[f] === 'string' ? body[f] : '',
  ) as [string, string, string];
  if (!title)
    throw validationFailed([{ resource: 'PullRequest', code: 'missing_field', field: 'title' }]);
  const branch = head.replace(new RegExp(`^${repo.owner}:`, 'i'), '');
  const sha = headOf(repo, branch);
  if (sha === undefined || branch === repo.default_branch)
    throw validationFailed([{ resource: 'PullRequest', code: 'invalid', field: 'head' }]);
  if (headOf(repo, base) === undefined)
    throw validationFailed([{ resource: 'PullRequest', code: 'invalid', field: 'base' }]);
  const open = repo.issues.find((i) => i.state === 'open' && i.pull_request?.head === branch);
  if (open)
    throw new ApiError(422, {
      message: 'Validation Failed',
      errors: [
        {
          resource: 'PullRequest',
          code: 'custom',
          message: `A pull request already exists for ${repo.owner}:${branch}.`,
        },
      ],
      documentation_url: CREATE_DOCS,
      status: '422',
    });
  const issue = ctx.store.createIssue(repo, {
    title,
    body: typeof body.body === 'string' ? body.body : null,
    user: actorOf(ctx),
    pull_request: { head: branch, base },
  });
  if (issue.pull_request) issue.pull_request.head_sha = sha;
  return { status: 201, body: renderPull(ctx, repo, issue) };
}

/**
 * POST /pulls/{n}/requested_reviewers: only collaborators, and never the pull request's author
 * (422 in GitHub's words either way).
 */
export function requestReviewers(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const issue = repo.issues.find((i) => i.number === intParam(ctx, 'pull_number'));
  const pr = issue?.pull_request;
  if (!issue || !pr) throw notFound();
  const body = bodyObject(ctx);
  const logins = Array.isArray(body.reviewers) ? body.reviewers.map(String) : [];
  const refuse = (message: string) =>
    new ApiError(422, { message, documentation_url: REVIEWERS_DOCS, status: '422' });
  if (logins.some((l) => l.toLowerCase() === issue.user.toLowerCase()))
    throw refuse('Review cannot be requested from pull request author.');
  if (logins.some((l) => ctx.store.permission(repo, l) === null))
    throw refuse(
      `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${repo.full_name} repository.`,
    );
  const known = (pr.requested_reviewers ??= []);
  for (const login of logins)
    if (!known.some((k) => k.toLowerCase() === login.toLowerCase()))
      known.push(ctx.store.user(login).login);
  return { status: 201, body: renderPull(ctx, repo, issue) };
}

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
