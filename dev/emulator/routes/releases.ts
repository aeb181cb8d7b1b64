/**
 * Releases and their files (docs.github.com/rest/releases/releases, /rest/releases/assets): read
 * one by its tag, create one, list, upload and delete its assets. Uploads go to the uploads host
 * the release's `upload_url` names (uploads.github.com; `/api/uploads` on the emulator, as on
 * GitHub Enterprise Server), with the file itself as the body. Reading takes `contents: read` and
 * writing `contents: write` (permissions.ts); a person needs push access to create a release
 * ("Users with push access to the repository can create a release").
 */
import { createHash } from 'node:crypto';
import { ApiError, invalidRequest, notFound } from '../errors.js';
import type { Reply, RouteContext } from '../route.js';
import type { Release, ReleaseAsset, Repo } from '../store.js';
import { renderUser } from '../shapes.js';
import { paginated } from '../pagination.js';
import { actorOf, bodyObject, intParam, optionalString, repoOf } from './common.js';

const DOCS = 'https://docs.github.com/rest/releases/releases#create-a-release';

export function getByTag(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const release = ctx.store.findRelease(repo, ctx.params.tag ?? '');
  // Drafts are not found by tag: only their creators see them, through the list.
  if (!release || release.draft) throw notFound();
  return { status: 200, body: renderRelease(ctx, repo, release) };
}

export function createRelease(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  mustPush(ctx, repo);
  const body = bodyObject(ctx);
  const tag = optionalString(body, 'tag_name');
  const target = optionalString(body, 'target_commitish');
  const name = optionalString(body, 'name');
  const notes = optionalString(body, 'body');
  if (body.prerelease !== undefined && typeof body.prerelease !== 'boolean')
    throw invalidRequest(`For 'prerelease', ${JSON.stringify(body.prerelease)} is not a boolean.`);
  const latest = optionalString(body, 'make_latest');
  if (latest !== undefined && latest !== null && !['true', 'false', 'legacy'].includes(latest))
    throw invalidRequest(
      `For 'make_latest', ${JSON.stringify(body.make_latest)} is not a member of [true, false, legacy].`,
    );
  const release = ctx.store.createRelease(
    repo,
    {
      tag_name: tag ?? '',
      ...(target ? { target_commitish: target } : {}),
      ...(name !== undefined ? { name } : {}),
      ...(notes !== undefined ? { body: notes } : {}),
      ...(body.prerelease === true ? { prerelease: true } : {}),
    },
    { actor: actorOf(ctx) },
  );
  return { status: 201, body: renderRelease(ctx, repo, release) };
}

/**
 * Newest first, as GitHub lists them; drafts only for those who may push ("Information about
 * published releases are available to everyone. Only users with push access will receive
 * listings for draft releases", docs.github.com/rest/releases/releases#list-releases).
 */
export function listReleases(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const pushes =
    !!ctx.viewer &&
    (ctx.viewer.type === 'Bot' ||
      ['write', 'maintain', 'admin'].includes(ctx.store.permission(repo, ctx.viewer.login) ?? ''));
  const listed = [...repo.releases].reverse().filter((r) => !r.draft || pushes);
  return paginated(ctx, listed, (r) => renderRelease(ctx, repo, r));
}

export function listAssets(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const release = releaseOf(ctx, repo);
  return paginated(ctx, release.assets, (a) => renderAsset(ctx, repo, release, a));
}

export function deleteAsset(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  ctx.store.deleteReleaseAsset(repo, intParam(ctx, 'asset_id'));
  return { status: 204, body: null };
}

/** On the uploads host only: the raw body is the file, `name` and `label` are query parameters. */
export function uploadAsset(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  mustPush(ctx, repo);
  const release = releaseOf(ctx, repo);
  const contentType = ctx.headers['content-type'];
  if (!contentType) throw invalidRequest('Content-Type header is required');
  const asset = ctx.store.uploadReleaseAsset(
    repo,
    release.id,
    {
      name: ctx.query.get('name') ?? '',
      label: ctx.query.get('label'),
      content_type: contentType,
      content: typeof ctx.body === 'string' ? ctx.body : '',
    },
    { actor: actorOf(ctx) },
  );
  return { status: 201, body: renderAsset(ctx, repo, release, asset) };
}

function releaseOf(ctx: RouteContext, repo: Repo): Release {
  const id = intParam(ctx, 'release_id');
  const release = repo.releases.find((r) => r.id === id);
  if (!release) throw notFound();
  return release;
}

/** A person's token needs push access; an installation token's `contents: write` is checked before. */
function mustPush(ctx: RouteContext, repo: Repo): void {
  if (!ctx.viewer || ctx.viewer.type === 'Bot') return;
  const role = ctx.store.permission(repo, ctx.viewer.login);
  if (role === 'write' || role === 'maintain' || role === 'admin') return;
  throw new ApiError(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
}

function renderRelease(ctx: RouteContext, repo: Repo, release: Release) {
  const api = `${ctx.origin}/repos/${repo.full_name}`;
  const html = `${ctx.store.htmlUrl}/${repo.full_name}`;
  return {
    url: `${api}/releases/${release.id}`,
    html_url: `${html}/releases/tag/${encodeURIComponent(release.tag_name)}`,
    assets_url: `${api}/releases/${release.id}/assets`,
    upload_url: `${ctx.origin}/api/uploads/repos/${repo.full_name}/releases/${release.id}/assets{?name,label}`,
    tarball_url: `${api}/tarball/${encodeURIComponent(release.tag_name)}`,
    zipball_url: `${api}/zipball/${encodeURIComponent(release.tag_name)}`,
    id: release.id,
    node_id: release.node_id,
    tag_name: release.tag_name,
    target_commitish: release.target_commitish,
    name: release.name,
    body: release.body,
    draft: release.draft,
    prerelease: release.prerelease,
    immutable: false,
    created_at: release.created_at,
    published_at: release.published_at,
    updated_at: release.created_at,
    author: renderUser(ctx.store, release.author),
    assets: release.assets.map((a) => renderAsset(ctx, repo, release, a)),
  };
}

function renderAsset(ctx: RouteContext, repo: Repo, release: Release, asset: ReleaseAsset) {
  return {
    url: `${ctx.origin}/repos/${repo.full_name}/releases/assets/${asset.id}`,
    browser_download_url: `${ctx.store.htmlUrl}/${repo.full_name}/releases/download/${encodeURIComponent(release.tag_name)}/${encodeURIComponent(asset.name)}`,
    id: asset.id,
    node_id: asset.node_id,
    name: asset.name,
    label: asset.label,
    state: asset.state,
    content_type: asset.content_type,
    size: Buffer.byteLength(asset.content),
    digest: `sha256:${createHash('sha256').update(asset.content).digest('hex')}`,
    download_count: 0,
    created_at: asset.created_at,
    updated_at: asset.updated_at,
    uploader: renderUser(ctx.store, asset.uploader),
  };
}
