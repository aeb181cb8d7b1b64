/** Repository contents: a file (base64, or raw with the raw media type) or a directory listing. */
import { blobTooLarge, notFound } from '../errors.js';
import type { Reply, RouteContext } from '../route.js';
import { githubBase64, renderContentEntry } from '../shapes.js';
import { repoOf } from './common.js';

/** The largest file the contents API gives as JSON (base64): 1 MB. */
const CONTENT_JSON_LIMIT = 1024 * 1024;

export function getContent(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const ref = ctx.query.get('ref') || repo.default_branch;
  const files = ctx.store.filesAt(repo, ref);
  if (!files) throw notFound(`No commit found for the ref ${ref}`);
  const path = (ctx.params.path ?? '').replace(/^\/+|\/+$/g, '');
  const refName = ref.replace(/^refs\/(heads|tags)\//, '');

  const content = files.get(path);
  if (content !== undefined) {
    if (/application\/vnd\.github(\.v3)?\.raw/.test(String(ctx.headers.accept ?? ''))) {
      return {
        status: 200,
        raw: { contentType: 'application/vnd.github.raw; charset=utf-8', text: content },
      };
    }
    // docs.github.com, "Get repository content": a file between 1 and 100 MB comes only with
    // the raw or object media types; the default one answers 403 too_large.
    if (Buffer.byteLength(content, 'utf8') > CONTENT_JSON_LIMIT) throw blobTooLarge();
    return {
      status: 200,
      body: {
        ...renderContentEntry(ctx.store, repo, path, refName, { type: 'file', content }),
        content: githubBase64(content),
        encoding: 'base64',
      },
    };
  }

  const prefix = path === '' ? '' : `${path}/`;
  const children = new Map<string, 'file' | 'dir'>();
  for (const file of files.keys()) {
    if (!file.startsWith(prefix)) continue;
    const rest = file.slice(prefix.length);
    const slash = rest.indexOf('/');
    children.set(slash < 0 ? rest : rest.slice(0, slash), slash < 0 ? 'file' : 'dir');
  }
  if (children.size === 0) throw notFound();
  const entries = [...children.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, type]) => {
      const full = `${prefix}${name}`;
      return renderContentEntry(
        ctx.store,
        repo,
        full,
        refName,
        type === 'file' ? { type, content: files.get(full) ?? '' } : { type },
      );
    });
  return { status: 200, body: entries };
}
