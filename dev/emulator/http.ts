/**
 * The HTTP side: the server, routing through the route table, auth, rate-limit headers, faults,
 * the request record, and the /_emulator control endpoints.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, DOCS, badCredentials, notFound, requiresAuthentication } from './errors.js';
import { exchangeProblems } from './contract.js';
import { FaultQueue, checkFault, refusalBody, secondaryRateLimitBody } from './faults.js';
import { executeGraphql } from './graphql.js';
import {
  PRIMARY_LIMIT_DOCS,
  type Principal,
  RateLimits,
  primaryLimitMessage,
  principalOf,
  rateHeaders,
  type RateSnapshot,
  type Resource,
} from './ratelimit.js';
import {
  checkGrant,
  mayRead,
  mayWriteIssues,
  checkTokenGrant,
  permissiveWorkflowToken,
  type TokenGrant,
} from './permissions.js';
import { matchRoute, type Reply, type RouteContext } from './route.js';
import { routeTable } from './route-table.js';
import { ACTIONS_BOT, type Store, type User } from './store.js';

export interface RecordedRequest {
  method: string;
  /** path without the query string */
  path: string;
  /** template, e.g. 'GET /repos/{owner}/{repo}/issues/{issue_number}/labels'; 'POST /graphql' */
  route: string;
  status: number;
  /** the parsed JSON request body, if any */
  body?: unknown;
  /** query parameters, if any */
  query?: Record<string, string>;
  /** What a GraphQL query cost of the hour's points (GitHub's `rateLimit.cost`). */
  points?: number;
}

