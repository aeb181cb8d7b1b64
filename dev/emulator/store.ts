/**
 * The emulator's state and GitHub's domain rules over it (label uniqueness and validation,
 * assignability, events recorded on every change). HTTP handlers and tests both go through
 * these methods, so a test that arranges state directly gets the same rules and events.
 */
// GitHub's defaults, as the docs list them; the kit knows them by the same table.
import { GITHUB_DEFAULT_LABELS } from '../../src/labels/decide/github-defaults.js';
import type { TokenGrant } from './token-grant.js';
import { Clock, parseInstant, toIso } from './clock.js';
import { notFound, validationFailed } from './errors.js';

export type Permission = 'read' | 'triage' | 'write' | 'maintain' | 'admin';
export type UserType = 'User' | 'Bot' | 'Organization';
export type IssueState = 'open' | 'closed';
export type StateReason = 'completed' | 'not_planned' | 'reopened' | 'duplicate';
export type IssueEventKind =
  | 'labeled'
  | 'unlabeled'
  | 'assigned'
  | 'unassigned'
  | 'closed'
  | 'reopened'
  | 'renamed'
  | 'transferred';

export const PERMISSIONS: readonly Permission[] = ['read', 'triage', 'write', 'maintain', 'admin'];
export const STATE_REASONS: readonly StateReason[] = [
  'completed',
  'not_planned',
  'reopened',
  'duplicate',
];
export const ACTIONS_BOT = 'github-actions[bot]';
const DEFAULT_LABEL_COLOR = 'ededed';
const MAX_ASSIGNEES = 10;

export interface User {
  login: string;
  id: number;
  node_id: string;
  type: UserType;
  name: string | null;
  /** The profile status a person sets (GraphQL `User.status`); GraphQL only, REST has none. */
  status?: UserStatus;
}

/**
 * GitHub's `UserStatus`: "Busy" is `indicatesLimitedAvailability`; past `expiresAt` "the status
 * will not be shown" (GraphQL reference, UserStatus.expiresAt).
 */
export interface UserStatus {
  message: string | null;
  emoji: string | null;
  indicatesLimitedAvailability: boolean;
  expiresAt: string | null;
  createdAt: string;
}

export interface Label {
  id: number;
  node_id: string;
  name: string;
  color: string;
  description: string | null;
  default: boolean;
}

export interface Comment {
  id: number;
  node_id: string;
  issue_number: number;
  user: string;
  body: string;
  created_at: string;
  updated_at: string;
}

export interface IssueEvent {
  id: number;
  node_id: string;
  event: IssueEventKind;
  actor: string;
  created_at: string;
  /** name and colour at the time of the event (a later rename does not rewrite history) */
  label?: { name: string; color: string };
  assignee?: string;
  rename?: { from: string; to: string };
  state_reason?: StateReason | null;
  /** transferred: the repository (owner/name) the issue came from */
  transfer?: { from: string };
  /** closed: the commit that closed it with a closing keyword (a pull request's merge commit) */
  commit_id?: string;
}

interface PullRequestInfo {
  head: string;
  base: string;
  head_sha: string;
  draft: boolean;
  merged_at: string | null;
  /** In the order they were submitted (GET /pulls/{n}/reviews lists them so). */
  reviews?: Review[];
  /** Logins asked to review (POST /pulls/{n}/requested_reviewers). */
  requested_reviewers?: string[];
}

/** A pull request review; GitHub's states, a dismissed approval becoming DISMISSED. */
export interface Review {
  id: number;
  node_id: string;
  user: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED';
  body: string;
  commit_id: string;
  submitted_at: string;
}

export interface Issue {
  id: number;
  node_id: string;
  number: number;
  title: string;
  body: string | null;
  user: string;
  /** label objects shared with `Repo.labels`: a rename shows on every issue */
  labels: Label[];
  assignees: string[];
  state: IssueState;
  state_reason: StateReason | null;
  locked: boolean;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  closed_by: string | null;
  comments: Comment[];
  events: IssueEvent[];
  pull_request: PullRequestInfo | null;
  /** The REST ids of its sub-issues, in order (see addSubIssue). */
  sub_issues: number[];
  /** The issue type, one of its organisation's (`IssueType`), or none. */
  type: IssueType | null;
}

/**
 * An organisation's issue type (docs.github.com/rest/orgs/issue-types): "Task", "Bug" and
 * "Feature" by default, at most 25, each one enabled or not. A repository owned by a person has
 * none (docs.github.com/issues, "Managing issue types in an organization").
 */
export interface IssueType {
  id: number;
  node_id: string;
  name: string;
  description: string | null;
  color: 'gray' | 'blue' | 'green' | 'yellow' | 'orange' | 'red' | 'pink' | 'purple' | null;
  is_enabled: boolean;
  created_at: string;
  updated_at: string;
}

export interface IssueTypeInput {
  name: string;
  description?: string | null;
  is_enabled?: boolean;
}

export interface Repo {
  id: number;
  node_id: string;
  owner: string;
  name: string;
  full_name: string;
  private: boolean;
  description: string | null;
  default_branch: string;
  created_at: string;
  /** The last push to any branch: GitHub's `pushed_at`, which a file written to a branch moves. */
  pushed_at: string;
  /** login -> permission; the owner (a user) is implicitly admin */
  collaborators: Map<string, Permission>;
  labels: Label[];
  issues: Issue[];
  /** path -> content on the default branch */
  files: Map<string, string>;
  /** other refs (branch names, tags or commit shas): path -> content */
  refs: Map<string, Map<string, string>>;
  /** tag name -> what `refs/tags/<name>` points at: a commit, or an annotated tag object */
  tags: Map<string, GitObject>;
  /** annotated tag objects by their sha */
  tagObjects: Map<string, TagObject>;
  /** Actions workflows by path (.github/workflows/x.yml), with whether GitHub runs them. */
  workflows: Map<string, Workflow>;
  /** Branches made through the API (POST /git/refs): name -> the commit they point at. */
  heads: Map<string, string>;
  /**
   * "Allow GitHub Actions to create and approve pull requests" (Settings → Actions → General),
   * off by default: see routes/pulls.ts.
   */
  actionsMayOpenPulls: boolean;
  /** Releases, oldest first, each with the files uploaded to it. */
  releases: Release[];
  /**
   * Commits pushed to the default branch (Store.pushCommit), oldest first: what the compare API
   * walks. A repository without any keeps no history, and its branch heads are made-up shas.
   */
  commits: Commit[];
  /** The GitHub Pages site; null while Pages is off. */
  pages: PagesSite | null;
}

/** A release (docs.github.com/rest/releases/releases): a tag, its notes, its uploaded files. */
export interface Release {
  id: number;
  node_id: string;
  tag_name: string;
  target_commitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  author: string;
  created_at: string;
  published_at: string | null;
  assets: ReleaseAsset[];
}

/** A commit of the default branch's history: enough to compare two refs. */
export interface Commit {
  sha: string;
  parents: string[];
  message: string;
  author: string;
  date: string;
}

