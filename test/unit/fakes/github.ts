import { RequestBudget } from '../../../src/github/budget.js';
import type { Gateway } from '../../../src/github/gateway.js';
import type {
  GitHubComment,
  GitHubIssue,
  GitHubLabel,
  GitHubUser,
} from '../../../src/github/types.js';
import type { RepoRef } from '../../../src/kernel/plan.js';

/**
 * A fake of the gateway over in-memory repositories: issues with their comments, repository
 * labels, files (for config, per ref), permissions and pull-request files. Every call is recorded
 * with the repository it went to, so a test can say which reads and writes a job made.
 * Not GitHub: search understands only the qualifiers the jobs send (is:, label:, updated:<, quoted
 * words); GraphQL is whatever the test answers.
 */

/** The gateway methods jobs, the executor and config loading use; the fake implements just these. */
type GatewayPort = Pick<
  Gateway,
  | 'repo'
  | 'created'
  | 'budget'
  | 'getIssue'
  | 'listIssues'
  | 'createIssue'
  | 'updateIssue'
  | 'listComments'
  | 'graphql'
  | 'kitLogin'
  | 'searchIssues'
  | 'searchBesideIssue'
  | 'createComment'
  | 'updateComment'
  | 'addLabels'
  | 'listIssueLabels'
  | 'setLabels'
  | 'removeLabel'
  | 'addAssignees'
  | 'canBeAssigned'
  | 'removeAssignees'
  | 'listLabels'
  | 'createLabel'
  | 'updateLabel'
  | 'deleteLabel'
  | 'listOrgRepos'
  | 'forRepo'
  | 'permissionOf'
  | 'readFile'
  | 'listFolder'
  | 'pullRequestFiles'
  | 'workflowState'
>;
/** The calls recorded: every method but `forRepo`, which only hands out a gateway. */
type Method = Exclude<keyof GatewayPort, 'repo' | 'created' | 'budget' | 'forRepo'>;

export const BOT: GitHubUser = { login: 'github-actions[bot]', type: 'Bot' };
const READS = new Set<Method>([
  'workflowState',
  'getIssue',
  'listIssues',
  'listComments',
  'graphql',
  'kitLogin',
  'searchIssues',
  'searchBesideIssue',
  'listIssueLabels',
  'canBeAssigned',
  'listLabels',
  'listOrgRepos',
  'permissionOf',
  'readFile',
  'listFolder',
  'pullRequestFiles',
]);

export interface Call {
  repo: string;
  method: Method;
  args: unknown[];
}

export interface FakeRepo {
  issues: GitHubIssue[];
  comments: Map<number, GitHubComment[]>;
  labels: GitHubLabel[];
  /** Files at the default ref, by repository-relative path. */
  files: Record<string, string>;
  /** Files at other refs (a pull request's base commit); a ref not listed reads `files`. */
  refs: Record<string, Record<string, string>>;
  /** Repository roles by login; anyone else is 'none'. */
  permissions: Record<string, string>;
  /** Who GitHub lets be assigned; undefined: anybody. */
  assignable?: string[];
  pulls: Record<number, { paths: string[]; complete?: boolean }>;
}

export interface FakeGitHubOptions {
  repo?: RepoRef;
  /** The main repository's contents; other repositories come into being when first used. */
  issues?: GitHubIssue[];
  comments?: Record<number, GitHubComment[]>;
  labels?: GitHubLabel[];
  files?: Record<string, string>;
  refs?: Record<string, Record<string, string>>;
  permissions?: Record<string, string>;
  assignable?: string[];
  pulls?: FakeRepo['pulls'];
  orgRepos?: Record<string, string[]>;
  graphql?: (query: string, variables: Record<string, unknown>) => unknown;
  /** GitHub's state of the repository's workflows by file name; absent ones are not there. */
  workflows?: Record<string, string>;
  /** Who the token writes as; the workflow token's bot unless told. */
  identity?: GitHubUser;
}

