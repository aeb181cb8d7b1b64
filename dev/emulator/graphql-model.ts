/**
 * GraphQL objects over the store. Every object carries `__typename` (graphql-js resolves unions
 * and interfaces from it) and exactly the fields the emulator implements: a field that is in
 * GitHub's schema but missing here is an error naming it (see `fieldResolver` in graphql.ts),
 * never a silent null. Fields with arguments or cost are functions `(args) => value`.
 */
import { ApiError } from './errors.js';
import { searchIssues, type SearchHit } from './search-query.js';
import { mentions, sortIssues, type IssueSortField } from './issue-filters.js';
import { isPinned, pinnedIn } from './pins.js';
import {
  EVENT_TYPENAME,
  type Comment,
  type Issue,
  type IssueEvent,
  type Label,
  type Repo,
  type Store,
} from './store.js';

export type Model = Record<string, unknown>;
type Args = Record<string, unknown>;

/** An error with GitHub's GraphQL `type` (NOT_FOUND, INVALID_CURSOR_ARGUMENTS ...). */
export class GithubGraphqlError extends Error {
  constructor(
    message: string,
    readonly githubType?: string,
  ) {
    super(message);
  }
}

const MAX_PAGE = 100;

// ---------------------------------------------------------------- connections

interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

function cursorOf(index: number): string {
  return Buffer.from(`cursor:v2:${index + 1}`).toString('base64');
}

function indexOfCursor(cursor: string): number {
  const m = /^cursor:v2:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!m) {
    throw new GithubGraphqlError(
      `\`${cursor}\` does not appear to be a valid cursor.`,
      'INVALID_CURSOR_ARGUMENTS',
    );
  }
  return Number(m[1]) - 1;
}

/** Checks GitHub's pagination rules: first or last is required and at most 100. */
function checkPageArgs(args: PageArgs, field: string): void {
  for (const key of ['first', 'last'] as const) {
    const n = args[key];
    if (n === undefined || n === null) continue;
    if (n < 0)
      throw new GithubGraphqlError(
        `\`${key}\` on the \`${field}\` connection cannot be less than zero.`,
      );
    if (n > MAX_PAGE) {
      throw new GithubGraphqlError(
        `Requesting ${n} records on the \`${field}\` connection exceeds the \`${key}\` limit of ${MAX_PAGE} records.`,
        'EXCESSIVE_PAGINATION',
      );
    }
  }
  if ((args.first ?? null) === null && (args.last ?? null) === null) {
    throw new GithubGraphqlError(
      `You must provide a \`first\` or \`last\` value to properly paginate the \`${field}\` connection.`,
      'MISSING_PAGINATION_BOUNDARIES',
    );
  }
}

function connection<T>(
  field: string,
  all: readonly T[],
  args: PageArgs,
  toNode: (item: T) => unknown,
  extra: Model = {},
): Model {
  checkPageArgs(args, field);
  let start = 0;
  let end = all.length;
  if (args.after) start = Math.max(start, indexOfCursor(args.after) + 1);
  if (args.before) end = Math.min(end, indexOfCursor(args.before));
  if (end < start) end = start;
  if (args.first !== undefined && args.first !== null) end = Math.min(end, start + args.first);
  if (args.last !== undefined && args.last !== null) start = Math.max(start, end - args.last);
  const slice = all.slice(start, end);
  const nodes = slice.map(toNode);
  return {
    totalCount: all.length,
    nodes,
    edges: nodes.map((node, i) => ({ cursor: cursorOf(start + i), node })),
    pageInfo: {
      hasNextPage: end < all.length,
      hasPreviousPage: start > 0,
      startCursor: slice.length > 0 ? cursorOf(start) : null,
      endCursor: slice.length > 0 ? cursorOf(end - 1) : null,
    },
    ...extra,
  };
}

// ---------------------------------------------------------------- actors, labels

