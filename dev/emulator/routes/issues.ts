/** Issues: list (with GitHub's filters and sorts), create, get, update. */
import { invalidRequest, notImplemented, validationFailed } from '../errors.js';
import { paginated } from '../pagination.js';
import type { Reply, RouteContext } from '../route.js';
import { renderIssue } from '../shapes.js';
import { mentions, sortIssues } from '../issue-filters.js';
import type { IssuePatch, IssueState, Repo, StateReason } from '../store.js';
import {
  actorOf,
  bodyObject,
  checkBodyLength,
  intParam,
  enumParam,
  issueOf,
  nameList,
  optionalString,
  repoOf,
  stringList,
  timeParam,
} from './common.js';

const lower = (s: string) => s.toLowerCase();

export function listIssues(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const state = enumParam(ctx, 'state', ['open', 'closed', 'all'] as const, 'open');
  const sort = enumParam(ctx, 'sort', ['created', 'updated', 'comments'] as const, 'created');
  const direction = enumParam(ctx, 'direction', ['asc', 'desc'] as const, 'desc');
  const since = timeParam(ctx, 'since');
  const labels = (ctx.query.get('labels') ?? '')
    .split(',')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const assignee = ctx.query.get('assignee');
  const creator = ctx.query.get('creator');
  const mentioned = ctx.query.get('mentioned');
  if (ctx.query.get('milestone') && !['*', 'none'].includes(ctx.query.get('milestone') ?? '')) {
    throw notImplemented('issue list filter milestone=<number> is not implemented');
  }
  if (ctx.query.get('type')) throw notImplemented('issue list filter type= is not implemented');

  const selected = repo.issues.filter((issue) => {
    if (state !== 'all' && issue.state !== state) return false;
    if (since && issue.updated_at < since) return false;
    for (const name of labels) {
      if (!issue.labels.some((l) => lower(l.name) === lower(name))) return false;
    }
    if (assignee === 'none' && issue.assignees.length > 0) return false;
    if (assignee === '*' && issue.assignees.length === 0) return false;
    if (
      assignee &&
      assignee !== 'none' &&
      assignee !== '*' &&
      !issue.assignees.some((a) => lower(a) === lower(assignee))
    ) {
      return false;
    }
    if (creator && lower(issue.user) !== lower(creator)) return false;
    if (mentioned && !mentions(issue, mentioned)) return false;
    if (ctx.query.get('milestone') === '*') return false;
    return true;
  });
  return paginated(ctx, sortIssues(selected, sort, direction), (i) =>
    renderIssue(ctx.store, repo, i),
  );
}

export function createIssue(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const body = bodyObject(ctx);
  if (body.title === undefined || body.title === null || body.title === '') {
    throw invalidRequest(`"title" wasn't supplied.`);
  }
  rejectUnsupported(body);
  const title = optionalString(body, 'title') ?? '';
  const assignees = assigneesOf(body);
  const issue = ctx.store.createIssue(
    repo,
    {
      title,
      body: bodyOf(body),
      user: actorOf(ctx),
      ...(body.labels !== undefined ? { labels: nameList(body.labels, 'labels') } : {}),
      ...(assignees ? { assignees } : {}),
      ...(typeOf(ctx, repo, body) ? { type: typeOf(ctx, repo, body) } : {}),
    },
    { actor: actorOf(ctx) },
  );
  const rendered = renderIssue(ctx.store, repo, issue);
  return { status: 201, body: rendered, headers: { location: rendered.url } };
}

/**
 * A transferred issue's old number answers 301 with the new issue's API URL ("Get an issue":
 * "If the issue was transferred ... the API returns a 301 Moved Permanently"); clients that
 * follow redirects land on the issue in its new repository.
 */
export function getIssue(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const moved = ctx.store.movedIssue(repo, intParam(ctx, 'issue_number'));
  if (moved) {
    const url = `${ctx.origin}/repos/${moved.repo}/issues/${moved.number}`;
    return {
      status: 301,
      body: {
        message: 'Moved Permanently',
        url,
        documentation_url: 'https://docs.github.com/rest/issues/issues#get-an-issue',
      },
      headers: { location: url },
    };
  }
  return { status: 200, body: renderIssue(ctx.store, repo, issueOf(ctx, repo)) };
}

export function updateIssue(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const issue = issueOf(ctx, repo);
  const body = bodyObject(ctx);
  rejectUnsupported(body);
  const patch: IssuePatch = {};
  const title = optionalString(body, 'title', { nullable: true });
  if (title === null) {
    throw validationFailed([{ resource: 'Issue', code: 'missing_field', field: 'title' }]);
  }
  if (title !== undefined) patch.title = title;
  const text = optionalString(body, 'body', { nullable: true });
  checkBodyLength(text, 'Issue');
  if (text !== undefined) patch.body = text;
  if (body.state !== undefined) patch.state = body.state as IssueState;
  if (body.state_reason !== undefined) patch.state_reason = body.state_reason as StateReason | null;
  if (body.labels !== undefined) patch.labels = nameList(body.labels, 'labels');
  const assignees = assigneesOf(body);
  if (assignees) patch.assignees = assignees;
  const type = typeOf(ctx, repo, body);
  if (type !== undefined) patch.type = type;
  ctx.store.updateIssue(repo, issue.number, patch, { actor: actorOf(ctx) });
  return { status: 200, body: renderIssue(ctx.store, repo, issue) };
}

/** `assignees: [...]`, or the deprecated single `assignee` (null clears). */
function bodyOf(body: Record<string, unknown>): string | null {
  const text = optionalString(body, 'body', { nullable: true }) ?? null;
  checkBodyLength(text, 'Issue');
  return text;
}

function assigneesOf(body: Record<string, unknown>): string[] | undefined {
  if (body.assignees !== undefined && body.assignees !== null) {
    return stringList(body.assignees, 'assignees');
  }
  if (body.assignee === null) return [];
  if (typeof body.assignee === 'string') return body.assignee === '' ? [] : [body.assignee];
  return undefined;
}

/**
 * `type`: an issue type's name, or null to clear it; dropped without an error when the writer may
 * not set types (Store.maySetIssueType) or the repository has no such type (Store.typeFor).
 * Update's other form, an object that may ask only to suggest the type, is not served.
 */
function typeOf(
  ctx: RouteContext,
  repo: Repo,
  body: Record<string, unknown>,
): string | null | undefined {
  if (body.type !== null && typeof body.type === 'object')
    throw notImplemented(
      'issue type suggestions (type: {value, suggest, ...}) are not implemented',
    );
  const type = optionalString(body, 'type', { nullable: true });
  return ctx.store.maySetIssueType(repo, actorOf(ctx)) ? type : undefined;
}

function rejectUnsupported(body: Record<string, unknown>): void {
  if (body.milestone !== undefined && body.milestone !== null) {
    throw notImplemented('issue milestones are not implemented');
  }
}
