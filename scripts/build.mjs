#!/usr/bin/env node
// Bundles every action entry (and the CLI) with esbuild into dist/<name>/: ESM for Node, code
// splitting (each dynamic import() becomes its own chunk, loaded only when reached), minified.
// One esbuild call per bundle, so a bundle's folder holds only what its entry can reach.
// The output is deterministic: the same sources give the same bytes (chunk names are content
// hashes), so `npm test` checks freshness with one build and `git diff --exit-code dist`.
//
//   node scripts/build.mjs [NAME...] [--out DIR]
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ENTRIES = [
  { name: 'intake', entry: 'src/actions/intake.ts' },
  { name: 'labels', entry: 'src/actions/labels.ts' },
  { name: 'oncall', entry: 'src/actions/oncall.ts' },
  { name: 'report', entry: 'src/actions/report.ts' },
  { name: 'escalate', entry: 'src/actions/escalate.ts' },
  { name: 'validate', entry: 'src/actions/validate.ts' },
  { name: 'all', entry: 'src/actions/all.ts' },
  // Each group of the CLI is a dynamic import in src/cli/main.ts, hence a chunk of its own.
  // `demo` and `emulator` hand over to dev/ under tsx: no bundle carries the dev tools.
  { name: 'cli', entry: 'src/cli/index.ts', executable: true },
];

/**
 * CommonJS dependencies bundled into ESM call `require` for Node's built-ins: esbuild turns
 * those calls into a `__require` helper that needs a real `require` in scope. Every emitted
 * file whose code mentions `require` gets one, made from its own URL; the others (the entry
 * among them) load no node:module. A long name no minifier would pick, so it cannot clash.
 */
const REQUIRE_BANNER =
  'import{createRequire as __supportKitCreateRequire}from"node:module";' +
  'const require=__supportKitCreateRequire(import.meta.url);\n';

/**
 * gemoji carries tags, descriptions and categories for every emoji; the label sync reads only
 * each emoji's names (src/labels/decide/names.ts). The bundles get a copy with just those: a
 * fifth of the size, the same table. Built from the installed package, so it never goes stale.
 */
const gemojiNamesOnly = {
  name: 'gemoji-names-only',
  setup(b) {
    b.onResolve({ filter: /^gemoji$/ }, () => ({ path: 'gemoji', namespace: 'gemoji-names' }));
    b.onLoad({ filter: /.*/, namespace: 'gemoji-names' }, async () => {
      const { gemoji } = await import('gemoji');
      const slim = gemoji.map(({ emoji, names }) => ({ emoji, names }));
      return { contents: `export const gemoji = ${JSON.stringify(slim)};`, loader: 'js' };
    });
  },
};

/**
 * The config schemas compiled when the bundles are built, not on every run (ajv takes 100-300 ms
 * a run to compile them). Each `config/schema/*.schema.json` a bundle imports comes with its
 * validating code, made by ajv with the settings of src/config/schema-compiler.ts, and that module
 * is replaced by one that hands out the validator the schema carries: a bundle holds only the
 * validators of the schemas it reads, and no compiler.
 */
const VALIDATOR = "Symbol.for('support-kit.validate')";
const precompiledSchemas = {
  name: 'precompiled-schemas',
  setup(b) {
    b.onResolve({ filter: /[\\/]schema-compiler\.js$/ }, (args) =>
      args.importer.endsWith(join('src', 'config', 'schema.ts'))
        ? { path: 'schema-compiler', namespace: 'precompiled-schemas' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'precompiled-schemas' }, () => ({
      contents: `export function compileSchema(schema) {
  const validate = schema[${VALIDATOR}];
  if (!validate) throw new Error(\`support-kit: the schema \${schema.$id} was not compiled into this bundle\`);
  return validate;
}`,
      loader: 'js',
    }));
    b.onLoad({ filter: /[\\/]config[\\/]schema[\\/][\w-]+\.schema\.json$/ }, async (args) => ({
      contents: await schemaWithValidator(args.path),
      loader: 'js',
      resolveDir: root,
    }));
  },
};

