/**
 * POST /graphql: queries are validated against GitHub's real schema (@octokit/graphql-schema),
 * costed like GitHub (connections requested / 100, at least 1) and executed over the store.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  Kind,
  buildSchema,
  execute,
  parse,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import {
  GithubGraphqlError,
  actorModel,
  nodesModel,
  repositoryModel,
  searchModel,
  type Model,
} from './graphql-model.js';
import { MAX_PINNED, pin } from './pins.js';
import type { RateSnapshot } from './ratelimit.js';
import type { Store, User } from './store.js';

let cachedSchema: GraphQLSchema | null = null;

/** GitHub's public schema, built once per process (~0.4 s). */
export function githubSchema(): GraphQLSchema {
  if (cachedSchema) return cachedSchema;
  const require = createRequire(import.meta.url);
  const candidates = (require.resolve.paths('@octokit/graphql-schema') ?? []).map((dir) =>
    join(dir, '@octokit', 'graphql-schema', 'schema.graphql'),
  );
  const file = candidates.find((f) => existsSync(f));
  if (!file)
    throw new Error('support-kit emulator: @octokit/graphql-schema/schema.graphql not found');
  // GitHub's published SDL repeats a couple of enterprise fields: skip SDL validation.
  cachedSchema = buildSchema(readFileSync(file, 'utf8'), { assumeValidSDL: true });
  return cachedSchema;
}

export interface GraphqlContext {
  viewer: User;
  /**
   * Whether the token may read this repository's files or issues (`contents: read`, `issues:
   * read` for an installation).
   */
  mayRead?: (repo: string, what: 'contents' | 'issues') => boolean;
  /** Whether an installation token may write the repository's issues (`issues: write`). */
  mayWriteIssues?: (repo: string) => boolean;
  /** null when the budget is spent: the query is refused. */
  spend(cost: number): RateSnapshot | null;
  peek(): RateSnapshot;
}

interface GithubError {
  message: string;
  type?: string;
  path?: readonly (string | number)[];
  locations?: readonly { line: number; column: number }[];
  extensions?: Record<string, unknown>;
}

/** Reads an own field of a model; a field the emulator does not model is an error naming it. */
const fieldResolver: GraphQLFieldResolver<unknown, GraphqlContext> = (source, args, ctx, info) => {
  if (source !== null && typeof source === 'object' && Object.hasOwn(source, info.fieldName)) {
    const value = (source as Model)[info.fieldName];
    return typeof value === 'function'
      ? (value as (...a: unknown[]) => unknown)(args, ctx, info)
      : value;
  }
  throw new GithubGraphqlError(
    `support-kit emulator: GraphQL field ${info.parentType.name}.${info.fieldName} is not implemented`,
    'NOT_IMPLEMENTED',
  );
};

/**
 * `viewer` is typed `User` in GitHub's schema, whoever the token acts as. For an installation
 * token it is the app's bot, named as GraphQL names bots: `github-actions` for the workflow
 * token, where REST says `github-actions[bot]`.
 */
function viewerModel(store: Store, viewer: User): Model {
  const model = actorModel(store, viewer.login, 'User');
  return viewer.type === 'Bot' ? { ...model, login: viewer.login.replace(/\[bot\]$/, '') } : model;
}

/** `User.status`: null when the person set none or it expired. */
function statusModel(store: Store, user: User): Model | null {
  const status = store.statusOf(user.login);
  if (!status) return null;
  return {
    __typename: 'UserStatus',
    id: Buffer.from(`010:UserStatus${user.id}`).toString('base64'),
    message: status.message,
    emoji: status.emoji,
    emojiHTML: status.emoji,
    indicatesLimitedAvailability: status.indicatesLimitedAvailability,
    expiresAt: status.expiresAt,
    createdAt: status.createdAt,
    updatedAt: status.createdAt,
    user: () => actorModel(store, user.login, 'User'),
    organization: null,
  };
}

const MAX_NODES = 500_000;

