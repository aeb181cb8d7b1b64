#!/usr/bin/env node
// Dist freshness: one build into dist/ itself, then git says whether anything changed.
//   - `git diff --exit-code -- dist`: a committed (or staged) file the build rewrote or deleted;
//   - `git ls-files --others -- dist`: a file the build wrote that git does not track.
// Either means someone changed src/ without `npm run build`. The build is deterministic, so a
// fresh dist/ leaves git with nothing to say; and the e2e tests that run afterwards run
// against the bundles just built from the sources.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const build = spawnSync(process.execPath, [resolve(root, 'scripts/build.mjs')], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (build.status !== 0) {
  console.error('check-dist: the build failed');
  process.exit(1);
}

function git(args) {
  const result = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  if (result.error || (result.status !== 0 && result.status !== 1))
    throw new Error(`git ${args.join(' ')}: ${result.error?.message ?? result.stderr.trim()}`);
  return result;
}

// --name-status: M (rebuilt differently), D (no longer built), T (mode changed).
const diff = git(['diff', '--exit-code', '--no-renames', '--name-status', '--', 'dist']);
const untracked = git(['ls-files', '--others', '--', 'dist']);
const WHAT = { M: 'out of date', D: 'no longer built', T: 'file mode changed' };
const problems = [
  ...diff.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [status, file] = line.split('\t');
      return `${WHAT[status] ?? status}: ${file}`;
    }),
  ...untracked.stdout
    .split('\n')
    .filter(Boolean)
    .map((file) => `new, not committed: ${file}`),
];
if (diff.status !== 0 && problems.length === 0) problems.push('git diff reports a difference');

if (problems.length > 0) {
  console.error(
    `check-dist: dist/ does not match the sources (${problems.length} file(s)); run npm run build and commit dist/\n  ${problems.join('\n  ')}`,
  );
  process.exit(1);
}
const files = git(['ls-files', '--', 'dist']).stdout.split('\n').filter(Boolean).length;
console.log(`check-dist: dist/ is fresh (${files} files)`);
