/**
 * Seeds: the initial state of an emulator, as an object or a JSON/YAML file. Validation is
 * strict (unknown keys are errors, to catch typos) and every error names the field, e.g.
 * `repos[0].labels[2].color: expected 6 hex digits without '#', got "#fff"`.
 */
import { permissiveWorkflowToken, type TokenGrant } from './permissions.js';
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { parseInstant } from './clock.js';
import { ApiError } from './errors.js';
import {
  ACTIONS_BOT,
  PERMISSIONS,
  STATE_REASONS,
  characterCount,
  type IssueState,
  type Permission,
  type StateReason,
  type Store,
} from './store.js';

export interface SeedUser {
  login: string;
  type?: 'User' | 'Bot';
  name?: string;
}

export interface SeedComment {
  user: string;
  body: string;
  created_at?: string;
}

export interface SeedIssue {
  number?: number;
  title: string;
  body?: string;
  user?: string;
  labels?: string[];
  assignees?: string[];
  state?: IssueState;
  state_reason?: StateReason | null;
  created_at?: string;
  updated_at?: string;
  closed_at?: string;
  comments?: SeedComment[];
  pull_request?: boolean | { head?: string; base?: string; draft?: boolean; merged_at?: string };
  /** The issue's type: one of its organisation's `issue_types`. */
  type?: string;
}

export interface SeedLabel {
  name: string;
  color?: string;
  description?: string;
}

export interface SeedRepo {
  owner: string;
  name: string;
  private?: boolean;
  description?: string;
  default_branch?: string;
  collaborators?: (string | { login: string; permission: Permission })[];
  labels?: SeedLabel[];
  issues?: SeedIssue[];
  /** path -> content on the default branch */
  files?: Record<string, string>;
  /** ref name (branch, tag or sha) -> path -> content */
  refs?: Record<string, Record<string, string>>;
}

export interface SeedOrg {
  login: string;
  name?: string;
  /** The organisation's issue types, by name (all enabled); none unless given. */
  issue_types?: string[];
  repos?: Omit<SeedRepo, 'owner'>[];
}

export interface SeedTeam {
  org: string;
  slug: string;
  members: string[];
}

export interface Seed {
  /** freezes the emulator's clock at this instant */
  now?: string;
  users?: SeedUser[];
  /** token -> login; without it any token acts as github-actions[bot] */
  tokens?: Record<string, string>;
  repos?: SeedRepo[];
  orgs?: SeedOrg[];
  teams?: SeedTeam[];
}

export class SeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedError';
  }
}

// ---------------------------------------------------------------- validation

type Obj = Record<string, unknown>;

function describe(v: unknown): string {
  return v === undefined ? 'nothing' : JSON.stringify(v);
}

function fail(path: string, message: string): never {
  throw new SeedError(`${path}: ${message}`);
}

function obj(v: unknown, path: string, keys: readonly string[]): Obj {
  if (v === null || typeof v !== 'object' || Array.isArray(v))
    fail(path, `expected an object, got ${describe(v)}`);
  for (const key of Object.keys(v)) {
    if (!keys.includes(key))
      fail(`${path}.${key}`, `unknown field (expected one of: ${keys.join(', ')})`);
  }
  return v as Obj;
}

function arr(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) fail(path, `expected a list, got ${describe(v)}`);
  return v;
}

function str(v: unknown, path: string, { optional = false } = {}): void {
  if (v === undefined && optional) return;
  if (typeof v !== 'string' || v === '')
    fail(path, `expected a non-empty string, got ${describe(v)}`);
}

function text(v: unknown, path: string): void {
  if (v !== undefined && typeof v !== 'string') fail(path, `expected a string, got ${describe(v)}`);
}

function bool(v: unknown, path: string): void {
  if (v !== undefined && typeof v !== 'boolean')
    fail(path, `expected true or false, got ${describe(v)}`);
}

function oneOf(v: unknown, path: string, allowed: readonly unknown[]): void {
  if (v !== undefined && !allowed.includes(v)) {
    fail(
      path,
      `expected one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${describe(v)}`,
    );
  }
}

function instant(v: unknown, path: string): void {
  if (v === undefined) return;
  if (v instanceof Date) return;
  try {
    parseInstant(v, path);
  } catch {
    fail(path, `expected an ISO 8601 date-time, got ${describe(v)}`);
  }
}

