import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escalationBody } from '../../../dev/fixtures/escalation.js';
import { lowestNode, node24, projectRoot, runNode } from '../../../dev/harness/run-action.js';

/**
 * The package as npm would install it: `npm pack`, unpacked into an empty folder with no
 * node_modules beside it. The bundles carry their dependencies; the dev tools stay behind.
 */
let dir: string;
let installed: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sk-packed-'));
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', dir], {
      cwd: projectRoot(),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  ) as { filename: string; files: { path: string }[] }[];
  execFileSync('tar', ['-xzf', join(dir, packed!.filename), '-C', dir]);
  installed = join(dir, 'package');
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) =>
  runNode([join(installed, 'dist/cli/index.js'), ...args], {
    env: { PATH: process.env.PATH ?? '' },
    cwd: installed,
  });

describe('the installed package (npm pack)', () => {
  it('ships the bundles, presets and docs, and none of the dev tools or tests', () => {
    const top = readdirSync(installed).sort();
    expect(top).toEqual(
      expect.arrayContaining(['action.yml', 'actions', 'config', 'dist', 'docs']),
    );
    expect(top).not.toContain('dev');
    expect(top).not.toContain('test');
    expect(top).not.toContain('src');
  });

  it('carries no emulator code in any bundle', () => {
    const bundles = readdirSync(join(installed, 'dist'), { recursive: true, encoding: 'utf8' });
    const withEmulator = bundles
      .filter((f) => f.endsWith('.js'))
      .filter((f) =>
        readFileSync(join(installed, 'dist', f), 'utf8').includes('support-kit emulator:'),
      );
    expect(withEmulator).toEqual([]);
  });

  it('says where the demo lives instead of failing on a missing file', async () => {
    const result = await cli('demo');
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('the demo is a development tool');
    expect(result.stderr).toContain('npm ci && npm start');
  });

  it('runs a product command without any node_modules: the on-call preview of a preset', async () => {
    const result = await cli(
      'oncall',
      'preview',
      '--config',
      'config/presets/follow-the-sun',
      '--from',
      '2026-03-23',
      '--days',
      '1',
    );
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('primary: dan (Mon 2026-03-23 08:00-13:00 Europe/Paris)');
  });
});

describe.each([
  ['the lowest Node package.json supports (22)', lowestNode],
  ['Node 24, which the actions run on', node24],
])('the installed CLI under %s', (_name, node) => {
  const run = (cwd: string, ...args: string[]) =>
    runNode([join(installed, 'dist/cli/index.js'), ...args], {
      env: { PATH: process.env.PATH ?? '' },
      cwd,
      node: node(),
    });

  it('sets a desk up, checks it, answers who is on call, drafts holidays, judges an issue and explains the report', async () => {
    // A repository's checkout: init writes into the folder it is given.
    const desk = mkdtempSync(join(dir, 'desk-'));
    const init = await run(dir, 'init', '--preset', 'escalation', '--dir', desk);
    expect([init.exitCode, init.stderr]).toEqual([0, '']);
    expect(existsSync(join(desk, '.github/support-kit/roster.yaml'))).toBe(true);

    const validate = await run(desk, 'validate');
    expect([validate.exitCode, validate.stdout]).toEqual([
      0,
      expect.stringMatching(/file\(s\) valid/),
    ]);

    const who = await run(desk, 'oncall', 'who', '--at', '2026-03-26T03:00+01:00');
    expect(who.stdout).toContain('declared gap "pacific-evening"');
    const preview = await run(desk, 'oncall', 'preview', '--from', '2026-03-23', '--days', '1');
    expect(preview.exitCode).toBe(0);
    const ics = await run(desk, 'oncall', 'ics', '--from', '2026-03-23', '--days', '2');
    expect(ics.stdout).toMatch(/^BEGIN:VCALENDAR/);
    const holidays = await run(
      desk,
      'oncall',
      'holidays',
      '--site',
      'paris',
      '--year',
      '2026',
      '--country',
      'FR',
    );
    expect([holidays.exitCode, holidays.stdout]).toEqual([
      0,
      expect.stringContaining('2026-07-14'),
    ]);

    writeFileSync(join(desk, 'issue.md'), escalationBody());
    const intake = await run(
      desk,
      'intake',
      'check',
      '--body',
      'issue.md',
      '--title',
      '[Escalation]: Engine restarts',
    );
    expect(intake.exitCode).toBe(0);

    const report = await run(desk, 'report', '--help');
    expect([report.exitCode, report.stdout]).toEqual([
      0,
      expect.stringContaining('support-kit report'),
    ]);
  });
});
