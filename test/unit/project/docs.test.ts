import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../temp.js';

const root = join(import.meta.dirname, '../../..');
const script = join(root, 'scripts/docs.mjs');

function docs(args: string[]) {
  const result = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of what the docs are generated from, to change without touching the checkout. */
function copyOfSources(): string {
  const dir = tempDir('sk-docs-');
  for (const path of [
    'action.yml',
    'actions',
    '.github/workflows',
    'workflows',
    'config/schema',
    'docs/actions.md',
    'docs/config-reference.md',
  ])
    cpSync(join(root, path), join(dir, path), { recursive: true });
  return dir;
}

function edit(dir: string, path: string, change: (text: string) => string) {
  const text = readFileSync(join(dir, path), 'utf8');
  const changed = change(text);
  expect(changed).not.toBe(text);
  writeFileSync(join(dir, path), changed);
}

describe('generated docs', () => {
  it('docs/actions.md and docs/config-reference.md match action.yml, the workflows and the schemas', () => {
    const result = docs(['--check']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('an input described differently in action.yml makes the check fail, naming the stale page', () => {
    const dir = copyOfSources();
    edit(dir, 'actions/oncall/action.yml', (t) =>
      t.replace('Token for the GitHub API.', 'The token | for the API.'),
    );

    const stale = docs(['--check', '--root', dir]);

    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/out of date: docs\/actions\.md; run node scripts\/docs\.mjs/);
  });

  it('regenerating writes the new description into the table, its pipe escaped', () => {
    const dir = copyOfSources();
    edit(dir, 'actions/oncall/action.yml', (t) =>
      t.replace('Token for the GitHub API.', 'The token | for the API.'),
    );

    expect(docs(['--root', dir]).code).toBe(0);

    const section = readFileSync(join(dir, 'docs/actions.md'), 'utf8').split(
      '### support-kit oncall',
    )[1];
    expect(section).toMatch(/^\| `github-token` \| no \| .* \| The token \\\| for the API\./m);
    expect(docs(['--check', '--root', dir]).code).toBe(0);
  });

  it('a new key in a schema makes the config reference stale until it is regenerated', () => {
    const dir = copyOfSources();
    edit(dir, 'config/schema/intake.schema.json', (t) =>
      t.replace(
        '"junk": {',
        '"quiet-hours": { "type": "boolean", "description": "Say nothing at night." },\n    "junk": {',
      ),
    );

    expect(docs(['--check', '--root', dir]).stderr).toMatch(/docs\/config-reference\.md/);
    docs(['--root', dir]);
    expect(readFileSync(join(dir, 'docs/config-reference.md'), 'utf8')).toContain(
      '| `quiet-hours` | boolean |   | Say nothing at night. |',
    );
  });

  it('every action and every reusable workflow has its section', () => {
    const text = readFileSync(join(root, 'docs/actions.md'), 'utf8');
    for (const name of ['intake', 'labels', 'oncall', 'report', 'escalate', 'validate'])
      expect(text).toContain(`uses: support-kit/support-kit/actions/${name}@v1`);
    for (const name of ['issues', 'schedule', 'validate', 'labels'])
      expect(text).toContain(`uses: support-kit/support-kit/.github/workflows/${name}.yml@v1`);
  });
});

const presetPages = readdirSync(join(root, 'docs/presets')).filter((f) => f.endsWith('.md'));

describe('preset pages', () => {
  it.each(presetPages)(
    'every config line docs/presets/%s points at still holds what the link quotes',
    (page) => {
      const text = readFileSync(join(root, 'docs/presets', page), 'utf8');
      const links = [
        ...text.matchAll(/\[`([^`]+)`\]\(\.\.\/\.\.\/(config\/presets\/[^#)]+)#L(\d+)\)/g),
      ];
      expect(links.length).toBeGreaterThan(5);
      const stale = links.filter(([, quote, path, line]) => {
        const lines = readFileSync(join(root, path ?? ''), 'utf8').split('\n');
        return !lines[Number(line) - 1]?.includes(quote ?? '');
      });
      expect(stale.map(([link]) => link)).toEqual([]);
    },
  );
});

describe('commands the docs tell people to type', () => {
  const pages = [
    'README.md',
    ...readdirSync(join(root, 'docs'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];

  it('never say `npx support-kit` while the package is not on the npm registry', () => {
    const { private: unpublished } = JSON.parse(
      readFileSync(join(root, 'package.json'), 'utf8'),
    ) as { private?: boolean };
    const offending = pages.filter((page) =>
      /npx (?!--yes github:)support-kit\b/.test(readFileSync(join(root, page), 'utf8')),
    );
    expect({ unpublished, offending }).toEqual({ unpublished: true, offending: [] });
  });
});