function stringMap(v: unknown, path: string): void {
  if (v === undefined) return;
  if (v === null || typeof v !== 'object' || Array.isArray(v))
    fail(path, `expected a mapping, got ${describe(v)}`);
  for (const [k, value] of Object.entries(v)) {
    if (typeof value !== 'string')
      fail(
        `${path}.${JSON.stringify(k)}`,
        `expected file content as a string, got ${describe(value)}`,
      );
  }
}

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;

function login(v: unknown, path: string): void {
  str(v, path);
  if (!LOGIN.test(v as string)) fail(path, `${describe(v)} is not a valid GitHub login`);
}

function checkRepo(v: unknown, path: string, withOwner: boolean): void {
  const keys = [
    'name',
    'private',
    'description',
    'default_branch',
    'collaborators',
    'labels',
    'issues',
    'files',
    'refs',
  ];
  const r = obj(v, path, withOwner ? ['owner', ...keys] : keys);
  if (withOwner) login(r.owner, `${path}.owner`);
  str(r.name, `${path}.name`);
  if (!/^[A-Za-z0-9._-]+$/.test(r.name as string))
    fail(`${path}.name`, `${describe(r.name)} is not a valid repository name`);
  bool(r.private, `${path}.private`);
  text(r.description, `${path}.description`);
  str(r.default_branch, `${path}.default_branch`, { optional: true });
  if (r.collaborators !== undefined) {
    arr(r.collaborators, `${path}.collaborators`).forEach((c, i) => {
      const p = `${path}.collaborators[${i}]`;
      if (typeof c === 'string') return login(c, p);
      const o = obj(c, p, ['login', 'permission']);
      login(o.login, `${p}.login`);
      if (o.permission === undefined)
        fail(`${p}.permission`, `required (one of ${PERMISSIONS.join(', ')})`);
      oneOf(o.permission, `${p}.permission`, PERMISSIONS);
    });
  }
  if (r.labels !== undefined) {
    arr(r.labels, `${path}.labels`).forEach((l, i) => {
      const p = `${path}.labels[${i}]`;
      const o = obj(l, p, ['name', 'color', 'description']);
      str(o.name, `${p}.name`);
      if (characterCount(o.name as string) > 50) fail(`${p}.name`, 'is longer than 50 characters');
      if (
        o.color !== undefined &&
        (typeof o.color !== 'string' || !/^[0-9a-fA-F]{6}$/.test(o.color))
      ) {
        fail(`${p}.color`, `expected 6 hex digits without '#', got ${describe(o.color)}`);
      }
      text(o.description, `${p}.description`);
      if (typeof o.description === 'string' && characterCount(o.description) > 100) {
        fail(`${p}.description`, 'is longer than 100 characters');
      }
    });
  }
  if (r.issues !== undefined) {
    arr(r.issues, `${path}.issues`).forEach((x, i) => checkIssue(x, `${path}.issues[${i}]`));
  }
  stringMap(r.files, `${path}.files`);
  if (r.refs !== undefined) {
    if (r.refs === null || typeof r.refs !== 'object' || Array.isArray(r.refs)) {
      fail(`${path}.refs`, `expected a mapping of ref name to files, got ${describe(r.refs)}`);
    }
    for (const [ref, files] of Object.entries(r.refs))
      stringMap(files, `${path}.refs.${JSON.stringify(ref)}`);
  }
}