/** A file on a release (docs.github.com/rest/releases/assets). */
export interface ReleaseAsset {
  id: number;
  node_id: string;
  name: string;
  label: string | null;
  /** "open": an upload that failed upstream left it empty (GitHub's docs call it a starter). */
  state: 'uploaded' | 'open';
  content_type: string;
  content: string;
  uploader: string;
  created_at: string;
  updated_at: string;
}

/** GitHub Pages, when on: built by a workflow (Source: GitHub Actions) or from a branch. */
export interface PagesSite {
  build_type: 'workflow' | 'legacy';
  /** The site's address; `https://OWNER.github.io/REPO/` unless a custom domain is set. */
  html_url?: string;
  /** False: only people with read access see it (Enterprise Cloud's access control). */
  public?: boolean;
}

/**
 * A workflow's state as GitHub reports it: `disabled_inactivity` is what GitHub sets on a
 * scheduled workflow of a public repository after 60 days without activity
 * (docs.github.com, "Disabling and enabling a workflow").
 */
export type WorkflowState =
  'active' | 'deleted' | 'disabled_fork' | 'disabled_inactivity' | 'disabled_manually';

export interface Workflow {
  id: number;
  node_id: string;
  name: string;
  path: string;
  state: WorkflowState;
  created_at: string;
  updated_at: string;
}

export interface GitObject {
  type: 'commit' | 'tag';
  sha: string;
}

/** An annotated tag (`git tag -a`): an object of its own that names the commit it tags. */
interface TagObject {
  sha: string;
  tag: string;
  message: string;
  tagger: { name: string; email: string; date: string };
  object: GitObject;
}

export interface Team {
  id: number;
  node_id: string;
  org: string;
  slug: string;
  name: string;
  members: string[];
}

export interface NewComment {
  user?: string;
  body: string;
  created_at?: string;
}

export interface NewIssue {
  number?: number;
  title: string;
  body?: string | null;
  user?: string;
  labels?: string[];
  assignees?: string[];
  state?: IssueState;
  state_reason?: StateReason | null;
  created_at?: string;
  updated_at?: string;
  closed_at?: string | null;
  pull_request?: boolean | Partial<Omit<PullRequestInfo, 'head_sha'>>;
  comments?: NewComment[];
  /** An issue type's name; GitHub drops one it cannot set (see `typeFor`). */
  type?: string | null;
}

export interface IssuePatch {
  title?: string;
  body?: string | null;
  state?: IssueState;
  state_reason?: StateReason | null;
  labels?: string[];
  assignees?: string[];
  /** An issue type's name, or null to clear it; GitHub drops one it cannot set (see `typeFor`). */
  type?: string | null;
}

export interface NewRepo {
  owner: string;
  name: string;
  private?: boolean;
  description?: string | null;
  default_branch?: string;
  created_at?: string;
  /** GitHub gives a new repository its default labels; false starts with none. */
  defaultLabels?: boolean;
}

export interface LabelInput {
  name?: unknown;
  color?: unknown;
  description?: unknown;
}

export interface LabelPatch extends LabelInput {
  new_name?: unknown;
}

/** Options for every mutation: who did it (recorded as the event actor). */
export interface ActorOption {
  actor?: string;
}

export type RepoRef = string | Repo;
export type TimelineItem =
  | { kind: 'event'; at: string; event: IssueEvent }
  | { kind: 'comment'; at: string; comment: Comment };

function nodeId(type: string, id: number): string {
  return Buffer.from(`0${type.length}:${type}${id}`).toString('base64');
}

const lower = (s: string): string => s.toLowerCase();

/** The issues one issue may be blocked by, and block (see Store.addBlockedBy). */
const ISSUE_DEPENDENCY_LIMIT = 50;

export class Store {
  readonly clock = new Clock();
  /** origin used in URLs of rendered objects; set to the emulator's URL when it starts */
  apiUrl = 'https://api.github.com';
  htmlUrl = 'https://github.com';
  readonly users = new Map<string, User>();
  readonly repos = new Map<string, Repo>();
  readonly teams: Team[] = [];
  /**
   * token -> what it may do. Unless `strictTokens`, a token not in here acts as the workflow
   * token with GitHub's permissive defaults (tests that never say which token they use).
   */
  readonly tokens = new Map<string, TokenGrant>();
  /** The seed named its tokens: any other is refused as bad credentials. */
  strictTokens = false;
  /** Each organisation's issue types, by its login in lower case. */
  readonly issueTypes = new Map<string, IssueType[]>();
  private nextId = 1000;
  private readonly moved = new Map<string, { repo: string; number: number }>();

  constructor() {
    this.addUser({ login: ACTIONS_BOT, type: 'Bot', id: 41898282 });
  }

  now(): string {
    return this.clock.iso();
  }

  newId(): number {
    return this.nextId++;
  }

  // ---------------------------------------------------------------- users, orgs, teams

  addUser(input: { login: string; type?: UserType; name?: string | null; id?: number }): User {
    const existing = this.users.get(lower(input.login));
    if (existing) {
      if (input.type) existing.type = input.type;
      if (input.name !== undefined) existing.name = input.name;
      return existing;
    }
    const id = input.id ?? this.newId();
    const type = input.type ?? (input.login.endsWith('[bot]') ? 'Bot' : 'User');
    const user: User = {
      login: input.login,
      id,
      node_id: nodeId(type === 'Organization' ? 'Organization' : type, id),
      type,
      name: input.name ?? null,
    };
    this.users.set(lower(input.login), user);
    return user;
  }

  /** The user with this login, created on first mention (like a seed naming a reporter). */
  user(login: string): User {
    return this.users.get(lower(login)) ?? this.addUser({ login });
  }

  findUser(login: string): User | undefined {
    return this.users.get(lower(login));
  }

  /** A person reviews a pull request at its head commit. */
  addReview(
    ref: RepoRef,
    number: number,
    input: { user: string; state: Review['state']; body?: string },
  ): Review {
    const pr = this.issue(ref, number).pull_request;
    if (!pr) throw new Error(`#${number} is not a pull request`);
    const id = this.newId();
    const review: Review = {
      id,
      node_id: Buffer.from(`018:PullRequestReview${id}`).toString('base64'),
      user: this.user(input.user).login,
      state: input.state,
      body: input.body ?? '',
      commit_id: pr.head_sha,
      submitted_at: this.now(),
    };
    (pr.reviews ??= []).push(review);
    return review;
  }

  /** What a person sets in "Set status" on their profile; null clears it. */
  setUserStatus(login: string, status: Partial<Omit<UserStatus, 'createdAt'>> | null): void {
    const user = this.user(login);
    if (status === null) {
      delete user.status;
      return;
    }
    user.status = {
      message: status.message ?? null,
      emoji: status.emoji ?? null,
      indicatesLimitedAvailability: status.indicatesLimitedAvailability ?? false,
      expiresAt: status.expiresAt ?? null,
      createdAt: this.now(),
    };
  }

  /** The status as GitHub shows it now: none once it has expired. */
  statusOf(login: string): UserStatus | undefined {
    const status = this.findUser(login)?.status;
    if (!status?.expiresAt) return status;
    return Date.parse(status.expiresAt) > Date.parse(this.now()) ? status : undefined;
  }