export function actorModel(store: Store, login: string, as?: 'User'): Model {
  const user = store.user(login);
  const typename =
    as ?? (user.type === 'Bot' ? 'Bot' : user.type === 'Organization' ? 'Organization' : 'User');
  const html =
    user.type === 'Bot'
      ? `${store.htmlUrl}/apps/${user.login.replace(/\[bot\]$/, '')}`
      : `${store.htmlUrl}/${user.login}`;
  return {
    __typename: typename,
    id: user.node_id,
    databaseId: user.id,
    // GraphQL names a bot without the suffix REST gives it: REST's `github-actions[bot]` is
    // GraphQL's `github-actions` (type Bot), as GitHub answers (docs/emulator.md).
    login: typename === 'Bot' ? user.login.replace(/\[bot\]$/, '') : user.login,
    name: user.name,
    url: html,
    resourcePath: new URL(html).pathname,
    avatarUrl: () => `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
  };
}

function labelModel(
  store: Store,
  repo: Repo,
  label: Pick<Label, 'name' | 'color'> & Partial<Label>,
): Model {
  return {
    __typename: 'Label',
    id: label.node_id ?? Buffer.from(`05:Label${label.name}`).toString('base64'),
    name: label.name,
    color: label.color,
    description: label.description ?? null,
    isDefault: label.default ?? false,
    url: `${store.htmlUrl}/${repo.full_name}/labels/${encodeURIComponent(label.name)}`,
  };
}

// ---------------------------------------------------------------- issues and comments

const upper = (s: string) => s.toUpperCase();

function commentModel(store: Store, repo: Repo, issue: Issue, comment: Comment): Model {
  return {
    __typename: 'IssueComment',
    id: comment.node_id,
    databaseId: comment.id,
    body: comment.body,
    bodyText: comment.body,
    createdAt: comment.created_at,
    updatedAt: comment.updated_at,
    lastEditedAt: comment.updated_at === comment.created_at ? null : comment.updated_at,
    url: `${store.htmlUrl}/${repo.full_name}/issues/${issue.number}#issuecomment-${comment.id}`,
    author: actorModel(store, comment.user),
    authorAssociation: upper(authorAssociationOf(store, repo, comment.user)),
    issue: () => issueModel(store, repo, issue),
  };
}

function authorAssociationOf(store: Store, repo: Repo, login: string): string {
  if (login.toLowerCase() === repo.owner.toLowerCase()) return 'owner';
  return store.permission(repo, login) ? 'collaborator' : 'none';
}

const TIMELINE_TYPES: Record<string, string> = {
  LABELED_EVENT: 'LabeledEvent',
  UNLABELED_EVENT: 'UnlabeledEvent',
  ASSIGNED_EVENT: 'AssignedEvent',
  UNASSIGNED_EVENT: 'UnassignedEvent',
  CLOSED_EVENT: 'ClosedEvent',
  REOPENED_EVENT: 'ReopenedEvent',
  RENAMED_TITLE_EVENT: 'RenamedTitleEvent',
  TRANSFERRED_EVENT: 'TransferredEvent',
  ISSUE_COMMENT: 'IssueComment',
};

function eventModel(store: Store, repo: Repo, issue: Issue, event: IssueEvent): Model {
  const base: Model = {
    __typename: EVENT_TYPENAME[event.event],
    id: event.node_id,
    createdAt: event.created_at,
    actor: actorModel(store, event.actor),
  };
  const self = () => issueModel(store, repo, issue);
  switch (event.event) {
    case 'labeled':
    case 'unlabeled': {
      const snapshot = event.label ?? { name: '', color: DEFAULT_COLOR };
      const current = store.findLabel(repo, snapshot.name);
      return { ...base, label: labelModel(store, repo, current ?? snapshot), labelable: self };
    }
    case 'assigned':
    case 'unassigned': {
      const who = event.assignee ?? event.actor;
      return {
        ...base,
        assignee: actorModel(store, who),
        user: actorModel(store, who, 'User'),
        assignable: self,
      };
    }
    case 'closed':
      return {
        ...base,
        stateReason: event.state_reason ? upper(event.state_reason) : null,
        closer: null,
        closable: self,
        url: `${store.htmlUrl}/${repo.full_name}/issues/${issue.number}#event-${event.id}`,
      };
    case 'reopened':
      return {
        ...base,
        stateReason: event.state_reason ? upper(event.state_reason) : null,
        closable: self,
      };
    case 'renamed':
      return {
        ...base,
        previousTitle: event.rename?.from ?? '',
        currentTitle: event.rename?.to ?? '',
        subject: self,
      };
    case 'transferred': {
      // The source repository may be gone (or private to the viewer): GitHub answers null then.
      const [owner = '', name = ''] = (event.transfer?.from ?? '').split('/');
      const source = store.findRepo(owner, name);
      return {
        ...base,
        fromRepository: source ? repositoryModel(store, source) : null,
        issue: self,
      };
    }
  }
}

const DEFAULT_COLOR = 'ededed';

