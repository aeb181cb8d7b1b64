/** Issue events and the issue timeline. */
import { paginated } from '../pagination.js';
import type { Reply, RouteContext } from '../route.js';
import { renderEvent, renderTimelineComment } from '../shapes.js';
import { issueOf, repoOf } from './common.js';

export function listEvents(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const issue = issueOf(ctx, repo);
  return paginated(ctx, issue.events, (e) => renderEvent(ctx.store, repo, e));
}

export function listTimeline(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const issue = issueOf(ctx, repo);
  return paginated(ctx, ctx.store.timeline(repo, issue.number), (item) =>
    item.kind === 'event'
      ? renderEvent(ctx.store, repo, item.event)
      : renderTimelineComment(ctx.store, repo, item.comment),
  );
}
