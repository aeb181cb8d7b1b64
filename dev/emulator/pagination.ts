/** GitHub's page-based pagination: per_page (default 30, max 100), page, and the Link header. */
import type { Reply, RouteContext } from './route.js';

export interface Page<T> {
  items: T[];
  headers: Record<string, string>;
}

export function pageParams(ctx: RouteContext): { page: number; perPage: number } {
  const perPage = clampInt(ctx.query.get('per_page'), 30, 1, 100);
  const page = clampInt(ctx.query.get('page'), 1, 1, Number.MAX_SAFE_INTEGER);
  return { page, perPage };
}

function clampInt(raw: string | null, fallback: number, min: number, max: number): number {
  if (raw === null || raw.trim() === '') return fallback;
  const n = Number.parseInt(raw, 10);
  if (!Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, n));
}

/**
 * One page of `all` and its Link header, in GitHub's order (prev, next, last, first) with
 * absolute URLs that keep every other query parameter.
 */
export function pageOf<T>(ctx: RouteContext, all: readonly T[]): Page<T> {
  const { page, perPage } = pageParams(ctx);
  const lastPage = Math.max(1, Math.ceil(all.length / perPage));
  const items = all.slice((page - 1) * perPage, page * perPage);
  const link = (n: number, rel: string) => {
    const q = new URLSearchParams(ctx.query);
    q.set('page', String(n));
    return `<${ctx.origin}${ctx.path}?${q.toString()}>; rel="${rel}"`;
  };
  const parts: string[] = [];
  if (page > 1) parts.push(link(Math.min(page - 1, lastPage), 'prev'));
  if (page < lastPage) parts.push(link(page + 1, 'next'), link(lastPage, 'last'));
  if (page > 1) parts.push(link(1, 'first'));
  return { items, headers: parts.length > 0 ? { link: parts.join(', ') } : {} };
}

/** A 200 reply with one page of `all`, each rendered. */
export function paginated<T>(
  ctx: RouteContext,
  all: readonly T[],
  render: (item: T) => unknown,
): Reply {
  const { items, headers } = pageOf(ctx, all);
  return { status: 200, body: items.map(render), headers };
}
