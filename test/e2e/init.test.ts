import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../../dev/emulator/index.js';
import { projectRoot, runNode } from '../../dev/harness/run-action.js';
import { tempDir } from '../temp.js';

const cli = join(projectRoot(), 'dist', 'cli', 'index.js');
const presets = join(projectRoot(), 'config', 'presets');
const SEED_PRESETS = [
  'escalation',
  'support-triage',
  'daily-rotation',
  'sev1-playbook',
  'live-incident',
];

async function supportKit(args: string[], cwd: string, env: Record<string, string> = {}) {
  const { exitCode, stdout, stderr } = await runNode([cli, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    cwd,
  });
  return { code: exitCode, stdout, stderr };
}

const emptyRepo = async () => tempDir('sk-init-');

function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe('support-kit init', () => {
  it.each(SEED_PRESETS)(
    'scaffolds the %s preset into an empty repository, and the result passes support-kit validate',
    async (preset) => {
      const repo = await emptyRepo();

      const init = await supportKit(['init', '--preset', preset], repo);

      expect(init.code).toBe(0);
      const forms = readdirSync(join(presets, preset, 'ISSUE_TEMPLATE')).map(
        (f) => `.github/ISSUE_TEMPLATE/${f}`,
      );
      const config = readdirSync(join(presets, preset), { withFileTypes: true })
        .filter((e) => e.isFile() || e.isSymbolicLink())
        .map((e) => `.github/support-kit/${e.name}`);
      const workflows = readdirSync(join(projectRoot(), 'workflows')).map(
        (f) => `.github/workflows/support-kit-${f}`,
      );
      expect(filesIn(repo)).toEqual(
        expect.arrayContaining([...forms, ...config, ...workflows].sort()),
      );
      const validate = await supportKit(['validate'], repo);
      // Warnings are fine: the roster review reads the real clock (a holiday may open a gap).
      expect(validate.stdout).toMatch(
        /file\(s\) valid in workspace \.github\/support-kit( \(\d+ warning\(s\)\))?$/m,
      );
      expect(validate.code).toBe(0);
    },
  );

  it('writes the schedule from the roster, in its sites\u2019 zones and only in the hours a response clock runs', async () => {
    const repo = await emptyRepo();

    await supportKit(['init', '--dir', repo], projectRoot());

    const schedule = parse(
      await readFile(join(repo, '.github/workflows/support-kit-schedule.yml'), 'utf8'),
    ) as { on: { schedule: { cron: string; timezone: string }[] } };
    // SFO 08:00-17:00, and Paris and Cambridge (one hour apart all year) in London time.
    expect(schedule.on.schedule).toEqual([
      { cron: '7 17 * * 1-5', timezone: 'America/Los_Angeles' },
      { cron: '7,37 8-16 * * 1-5', timezone: 'America/Los_Angeles' },
      { cron: '7 17 * * 1-5', timezone: 'Europe/London' },
      { cron: '7,37 7-16 * * 1-5', timezone: 'Europe/London' },
    ]);
  });

  it("runs the report 17 minutes after the hand-off that ends the rotation's week, in its zone, the catch-up named by its cron", async () => {
    const repo = await emptyRepo();

    await supportKit(['init', '--dir', repo], projectRoot());

    const text = await readFile(join(repo, '.github/workflows/support-kit-report.yml'), 'utf8');
    const report = parse(text) as { on: { schedule: { cron: string; timezone: string }[] } };
    // The escalation preset's first layer: Paris, whose rotation turns on Monday at 08:00.
    expect(report.on.schedule).toEqual([
      { cron: '17 8 * * 1', timezone: 'Europe/Paris' },
      { cron: '17 10 * * 1', timezone: 'Europe/Paris' },
    ]);
    expect(text).toContain("catch-up: ${{ github.event.schedule == '17 10 * * 1' }}");
  });

  it("validate warns while the roster still holds the preset's example people, and not once the team replaces them", async () => {
    const repo = await emptyRepo();
    await supportKit(['init', '--preset', 'live-incident'], repo);
    const env = { SUPPORT_KIT_NOW: '2026-12-07T00:00:00Z' };

    const scaffolded = await supportKit(['validate'], repo, env);
    const roster = join(repo, '.github/support-kit/roster.yaml');
    await writeFile(
      roster,
      (await readFile(roster, 'utf8')).replace(/^ {2}# support-kit init: these are.*\n/m, ''),
    );
    const edited = await supportKit(['validate'], repo, env);

    expect(scaffolded.stdout).toMatch(
      /roster\.yaml:\d+:1: warning: people: still the preset's example people/,
    );
    expect(edited.stdout).not.toMatch(/example people/);
    expect([scaffolded.code, edited.code]).toEqual([0, 0]);
  });

  it('copies the preset files as they are and the callers from their templates, pointing editors at the released schemas', async () => {
    const repo = await emptyRepo();

    await supportKit(['init', '--dir', repo], projectRoot());

    expect(await readFile(join(repo, '.github/workflows/support-kit-issues.yml'), 'utf8')).toBe(
      readFileSync(join(projectRoot(), 'workflows/issues.yml'), 'utf8'),
    );
    expect(await readFile(join(repo, '.github/ISSUE_TEMPLATE/escalation.yml'), 'utf8')).toBe(
      readFileSync(join(presets, 'escalation/ISSUE_TEMPLATE/escalation.yml'), 'utf8'),
    );
    expect(await readFile(join(repo, '.github/support-kit/roster.yaml'), 'utf8')).toMatch(
      /^# yaml-language-server: \$schema=https:\/\/raw\.githubusercontent\.com\/support-kit\/support-kit\/v1\/config\/schema\/roster\.schema\.json$/m,
    );
  });

  it('prints the next steps: the roster, the check to require in branch protection', async () => {
    const repo = await emptyRepo();

    const init = await supportKit(['init'], repo);

    expect(init.stdout).toMatch(/Next steps:/);
    expect(init.stdout).toMatch(/Put your team in \.github\/support-kit\/roster\.yaml/);
    expect(init.stdout).toMatch(/require the status check "validate \/ validate"/);
    expect(init.stdout).toMatch(/git add \.github && git commit/);
  });

  it("asks for the PagerDuty routing key only when the preset's config pages", async () => {
    const paging = await supportKit(['init'], await emptyRepo());
    const quiet = await supportKit(['init', '--preset', 'support-triage'], await emptyRepo());

    expect(paging.stdout).toMatch(/Add the repository secret PAGERDUTY_ROUTING_KEY/);
    expect(quiet.stdout).not.toMatch(/secret/i);
  });

  it('refuses to overwrite an existing file, lists it, and writes nothing at all', async () => {
    const repo = await emptyRepo();
    const ours = 'labels:\n  - name: bug\n    color: d73a4a\n';
    await mkdir(join(repo, '.github/support-kit'), { recursive: true });
    await writeFile(join(repo, '.github/support-kit/labels.yaml'), ours);

    const init = await supportKit(['init'], repo);

    expect(init.code).toBe(1);
    expect(init.stderr).toMatch(/1 file\(s\) already exist; nothing was written/);
    expect(init.stderr).toMatch(/^ {2}\.github\/support-kit\/labels\.yaml$/m);
    expect(init.stderr).toMatch(/--force/);
    expect(filesIn(repo)).toEqual(['.github/support-kit/labels.yaml']);
    expect(await readFile(join(repo, '.github/support-kit/labels.yaml'), 'utf8')).toBe(ours);
  });

  it('with --force overwrites existing files and says which', async () => {
    const repo = await emptyRepo();
    await mkdir(join(repo, '.github/support-kit'), { recursive: true });
    await writeFile(join(repo, '.github/support-kit/labels.yaml'), 'labels: []\n');

    const init = await supportKit(['init', '--force', '--preset', 'support-triage'], repo);

    expect(init.code).toBe(0);
    expect(init.stdout).toMatch(/^ {2}overwrote \.github\/support-kit\/labels\.yaml$/m);
    expect(init.stdout).toMatch(/^ {2}created {3}\.github\/support-kit\/intake\.yaml$/m);
    expect(await readFile(join(repo, '.github/support-kit/labels.yaml'), 'utf8')).toBe(
      readFileSync(join(presets, 'support-triage/labels.yaml'), 'utf8'),
    );
  });

  it('exits 2 on an unknown preset, naming the presets there are, and writes nothing', async () => {
    const repo = await emptyRepo();

    const init = await supportKit(['init', '--preset', 'escalations'], repo);

    expect(init.code).toBe(2);
    expect(init.stderr).toMatch(/unknown preset "escalations"; presets: .*escalation/);
    expect(init.stderr).toMatch(/Run `support-kit init --help` for the options\./);
    expect(filesIn(repo)).toEqual([]);
  });

  it('exits 2 when --dir is not a directory', async () => {
    const repo = await emptyRepo();

    const init = await supportKit(['init', '--dir', join(repo, 'nope')], repo);

    expect(init.code).toBe(2);
    expect(init.stderr).toMatch(/is not a directory/);
  });
});

describe('support-kit init --pin', () => {
  const release = `v${(JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string }).version}`;
  const RELEASE_COMMIT = '5e1ea5ed'.repeat(5);
  const MAJOR_COMMIT = 'ba5eba11'.repeat(5);
  let github: Emulator;
  afterEach(async () => github?.close());

  /** GitHub with the kit's repository: the release tag annotated, as the release script tags it. */
  async function kitOnGitHub(tags: boolean) {
    github = await startEmulator({
      seed: { repos: [{ owner: 'support-kit', name: 'support-kit' }] },
    });
    if (tags) {
      github.store.setTag('support-kit/support-kit', release, RELEASE_COMMIT, { message: release });
      github.store.setTag('support-kit/support-kit', 'v1', MAJOR_COMMIT);
    }
    return { GITHUB_API_URL: github.url, GITHUB_TOKEN: 'any-token' };
  }

  it("pins every caller to the commit of this release's tag, the tag in a comment, through its annotated tag", async () => {
    const env = await kitOnGitHub(true);
    const repo = await emptyRepo();

    const unpinned = await emptyRepo();
    await supportKit(['init'], unpinned, env);

    const init = await supportKit(['init', '--pin'], repo, env);

    expect(init.code).toBe(0);
    for (const name of readdirSync(join(projectRoot(), 'workflows'))) {
      const template = await readFile(
        join(unpinned, '.github/workflows', `support-kit-${name}`),
        'utf8',
      );
      const written = await readFile(
        join(repo, '.github/workflows', `support-kit-${name}`),
        'utf8',
      );
      expect(written).toBe(
        template.replace(
          /(uses: support-kit\/support-kit\/\.github\/workflows\/[\w.-]+)@v1$/m,
          `$1@${RELEASE_COMMIT} # ${release}`,
        ),
      );
      expect(written).not.toMatch(/@v1\b(?! #)/);
    }
    expect(init.stdout).toMatch(
      `the callers use support-kit ${release} by its commit, ${RELEASE_COMMIT}`,
    );
    expect(init.stdout).toMatch(/\.github\/dependabot\.yml .*"github-actions"/);
    expect(github.requests.map((r) => `${r.route} ${r.status}`)).toEqual([
      'GET /repos/{owner}/{repo}/git/ref/{ref} 200',
      'GET /repos/{owner}/{repo}/git/tags/{tag_sha} 200',
    ]);
  });

  it('exits 1 naming the tag when the kit has no tag for this release, and writes nothing', async () => {
    const env = await kitOnGitHub(false);
    const repo = await emptyRepo();

    const init = await supportKit(['init', '--pin'], repo, env);

    expect(init.code).toBe(1);
    expect(init.stderr).toMatch(`support-kit/support-kit has no tag ${release}`);
    expect(filesIn(repo)).toEqual([]);
    expect(github.requests.map((r) => `${r.route} ${r.status}`)).toEqual([
      'GET /repos/{owner}/{repo}/git/ref/{ref} 404',
    ]);
  });

  it('exits 2 without GITHUB_TOKEN, saying how to give one, and asks GitHub nothing', async () => {
    await kitOnGitHub(true);
    const repo = await emptyRepo();

    const init = await supportKit(['init', '--pin'], repo, { GITHUB_API_URL: github.url });

    expect(init.code).toBe(2);
    expect(init.stderr).toMatch(/--pin looks up the commit of .* set GITHUB_TOKEN/);
    expect(filesIn(repo)).toEqual([]);
    expect(github.requests).toEqual([]);
  });
});
