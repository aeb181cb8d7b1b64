#!/usr/bin/env node
// Rebuilds every bundle into a scratch folder and compares it byte for byte with the
// committed dist/. A difference means someone changed src/ without `npm run build`.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const scratch = join(root, '.tmp', 'dist-check');
rmSync(scratch, { recursive: true, force: true });
const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--out', scratch], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (build.status !== 0) {
  console.error('check-dist: the build failed');
  process.exit(1);
}

const list = (base) => listAll(base, base).sort();
function listAll(base, dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listAll(base, path) : [relative(base, path)];
  });
}

const committed = list(join(root, 'dist'));
const fresh = list(scratch);
const problems = [];
for (const f of fresh) if (!committed.includes(f)) problems.push(`missing from dist/: ${f}`);
for (const f of committed)
  if (!fresh.includes(f)) problems.push(`stale file in dist/ (no longer built): ${f}`);
for (const f of fresh.filter((f) => committed.includes(f))) {
  if (!readFileSync(join(scratch, f)).equals(readFileSync(join(root, 'dist', f))))
    problems.push(`out of date: dist/${f}`);
}
rmSync(scratch, { recursive: true, force: true });
if (problems.length > 0) {
  console.error(
    `check-dist: dist/ does not match the sources; run npm run build and commit dist/\n  ${problems.join('\n  ')}`,
  );
  process.exit(1);
}
console.log(`check-dist: dist/ is fresh (${fresh.length} files)`);
