import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../temp.js';

const script = join(import.meta.dirname, '../../../scripts/release.mjs');

const CHANGELOG = `# Changelog

All notable changes to this project are documented in this file.

## [Unreleased]

### Added

- On-call assignment from roster.yaml.

[Unreleased]: https://github.com/support-kit/support-kit/commits/main
`;

/** `npm test` and `npm run build` of the repository under release, as shell-free node one-liners. */
const BUILD = `require('fs').mkdirSync('dist',{recursive:true});require('fs').writeFileSync('dist/index.js',require('fs').readFileSync('src.js','utf8'))`;

interface Repo {
  dir: string;
  remote: string;
  git: (...args: string[]) => string;
  release: (...args: string[]) => { code: number | null; stdout: string; stderr: string };
  write: (path: string, text: string) => void;
}

function repository(options: { testsPass?: boolean } = {}): Repo {
  const base = tempDir('sk-release-');
  const dir = join(base, 'work');
  const remote = join(base, 'remote.git');
  mkdirSync(dir);
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: base,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Release Test',
    GIT_AUTHOR_EMAIL: 'release@example.com',
    GIT_COMMITTER_NAME: 'Release Test',
    GIT_COMMITTER_EMAIL: 'release@example.com',
  };
  const run = (cmd: string, args: string[], cwd = dir) => {
    const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const git = (...args: string[]) => {
    const r = run('git', args);
    if (r.code !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
  };
  const write = (path: string, text: string) => writeFileSync(join(dir, path), text);

  run('git', ['init', '--bare', '--quiet', remote], base);
  git('init', '--quiet', '--initial-branch=main');
  write(
    'package.json',
    `${JSON.stringify(
      {
        name: 'kit',
        version: '0.1.0',
        private: true,
        scripts: {
          test: `node -e "process.exit(${options.testsPass === false ? 1 : 0})"`,
          build: `node -e "${BUILD}"`,
        },
      },
      null,
      2,
    )}\n`,
  );
  write('CHANGELOG.md', CHANGELOG);
  write('src.js', 'export const answer = 42;\n');
  mkdirSync(join(dir, 'dist'));
  write('dist/index.js', 'export const answer = 42;\n');
  git('add', '.');
  git('commit', '--quiet', '-m', 'Initial');
  git('remote', 'add', 'origin', remote);
  return {
    dir,
    remote,
    git,
    write,
    release: (...args) => run(process.execPath, [script, ...args]),
  };
}

const tagsOf = (repo: Repo, where = repo.dir) =>
  spawnSync('git', ['tag', '--list'], { cwd: where, encoding: 'utf8' }).stdout.trim().split('\n');

// Each release runs git and npm a dozen times: seconds, not milliseconds.
describe('scripts/release.mjs', { timeout: 30_000 }, () => {
  it('tags vX.Y.Z and points vX at the same commit, without pushing anything', () => {
    const repo = repository();

    const result = repo.release('1.0.0', '--date', '2026-11-23');

    expect(result.stderr).not.toMatch(/release:/);
    expect(result.code).toBe(0);
    expect(repo.git('rev-parse', 'v1.0.0^{commit}')).toBe(repo.git('rev-parse', 'HEAD'));
    expect(repo.git('rev-parse', 'v1^{commit}')).toBe(repo.git('rev-parse', 'HEAD'));
    expect(repo.git('cat-file', '-t', 'v1.0.0')).toBe('tag');
    expect(repo.git('log', '-1', '--format=%s')).toBe('Release v1.0.0');
    expect(result.stdout).toContain('git push origin HEAD refs/tags/v1.0.0');
    expect(result.stdout).toContain('git push --force origin refs/tags/v1');
    expect(tagsOf(repo, repo.remote)).toEqual(['']);
  });

  it("moves the changelog's Unreleased entries under the version and sets package.json's version", () => {
    const repo = repository();

    repo.release('1.0.0', '--date', '2026-11-23');

    const changelog = readFileSync(join(repo.dir, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(
      /## \[Unreleased\]\n\n## \[1\.0\.0\] - 2026-11-23\n\n### Added\n\n- On-call assignment from roster\.yaml\.\n/,
    );
    expect(changelog).toContain(
      '[1.0.0]: https://github.com/support-kit/support-kit/releases/tag/v1.0.0',
    );
    expect(JSON.parse(readFileSync(join(repo.dir, 'package.json'), 'utf8')).version).toBe('1.0.0');
    expect(repo.git('tag', '-l', '--format=%(contents)', 'v1.0.0')).toContain(
      '- On-call assignment from roster.yaml.',
    );
  });

  it('a later release moves the major tag forward and leaves the earlier release where it was', () => {
    const repo = repository();
    repo.release('1.0.0', '--date', '2026-11-23');
    const first = repo.git('rev-parse', 'v1.0.0^{commit}');
    repo.write(
      'CHANGELOG.md',
      readFileSync(join(repo.dir, 'CHANGELOG.md'), 'utf8').replace(
        '## [Unreleased]\n',
        '## [Unreleased]\n\n### Fixed\n\n- Hand-off after a dropped cron run.\n',
      ),
    );
    repo.git('commit', '--quiet', '-am', 'Fix');

    const result = repo.release('1.0.1', '--date', '2026-11-30');

    expect(result.code).toBe(0);
    expect(repo.git('rev-parse', 'v1.0.0^{commit}')).toBe(first);
    expect(repo.git('rev-parse', 'v1^{commit}')).toBe(repo.git('rev-parse', 'v1.0.1^{commit}'));
    expect(readFileSync(join(repo.dir, 'CHANGELOG.md'), 'utf8')).toContain(
      '[1.0.1]: https://github.com/support-kit/support-kit/compare/v1.0.0...v1.0.1',
    );
  });

  it('with --push publishes the version tag and the moved major tag', () => {
    const repo = repository();

    const result = repo.release('1.0.0', '--push', '--date', '2026-11-23');

    expect(result.code).toBe(0);
    expect(tagsOf(repo, repo.remote).sort()).toEqual(['v1', 'v1.0.0']);
  });

  it('refuses a dirty working tree and names the file', () => {
    const repo = repository();
    repo.write('src.js', 'export const answer = 43;\n');

    const result = repo.release('1.0.0');

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/working tree is not clean[\s\S]*src\.js/);
    expect(tagsOf(repo)).toEqual(['']);
  });

  it('refuses when the rebuilt dist differs from the committed one', () => {
    const repo = repository();
    repo.write('src.js', 'export const answer = 43;\n');
    repo.git('commit', '--quiet', '-am', 'Change the source, forget the bundle');

    const result = repo.release('1.0.0');

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/dist\/ rebuilt from the sources differs[\s\S]*dist\/index\.js/);
    expect(tagsOf(repo)).toEqual(['']);
  });

  it('refuses when npm test fails, unless --skip-tests', () => {
    const repo = repository({ testsPass: false });

    expect(repo.release('1.0.0').stderr).toMatch(/npm test failed: nothing was released/);
    expect(tagsOf(repo)).toEqual(['']);
    expect(repo.release('1.0.0', '--skip-tests').code).toBe(0);
    expect(tagsOf(repo).sort()).toEqual(['v1', 'v1.0.0']);
  });

  it('refuses a version that does not come after the latest release, and an empty changelog', () => {
    const repo = repository();
    repo.release('1.2.0', '--date', '2026-11-23');

    expect(repo.release('1.1.9').stderr).toMatch(/v1\.1\.9 does not come after .*v1\.2\.0/);
    expect(repo.release('1.2.0').stderr).toMatch(/v1\.2\.0 already exists/);
    expect(repo.release('1.3.0').stderr).toMatch(/Unreleased section .* lists nothing/);
  });

  it("refuses a major whose workflows still call support-kit's actions at another major, naming the lines", () => {
    const repo = repository();
    mkdirSync(join(repo.dir, '.github/workflows'), { recursive: true });
    repo.write(
      '.github/workflows/issues.yml',
      [
        'jobs:',
        '  desk:',
        '    steps:',
        '      # - uses: support-kit/support-kit/actions/oncall@v0   (a comment does not count)',
        '      - uses: support-kit/support-kit/actions/intake@v1',
        '      - uses: support-kit/support-kit@v1',
        '',
      ].join('\n'),
    );
    repo.git('add', '.');
    repo.git('commit', '--quiet', '-m', 'Workflows');

    const result = repo.release('2.0.0', '--skip-tests');

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'the workflows call support-kit at another ref than v2, the major being tagged',
    );
    expect(result.stderr).toMatch(
      /^\.github\/workflows\/issues\.yml:5: support-kit\/support-kit\/actions\/intake@v1$/m,
    );
    expect(result.stderr).toMatch(
      /^\.github\/workflows\/issues\.yml:6: support-kit\/support-kit@v1$/m,
    );
    expect(result.stderr).not.toContain('oncall@v0');
    expect(tagsOf(repo)).toEqual(['']);
    expect(repo.release('1.0.0', '--skip-tests').code).toBe(0);
  });

  it('exits 2 on a malformed version', () => {
    const repo = repository();

    const result = repo.release('1.2');

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/give the version as X\.Y\.Z, not "1\.2"/);
  });
});
