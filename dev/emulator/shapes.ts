/**
 * REST representations of store objects, in GitHub's shapes (checked against GitHub's OpenAPI
 * description in openapi.test.ts and against webhook examples in payloads.test.ts).
 */
import { createHash } from 'node:crypto';
import type { Comment, Issue, IssueEvent, IssueType, Label, Repo, Store, User } from './store.js';

const enc = encodeURIComponent;

function userUrls(store: Store, user: User) {
  const api = `${store.apiUrl}/users/${enc(user.login)}`;
  const html =
    user.type === 'Bot'
      ? `${store.htmlUrl}/apps/${user.login.replace(/\[bot\]$/, '')}`
      : `${store.htmlUrl}/${user.login}`;
  return { api, html };
}

/** GitHub's `simple-user`. */
export function renderUser(store: Store, login: string) {
  const user = store.user(login);
  const { api, html } = userUrls(store, user);
  return {
    login: user.login,
    id: user.id,
    node_id: user.node_id,
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: html,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

/** GitHub's `public-user` (GET /users/{username}, GET /user). */
export function renderPublicUser(store: Store, login: string) {
  const user = store.user(login);
  const repos = [...store.repos.values()].filter((r) => r.owner === user.login);
  return {
    ...renderUser(store, login),
    name: user.name,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: repos.filter((r) => !r.private).length,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: '2020-01-01T00:00:00Z',
    updated_at: '2020-01-01T00:00:00Z',
  };
}

export function renderLabel(store: Store, repo: Repo, label: Label) {
  return {
    id: label.id,
    node_id: label.node_id,
    url: `${repoApi(store, repo)}/labels/${enc(label.name)}`,
    name: label.name,
    color: label.color,
    default: label.default,
    description: label.description,
  };
}

export function repoApi(store: Store, repo: Repo): string {
  return `${store.apiUrl}/repos/${repo.full_name}`;
}

export function repoHtml(store: Store, repo: Repo): string {
  return `${store.htmlUrl}/${repo.full_name}`;
}

function reactions(url: string) {
  return {
    url: `${url}/reactions`,
    total_count: 0,
    '+1': 0,
    '-1': 0,
    laugh: 0,
    hooray: 0,
    confused: 0,
    heart: 0,
    rocket: 0,
    eyes: 0,
  };
}

export function authorAssociation(store: Store, repo: Repo, login: string): string {
  if (login.toLowerCase() === repo.owner.toLowerCase()) return 'OWNER';
  if (store.permission(repo, login)) return 'COLLABORATOR';
  const team = store.teams.find(
    (t) =>
      t.org.toLowerCase() === repo.owner.toLowerCase() &&
      t.members.some((m) => m.toLowerCase() === login.toLowerCase()),
  );
  return team ? 'MEMBER' : 'NONE';
}

/** GitHub's `issue` (pull requests too: they carry a `pull_request` key). */
export function renderIssue(store: Store, repo: Repo, issue: Issue) {
  const url = `${repoApi(store, repo)}/issues/${issue.number}`;
  const pr = issue.pull_request;
  const html = `${repoHtml(store, repo)}/${pr ? 'pull' : 'issues'}/${issue.number}`;
  const assignees = issue.assignees.map((a) => renderUser(store, a));
  return {
    url,
    repository_url: repoApi(store, repo),
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: html,
    id: issue.id,
    node_id: issue.node_id,
    number: issue.number,
    title: issue.title,
    user: renderUser(store, issue.user),
    labels: issue.labels.map((l) => renderLabel(store, repo, l)),
    state: issue.state,
    locked: issue.locked,
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    comments: issue.comments.length,
    created_at: issue.created_at,
    updated_at: issue.updated_at,
    closed_at: issue.closed_at,
    author_association: authorAssociation(store, repo, issue.user),
    type: issue.type ? renderIssueType(issue.type) : null,
    active_lock_reason: null,
    ...(pr
      ? {
          draft: pr.draft,
          pull_request: {
            url: `${repoApi(store, repo)}/pulls/${issue.number}`,
            html_url: html,
            diff_url: `${html}.diff`,
            patch_url: `${html}.patch`,
            merged_at: pr.merged_at,
          },
        }
      : {}),
    body: issue.body,
    closed_by: issue.closed_by ? renderUser(store, issue.closed_by) : null,
    reactions: reactions(url),
    timeline_url: `${url}/timeline`,
    performed_via_github_app: null,
    state_reason: issue.state_reason,
  };
}

/** An issue type as REST gives it (the `issue-type` schema). */
export function renderIssueType(type: IssueType) {
  return { ...type };
}

export function renderComment(store: Store, repo: Repo, comment: Comment) {
  const url = `${repoApi(store, repo)}/issues/comments/${comment.id}`;
  const issue = store.findIssue(repo, comment.issue_number);
  const kind = issue?.pull_request ? 'pull' : 'issues';
  return {
    url,
    html_url: `${repoHtml(store, repo)}/${kind}/${comment.issue_number}#issuecomment-${comment.id}`,
    issue_url: `${repoApi(store, repo)}/issues/${comment.issue_number}`,
    id: comment.id,
    node_id: comment.node_id,
    user: renderUser(store, comment.user),
    created_at: comment.created_at,
    updated_at: comment.updated_at,
    author_association: authorAssociation(store, repo, comment.user),
    body: comment.body,
    reactions: reactions(url),
    performed_via_github_app: null,
  };
}

/** An entry of GET /issues/{n}/events (and the non-comment entries of the timeline). */
export function renderEvent(store: Store, repo: Repo, event: IssueEvent) {
  const base = {
    id: event.id,
    node_id: event.node_id,
    url: `${repoApi(store, repo)}/issues/events/${event.id}`,
    actor: renderUser(store, event.actor),
    event: event.event,
    commit_id: event.commit_id ?? null,
    commit_url: event.commit_id ? `${repoApi(store, repo)}/commits/${event.commit_id}` : null,
    created_at: event.created_at,
    performed_via_github_app: null,
  };
  switch (event.event) {
    case 'labeled':
    case 'unlabeled':
      return { ...base, label: event.label };
    case 'assigned':
    case 'unassigned':
      return {
        ...base,
        assignee: renderUser(store, event.assignee ?? event.actor),
        assigner: renderUser(store, event.actor),
      };
    case 'renamed':
      return { ...base, rename: event.rename };
    case 'closed':
    case 'reopened':
      return { ...base, state_reason: event.state_reason ?? null };
    case 'transferred':
      return base;
  }
}

/** A `commented` timeline entry: the comment plus `event` and `actor`. */
export function renderTimelineComment(store: Store, repo: Repo, comment: Comment) {
  return {
    ...renderComment(store, repo, comment),
    event: 'commented',
    actor: renderUser(store, comment.user),
  };
}

/** Repository URLs shared by every repository shape (REST and webhooks). */
function repoUrls(store: Store, repo: Repo) {
  const api = repoApi(store, repo);
  const html = repoHtml(store, repo);
  const host = new URL(store.htmlUrl).host;
  return {
    html_url: html,
    url: api,
    forks_url: `${api}/forks`,
    keys_url: `${api}/keys{/key_id}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    teams_url: `${api}/teams`,
    hooks_url: `${api}/hooks`,
    issue_events_url: `${api}/issues/events{/number}`,
    events_url: `${api}/events`,
    assignees_url: `${api}/assignees{/user}`,
    branches_url: `${api}/branches{/branch}`,
    tags_url: `${api}/tags`,
    blobs_url: `${api}/git/blobs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    trees_url: `${api}/git/trees{/sha}`,
    statuses_url: `${api}/statuses/{sha}`,
    languages_url: `${api}/languages`,
    stargazers_url: `${api}/stargazers`,
    contributors_url: `${api}/contributors`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    commits_url: `${api}/commits{/sha}`,
    git_commits_url: `${api}/git/commits{/sha}`,
    comments_url: `${api}/comments{/number}`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    contents_url: `${api}/contents/{+path}`,
    compare_url: `${api}/compare/{base}...{head}`,
    merges_url: `${api}/merges`,
    archive_url: `${api}/{archive_format}{/ref}`,
    downloads_url: `${api}/downloads`,
    issues_url: `${api}/issues{/number}`,
    pulls_url: `${api}/pulls{/number}`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    labels_url: `${api}/labels{/name}`,
    releases_url: `${api}/releases{/id}`,
    deployments_url: `${api}/deployments`,
    git_url: `git://${host}/${repo.full_name}.git`,
    ssh_url: `git@${host}:${repo.full_name}.git`,
    clone_url: `${html}.git`,
    svn_url: html,
  };
}

function permissionsFor(store: Store, repo: Repo, viewer: string | null) {
  const perm = viewer ? store.permission(repo, viewer) : null;
  // the Actions token can write to its repository
  const rank =
    viewer === 'github-actions[bot]'
      ? 2
      : perm
        ? ['read', 'triage', 'write', 'maintain', 'admin'].indexOf(perm)
        : -1;
  return {
    admin: rank >= 4,
    maintain: rank >= 3,
    push: rank >= 2,
    triage: rank >= 1,
    pull: !repo.private || rank >= 0,
  };
}

/** GitHub's `full-repository` (GET /repos/{owner}/{repo}); `minimal` drops what lists omit. */
export function renderRepo(
  store: Store,
  repo: Repo,
  opts: { viewer?: string | null; minimal?: boolean } = {},
) {
  const openIssues = repo.issues.filter((i) => i.state === 'open').length;
  const owner = renderUser(store, repo.owner);
  const base = {
    id: repo.id,
    node_id: repo.node_id,
    name: repo.name,
    full_name: repo.full_name,
    private: repo.private,
    owner,
    description: repo.description,
    fork: false,
    ...repoUrls(store, repo),
    created_at: repo.created_at,
    updated_at: repo.created_at,
    pushed_at: repo.pushed_at,
    homepage: null,
    size: 0,
    stargazers_count: 0,
    watchers_count: 0,
    language: null,
    has_issues: true,
    has_projects: true,
    has_downloads: true,
    has_wiki: true,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    mirror_url: null,
    archived: false,
    disabled: false,
    open_issues_count: openIssues,
    license: null,
    allow_forking: true,
    is_template: false,
    web_commit_signoff_required: false,
    topics: [],
    custom_properties: {},
    visibility: repo.private ? 'private' : 'public',
    forks: 0,
    open_issues: openIssues,
    watchers: 0,
    default_branch: repo.default_branch,
    permissions: permissionsFor(store, repo, opts.viewer ?? null),
  };
  if (opts.minimal) return base;
  const org = store.isOrg(repo.owner) ? { organization: owner } : {};
  return {
    ...base,
    temp_clone_token: null,
    allow_squash_merge: true,
    allow_merge_commit: true,
    allow_rebase_merge: true,
    allow_auto_merge: false,
    delete_branch_on_merge: false,
    allow_update_branch: false,
    use_squash_pr_title_as_default: false,
    ...org,
    network_count: 0,
    subscribers_count: 0,
  };
}

/** Git's blob id for a file's content, as the contents API reports it. */
export function blobSha(content: string): string {
  const bytes = Buffer.from(content, 'utf8');
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`blob ${bytes.length}\0`), bytes]))
    .digest('hex');
}

