/**
 * Webhook event payloads (what a workflow finds in GITHUB_EVENT_PATH) built from the store, in
 * GitHub's shapes: payloads.test.ts compares their keys with @octokit/webhooks-examples.
 */
import {
  renderComment,
  renderIssue,
  renderLabel,
  renderRepo,
  renderUser,
  repoApi,
} from './shapes.js';
import {
  ACTIONS_BOT,
  fakeSha,
  type Issue,
  type IssueEventKind,
  type Repo,
  type Store,
} from './store.js';

export type WebhookEvent =
  'issues' | 'issue_comment' | 'push' | 'pull_request' | 'schedule' | 'workflow_dispatch';

interface IssuesInput {
  repo: string;
  action: string;
  number: number;
  sender?: string;
  /** the label added or removed (labeled / unlabeled) */
  label?: string;
  /** the user assigned or unassigned (assigned / unassigned) */
  assignee?: string;
  /** edited: previous values, e.g. { title: { from: 'old' } } */
  changes?: Record<string, unknown>;
}

interface IssueCommentInput {
  repo: string;
  action: 'created' | 'edited' | 'deleted';
  number: number;
  comment_id: number;
  sender?: string;
  changes?: Record<string, unknown>;
}

interface PushCommitInput {
  id?: string;
  message?: string;
  author?: string;
  timestamp?: string;
  added?: string[];
  modified?: string[];
  removed?: string[];
}

interface PushInput {
  repo: string;
  ref?: string;
  before?: string;
  after?: string;
  commits?: PushCommitInput[];
  sender?: string;
}

interface PullRequestInput {
  repo: string;
  action: string;
  number: number;
  head?: string;
  base?: string;
  before?: string;
  after?: string;
  sender?: string;
}

interface ScheduleInput {
  repo: string;
  schedule: string;
}

interface WorkflowDispatchInput {
  repo: string;
  inputs?: Record<string, unknown>;
  ref?: string;
  workflow?: string;
  sender?: string;
}

export interface WebhookInputs {
  issues: IssuesInput;
  issue_comment: IssueCommentInput;
  push: PushInput;
  pull_request: PullRequestInput;
  schedule: ScheduleInput;
  workflow_dispatch: WorkflowDispatchInput;
}

/** A repository as webhooks carry it: the REST shape without `permissions`. */
function webhookRepo(store: Store, repo: Repo) {
  const { permissions: _permissions, ...rest } = renderRepo(store, repo, { minimal: true });
  return rest;
}

function common(store: Store, repo: Repo, sender: string | undefined) {
  return {
    repository: webhookRepo(store, repo),
    ...(store.isOrg(repo.owner) ? { organization: organization(store, repo.owner) } : {}),
    sender: renderUser(store, sender ?? ACTIONS_BOT),
  };
}

