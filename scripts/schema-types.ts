// `npm run schema-types`: TypeScript types generated from the config schemas (config/schema/),
// one file beside each capability's config code. `--check` writes nothing and exits 1 when a
// committed file differs from what the schema gives now.
//
// The generated types are the schema's word on the shape of each file. The hand-written types
// the config code reads with (IntakeFile, ReportFile, EscalationFile, RosterFile, the labels
// settings, the issue form) are checked against them at compile time in
// test/unit/config/schema-types.test.ts, and the same test regenerates these files and compares:
// a schema change that is not carried into the types, or a type change the schema does not
// make, fails `npm test`.
//
// Only the shape is generated. Descriptions and messages are dropped, so rewording a schema does
// not make the files stale; minItems/maxItems stay plain arrays, as the config code reads them.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';
import { format, resolveConfig } from 'prettier';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface SchemaTypes {
  schema: string;
  /** The generated file, beside the capability's config code. */
  out: string;
  /** The type of a whole file. */
  name: string;
}

export const SCHEMA_TYPES: readonly SchemaTypes[] = [
  {
    schema: 'config/schema/labels.schema.json',
    out: 'src/labels/config/labels.schema.ts',
    name: 'LabelsSchema',
  },
  {
    schema: 'config/schema/intake.schema.json',
    out: 'src/intake/config/intake.schema.ts',
    name: 'IntakeSchema',
  },
  {
    schema: 'config/schema/issue-form.schema.json',
    out: 'src/intake/config/issue-form.schema.ts',
    name: 'IssueFormSchema',
  },
  {
    schema: 'config/schema/roster.schema.json',
    out: 'src/roster/config/roster.schema.ts',
    name: 'RosterSchema',
  },
  {
    schema: 'config/schema/report.schema.json',
    out: 'src/report/config/report.schema.ts',
    name: 'ReportSchema',
  },
  {
    schema: 'config/schema/escalation.schema.json',
    out: 'src/escalate/config/escalation.schema.ts',
    name: 'EscalationSchema',
  },
];

/** Keywords that say nothing about the shape. */
const PROSE = new Set(['description', 'x-message', 'default', 'examples', '$comment']);
/** Keywords whose value is a map of names to schemas (a property may be called "description"). */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions']);

/**
 * The schema as the generator should see it: prose dropped, and the root's $id and title
 * dropped so the root type takes `name`. An `if`/`then`/`else` (escalation's `commands`: a
 * mapping, else a boolean) becomes `anyOf: [then, else]`, which the generator understands;
 * an `if`/`then` without `else` only adds requirements, and is left for the generator to skip.
 */
function shapeOf(node: unknown, inMap = false): unknown {
  if (Array.isArray(node)) return node.map((n) => shapeOf(n));
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (inMap) out[key] = shapeOf(value);
    else if (!PROSE.has(key)) out[key] = shapeOf(value, SCHEMA_MAPS.has(key));
  }
  if (!inMap && 'if' in out && 'then' in out && 'else' in out) {
    const { if: _if, then, else: otherwise, ...rest } = out;
    return { ...rest, anyOf: [then, otherwise] };
  }
  return out;
}

export async function generate(entry: SchemaTypes): Promise<string> {
  const schema = JSON.parse(await readFile(join(root, entry.schema), 'utf8')) as unknown;
  const { $id: _id, title: _title, ...shape } = shapeOf(schema) as Record<string, unknown>;
  const banner = [
    `// Generated from ${entry.schema} by \`npm run schema-types\` (scripts/schema-types.ts).`,
    '// Do not edit: change the schema and regenerate. test/unit/config/schema-types.test.ts',
    "// checks that this file is fresh and that the config code's own types agree with it.",
  ].join('\n');
  const code = await compile(shape, entry.name, {
    bannerComment: banner,
    cwd: join(root, dirname(entry.schema)),
    declareExternallyReferenced: true,
    format: false,
    ignoreMinAndMaxItems: true,
    strictIndexSignatures: false,
    unknownAny: true,
    unreachableDefinitions: false,
  });
  const path = join(root, entry.out);
  const options = (await resolveConfig(path)) ?? {};
  return format(code, { ...options, filepath: path });
}

/** The entries whose committed file differs from a fresh generation. */
export async function staleFiles(): Promise<string[]> {
  const stale: string[] = [];
  for (const entry of SCHEMA_TYPES) {
    const committed = await readFile(join(root, entry.out), 'utf8').catch(() => null);
    if (committed !== (await generate(entry))) stale.push(entry.out);
  }
  return stale;
}

async function main(): Promise<void> {
  if (process.argv.includes('--check')) {
    const stale = await staleFiles();
    for (const out of stale) process.stderr.write(`${out} is stale: run npm run schema-types\n`);
    process.exitCode = stale.length > 0 ? 1 : 0;
    return;
  }
  for (const entry of SCHEMA_TYPES) {
    await writeFile(join(root, entry.out), await generate(entry));
    process.stdout.write(`${relative(root, join(root, entry.out))} from ${entry.schema}\n`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
