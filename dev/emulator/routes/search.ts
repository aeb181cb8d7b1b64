/** GET /search/issues. */
import { validationFailed } from '../errors.js';
import { pageOf, pageParams } from '../pagination.js';
import type { Reply, RouteContext } from '../route.js';
import { searchIssues as runSearch, type SearchHit } from '../search-query.js';
import { renderIssue } from '../shapes.js';
import { enumParam } from './common.js';

/** An issue as search returns it: `score` added; `body` (a string there) left out when empty. */
function searchItem(ctx: RouteContext, hit: SearchHit) {
  const { body, ...issue } = renderIssue(ctx.store, hit.repo, hit.issue);
  return { ...issue, ...(body === null ? {} : { body }), score: 1 };
}

/** GitHub serves at most the first 1000 results of a search. */
const MAX_RESULTS = 1000;

export function searchIssues(ctx: RouteContext): Reply {
  const q = ctx.query.get('q');
  if (q === null || q.trim() === '') {
    throw validationFailed([{ resource: 'Search', field: 'q', code: 'missing' }]);
  }
  const sortParam = ctx.query.get('sort');
  const sort =
    sortParam === null
      ? null
      : enumParam(ctx, 'sort', ['created', 'updated', 'comments'] as const, 'created');
  const order = enumParam(ctx, 'order', ['asc', 'desc'] as const, 'desc');
  const hits = runSearch(ctx.store, q, { viewer: ctx.viewer?.login ?? null, sort, order });
  const { page, perPage } = pageParams(ctx);
  if ((page - 1) * perPage >= MAX_RESULTS && hits.length > 0) {
    throw validationFailed([
      {
        resource: 'Search',
        field: 'q',
        code: 'invalid',
        message: 'Only the first 1000 search results are available',
      },
    ]);
  }
  const { items, headers } = pageOf(ctx, hits.slice(0, MAX_RESULTS));
  return {
    status: 200,
    headers,
    body: {
      total_count: hits.length,
      incomplete_results: false,
      search_type: 'lexical',
      items: items.map((h) => searchItem(ctx, h)),
    },
  };
}
