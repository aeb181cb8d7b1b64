/** What a REST route is: a GitHub path template, a handler, and how requests match it. */
import type { IncomingHttpHeaders } from 'node:http';
import type { Principal, RateLimits } from './ratelimit.js';
import type { Store, User } from './store.js';

export interface RouteContext {
  store: Store;
  method: string;
  /** the request path without the query string, as sent (percent-encoded) */
  path: string;
  /** path parameters, percent-decoded */
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  headers: IncomingHttpHeaders;
  /** the authenticated user, or null when the request carried no token */
  viewer: User | null;
  /** the emulator's origin, e.g. http://127.0.0.1:41234 */
  origin: string;
  rate: RateLimits;
  /** whose rate-limit budget the request spends */
  principal: Principal;
  /**
   * Whether an installation token may read another repository's issues (absent: a person's token
   * or none, held to the person's role by the handler).
   */
  mayReadIssues?: (repo: string) => boolean;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** sent as-is instead of JSON (raw media types) */
  raw?: { contentType: string; text: string };
}

export type Handler = (ctx: RouteContext) => Reply;

export interface RouteDef {
  /** e.g. 'GET /repos/{owner}/{repo}/labels/{name}' */
  key: string;
  /** Served on the uploads host (the `servers` of its operation in GitHub's description). */
  uploads?: boolean;
  method: string;
  template: string;
  handler: Handler;
  pattern: RegExp;
  params: string[];
  literalSegments: number;
}

/**
 * A route of the uploads host (uploads.github.com; `/api/uploads` on GitHub Enterprise Server and
 * here): release assets. The API host does not serve it, nor it the API's routes.
 */
export const UPLOADS = { uploads: true } as const;

/** `{path}` (contents) and `{ref}` (git refs: `tags/v1`) span slashes; every other parameter is one path segment. */
export function route(key: string, handler: Handler, host: { uploads?: boolean } = {}): RouteDef {
  const space = key.indexOf(' ');
  const method = key.slice(0, space);
  const template = key.slice(space + 1);
  const params: string[] = [];
  const source = template
    .split('/')
    .map((segment) =>
      segment.replace(/\{(\w+)\}|[^{}]+/g, (part, name: string | undefined) => {
        if (!name) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        params.push(name);
        return name === 'path' || name === 'ref' ? '(.+)' : '([^/]+)';
      }),
    )
    .join('/');
  const literalSegments = template.split('/').filter((s) => s !== '' && !s.includes('{')).length;
  return {
    key,
    ...(host.uploads ? { uploads: true } : {}),
    method,
    template,
    handler,
    pattern: new RegExp(`^${source}/?$`),
    params,
    literalSegments,
  };
}

/** The route for a request; literal segments win over parameters (issues/comments vs issues/{n}). */
export function matchRoute(
  table: readonly RouteDef[],
  method: string,
  path: string,
): { def: RouteDef; params: Record<string, string> } | null {
  let best: { def: RouteDef; params: Record<string, string> } | null = null;
  for (const def of table) {
    if (def.method !== method) continue;
    const m = def.pattern.exec(path);
    if (!m) continue;
    if (best && best.def.literalSegments >= def.literalSegments) continue;
    const params: Record<string, string> = {};
    def.params.forEach((name, i) => {
      params[name] = safeDecode(m[i + 1] ?? '');
    });
    best = { def, params };
  }
  return best;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