function checkIssue(v: unknown, path: string): void {
  const o = obj(v, path, [
    'number',
    'title',
    'body',
    'user',
    'labels',
    'assignees',
    'state',
    'state_reason',
    'created_at',
    'updated_at',
    'closed_at',
    'comments',
    'pull_request',
    'type',
  ]);
  if (o.number !== undefined && (!Number.isInteger(o.number) || (o.number as number) < 1)) {
    fail(`${path}.number`, `expected a positive integer, got ${describe(o.number)}`);
  }
  str(o.title, `${path}.title`);
  text(o.body, `${path}.body`);
  if (o.type !== undefined) str(o.type, `${path}.type`);
  if (o.user !== undefined) login(o.user, `${path}.user`);
  for (const key of ['labels', 'assignees'] as const) {
    if (o[key] === undefined) continue;
    arr(o[key], `${path}.${key}`).forEach((x, i) => str(x, `${path}.${key}[${i}]`));
  }
  oneOf(o.state, `${path}.state`, ['open', 'closed']);
  if (o.state_reason !== null) oneOf(o.state_reason, `${path}.state_reason`, STATE_REASONS);
  instant(o.created_at, `${path}.created_at`);
  instant(o.updated_at, `${path}.updated_at`);
  instant(o.closed_at, `${path}.closed_at`);
  if (o.closed_at !== undefined && o.state !== 'closed')
    fail(`${path}.closed_at`, 'given but state is not "closed"');
  if (o.comments !== undefined) {
    arr(o.comments, `${path}.comments`).forEach((c, i) => {
      const p = `${path}.comments[${i}]`;
      const co = obj(c, p, ['user', 'body', 'created_at']);
      login(co.user, `${p}.user`);
      str(co.body, `${p}.body`);
      instant(co.created_at, `${p}.created_at`);
    });
  }
  if (o.pull_request !== undefined && typeof o.pull_request !== 'boolean') {
    const p = `${path}.pull_request`;
    const pr = obj(o.pull_request, p, ['head', 'base', 'draft', 'merged_at']);
    str(pr.head, `${p}.head`, { optional: true });
    str(pr.base, `${p}.base`, { optional: true });
    bool(pr.draft, `${p}.draft`);
    instant(pr.merged_at, `${p}.merged_at`);
  }
}

/** Checks the shape of a seed; throws a SeedError naming the first bad field. */
export function validateSeed(value: unknown, where = 'seed'): Seed {
  const s = obj(value, where, ['now', 'users', 'tokens', 'repos', 'orgs', 'teams']);
  instant(s.now, `${where}.now`);
  if (s.users !== undefined) {
    arr(s.users, `${where}.users`).forEach((u, i) => {
      const p = `${where}.users[${i}]`;
      const o = obj(u, p, ['login', 'type', 'name']);
      login(o.login, `${p}.login`);
      oneOf(o.type, `${p}.type`, ['User', 'Bot']);
      text(o.name, `${p}.name`);
    });
  }
  if (s.tokens !== undefined) {
    if (s.tokens === null || typeof s.tokens !== 'object' || Array.isArray(s.tokens)) {
      fail(`${where}.tokens`, `expected a mapping of token to login, got ${describe(s.tokens)}`);
    }
    for (const [token, who] of Object.entries(s.tokens))
      login(who, `${where}.tokens.${JSON.stringify(token)}`);
  }
  if (s.repos !== undefined) {
    arr(s.repos, `${where}.repos`).forEach((r, i) => checkRepo(r, `${where}.repos[${i}]`, true));
  }
  if (s.orgs !== undefined) {
    arr(s.orgs, `${where}.orgs`).forEach((org, i) => {
      const p = `${where}.orgs[${i}]`;
      const o = obj(org, p, ['login', 'name', 'issue_types', 'repos']);
      login(o.login, `${p}.login`);
      text(o.name, `${p}.name`);
      if (o.issue_types !== undefined)
        arr(o.issue_types, `${p}.issue_types`).forEach((t, j) => str(t, `${p}.issue_types[${j}]`));
      if (o.repos !== undefined)
        arr(o.repos, `${p}.repos`).forEach((r, j) => checkRepo(r, `${p}.repos[${j}]`, false));
    });
  }
  if (s.teams !== undefined) {
    arr(s.teams, `${where}.teams`).forEach((t, i) => {
      const p = `${where}.teams[${i}]`;
      const o = obj(t, p, ['org', 'slug', 'members']);
      login(o.org, `${p}.org`);
      str(o.slug, `${p}.slug`);
      arr(o.members, `${p}.members`).forEach((m, j) => login(m, `${p}.members[${j}]`));
    });
  }
  return value as Seed;
}

// ---------------------------------------------------------------- loading

