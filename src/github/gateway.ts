import { createHash } from 'node:crypto';
import { RequestBudget } from './budget.js';
import { type KitIdentity, restLogin } from '../kernel/kit-identity.js';
import type { RepoRef } from '../kernel/plan.js';
import type { Octokit } from './client.js';
import type {
  GitHubComment,
  GitHubIssue,
  GitHubLabel,
  GitHubLabelChange,
  GitHubRelease,
  GitHubReleaseAsset,
} from './types.js';

/**
 * The one place that knows GitHub's REST and GraphQL endpoints. Capabilities read and
 * write through it; nothing else builds a request.
 */
/** GitHub's base repository roles; any other `role_name` is a custom role. */
const BASE_ROLES: readonly string[] = ['admin', 'maintain', 'write', 'triage', 'read', 'none'];

/**
 * For a POST that creates (an issue, a comment): the retry plugin must not repeat it, since a 5xx
 * can come after GitHub wrote it. The executor looks for what it wrote before trying again.
 */
const ONCE = { request: { retries: 0 } } as const;

/** The issue was transferred to another repository: nothing is done to it here. */
export class IssueMoved extends Error {
  constructor(
    readonly issue: number,
    readonly to: string,
  ) {
    super(`#${issue} was transferred to ${to}: nothing to do here`);
    this.name = 'IssueMoved';
  }
}

export class Gateway {
  /**
   * Comments read in this run, per issue: a job that looks for its marker and the executor
   * that upserts it share one listing instead of paying for two.
   */
  private readonly comments = new Map<number, GitHubComment[]>();

  /**
   * Issues read in this run, kept as this run's own writes left them: the capabilities of one run
   * share one read. Another writer's change meanwhile starts its own run, which reads afresh; a
   * write that failed forgets the issue, since GitHub may have made it anyway.
   */
  private readonly issues = new Map<number, GitHubIssue & { comments?: number }>();

  /** The issue the run is about: the config query reads it too (`expectIssue`). */
  private expected: number | undefined;

  /** Issues this run created: an operation that comments on one finds it without a listing. */
  readonly created: GitHubIssue[] = [];

  /** The repository's issue types, read once a run (`issueTypes`). */
  private types: Promise<string[]> | undefined;

  constructor(
    readonly octokit: Octokit,
    readonly repo: RepoRef,
    /** What the run may still spend of its token's hourly budget (the client checks it too). */
    readonly budget: RequestBudget = new RequestBudget(),
    /** Who the token writes as, once learned: shared by the gateways on other repositories. */
    private readonly identity: { login?: Promise<string> } = {},
    /**
     * The same token without write pacing, for GraphQL queries: the throttling plugin paces every
     * `/graphql` call like a write, but GitHub asks pacing of mutating requests only, and the kit's
     * one mutation (`pinIssue`) goes through the paced client. A 2,000-issue report then reads in seconds, not half a minute.
     */
    private readonly reader: Octokit = octokit,
  ) {}

  private get ref() {
    return { owner: this.repo.owner, repo: this.repo.repo };
  }

  /**
   * The run is about this issue and will read it: the next `readFolders` asks for it in the same
   * query, which spares a request when the config comes through the API.
   */
  expectIssue(issue: number): void {
    this.expected = issue;
  }

  /**
   * With `primeComments`, an issue that has no comment yet is known to have none: the executor's
   * upsert of a marked comment then writes without listing first.
   */
  async getIssue(
    issue: number,
    options: { primeComments?: boolean } = {},
  ): Promise<GitHubIssue & { comments?: number }> {
    const data = this.issues.get(issue) ?? (await this.readIssue(issue));
    if (options.primeComments && data.comments === 0 && !this.comments.has(issue))
      this.comments.set(issue, []);
    return structuredClone(data);
  }

  private async readIssue(issue: number): Promise<GitHubIssue & { comments?: number }> {
    const { data } = await this.octokit.rest.issues.get({ ...this.ref, issue_number: issue });
    // GitHub answers a transferred issue's old number with a 301, which fetch follows: what
    // comes back is another repository's issue, and writing to its number here would be wrong.
    const home = `/repos/${this.repo.owner}/${this.repo.repo}`.toLowerCase();
    if (data.number !== issue || !data.repository_url.toLowerCase().endsWith(home))
      throw new IssueMoved(issue, data.html_url);
    const read = data as GitHubIssue & { comments?: number };
    this.issues.set(issue, read);
    return read;
  }

  /**
   * A write to an issue, and what its answer says of the issue now (`learn`); a failed write
   * forgets the issue, so the next read asks GitHub.
   */
  private async writeTo<T>(
    issue: number,
    write: () => Promise<T>,
    learn: (known: GitHubIssue & { comments?: number }, data: T) => void = () => {},
  ): Promise<T> {
    let data: T;
    try {
      data = await write();
    } catch (error) {
      this.issues.delete(issue);
      throw error;
    }
    const known = this.issues.get(issue);
    if (known) learn(known, data);
    return data;
  }

  async listIssues(
    filter: {
      state?: 'open' | 'closed' | 'all';
      labels?: string[];
      since?: string;
      assignee?: string;
    } = {},
  ): Promise<GitHubIssue[]> {
    const issues = await this.octokit.paginate(this.octokit.rest.issues.listForRepo, {
      ...this.ref,
      state: filter.state ?? 'open',
      ...(filter.labels && filter.labels.length > 0 ? { labels: filter.labels.join(',') } : {}),
      ...(filter.since ? { since: filter.since } : {}),
      ...(filter.assignee ? { assignee: filter.assignee } : {}),
      per_page: 100,
    });
    return issues as GitHubIssue[];
  }

