#!/usr/bin/env node
// `npm run release -- 1.2.3 [--skip-tests] [--push] [--remote origin] [--date YYYY-MM-DD]`
//
// Releases the repository it runs in (the current folder):
//   1. refuses a dirty tree, a version that exists or does not move forward, an empty
//      Unreleased section in CHANGELOG.md, and workflows whose internal
//      `support-kit/support-kit/...@vN` is not the major being tagged;
//   2. runs `npm test` (unless --skip-tests) and `npm run build`, and refuses when the rebuilt
//      dist/ differs from the committed one: the tag must point at bundles built from its sources;
//   3. moves the Unreleased entries of CHANGELOG.md under the version, sets the version in
//      package.json (and package-lock.json), commits that as "Release vX.Y.Z";
//   4. tags vX.Y.Z (annotated, with the changelog entries) and moves vX to it (a plain tag,
//      force-updated: GitHub's immutable releases leave the major tag movable);
//   5. prints the push commands, or runs them with --push. Nothing leaves the machine otherwise.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const USAGE =
  'Usage: npm run release -- X.Y.Z [--skip-tests] [--push] [--remote NAME] [--date YYYY-MM-DD]';
const REPO_URL = 'https://github.com/support-kit/support-kit';

class ReleaseError extends Error {}
/** A mistake in how the script was called: exit 2, as the CLI does. */
class UsageError extends ReleaseError {}

function git(args, options = {}) {
  const result = spawnSync('git', args, { cwd: process.cwd(), encoding: 'utf8', ...options });
  if (result.status !== 0 && !options.allowFailure)
    throw new ReleaseError(`git ${args.join(' ')} failed: ${result.stderr.trim()}`);
  return result.status === 0 ? result.stdout.trim() : null;
}

function npm(args) {
  process.stdout.write(`\n$ npm ${args.join(' ')}\n`);
  const result = spawnSync('npm', args, { cwd: process.cwd(), stdio: 'inherit' });
  return result.status === 0;
}

export function parseArgs(argv) {
  const options = { skipTests: false, push: false, remote: 'origin', date: null, version: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--skip-tests') options.skipTests = true;
    else if (arg === '--push') options.push = true;
    else if (arg === '--remote' || arg === '--date') {
      const value = argv[++i];
      if (!value) throw new UsageError(`${arg} needs a value\n${USAGE}`);
      options[arg.slice(2)] = value;
    } else if (!arg.startsWith('-') && options.version === null) options.version = arg;
    else throw new UsageError(`unexpected argument "${arg}"\n${USAGE}`);
  }
  const version = options.version?.replace(/^v/, '');
  if (!version || !/^\d+\.\d+\.\d+$/.test(version))
    throw new UsageError(`give the version as X.Y.Z, not "${options.version ?? ''}"\n${USAGE}`);
  if (options.date && !/^\d{4}-\d{2}-\d{2}$/.test(options.date))
    throw new UsageError(`--date must be YYYY-MM-DD, not "${options.date}"`);
  return { ...options, version };
}

