/**
 * Actions workflows, as far as a desk needs them: whether GitHub still runs one, and turning it
 * back on (docs.github.com/rest/actions/workflows#get-a-workflow, #enable-a-workflow). GitHub
 * disables a scheduled workflow of a public repository after 60 days without activity; enabling
 * needs the `actions: write` permission (the route table of permissions.ts).
 */
import type { Reply, RouteContext } from '../route.js';
import type { Workflow } from '../store.js';
import { repoOf } from './common.js';

export function getWorkflow(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const workflow = ctx.store.workflow(repo.full_name, ctx.params.workflow_id ?? '');
  return { status: 200, body: render(ctx, repo.full_name, workflow) };
}

export function enableWorkflow(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  ctx.store.setWorkflowState(repo.full_name, ctx.params.workflow_id ?? '', 'active');
  return { status: 204, body: null };
}

function render(ctx: RouteContext, repo: string, w: Workflow) {
  return {
    id: w.id,
    node_id: w.node_id,
    name: w.name,
    path: w.path,
    state: w.state,
    created_at: w.created_at,
    updated_at: w.updated_at,
    url: `${ctx.origin}/repos/${repo}/actions/workflows/${w.id}`,
    html_url: `https://github.com/${repo}/blob/main/${w.path}`,
    badge_url: `https://github.com/${repo}/workflows/${encodeURIComponent(w.name)}/badge.svg`,
  };
}