  addOrg(login: string, name?: string): User {
    return this.addUser({ login, type: 'Organization', name: name ?? null });
  }

  isOrg(login: string): boolean {
    return this.findUser(login)?.type === 'Organization';
  }

  addTeam(org: string, slug: string, members: string[]): Team {
    if (!this.isOrg(org)) this.addOrg(org);
    const id = this.newId();
    const team: Team = {
      id,
      node_id: nodeId('Team', id),
      org: this.user(org).login,
      slug,
      name: slug,
      members: members.map((m) => this.user(m).login),
    };
    this.teams.push(team);
    return team;
  }

  findTeam(org: string, slug: string): Team | undefined {
    return this.teams.find((t) => lower(t.org) === lower(org) && lower(t.slug) === lower(slug));
  }

  // ---------------------------------------------------------------- repositories

  addRepo(input: NewRepo): Repo {
    const owner = this.user(input.owner);
    const full = `${owner.login}/${input.name}`;
    if (this.repos.has(lower(full))) throw new Error(`repository ${full} already exists`);
    const id = this.newId();
    const repo: Repo = {
      id,
      node_id: nodeId('Repository', id),
      owner: owner.login,
      name: input.name,
      full_name: full,
      private: input.private ?? false,
      description: input.description ?? null,
      default_branch: input.default_branch ?? 'main',
      created_at: input.created_at ?? this.now(),
      pushed_at: input.created_at ?? this.now(),
      collaborators: new Map(),
      labels: [],
      issues: [],
      files: new Map(),
      refs: new Map(),
      tags: new Map(),
      tagObjects: new Map(),
      workflows: new Map(),
      releases: [],
      commits: [],
      pages: null,
      heads: new Map(),
      actionsMayOpenPulls: false,
    };
    this.repos.set(lower(full), repo);
    if (input.defaultLabels !== false)
      for (const label of GITHUB_DEFAULT_LABELS) this.createLabel(repo, label);
    return repo;
  }

  findRepo(owner: string, name: string): Repo | undefined {
    return this.repos.get(lower(`${owner}/${name}`));
  }

  /** The repository `owner/name` (or the object itself); throws if it does not exist. */
  repo(ref: RepoRef): Repo {
    if (typeof ref !== 'string') return ref;
    const found = this.repos.get(lower(ref));
    if (!found) throw missing(`no repository ${ref}`);
    return found;
  }

  addCollaborator(ref: RepoRef, login: string, permission: Permission = 'write'): void {
    const repo = this.repo(ref);
    repo.collaborators.set(this.user(login).login, permission);
  }

  /** The effective permission of `login`, or null when they have none. */
  permission(ref: RepoRef, login: string): Permission | null {
    const repo = this.repo(ref);
    if (lower(login) === lower(repo.owner) && !this.isOrg(repo.owner)) return 'admin';
    for (const [who, perm] of repo.collaborators) if (lower(who) === lower(login)) return perm;
    return null;
  }

  /** Assignable users: the owner (when a user) and every collaborator, in that order. */
  assignableUsers(ref: RepoRef): User[] {
    const repo = this.repo(ref);
    const logins = this.isOrg(repo.owner) ? [] : [repo.owner];
    for (const login of repo.collaborators.keys()) {
      if (!logins.some((l) => lower(l) === lower(login))) logins.push(login);
    }
    return logins.map((l) => this.user(l));
  }

  isAssignable(ref: RepoRef, login: string): boolean {
    return this.assignableUsers(ref).some((u) => lower(u.login) === lower(login));
  }

  // ---------------------------------------------------------------- issue types

  /** Gives an organisation these issue types, replacing any it had; at most 25, as GitHub allows. */
  setIssueTypes(org: string, types: readonly (string | IssueTypeInput)[]): IssueType[] {
    if (!this.isOrg(org))
      throw new Error(`${org} is not an organisation: only organisations have issue types`);
    if (types.length > 25) throw new Error(`${org}: at most 25 issue types, not ${types.length}`);
    const at = this.now();
    const made = types.map((t): IssueType => {
      const input = typeof t === 'string' ? { name: t } : t;
      const id = this.newId();
      return {
        id,
        node_id: nodeId('IssueType', id),
        name: input.name,
        description: input.description ?? null,
        color: null,
        is_enabled: input.is_enabled ?? true,
        created_at: at,
        updated_at: at,
      };
    });
    this.issueTypes.set(lower(org), made);
    return made;
  }

  /**
   * The issue types a repository's issues may take: its organisation's enabled ones ("List issue
   * types for a repository": "inherited from its organization owner"); none for a person's.
   */
  repoIssueTypes(ref: RepoRef): IssueType[] {
    const repo = this.repo(ref);
    return (this.issueTypes.get(lower(repo.owner)) ?? []).filter((t) => t.is_enabled);
  }

  /**
   * The type `name` gives an issue of `repo`, or undefined when it is dropped: a name the
   * repository has no enabled type for, which includes any name in a person's repository. GitHub's
   * reference documents the silent drop for a writer without push access only and says nothing of
   * an unknown name; it is dropped here the same way (#17 reports GitHub dropping what it cannot
   * set), and the kit sends only names the repository lists and reads back what was kept either
   * way. Null clears the type. (Who may set one at all: `maySetIssueType`, in routes/issues.ts.)
   */
  typeFor(repo: Repo, name: string | null): IssueType | null | undefined {
    if (name === null) return null;
    return this.repoIssueTypes(repo).find((t) => lower(t.name) === lower(name));
  }

  /**
   * Whether `login` may set issue types in `repo`: "Only users with push access can set the type
   * ... The type is silently dropped otherwise" (REST "Create an issue", "Update an issue":
   * https://docs.github.com/rest/issues/issues#create-an-issue, #update-an-issue). An
   * installation token (the workflow token, an App) gets this far only with the Issues write
   * permission the route asks, and counts as pushing.
   */
  maySetIssueType(repo: Repo, login: string): boolean {
    if (this.findUser(login)?.type === 'Bot') return true;
    return ['write', 'maintain', 'admin'].includes(this.permission(repo, login) ?? '');
  }

  setFile(ref: RepoRef, path: string, content: string, gitRef?: string): void {
    const repo = this.repo(ref);
    const clean = path.replace(/^\/+/, '');
    repo.pushed_at = this.now();
    if (gitRef === undefined || gitRef === repo.default_branch) {
      repo.files.set(clean, content);
      return;
    }
    const files = repo.refs.get(gitRef) ?? new Map<string, string>();
    files.set(clean, content);
    repo.refs.set(gitRef, files);
  }

