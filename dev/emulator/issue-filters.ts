/** Issue predicates and orders shared by the REST list, search and GraphQL. */
import type { Issue } from './store.js';

export function mentions(issue: Issue, login: string): boolean {
  const re = new RegExp(
    `(^|[^\\w/])@${login.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`,
    'i',
  );
  return re.test(issue.body ?? '') || issue.comments.some((c) => re.test(c.body));
}

export type IssueSortField = 'created' | 'updated' | 'comments';

export function sortIssues(
  issues: Issue[],
  field: IssueSortField,
  direction: 'asc' | 'desc',
): Issue[] {
  const key = (i: Issue): string | number =>
    field === 'comments' ? i.comments.length : field === 'updated' ? i.updated_at : i.created_at;
  const sign = direction === 'asc' ? 1 : -1;
  return [...issues].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === kb) return sign * (a.number - b.number);
    return ka < kb ? -sign : sign;
  });
}