/** An error as Octokit throws it: GitHub's status and message. */
export function httpError(status: number, message: string): Error & { status: number } {
  return Object.assign(new Error(message), { status });
}

export class FakeGitHub {
  readonly calls: Call[] = [];
  private readonly repos = new Map<string, FakeRepo>();
  private readonly refusals = new Map<Method, Error>();
  private readonly lostAnswers = new Set<Method>();
  private readonly asked = new Set<string>();
  private nextComment = 1000;
  readonly main: RepoRef;
  /** The gateway on the main repository, as the host would hand it to a job. */
  readonly gateway: Gateway;

  constructor(readonly options: FakeGitHubOptions = {}) {
    this.main = options.repo ?? { owner: 'acme', repo: 'desk' };
    const state = this.repo(this.main);
    state.issues.push(...(options.issues ?? []));
    for (const [n, list] of Object.entries(options.comments ?? {}))
      state.comments.set(Number(n), [...list]);
    state.labels.push(...(options.labels ?? []));
    Object.assign(state.files, options.files ?? {});
    Object.assign(state.refs, options.refs ?? {});
    Object.assign(state.permissions, options.permissions ?? {});
    if (options.assignable) state.assignable = options.assignable;
    Object.assign(state.pulls, options.pulls ?? {});
    this.gateway = this.gatewayOn(this.main, options.identity);
  }

  /** The state of a repository, created empty on first use. */
  repo(ref: RepoRef = this.main): FakeRepo {
    const key = keyOf(ref);
    let state = this.repos.get(key);
    if (!state) {
      state = {
        issues: [],
        comments: new Map(),
        labels: [],
        files: {},
        refs: {},
        permissions: {},
        pulls: {},
      };
      this.repos.set(key, state);
    }
    return state;
  }

  issue(number: number, ref: RepoRef = this.main): GitHubIssue {
    const found = this.repo(ref).issues.find((i) => i.number === number);
    if (!found) throw new Error(`no issue #${number} in ${keyOf(ref)}`);
    return found;
  }

  commentsOn(number: number, ref: RepoRef = this.main): GitHubComment[] {
    return this.repo(ref).comments.get(number) ?? [];
  }

  /** Every later call of `method` fails with this error (a token without the permission). */
  refuse(method: Method, error: Error): void {
    this.refusals.set(method, error);
  }

  /**
   * The next call of `method` writes, then fails with a 502 as if GitHub's answer was lost on the
   * way back: the write is there, the caller does not know it.
   */
  loseAnswer(method: 'createComment' | 'createIssue'): void {
    this.lostAnswers.add(method);
  }

  /** @internal */
  answerLost(method: Method): boolean {
    return this.lostAnswers.delete(method);
  }

  /** The methods called, in order, optionally only those that write. */
  methods(filter: 'all' | 'writes' = 'all'): string[] {
    return this.calls
      .filter((c) => filter === 'all' || !READS.has(c.method))
      .map((c) => (keyOf(this.main) === c.repo ? c.method : `${c.repo} ${c.method}`));
  }

  /** A gateway on another repository, acting as the same (or another) identity. */
  gatewayOn(ref: RepoRef, identity: GitHubUser = BOT): Gateway {
    const port = new FakeGateway(this, ref, identity, (method, args) =>
      this.record(ref, method, args),
    );
    // The one cast: the fake implements the methods jobs use, not the class's private cache.
    return port as unknown as Gateway;
  }

  private record(ref: RepoRef, method: Method, args: unknown[]): void {
    this.calls.push({ repo: keyOf(ref), method, args });
    const refused = this.refusals.get(method);
    if (refused) throw refused;
  }

  /** @internal Whether this is the first time a gateway asks who `identity` is. */
  firstAsked(identity: GitHubUser): boolean {
    const first = !this.asked.has(identity.login);
    this.asked.add(identity.login);
    return first;
  }

  /** @internal */
  newCommentId(): number {
    return (this.nextComment += 1);
  }
}