function organization(store: Store, login: string) {
  const user = store.user(login);
  const api = `${store.apiUrl}/orgs/${login}`;
  return {
    login: user.login,
    id: user.id,
    node_id: user.node_id,
    url: api,
    repos_url: `${api}/repos`,
    events_url: `${api}/events`,
    hooks_url: `${api}/hooks`,
    issues_url: `${api}/issues`,
    members_url: `${api}/members{/member}`,
    public_members_url: `${api}/public_members{/member}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    description: null,
  };
}

/** Webhooks carry `draft` on issues too (false), unlike the REST issue. */
function webhookIssue(store: Store, repo: Repo, issue: Issue) {
  return { draft: false, ...renderIssue(store, repo, issue) };
}

function issuesPayload(store: Store, input: IssuesInput) {
  const repo = store.repo(input.repo);
  const issue = store.issue(repo, input.number);
  const label = input.label ? store.findLabel(repo, input.label) : undefined;
  if (input.label && !label)
    throw new Error(`webhookPayload: no label "${input.label}" in ${repo.full_name}`);
  return {
    action: input.action,
    issue: webhookIssue(store, repo, issue),
    ...(label ? { label: renderLabel(store, repo, label) } : {}),
    ...(input.assignee ? { assignee: renderUser(store, input.assignee) } : {}),
    ...(input.changes
      ? { changes: input.changes }
      : input.action === 'edited'
        ? { changes: {} }
        : {}),
    ...common(store, repo, input.sender ?? lastActor(issue, input.action) ?? issue.user),
  };
}

const EVENT_OF_ACTION: Record<string, IssueEventKind> = {
  labeled: 'labeled',
  unlabeled: 'unlabeled',
  assigned: 'assigned',
  unassigned: 'unassigned',
  closed: 'closed',
  reopened: 'reopened',
};

/** Who did it: the actor of the issue's latest event of that kind (the default `sender`). */
function lastActor(issue: Issue, action: string): string | undefined {
  const kind = EVENT_OF_ACTION[action];
  return kind ? issue.events.findLast((e) => e.event === kind)?.actor : undefined;
}

function issueCommentPayload(store: Store, input: IssueCommentInput) {
  const repo = store.repo(input.repo);
  const issue = store.issue(repo, input.number);
  const { comment } = store.comment(repo, input.comment_id);
  return {
    action: input.action,
    issue: webhookIssue(store, repo, issue),
    comment: renderComment(store, repo, comment),
    ...(input.changes ? { changes: input.changes } : {}),
    ...common(store, repo, input.sender ?? comment.user),
  };
}

function pushPayload(store: Store, input: PushInput) {
  const repo = store.repo(input.repo);
  const ref = input.ref ?? `refs/heads/${repo.default_branch}`;
  const sender = store.user(input.sender ?? repo.owner);
  const html = `${store.htmlUrl}/${repo.full_name}`;
  const person = (login: string) => ({
    name: store.user(login).name ?? login,
    email: `${store.user(login).id}+${login}@users.noreply.github.com`,
    username: login,
  });
  const commits = (input.commits ?? []).map((c, i) => {
    const id = c.id ?? fakeSha(`${repo.full_name}:${ref}:${i}:${c.message ?? ''}`);
    return {
      id,
      tree_id: fakeSha(`tree:${id}`),
      distinct: true,
      message: c.message ?? 'Update files',
      timestamp: c.timestamp ?? store.now(),
      url: `${html}/commit/${id}`,
      author: person(c.author ?? sender.login),
      committer: person(c.author ?? sender.login),
      added: c.added ?? [],
      removed: c.removed ?? [],
      modified: c.modified ?? [],
    };
  });
  const before = input.before ?? fakeSha(`${repo.full_name}:${ref}:before`);
  const after = input.after ?? commits.at(-1)?.id ?? fakeSha(`${repo.full_name}:${ref}:after`);
  const created = /^0+$/.test(before);
  const deleted = /^0+$/.test(after);
  const base = webhookRepo(store, repo);
  return {
    ref,
    before,
    after,
    repository: {
      ...base,
      created_at: Math.floor(Date.parse(repo.created_at) / 1000),
      pushed_at: Math.floor(Date.parse(repo.pushed_at) / 1000),
      stargazers: 0,
      master_branch: repo.default_branch,
    },
    pusher: { name: sender.login, email: `${sender.id}+${sender.login}@users.noreply.github.com` },
    ...(store.isOrg(repo.owner) ? { organization: organization(store, repo.owner) } : {}),
    sender: renderUser(store, sender.login),
    created,
    deleted,
    forced: false,
    base_ref: null,
    compare: `${html}/compare/${before.slice(0, 12)}...${after.slice(0, 12)}`,
    commits,
    head_commit: commits.at(-1) ?? null,
  };
}

function pullRequestPayload(store: Store, input: PullRequestInput) {
  const repo = store.repo(input.repo);
  const issue = store.issue(repo, input.number);
  const pr = issue.pull_request;
  if (!pr)
    throw new Error(`webhookPayload: ${repo.full_name}#${input.number} is not a pull request`);
  if (input.head) pr.head = input.head;
  if (input.base) pr.base = input.base;
  if (input.after) pr.head_sha = input.after;
  const rendered = renderIssue(store, repo, issue);
  const api = `${repoApi(store, repo)}/pulls/${issue.number}`;
  const html = rendered.html_url;
  const branch = (ref: string, sha: string) => ({
    label: `${repo.owner}:${ref}`,
    ref,
    sha,
    user: renderUser(store, repo.owner),
    repo: webhookRepo(store, repo),
  });
  const {
    pull_request: _prLink,
    reactions: _reactions,
    timeline_url: _timeline,
    performed_via_github_app: _app,
    state_reason: _reason,
    type: _type,
    closed_by: _closedBy,
    repository_url: _repositoryUrl,
    labels_url: _labelsUrl,
    events_url: _eventsUrl,
    comments: commentCount,
    ...issueFields
  } = rendered;
  const links = {
    self: { href: api },
    html: { href: html },
    issue: { href: rendered.url },
    comments: { href: rendered.comments_url },
    review_comments: { href: `${api}/comments` },
    review_comment: { href: `${repoApi(store, repo)}/pulls/comments{/number}` },
    commits: { href: `${api}/commits` },
    statuses: { href: `${repoApi(store, repo)}/statuses/${pr.head_sha}` },
  };
  return {
    action: input.action,
    number: issue.number,
    pull_request: {
      ...issueFields,
      url: api,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      issue_url: rendered.url,
      merged_at: pr.merged_at,
      merge_commit_sha: null,
      requested_reviewers: [],
      requested_teams: [],
      commits_url: `${api}/commits`,
      review_comments_url: `${api}/comments`,
      review_comment_url: `${repoApi(store, repo)}/pulls/comments{/number}`,
      statuses_url: links.statuses.href,
      head: branch(pr.head, pr.head_sha),
      base: branch(pr.base, fakeSha(`${repo.full_name}:${pr.base}`)),
      _links: links,
      auto_merge: null,
      draft: pr.draft,
      merged: pr.merged_at !== null,
      mergeable: null,
      rebaseable: null,
      mergeable_state: 'unknown',
      merged_by: null,
      comments: commentCount,
      review_comments: 0,
      maintainer_can_modify: false,
      commits: 1,
      additions: 0,
      deletions: 0,
      changed_files: 0,
    },
    ...(input.action === 'synchronize'
      ? {
          before: input.before ?? fakeSha(`${repo.full_name}#${issue.number}:before`),
          after: pr.head_sha,
        }
      : {}),
    ...common(store, repo, input.sender ?? issue.user),
  };
}

function schedulePayload(store: Store, input: ScheduleInput) {
  const repo = store.repo(input.repo);
  return { schedule: input.schedule, ...common(store, repo, ACTIONS_BOT) };
}

function workflowDispatchPayload(store: Store, input: WorkflowDispatchInput) {
  const repo = store.repo(input.repo);
  return {
    inputs: input.inputs ?? {},
    ref: input.ref ?? `refs/heads/${repo.default_branch}`,
    workflow: input.workflow ?? '.github/workflows/support-kit.yml',
    ...common(store, repo, input.sender ?? repo.owner),
  };
}

/** The payload of `event` for the given input, built from the store's current state. */
export function webhookPayload<E extends WebhookEvent>(
  store: Store,
  event: E,
  input: WebhookInputs[E],
): Record<string, unknown> {
  switch (event) {
    case 'issues':
      return issuesPayload(store, input as IssuesInput);
    case 'issue_comment':
      return issueCommentPayload(store, input as IssueCommentInput);
    case 'push':
      return pushPayload(store, input);
    case 'pull_request':
      return pullRequestPayload(store, input as PullRequestInput);
    case 'schedule':
      return schedulePayload(store, input as ScheduleInput);
    case 'workflow_dispatch':
      return workflowDispatchPayload(store, input);
    default:
      throw new Error(`webhookPayload: unsupported event ${String(event)}`);
  }
}
