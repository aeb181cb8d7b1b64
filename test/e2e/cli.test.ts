import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escalationBody, presetFiles } from '../../dev/fixtures/escalation.js';
import { REPO, startDesk } from '../../dev/harness/desk.js';
import { node24, projectRoot, runNode } from '../../dev/harness/run-action.js';
import { tempDir } from '../temp.js';

const cli = join(projectRoot(), 'dist', 'cli', 'index.js');

async function supportKit(
  args: string[],
  cwd = projectRoot(),
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const { exitCode, stdout, stderr } = await runNode([cli, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    cwd,
  });
  return { code: exitCode, stdout, stderr };
}

async function repoWith(files: Record<string, string>): Promise<string> {
  const dir = tempDir('sk-cli-');
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

  it('checks the issue forms in .github/ISSUE_TEMPLATE and points at the broken line', async () => {
    const dir = await repoWith({
      '.github/support-kit/labels.yaml': 'labels:\n  - name: bug\n    color: d73a4a\n',
      '.github/ISSUE_TEMPLATE/problem.yml':
        'name: Problem\ndescription: It broke.\nbody:\n  - type: inputx\n    attributes: { label: Version }\n',
    });
    const result = await supportKit(['validate'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[0]).toMatch(
      /^\.github\/ISSUE_TEMPLATE\/problem\.yml:4:11: error: body\[0\]\.type: must be one of/,
    );
  });

  it('reads a config folder given as an absolute path', async () => {
    const dir = await repoWith({
      '.github/support-kit/labels.yaml': 'labels:\n  - name: bug\n    color: d73a4a\n',
    });
    const elsewhere = await repoWith({});
    const result = await supportKit(
      ['validate', '--config', join(dir, '.github/support-kit')],
      elsewhere,
    );
    expect(result.stdout).toContain(
      `1 file(s) valid in workspace ${join(dir, '.github/support-kit')}`,
    );
    expect(result.code).toBe(0);
  });

  it('reviews the roster for the next 14 days without a base, and says what only a pull request checks', async () => {
    const roster = readFileSync(
      join(projectRoot(), 'test/unit/fixtures/roster/follow-the-sun.yaml'),
      'utf8',
    );
    const dir = await repoWith({ '.github/support-kit/roster.yaml': roster });
    const result = await supportKit(['validate'], dir, { SUPPORT_KIT_NOW: '2026-11-23T00:00:00Z' });
    const line = roster.split('\n').indexOf('  follow-the-sun:') + 1;
    expect(result.stdout.split('\n')[0]).toBe(
      `.github/support-kit/roster.yaml:${line}:3: warning: schedules.follow-the-sun: nobody is on call and no gap is declared in the next 14 days: Thu 2026-11-26 08:00-16:00 America/Los_Angeles (layer sfo is closed for Thanksgiving, 2026-11-26); Fri 2026-11-27 08:00-16:00 America/Los_Angeles (layer sfo is closed for Day after Thanksgiving, 2026-11-27). Declare the gap under gaps, or cover it with a layer or an override`,
    );
    expect(result.stdout).toContain(
      'roster reviewed for the next 14 days (overlapping overrides, undeclared gaps, role collisions); the past a change would rewrite and whether GitHub can assign each person are checked on pull requests',
    );
    expect(result.code).toBe(0);
  });

  it('exits 2 on an unknown option with one line to fix it and where the options are, not the whole help', async () => {
    const result = await supportKit(['validate', '--bogus']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "support-kit validate: Unknown option '--bogus'\nRun `support-kit validate --help` for the options.\n",
    );
  });

  it('ends quietly when the reader of its output stops early (| head)', async () => {
    const child = spawn(
      node24(),
      [
        cli,
        'oncall',
        'preview',
        '--config',
        'config/presets/escalation/roster.yaml',
        '--from',
        '2026-12-07',
        '--days',
        // Three years of shifts: more than a pipe holds, so the writes outlive the reader.
        '1000',
      ],
      {
        cwd: projectRoot(),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
});

describe('support-kit usage errors', () => {
  it('labels plan without GITHUB_TOKEN exits 2 saying how to set it, not the library\u2019s words', async () => {
    const dir = await repoWith({ 'labels.yaml': 'labels: []\n' });
    const result = await supportKit(
      ['labels', 'plan', '--repo', REPO, '--config', 'labels.yaml'],
      dir,
    );
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      'support-kit labels: set GITHUB_TOKEN to a token that can read the repository (GITHUB_TOKEN=$(gh auth token) works)',
    );
    expect(result.stderr).not.toMatch(/opts\.auth/);
  });

  it('a --config that does not exist exits 2 naming it, instead of running on the defaults', async () => {
    const dir = await repoWith({});
    const result = await supportKit(
      ['report', '--repo', REPO, '--config', 'no-such-folder', '--dry-run'],
      dir,
      { GITHUB_TOKEN: 'x', GITHUB_API_URL: 'http://127.0.0.1:9' },
    );
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toMatch(
      /^support-kit report: --config no-such-folder: no such file or folder \(from .*\)$/,
    );
  });

  it.each([
    ['validate', ['validate']],
    ['oncall', ['oncall', 'who']],
    ['oncall', ['oncall', 'preview']],
    ['oncall', ['oncall', 'ics']],
  ])('%s: a --config that does not exist exits 2 too (%j)', async (group, args) => {
    const result = await supportKit([...args, '--config', 'no-such-folder'], await repoWith({}));
    expect([result.code, result.stderr.split('\n')[0]]).toEqual([
      2,
      expect.stringMatching(
        new RegExp(`^support-kit ${group}: --config no-such-folder: no such file or folder`),
      ),
    ]);
  });
});

describe('support-kit labels', () => {
  const yaml = 'labels:\n  - name: S1-broken\n    color: d93f0b\n    aliases: [sev1]\n';

  it('plans, applies and then finds the repository in sync', async () => {
    const emulator = await startDesk();
    try {
      emulator.store.createLabel(REPO, { name: 'sev1', color: 'ff0000' });
      const dir = await repoWith({ 'labels.yaml': yaml });
      const env = {
        GITHUB_API_URL: emulator.url,
        GITHUB_TOKEN: 'test',
        SUPPORT_KIT_WRITE_INTERVAL_MS: '0',
      };

      const plan = await supportKit(
        ['labels', 'plan', '--repo', REPO, '--config', 'labels.yaml'],
        dir,
        env,
      );
      expect(plan.code).toBe(0);
      expect(plan.stdout).toMatch(/acme\/desk: 1 change\(s\)/);
      expect(plan.stdout).toMatch(/dry-run\s+"sev1" rename to "S1-broken"/);
      expect(emulator.store.findLabel(REPO, 'sev1')).toBeDefined();

      const check = await supportKit(
        ['labels', 'check', '--repo', REPO, '--config', 'labels.yaml', '--json'],
        dir,
        env,
      );
      expect(check.code).toBe(1);
      expect(JSON.parse(check.stdout).failures).toEqual([
        expect.stringMatching(/^drift: acme\/desk has 1 label change/),
      ]);

      const apply = await supportKit(
        ['labels', 'apply', '--repo', REPO, '--config', 'labels.yaml'],
        dir,
        env,
      );
      expect(apply.code).toBe(0);
      // Renamed in place; GitHub's default labels stay (prune is off).
      expect(emulator.store.repo(REPO).labels.map((l) => l.name)).toContain('S1-broken');
      expect(emulator.store.findLabel(REPO, 'sev1')).toBeUndefined();

      emulator.resetRequests();
      const again = await supportKit(
        ['labels', 'check', '--repo', REPO, '--config', 'labels.yaml'],
        dir,
        env,
      );
      expect(again.code).toBe(0);
      expect(emulator.requests.map((r) => r.route)).toEqual(['GET /repos/{owner}/{repo}/labels']);
    } finally {
      await emulator.close();
    }
  });

  it('exits 2 without --repo or with an unknown command', async () => {
    expect((await supportKit(['labels', 'plan'])).code).toBe(2);
    expect((await supportKit(['labels', 'sync', '--repo', 'a/b'])).stderr).toMatch(
      /expected one of plan, apply, check/,
    );
  });
});

describe('support-kit intake check', () => {
  const preset = [
    '--config',
    'config/presets/escalation',
    '--templates',
    'config/presets/escalation/ISSUE_TEMPLATE',
  ];

  it('exits 2 naming where it looked when it finds no issue template, instead of answering complete', async () => {
    const dir = await repoWith({ 'issue.md': escalationBody() });
    const result = await supportKit([
      'intake',
      'check',
      '--body',
      join(dir, 'issue.md'),
      '--config',
      'config/presets/escalation',
    ]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /no issue template found in \.github\/ISSUE_TEMPLATE .*; point --templates at the folder that holds them/,
    );
  });

  it('says what is missing and exits 1 for an incomplete issue', async () => {
    const dir = await repoWith({
      'issue.md': escalationBody({ Logs: '_No response_', Severity: 'tbd' }),
    });
    const result = await supportKit([
      'intake',
      'check',
      '--body',
      join(dir, 'issue.md'),
      '--title',
      '[Escalation]: Engine restarts on upgrade',
      '--json',
      ...preset,
    ]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      complete: false,
      template: 'escalation',
      missing: [{ field: 'Severity' }, { field: 'Logs' }],
      labels: expect.arrayContaining(['bug', 'area/engine']),
    });
  });

  it("exits 0 for a complete issue given as GitHub's issue JSON", async () => {
    const dir = await repoWith({
      'issue.json': JSON.stringify({
        number: 7,
        title: '[Escalation]: Engine restarts on upgrade',
        body: escalationBody(),
        labels: [{ name: 'escalation' }],
        user: { login: 'x' },
      }),
    });
    const result = await supportKit([
      'intake',
      'check',
      '--issue',
      join(dir, 'issue.json'),
      ...preset,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^complete \(template escalation\)/);
    expect(result.stdout).toMatch(/labels: S1-broken/);
  });

  it('judges an issue against the issue forms of the checkout --config is in, run from another folder', async () => {
    const files = presetFiles(projectRoot(), 'escalation');
    const desk = await repoWith({
      '.git/HEAD': 'ref: refs/heads/main\n',
      ...files,
      'issue.md': escalationBody(),
    });
    const elsewhere = await repoWith({});

    const result = await supportKit(
      [
        'intake',
        'check',
        '--body',
        join(desk, 'issue.md'),
        '--title',
        '[Escalation]: Engine restarts on upgrade',
        '--config',
        join(desk, '.github/support-kit'),
      ],
      elsewhere,
    );

    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toMatch(/^complete \(template escalation\)/);
  });

  it('exits 2 when neither --issue nor --body is given', async () => {
    const result = await supportKit(['intake', 'check']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/exactly one of --issue/);
  });
});

describe('support-kit oncall load', () => {
  const roster = ['--config', 'test/unit/fixtures/roster/live-incident.yaml'];

  it("with --repo, counts each person's issues from the repository's history in two GraphQL requests", async () => {
    const emulator = await startDesk();
    try {
      // Tuesday 24 November, luc's week: an incident goes to luc, then a step gives it to amy.
      emulator.setClock('2026-11-24T17:00:00Z');
      const { number } = emulator.store.createIssue(REPO, {
        title: 'Viewer hangs',
        user: 'customer-eng',
        labels: ['incident'],
      });
      emulator.store.addAssignees(REPO, number, ['luc']);
      emulator.setClock('2026-11-24T18:01:00Z');
      emulator.store.addLabels(REPO, number, ['escalated/1']);
      emulator.store.addAssignees(REPO, number, ['amy']);
      emulator.requests.length = 0;

      const result = await supportKit(
        [
          'oncall',
          'load',
          ...roster,
          '--repo',
          REPO,
          '--from',
          '2026-11-23T08:00-08:00',
          '--to',
          '2026-11-25T08:00-08:00',
        ],
        projectRoot(),
        { GITHUB_API_URL: emulator.url, GITHUB_TOKEN: 'test' },
      );

      expect(result.code).toBe(0);
      expect(result.stdout.split('\n').filter((l) => /^ {2}(luc|amy) /.test(l))).toEqual([
        '  luc          44       0     44         31        0        0       1        0         0',
        '  amy           4       0      4          1        0        0       1        1         0  fewest',
      ]);
      expect(emulator.requests.map((r) => r.route)).toEqual(['POST /graphql', 'POST /graphql']);
    } finally {
      await emulator.close();
    }
  });

  it("prints each person's hours per role and off-hours over a period, the most and the fewest marked", async () => {
    const result = await supportKit([
      'oncall',
      'load',
      ...roster,
      '--from',
      '2026-11-23T08:00-08:00',
      '--to',
      '2026-11-24T08:00-08:00',
    ]);

    // Monday: luc's turn, amy covering 14:00-18:00, ivy the backup; business hours 8-12, 1-5.
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n').slice(1)).toEqual([
      '  person  primary  backup  total  off-hours  weekend  holiday',
      '  ivy           0      24     24         16        0        0  most',
      '  luc          20       0     20         15        0        0',
      '  amy           4       0      4          1        0        0  fewest',
    ]);
  });

  it('answers the quarter to date in the documented JSON, and refuses a period that ends before it begins', async () => {
    const json = await supportKit(['oncall', 'load', ...roster, '--json'], projectRoot(), {
      SUPPORT_KIT_NOW: '2026-11-20T00:00:00Z',
    });
    const backwards = await supportKit([
      'oncall',
      'load',
      ...roster,
      '--from',
      '2026-11-20',
      '--to',
      '2026-11-01',
    ]);

    expect(JSON.parse(json.stdout)).toMatchObject({
      from: '2026-10-01T00:00:00.000Z',
      to: '2026-11-20T00:00:00.000Z',
      loads: expect.arrayContaining([
        expect.objectContaining({
          login: 'amy',
          roles: expect.objectContaining({ primary: expect.any(Number) }),
        }),
      ]),
    });
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toContain('--to must come after --from');
  });
});

describe('support-kit oncall who', () => {
  const roster = ['--config', 'test/unit/fixtures/roster/follow-the-sun.yaml'];

  it('answers who holds each role at an instant, in the documented JSON', async () => {
    const result = await supportKit([
      'oncall',
      'who',
      ...roster,
      '--at',
      '2026-11-24T10:00+01:00',
      '--json',
    ]);
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout);
    expect(answer.at).toBe('2026-11-24T10:00:00.000+01:00');
    expect(answer.assignments).toEqual([
      expect.objectContaining({
        schedule: 'follow-the-sun',
        role: 'primary',
        login: expect.any(String),
        until: expect.any(String),
        reason: expect.any(String),
      }),
    ]);
  });

  it('says nobody, until when and who then, in the declared 5-11 PM Pacific gap', async () => {
    const result = await supportKit([
      'oncall',
      'who',
      ...roster,
      '--at',
      '2026-11-23T18:30-08:00',
      '--json',
    ]);
    const [assignment] = JSON.parse(result.stdout).assignments;
    expect(assignment).toMatchObject({
      login: null,
      reason: expect.stringMatching(/declared gap "pacific-evening"/),
    });
    expect(assignment.until).not.toBeNull();
  });

  it('refuses an instant without an offset', async () => {
    const result = await supportKit(['oncall', 'who', ...roster, '--at', '2026-11-24T10:00']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/needs an offset or Z/);
  });

  it('points at the line of a bad roster and exits 1', async () => {
    const dir = await repoWith({
      'roster.yaml': 'version: 1\nsites:\n  sfo:\n    timezone: PST\n',
    });
    const result = await supportKit(['oncall', 'who', '--config', 'roster.yaml'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/roster\.yaml:4:15: error: sites\.sfo\.timezone/);
  });
});

describe('support-kit (every group has --help)', () => {
  it.each(['validate', 'intake', 'labels', 'oncall', 'report'])(
    '%s --help exits 0 with its usage',
    async (group) => {
      const result = await supportKit([group, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: support-kit ${group}`));
    },
  );

  it.each([
    ['demo', 'npm start'],
    ['emulator', 'npm run emulator'],
  ])(
    '%s, a development tool, hands over to dev/ in a clone and shows its usage',
    async (group, usage) => {
      const result = await supportKit([group, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: ${usage} --`));
    },
  );

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
      { env: { PATH: process.env.PATH ?? '', TMPDIR: tmpdir() } },
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
  it('--week says so when a preset has no scenario week, and plays nothing', async () => {
    const result = await supportKit(['demo', '--preset', 'follow-the-sun', '--week']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'the follow-the-sun preset has no scenario week (test/e2e/scenario-follow-the-sun.test.ts)',
    );
  });

  it('--week tells the scenario week as what people saw, without colour in a pipe', async () => {
    const result = await supportKit(['demo', '--preset', 'sev1-playbook', '--week']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Mon 10:00 Toronto: the outage is labelled, goes to sam (primary), and the Sev 1 checklist is posted',
    );
    expect(result.stdout).toMatch(
      /issues\.yml \(\d+ API requests, \d+ writes\): #1: .*assigned sam/,
    );
    expect(result.stdout).toMatch(/^\d+ moments, \d+ as expected\.$/m);
    expect(result.stdout).not.toContain('\u001b[');
  });
});

describe('support-kit cost', () => {
  it('prices a month of the desk through its own callers and what init writes at each tick', async () => {
    const repo = await repoWith({});
    await supportKit(['init', '--preset', 'live-incident'], repo);

    const result = await supportKit(['cost'], repo, { SUPPORT_KIT_NOW: '2026-03-02T00:00:00Z' });

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('A 30-day month from 2026-03-02: 50 issues a week');
    const own = Number(
      /Your callers .*: ([\d,]+) minutes a month/.exec(result.stdout)?.[1]?.replace(/,/g, ''),
    );
    const ticks = [15, 30, 60].map((t) =>
      Number(
        new RegExp(`--tick ${t}\\s+([\\d,]+) minutes`).exec(result.stdout)?.[1]?.replace(/,/g, ''),
      ),
    );
    // init wrote the --tick 30 callers: the committed ones cost the same.
    expect(own).toBe(ticks[1]);
    expect(ticks).toEqual([...ticks].sort((a, b) => b - a));
    expect(own).toBeLessThanOrEqual(1000);
  });

  it('exits 2 on a load that is not a number', async () => {
    const result = await supportKit(['cost', '--issues-per-week', 'many'], await repoWith({}));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--issues-per-week must be a whole number, not "many"');
  });
});

describe('support-kit validate --config elsewhere', () => {
  it("reads the issue templates of the repository the config folder is in, not the current folder's", async () => {
    const repo = await repoWith({});
    await supportKit(['init'], repo);
    const elsewhere = await repoWith({});

    const result = await supportKit(
      ['validate', '--config', join(repo, '.github/support-kit')],
      elsewhere,
      { SUPPORT_KIT_NOW: '2026-12-07T00:00:00Z' },
    );

    expect(result.stdout).toContain(
      'issue templates checked in .github/ISSUE_TEMPLATE: escalation.yml',
    );
    expect(result.stdout).not.toMatch(/error/);
    expect(result.code).toBe(0);
  });
});