class FakeGateway implements GatewayPort {
  readonly created: GitHubIssue[] = [];
  /** No limit: tests of the budget itself run against the emulator. */
  readonly budget = new RequestBudget();

  constructor(
    private readonly world: FakeGitHub,
    readonly repo: RepoRef,
    private readonly identity: GitHubUser,
    private readonly record: (method: Method, args: unknown[]) => void,
  ) {}

  private get state(): FakeRepo {
    return this.world.repo(this.repo);
  }

  private find(number: number): GitHubIssue {
    const found = this.state.issues.find((i) => i.number === number);
    if (!found) throw httpError(404, 'Not Found');
    return found;
  }

  async getIssue(number: number, options: { primeComments?: boolean } = {}) {
    this.record('getIssue', [number, options]);
    const issue = this.find(number);
    return { ...clone(issue), comments: this.world.commentsOn(number, this.repo).length };
  }

  async listIssues(
    filter: {
      state?: 'open' | 'closed' | 'all';
      labels?: string[];
      since?: string;
      assignee?: string;
    } = {},
  ) {
    this.record('listIssues', [filter]);
    const state = filter.state ?? 'open';
    return this.state.issues
      .filter((i) => state === 'all' || i.state === state)
      .filter((i) => (filter.labels ?? []).every((l) => hasLabel(i, l)))
      .filter((i) => !filter.since || i.updated_at >= filter.since)
      .filter((i) => !filter.assignee || i.assignees.some((a) => same(a.login, filter.assignee)))
      .map((i) => ({ ...clone(i), comments: this.world.commentsOn(i.number, this.repo).length }));
  }

  async createIssue(input: { title: string; body: string; labels: string[] }) {
    this.record('createIssue', [input]);
    const number = Math.max(0, ...this.state.issues.map((i) => i.number)) + 1;
    const issue = fakeIssue({
      number,
      title: input.title,
      body: input.body,
      user: clone(this.identity),
      labels: input.labels.map((name) => ({ name })),
      html_url: urlOf(this.repo, `issues/${number}`),
    });
    this.state.issues.push(issue);
    if (this.world.answerLost('createIssue')) throw httpError(502, 'Bad Gateway');
    this.created.push(issue);
    return clone(issue);
  }

  async updateIssue(
    number: number,
    patch: {
      title?: string;
      body?: string;
      state?: 'open' | 'closed';
      state_reason?: 'completed' | 'not_planned' | 'duplicate' | 'reopened';
    },
  ) {
    this.record('updateIssue', [number, patch]);
    const issue = this.find(number);
    Object.assign(issue, patch);
    return clone(issue);
  }

  async listComments(number: number) {
    this.record('listComments', [number]);
    return this.world.commentsOn(number, this.repo).map(clone);
  }

  async graphql(query: string, variables: Record<string, unknown>) {
    this.record('graphql', [query, variables]);
    if (!this.world.options.graphql) throw new Error('this test answers no GraphQL');
    return this.world.options.graphql(query, variables);
  }

  /** As GraphQL's viewer names it (a bot without `[bot]`), asked once per identity like the gateway. */
  readonly kitLogin = async () => {
    if (this.world.firstAsked(this.identity)) this.record('kitLogin', []);
    return this.identity.login.replace(/\[bot\]$/, '');
  };

  async searchIssues(query: string, limit: number) {
    this.record('searchIssues', [query, limit]);
    return this.state.issues
      .filter((i) => !i.pull_request && matches(i, query))
      .slice(0, limit)
      .map(clone);
  }

  /** The same search; the real gateway reads the run's issue in it when it can. */
  async searchBesideIssue(query: string, limit: number) {
    this.record('searchBesideIssue', [query, limit]);
    return this.state.issues
      .filter((i) => !i.pull_request && matches(i, query))
      .slice(0, limit)
      .map(clone);
  }

