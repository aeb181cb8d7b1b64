/**
 * Branches the API makes, and files written on them: what a kit that opens a pull request does
 * (docs.github.com/rest/git/refs#create-a-reference, #delete-a-reference,
 * docs.github.com/rest/repos/contents#create-or-update-file-contents). The emulator keeps no
 * commit graph: a branch is the commit it points at and the files there, and a write makes a new
 * commit holding the branch's files with the one changed.
 */
import { ApiError, notFound, notImplemented } from '../errors.js';
import type { Reply, RouteContext } from '../route.js';
import { blobSha, renderContentEntry, renderUser, repoApi, repoHtml } from '../shapes.js';
import { fakeSha, type Repo } from '../store.js';
import { actorOf, bodyObject, repoOf } from './common.js';

/** The emulator signs nothing: every commit and tag says so as GitHub words it. */
export const UNSIGNED = {
  verified: false,
  reason: 'unsigned',
  signature: null,
  payload: null,
  verified_at: null,
} as const;

const REFS_DOCS = 'https://docs.github.com/rest/git/refs#create-a-reference';
const CONTENTS_DOCS = 'https://docs.github.com/rest/repos/contents#create-or-update-file-contents';

/** The commit a branch points at: the default branch's is the one its webhook payloads name. */
export function headOf(repo: Repo, branch: string): string | undefined {
  if (branch === repo.default_branch) return fakeSha(`${repo.full_name}:${branch}`);
  return repo.heads.get(branch);
}

function filesOfCommit(
  ctx: RouteContext,
  repo: Repo,
  sha: string,
): Map<string, string> | undefined {
  if (sha === headOf(repo, repo.default_branch)) return repo.files;
  return ctx.store.filesAt(repo, sha);
}

function refused(status: number, message: string, docs: string): ApiError {
  return new ApiError(status, { message, documentation_url: docs, status: String(status) });
}

export function renderRef(ctx: RouteContext, repo: Repo, ref: string, sha: string) {
  const base = `${ctx.origin}/repos/${repo.full_name}/git`;
  return {
    ref: `refs/${ref}`,
    node_id: Buffer.from(`04:Ref${repo.id}:refs/${ref}`).toString('base64'),
    url: `${base}/refs/${ref}`,
    object: { type: 'commit', sha, url: `${base}/commits/${sha}` },
  };
}

/** POST /git/refs: 422 when the name is taken or the commit unknown, as GitHub answers. */
export function createRef(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const body = bodyObject(ctx);
  const ref = typeof body.ref === 'string' ? body.ref : '';
  const sha = typeof body.sha === 'string' ? body.sha : '';
  if (!/^refs\/[^/]+\/.+/.test(ref))
    throw refused(
      422,
      "Reference name must start with 'refs/' and have at least two slashes.",
      REFS_DOCS,
    );
  const branch = /^refs\/heads\/(.+)$/.exec(ref)?.[1];
  if (branch === undefined) throw notImplemented(`POST git/refs for ${ref}: branches only`);
  if (headOf(repo, branch) !== undefined) throw refused(422, 'Reference already exists', REFS_DOCS);
  const files = filesOfCommit(ctx, repo, sha);
  if (!files) throw refused(422, 'Object does not exist', REFS_DOCS);
  repo.heads.set(branch, sha);
  repo.refs.set(branch, new Map(files));
  return { status: 201, body: renderRef(ctx, repo, `heads/${branch}`, sha) };
}

/** DELETE /git/refs/{ref}: 204; 422 "Reference does not exist" for a branch that is not there. */
export function deleteRef(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const branch = /^heads\/(.+)$/.exec(ctx.params.ref ?? '')?.[1];
  if (branch === undefined)
    throw notImplemented(`DELETE git/refs/${ctx.params.ref}: branches only`);
  if (!repo.heads.has(branch)) throw refused(422, 'Reference does not exist', REFS_DOCS);
  repo.heads.delete(branch);
  repo.refs.delete(branch);
  return { status: 204 };
}

/**
 * PUT /contents/{path} on a branch made through the API: a file that exists needs the blob sha
 * it replaces (422 without it, 409 when it is not the file's), as GitHub refuses a write made
 * from an old copy.
 */
export function putContent(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const body = bodyObject(ctx);
  const path = (ctx.params.path ?? '').replace(/^\/+|\/+$/g, '');
  const branch = typeof body.branch === 'string' ? body.branch : repo.default_branch;
  if (branch === repo.default_branch)
    throw notImplemented('PUT contents on the default branch: branches made through the API only');
  const files = repo.refs.get(branch);
  if (!files || !repo.heads.has(branch)) throw notFound(`Branch ${branch} not found`);
  if (typeof body.message !== 'string' || typeof body.content !== 'string')
    throw refused(422, 'Invalid request.\n\n"message" and "content" are required.', CONTENTS_DOCS);
  const before = files.get(path);
  if (before !== undefined && body.sha === undefined)
    throw refused(422, 'Invalid request.\n\n"sha" wasn\'t supplied.', CONTENTS_DOCS);
  if (before !== undefined && body.sha !== blobSha(before))
    throw refused(409, `${path} does not match ${String(body.sha)}`, CONTENTS_DOCS);
  const text = Buffer.from(body.content, 'base64').toString('utf8');
  const parent = repo.heads.get(branch) ?? '';
  const sha = fakeSha(`${repo.full_name}:${branch}:${parent}:${path}:${text}`);
  files.set(path, text);
  repo.refs.set(sha, new Map(files));
  repo.heads.set(branch, sha);
  repo.pushed_at = ctx.store.now();
  return {
    status: before === undefined ? 201 : 200,
    body: {
      content: renderContentEntry(ctx.store, repo, path, branch, { type: 'file', content: text }),
      commit: renderCommit(ctx, repo, sha, parent, body.message),
    },
  };
}

function renderCommit(ctx: RouteContext, repo: Repo, sha: string, parent: string, message: string) {
  const who = renderUser(ctx.store, actorOf(ctx));
  const person = {
    name: who.login,
    email: `${who.id}+${who.login}@users.noreply.github.com`,
    date: ctx.store.now(),
  };
  return {
    sha,
    node_id: Buffer.from(`06:Commit${repo.id}:${sha}`).toString('base64'),
    url: `${repoApi(ctx.store, repo)}/git/commits/${sha}`,
    html_url: `${repoHtml(ctx.store, repo)}/commit/${sha}`,
    author: person,
    committer: person,
    message,
    tree: {
      url: `${repoApi(ctx.store, repo)}/git/trees/${fakeSha(`tree:${sha}`)}`,
      sha: fakeSha(`tree:${sha}`),
    },
    parents: [
      {
        url: `${repoApi(ctx.store, repo)}/git/commits/${parent}`,
        html_url: `${repoHtml(ctx.store, repo)}/commit/${parent}`,
        sha: parent,
      },
    ],
    verification: UNSIGNED,
  };
}