  async createIssue(input: {
    title: string;
    body: string;
    labels: string[];
    assignees?: string[];
  }): Promise<GitHubIssue> {
    const { data } = await this.octokit.rest.issues.create({ ...this.ref, ...input, ...ONCE });
    const issue = data as GitHubIssue;
    this.learnIdentity(issue.user);
    this.created.push(issue);
    this.comments.set(issue.number, []);
    return issue;
  }

  async updateIssue(
    issue: number,
    patch: {
      title?: string;
      body?: string;
      state?: 'open' | 'closed';
      state_reason?: 'completed' | 'not_planned' | 'duplicate' | 'reopened';
      /** An issue type's name; GitHub drops one it cannot set, so read the answer's `type`. */
      type?: string;
    },
  ): Promise<GitHubIssue> {
    const { data } = await this.writeTo(
      issue,
      () => this.octokit.rest.issues.update({ ...this.ref, issue_number: issue, ...patch }),
      (_known, answer) => this.issues.set(issue, answer.data as GitHubIssue),
    );
    return data as GitHubIssue;
  }

  /**
   * The sub-issues of `parent`: one page, since GitHub keeps at most 100 under one parent
   * (docs.github.com, "Adding sub-issues").
   */
  async listSubIssues(parent: number): Promise<GitHubIssue[]> {
    const { data } = await this.octokit.rest.issues.listSubIssues({
      ...this.ref,
      issue_number: parent,
      per_page: 100,
    });
    return data as GitHubIssue[];
  }

  /** Makes the issue whose REST id is `child` (not its number) a sub-issue of `parent`. */
  async addSubIssue(parent: number, child: number): Promise<void> {
    await this.writeTo(parent, () =>
      this.octokit.rest.issues.addSubIssue({
        ...this.ref,
        issue_number: parent,
        sub_issue_id: child,
        ...ONCE,
      }),
    );
  }

  /**
   * The issue's type as GitHub has it: this run's REST read of the issue says, a GraphQL read does
   * not (the kit's queries ask no type), and then the issue is read again.
   */
  async issueTypeOf(issue: number): Promise<string | null> {
    const known = this.issues.get(issue);
    const read = known?.type !== undefined ? known : await this.readIssue(issue);
    return read.type?.name ?? null;
  }

  /**
   * The issue types this repository's issues may take, read once a run ("List issue types for a
   * repository": its organisation's, with the Metadata permission every token has). None when
   * GitHub answers 404, as for a repository a person owns.
   */
  async issueTypes(): Promise<string[]> {
    this.types ??= this.octokit.request('GET /repos/{owner}/{repo}/issue-types', this.ref).then(
      ({ data }) => (data as { name: string }[]).map((t) => t.name),
      (error: unknown) => {
        if (isStatus(error, 404)) return [];
        this.types = undefined;
        throw error;
      },
    );
    return this.types;
  }

  /** `fresh`: read again, past this run's copy (to learn whether a write GitHub lost the answer to was made). */
  async listComments(issue: number, options: { fresh?: boolean } = {}): Promise<GitHubComment[]> {
    const cached = this.comments.get(issue);
    if (cached && !options.fresh) return cached;
    const comments = (await this.octokit.paginate(this.octokit.rest.issues.listComments, {
      ...this.ref,
      issue_number: issue,
      per_page: 100,
    })) as GitHubComment[];
    this.comments.set(issue, comments);
    return comments;
  }

  /** A GraphQL query; the report builds its own (src/report/fetch.ts) to save round trips. */
  async graphql(query: string, variables: Record<string, unknown>): Promise<unknown> {
    if (/^\s*mutation\b/.test(query)) throw new Error('the gateway sends GraphQL queries only');
    return this.reader.graphql(query, variables);
  }

  /**
   * Pins an issue above the repository's issue list, whether GitHub says it is pinned now. The
   * one mutation the kit sends, so it goes through the paced client: REST has no endpoint for it
   * (docs.github.com/graphql/reference/mutations#pinissue).
   */
  async pinIssue(issue: GitHubIssue): Promise<boolean> {
    if (!issue.node_id) throw new Error(`#${issue.number} came without its node id`);
    const data = await this.octokit.graphql<{ pinIssue: { issue: { isPinned: boolean | null } } }>(
      'mutation($id: ID!) { pinIssue(input: { issueId: $id }) { issue { isPinned } } }',
      { id: issue.node_id },
    );
    return data.pinIssue.issue.isPinned === true;
  }

  /**
   * The login the token writes as, the kit's identity: only its markers count (kit-identity.ts).
   * One GraphQL `viewer` query, made on first use and remembered for the run: `GET /user` is
   * refused to an installation token, `viewer` answers for the workflow token (`github-actions`),
   * an App's (`<slug>`) and a person's alike.
   */
  readonly kitLogin: KitIdentity = () => {
    this.identity.login ??= this.octokit
      .graphql<{ viewer: { login: string } }>('query { viewer { login } }')
      .then(({ viewer }) => viewer.login);
    return this.identity.login;
  };

  /** Issues (not pull requests) matching a search query, best first, at most `limit`. */
  async searchIssues(query: string, limit: number): Promise<GitHubIssue[]> {
    const { data } = await this.octokit.rest.search.issuesAndPullRequests({
      q: query,
      per_page: Math.min(limit, 100),
    });
    return (data.items as GitHubIssue[]).filter((i) => !i.pull_request).slice(0, limit);
  }