function timelineConnection(store: Store, repo: Repo, issue: Issue, args: Args): Model {
  const itemTypes = (args.itemTypes as string[] | null | undefined) ?? null;
  if (itemTypes) {
    const unknown = itemTypes.filter((t) => !(t in TIMELINE_TYPES));
    if (unknown.length > 0) {
      throw new GithubGraphqlError(
        `support-kit emulator: timelineItems itemTypes ${unknown.join(', ')} not implemented`,
      );
    }
  }
  const wanted = itemTypes ? new Set(itemTypes.map((t) => TIMELINE_TYPES[t])) : null;
  const since = typeof args.since === 'string' ? Date.parse(args.since) : null;
  const all = store.timeline(repo, issue.number);
  const items = all.filter((item) => {
    const typename = item.kind === 'comment' ? 'IssueComment' : EVENT_TYPENAME[item.event.event];
    if (wanted && !wanted.has(typename)) return false;
    if (since !== null && Date.parse(item.at) < since) return false;
    return true;
  });
  const skip = typeof args.skip === 'number' ? args.skip : 0;
  return connection(
    'timelineItems',
    items.slice(skip),
    args,
    (item) =>
      item.kind === 'comment'
        ? commentModel(store, repo, issue, item.comment)
        : eventModel(store, repo, issue, item.event),
    {
      filteredCount: items.length,
      pageCount: Math.min(
        items.length - skip,
        (args.first as number) ?? (args.last as number) ?? 0,
      ),
      updatedAt: issue.updated_at,
    },
  );
}

/**
 * `nodes(ids:)`: the issues (and pull requests) among `ids`, in their order. An id that names
 * nothing (a deleted issue) is null in the list with a NOT_FOUND error at its index, as GitHub
 * answers: "Could not resolve to a node with the global id of '...'".
 */
export function nodesModel(store: Store, ids: readonly string[]): (Model | GithubGraphqlError)[] {
  const byId = new Map<string, Model>();
  for (const repo of store.repos.values())
    for (const issue of repo.issues)
      if (ids.includes(issue.node_id)) byId.set(issue.node_id, issueModel(store, repo, issue));
  return ids.map(
    (id) =>
      byId.get(id) ??
      new GithubGraphqlError(
        `Could not resolve to a node with the global id of '${id}'`,
        'NOT_FOUND',
      ),
  );
}

/** An Issue, or a PullRequest when the store's issue is one. */
function issueModel(store: Store, repo: Repo, issue: Issue): Model {
  const pr = issue.pull_request;
  const url = `${store.htmlUrl}/${repo.full_name}/${pr ? 'pull' : 'issues'}/${issue.number}`;
  const common: Model = {
    __typename: pr ? 'PullRequest' : 'Issue',
    id: issue.node_id,
    databaseId: issue.id,
    number: issue.number,
    title: issue.title,
    body: issue.body ?? '',
    bodyText: issue.body ?? '',
    url,
    resourcePath: new URL(url).pathname,
    createdAt: issue.created_at,
    updatedAt: issue.updated_at,
    closedAt: issue.closed_at,
    closed: issue.state === 'closed',
    locked: issue.locked,
    milestone: null,
    author: actorModel(store, issue.user),
    authorAssociation: upper(authorAssociationOf(store, repo, issue.user)),
    repository: () => repositoryModel(store, repo),
    labels: (args: Args) =>
      connection('labels', issue.labels, args, (l) => labelModel(store, repo, l)),
    assignees: (args: Args) =>
      connection('assignees', issue.assignees, args, (login) => actorModel(store, login, 'User')),
    comments: (args: Args) => {
      const order = args.orderBy as { direction?: string } | null | undefined;
      const list = order?.direction === 'DESC' ? [...issue.comments].reverse() : issue.comments;
      return connection('comments', list, args, (c) => commentModel(store, repo, issue, c));
    },
    timelineItems: (args: Args) => timelineConnection(store, repo, issue, args),
  };
  if (!pr) common.isPinned = isPinned(repo, issue.number);
  if (!pr) {
    return {
      ...common,
      state: upper(issue.state),
      stateReason: (args: Args) => {
        const r = issue.state_reason;
        if (r === 'duplicate' && !args.enableDuplicate) return 'NOT_PLANNED';
        return r ? upper(r) : null;
      },
    };
  }
  return {
    ...common,
    state: pr.merged_at ? 'MERGED' : upper(issue.state),
    merged: pr.merged_at !== null,
    mergedAt: pr.merged_at,
    isDraft: pr.draft,
    headRefName: pr.head,
    baseRefName: pr.base,
    headRefOid: pr.head_sha,
  };
}

// ---------------------------------------------------------------- repositories

interface IssueOrderArg {
  field?: string;
  direction?: string;
}

const ORDER_FIELDS: Record<string, IssueSortField> = {
  CREATED_AT: 'created',
  UPDATED_AT: 'updated',
  COMMENTS: 'comments',
};