let compilerOf;
/** Ajv as src/config/schema-compiler.ts sets it up, made to write code: one per build. */
function sourceCompiler() {
  compilerOf ??= (async () => {
    const out = join(root, 'node_modules', '.cache', 'support-kit', 'schema-compiler.mjs');
    await mkdir(dirname(out), { recursive: true });
    await build({
      entryPoints: [join(root, 'src', 'config', 'schema-compiler.ts')],
      bundle: true,
      format: 'esm',
      platform: 'node',
      packages: 'external',
      outfile: out,
      logLevel: 'warning',
    });
    const { schemaCompiler } = await import(`${pathToFileURL(out).href}?${Date.now()}`);
    const { default: standalone } = await import('ajv/dist/standalone/index.js');
    return { schemaCompiler, standaloneCode: standalone.default ?? standalone };
  })();
  return compilerOf;
}

async function schemaWithValidator(path) {
  const text = await readFile(path, 'utf8');
  const { schemaCompiler, standaloneCode } = await sourceCompiler();
  const ajv = schemaCompiler({ code: { source: true, esm: true } });
  const code = standaloneCode(ajv, ajv.compile(JSON.parse(text)));
  // The standalone code exports the validator as `validate` (and default): the schema carries it.
  return `${code.replace(/export const validate = (\w+);export default \w+;/, 'const validate = $1;')}
const schema = ${text.trim()};
Object.defineProperty(schema, ${VALIDATOR}, { value: validate });
export default schema;
`;
}

/** esbuild options shared by every bundle (see the top of this file). */
export const OPTIONS = {
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  splitting: true,
  minify: true,
  // For a package without an exports map, prefer its ESM build (module) to its CommonJS one:
  // it tree-shakes and needs no wrapper. (Packages with exports maps get their import build.)
  mainFields: ['module', 'main'],
  legalComments: 'none',
  charset: 'utf8',
  // The entry keeps the name action.yml points at; chunks are named by a hash of their content.
  entryNames: 'index',
  chunkNames: '[hash]',
  metafile: true,
  plugins: [gemojiNamesOnly, precompiledSchemas],
  write: false,
  logLevel: 'warning',
};

async function main() {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const out = outIndex >= 0 ? resolve(args[outIndex + 1]) : join(root, 'dist');
  const only = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--out');
  const unknown = only.filter((n) => !ENTRIES.some((e) => e.name === n));
  if (unknown.length) throw new Error(`unknown bundle(s): ${unknown.join(', ')}`);
  const entries = only.length ? ENTRIES.filter((e) => only.includes(e.name)) : ENTRIES;
  const started = Date.now();
  await mkdir(out, { recursive: true });
  // A full build owns the folder: a bundle no longer in ENTRIES must not linger in dist/.
  if (!only.length)
    for (const stale of await readdir(out))
      if (!ENTRIES.some((e) => e.name === stale))
        await rm(join(out, stale), { recursive: true, force: true });
  // esbuild runs the bundles on its own threads; one call each keeps their chunks apart.
  const built = await Promise.all(entries.map((e) => buildOne(e, join(out, e.name))));
  for (const line of built) process.stdout.write(`${line}\n`);
  process.stdout.write(
    `built ${entries.length} bundle(s) into ${relative(root, out) || '.'} in ${((Date.now() - started) / 1000).toFixed(1)}s\n`,
  );
}

