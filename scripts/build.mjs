#!/usr/bin/env node
// Bundles every action entry (and the CLI) with ncc into dist/<name>/, then minifies each
// emitted file with esbuild. Both steps are deterministic, so CI can rebuild into a scratch
// folder and compare byte for byte (`node scripts/build.mjs --out DIR`).
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ENTRIES = [
  { name: 'intake', entry: 'src/actions/intake.ts' },
  { name: 'labels', entry: 'src/actions/labels.ts' },
  { name: 'oncall', entry: 'src/actions/oncall.ts' },
  { name: 'report', entry: 'src/actions/report.ts' },
  { name: 'escalate', entry: 'src/actions/escalate.ts' },
  { name: 'validate', entry: 'src/actions/validate.ts' },
  { name: 'all', entry: 'src/actions/all.ts' },
  // The CLI bundles the emulator (for `emulator` and `demo`) in a chunk loaded only by those groups;
  // the emulator reads GitHub's GraphQL schema from @octokit/graphql-schema on its first GraphQL request.
  { name: 'cli', entry: 'src/cli/index.ts' },
];

async function main() {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const out = outIndex >= 0 ? resolve(args[outIndex + 1]) : join(root, 'dist');
  const only = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--out');
  const entries = only.length ? ENTRIES.filter((e) => only.includes(e.name)) : ENTRIES;
  await mkdir(out, { recursive: true });
  // Two at a time: the machines have two cores.
  const queue = [...entries];
  await Promise.all(
    [0, 1].map(async () => {
      for (let e = queue.shift(); e; e = queue.shift()) await buildOne(e, join(out, e.name));
    }),
  );
}

async function buildOne({ name, entry, externals = [] }, dir) {
  const started = Date.now();
  await rm(dir, { recursive: true, force: true });
  const ncc = join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js');
  const args = [
    ncc,
    'build',
    entry,
    '-o',
    dir,
    '--quiet',
    '--transpile-only',
    '--license',
    'licenses.txt',
    ...externals.flatMap((x) => ['-e', x]),
  ];
  await run(process.execPath, args);
  for (const file of await readdir(dir)) {
    if (!file.endsWith('.js')) continue;
    const path = join(dir, file);
    const code = await readFile(path, 'utf8');
    const { code: min } = await transform(code, {
      minify: true,
      format: 'esm',
      target: 'node20',
      legalComments: 'none',
      charset: 'utf8',
    });
    await writeFile(path, min);
  }
  process.stdout.write(`built dist/${name} in ${((Date.now() - started) / 1000).toFixed(1)}s\n`);
}

function run(cmd, args) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code) =>
      code === 0 ? resolvePromise() : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`)),
    );
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  });
}