  /** Files at a ref (branch, `refs/heads/x`, tag or sha); undefined when the ref is unknown. */
  filesAt(ref: RepoRef, gitRef?: string): Map<string, string> | undefined {
    const repo = this.repo(ref);
    if (gitRef === undefined || gitRef === '') return repo.files;
    const name = gitRef.replace(/^refs\/(heads|tags)\//, '');
    if (name === repo.default_branch) return repo.files;
    return repo.refs.get(name) ?? repo.refs.get(gitRef);
  }

  /**
   * Tags `commit` as `name`, moving the tag if it exists (as `git tag -f` and a forced push do):
   * lightweight, or annotated with `message` (a tag object between the ref and the commit).
   * Returns what the ref now points at.
   */
  /** A workflow file GitHub knows, active unless said otherwise. */
  addWorkflow(ref: RepoRef, path: string, state: WorkflowState = 'active'): Workflow {
    const repo = this.repo(ref);
    const id = this.newId();
    const at = this.now();
    const workflow: Workflow = {
      id,
      node_id: Buffer.from(`010:Workflow${id}`).toString('base64'),
      name: path.split('/').pop() ?? path,
      path,
      state,
      created_at: at,
      updated_at: at,
    };
    repo.workflows.set(path, workflow);
    return workflow;
  }

  /** By id or by file name, as the REST API takes `workflow_id`. */
  workflow(ref: RepoRef, idOrFile: string): Workflow {
    const repo = this.repo(ref);
    const found = [...repo.workflows.values()].find(
      (w) => String(w.id) === idOrFile || w.path.split('/').pop() === idOrFile,
    );
    if (!found) throw missing(`no workflow ${idOrFile} in ${repo.full_name}`);
    return found;
  }

  setWorkflowState(ref: RepoRef, idOrFile: string, state: WorkflowState): Workflow {
    const workflow = this.workflow(ref, idOrFile);
    workflow.state = state;
    workflow.updated_at = this.now();
    return workflow;
  }

  setTag(
    ref: RepoRef,
    name: string,
    commit: string,
    options: { message?: string } = {},
  ): GitObject {
    const repo = this.repo(ref);
    if (!/^[0-9a-f]{40}$/.test(commit)) throw new Error(`not a commit sha: ${commit}`);
    let target: GitObject = { type: 'commit', sha: commit };
    if (options.message !== undefined) {
      const sha = fakeSha(`tag ${repo.full_name} ${name} ${commit} ${options.message}`);
      repo.tagObjects.set(sha, {
        sha,
        tag: name,
        message: options.message,
        tagger: { name: 'Release', email: 'release@example.com', date: this.now() },
        object: target,
      });
      target = { type: 'tag', sha };
    }
    repo.tags.set(name, target);
    return target;
  }

  // ---------------------------------------------------------------- issue dependencies

  /**
   * Blocked issue id -> the ids of the issues blocking it, in the order they were added: GitHub's
   * issue dependencies (docs.github.com/rest/issues/issue-dependencies), across repositories.
   */
  private readonly blockedBy = new Map<number, number[]>();

  blockersOf(issue: Issue): { repo: Repo; issue: Issue }[] {
    return (this.blockedBy.get(issue.id) ?? []).flatMap((id) => this.issueById(id) ?? []);
  }

  blockedOf(issue: Issue): { repo: Repo; issue: Issue }[] {
    return [...this.blockedBy.entries()]
      .filter(([, ids]) => ids.includes(issue.id))
      .flatMap(([id]) => this.issueById(id) ?? []);
  }

  /**
   * `issue` is blocked by `blocking`: GitHub refuses (422) an issue blocking itself, a dependency
   * it already has, and more than ISSUE_DEPENDENCY_LIMIT of one kind ("You can add up to 50 issues"
   * to each list, docs.github.com/issues/tracking-your-work-with-issues/using-issues/creating-issue-dependencies).
   */
  addBlockedBy(issue: Issue, blocking: Issue): void {
    const ids = this.blockedBy.get(issue.id) ?? [];
    const refuse = (message: string) =>
      validationFailed([
        { resource: 'IssueDependency', code: 'invalid', field: 'issue_id', message },
      ]);
    if (blocking.id === issue.id) throw refuse('An issue cannot be blocked by itself');
    if (ids.includes(blocking.id)) throw refuse('The issue is already blocked by this issue');
    if (ids.length >= ISSUE_DEPENDENCY_LIMIT) throw refuse('The issue has too many dependencies');
    this.blockedBy.set(issue.id, [...ids, blocking.id]);
  }

  removeBlockedBy(issue: Issue, blockingId: number): boolean {
    const ids = this.blockedBy.get(issue.id) ?? [];
    if (!ids.includes(blockingId)) return false;
    this.blockedBy.set(
      issue.id,
      ids.filter((id) => id !== blockingId),
    );
    return true;
  }

  // ---------------------------------------------------------------- releases, Pages

  /** Pages on (how it is built) or off (null). */
  setPages(ref: RepoRef, site: PagesSite | null): void {
    this.repo(ref).pages = site;
  }

  /** A commit on top of the default branch; returns its sha. */
  pushCommit(ref: RepoRef, message: string, opts: ActorOption = {}): string {
    const repo = this.repo(ref);
    const { actor, at } = this.stamp(opts);
    const parent = repo.commits.at(-1)?.sha;
    const sha = fakeSha(`${repo.full_name} commit ${repo.commits.length} ${message}`);
    repo.commits.push({ sha, parents: parent ? [parent] : [], message, author: actor, date: at });
    repo.pushed_at = at;
    return sha;
  }

  /** The commit a ref names: a sha of the history, a tag (through annotated tags) or the default branch. */
  commitOf(ref: RepoRef, name: string): Commit | undefined {
    const repo = this.repo(ref);
    const bySha = (sha: string) => repo.commits.find((c) => c.sha === sha);
    if (name === repo.default_branch) return repo.commits.at(-1);
    let target = repo.tags.get(name);
    for (let hops = 0; target?.type === 'tag' && hops < 5; hops++)
      target = repo.tagObjects.get(target.sha)?.object;
    if (target?.type === 'commit') return bySha(target.sha);
    return bySha(name);
  }

  /** Every commit `sha` reaches (itself included). */
  ancestors(ref: RepoRef, sha: string): Set<string> {
    const repo = this.repo(ref);
    const seen = new Set<string>();
    const todo = [sha];
    while (todo.length > 0) {
      const next = todo.pop() ?? '';
      if (seen.has(next)) continue;
      seen.add(next);
      todo.push(...(repo.commits.find((c) => c.sha === next)?.parents ?? []));
    }
    return seen;
  }

  /** Closes an issue as completed by a commit that says "fixes #n", as GitHub records it. */
  closeByCommit(ref: RepoRef, number: number, sha: string, opts: ActorOption = {}): Issue {
    const issue = this.updateIssue(
      ref,
      number,
      { state: 'closed', state_reason: 'completed' },
      opts,
    );
    const closed = issue.events.at(-1);
    if (closed?.event === 'closed') closed.commit_id = sha;
    return issue;
  }

  findRelease(ref: RepoRef, tag: string): Release | undefined {
    return this.repo(ref).releases.find((r) => r.tag_name === tag);
  }

  /**
   * A published release of `tag`. "Unused if the Git tag already exists": otherwise the tag is
   * made at `target_commitish`, the default branch's head by default, named as the emulator
   * names a branch's head (it keeps no commits). One release per tag: 422 already_exists
   * (docs.github.com/rest/releases/releases#create-a-release).
   */
  createRelease(
    ref: RepoRef,
    input: {
      tag_name: string;
      target_commitish?: string;
      name?: string | null;
      body?: string | null;
      prerelease?: boolean;
    },
    opts: ActorOption = {},
  ): Release {
    const repo = this.repo(ref);
    if (!input.tag_name)
      throw validationFailed([{ resource: 'Release', code: 'missing_field', field: 'tag_name' }]);
    if (this.findRelease(repo, input.tag_name))
      throw validationFailed([{ resource: 'Release', code: 'already_exists', field: 'tag_name' }]);
    const target = input.target_commitish ?? repo.default_branch;
    if (!repo.tags.has(input.tag_name)) this.setTag(repo, input.tag_name, branchHead(repo, target));
    const { actor, at } = this.stamp(opts);
    const id = this.newId();
    const release: Release = {
      id,
      node_id: nodeId('Release', id),
      tag_name: input.tag_name,
      target_commitish: target,
      name: input.name ?? null,
      body: input.body ?? null,
      draft: false,
      prerelease: input.prerelease ?? false,
      author: actor,
      created_at: at,
      published_at: at,
      assets: [],
    };
    repo.releases.push(release);
    return release;
  }

  /** The release that holds asset `id`, and the asset. */
  releaseAsset(ref: RepoRef, id: number): { release: Release; asset: ReleaseAsset } {
    for (const release of this.repo(ref).releases) {
      const asset = release.assets.find((a) => a.id === id);
      if (asset) return { release, asset };
    }
    throw missing(`no release asset ${id}`);
  }

  /**
   * A file uploaded to a release. GitHub renames names with special characters and leading or
   * trailing periods, and refuses (422) a name another asset of the release has: "you must delete
   * the old file before you can re-upload" (docs.github.com/rest/releases/assets#upload-a-release-asset).
   */
  uploadReleaseAsset(
    ref: RepoRef,
    releaseId: number,
    file: { name: string; label?: string | null; content_type: string; content: string },
    opts: ActorOption = {},
  ): ReleaseAsset {
    const release = this.repo(ref).releases.find((r) => r.id === releaseId);
    if (!release) throw missing(`no release ${releaseId}`);
    const name = file.name.replace(/[^A-Za-z0-9._+-]/g, '.').replace(/^\.+|\.+$/g, '');
    if (!name)
      throw validationFailed([{ resource: 'ReleaseAsset', code: 'missing_field', field: 'name' }]);
    if (release.assets.some((a) => a.name === name))
      throw validationFailed([{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }]);
    const { actor, at } = this.stamp(opts);
    const id = this.newId();
    const asset: ReleaseAsset = {
      id,
      node_id: nodeId('ReleaseAsset', id),
      name,
      label: file.label ?? null,
      state: 'uploaded',
      content_type: file.content_type,
      content: file.content,
      uploader: actor,
      created_at: at,
      updated_at: at,
    };
    release.assets.push(asset);
    return asset;
  }

  deleteReleaseAsset(ref: RepoRef, id: number): void {
    const { release, asset } = this.releaseAsset(ref, id);
    release.assets.splice(release.assets.indexOf(asset), 1);
  }

  // ---------------------------------------------------------------- labels

  findLabel(ref: RepoRef, name: string): Label | undefined {
    const want = lower(name.trim());
    return this.repo(ref).labels.find((l) => lower(l.name) === want);
  }

  label(ref: RepoRef, name: string): Label {
    const found = this.findLabel(ref, name);
    if (!found) throw missing(`no label "${name}" in ${this.repo(ref).full_name}`);
    return found;
  }

  createLabel(ref: RepoRef, input: LabelInput): Label {
    const repo = this.repo(ref);
    if (input.name === undefined || input.name === null || input.name === '') {
      throw validationFailed([{ resource: 'Label', code: 'missing_field', field: 'name' }]);
    }
    const name = checkLabelName(input.name);
    const color = input.color === undefined ? DEFAULT_LABEL_COLOR : checkColor(input.color);
    const description = checkDescription(input.description);
    if (this.findLabel(repo, name)) {
      throw validationFailed([{ resource: 'Label', code: 'already_exists', field: 'name' }]);
    }
    const id = this.newId();
    const label: Label = {
      id,
      node_id: nodeId('Label', id),
      name,
      color,
      description,
      default: false,
    };
    repo.labels.push(label);
    return label;
  }

  updateLabel(ref: RepoRef, name: string, patch: LabelPatch): Label {
    const repo = this.repo(ref);
    const label = this.label(repo, name);
    const newName = patch.new_name ?? patch.name;
    const next = {
      name: newName === undefined ? label.name : checkLabelName(newName),
      color: patch.color === undefined ? label.color : checkColor(patch.color),
      description:
        patch.description === undefined ? label.description : checkDescription(patch.description),
    };
    const clash = this.findLabel(repo, next.name);
    if (clash && clash !== label) {
      throw validationFailed([{ resource: 'Label', code: 'already_exists', field: 'name' }]);
    }
    Object.assign(label, next);
    return label;
  }

  /** Deletes the label from the repository and from every issue that carries it. */
  deleteLabel(ref: RepoRef, name: string): void {
    const repo = this.repo(ref);
    const label = this.label(repo, name);
    repo.labels.splice(repo.labels.indexOf(label), 1);
    for (const issue of repo.issues) {
      const at = issue.labels.indexOf(label);
      if (at >= 0) issue.labels.splice(at, 1);
    }
  }

  /** Existing label by name, or a new one with GitHub's default colour (as issue routes do). */
  private ensureLabel(repo: Repo, name: string): Label {
    return this.findLabel(repo, name) ?? this.createLabel(repo, { name });
  }

  // ---------------------------------------------------------------- issues

  issue(ref: RepoRef, number: number): Issue {
    const repo = this.repo(ref);
    const found = repo.issues.find((i) => i.number === number);
    if (!found) throw missing(`no issue #${number} in ${repo.full_name}`);
    return found;
  }

  /** Where a transferred issue went, by its old repository and number. */
  movedIssue(ref: RepoRef, number: number): { repo: string; number: number } | undefined {
    return this.moved.get(`${lower(this.repo(ref).full_name)}#${number}`);
  }

  findIssue(ref: RepoRef, number: number): Issue | undefined {
    return this.repo(ref).issues.find((i) => i.number === number);
  }

  createIssue(ref: RepoRef, input: NewIssue, opts: ActorOption = {}): Issue {
    const repo = this.repo(ref);
    if (typeof input.title !== 'string' || input.title.trim() === '') {
      throw validationFailed([{ resource: 'Issue', code: 'missing_field', field: 'title' }]);
    }
    const number = input.number ?? Math.max(0, ...repo.issues.map((i) => i.number)) + 1;
    if (repo.issues.some((i) => i.number === number)) {
      throw new Error(`${repo.full_name}#${number} already exists`);
    }
    const author = this.user(input.user ?? opts.actor ?? ACTIONS_BOT).login;
    const createdAt = input.created_at
      ? toIso(parseInstant(input.created_at, 'created_at'))
      : this.now();
    const assignees = this.checkAssignees(repo, input.assignees ?? []);
    const id = this.newId();
    const pr = input.pull_request;
    const issue: Issue = {
      id,
      node_id: nodeId(pr ? 'PullRequest' : 'Issue', id),
      number,
      title: input.title,
      body: input.body ?? null,
      user: author,
      labels: [],
      assignees: [],
      state: 'open',
      state_reason: null,
      locked: false,
      created_at: createdAt,
      updated_at: createdAt,
      closed_at: null,
      closed_by: null,
      comments: [],
      events: [],
      pull_request: pr
        ? {
            head: (typeof pr === 'object' && pr.head) || `patch-${number}`,
            base: (typeof pr === 'object' && pr.base) || repo.default_branch,
            head_sha: fakeSha(`${repo.full_name}#${number}`),
            draft: (typeof pr === 'object' && pr.draft) || false,
            merged_at: (typeof pr === 'object' && pr.merged_at) || null,
          }
        : null,
      sub_issues: [],
      type: (input.type && this.typeFor(repo, input.type)) || null,
    };
    repo.issues.push(issue);
    repo.issues.sort((a, b) => a.number - b.number);
    const at = { actor: author, at: createdAt };
    for (const name of input.labels ?? []) this.attachLabel(repo, issue, name, at);
    for (const login of assignees) this.attachAssignee(issue, login, at);
    for (const c of input.comments ?? []) this.addComment(repo, number, c);
    if (input.state === 'closed') {
      const closedAt = input.closed_at
        ? toIso(parseInstant(input.closed_at, 'closed_at'))
        : createdAt;
      this.close(issue, input.state_reason ?? 'completed', { actor: author, at: closedAt });
    }
    if (input.updated_at) issue.updated_at = toIso(parseInstant(input.updated_at, 'updated_at'));
    else issue.updated_at = latest(issue.updated_at, createdAt);
    return issue;
  }

  /** The issue (or pull request) with this REST id, in any repository. */
  issueById(id: number): { repo: Repo; issue: Issue } | undefined {
    for (const repo of this.repos.values()) {
      const issue = repo.issues.find((i) => i.id === id);
      if (issue) return { repo, issue };
    }
    return undefined;
  }

  /** The issue that holds this one (by REST id) as a sub-issue. */
  parentOf(id: number): { repo: Repo; issue: Issue } | undefined {
    for (const repo of this.repos.values()) {
      const issue = repo.issues.find((i) => i.sub_issues.includes(id));
      if (issue) return { repo, issue };
    }
    return undefined;
  }

  /** The sub-issues of an issue, in order. */
  subIssues(ref: RepoRef, number: number): { repo: Repo; issue: Issue }[] {
    return this.issue(ref, number).sub_issues.flatMap((id) => this.issueById(id) ?? []);
  }

  /**
   * Makes the issue whose REST id is `childId` a sub-issue of `number`, as "Add sub-issue" does
   * (https://docs.github.com/rest/issues/sub-issues#add-sub-issue): `sub_issue_id` is the
   * issue's id, not its number; it "must belong to the same repository owner as the parent";
   * an issue with a parent keeps it unless `replace_parent` is true; and "you can add up to 100
   * sub-issues per parent issue and create up to eight levels of nested sub-issues"
   * (https://docs.github.com/issues/tracking-your-work-with-issues/using-issues/adding-sub-issues).
   * Each refusal is a 422.
   */
  addSubIssue(
    ref: RepoRef,
    number: number,
    childId: number,
    opts: { replaceParent?: boolean } = {},
  ): Issue {
    const repo = this.repo(ref);
    const parent = this.issue(repo, number);
    const refuse = (message: string) =>
      validationFailed([{ resource: 'Issue', code: 'custom', field: 'sub_issue_id', message }]);
    const found = this.issueById(childId);
    if (!found) throw refuse(`no issue has the id ${childId}`);
    const { repo: childRepo, issue: child } = found;
    if (child.pull_request || parent.pull_request)
      throw refuse('a pull request cannot be a parent or a sub-issue');
    if (lower(childRepo.owner) !== lower(repo.owner))
      throw refuse('the sub-issue must belong to the same repository owner as the parent');
    if (child.id === parent.id) throw refuse('an issue cannot be its own sub-issue');
    const current = this.parentOf(child.id);
    if (current && current.issue.id === parent.id)
      throw refuse('the issue is already a sub-issue of this parent');
    if (current && !opts.replaceParent)
      throw refuse('the issue already has a parent: replace_parent is not set');
    if (parent.sub_issues.length >= 100) throw refuse('a parent can have at most 100 sub-issues');
    for (let up = this.parentOf(parent.id), level = 1; up; up = this.parentOf(up.issue.id)) {
      if (up.issue.id === child.id) throw refuse('the sub-issue is an ancestor of the parent');
      if (++level >= 8) throw refuse('sub-issues nest at most eight levels deep');
    }
    if (current)
      current.issue.sub_issues = current.issue.sub_issues.filter((id) => id !== child.id);
    parent.sub_issues.push(child.id);
    return child;
  }

  updateIssue(ref: RepoRef, number: number, patch: IssuePatch, opts: ActorOption = {}): Issue {
    const repo = this.repo(ref);
    const issue = this.issue(repo, number);
    const at = this.stamp(opts);
    if (patch.state !== undefined && patch.state !== 'open' && patch.state !== 'closed') {
      throw validationFailed([
        { resource: 'Issue', code: 'invalid', field: 'state', value: patch.state },
      ]);
    }
    if (
      patch.state_reason !== undefined &&
      patch.state_reason !== null &&
      !STATE_REASONS.includes(patch.state_reason)
    ) {
      throw validationFailed([
        { resource: 'Issue', code: 'invalid', field: 'state_reason', value: patch.state_reason },
      ]);
    }
    if (patch.title !== undefined && (typeof patch.title !== 'string' || patch.title === '')) {
      throw validationFailed([{ resource: 'Issue', code: 'missing_field', field: 'title' }]);
    }
    const assignees = patch.assignees ? this.checkAssignees(repo, patch.assignees) : undefined;
    if (patch.title !== undefined && patch.title !== issue.title) {
      this.record(issue, { event: 'renamed', rename: { from: issue.title, to: patch.title } }, at);
      issue.title = patch.title;
    }
    if (patch.body !== undefined) issue.body = patch.body;
    if (patch.type !== undefined) {
      const type = this.typeFor(repo, patch.type);
      if (type !== undefined) issue.type = type;
    }
    if (patch.labels) this.replaceLabels(repo, issue, patch.labels, at);
    if (assignees) {
      for (const login of [...issue.assignees]) {
        if (!assignees.some((a) => lower(a) === lower(login)))
          this.detachAssignee(issue, login, at);
      }
      for (const login of assignees) this.attachAssignee(issue, login, at);
    }
    if (patch.state === 'closed' && issue.state === 'open') {
      this.close(issue, patch.state_reason ?? 'completed', at);
    } else if (patch.state === 'open' && issue.state === 'closed') {
      issue.state = 'open';
      issue.state_reason = 'reopened';
      issue.closed_at = null;
      issue.closed_by = null;
      this.record(issue, { event: 'reopened', state_reason: 'reopened' }, at);
    } else if (patch.state_reason !== undefined && issue.state === 'closed') {
      issue.state_reason = patch.state_reason;
    }
    issue.updated_at = at.at;
    return issue;
  }

  /**
   * Moves an issue to another repository as GitHub's transfer does: it gets the next number
   * there, keeps its creation date, comments, assignees and timeline, keeps only the labels the
   * target has by name, and records a `transferred` event. The old number answers a 301 to
   * the new one, as GitHub's "Get an issue" does (movedIssue).
   */
  transferIssue(from: RepoRef, number: number, to: RepoRef, opts: ActorOption = {}): Issue {
    const source = this.repo(from);
    const target = this.repo(to);
    const issue = this.issue(source, number);
    if (issue.pull_request) throw new Error(`${source.full_name}#${number} is a pull request`);
    const at = this.stamp(opts);
    source.issues.splice(source.issues.indexOf(issue), 1);
    const oldNumber = issue.number;
    issue.number = Math.max(0, ...target.issues.map((i) => i.number)) + 1;
    this.moved.set(`${lower(source.full_name)}#${oldNumber}`, {
      repo: target.full_name,
      number: issue.number,
    });
    issue.labels = issue.labels
      .map((l) => this.findLabel(target, l.name))
      .filter((l): l is Label => l !== undefined);
    issue.assignees = issue.assignees.filter((login) => this.isAssignable(target, login));
    if (issue.type && !this.repoIssueTypes(target).includes(issue.type)) issue.type = null;
    for (const comment of issue.comments) comment.issue_number = issue.number;
    target.issues.push(issue);
    target.issues.sort((a, b) => a.number - b.number);
    this.record(issue, { event: 'transferred', transfer: { from: source.full_name } }, at);
    issue.updated_at = at.at;
    return issue;
  }

  addLabels(ref: RepoRef, number: number, names: string[], opts: ActorOption = {}): Label[] {
    const repo = this.repo(ref);
    const issue = this.issue(repo, number);
    const at = this.stamp(opts);
    for (const name of names) this.attachLabel(repo, issue, name, at);
    issue.updated_at = at.at;
    return issue.labels;
  }

  setLabels(ref: RepoRef, number: number, names: string[], opts: ActorOption = {}): Label[] {
    const repo = this.repo(ref);
    const issue = this.issue(repo, number);
    const at = this.stamp(opts);
    this.replaceLabels(repo, issue, names, at);
    issue.updated_at = at.at;
    return issue.labels;
  }

  /** Removes one label; 404 "Label does not exist" when the issue does not carry it. */
  removeLabel(ref: RepoRef, number: number, name: string, opts: ActorOption = {}): Label[] {
    const repo = this.repo(ref);
    const issue = this.issue(repo, number);
    const label = issue.labels.find((l) => lower(l.name) === lower(name));
    if (!label) throw notFound('Label does not exist');
    const at = this.stamp(opts);
    this.detachLabel(issue, label, at);
    issue.updated_at = at.at;
    return issue.labels;
  }

  clearLabels(ref: RepoRef, number: number, opts: ActorOption = {}): void {
    this.setLabels(ref, number, [], opts);
  }

  /** Adds assignees; like GitHub, logins that cannot be assigned are silently ignored. */
  addAssignees(ref: RepoRef, number: number, logins: string[], opts: ActorOption = {}): Issue {
    const repo = this.repo(ref);
    const issue = this.issue(repo, number);
    const at = this.stamp(opts);
    for (const login of logins) {
      if (this.isAssignable(repo, login)) this.attachAssignee(issue, this.user(login).login, at);
    }
    issue.updated_at = at.at;
    return issue;
  }

  removeAssignees(ref: RepoRef, number: number, logins: string[], opts: ActorOption = {}): Issue {
    const repo = this.repo(ref);
    const issue = this.issue(repo, number);
    const at = this.stamp(opts);
    for (const login of logins) this.detachAssignee(issue, login, at);
    issue.updated_at = at.at;
    return issue;
  }

  // ---------------------------------------------------------------- comments

  addComment(ref: RepoRef, number: number, input: NewComment): Comment {
    const repo = this.repo(ref);
    const issue = this.issue(repo, number);
    if (typeof input.body !== 'string' || input.body === '') {
      throw validationFailed([{ resource: 'IssueComment', code: 'missing_field', field: 'body' }]);
    }
    const createdAt = input.created_at
      ? toIso(parseInstant(input.created_at, 'created_at'))
      : this.now();
    const id = this.newId();
    const comment: Comment = {
      id,
      node_id: nodeId('IssueComment', id),
      issue_number: number,
      user: this.user(input.user ?? ACTIONS_BOT).login,
      body: input.body,
      created_at: createdAt,
      updated_at: createdAt,
    };
    issue.comments.push(comment);
    issue.updated_at = latest(issue.updated_at, createdAt);
    return comment;
  }

  /** The comment with this id in the repository, with the issue it belongs to. */
  comment(ref: RepoRef, id: number): { issue: Issue; comment: Comment } {
    for (const issue of this.repo(ref).issues) {
      const comment = issue.comments.find((c) => c.id === id);
      if (comment) return { issue, comment };
    }
    throw missing(`no comment ${id} in ${this.repo(ref).full_name}`);
  }

  updateComment(ref: RepoRef, id: number, body: string): Comment {
    const { issue, comment } = this.comment(ref, id);
    if (typeof body !== 'string' || body === '') {
      throw validationFailed([{ resource: 'IssueComment', code: 'missing_field', field: 'body' }]);
    }
    comment.body = body;
    comment.updated_at = this.now();
    issue.updated_at = latest(issue.updated_at, comment.updated_at);
    return comment;
  }

  deleteComment(ref: RepoRef, id: number): void {
    const { issue, comment } = this.comment(ref, id);
    issue.comments.splice(issue.comments.indexOf(comment), 1);
  }

  /** Comments across the repository, oldest first. */
  repoComments(ref: RepoRef): Comment[] {
    return this.repo(ref)
      .issues.flatMap((i) => i.comments)
      .sort((a, b) => a.id - b.id);
  }

  /** Events and comments of an issue in time order (GitHub's timeline). */
  timeline(ref: RepoRef, number: number): TimelineItem[] {
    const issue = this.issue(ref, number);
    const items: (TimelineItem & { seq: number })[] = [
      ...issue.events.map((event) => ({
        kind: 'event' as const,
        at: event.created_at,
        event,
        seq: event.id,
      })),
      ...issue.comments.map((comment) => ({
        kind: 'comment' as const,
        at: comment.created_at,
        comment,
        seq: comment.id,
      })),
    ];
    items.sort((a, b) => (a.at === b.at ? a.seq - b.seq : a.at < b.at ? -1 : 1));
    return items.map(({ seq: _seq, ...item }) => item);
  }

  // ---------------------------------------------------------------- dump

  /** A JSON-friendly dump of the whole state (served at /_emulator/state). */
  snapshot(): Record<string, unknown> {
    return {
      now: this.clock.isFrozen ? this.now() : null,
      users: [...this.users.values()],
      teams: this.teams,
      repos: [...this.repos.values()].map((r) => ({
        ...r,
        collaborators: Object.fromEntries(r.collaborators),
        labels: r.labels,
        issues: r.issues.map((i) => ({
          ...i,
          labels: i.labels.map((l) => l.name),
          type: i.type?.name ?? null,
        })),
        files: Object.fromEntries(r.files),
        refs: Object.fromEntries([...r.refs].map(([k, v]) => [k, Object.fromEntries(v)])),
        tags: Object.fromEntries(r.tags),
        tagObjects: Object.fromEntries(r.tagObjects),
      })),
    };
  }

  // ---------------------------------------------------------------- internals

  private stamp(opts: ActorOption): { actor: string; at: string } {
    return { actor: this.user(opts.actor ?? ACTIONS_BOT).login, at: this.now() };
  }

  /** Validates logins for create/update (422 for a login that cannot be assigned). */
  private checkAssignees(repo: Repo, logins: unknown): string[] {
    if (!Array.isArray(logins)) {
      throw validationFailed([{ resource: 'Issue', code: 'invalid', field: 'assignees' }]);
    }
    const out: string[] = [];
    for (const login of logins) {
      if (typeof login !== 'string' || !this.isAssignable(repo, login)) {
        throw validationFailed([
          { resource: 'Issue', code: 'invalid', field: 'assignees', value: login },
        ]);
      }
      const canonical = this.user(login).login;
      if (!out.includes(canonical)) out.push(canonical);
    }
    return out.slice(0, MAX_ASSIGNEES);
  }

  private record(
    issue: Issue,
    event: Omit<IssueEvent, 'id' | 'node_id' | 'actor' | 'created_at'>,
    at: { actor: string; at: string },
  ): void {
    const id = this.newId();
    issue.events.push({
      id,
      node_id: nodeId(EVENT_TYPENAME[event.event], id),
      actor: at.actor,
      created_at: at.at,
      ...event,
    });
  }

  private attachLabel(repo: Repo, issue: Issue, name: string, at: { actor: string; at: string }) {
    const label = this.ensureLabel(repo, name);
    if (issue.labels.includes(label)) return;
    issue.labels.push(label);
    this.record(issue, { event: 'labeled', label: { name: label.name, color: label.color } }, at);
  }

  private detachLabel(issue: Issue, label: Label, at: { actor: string; at: string }) {
    issue.labels.splice(issue.labels.indexOf(label), 1);
    this.record(issue, { event: 'unlabeled', label: { name: label.name, color: label.color } }, at);
  }

  private replaceLabels(
    repo: Repo,
    issue: Issue,
    names: string[],
    at: { actor: string; at: string },
  ) {
    const wanted = names.map((n) => this.ensureLabel(repo, n));
    for (const label of [...issue.labels]) {
      if (!wanted.includes(label)) this.detachLabel(issue, label, at);
    }
    for (const label of wanted) this.attachLabel(repo, issue, label.name, at);
  }

  private attachAssignee(issue: Issue, login: string, at: { actor: string; at: string }) {
    if (issue.assignees.some((a) => lower(a) === lower(login))) return;
    if (issue.assignees.length >= MAX_ASSIGNEES) return;
    issue.assignees.push(login);
    this.record(issue, { event: 'assigned', assignee: login }, at);
  }

  private detachAssignee(issue: Issue, login: string, at: { actor: string; at: string }) {
    const index = issue.assignees.findIndex((a) => lower(a) === lower(login));
    if (index < 0) return;
    const [removed] = issue.assignees.splice(index, 1);
    this.record(issue, { event: 'unassigned', assignee: removed ?? login }, at);
  }

  private close(issue: Issue, reason: StateReason | null, at: { actor: string; at: string }) {
    issue.state = 'closed';
    issue.state_reason = reason;
    issue.closed_at = at.at;
    issue.closed_by = at.actor;
    this.record(issue, { event: 'closed', state_reason: reason }, at);
    issue.updated_at = latest(issue.updated_at, at.at);
  }
}

// ---------------------------------------------------------------- validation helpers

/**
 * A label's length as GitHub limits it: in code points (an emoji is one, not two UTF-16 units;
 * an emoji sequence joined by ZWJ counts each of its code points).
 */
export function characterCount(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

function checkLabelName(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw validationFailed([{ resource: 'Label', code: 'invalid', field: 'name', value }]);
  }
  const name = value.trim();
  if (characterCount(name) > 50) {
    throw validationFailed([
      {
        resource: 'Label',
        code: 'custom',
        field: 'name',
        message: 'name is too long (maximum is 50 characters)',
      },
    ]);
  }
  return name;
}

function checkColor(value: unknown): string {
  if (typeof value !== 'string' || !/^[0-9a-fA-F]{6}$/.test(value)) {
    throw validationFailed([{ resource: 'Label', code: 'invalid', field: 'color', value }]);
  }
  return value.toLowerCase();
}

function checkDescription(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') {
    throw validationFailed([{ resource: 'Label', code: 'invalid', field: 'description', value }]);
  }
  if (characterCount(value) > 100) {
    throw validationFailed([
      {
        resource: 'Label',
        code: 'custom',
        field: 'description',
        message: 'description is too long (maximum is 100 characters)',
      },
    ]);
  }
  return value;
}