export async function buildOne({ name, entry, executable = false }, dir) {
  const result = await build({ ...OPTIONS, entryPoints: [entry], outdir: dir });
  const entryFile = join(dir, 'index.js');
  const outputs = result.metafile.outputs;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  let bytes = 0;
  const files = [...result.outputFiles].sort((a, b) => (a.path < b.path ? -1 : 1));
  for (const file of files) {
    if (dirname(file.path) !== dir)
      throw new Error(`${name}: esbuild wrote ${file.path} outside ${dir}`);
    let code = file.text;
    if (file.path === entryFile) code = dropRuntimeImport(code, outputs, relative(root, entryFile));
    if (/\brequire\b/.test(code)) {
      // After the CLI's hashbang, which must stay the first line.
      const hashbang = code.startsWith('#!') ? code.slice(0, code.indexOf('\n') + 1) : '';
      code = hashbang + REQUIRE_BANNER + code.slice(hashbang.length);
    }
    const isBin = file.path === entryFile && executable;
    await writeFile(file.path, code, isBin ? { mode: 0o755 } : {});
    bytes += Buffer.byteLength(code);
  }
  // Node reads dist/<name>/*.js as ESM even when the folder is copied out of this package.
  await writeFile(join(dir, 'package.json'), '{\n  "type": "module"\n}\n');
  await writeFile(join(dir, 'licenses.txt'), await licenses(result.metafile));
  return `built dist/${name}: ${files.length} file(s), ${(bytes / 1e6).toFixed(2)} MB`;
}

/**
 * With code splitting, esbuild's helpers (`__require`, `__commonJS`, `__toESM`) sit in a chunk
 * of their own, and every chunk imports it, the entry too, bare (`import"./X.js";`), though the
 * entry uses none of them. That chunk holds no module of ours (no input in the metafile) and
 * imports nothing, so evaluating it later, when the first lazy chunk needs it, changes nothing:
 * the entry drops the import and reads one file fewer on every cold start.
 */
function dropRuntimeImport(code, outputs, entryKey) {
  for (const imported of outputs[entryKey]?.imports ?? []) {
    if (imported.kind !== 'import-statement' || imported.external) continue;
    const chunk = outputs[imported.path];
    if (!chunk || Object.keys(chunk.inputs).length > 0 || chunk.imports.length > 0) continue;
    const statement = `import"./${imported.path.split('/').pop()}";`;
    code = code.replace(statement, '');
  }
  return code;
}

/**
 * The third-party packages whose code ended up in the bundle (at least one byte in an output,
 * after tree shaking), one block each: `name@version`, the license field, the license file.
 */
async function licenses(metafile) {
  const used = new Set();
  for (const output of Object.values(metafile.outputs))
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs))
      if (bytesInOutput > 0) used.add(input);
  const packages = new Map();
  for (const input of used) {
    const dir = packageDir(input);
    if (dir && !packages.has(dir)) packages.set(dir, await describePackage(dir));
  }
  const blocks = [...packages.values()]
    .filter((p) => p.name !== 'support-kit')
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    // The same package at two places in node_modules is listed once.
    .filter((p, i, all) => i === 0 || all[i - 1].id !== p.id)
    .map((p) => `${p.id}\n${p.license}\n${p.text}`.trimEnd());
  return `${blocks.join('\n\n')}\n`;
}

/** node_modules/a/x.js → node_modules/a; node_modules/@s/b/node_modules/c/y.js → …/c */
function packageDir(input) {
  const parts = input.split(/[\\/]/);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return null;
  const size = parts[at + 1]?.startsWith('@') ? 2 : 1;
  return parts.slice(0, at + 1 + size).join(sep);
}

async function describePackage(dir) {
  const manifest = JSON.parse(await readFile(join(root, dir, 'package.json'), 'utf8'));
  const license =
    typeof manifest.license === 'string'
      ? manifest.license
      : (manifest.license?.type ??
        manifest.licenses?.map((l) => l.type ?? l).join(' OR ') ??
        'UNKNOWN');
  const names = (await readdir(join(root, dir))).sort();
  const file = names.find((n) => /^(licen[cs]e|copying)(\.|-|$)/i.test(n));
  const text = file
    ? (await readFile(join(root, dir, file), 'utf8')).replace(/\r\n/g, '\n').trim()
    : `(no license file in the package; see ${manifest.homepage ?? manifest.name})`;
  return { id: `${manifest.name}@${manifest.version}`, name: manifest.name, license, text };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  });
}