const GRAPHQL_ROUTE = 'POST /graphql';
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export class EmulatorServer {
  readonly requests: RecordedRequest[] = [];
  readonly faults = new FaultQueue();
  readonly rate: RateLimits;
  origin = '';
  private server: Server | null = null;
  private requestCounter = 0;

  /** Where answers or requests left GitHub's description (contract.ts), when checked. */
  readonly contractProblems: string[] = [];
  checkContract = false;

  constructor(readonly store: Store) {
    this.rate = new RateLimits(store.clock);
  }

  async listen(port: number, host: string): Promise<string> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        send(res, 500, { message: `support-kit emulator: internal error: ${String(err)}` }, {});
      });
    });
    // Never close an idle keep-alive connection from this side (Node's default: after 5 s).
    // A test that blocks its event loop past that (ajv compiling GitHub's schemas on a busy
    // machine) sends its next request on the pooled socket before the timer runs; the timer
    // then closes the socket under the request: `fetch failed`, other side closed. Clients
    // close their idle sockets themselves; close() below ends whatever is left.
    server.keepAliveTimeout = 0;
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    const addr = server.address() as AddressInfo;
    const shownHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
    this.origin = `http://${shownHost}:${addr.port}`;
    return this.origin;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private nextRequestId(): string {
    this.requestCounter += 1;
    const n = this.requestCounter;
    const hex = (v: number, w: number) => v.toString(16).toUpperCase().padStart(w, '0');
    return `${hex(process.pid & 0xffff, 4)}:${hex(n & 0xffff, 4)}:${hex((n * 7919) >>> 0, 7)}:${hex(n, 7)}:SKEMU`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    const method = (req.method ?? 'GET').toUpperCase();
    const requestId = this.nextRequestId();
    const raw = await readBody(req);

    if (url.pathname.startsWith('/_emulator/') || url.pathname === '/_emulator') {
      const reply = this.control(method, url.pathname, raw);
      send(res, reply.status, reply.body, reply.headers ?? {});
      return;
    }

    // GitHub Enterprise Server paths (/api/v3/..., /api/graphql) are served too, and its uploads
    // host (/api/uploads/...), where a release's `upload_url` points here.
    const viaUploads = url.pathname.startsWith('/api/uploads/');
    const pathname = viaUploads
      ? url.pathname.slice('/api/uploads'.length)
      : url.pathname.startsWith('/api/v3/')
        ? url.pathname.slice('/api/v3'.length)
        : url.pathname === '/api/graphql'
          ? '/graphql'
          : url.pathname;

    const isGraphql =
      !viaUploads && method === 'POST' && pathname.replace(/\/$/, '') === '/graphql';
    const found = isGraphql ? null : matchRoute(routeTable, method, pathname);
    // Each host serves its own routes: an upload sent to the API host is not found there.
    const otherHost = found !== null && (found.def.uploads === true) !== viaUploads;
    const match = otherHost ? null : found;
    const routeKey = isGraphql ? GRAPHQL_ROUTE : (match?.def.key ?? `${method} ${pathname}`);
    const resource: Resource = isGraphql
      ? 'graphql'
      : pathname.startsWith('/search/')
        ? 'search'
        : 'core';

    let body: unknown;
    let reply: Reply;
    let rate: RateSnapshot | null = null;
    let principal: Principal = { kind: 'anonymous' };
    let faulted = false;
    let points: number | undefined;
    try {
      if (otherHost) throw notFound();
      // An upload's body is the file itself, not JSON.
      body = viaUploads ? raw : parseJson(raw);
      const { viewer, grant } = this.authenticate(req.headers.authorization);
      principal = principalOf(viewer, grant);
      if (grant && match)
        checkGrant(this.store, grant, {
          route: match.def.key,
          method,
          repo: repoOf(match.params),
          ...issueOf(this.store, match.params),
        });
      // GraphQL spends by the query's cost, once it is known; every other request spends one.
      if (!isGraphql && routeKey !== 'GET /rate_limit') {
        const spent = this.rate.spend(principal, resource);
        if (!spent) throw primaryLimitExceeded(principal, this.rate.peek(principal, resource));
        rate = spent;
      }
      const fault = this.faults.take(method, routeKey);
      faulted = fault !== undefined;
      if (fault?.kind === 'slow') await delay(fault.delayMs);
      if (fault?.kind === 'secondary-rate-limit') {
        reply = {
          status: 403,
          body: secondaryRateLimitBody(requestId),
          headers: { 'retry-after': String(fault.retryAfterSeconds) },
        };
      } else if (fault?.kind === 'server-error') {
        reply = { status: fault.status ?? 500, body: { message: 'Server Error' } };
      } else if (fault?.kind === 'validation-failed') {
        reply = {
          status: 422,
          body: {
            message: 'Validation Failed',
            errors: fault.errors ?? [{ resource: 'Label', code: 'invalid', field: 'name' }],
            documentation_url: 'https://docs.github.com/rest',
          },
        };
      } else if (fault?.kind === 'refused') {
        reply = { status: fault.status, body: refusalBody(fault.status) };
      } else if (isGraphql) {
        if (!viewer) throw graphqlRequiresAuth();
        const who = principal;
        const result = await executeGraphql(this.store, body, {
          viewer,
          ...(grant
            ? {
                mayRead: (repo: string, what: 'contents' | 'issues') =>
                  mayRead(this.store, grant, repo, what),
                mayWriteIssues: (repo: string) => mayWriteIssues(this.store, grant, repo),
              }
            : {}),
          spend: (cost) => {
            const spent = this.rate.spend(who, 'graphql', cost);
            rate = spent ?? this.rate.peek(who, 'graphql');
            if (spent) points = cost;
            return spent;
          },
          peek: () => this.rate.peek(who, 'graphql'),
        });
        reply = { status: 200, body: result };
      } else if (!match) {
        reply = {
          status: 501,
          body: {
            message: `support-kit emulator: route not implemented: ${method} ${url.pathname}`,
          },
        };
      } else {
        if (WRITE_METHODS.has(method) && !viewer) throw requiresAuthentication();
        const ctx: RouteContext = {
          store: this.store,
          method,
          path: pathname,
          params: match.params,
          query: url.searchParams,
          body,
          headers: req.headers,
          viewer,
          origin: this.origin,
          rate: this.rate,
          principal,
          ...(grant && grant.kind !== 'user'
            ? { mayReadIssues: (repo: string) => mayRead(this.store, grant, repo, 'issues') }
            : {}),
        };
        reply = match.def.handler(ctx);
        if (fault?.kind === 'lost-reply') reply = { status: 502, body: { message: 'Bad Gateway' } };
      }
    } catch (err) {
      if (err instanceof ApiError)
        reply = { status: err.status, body: err.body, headers: err.headers };
      else
        reply = {
          status: 500,
          body: {
            message: `support-kit emulator: internal error: ${(err as Error).stack ?? String(err)}`,
          },
        };
    }

    const snapshot: RateSnapshot = rate ?? this.rate.peek(principal, resource);
    const query = Object.fromEntries(url.searchParams);
    // An injected fault is an answer GitHub gives that its description need not list.
    if (this.checkContract && !isGraphql && !faulted && !reply.raw)
      this.contractProblems.push(
        ...exchangeProblems({
          route: routeKey,
          query,
          requestBody: body,
          status: reply.status,
          responseBody: reply.body,
        }),
      );
    this.requests.push({
      method,
      path: pathname,
      route: routeKey,
      status: reply.status,
      ...(body !== undefined ? { body } : {}),
      ...(Object.keys(query).length > 0 ? { query } : {}),
      ...(points !== undefined ? { points } : {}),
    });
    const headers = {
      ...rateHeaders(snapshot, this.store.clock),
      'x-github-request-id': requestId,
      'x-github-media-type': 'github.v3; format=json',
      'x-github-api-version-selected': '2022-11-28',
      ...(reply.headers ?? {}),
    };
    if (reply.raw) {
      res.writeHead(reply.status, { ...headers, 'content-type': reply.raw.contentType });
      res.end(reply.raw.text);
      return;
    }
    send(res, reply.status, reply.body, headers);
  }

  /**
   * Who a token acts as and what it may do: its grant when registered; otherwise, unless the
   * seed named every token, the workflow token with GitHub's permissive defaults.
   */
  private authenticate(header: string | undefined): { viewer: User | null; grant?: TokenGrant } {
    if (!header) return { viewer: null };
    const token = header.replace(/^(token|bearer)\s+/i, '').trim();
    if (token === '') return { viewer: null };
    const grant =
      this.store.tokens.get(token) ??
      (this.store.strictTokens ? undefined : permissiveWorkflowToken(ACTIONS_BOT));
    if (!grant) throw badCredentials();
    return { viewer: this.store.user(grant.login), grant };
  }

  private control(method: string, path: string, raw: string): Reply {
    const what = path.replace(/^\/_emulator\/?/, '').replace(/\/$/, '');
    try {
      if (method === 'GET' && what === 'state') return { status: 200, body: this.store.snapshot() };
      if (method === 'GET' && what === 'requests') return { status: 200, body: this.requests };
      if (method === 'POST' && what === 'reset-requests') {
        this.requests.length = 0;
        return { status: 204 };
      }
      if (method === 'GET' && what === 'faults')
        return { status: 200, body: this.faults.pending() };
      if (method === 'POST' && what === 'faults') {
        this.faults.add(checkFault(parseJson(raw)));
        return { status: 201, body: this.faults.pending() };
      }
      if (method === 'DELETE' && what === 'faults') {
        this.faults.clear();
        return { status: 204 };
      }
      if (method === 'POST' && what === 'tokens') {
        const { token, grant } = checkTokenGrant(parseJson(raw));
        this.store.user(grant.login);
        this.store.tokens.set(token, grant);
        return { status: 201, body: { token, grant } };
      }
      if (method === 'POST' && what === 'clock') {
        const body = parseJson(raw) as { now?: unknown } | undefined;
        if (!body || !('now' in body))
          throw new Error('clock: expected {"now": "<ISO date-time>" | null}');
        this.store.clock.set(body.now === null ? null : (body.now as string));
        return { status: 200, body: { now: this.store.now(), frozen: this.store.clock.isFrozen } };
      }
    } catch (err) {
      if (err instanceof ApiError) return { status: err.status, body: err.body };
      return { status: 400, body: { message: (err as Error).message } };
    }
    return {
      status: 404,
      body: {
        message: `support-kit emulator: no control endpoint ${method} ${path}`,
        endpoints: [
          'GET /_emulator/state',
          'GET /_emulator/requests',
          'POST /_emulator/reset-requests',
          'GET /_emulator/faults',
          'POST /_emulator/faults',
          'DELETE /_emulator/faults',
          'POST /_emulator/clock',
          'POST /_emulator/tokens',
        ],
      },
    };
  }
}

