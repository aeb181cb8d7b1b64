#!/usr/bin/env node
/**
 * Writes dev/emulator/fixtures/openapi-subset.json: the operations of GitHub's OpenAPI
 * description (@octokit/openapi, MIT) that the emulator serves, with their parameters,
 * request body and response schemas fully dereferenced and stripped of prose.
 *
 * @octokit/openapi unpacks to ~385 MB, so it is not a dependency: this script fetches the
 * pinned tarball with `npm pack` into a temporary folder and extracts only
 * `generated/api.github.com.json` from it.
 *
 *   node scripts/openapi-fixture.mjs                 # fetch the pinned version, write the fixture
 *   node scripts/openapi-fixture.mjs --spec FILE     # use a local api.github.com.json instead
 *   node scripts/openapi-fixture.mjs --check         # exit 1 if the committed fixture is stale
 *
 * The operations come from the emulator's single route table (dev/emulator/route-table.ts):
 * every `route('METHOD /path', ...)` entry there. The emulator's tests fail if the table and the
 * fixture disagree, so a route added without re-running this script is caught.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = '@octokit/openapi';
const VERSION = '23.0.2';
const SPEC_IN_PACKAGE = 'generated/api.github.com.json';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const routeTableFile = join(root, 'dev/emulator/route-table.ts');
const fixtureFile = join(root, 'dev/emulator/fixtures/openapi-subset.json');

/** Keys that carry prose or samples only. */
const DROP_KEYS = new Set([
  'description',
  'summary',
  'title',
  'example',
  'examples',
  'externalDocs',
  'tags',
]);

function parseArgs(argv) {
  const args = { spec: null, check: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--spec') args.spec = argv[++i];
    else if (a === '--check') args.check = true;
    else if (a === '--help' || a === '-h') {
      console.log('usage: node scripts/openapi-fixture.mjs [--spec api.github.com.json] [--check]');
      process.exit(0);
    } else {
      console.error(`unknown argument: ${a}`);
      process.exit(2);
    }
  }
  return args;
}

/** `route('GET /repos/{owner}/{repo}', ...)` entries of the emulator's route table. */
export function routesFromTable(source) {
  const routes = [...source.matchAll(/route\(\s*'(GET|POST|PUT|PATCH|DELETE) (\/[^']*)'/g)].map(
    (m) => ({
      method: m[1],
      path: m[2],
    }),
  );
  if (routes.length === 0)
    throw new Error(`no route('METHOD /path', ...) entries in ${routeTableFile}`);
  return routes;
}

function fetchSpec() {
  const dir = mkdtempSync(join(tmpdir(), 'support-kit-openapi-'));
  try {
    console.error(`fetching ${PACKAGE}@${VERSION} (tarball ~29 MB) into ${dir}`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    execFileSync(npm, ['pack', `${PACKAGE}@${VERSION}`, '--pack-destination', dir, '--silent'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      shell: process.platform === 'win32',
    });
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    if (!tarball) throw new Error('npm pack produced no tarball');
    execFileSync('tar', ['-xzf', join(dir, tarball), '-C', dir, `package/${SPEC_IN_PACKAGE}`], {
      stdio: 'inherit',
    });
    return JSON.parse(readFileSync(join(dir, 'package', SPEC_IN_PACKAGE), 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function resolvePointer(spec, ref) {
  if (!ref.startsWith('#/')) throw new Error(`external $ref not supported: ${ref}`);
  let node = spec;
  for (const part of ref.slice(2).split('/')) {
    node = node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  if (node === undefined) throw new Error(`dangling $ref ${ref}`);
  return node;
}

/**
 * Inlines every $ref. A $ref already being expanded higher up (a recursive schema such as a
 * repository's `template_repository`) is cut to `{"x-circular-ref": "<ref>"}`, which validators
 * treat as "any value". Prose and samples are dropped, except inside `properties`, where keys
 * are property names (a property may well be called `description`).
 */
function deref(spec, node, stack = [], keysAreNames = false) {
  if (Array.isArray(node)) return node.map((n) => deref(spec, n, stack));
  if (node === null || typeof node !== 'object') return node;
  if (!keysAreNames && typeof node.$ref === 'string') {
    if (stack.includes(node.$ref)) return { 'x-circular-ref': node.$ref };
    return deref(spec, resolvePointer(spec, node.$ref), [...stack, node.$ref]);
  }
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (!keysAreNames && (DROP_KEYS.has(key) || key.startsWith('x-'))) continue;
    out[key] = deref(spec, value, stack, !keysAreNames && key === 'properties');
  }
  return out;
}

function jsonSchemaOf(content) {
  if (!content) return null;
  const media = content['application/json'] ?? content['application/scim+json'];
  return media?.schema ?? null;
}

function operationFixture(spec, method, path) {
  const op = spec.paths[path]?.[method.toLowerCase()];
  if (!op) return null;
  const params = [...(spec.paths[path].parameters ?? []), ...(op.parameters ?? [])].map((p) =>
    deref(spec, p),
  );
  const responses = {};
  for (const [status, response] of Object.entries(op.responses ?? {})) {
    const r = deref(spec, response);
    responses[status] = { schema: jsonSchemaOf(r.content) };
  }
  const body = op.requestBody ? deref(spec, op.requestBody) : null;
  // An operation served on another host (uploads.github.com for release assets) says so.
  const server = op.servers?.[0]?.url;
  return {
    operationId: op.operationId,
    ...(server ? { server } : {}),
    parameters: params.map((p) => ({
      in: p.in,
      name: p.name,
      required: p.required ?? false,
      schema: p.schema ?? null,
    })),
    requestBody: body
      ? { required: body.required ?? false, schema: jsonSchemaOf(body.content) }
      : null,
    responses,
  };
}

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys(value[k])]),
  );
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const routes = routesFromTable(readFileSync(routeTableFile, 'utf8'));
  const spec = args.spec ? JSON.parse(readFileSync(args.spec, 'utf8')) : fetchSpec();
  const operations = {};
  const missing = [];
  for (const { method, path } of routes) {
    const fixture = operationFixture(spec, method, path);
    if (fixture) operations[`${method} ${path}`] = fixture;
    else missing.push(`${method} ${path}`);
  }
  if (missing.length > 0) {
    console.error(
      `routes in the emulator with no operation in GitHub's OpenAPI:\n  ${missing.join('\n  ')}`,
    );
    process.exit(1);
  }
  const out = `${JSON.stringify(
    sortKeys({
      source: {
        package: PACKAGE,
        version: VERSION,
        file: SPEC_IN_PACKAGE,
        license: 'MIT',
        openapi: spec.openapi,
        apiVersion: spec.info?.version ?? null,
      },
      operations,
    }),
    null,
    1,
  )}\n`;
  if (args.check) {
    let current = '';
    try {
      current = readFileSync(fixtureFile, 'utf8');
    } catch {
      /* missing fixture is stale */
    }
    if (current !== out) {
      console.error(`${fixtureFile} is stale: run node scripts/openapi-fixture.mjs`);
      process.exit(1);
    }
    console.error('fixture is up to date');
    return;
  }
  mkdirSync(dirname(fixtureFile), { recursive: true });
  writeFileSync(fixtureFile, out);
  console.error(
    `wrote ${Object.keys(operations).length} operations to ${fixtureFile} (${Math.round(out.length / 1024)} KiB)`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
