/** Repository labels and the labels of an issue. */
import { invalidRequest } from '../errors.js';
import { paginated } from '../pagination.js';
import type { Reply, RouteContext } from '../route.js';
import { renderLabel } from '../shapes.js';
import type { Label, Repo } from '../store.js';
import { actorOf, bodyObject, issueOf, nameList, repoOf } from './common.js';

function labelName(ctx: RouteContext): string {
  return ctx.params.name ?? '';
}

export function listLabels(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  return paginated(ctx, repo.labels, (l) => renderLabel(ctx.store, repo, l));
}

export function getLabel(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  return { status: 200, body: renderLabel(ctx.store, repo, ctx.store.label(repo, labelName(ctx))) };
}

export function createLabel(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const body = bodyObject(ctx);
  const label = ctx.store.createLabel(repo, {
    name: body.name,
    color: body.color,
    description: body.description,
  });
  const rendered = renderLabel(ctx.store, repo, label);
  return { status: 201, body: rendered, headers: { location: rendered.url } };
}

export function updateLabel(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const body = bodyObject(ctx);
  const label = ctx.store.updateLabel(repo, labelName(ctx), {
    new_name: body.new_name,
    color: body.color,
    description: body.description,
  });
  return { status: 200, body: renderLabel(ctx.store, repo, label) };
}

export function deleteLabel(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  ctx.store.deleteLabel(repo, labelName(ctx));
  return { status: 204 };
}

/** `{labels: [...]}`, a bare array, or `{labels: [{name}]}`, as GitHub accepts. */
function labelsInBody(ctx: RouteContext): string[] {
  const body = ctx.body;
  if (Array.isArray(body)) return nameList(body, 'labels');
  const obj = bodyObject(ctx);
  if (obj.labels === undefined) throw invalidRequest('No subschema in "anyOf" matched.');
  return nameList(obj.labels, 'labels');
}

function issueLabels(ctx: RouteContext, repo: Repo, labels: Label[]): Reply {
  return { status: 200, body: labels.map((l) => renderLabel(ctx.store, repo, l)) };
}

export function listForIssue(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const issue = issueOf(ctx, repo);
  return paginated(ctx, issue.labels, (l) => renderLabel(ctx.store, repo, l));
}

export function addToIssue(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const issue = issueOf(ctx, repo);
  const names = labelsInBody(ctx);
  return issueLabels(
    ctx,
    repo,
    ctx.store.addLabels(repo, issue.number, names, { actor: actorOf(ctx) }),
  );
}

export function setForIssue(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const issue = issueOf(ctx, repo);
  const names = ctx.body === undefined ? [] : labelsInBody(ctx);
  return issueLabels(
    ctx,
    repo,
    ctx.store.setLabels(repo, issue.number, names, { actor: actorOf(ctx) }),
  );
}

export function removeAllFromIssue(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const issue = issueOf(ctx, repo);
  ctx.store.clearLabels(repo, issue.number, { actor: actorOf(ctx) });
  return { status: 204 };
}

export function removeFromIssue(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const issue = issueOf(ctx, repo);
  const labels = ctx.store.removeLabel(repo, issue.number, labelName(ctx), { actor: actorOf(ctx) });
  return issueLabels(ctx, repo, labels);
}