function filterIssues(repo: Repo, args: Args, pullRequests: boolean): Issue[] {
  const filterBy = (args.filterBy ?? {}) as Args;
  const states = (args.states ?? filterBy.states) as string[] | null | undefined;
  const labels = (args.labels ?? filterBy.labels) as string[] | null | undefined;
  const since = typeof filterBy.since === 'string' ? Date.parse(filterBy.since) : null;
  const lower = (s: string) => s.toLowerCase();
  let list = repo.issues.filter((issue) => {
    if ((issue.pull_request !== null) !== pullRequests) return false;
    if (states && states.length > 0) {
      const state = issue.pull_request?.merged_at ? 'MERGED' : upper(issue.state);
      if (!states.includes(state)) return false;
    }
    if (labels && labels.length > 0) {
      if (!issue.labels.some((l) => labels.some((n) => lower(n) === lower(l.name)))) return false;
    }
    if (since !== null && Date.parse(issue.updated_at) < since) return false;
    if ('assignee' in filterBy) {
      const a = filterBy.assignee;
      if (a === null && issue.assignees.length > 0) return false;
      if (a === '*' && issue.assignees.length === 0) return false;
      if (typeof a === 'string' && a !== '*' && !issue.assignees.some((x) => lower(x) === lower(a)))
        return false;
    }
    if (typeof filterBy.createdBy === 'string' && lower(issue.user) !== lower(filterBy.createdBy))
      return false;
    if (typeof filterBy.mentioned === 'string' && !mentions(issue, filterBy.mentioned))
      return false;
    return true;
  });
  if (filterBy.milestone !== undefined || filterBy.milestoneNumber !== undefined) {
    throw new GithubGraphqlError(
      'support-kit emulator: issues filterBy.milestone is not implemented',
    );
  }
  const order = args.orderBy as IssueOrderArg | null | undefined;
  const field = (order?.field && ORDER_FIELDS[order.field]) || 'created';
  const direction = order?.direction === 'DESC' ? 'desc' : 'asc';
  list = sortIssues(list, field, direction);
  return list;
}

function notFoundIssue(kind: string, number: unknown): never {
  throw new GithubGraphqlError(
    `Could not resolve to ${kind} with the number of ${String(number)}.`,
    'NOT_FOUND',
  );
}

/**
 * How much of a file `Blob.text` gives. GitHub documents only that the text may be cut
 * (`isTruncated`, "Indicates whether the contents is truncated", docs.github.com GraphQL
 * objects, Blob) and not where; users measure it near 500 KB (orbiting/backends#116: "GitHub
 * GraphlQL-API truncated text after 500kb"; graphql-hive/graphql-inspector#2079). The emulator
 * cuts at 512,000 bytes, so a client must read a longer file another way, as it must on GitHub.
 */
export const BLOB_TEXT_LIMIT = 512_000;

function gitObject(store: Store, repo: Repo, expression: string): Model | null {
  const colon = expression.indexOf(':');
  const ref = colon < 0 ? expression : expression.slice(0, colon);
  const path = colon < 0 ? '' : expression.slice(colon + 1).replace(/^\/+|\/+$/g, '');
  const files = store.filesAt(repo, ref === 'HEAD' ? undefined : ref);
  if (!files) return null;
  const content = files.get(path);
  if (content !== undefined) {
    const bytes = Buffer.from(content, 'utf8');
    const truncated = bytes.length > BLOB_TEXT_LIMIT;
    return {
      __typename: 'Blob',
      // Cut on a byte count, as GitHub is: the last character may be cut in two.
      text: truncated ? bytes.subarray(0, BLOB_TEXT_LIMIT).toString('utf8') : content,
      byteSize: bytes.length,
      isBinary: false,
      isTruncated: truncated,
    };
  }
  const prefix = path === '' ? '' : `${path}/`;
  const entries = new Map<string, string>();
  for (const file of files.keys()) {
    if (!file.startsWith(prefix)) continue;
    const rest = file.slice(prefix.length);
    const slash = rest.indexOf('/');
    entries.set(slash < 0 ? rest : rest.slice(0, slash), slash < 0 ? 'blob' : 'tree');
  }
  if (entries.size === 0) return null;
  return {
    __typename: 'Tree',
    entries: [...entries.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, type]) => ({
        __typename: 'TreeEntry',
        name,
        type,
        path: `${prefix}${name}`,
        object: () => gitObject(store, repo, `${ref}:${prefix}${name}`),
      })),
  };
}

interface ReadCheck {
  mayRead?: (repo: string, what: 'contents' | 'issues') => boolean;
}

/**
 * An installation token without the permission gets the field null and a FORBIDDEN error, as
 * GitHub answers a field the integration may not see (its errors carry `type: FORBIDDEN`,
 * "Resource not accessible by integration").
 */
