/** Small helpers for the emulator's own tests. */
import { fileURLToPath } from 'node:url';
import { loadSeedFile, startEmulator, type Emulator, type Seed } from './index.js';

export const BASIC_SEED = fileURLToPath(new URL('./fixtures/basic.yaml', import.meta.url));

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface CallOptions {
  body?: unknown;
  /** Sent as it is instead of `body` as JSON (a release asset), with its own content-type header. */
  raw?: string;
  /** default 'test-token'; null sends no Authorization header */
  token?: string | null;
  headers?: Record<string, string>;
}

/** One HTTP call to the emulator; `path` may include a query string. */
export async function call<T = unknown>(
  gh: Emulator,
  method: string,
  path: string,
  opts: CallOptions = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = {
    accept: 'application/vnd.github+json',
    ...opts.headers,
  };
  const token = opts.token === undefined ? 'test-token' : opts.token;
  if (token !== null) headers.authorization = `token ${token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const sent = opts.raw ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined);
  const res = await fetch(`${gh.url}${path}`, {
    method,
    headers,
    ...(sent !== undefined ? { body: sent } : {}),
  });
  const text = await res.text();
  let body: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('json') && text !== '')
    body = JSON.parse(text);
  return { status: res.status, headers: res.headers, body: body as T };
}

export async function graphql<T = unknown>(
  gh: Emulator,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{
  data?: T;
  errors?: {
    message: string;
    type?: string;
    path?: unknown[];
    extensions?: Record<string, unknown>;
  }[];
}> {
  const res = await call(gh, 'POST', '/graphql', { body: { query, variables } });
  return res.body as { data?: T; errors?: { message: string; type?: string; path?: unknown[] }[] };
}

let basicSeed: Seed | null = null;

/** An emulator seeded with fixtures/basic.yaml (an org `acme` with repo `acme/support`). */
export async function startBasic(extra: { now?: string } = {}): Promise<Emulator> {
  basicSeed ??= await loadSeedFile(BASIC_SEED);
  return startEmulator({ seed: structuredClone(basicSeed), ...extra });
}
