#!/usr/bin/env node
// Writes the generated parts of the docs between their markers:
//   docs/actions.md           every action's inputs and outputs, from action.yml
//   docs/config-reference.md  every config file's keys, from the JSON Schemas in config/schema
// `node scripts/docs.mjs --check` changes nothing and exits 1 when a generated part is stale
// (a unit test runs it). `--root DIR` works on another checkout (the test's copy).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const START = (name) => `<!-- generated:${name} start: node scripts/docs.mjs, do not edit -->`;
const END = (name) => `<!-- generated:${name} end -->`;

/**
 * One table cell of text from our own files. Mirrors ownCell in src/core/text/markdown.ts: this
 * script runs under plain Node, which cannot load the TypeScript sources.
 */
const cell = (text) =>
  String(text ?? '')
    .replace(/\r?\n|\r/g, ' ')
    .replace(/\|/g, '\\|')
    .trim() || ' ';
const code = (text) => (text === '' ? '`""`' : `\`${String(text).replace(/`/g, "'")}\``);
const table = (header, rows) =>
  [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

function actionFiles(root) {
  const dirs = readdirSync(join(root, 'actions'), { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(root, 'actions', e.name, 'action.yml')))
    .map((e) => `actions/${e.name}/action.yml`)
    .sort();
  return ['action.yml', ...dirs];
}

export function renderActions(root) {
  const sections = [];
  for (const file of actionFiles(root)) {
    const action = parse(readFileSync(join(root, file), 'utf8'));
    const path = file === 'action.yml' ? '' : `/${dirname(file)}`;
    const inputs = Object.entries(action.inputs ?? {});
    const outputs = Object.entries(action.outputs ?? {});
    sections.push(
      [
        `### ${action.name}`,
        '',
        `\`uses: support-kit/support-kit${path}@v1\` ([${file}](../${file}), runs on ${action.runs?.using})`,
        '',
        action.description,
        '',
        inputs.length
          ? table(
              ['input', 'required', 'default', 'description'],
              inputs.map(([name, input]) => [
                code(name),
                input.required ? 'yes' : 'no',
                input.default === undefined ? ' ' : cell(code(input.default)),
                cell(input.description),
              ]),
            )
          : 'No inputs.',
        '',
        outputs.length
          ? table(
              ['output', 'description'],
              outputs.map(([name, output]) => [code(name), cell(output.description)]),
            )
          : 'No outputs.',
      ].join('\n'),
    );
  }
  return sections.join('\n\n');
}

/** The reusable workflows (on: workflow_call) with their inputs and secrets. */
export function renderWorkflows(root) {
  const dir = join(root, '.github', 'workflows');
  const sections = [];
  for (const name of readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()) {
    const workflow = parse(readFileSync(join(dir, name), 'utf8'));
    const call = workflow.on?.workflow_call;
    if (call === undefined) continue;
    const caller = existsSync(join(root, 'workflows', name))
      ? `; the caller to copy is [workflows/${name}](../workflows/${name})`
      : '';
    const inputs = Object.entries(call?.inputs ?? {});
    const secrets = Object.entries(call?.secrets ?? {});
    const jobs = Object.entries(workflow.jobs ?? {}).map(
      ([id, job]) =>
        `\`${id}\` (${Object.entries(job.permissions ?? {})
          .map(([k, v]) => `${k}: ${v}`)
          .join(', ')})`,
    );
    sections.push(
      [
        `### ${workflow.name}`,
        '',
        `\`uses: support-kit/support-kit/.github/workflows/${name}@v1\`${caller}. Jobs and the permissions they need: ${jobs.join(', ')}.`,
        '',
        inputs.length
          ? table(
              ['input', 'type', 'default', 'description'],
              inputs.map(([key, input]) => [
                code(key),
                input.type,
                input.default === undefined ? ' ' : cell(code(input.default)),
                cell(input.description),
              ]),
            )
          : 'No inputs.',
        '',
        secrets.length
          ? table(
              ['secret', 'required', 'description'],
              secrets.map(([key, secret]) => [
                code(key),
                secret?.required ? 'yes' : 'no',
                cell(secret?.description),
              ]),
            )
          : 'No secrets.',
      ].join('\n'),
    );
  }
  return sections.join('\n\n');
}

// ---- config reference --------------------------------------------------------------------

function resolveRef(schema, node) {
  if (!node?.$ref) return node;
  const name = node.$ref.replace(/^#\/\$defs\//, '');
  const target = schema.$defs?.[name];
  if (!target) throw new Error(`${schema.$id}: unresolved $ref ${node.$ref}`);
  // Keys beside a $ref (a description, say) refine the definition.
  const { $ref: _ref, ...rest } = node;
  return { ...resolveRef(schema, target), ...rest };
}

/** A short type: string, integer (1-100), one of `a`, `b`, list of ..., map of name to ... */
function typeOf(schema, raw) {
  const node = resolveRef(schema, raw);
  if (node.const !== undefined) return code(node.const);
  if (node.enum) return `one of ${node.enum.map(code).join(', ')}`;
  const alternatives = node.anyOf ?? (node.type ? undefined : node.oneOf);
  if (alternatives) return alternatives.map((a) => typeOf(schema, a)).join(' or ');
  const type = Array.isArray(node.type) ? node.type.join(' or ') : node.type;
  if (type === 'array') return `list of ${node.items ? typeOf(schema, node.items) : 'anything'}`;
  if (type === 'object' && !node.properties && isSchema(node.additionalProperties))
    return `map of ${typeOf(schema, node.additionalProperties)}`;
  const bounds = [];
  if (node.minimum !== undefined && node.maximum !== undefined)
    bounds.push(`${node.minimum} to ${node.maximum}`);
  else if (node.minimum !== undefined) bounds.push(`at least ${node.minimum}`);
  if (node['x-message']) bounds.push(node['x-message']);
  else if (node.pattern) bounds.push(`matches ${code(node.pattern)}`);
  return `${type ?? 'any'}${bounds.length ? ` (${bounds.join('; ')})` : ''}`;
}

const isSchema = (v) => v !== null && typeof v === 'object';

/** Rows of (key path, type, required, description), depth first, in the schema's order. */
function rowsOf(schema, raw, path, required, seen, rows) {
  const node = resolveRef(schema, raw);
  // An item of a list or a map is its parent's row again, unless it says more.
  const restates = /(\[\]|>)$/.test(path) && !node.description;
  if (path && !restates) {
    rows.push([
      code(path),
      cell(typeOf(schema, raw)),
      required ? 'yes' : ' ',
      cell([node.description, needsOneOf(node)].filter(Boolean).join(' ')),
    ]);
  }
  // A definition met again below itself (a recursive schema) is described once.
  if (raw?.$ref) {
    if (seen.includes(raw.$ref)) return;
    seen = [...seen, raw.$ref];
  }
  const variants = (node.anyOf ?? node.oneOf ?? []).map((v) => resolveRef(schema, v));
  const objectLike = [node, ...variants].filter((v) => v.properties);
  const done = new Set();
  for (const variant of objectLike) {
    for (const [key, child] of Object.entries(variant.properties)) {
      if (done.has(key) || (variant !== node && node.properties?.[key])) continue;
      done.add(key);
      // Properties of a oneOf branch that only restate a required set are not new keys.
      if (variant !== node && Object.keys(child).length === 0) continue;
      rowsOf(
        schema,
        child,
        path ? `${path}.${key}` : key,
        (variant.required ?? []).includes(key),
        seen,
        rows,
      );
    }
  }
  if (isSchema(node.additionalProperties) && !node.properties) {
    const name = node.propertyNames ? '<name>' : '<key>';
    const child = node.additionalProperties;
    if (hasChildren(schema, child)) rowsOf(schema, child, `${path}.${name}`, false, seen, rows);
  }
  if (node.type === 'array' && node.items && hasChildren(schema, node.items))
    rowsOf(schema, node.items, `${path}[]`, false, seen, rows);
}

function hasChildren(schema, raw) {
  const node = resolveRef(schema, raw);
  return Boolean(
    node.properties ||
    (node.anyOf ?? node.oneOf ?? []).some((v) => resolveRef(schema, v).properties) ||
    (node.type === 'array' && node.items && hasChildren(schema, node.items)),
  );
}

function needsOneOf(node) {
  const sets = (node.oneOf ?? []).map((v) => v.required).filter((r) => r?.length);
  if (sets.length < 2) return '';
  return `Needs exactly one of: ${sets.map((s) => s.map(code).join(' with ')).join('; ')}.`;
}

export function renderConfigReference(root) {
  const dir = join(root, 'config', 'schema');
  const sections = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.schema.json'))
    .sort()) {
    const schema = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    const file =
      name === 'issue-form.schema.json'
        ? '.github/ISSUE_TEMPLATE/*.yml'
        : name.replace('.schema.json', '.yaml');
    const rows = [];
    rowsOf(schema, schema, '', false, [], rows);
    sections.push(
      [
        `### ${file}`,
        '',
        `${schema.description ?? ''} Schema: [config/schema/${name}](../config/schema/${name}).`,
        '',
        rows.length ? table(['key', 'type', 'required', 'meaning'], rows) : 'No keys.',
      ].join('\n'),
    );
  }
  return sections.join('\n\n');
}

// ---- markers --------------------------------------------------------------------------------

export const GENERATED = [
  { file: 'docs/actions.md', name: 'actions', render: renderActions },
  { file: 'docs/actions.md', name: 'workflows', render: renderWorkflows },
  { file: 'docs/config-reference.md', name: 'config', render: renderConfigReference },
];

/** The file's text with the generated part between its markers replaced. */
export function fill(text, name, content, file) {
  const start = text.indexOf(START(name));
  const end = text.indexOf(END(name));
  if (start < 0 || end < start) throw new Error(`${file}: no ${START(name)} ... ${END(name)}`);
  return `${text.slice(0, start)}${START(name)}\n\n${content}\n\n${text.slice(end)}`;
}

/** Files whose generated part differs from what the sources say; with write, fix them. */
export function updateDocs(root, { write }) {
  const stale = [];
  for (const file of new Set(GENERATED.map((g) => g.file))) {
    const path = join(root, file);
    const text = readFileSync(path, 'utf8');
    let next = text;
    for (const { name, render } of GENERATED.filter((g) => g.file === file))
      next = fill(next, name, render(root), file);
    if (next === text) continue;
    stale.push(file);
    if (write) writeFileSync(path, next);
  }
  return stale;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const rootIndex = args.indexOf('--root');
  const root =
    rootIndex >= 0
      ? resolve(args[rootIndex + 1])
      : resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const check = args.includes('--check');
  try {
    const stale = updateDocs(root, { write: !check });
    if (check && stale.length > 0) {
      process.stderr.write(
        `out of date: ${stale.join(', ')}; run node scripts/docs.mjs and commit the result\n`,
      );
      process.exit(1);
    }
    process.stdout.write(
      stale.length ? `updated ${stale.join(', ')}\n` : 'generated docs are up to date\n',
    );
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