/** Base64 with a newline every 60 characters, as GitHub returns file content. */
export function githubBase64(content: string): string {
  const b64 = Buffer.from(content, 'utf8').toString('base64');
  return `${b64.replace(/.{60}/g, '$&\n')}\n`;
}

export function renderContentEntry(
  store: Store,
  repo: Repo,
  path: string,
  ref: string,
  entry: { type: 'file'; content: string } | { type: 'dir' },
) {
  const name = path.split('/').pop() ?? path;
  const sha = entry.type === 'file' ? blobSha(entry.content) : blobSha(`tree:${path}`);
  const api = `${repoApi(store, repo)}/contents/${path.split('/').map(enc).join('/')}?ref=${enc(ref)}`;
  const git = `${repoApi(store, repo)}/git/${entry.type === 'file' ? 'blobs' : 'trees'}/${sha}`;
  const html = `${repoHtml(store, repo)}/${entry.type === 'file' ? 'blob' : 'tree'}/${ref}/${path}`;
  return {
    name,
    path,
    sha,
    size: entry.type === 'file' ? Buffer.byteLength(entry.content, 'utf8') : 0,
    url: api,
    html_url: html,
    git_url: git,
    download_url:
      entry.type === 'file'
        ? `https://raw.githubusercontent.com/${repo.full_name}/${ref}/${path}`
        : null,
    type: entry.type,
    _links: { self: api, git, html },
  };
}
