/**
 * The emulator's answers held to GitHub's description: every REST request is checked against the
 * committed OpenAPI subset (fixtures/openapi-subset.json, docs/emulator.md "Contract checks"):
 * the route, its query parameters, the request body, the status and the response body. A problem
 * is a place where the emulator (or the kit's request) left what GitHub documents.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';

interface OperationFixture {
  operationId: string;
  /** The host that serves it, when not the API's (uploads.github.com). */
  server?: string;
  parameters?: { in: string; name: string }[];
  requestBody: { required: boolean; schema: unknown } | null;
  responses: Record<string, { schema: unknown }>;
}

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/openapi-subset.json', import.meta.url), 'utf8'),
) as { source: { version: string }; operations: Record<string, OperationFixture> };

/** OpenAPI 3.0 -> JSON Schema: `nullable`, and oneOf -> anyOf (GitHub's oneOf branches overlap). */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'nullable' || key === 'discriminator') continue;
    const target = key === 'oneOf' ? 'anyOf' : key;
    out[target] =
      key === 'properties'
        ? Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, toJsonSchema(v)]))
        : toJsonSchema(value);
  }
  const src = node as Record<string, unknown>;
  if (src.nullable === true) {
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
      return out;
    }
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\/\/\S+$/i);
for (const name of [
  'email',
  'int64',
  'int32',
  'uri-template',
  'date',
  'binary',
  'uuid',
  'repo.nwo',
  'hostname',
  'ssh-key',
  'ipv4',
]) {
  ajv.addFormat(name, true);
}

const compiled = new Map<string, ValidateFunction>();
function validator(key: string, schema: unknown): ValidateFunction {
  let v = compiled.get(key);
  if (!v) {
    v = ajv.compile(toJsonSchema(schema) as object);
    compiled.set(key, v);
  }
  return v;
}

/** Where a response leaves GitHub's description of the route: its status, then its body. */
export function responseProblems(route: string, status: number, body: unknown): string[] {
  const op = fixture.operations[route];
  if (!op) return [`${route}: no such operation in GitHub's description`];
  const response = op.responses[String(status)];
  if (!response && !isGithubError(status, body))
    return [`${route} answered ${status}, which GitHub's description does not list`];
  if (!response) return [];
  if (!response.schema) return [];
  const validate = validator(`${route} ${status}`, response.schema);
  return validate(body)
    ? []
    : [`${route} ${status}: ${ajv.errorsText(validate.errors, { separator: '; ' })}`];
}

/** Where a request leaves the description: a query parameter it does not have, or its body. */
export function requestProblems(
  route: string,
  query: Record<string, string>,
  body: unknown,
): string[] {
  const op = fixture.operations[route];
  if (!op) return [`${route}: no such operation in GitHub's description`];
  const known = new Set((op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name));
  const problems = Object.keys(query)
    .filter((name) => !known.has(name))
    .map((name) => `${route}: query parameter "${name}" is not in GitHub's description`);
  const schema = op.requestBody?.schema;
  if (schema && body !== undefined) {
    const validate = validator(`${route} request`, schema);
    if (!validate(body))
      problems.push(`request body for ${route}: ${ajv.errorsText(validate.errors)}`);
  }
  return problems;
}

/** Every operation the committed description holds. */
export function describedRoutes(): string[] {
  return Object.keys(fixture.operations);
}

/** The operations GitHub serves on the uploads host, not the API's. */
export function uploadRoutes(): string[] {
  return Object.entries(fixture.operations)
    .filter(([, op]) => op.server === 'https://uploads.github.com')
    .map(([route]) => route);
}

/**
 * GitHub answers refusals its description leaves out (a 404 for an issue that is no pull
 * request, a 401, a 422 on an edit): a refusal in its shape is never kinder than GitHub.
 */
function isGithubError(status: number, body: unknown): boolean {
  return status >= 400 && typeof (body as { message?: unknown } | null)?.message === 'string';
}

/**
 * The problems of one exchange. A request GitHub's description does not allow counts only when
 * it was served: refusing it is what GitHub does, accepting it is being kinder.
 */
export function exchangeProblems(exchange: {
  route: string;
  query: Record<string, string>;
  requestBody: unknown;
  status: number;
  responseBody: unknown;
}): string[] {
  const { route, query, requestBody, status, responseBody } = exchange;
  if (status >= 400)
    return responseProblems(route, status, responseBody).filter(() => documentedRoute(route));
  return [
    ...requestProblems(route, query, requestBody),
    ...responseProblems(route, status, responseBody),
  ];
}

function documentedRoute(route: string): boolean {
  return fixture.operations[route] !== undefined;
}