export async function executeGraphql(
  store: Store,
  body: unknown,
  ctx: GraphqlContext,
): Promise<{ data?: unknown; errors?: GithubError[] }> {
  const request = (body ?? {}) as { query?: unknown; variables?: unknown; operationName?: unknown };
  if (typeof request.query !== 'string') {
    return { errors: [{ message: 'A query attribute must be specified and must be a string.' }] };
  }
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (err) {
    const e = err as GraphQLError;
    return { errors: [{ message: e.message, ...(e.locations ? { locations: e.locations } : {}) }] };
  }
  const schema = githubSchema();
  const invalid = validate(schema, document);
  if (invalid.length > 0) return { errors: invalid.map(githubValidationError) };

  const operationName =
    typeof request.operationName === 'string' ? request.operationName : undefined;
  const variables = (request.variables ?? {}) as Record<string, unknown>;
  const { cost, nodeCount } = queryCost(document, variables, operationName);
  // "Individual calls cannot request more than 500,000 total nodes" (GitHub GraphQL docs,
  // "Rate limits and query limits for the GraphQL API", Node limit): refused before it runs.
  if (nodeCount > MAX_NODES)
    return {
      errors: [
        {
          message: `This query requests up to ${nodeCount.toLocaleString('en-US')} possible nodes which exceeds the maximum limit of 500,000.`,
          type: 'MAX_NODE_LIMIT_EXCEEDED',
        },
      ],
    };
  const dryRun = /\brateLimit\s*\(\s*dryRun\s*:\s*true/.test(request.query);
  const snapshot = dryRun ? ctx.peek() : ctx.spend(cost);
  // A spent budget answers 200 with a RATE_LIMITED error and x-ratelimit-remaining 0, the form
  // @octokit/plugin-throttling recognises as GitHub's primary limit on GraphQL.
  if (!snapshot)
    return {
      errors: [
        {
          type: 'RATE_LIMITED',
          message: `API rate limit already exceeded for ${ctx.viewer.login}.`,
        },
      ],
    };

  const rootValue: Model = {
    viewer: () => viewerModel(store, ctx.viewer),
    rateLimit: () => ({
      __typename: 'RateLimit',
      cost,
      nodeCount,
      limit: snapshot.limit,
      remaining: snapshot.remaining,
      used: snapshot.used,
      resetAt: new Date(snapshot.reset * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    }),
    repository: (args: Record<string, unknown>) => {
      const repo = store.findRepo(String(args.owner), String(args.name));
      if (!repo) {
        throw new GithubGraphqlError(
          `Could not resolve to a Repository with the name '${String(args.owner)}/${String(args.name)}'.`,
          'NOT_FOUND',
        );
      }
      return repositoryModel(store, repo);
    },
    user: (args: Record<string, unknown>) => {
      const user = store.findUser(String(args.login));
      if (!user || user.type === 'Organization') {
        throw new GithubGraphqlError(
          `Could not resolve to a User with the login of '${String(args.login)}'.`,
          'NOT_FOUND',
        );
      }
      return { ...actorModel(store, user.login, 'User'), status: () => statusModel(store, user) };
    },
    search: (args: Record<string, unknown>) => searchModel(store, args, ctx.viewer.login),
    nodes: (args: Record<string, unknown>) => {
      const ids = (args.ids as string[]) ?? [];
      // GitHub refuses more than 100 ids with an ARGUMENT_LIMIT error and no data for the field.
      if (ids.length > 100)
        throw new GithubGraphqlError(
          `You may not provide more than 100 node ids; you provided ${ids.length}.`,
          'ARGUMENT_LIMIT',
        );
      return nodesModel(store, ids);
    },
    pinIssue: (args: Record<string, unknown>) => pinIssue(store, ctx, args),
  };

  const result = await execute({
    schema,
    document,
    rootValue,
    contextValue: ctx,
    variableValues: variables,
    operationName,
    fieldResolver,
  });
  const out: { data?: unknown; errors?: GithubError[] } = {};
  if (result.data !== undefined) out.data = result.data;
  if (result.errors && result.errors.length > 0) out.errors = result.errors.map(githubFieldError);
  return out;
}

const WRITE_ROLES: readonly string[] = ['write', 'maintain', 'admin'];

/**
 * The `pinIssue` mutation: write access to the repository (an installation token needs `issues:
 * write`), an issue (not a pull request), and at most three pinned per repository (pins.ts cites
 * GitHub's docs). GitHub documents the limit, not the words of its refusal: the message here is
 * ours, and the kit reads only that the mutation failed.
 */
function pinIssue(store: Store, ctx: GraphqlContext, args: Record<string, unknown>): Model {
  const given = (args.input as { issueId?: unknown } | undefined)?.issueId;
  const id = typeof given === 'string' ? given : '';
  const found = [...store.repos.values()].flatMap((repo) =>
    repo.issues.filter((i) => i.node_id === id).map((issue) => ({ repo, issue })),
  )[0];
  if (!found || found.issue.pull_request)
    throw new GithubGraphqlError(
      `Could not resolve to Issue node with the global id of '${id}'`,
      'NOT_FOUND',
    );
  const { repo, issue } = found;
  const byApp = ctx.viewer.type === 'Bot';
  const allowed = byApp
    ? (ctx.mayWriteIssues?.(repo.full_name) ?? true)
    : WRITE_ROLES.includes(store.permission(repo, ctx.viewer.login) ?? '');
  if (!allowed)
    throw new GithubGraphqlError(
      byApp
        ? 'Resource not accessible by integration'
        : `${ctx.viewer.login} does not have the correct permissions to execute \`PinIssue\``,
      'FORBIDDEN',
    );
  if (pin(repo, issue.number, ctx.viewer.login) === 'full')
    throw new GithubGraphqlError(
      `${repo.full_name} has ${MAX_PINNED} pinned issues already: unpin one to pin another`,
      'UNPROCESSABLE',
    );
  return {
    __typename: 'PinIssuePayload',
    clientMutationId: null,
    issue: nodesModel(store, [id])[0],
  };
}

function githubFieldError(e: GraphQLError): GithubError {
  const original = e.originalError;
  const type = original instanceof GithubGraphqlError ? original.githubType : undefined;
  return {
    ...(type ? { type } : {}),
    ...(e.path ? { path: e.path } : {}),
    ...(e.locations ? { locations: e.locations } : {}),
    message: e.message,
  };
}

/** graphql-js messages reworded the way GitHub (graphql-ruby) words the common ones. */
function githubValidationError(e: GraphQLError): GithubError {
  const locations = e.locations ? { locations: e.locations } : {};
  const field = /^Cannot query field "(\w+)" on type "(\w+)"/.exec(e.message);
  if (field) {
    return {
      path: ['query'],
      extensions: { code: 'undefinedField', typeName: field[2], fieldName: field[1] },
      ...locations,
      message: `Field '${field[1]}' doesn't exist on type '${field[2]}'`,
    };
  }
  const arg = /^Unknown argument "(\w+)" on field "(\w+)\.(\w+)"/.exec(e.message);
  if (arg) {
    return {
      path: ['query'],
      extensions: {
        code: 'argumentNotAccepted',
        name: arg[3],
        typeName: 'Field',
        argumentName: arg[1],
      },
      ...locations,
      message: `Field '${arg[3]}' doesn't accept argument '${arg[1]}'`,
    };
  }
  return { ...locations, message: e.message };
}

/**
 * GitHub's rate-limit cost: every connection (a field with `first`/`last`) is one request per
 * parent node that can hold it; cost = round(requests / 100), at least 1. nodeCount is the
 * number of nodes the query can return.
 */
function queryCost(
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName?: string,
): { cost: number; nodeCount: number } {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  const operation = document.definitions.find(
    (d) =>
      d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
  );
  let requests = 0;
  let nodeCount = 0;
  const walk = (set: SelectionSetNode | undefined, multiplier: number, seen: Set<string>) => {
    if (!set) return;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const frag = fragments.get(sel.name.value);
        if (frag && !seen.has(frag.name.value)) {
          walk(frag.selectionSet, multiplier, new Set([...seen, frag.name.value]));
        }
        continue;
      }
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        walk(sel.selectionSet, multiplier, seen);
        continue;
      }
      let size: number | null = null;
      for (const arg of sel.arguments ?? []) {
        if (arg.name.value !== 'first' && arg.name.value !== 'last') continue;
        if (arg.value.kind === Kind.INT) size = Number(arg.value.value);
        else if (arg.value.kind === Kind.VARIABLE) {
          const v = variables[arg.value.name.value];
          if (typeof v === 'number') size = v;
        }
      }
      if (size === null) {
        walk(sel.selectionSet, multiplier, seen);
      } else {
        requests += multiplier;
        nodeCount += multiplier * size;
        walk(sel.selectionSet, multiplier * size, seen);
      }
    }
  };
  if (operation && operation.kind === Kind.OPERATION_DEFINITION)
    walk(operation.selectionSet, 1, new Set());
  return { cost: Math.max(1, Math.round(requests / 100)), nodeCount };
}