const KIT_REF = /\bsupport-kit\/support-kit(?:\/[^@\s'"]+)?@([^\s'"#]+)/g;

/**
 * Every `support-kit/support-kit[/...]@ref` in the workflows that is not `major`, as
 * "file:line: uses ...@ref". The reusable workflows call the actions by the moving major tag,
 * so a caller pinned to a release's SHA still runs whatever vN points at: a release whose
 * workflows name another major would send its callers to actions of another release line.
 */
export function kitRefsNotOn(root, major) {
  const found = [];
  for (const folder of ['.github/workflows', 'workflows']) {
    if (!existsSync(join(root, folder))) continue;
    for (const name of readdirSync(join(root, folder))
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()) {
      const lines = readFileSync(join(root, folder, name), 'utf8').split('\n');
      lines.forEach((line, i) => {
        const code = line.replace(/(^|\s)#.*$/, '');
        for (const [use, ref] of code.matchAll(KIT_REF))
          if (ref !== major) found.push(`${folder}/${name}:${i + 1}: ${use}`);
      });
    }
  }
  return found;
}

const numbers = (v) => v.split('.').map(Number);
function newer(a, b) {
  const [x, y] = [numbers(a), numbers(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] > y[i];
  return false;
}

/**
 * The changelog with the Unreleased entries moved under `## [version] - date`, and the
 * comparison links at the bottom updated; throws when there is nothing to release.
 */
export function releaseChangelog(text, version, date, previous) {
  const heading = /^## \[Unreleased\][^\n]*\n/m.exec(text);
  if (!heading) throw new ReleaseError('CHANGELOG.md has no "## [Unreleased]" section');
  const bodyStart = heading.index + heading[0].length;
  const next = text.slice(bodyStart).search(/^## \[|^\[[^\]]+\]: /m);
  const bodyEnd = next < 0 ? text.length : bodyStart + next;
  const entries = text.slice(bodyStart, bodyEnd).trim();
  if (!/^\s*[-*] /m.test(entries))
    throw new ReleaseError('the Unreleased section of CHANGELOG.md lists nothing to release');
  let released = `${text.slice(0, bodyStart)}\n## [${version}] - ${date}\n\n${entries}\n\n${text.slice(bodyEnd)}`;
  const compare = previous
    ? `${REPO_URL}/compare/v${previous}...v${version}`
    : `${REPO_URL}/releases/tag/v${version}`;
  const unreleasedLink = /^\[Unreleased\]: .*$/m;
  released = unreleasedLink.test(released)
    ? released.replace(
        unreleasedLink,
        `[Unreleased]: ${REPO_URL}/compare/v${version}...HEAD\n[${version}]: ${compare}`,
      )
    : `${released.trimEnd()}\n\n[Unreleased]: ${REPO_URL}/compare/v${version}...HEAD\n[${version}]: ${compare}\n`;
  return { text: released, entries };
}

function setVersion(root, version) {
  const manifest = join(root, 'package.json');
  writeFileSync(
    manifest,
    readFileSync(manifest, 'utf8').replace(/("version":\s*")[^"]*(")/, `$1${version}$2`),
  );
  const lock = join(root, 'package-lock.json');
  if (existsSync(lock)) {
    const data = JSON.parse(readFileSync(lock, 'utf8'));
    data.version = version;
    if (data.packages?.['']) data.packages[''].version = version;
    writeFileSync(lock, `${JSON.stringify(data, null, 2)}\n`);
  }
}

export function release(argv, log = (line) => process.stdout.write(`${line}\n`)) {
  const options = parseArgs(argv);
  const { version } = options;
  const tag = `v${version}`;
  const major = `v${version.split('.')[0]}`;
  const root = git(['rev-parse', '--show-toplevel']);

  const dirty = git(['status', '--porcelain']);
  if (dirty)
    throw new ReleaseError(`the working tree is not clean; commit or stash first:\n${dirty}`);
  if (git(['rev-parse', '-q', '--verify', `refs/tags/${tag}`], { allowFailure: true }))
    throw new ReleaseError(`${tag} already exists`);
  const previous = (git(['tag', '--list', 'v*.*.*']) ?? '')
    .split('\n')
    .map((t) => t.replace(/^v/, ''))
    .filter((t) => /^\d+\.\d+\.\d+$/.test(t))
    .sort((a, b) => (newer(a, b) ? -1 : newer(b, a) ? 1 : 0))[0];
  if (previous && !newer(version, previous))
    throw new ReleaseError(`${tag} does not come after the latest release v${previous}`);
  const offMajor = kitRefsNotOn(root, major);
  if (offMajor.length > 0)
    throw new ReleaseError(
      `the workflows call support-kit at another ref than ${major}, the major being tagged; change them to @${major} first:\n${offMajor.join('\n')}`,
    );
  const changelogPath = join(root, 'CHANGELOG.md');
  if (!existsSync(changelogPath)) throw new ReleaseError('no CHANGELOG.md');
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  const changelog = releaseChangelog(readFileSync(changelogPath, 'utf8'), version, date, previous);

  if (options.skipTests) log('skipping npm test (--skip-tests)');
  else if (!npm(['test'])) throw new ReleaseError('npm test failed: nothing was released');
  if (!npm(['run', 'build'])) throw new ReleaseError('npm run build failed');
  const stale = git(['status', '--porcelain', '--', 'dist']);
  if (stale)
    throw new ReleaseError(
      `dist/ rebuilt from the sources differs from the committed one; commit the rebuilt dist first:\n${stale}`,
    );

  writeFileSync(changelogPath, changelog.text);
  setVersion(root, version);
  git([
    'add',
    'CHANGELOG.md',
    'package.json',
    ...(existsSync(join(root, 'package-lock.json')) ? ['package-lock.json'] : []),
  ]);
  git(['commit', '--quiet', '-m', `Release ${tag}`]);
  git(['tag', '-a', tag, '-m', `${tag}\n\n${changelog.entries}`]);
  git(['tag', '-f', major, `${tag}^{commit}`]);
  const commit = git(['rev-parse', '--short', 'HEAD']);
  log(`released ${tag} at ${commit}; ${major} now points there too`);

  const push = [
    ['push', options.remote, 'HEAD', `refs/tags/${tag}`],
    ['push', '--force', options.remote, `refs/tags/${major}`],
  ];
  if (options.push) {
    for (const args of push) {
      log(`$ git ${args.join(' ')}`);
      git(args);
    }
    log(`pushed ${tag} and ${major} to ${options.remote}`);
  } else {
    log('nothing was pushed; to publish:');
    for (const args of push) log(`  git ${args.join(' ')}`);
  }
  return { tag, major, commit };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    release(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof ReleaseError)) throw error;
    process.stderr.write(`release: ${error.message}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  }
}