  async createComment(number: number, body: string) {
    this.record('createComment', [number, body]);
    this.find(number);
    const id = this.world.newCommentId();
    const comment = fakeComment({
      id,
      body,
      user: clone(this.identity),
      html_url: urlOf(this.repo, `issues/${number}#issuecomment-${id}`),
    });
    const list = this.state.comments.get(number) ?? [];
    list.push(comment);
    this.state.comments.set(number, list);
    if (this.world.answerLost('createComment')) throw httpError(502, 'Bad Gateway');
    return clone(comment);
  }

  async updateComment(id: number, body: string) {
    this.record('updateComment', [id, body]);
    for (const list of this.state.comments.values()) {
      const found = list.find((c) => c.id === id);
      if (found) {
        found.body = body;
        return clone(found);
      }
    }
    throw httpError(404, 'Not Found');
  }

  async addLabels(number: number, labels: string[]) {
    this.record('addLabels', [number, labels]);
    const issue = this.find(number);
    for (const name of labels) if (!hasLabel(issue, name)) issue.labels.push({ name });
    return issue.labels.map(clone);
  }

  async listIssueLabels(number: number) {
    this.record('listIssueLabels', [number]);
    return this.find(number).labels.map(clone);
  }

  async setLabels(number: number, labels: string[]) {
    this.record('setLabels', [number, labels]);
    const issue = this.find(number);
    issue.labels = labels.map((name) => ({ name }));
    return issue.labels.map(clone);
  }

  async removeLabel(number: number, label: string) {
    this.record('removeLabel', [number, label]);
    const issue = this.find(number);
    if (!hasLabel(issue, label)) throw httpError(404, 'Label does not exist');
    issue.labels = issue.labels.filter((l) => !same(l.name, label));
  }

  /** GitHub drops, without a word, a login it cannot assign. */
  async addAssignees(number: number, assignees: string[]) {
    this.record('addAssignees', [number, assignees]);
    const issue = this.find(number);
    for (const login of assignees)
      if (this.assignable(login) && !issue.assignees.some((a) => same(a.login, login)))
        issue.assignees.push({ login });
    return clone(issue);
  }

  async canBeAssigned(login: string) {
    this.record('canBeAssigned', [login]);
    return this.assignable(login);
  }

  private assignable(login: string): boolean {
    const allowed = this.state.assignable;
    return allowed === undefined || allowed.some((a) => same(a, login));
  }

  async removeAssignees(number: number, assignees: string[]) {
    this.record('removeAssignees', [number, assignees]);
    const issue = this.find(number);
    issue.assignees = issue.assignees.filter((a) => !assignees.some((l) => same(l, a.login)));
    return clone(issue);
  }

  async listLabels() {
    this.record('listLabels', []);
    return this.state.labels.map(clone);
  }

  async createLabel(label: { name: string; color: string; description: string }) {
    this.record('createLabel', [label]);
    if (this.state.labels.some((l) => same(l.name, label.name)))
      throw httpError(422, 'Validation Failed: already_exists');
    this.state.labels.push({ ...label });
    return { ...label };
  }

  async updateLabel(
    name: string,
    patch: { new_name?: string; color?: string; description?: string },
  ) {
    this.record('updateLabel', [name, patch]);
    const label = this.state.labels.find((l) => same(l.name, name));
    if (!label) throw httpError(404, 'Not Found');
    if (patch.new_name !== undefined) label.name = patch.new_name;
    if (patch.color !== undefined) label.color = patch.color;
    if (patch.description !== undefined) label.description = patch.description;
    return clone(label);
  }

  async deleteLabel(name: string) {
    this.record('deleteLabel', [name]);
    this.state.labels = this.state.labels.filter((l) => !same(l.name, name));
  }

  async listOrgRepos(org: string) {
    this.record('listOrgRepos', [org]);
    return [...(this.world.options.orgRepos?.[org] ?? [])];
  }

  forRepo(ref: RepoRef): Gateway {
    if (same(keyOf(ref), keyOf(this.repo))) return this as unknown as Gateway;
    return this.world.gatewayOn(ref, this.identity);
  }