  async createComment(issue: number, body: string): Promise<GitHubComment> {
    const { data } = await this.writeTo(
      issue,
      () =>
        this.octokit.rest.issues.createComment({ ...this.ref, issue_number: issue, body, ...ONCE }),
      (known) => {
        known.comments = (known.comments ?? 0) + 1;
      },
    );
    this.comments.get(issue)?.push(data as GitHubComment);
    this.learnIdentity(data.user);
    return data as GitHubComment;
  }

  /** What the token just wrote names who it writes as: no need to ask GitHub later. */
  private learnIdentity(author: { login: string } | null | undefined): void {
    if (author?.login) this.identity.login ??= Promise.resolve(author.login);
  }

  async updateComment(commentId: number, body: string): Promise<GitHubComment> {
    const { data } = await this.octokit.rest.issues.updateComment({
      ...this.ref,
      comment_id: commentId,
      body,
    });
    return data as GitHubComment;
  }

  async addLabels(issue: number, labels: string[]): Promise<GitHubLabel[]> {
    const { data } = await this.writeTo(
      issue,
      () => this.octokit.rest.issues.addLabels({ ...this.ref, issue_number: issue, labels }),
      (known, answer) => {
        known.labels = answer.data;
      },
    );
    return data;
  }

  async listIssueLabels(issue: number): Promise<GitHubLabel[]> {
    const labels = await this.octokit.paginate(this.octokit.rest.issues.listLabelsOnIssue, {
      ...this.ref,
      issue_number: issue,
      per_page: 100,
    });
    return labels;
  }

