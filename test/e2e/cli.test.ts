import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { node24, projectRoot, runNode } from './harness/run-action.js';

const cli = join(projectRoot(), 'dist', 'cli', 'index.js');

async function supportKit(
  args: string[],
  cwd = projectRoot(),
): Promise<{ code: number; stdout: string; stderr: string }> {
  const { exitCode, stdout, stderr } = await runNode([cli, ...args], {
    env: { PATH: process.env.PATH ?? '' },
    cwd,
  });
  return { code: exitCode, stdout, stderr };
}

async function repoWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sk-cli-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

describe('support-kit validate', () => {
  it('exits 0 and says so for a valid config folder', async () => {
    const dir = await repoWith({
      '.github/support-kit/labels.yaml': 'labels:\n  - name: bug\n    color: d73a4a\n',
    });
    const result = await supportKit(['validate'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/1 file\(s\) valid in workspace \.github\/support-kit/);
  });

  it('exits 1 and prints file:line:column for each problem', async () => {
    const dir = await repoWith({
      '.github/support-kit/labels.yaml': 'labels:\n  - name: bug\n    color: 00000g\n',
    });
    const result = await supportKit(['validate'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[0]).toMatch(
      /^\.github\/support-kit\/labels\.yaml:3:12: error: labels\[0\]\.color: must be six hex digits/,
    );
  });

  it('prints machine-readable findings with --json', async () => {
    const dir = await repoWith({ 'cfg/labels.yaml': 'labels: {}\n' });
    const result = await supportKit(['validate', '--config', 'cfg', '--json'], dir);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      valid: false,
      problems: [{ file: 'cfg/labels.yaml', line: 1, column: 9, severity: 'error' }],
    });
  });

  it('exits 2 with the group help on an unknown option', async () => {
    const result = await supportKit(['validate', '--bogus']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Usage: support-kit validate/);
  });
});

describe('support-kit (every group has --help)', () => {
  it.each(['validate', 'emulator', 'demo'])('%s --help exits 0 with its usage', async (group) => {
    const result = await supportKit([group, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: support-kit ${group}`));
  });

  it('exits 2 on an unknown group', async () => {
    const result = await supportKit(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown group "frobnicate"/);
  });
});

describe('support-kit emulator', () => {
  it('prints its URL and serves the seeded repository until stopped', async () => {
    const dir = await repoWith({
      'seed.yaml': 'repos:\n  - owner: acme\n    name: desk\n    labels:\n      - name: bug\n',
    });
    const child = spawn(
      node24(),
      [cli, 'emulator', '--port', '0', '--seed', join(dir, 'seed.yaml')],
      { env: { PATH: process.env.PATH ?? '' } },
    );
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => resolve(d.toString().trim()));
      child.on('error', reject);
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const labels = (await (await fetch(`${url}/repos/acme/desk/labels`)).json()) as {
      name: string;
    }[];
    expect(labels.map((l) => l.name)).toEqual(['bug']);
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

describe('support-kit demo (npm start)', () => {
  it('plays the story through the bundles and tells what happened', async () => {
    const result = await supportKit(['demo']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('annotation error .github/support-kit/labels.yaml:6:12');
    expect(result.stdout).toContain('comment on #2 updated in place');
    expect(result.stdout).toMatch(/Done: 5 events, \d+ API requests in all\./);
  });
});