function refuseUnless(ctx: ReadCheck, repo: Repo, what: 'contents' | 'issues'): void {
  if (ctx.mayRead && !ctx.mayRead(repo.full_name, what))
    throw new GithubGraphqlError('Resource not accessible by integration', 'FORBIDDEN');
}

export function repositoryModel(store: Store, repo: Repo): Model {
  return {
    __typename: 'Repository',
    id: repo.node_id,
    databaseId: repo.id,
    name: repo.name,
    nameWithOwner: repo.full_name,
    description: repo.description,
    url: `${store.htmlUrl}/${repo.full_name}`,
    isPrivate: repo.private,
    visibility: repo.private ? 'PRIVATE' : 'PUBLIC',
    createdAt: repo.created_at,
    owner: actorModel(store, repo.owner),
    defaultBranchRef: { __typename: 'Ref', name: repo.default_branch, prefix: 'refs/heads/' },
    issues: (args: Args) =>
      connection('issues', filterIssues(repo, args, false), args, (i) =>
        issueModel(store, repo, i),
      ),
    pullRequests: (args: Args) =>
      connection('pullRequests', filterIssues(repo, args, true), args, (i) =>
        issueModel(store, repo, i),
      ),
    issue: (args: Args, ctx: ReadCheck) => {
      refuseUnless(ctx, repo, 'issues');
      const issue = store.findIssue(repo, args.number as number);
      if (!issue || issue.pull_request) notFoundIssue('an Issue', args.number);
      return issueModel(store, repo, issue);
    },
    pullRequest: (args: Args) => {
      const issue = store.findIssue(repo, args.number as number);
      if (!issue || !issue.pull_request) notFoundIssue('a PullRequest', args.number);
      return issueModel(store, repo, issue);
    },
    issueOrPullRequest: (args: Args) => {
      const issue = store.findIssue(repo, args.number as number);
      if (!issue) notFoundIssue('an issue or pull request', args.number);
      return issueModel(store, repo, issue);
    },
    pinnedIssues: (args: Args) =>
      connection('pinnedIssues', pinnedIn(repo), args, (p) => {
        const issue = store.findIssue(repo, p.number);
        return {
          __typename: 'PinnedIssue',
          id: Buffer.from(`011:PinnedIssue${repo.id}:${p.number}`).toString('base64'),
          issue: issue ? issueModel(store, repo, issue) : null,
          pinnedBy: actorModel(store, p.by),
          repository: () => repositoryModel(store, repo),
        };
      }),
    label: (args: Args) => {
      const label = store.findLabel(repo, String(args.name));
      return label ? labelModel(store, repo, label) : null;
    },
    labels: (args: Args) => {
      const q = typeof args.query === 'string' ? args.query.toLowerCase() : null;
      const list = repo.labels.filter(
        (l) =>
          !q || l.name.toLowerCase().includes(q) || (l.description ?? '').toLowerCase().includes(q),
      );
      return connection('labels', list, args, (l) => labelModel(store, repo, l));
    },
    assignableUsers: (args: Args) => {
      const q = typeof args.query === 'string' ? args.query.toLowerCase() : null;
      const users = store
        .assignableUsers(repo)
        .filter(
          (u) =>
            !q || u.login.toLowerCase().includes(q) || (u.name ?? '').toLowerCase().includes(q),
        );
      return connection('assignableUsers', users, args, (u) => actorModel(store, u.login, 'User'));
    },
    object: (args: Args, ctx: ReadCheck) => {
      refuseUnless(ctx, repo, 'contents');
      if (typeof args.expression !== 'string') {
        throw new GithubGraphqlError(
          'support-kit emulator: Repository.object(oid:) is not implemented',
        );
      }
      return gitObject(store, repo, args.expression);
    },
  };
}

// ---------------------------------------------------------------- search

export function searchModel(store: Store, args: Args, viewer: string): Model {
  if (args.type !== 'ISSUE') {
    throw new GithubGraphqlError(
      `support-kit emulator: search(type: ${String(args.type)}) is not implemented`,
    );
  }
  let hits: SearchHit[];
  try {
    hits = searchIssues(store, String(args.query), { viewer });
  } catch (err) {
    const inner =
      err instanceof ApiError ? (err.body.errors as { message?: string }[] | undefined) : undefined;
    throw new GithubGraphqlError(inner?.[0]?.message ?? (err as Error).message, 'INVALID_SEARCH');
  }
  return connection(
    'search',
    hits.slice(0, 1000),
    args,
    (h) => issueModel(store, h.repo, h.issue),
    { issueCount: hits.length },
  );
}
