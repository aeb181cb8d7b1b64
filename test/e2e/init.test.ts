import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
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

async function supportKit(args: string[], cwd: string) {
  const { exitCode, stdout, stderr } = await runNode([cli, ...args], {
    env: { PATH: process.env.PATH ?? '' },
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

  it('copies the caller workflows and the preset files as they are, pointing editors at the released schemas', async () => {
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
    expect(init.stderr).toMatch(/Usage: support-kit init/);
    expect(filesIn(repo)).toEqual([]);
  });

  it('exits 2 when --dir is not a directory', async () => {
    const repo = await emptyRepo();

    const init = await supportKit(['init', '--dir', join(repo, 'nope')], repo);

    expect(init.code).toBe(2);
    expect(init.stderr).toMatch(/is not a directory/);
  });
});