  /**
   * Whether GitHub runs a workflow of this repository ("active", "disabled_inactivity", ...);
   * null when the repository has no such workflow. Needs `actions: read`.
   */
  async workflowState(file: string): Promise<string | null> {
    try {
      const { data } = await this.octokit.rest.actions.getWorkflow({
        ...this.ref,
        workflow_id: file,
      });
      return data.state;
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
  }

  /** Turns a workflow GitHub disabled back on. Needs `actions: write`. */
  async enableWorkflow(file: string): Promise<void> {
    await this.octokit.rest.actions.enableWorkflow({ ...this.ref, workflow_id: file });
  }

  /** When labels came on and off the issue, oldest first (GitHub lists its events that way). */
  async listLabelChanges(issue: number): Promise<GitHubLabelChange[]> {
    const events = (await this.octokit.paginate(this.octokit.rest.issues.listEvents, {
      ...this.ref,
      issue_number: issue,
      per_page: 100,
    })) as { event: string; created_at: string; label?: { name: string } }[];
    return events
      .filter((e) => (e.event === 'labeled' || e.event === 'unlabeled') && e.label)
      .map((e) => ({ label: e.label?.name ?? '', at: e.created_at, added: e.event === 'labeled' }));
  }

  async setLabels(issue: number, labels: string[]): Promise<GitHubLabel[]> {
    const { data } = await this.writeTo(
      issue,
      () => this.octokit.rest.issues.setLabels({ ...this.ref, issue_number: issue, labels }),
      (known, answer) => {
        known.labels = answer.data;
      },
    );
    return data;
  }

  async removeLabel(issue: number, label: string): Promise<void> {
    await this.writeTo(
      issue,
      () => this.octokit.rest.issues.removeLabel({ ...this.ref, issue_number: issue, name: label }),
      (known, answer) => {
        known.labels = answer.data;
      },
    );
  }

  async addAssignees(issue: number, assignees: string[]): Promise<GitHubIssue> {
    const { data } = await this.writeTo(
      issue,
      () => this.octokit.rest.issues.addAssignees({ ...this.ref, issue_number: issue, assignees }),
      (_known, answer) => this.issues.set(issue, answer.data as GitHubIssue),
    );
    return data as GitHubIssue;
  }

  /**
   * Whether issues in this repository can be assigned to `login` (204) or not (404). Worth
   * asking before relying on a login: GitHub silently drops one it cannot assign.
   */
  async canBeAssigned(login: string): Promise<boolean> {
    try {
      await this.octokit.rest.issues.checkUserCanBeAssigned({ ...this.ref, assignee: login });
      return true;
    } catch (error) {
      if (isStatus(error, 404)) return false;
      throw error;
    }
  }

  async removeAssignees(issue: number, assignees: string[]): Promise<GitHubIssue> {
    const { data } = await this.writeTo(
      issue,
      () =>
        this.octokit.rest.issues.removeAssignees({ ...this.ref, issue_number: issue, assignees }),
      (_known, answer) => this.issues.set(issue, answer.data as GitHubIssue),
    );
    return data as GitHubIssue;
  }

  async listLabels(): Promise<GitHubLabel[]> {
    const labels = await this.octokit.paginate(this.octokit.rest.issues.listLabelsForRepo, {
      ...this.ref,
      per_page: 100,
    });
    return labels;
  }

  async createLabel(label: {
    name: string;
    color: string;
    description: string;
  }): Promise<GitHubLabel> {
    const { data } = await this.octokit.rest.issues.createLabel({ ...this.ref, ...label });
    return data;
  }

  /** `name` is the current name; Octokit encodes it for the path exactly once. */
  async updateLabel(
    name: string,
    patch: { new_name?: string; color?: string; description?: string },
  ): Promise<GitHubLabel> {
    const { data } = await this.octokit.rest.issues.updateLabel({ ...this.ref, name, ...patch });
    return data;
  }

  async deleteLabel(name: string): Promise<void> {
    await this.octokit.rest.issues.deleteLabel({ ...this.ref, name });
  }

  /** An organisation's repositories, archived ones left out: nobody syncs labels there. */
  async listOrgRepos(org: string): Promise<string[]> {
    const repos = await this.octokit.paginate(this.octokit.rest.repos.listForOrg, {
      org,
      per_page: 100,
    });
    return repos.filter((r) => !r.archived).map((r) => r.name);
  }

  /** The same client on another repository (label sync across an organisation, remote extends). */
  forRepo(repo: RepoRef): Gateway {
    if (sameRepo(repo, this.repo)) return this;
    return new Gateway(this.octokit, repo, this.budget, this.identity, this.reader);
  }

  /**
   * A user's role in this repository: admin, maintain, write, triage, read or none (GitHub's
   * `role_name`; its legacy `permission` field folds triage into read). A custom repository role
   * has its own name in `role_name`; its base permission is then in `permission`.
   */
  async permissionOf(login: string): Promise<string> {
    try {
      const { data } = await this.octokit.rest.repos.getCollaboratorPermissionLevel({
        ...this.ref,
        username: login,
      });
      const detail = data as { role_name?: string; permission?: string };
      const role = detail.role_name?.toLowerCase();
      if (role && BASE_ROLES.includes(role)) return role;
      return detail.permission || 'none';
    } catch (error) {
      if (isStatus(error, 404)) return 'none';
      throw error;
    }
  }

  /**
   * A file's text at a ref, or null when it does not exist. Directories answer null too:
   * the caller asked for a file.
   */
  async readFile(path: string, ref?: string): Promise<string | null> {
    try {
      // Raw, because the default media type refuses files over 1 MB (403 too_large) and raw
      // gives them up to 100 MB; a folder still answers with its JSON listing.
      const { data } = await this.octokit.rest.repos.getContent({
        ...this.ref,
        path,
        ...(ref ? { ref } : {}),
        mediaType: { format: 'raw' },
      });
      return typeof data === 'string' ? data : null;
    } catch (error) {
      if (isStatus(error, 404)) return null;
      throw error;
    }
  }

  /**
   * Folders at a ref with the text of their files, in one GraphQL query (one point) where the
   * contents API takes a request per file; the query also learns who the token writes as. A
   * folder that does not exist is null. A file GraphQL gives no text for (binary, or cut short
   * because it is large) is `null`: read it with `readFile` if it matters.
   */
  async readFolders(
    paths: readonly string[],
    ref?: string,
  ): Promise<Map<string, Map<string, string | null> | null>> {
    const folders = paths.map((path, i) => ({ path, alias: `f${i}` }));
    const issue =
      this.expected !== undefined && !this.issues.has(this.expected) ? this.expected : undefined;
    const variables = Object.fromEntries(
      folders.map((f) => [f.alias, `${ref ?? 'HEAD'}:${f.path.replace(/^\.\/?$/, '')}`]),
    );
    const data = await this.folderQuery(paths, folderQuery(folders, issue !== undefined), {
      owner: this.repo.owner,
      name: this.repo.repo,
      ...variables,
      ...(issue !== undefined ? { issue } : {}),
    });
    this.identity.login ??= Promise.resolve(data.viewer.login);
    this.keepExpected(issue, data.repository.issue);
    return new Map(folders.map((f) => [f.path, filesOf(data.repository[f.alias] as TreeObject)]));
  }

  /** The config query's answer; a refusal of the files names the permission they need. */
  private async folderQuery(
    paths: readonly string[],
    query: string,
    variables: Record<string, unknown>,
  ): Promise<FolderAnswer> {
    try {
      return await this.withExpectedIssue<FolderAnswer>(query, variables);
    } catch (error) {
      const { errors = [] } = error as { errors?: { type?: string }[] };
      if (!errors.some((e) => e.type === 'FORBIDDEN')) throw error;
      throw new Error(
        `GitHub refused this token the files of ${paths.join(' and ')}: ${grantHint('contents', 'read')}`,
        { cause: error },
      );
    }
  }

  /**
   * A query that reads the run's issue beside something else. "No such issue" (deleted, or
   * transferred away) and "not yours to read" are the issue's own affair: the rest is good, and
   * the REST read that follows follows a transfer and names the permission. Any other error is a
   * fault of the query, and hiding it would hide a request paid again.
   */
  private async withExpectedIssue<T extends { repository: { issue?: GraphqlIssue | null } }>(
    query: string,
    variables: Record<string, unknown>,
  ): Promise<T> {
    const data = await this.queryTolerating<T>(
      query,
      variables,
      (e) => e.path?.[1] === 'issue' && (e.type === 'NOT_FOUND' || e.type === 'FORBIDDEN'),
    );
    return { ...data, repository: { ...data.repository, issue: data.repository.issue ?? null } };
  }

  /**
   * A query whose answer stands when every error in it is one `expected` names (GraphQL answers
   * the rest of the query beside such an error, with null where it failed); any other fails.
   */
  private async queryTolerating<T>(
    query: string,
    variables: Record<string, unknown>,
    expected: (error: { type?: string; path?: unknown[] }) => boolean,
  ): Promise<T> {
    try {
      return (await this.graphql(query, variables)) as T;
    } catch (error) {
      const { errors = [], data } = error as {
        errors?: { type?: string; path?: unknown[] }[];
        data?: T;
      };
      if (data && errors.length > 0 && errors.every(expected)) return data;
      throw error;
    }
  }

  /** Keeps the expected issue a query read, unless it answers from another repository. */
  private keepExpected(issue: number | undefined, read: GraphqlIssue | null | undefined): void {
    // A transferred issue's old number answers from its new home: the REST read says why.
    const home = `${this.repo.owner}/${this.repo.repo}`.toLowerCase();
    if (issue !== undefined && read?.repository.nameWithOwner.toLowerCase() === home)
      this.issues.set(issue, restIssue(read));
  }

  /**
   * A search for issues (best first, at most `limit`). When the run's issue is not read yet (the
   * config came from a checkout), it rides in the same GraphQL query: one request, not two.
   */
  async searchBesideIssue(query: string, limit: number): Promise<GitHubIssue[]> {
    const issue =
      this.expected !== undefined && !this.issues.has(this.expected) ? this.expected : undefined;
    if (issue === undefined) return this.searchIssues(query, limit);
    const data = await this.withExpectedIssue<SearchAnswer>(SEARCH_BESIDE_ISSUE, {
      owner: this.repo.owner,
      name: this.repo.repo,
      issue,
      q: query,
      first: Math.min(limit, 100),
    });
    this.keepExpected(issue, data.repository.issue);
    // A pull request comes back as an empty node: the fragment asks for issues only.
    return data.search.nodes
      .filter((n): n is GraphqlIssue => typeof n?.number === 'number')
      .map(restIssue);
  }

  /**
   * Of these logins, the people whose GitHub status says Busy (limited availability), with their
   * status message: one GraphQL query (REST has no status). A login that is no user (a team, a
   * typo) is nobody's status; any other error fails the read.
   */
  async busyPeople(logins: readonly string[]): Promise<Map<string, string | null>> {
    const users = logins.map((login, i) => ({ login, alias: `u${i}` }));
    if (users.length === 0) return new Map();
    const query = `query(${users.map((u) => `$${u.alias}: String!`).join(', ')}) {
  ${users.map((u) => `${u.alias}: user(login: $${u.alias}) { status { indicatesLimitedAvailability message } }`).join('\n  ')}
}`;
    const variables = Object.fromEntries(users.map((u) => [u.alias, u.login]));
    type Answer = Record<
      string,
      { status: { indicatesLimitedAvailability: boolean; message: string | null } | null } | null
    >;
    const data = await this.queryTolerating<Answer>(
      query,
      variables,
      (e) => e.type === 'NOT_FOUND',
    );
    const busy = new Map<string, string | null>();
    for (const u of users) {
      const status = data[u.alias]?.status;
      if (status?.indicatesLimitedAvailability) busy.set(u.login.toLowerCase(), status.message);
    }
    return busy;
  }

  /** The names of the files in a folder at a ref, or null when the folder does not exist. */
  async listFolder(path: string, ref?: string): Promise<string[] | null> {
    try {
      const { data } = await this.octokit.rest.repos.getContent({
        ...this.ref,
        path,
        ...(ref ? { ref } : {}),
      });
      if (!Array.isArray(data)) return null;
      return data.filter((entry) => entry.type === 'file').map((entry) => entry.name);
    } catch (error) {
      if (isStatus(error, 404)) return null;
      throw error;
    }
  }

  /**
   * The commit a tag names, or null when there is no such tag: a lightweight tag's ref names the
   * commit, an annotated tag's ref names a tag object that names it.
   */
  tagCommit(tag: string): Promise<string | null> {
    return commitOfTag(this.octokit, this.ref, tag);
  }

  /**
   * Who approves the pull request as it is now: each reviewer's last say (a comment alone says
   * nothing; a dismissal takes an approval back), counted only when it was on the head commit, so
   * a push after an approval asks again.
   */
  async approvers(pull: number, headSha: string): Promise<Set<string>> {
    const reviews = await this.octokit.paginate(this.octokit.rest.pulls.listReviews, {
      ...this.ref,
      pull_number: pull,
      per_page: 100,
    });
    const last = new Map<string, { state: string; commit: string | null }>();
    for (const review of reviews) {
      const login = review.user?.login.toLowerCase();
      if (!login || review.state === 'COMMENTED') continue;
      last.set(login, { state: review.state, commit: review.commit_id });
    }
    return new Set(
      [...last].filter(([, r]) => r.state === 'APPROVED' && r.commit === headSha).map(([l]) => l),
    );
  }

  /** The repository's default branch (one request). */
  async defaultBranch(): Promise<string> {
    return (await this.octokit.rest.repos.get(this.ref)).data.default_branch;
  }

  /** The commit a branch points at. */
  async branchHead(branch: string): Promise<string> {
    const { data } = await this.octokit.rest.git.getRef({ ...this.ref, ref: `heads/${branch}` });
    return data.object.sha;
  }

  /** A new branch at `sha`; false when a branch of that name exists already (GitHub's 422). */
  async createBranch(branch: string, sha: string): Promise<boolean> {
    try {
      await this.octokit.rest.git.createRef({ ...this.ref, ref: `refs/heads/${branch}`, sha });
      return true;
    } catch (error) {
      if (isStatus(error, 422) && /already exists/i.test(String((error as Error).message)))
        return false;
      throw error;
    }
  }

  async deleteBranch(branch: string): Promise<void> {
    await this.octokit.rest.git.deleteRef({ ...this.ref, ref: `heads/${branch}` });
  }

  /**
   * Writes a file on a branch as one commit. `replaces` is the text it had: its blob sha goes
   * with the write, and GitHub refuses it (409) when the file has changed since.
   */
  async writeFile(
    path: string,
    text: string,
    options: { branch: string; replaces: string; message: string },
  ): Promise<void> {
    await this.octokit.rest.repos.createOrUpdateFileContents({
      ...this.ref,
      path,
      branch: options.branch,
      message: options.message,
      content: Buffer.from(text, 'utf8').toString('base64'),
      sha: gitBlobSha(options.replaces),
    });
  }

  /** The pull request, open or closed, whose head is this repository's `branch`. */
  async pullRequestFrom(branch: string): Promise<{ number: number; html_url: string } | null> {
    const { data } = await this.octokit.rest.pulls.list({
      ...this.ref,
      head: `${this.repo.owner}:${branch}`,
      state: 'all',
      per_page: 1,
    });
    return data[0] ?? null;
  }

  async createPullRequest(input: {
    title: string;
    body: string;
    head: string;
    base: string;
  }): Promise<{ number: number; html_url: string }> {
    const { data } = await this.octokit.rest.pulls.create({ ...this.ref, ...input, ...ONCE });
    return data;
  }

  /** Asks these people to review; GitHub notifies each. */
  async requestReviewers(pull: number, reviewers: string[]): Promise<void> {
    await this.octokit.rest.pulls.requestReviewers({ ...this.ref, pull_number: pull, reviewers });
  }

  /**
   * The paths a pull request changes (a rename counts its old path too), from one request: the
   * first 100 files. `complete` is false when GitHub has more pages, which were not read.
   */
  async pullRequestFiles(pull: number): Promise<{ paths: string[]; complete: boolean }> {
    const { data, headers } = await this.octokit.rest.pulls.listFiles({
      ...this.ref,
      pull_number: pull,
      per_page: 100,
    });
    return {
      paths: data.flatMap((f) => [
        f.filename,
        ...(f.previous_filename ? [f.previous_filename] : []),
      ]),
      complete: !/rel="next"/.test(headers.link ?? ''),
    };
  }

  /**
   * `issue` is blocked by the issue whose id (not number) is `blocking`, in this repository or
   * another (docs.github.com/rest/issues/issue-dependencies). GitHub refuses a dependency it has
   * already with 422: that one counts as made. Throws GitHub's refusal otherwise (404 where the
   * API or the other issue cannot be seen, 403 without the Issues permission).
   */
  async addBlockedBy(issue: number, blocking: number): Promise<'added' | 'already'> {
    const route = 'POST /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by';
    try {
      await this.octokit.request(route, { ...this.ref, issue_number: issue, issue_id: blocking });
      return 'added';
    } catch (error) {
      if (!isStatus(error, 422)) throw error;
      const { data } = await this.octokit.request(
        'GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by',
        { ...this.ref, issue_number: issue, per_page: 100 },
      );
      if ((data as { id: number }[]).some((i) => i.id === blocking)) return 'already';
      throw error;
    }
  }

  /** The newest published releases, newest first (one page: a fix is looked for in recent ones). */
  async recentReleases(count = 30): Promise<GitHubRelease[]> {
    const { data } = await this.octokit.rest.repos.listReleases({ ...this.ref, per_page: count });
    return data.filter((r) => !r.draft);
  }

  /**
   * The commit that closed the issue with a closing keyword: the `commit_id` of its last `closed`
   * event (a pull request's merge commit, or the commit itself); null when a person closed it.
   */
  async closingCommit(issue: number): Promise<string | null> {
    const events = await this.octokit.paginate(this.octokit.rest.issues.listEvents, {
      ...this.ref,
      issue_number: issue,
      per_page: 100,
    });
    const closed = events.filter((e) => e.event === 'closed').at(-1);
    return closed?.commit_id ?? null;
  }

  /** Whether `commit` is in `tag`'s history: the comparison from it to the tag is ahead or identical. */
  async tagContains(tag: string, commit: string): Promise<boolean> {
    try {
      const { data } = await this.octokit.rest.repos.compareCommitsWithBasehead({
        ...this.ref,
        basehead: `${commit}...${tag}`,
        per_page: 1,
      });
      return data.status === 'ahead' || data.status === 'identical';
    } catch (error) {
      // A tag or commit GitHub does not know (a rewritten history): not in it.
      if (isStatus(error, 404)) return false;
      throw error;
    }
  }

  /** The issues of this repository that `issue` blocks (it may block others elsewhere). */
  async listBlocking(issue: number): Promise<GitHubIssue[]> {
    const { data } = await this.octokit.request(
      'GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocking',
      { ...this.ref, issue_number: issue, per_page: 100 },
    );
    const home = `/repos/${this.repo.owner}/${this.repo.repo}`.toLowerCase();
    return (data as (GitHubIssue & { repository_url: string })[]).filter((i) =>
      i.repository_url.toLowerCase().endsWith(home),
    );
  }

  // The on-call calendars' two homes: GitHub Pages, or the assets of one release.

  /**
   * The repository's Pages site, or null when Pages is off (404). `buildType` is "workflow" when
   * a workflow deploys it, "legacy" when GitHub builds it from a branch; `public` is false for a
   * site only people with read access may see (Enterprise Cloud). Needs `pages: read`.
   */
  async pagesSite(): Promise<{ buildType: string | null; url: string; public: boolean } | null> {
    try {
      const { data } = await this.octokit.rest.repos.getPages(this.ref);
      return { buildType: data.build_type ?? null, url: data.html_url ?? '', public: data.public };
    } catch (error) {
      if (isStatus(error, 404)) return null;
      throw error;
    }
  }

  /** Releases read or created in this run, by tag: the executor uploads to what the job read. */
  private readonly releases = new Map<string, GitHubRelease | null>();

  /** The published release a tag names, or null when there is none. */
  async releaseByTag(tag: string): Promise<GitHubRelease | null> {
    if (this.releases.has(tag)) return this.releases.get(tag) ?? null;
    let release: GitHubRelease | null = null;
    try {
      release = (await this.octokit.rest.repos.getReleaseByTag({ ...this.ref, tag })).data;
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
    }
    this.releases.set(tag, release);
    return release;
  }

  /** Never the repository's latest release: that one stays the project's own. */
  async createRelease(input: { tag: string; name: string; body: string }): Promise<GitHubRelease> {
    const { data } = await this.octokit.rest.repos.createRelease({
      ...this.ref,
      tag_name: input.tag,
      name: input.name,
      body: input.body,
      make_latest: 'false',
      ...ONCE,
    });
    this.releases.set(input.tag, data);
    return data;
  }

  /** Forgets what the run knows of a release (a write to it failed, and may have been made). */
  forgetRelease(tag: string): void {
    this.releases.delete(tag);
  }

  async listReleaseAssets(release: number): Promise<GitHubReleaseAsset[]> {
    return this.octokit.paginate(this.octokit.rest.repos.listReleaseAssets, {
      ...this.ref,
      release_id: release,
      per_page: 100,
    });
  }

  async deleteReleaseAsset(asset: number): Promise<void> {
    await this.octokit.rest.repos.deleteReleaseAsset({ ...this.ref, asset_id: asset });
  }

  /**
   * To the release's own `upload_url`, which names the uploads host (uploads.github.com, or
   * `/api/uploads` on GitHub Enterprise Server): the body is the file itself, not JSON.
   */
  async uploadReleaseAsset(
    release: GitHubRelease,
    file: { name: string; label: string; contentType: string; content: string },
  ): Promise<GitHubReleaseAsset> {
    const { data } = await this.octokit.request({
      method: 'POST',
      url: release.upload_url,
      name: file.name,
      label: file.label,
      headers: { 'content-type': file.contentType },
      data: file.content,
      ...ONCE,
    });
    return data as GitHubReleaseAsset;
  }
}

/** The id git gives a file's content (a blob), which the contents API asks of a write that replaces it. */
function gitBlobSha(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`blob ${bytes.length}\0`), bytes]))
    .digest('hex');
}