/** GitHub's 404 body, with an error message that says what was missing (for direct store calls). */
function missing(what: string) {
  const err = notFound();
  err.message = `Not Found: ${what}`;
  return err;
}

function latest(a: string, b: string): string {
  return a > b ? a : b;
}

/** GraphQL type of each issue event, which its node_id encodes as GitHub's do. */
export const EVENT_TYPENAME: Record<IssueEventKind, string> = {
  labeled: 'LabeledEvent',
  unlabeled: 'UnlabeledEvent',
  assigned: 'AssignedEvent',
  unassigned: 'UnassignedEvent',
  closed: 'ClosedEvent',
  reopened: 'ReopenedEvent',
  renamed: 'RenamedTitleEvent',
  transferred: 'TransferredEvent',
};

/** A stable 40-hex string derived from text (fake commit ids). */
export function fakeSha(text: string): string {
  let h1 = 0x811c9dc5;
  let out = '';
  for (let round = 0; out.length < 40; round++) {
    for (const ch of `${round}:${text}`) h1 = Math.imul(h1 ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    out += h1.toString(16).padStart(8, '0');
  }
  return out.slice(0, 40);
}

/** A branch's head commit as the emulator names it (it keeps no commits): a sha stands for itself. */
function branchHead(repo: Repo, ref: string): string {
  if (ref === repo.default_branch && repo.commits.length > 0) return repo.commits.at(-1)?.sha ?? '';
  return /^[0-9a-f]{40}$/.test(ref) ? ref : fakeSha(`${repo.full_name} ${ref} ${repo.pushed_at}`);
}