  async permissionOf(login: string) {
    this.record('permissionOf', [login]);
    const found = Object.entries(this.state.permissions).find(([l]) => same(l, login));
    return found?.[1] ?? 'none';
  }

  async workflowState(file: string) {
    this.record('workflowState', [file]);
    return this.world.options.workflows?.[file] ?? null;
  }

  async readFile(path: string, ref?: string) {
    this.record('readFile', [path, ref]);
    return this.filesAt(ref)[path] ?? null;
  }

  async listFolder(path: string, ref?: string) {
    this.record('listFolder', [path, ref]);
    const prefix = `${path.replace(/\/$/, '')}/`;
    const names = Object.keys(this.filesAt(ref))
      .filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/'))
      .map((p) => p.slice(prefix.length));
    return names.length > 0 ? names : null;
  }

  private filesAt(ref: string | undefined): Record<string, string> {
    return (ref !== undefined ? this.state.refs[ref] : undefined) ?? this.state.files;
  }

  async pullRequestFiles(pull: number) {
    this.record('pullRequestFiles', [pull]);
    const found = this.state.pulls[pull];
    if (!found) throw httpError(404, 'Not Found');
    return { paths: [...found.paths], complete: found.complete ?? true };
  }
}

/** The qualifiers the jobs' searches use: is:open|closed, label:"x", updated:<T, "word" OR "word". */
function matches(issue: GitHubIssue, query: string): boolean {
  const open = /\bis:open\b/.test(query);
  const closed = /\bis:closed\b/.test(query);
  if ((open && issue.state !== 'open') || (closed && issue.state !== 'closed')) return false;
  for (const m of query.matchAll(/\blabel:"([^"]+)"/g))
    if (!hasLabel(issue, m[1] ?? '')) return false;
  const before = /\bupdated:<(\S+)/.exec(query)?.[1];
  if (before && !(Date.parse(issue.updated_at) < Date.parse(before))) return false;
  const words = [...query.replace(/\blabel:"[^"]+"/g, '').matchAll(/"([^"]+)"/g)].map((m) =>
    (m[1] ?? '').toLowerCase(),
  );
  const text = `${issue.title}\n${issue.body ?? ''}`.toLowerCase();
  return words.length === 0 || words.some((w) => text.includes(w));
}

const keyOf = (ref: RepoRef) => `${ref.owner}/${ref.repo}`.toLowerCase();
const same = (a: string, b: string | undefined) => a.toLowerCase() === (b ?? '').toLowerCase();
const hasLabel = (issue: GitHubIssue, name: string) => issue.labels.some((l) => same(l.name, name));
const urlOf = (ref: RepoRef, path: string) => `https://github.com/${ref.owner}/${ref.repo}/${path}`;
const clone = <T>(value: T): T => structuredClone(value);

/** An open issue by a customer, at acme/desk unless told; every field can be overridden. */
export function fakeIssue(fields: Partial<GitHubIssue> & { number: number }): GitHubIssue {
  return {
    title: `Issue ${fields.number}`,
    body: '',
    state: 'open',
    state_reason: null,
    user: { login: 'customer', type: 'User' },
    labels: [],
    assignees: [],
    created_at: '2026-11-24T09:00:00Z',
    updated_at: '2026-11-24T09:00:00Z',
    closed_at: null,
    html_url: `https://github.com/acme/desk/issues/${fields.number}`,
    ...fields,
  };
}

export function fakeComment(fields: Partial<GitHubComment> & { id: number }): GitHubComment {
  return {
    body: '',
    user: { login: 'customer', type: 'User' },
    created_at: '2026-11-24T09:00:00Z',
    updated_at: '2026-11-24T09:00:00Z',
    html_url: `https://github.com/acme/desk/issues/1#issuecomment-${fields.id}`,
    ...fields,
  };
}

/** A label list as issues carry it: `labels('bug', 'S1-broken')`. */
export const labels = (...names: string[]): GitHubLabel[] => names.map((name) => ({ name }));