/** Reads a .json, .yaml or .yml seed file and validates it (errors start with the file path). */
export async function loadSeedFile(path: string): Promise<Seed> {
  const source = await readFile(path, 'utf8');
  let data: unknown;
  try {
    data = /\.ya?ml$/i.test(path)
      ? parseYaml(source)
      : /\.json$/i.test(path)
        ? JSON.parse(source)
        : null;
  } catch (err) {
    throw new SeedError(`${path}: cannot parse: ${(err as Error).message}`);
  }
  if (data === null && !/\.(json|ya?ml)$/i.test(path)) {
    throw new SeedError(`${path}: seed files must end in .json, .yaml or .yml`);
  }
  try {
    return validateSeed(data, 'seed');
  } catch (err) {
    throw new SeedError(`${path}: ${(err as Error).message}`);
  }
}

// ---------------------------------------------------------------- applying

/** Loads a validated seed into the store. Domain-rule violations (e.g. a non-assignable assignee) name the field. */
export function applySeed(store: Store, input: Seed): void {
  const seed = validateSeed(input);
  const at = <T>(path: string, fn: () => T): T => {
    try {
      return fn();
    } catch (err) {
      if (err instanceof SeedError) throw err;
      const detail =
        err instanceof ApiError && Array.isArray(err.body.errors)
          ? `${err.message}: ${JSON.stringify(err.body.errors)}`
          : (err as Error).message;
      throw new SeedError(`${path}: ${detail}`);
    }
  };
  if (seed.now !== undefined) store.clock.set(seed.now);
  for (const u of seed.users ?? [])
    store.addUser({ login: u.login, type: u.type ?? 'User', name: u.name ?? null });
  for (const [token, who] of Object.entries(seed.tokens ?? {})) {
    store.tokens.set(token, grantFor(store.user(who).login));
    store.strictTokens = true;
  }
  for (const org of seed.orgs ?? []) {
    store.addOrg(org.login, org.name);
    if (org.issue_types) store.setIssueTypes(org.login, org.issue_types);
  }
  for (const team of seed.teams ?? []) store.addTeam(team.org, team.slug, team.members);

  const repos: { repo: SeedRepo; path: string }[] = [
    ...(seed.repos ?? []).map((repo, i) => ({ repo, path: `seed.repos[${i}]` })),
    ...(seed.orgs ?? []).flatMap((org, i) =>
      (org.repos ?? []).map((repo, j) => ({
        repo: { ...repo, owner: org.login },
        path: `seed.orgs[${i}].repos[${j}]`,
      })),
    ),
  ];
  for (const { repo: r, path } of repos) {
    const repo = at(path, () =>
      store.addRepo({
        owner: r.owner,
        name: r.name,
        private: r.private ?? false,
        description: r.description ?? null,
        default_branch: r.default_branch ?? 'main',
        // A seed that lists labels gives the repository exactly those.
        defaultLabels: r.labels === undefined,
      }),
    );
    for (const c of r.collaborators ?? []) {
      if (typeof c === 'string') store.addCollaborator(repo, c, 'write');
      else store.addCollaborator(repo, c.login, c.permission);
    }
    (r.labels ?? []).forEach((l, i) =>
      at(`${path}.labels[${i}]`, () =>
        store.createLabel(repo, { name: l.name, color: l.color, description: l.description }),
      ),
    );
    for (const [file, content] of Object.entries(r.files ?? {})) store.setFile(repo, file, content);
    for (const [ref, files] of Object.entries(r.refs ?? {})) {
      for (const [file, content] of Object.entries(files)) store.setFile(repo, file, content, ref);
    }
    (r.issues ?? []).forEach((issue, i) =>
      at(`${path}.issues[${i}]`, () => {
        if (issue.type !== undefined && !store.typeFor(repo, issue.type))
          throw new SeedError(
            `${path}.issues[${i}].type: ${repo.full_name} has no issue type "${issue.type}"`,
          );
        return store.createIssue(repo, {
          ...issue,
          ...(issue.created_at ? {} : { created_at: store.now() }),
        });
      }),
    );
  }
}

/**
 * A seed's token acts as its login: the workflow token with GitHub's permissive defaults, an
 * App (a `[bot]` login) installed on every repository with write access to what the kit uses,
 * or a person held to their repository roles.
 */
function grantFor(login: string): TokenGrant {
  if (login === ACTIONS_BOT) return permissiveWorkflowToken(login);
  if (login.endsWith('[bot]')) return { ...permissiveWorkflowToken(login), kind: 'app' };
  return { login, kind: 'user' };
}
