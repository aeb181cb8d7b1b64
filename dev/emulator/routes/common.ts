/** Helpers shared by the route handlers: resolving the repository/issue and reading bodies. */
import { invalidRequest, notFound, validationFailed } from '../errors.js';
import type { RouteContext } from '../route.js';
import { ACTIONS_BOT, type Issue, type Repo } from '../store.js';

/** The repository named by {owner}/{repo}; 404 like GitHub when unknown (or private and anonymous). */
export function repoOf(ctx: RouteContext): Repo {
  const repo = ctx.store.findRepo(ctx.params.owner ?? '', ctx.params.repo ?? '');
  if (!repo || (repo.private && !ctx.viewer)) throw notFound();
  return repo;
}

export function intParam(ctx: RouteContext, name: string): number {
  const raw = ctx.params[name] ?? '';
  if (!/^\d+$/.test(raw)) throw notFound();
  return Number(raw);
}

export function issueOf(ctx: RouteContext, repo: Repo): Issue {
  return ctx.store.issue(repo, intParam(ctx, 'issue_number'));
}

/** The JSON body as an object (an absent body counts as `{}`). */
export function bodyObject(ctx: RouteContext): Record<string, unknown> {
  if (ctx.body === undefined) return {};
  if (ctx.body === null || typeof ctx.body !== 'object' || Array.isArray(ctx.body)) {
    throw invalidRequest('Body should be a JSON object');
  }
  return ctx.body as Record<string, unknown>;
}

/** Who the write is attributed to (events' actor, comments' author). */
export function actorOf(ctx: RouteContext): string {
  return ctx.viewer?.login ?? ACTIONS_BOT;
}

export function optionalString(
  body: Record<string, unknown>,
  field: string,
  { nullable = false }: { nullable?: boolean } = {},
): string | null | undefined {
  const v = body[field];
  if (v === undefined) return undefined;
  if (v === null && nullable) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && field === 'title') return String(v);
  throw invalidRequest(
    `For '${field}', ${JSON.stringify(v)} is not a string${nullable ? ' or null' : ''}.`,
  );
}

/** A list of names given as strings or `{name}` objects (labels accept both). */
export function nameList(value: unknown, field: string): string[] {
  if (!Array.isArray(value))
    throw invalidRequest(`For '${field}', ${JSON.stringify(value)} is not an array.`);
  return value.map((v) => {
    if (typeof v === 'string') return v;
    if (v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string') {
      return (v as { name: string }).name;
    }
    throw invalidRequest(`For '${field}' item, ${JSON.stringify(v)} is not a string.`);
  });
}

export function stringList(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw invalidRequest(`For '${field}', ${JSON.stringify(value)} is not an array of strings.`);
  }
  return value as string[];
}

/** Parses an ISO 8601 `since`-style parameter; 422 when malformed. */
export function timeParam(ctx: RouteContext, name: string): string | undefined {
  const raw = ctx.query.get(name);
  if (raw === null || raw === '') return undefined;
  const d = new Date(raw);
  if (Number.isNaN(d.getTime())) {
    throw invalidRequest(`${JSON.stringify(raw)} is not a valid ISO 8601 timestamp for '${name}'.`);
  }
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function enumParam<T extends string>(
  ctx: RouteContext,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const raw = ctx.query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw invalidRequest(
      `${JSON.stringify(raw)} is not a member of [${allowed.join(', ')}] for '${name}'.`,
    );
  }
  return raw as T;
}

/**
 * GitHub refuses an issue or comment body over 65,536 characters with a 422, in these words (as
 * its API answers; the limit is not in the REST reference). Counted in UTF-16 code units, the
 * stricter reading for text outside the Basic Multilingual Plane.
 */
const MAX_BODY_CHARACTERS = 65_536;

export function checkBodyLength(
  text: string | null | undefined,
  resource: 'Issue' | 'IssueComment',
): void {
  if (text === null || text === undefined || text.length <= MAX_BODY_CHARACTERS) return;
  throw validationFailed([
    resource === 'Issue'
      ? {
          resource,
          code: 'custom',
          field: 'body',
          message: 'body is too long (maximum is 65536 characters)',
        }
      : {
          resource,
          code: 'unprocessable',
          field: 'data',
          message: 'Body is too long (maximum is 65536 characters)',
        },
  ]);
}
