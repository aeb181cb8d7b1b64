/**
 * What a token may do, as GitHub decides it.
 *
 * - The workflow token (GITHUB_TOKEN) is an installation token for its one repository, with the
 *   job's `permissions:`; a scope the job does not list is `none`, and `metadata` is always
 *   `read` (docs.github.com, Actions, "Automatic token authentication": "Permissions for the
 *   GITHUB_TOKEN"). On a pull request from a fork it is read-only ("the GITHUB_TOKEN has
 *   read-only permissions in pull requests from forked repositories").
 * - An App's installation token acts on the repositories it was installed on, with the App's
 *   permissions; a person's token on everything that person can reach.
 * - What each endpoint needs is GitHub's "Permissions required for GitHub Apps": issues,
 *   comments, issue labels and assignees take `issues` (or `pull-requests`, on a pull request);
 *   repository labels `issues` or `pull-requests`; files, refs and comparisons `contents`; a pull request's
 *   files `pull-requests`; Actions workflows (reading one, enabling it) `actions`; the
 *   repository, its collaborators and search only `metadata`; releases and their assets
 *   `contents`; the Pages site `pages`.
 * - Refusals: 403 "Resource not accessible by integration" for a write the token may not make
 *   (on its own repository or another), 404 for a private repository it cannot see.
 */
import { ApiError } from './errors.js';
import type { Store } from './store.js';
import type { Access, Scope, TokenGrant } from './token-grant.js';

export type { Access, Scope, TokenGrant } from './token-grant.js';

/** A workflow token with GitHub's permissive defaults, for tokens a test never registered. */
export function permissiveWorkflowToken(login: string): TokenGrant {
  return {
    login,
    kind: 'workflow',
    permissions: {
      issues: 'write',
      'pull-requests': 'write',
      contents: 'write',
      actions: 'write',
      pages: 'write',
    },
  };
}

interface Need {
  /** Any of these scopes will do (GitHub lets `pull-requests` stand in for `issues` on a pull). */
  scopes: Scope[];
  access: Access;
}

const ISSUE_ROUTE = /^\w+ \/repos\/\{owner\}\/\{repo\}\/issues/;

/** What a route asks of an installation token, by GitHub's table. */
function needOf(route: string, method: string, onPull: boolean): Need {
  const access: Access = method === 'GET' ? 'read' : 'write';
  if (/\/(contents|git|compare)\/|\/releases\b/.test(route))
    return { scopes: ['contents'], access };
  if (/\/pages$/.test(route)) return { scopes: ['pages'], access };
  if (/\/actions\//.test(route)) return { scopes: ['actions'], access };
  if (/\/pulls(\/|$)/.test(route)) return { scopes: ['pull-requests'], access };
  if (/\/labels(\/\{name\})?$/.test(route) && !ISSUE_ROUTE.test(route))
    return { scopes: ['issues', 'pull-requests'], access };
  if (ISSUE_ROUTE.test(route) || /\/assignees/.test(route))
    return { scopes: onPull ? ['issues', 'pull-requests'] : ['issues'], access };
  return { scopes: ['metadata'], access: 'read' };
}

const RANK: Record<Access, number> = { none: 0, read: 1, write: 2 };

const DOCS = 'https://docs.github.com/rest/authentication/permissions-required-for-github-apps';

/**
 * Refuses a request the grant does not allow: on `repo` (owner/name), through `route`. A
 * person's token is held to their repository role by the route handlers, as before.
 */
export function checkGrant(
  store: Store,
  grant: TokenGrant,
  request: { route: string; method: string; repo: string | undefined; issue?: number },
): void {
  if (grant.kind === 'user' || request.repo === undefined) return;
  const repo = store.findRepo(...splitRepo(request.repo));
  if (!repo) return;
  const inScope =
    grant.repositories === undefined ||
    grant.repositories.some((r) => r.toLowerCase() === request.repo?.toLowerCase());
  if (!inScope) {
    if (repo.private) throw new ApiError(404, { message: 'Not Found', documentation_url: DOCS });
    if (request.method === 'GET') return;
    throw refused();
  }
  const issue =
    request.issue === undefined ? undefined : repo.issues.find((i) => i.number === request.issue);
  // No such issue: the route answers 404, whatever the token may do.
  if (request.issue !== undefined && !issue) return;
  const onPull = issue?.pull_request != null;
  const need = needOf(request.route, request.method, onPull);
  const has = (scope: Scope) =>
    scope === 'metadata' ? 'read' : (grant.permissions?.[scope] ?? 'none');
  if (!need.scopes.some((scope) => RANK[has(scope)] >= RANK[need.access])) throw refused();
}

/** What a GraphQL field of a repository needs to read, by the REST route that reads the same. */
const READ_ROUTES = {
  contents: 'GET /repos/{owner}/{repo}/contents/{path}',
  issues: 'GET /repos/{owner}/{repo}/issues',
} as const;

/**
 * Whether the grant may read `repo`'s files or issues, as GraphQL's `Repository.object` and
 * `Repository.issue` ask: the permission the REST route needs (docs.github.com, "Permissions
 * required for GitHub Apps": Contents, Issues).
 */
export function mayRead(
  store: Store,
  grant: TokenGrant,
  repo: string,
  what: keyof typeof READ_ROUTES,
): boolean {
  try {
    checkGrant(store, grant, { route: READ_ROUTES[what], method: 'GET', repo });
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the grant may write `repo`'s issues, as GraphQL's issue mutations (`pinIssue`) ask: the
 * Issues permission the REST issue writes need. A person's token: their role decides.
 */
export function mayWriteIssues(store: Store, grant: TokenGrant, repo: string): boolean {
  try {
    checkGrant(store, grant, {
      route: 'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
      method: 'PATCH',
      repo,
    });
    return true;
  } catch {
    return false;
  }
}

function refused(): ApiError {
  return new ApiError(403, {
    message: 'Resource not accessible by integration',
    documentation_url: DOCS,
    status: '403',
  });
}

function splitRepo(full: string): [string, string] {
  const [owner = '', name = ''] = full.split('/');
  return [owner, name];
}

const SCOPES: readonly Scope[] = [
  'issues',
  'pull-requests',
  'contents',
  'metadata',
  'actions',
  'pages',
];
const ACCESS: readonly Access[] = ['none', 'read', 'write'];

/** A token registration from POST /_emulator/tokens, checked so a typo fails the test loudly. */
export function checkTokenGrant(body: unknown): { token: string; grant: TokenGrant } {
  const b = body as { token?: unknown; grant?: Partial<TokenGrant> } | undefined;
  const grant = b?.grant;
  if (typeof b?.token !== 'string' || b.token === '' || !grant || typeof grant.login !== 'string')
    throw new Error('tokens: expected {"token": "...", "grant": {"login": "...", "kind": ...}}');
  if (!['workflow', 'app', 'user'].includes(String(grant.kind)))
    throw new Error(`tokens: grant.kind must be workflow, app or user, not ${String(grant.kind)}`);
  for (const [scope, access] of Object.entries(grant.permissions ?? {}))
    if (!SCOPES.includes(scope as Scope) || !ACCESS.includes(access))
      throw new Error(`tokens: unknown permission ${scope}: ${String(access)}`);
  return { token: b.token, grant: grant as TokenGrant };
}
