/**
 * support-kit's GitHub emulator: a stateful in-memory GitHub on 127.0.0.1 (REST, GraphQL,
 * faults, control endpoints). See docs/emulator.md.
 *
 *   const gh = await startEmulator({ seed: await loadSeedFile('test/emulator/fixtures/basic.yaml') });
 *   process.env.GITHUB_API_URL = gh.url;
 *   ...
 *   expect(gh.store.issue('acme/support', 1).labels.map((l) => l.name)).toContain('triage');
 *   await gh.close();
 */
import type { Fault } from './faults.js';
import { EmulatorServer, type RecordedRequest } from './http.js';
import { applySeed, type Seed } from './seed.js';
import type { TokenGrant } from './permissions.js';
import type { Resource } from './ratelimit.js';
import { Store } from './store.js';

export interface Emulator {
  /** e.g. http://127.0.0.1:41234 (no trailing slash); GraphQL at `${url}/graphql` */
  url: string;
  /** direct access to state, for arranging and asserting without HTTP */
  store: Store;
  /** every API request served (not /_emulator control calls), oldest first */
  requests: RecordedRequest[];
  resetRequests(): void;
  injectFault(f: Fault): void;
  /** drops faults that have not fired yet */
  clearFaults(): void;
  /** freezes the clock used for created_at/updated_at etc.; null = real time */
  setClock(now: Date | string | null): void;
  /**
   * Spends the workflow token's budget (its repository's) down to `remaining`, so a test can
   * start a run near GitHub's limit without making a thousand requests first.
   */
  leaveRateLimit(resource: Resource, remaining: number, repository?: string): void;
  /** Registers a token and what it may do (see permissions.ts). */
  grantToken(token: string, grant: TokenGrant): void;
  close(): Promise<void>;
}

export interface StartOptions {
  /** default 0 (a free port) */
  port?: number;
  /** default 127.0.0.1 */
  host?: string;
  seed?: Seed;
  /** freezes the clock (wins over seed.now) */
  now?: Date | string;
  /**
   * Check every REST request and answer against GitHub's description (contract.ts); `close()`
   * then fails listing any place they left it. On by default: the e2e suite runs with it.
   */
  contract?: boolean;
  /**
   * 'enforce' (the default) refuses requests over GitHub's primary budgets as GitHub does;
   * 'count' reports them in the headers but starts a new window instead, for a benchmark that
   * measures what a desk asks for rather than what it would be allowed.
   */
  rateLimits?: 'enforce' | 'count';
}

export async function startEmulator(opts: StartOptions = {}): Promise<Emulator> {
  const store = new Store();
  if (opts.seed) applySeed(store, opts.seed);
  if (opts.now !== undefined) store.clock.set(opts.now);
  const server = new EmulatorServer(store);
  server.checkContract = opts.contract ?? true;
  server.rate.enforce = opts.rateLimits !== 'count';
  const url = await server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1');
  store.apiUrl = url;
  return {
    url,
    store,
    requests: server.requests,
    resetRequests: () => {
      server.requests.length = 0;
    },
    injectFault: (f) => server.faults.add(f),
    clearFaults: () => server.faults.clear(),
    setClock: (now) => store.clock.set(now),
    leaveRateLimit: (resource, remaining, repository = '*') => {
      server.rate.leave({ kind: 'workflow', repository }, resource, remaining);
    },
    grantToken: (token, grant) => {
      store.user(grant.login);
      store.tokens.set(token, grant);
    },
    close: async () => {
      await server.close();
      const problems = [...new Set(server.contractProblems)];
      if (problems.length > 0)
        throw new Error(
          `the emulator left GitHub's REST description:\n- ${problems.slice(0, 20).join('\n- ')}`,
        );
    },
  };
}

export { loadSeedFile, validateSeed, applySeed, SeedError } from './seed.js';
export type {
  Seed,
  SeedRepo,
  SeedIssue,
  SeedLabel,
  SeedComment,
  SeedUser,
  SeedOrg,
  SeedTeam,
} from './seed.js';
export { webhookPayload } from './payloads.js';
export type { WebhookEvent, WebhookInputs } from './payloads.js';
export { Store, ACTIONS_BOT } from './store.js';
export type {
  Comment,
  Issue,
  IssueEvent,
  IssueEventKind,
  IssueState,
  Label,
  NewComment,
  NewIssue,
  Permission,
  Repo,
  StateReason,
  TimelineItem,
  User,
} from './store.js';
export type { Fault, FaultMatch } from './faults.js';
export type { TokenGrant, Scope, Access } from './permissions.js';
export type { RecordedRequest } from './http.js';
export { ApiError } from './errors.js';
export { routeTable } from './route-table.js';
export { githubSchema } from './graphql.js';