/** The issue a route acts on: its number, or the issue of the comment it names. */
function issueOf(store: Store, params: Record<string, string>): { issue?: number } {
  if (params.issue_number) return { issue: Number(params.issue_number) };
  const repo = repoOf(params);
  if (!params.comment_id || !repo) return {};
  const found = [...(store.findRepo(...(repo.split('/') as [string, string]))?.issues ?? [])].find(
    (i) => i.comments.some((c) => c.id === Number(params.comment_id)),
  );
  return found ? { issue: found.number } : {};
}

/** The repository a route's path names, as owner/name. */
function repoOf(params: Record<string, string>): string | undefined {
  return params.owner && params.repo ? `${params.owner}/${params.repo}` : undefined;
}

function primaryLimitExceeded(principal: Principal, spent: RateSnapshot): ApiError {
  return new ApiError(
    403,
    { message: primaryLimitMessage(principal), documentation_url: PRIMARY_LIMIT_DOCS },
    { 'x-ratelimit-remaining': '0', 'x-ratelimit-used': String(spent.used) },
  );
}

function graphqlRequiresAuth(): ApiError {
  return new ApiError(401, {
    message: 'This endpoint requires you to be authenticated.',
    documentation_url:
      'https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql',
  });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new ApiError(400, {
      message: 'Problems parsing JSON',
      documentation_url: DOCS,
      status: '400',
    });
  }
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string>,
): void {
  if (status === 204 || body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