/** Tags that name tags: a chain longer than this is refused rather than followed. */
const TAG_CHAIN_LIMIT = 5;

/** Annotated tags resolve one tag object at a time; see Gateway.tagCommit. */
async function commitOfTag(
  octokit: Octokit,
  ref: { owner: string; repo: string },
  tag: string,
): Promise<string | null> {
  let object: { type: string; sha: string };
  try {
    ({ object } = (await octokit.rest.git.getRef({ ...ref, ref: `tags/${tag}` })).data);
  } catch (error) {
    if (isStatus(error, 404)) return null;
    throw error;
  }
  for (let hops = 0; object.type === 'tag'; hops++) {
    if (hops === TAG_CHAIN_LIMIT)
      throw new Error(`tag ${tag} names tags more than ${TAG_CHAIN_LIMIT} deep`);
    ({ object } = (await octokit.rest.git.getTag({ ...ref, tag_sha: object.sha })).data);
  }
  if (object.type !== 'commit') throw new Error(`tag ${tag} names a ${object.type}, not a commit`);
  return object.sha;
}

function isStatus(error: unknown, status: number): boolean {
  return statusOf(error) === status;
}

/** The HTTP status of a failed request, when it had one (a timeout or a cut connection has none). */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** GitHub's own words for a failed request, for error reports. */
export function describeRequestError(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'status' in error) {
    const e = error as {
      status: number;
      message?: string;
      request?: { method?: string; url?: string };
    };
    const where = e.request ? `${e.request.method ?? ''} ${e.request.url ?? ''}`.trim() : '';
    const said = `${where ? `${where}: ` : ''}${e.status} ${e.message ?? ''}`.trim();
    const scope =
      e.status === 403 && e.request
        ? (actionsMayNotOpenPulls(e.message) ?? missingPermission(e.message, e.request))
        : '';
    return scope ? `${said}. ${scope}` : said;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * What to grant when GitHub refuses the token a scope ("Resource not accessible by
 * integration"): the permission the request needs, by GitHub's table for Apps, in the words of
 * a workflow's `permissions:`.
 */
function missingPermission(
  message: string | undefined,
  request: { method?: string; url?: string },
): string {
  if (!message?.includes('Resource not accessible by integration')) return '';
  const { pathname } = new URL(request.url ?? '/', 'https://api.github.invalid');
  const access = request.method === 'GET' ? 'read' : 'write';
  // The part after /repos/OWNER/REPO: a repository may be called "releases" or "pages".
  const within = pathname.replace(/^(?:\/api\/(?:v3|uploads))?\/repos\/[^/]+\/[^/]+/, '');
  const scope = /\/(contents|git)\//.test(pathname)
    ? 'contents'
    : /^\/releases\b/.test(within)
      ? 'contents'
      : /^\/pages\b/.test(within)
        ? 'pages'
        : /\/pulls\//.test(pathname)
          ? 'pull-requests'
          : /\/(issues|labels|assignees)\b/.test(pathname)
            ? 'issues'
            : /\/actions\//.test(pathname)
              ? 'actions'
              : '';
  if (!scope)
    return 'The token may not do this: see docs/troubleshooting.md, Tokens and permissions';
  return `The token may not do this: ${grantHint(scope, access)}`;
}

/**
 * The repository (or its organisation) does not let the workflow token open pull requests: the
 * setting "Allow GitHub Actions to create and approve pull requests", off by default
 * (docs.github.com, "Managing GitHub Actions settings for a repository").
 */
export function actionsMayNotOpenPulls(message: string | undefined): string | undefined {
  if (!message?.includes('not permitted to create or approve pull requests')) return undefined;
  return 'Turn on "Allow GitHub Actions to create and approve pull requests" (Settings → Actions → General → Workflow permissions; an organisation may have to allow it first), or give the kit an App token';
}

/** What to grant for a refused request, in the words of a workflow's `permissions:`. */
const grantHint = (scope: string, access: string) =>
  `give the job \`${scope}: ${access}\` in its workflow's permissions (or use a token that has it)`;

/** Owner and name compare without case, as GitHub does. */
export function sameRepo(a: RepoRef, b: RepoRef): boolean {
  return (
    a.owner.toLowerCase() === b.owner.toLowerCase() && a.repo.toLowerCase() === b.repo.toLowerCase()
  );
}

/** A folder as GraphQL gives it (`Tree`); any other object (a file) has no entries. */
interface TreeObject {
  entries?: {
    name: string;
    type: string;
    object: { text?: string | null; isTruncated?: boolean } | null;
  }[];
}

function filesOf(tree: TreeObject | null | undefined): Map<string, string | null> | null {
  if (!tree?.entries) return null;
  return new Map(
    tree.entries
      .filter((e) => e.type === 'blob')
      .map((e) => [e.name, e.object?.isTruncated ? null : (e.object?.text ?? null)]),
  );
}

/** The config query: the folders, who the token is, and the issue the run is about if asked. */
function folderQuery(folders: { alias: string }[], withIssue: boolean): string {
  const vars = folders.map((f) => `$${f.alias}: String!`);
  return `query($owner: String!, $name: String!, ${[...vars, ...(withIssue ? ['$issue: Int!'] : [])].join(', ')}) {
  viewer { login }
  repository(owner: $owner, name: $name) {
    ${folders.map((f) => `${f.alias}: object(expression: $${f.alias}) { ...folder }`).join('\n    ')}
    ${withIssue ? 'issue(number: $issue) { ...issue }' : ''}
  }
}
fragment folder on GitObject {
  ... on Tree { entries { name type object { ... on Blob { text isTruncated } } } }
}${withIssue ? ISSUE_FRAGMENT : ''}`;
}

/** What the kit reads of an issue (GitHubIssue), in GraphQL: at most 100 labels and 10 assignees, GitHub's limits. */
const ISSUE_FRAGMENT = `
fragment issue on Issue {
  number title body state stateReason createdAt updatedAt closedAt url authorAssociation
  author { login __typename }
  repository { nameWithOwner }
  labels(first: 100) { nodes { name color description } }
  assignees(first: 10) { nodes { login } }
  comments(first: 1) { totalCount }
}`;

interface GraphqlIssue {
  number: number;
  title: string;
  body: string;
  state: 'OPEN' | 'CLOSED';
  stateReason: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  url: string;
  authorAssociation: string;
  author: { login: string; __typename: string } | null;
  repository: { nameWithOwner: string };
  labels: { nodes: GitHubLabel[] };
  assignees: { nodes: { login: string }[] };
  comments: { totalCount: number };
}

/** The run's issue and a search, in one query (`searchBesideIssue`). */
const SEARCH_BESIDE_ISSUE = `query($owner: String!, $name: String!, $issue: Int!, $q: String!, $first: Int!) {
  repository(owner: $owner, name: $name) { issue(number: $issue) { ...issue } }
  search(query: $q, type: ISSUE, first: $first) { nodes { ...issue } }
}${ISSUE_FRAGMENT}`;

interface SearchAnswer {
  repository: { issue?: GraphqlIssue | null };
  search: { nodes: (Partial<GraphqlIssue> | null)[] };
}

interface FolderAnswer {
  viewer: { login: string };
  repository: Record<string, unknown> & { issue?: GraphqlIssue | null };
}

/** An issue read through GraphQL, in the REST shape the rest of the kit reads. */
function restIssue(raw: GraphqlIssue): GitHubIssue & { comments: number } {
  const type = raw.author?.__typename === 'Bot' ? 'Bot' : 'User';
  return {
    number: raw.number,
    title: raw.title,
    body: raw.body,
    state: raw.state === 'OPEN' ? 'open' : 'closed',
    state_reason: raw.stateReason?.toLowerCase() ?? null,
    user: raw.author ? { login: restLogin({ login: raw.author.login, type }), type } : null,
    author_association: raw.authorAssociation,
    labels: raw.labels.nodes,
    assignees: raw.assignees.nodes.map((a) => ({ login: a.login, type: 'User' })),
    created_at: raw.createdAt,
    updated_at: raw.updatedAt,
    closed_at: raw.closedAt,
    html_url: raw.url,
    comments: raw.comments.totalCount,
  };
}
