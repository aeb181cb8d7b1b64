import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../../src/config/load.js';
import type { Services } from '../../../src/host/compose.js';
import type { CapabilityEntries, Job } from '../../../src/job/contract.js';
import type { Capability } from '../../../src/job/triggers.js';
import { LABELS_FILE } from '../../../src/labels/config/spec.js';
import { labelsJob } from '../../../src/labels/job.js';
import { emptyPlan, type Operation, type Plan } from '../../../src/kernel/plan.js';
import type { RunnerEvent } from '../../../src/kernel/event.js';
import { validateJob } from '../../../src/validate/job.js';
import { CONFIG, event } from '../fakes/context.js';
import { FakeGitHub, fakeIssue, httpError } from '../fakes/github.js';
import { fakeNotifier } from '../fakes/notifier.js';

const core = await vi.hoisted(async () => (await import('../fakes/core.js')).fakeCore());
vi.mock('@actions/core', () => core.module);

/** The composition root hands out the fake gateway instead of building Octokit. */
const wiring = vi.hoisted(() => ({ services: undefined as Services | undefined }));
vi.mock('../../../src/host/compose.js', async (original) => ({
  ...(await original<object>()),
  composeServices: async () => wiring.services,
}));

const TOKEN = { 'github-token': 'ghs_token' };
const BAD_COLOR = 'labels:\n  - name: S1-broken\n    color: red\n';
const GOOD = 'labels:\n  - name: S1-broken\n    color: d93f0b\n';
const dispatch = event('workflow_dispatch');

let github: FakeGitHub;

/** A desk with issue #1, and the run's environment as a runner sets it, without a checkout. */
function desk(files: Record<string, string> = {}, inputs: Record<string, string> = TOKEN) {
  github = new FakeGitHub({ files, issues: [fakeIssue({ number: 1 }), fakeIssue({ number: 2 })] });
  wiring.services = {
    gateway: github.gateway,
    notifier: fakeNotifier(),
    connect: async (_token, repo) => github.gatewayOn(repo),
  };
  core.reset(inputs);
}

beforeEach(() => {
  vi.stubEnv('GITHUB_REPOSITORY', 'acme/desk');
  vi.stubEnv('GITHUB_WORKSPACE', '');
  vi.stubEnv('GITHUB_SHA', '');
  vi.stubEnv('SUPPORT_KIT_NOW', '2026-11-24T09:00:00Z');
  desk();
});
afterEach(() => vi.unstubAllEnvs());

/** action.ts remembers the problems it annotated: each test gets a fresh module. */
async function run(
  jobs: Partial<Record<Capability, Job>>,
  e: RunnerEvent = dispatch,
  routed = Object.keys(jobs).length > 1,
): Promise<void> {
  vi.resetModules();
  const { runCapabilities } = await import('../../../src/host/action.js');
  const entries: CapabilityEntries = {};
  for (const [name, job] of Object.entries(jobs))
    entries[name as Capability] = { events: [{ event: e.name }], load: async () => job };
  await runCapabilities(Object.keys(jobs) as Capability[], e, { routed, entries });
}

/** A job that plans `operations` on acme/desk, with a clean config. */
const planning =
  (...operations: Operation[]): Job =>
  async (context) => ({
    config: { source: context.source.description, files: [], problems: [] },
    plans: [{ ...emptyPlan('intake', context.repo), operations }],
  });
const label = (issue = 1): Operation => ({
  kind: 'add-labels',
  issue,
  labels: ['bug'],
  reason: 'test',
});
const comment: Operation = {
  kind: 'upsert-comment',
  issue: 1,
  marker: { kind: 'test', keys: {} },
  body: 'hello',
  reason: 'test',
};

describe('runCapabilities: inputs and environment', () => {
  it('fails clearly when the github-token input is empty, before loading any job', async () => {
    desk({}, {});
    const job = vi.fn(planning());

    await run({ intake: job });

    expect(core.record.failures).toEqual([
      'support-kit: the github-token input is empty; pass ${{ github.token }} or a token with issues: write',
    ]);
    expect(job).not.toHaveBeenCalled();
  });

  it('fails on a dry-run input that is neither true nor false', async () => {
    desk({}, { ...TOKEN, 'dry-run': 'yes' });

    await run({ intake: planning(label()) });

    expect(core.record.failures).toEqual([
      'support-kit: the dry-run input must be true or false, not "yes"',
    ]);
    expect(github.methods('writes')).toEqual([]);
  });

  it('fails when GITHUB_REPOSITORY is not owner/name', async () => {
    vi.stubEnv('GITHUB_REPOSITORY', 'desk');

    await run({ intake: planning(label()) });

    expect(core.record.failures).toEqual([
      'support-kit: GITHUB_REPOSITORY is not set to owner/name',
    ]);
  });

  it('fails before deciding anything when SUPPORT_KIT_NOW is not a date-time', async () => {
    vi.stubEnv('SUPPORT_KIT_NOW', 'next tuesday');
    const job = vi.fn(planning(label()));

    await run({ intake: job });

    expect(core.record.failures).toEqual([
      'support-kit: SUPPORT_KIT_NOW must be an ISO date-time, not "next tuesday"',
    ]);
    expect(job).not.toHaveBeenCalled();
  });

  it('reads config through the API at the commit a push is about, when there is no checkout', async () => {
    desk({ [`${CONFIG}/labels.yaml`]: GOOD });
    const push = event('push', undefined, {
      after: 'abc123',
      ref: 'refs/heads/main',
      repository: { default_branch: 'main' },
    });

    await run({ labels: labelsJob }, push);

    expect(github.calls[0]).toEqual({
      repo: 'acme/desk',
      method: 'readFile',
      args: [`${CONFIG}/labels.yaml`, 'abc123'],
    });
  });

  it('reads config from the checkout when there is one, without a request', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'sk-checkout-'));
    try {
      mkdirSync(join(workspace, CONFIG), { recursive: true });
      writeFileSync(join(workspace, CONFIG, 'labels.yaml'), GOOD);
      vi.stubEnv('GITHUB_WORKSPACE', workspace);

      await run({ labels: labelsJob });

      expect(github.methods()).toEqual(['listLabels', 'createLabel']);
    } finally {
      rmSync(workspace, { recursive: true, force: true });
    }
  });

  it('reads the one file a config-path names, through the API as from a checkout', async () => {
    desk(
      { [`${CONFIG}/labels-draft.yaml`]: GOOD },
      { ...TOKEN, 'config-path': `${CONFIG}/labels-draft.yaml` },
    );

    await run({ labels: labelsJob });

    expect(github.calls[0]?.args[0]).toBe(`${CONFIG}/labels-draft.yaml`);
    expect(github.methods('writes')).toEqual(['createLabel']);
  });

  it('fails with the error of a job that throws, named by its capability, and plans nothing', async () => {
    desk({ [`${CONFIG}/labels.yaml`]: GOOD }, { ...TOKEN, mode: 'sync' });

    await run({ labels: labelsJob });

    expect(core.record.annotations.filter((a) => a.level === 'error')).toEqual([
      {
        level: 'error',
        message:
          'support-kit labels: the mode input must be one of apply, check, targets, not "sync"',
      },
    ]);
    expect(core.record.failures).toEqual(['support-kit: see the errors above and the job summary']);
    expect(core.record.outputs).toEqual({ plan: '[]' });
  });

  it('runs the capabilities after one that throws: a broken intake leaves the assignment to on-call', async () => {
    desk({ [`${CONFIG}/labels.yaml`]: GOOD }, { ...TOKEN, mode: 'sync' });
    const ran: string[] = [];
    const later: Job = async (ctx) => {
      ran.push(ctx.capability);
      return { config: { source: 'test', files: [], problems: [] }, plans: [] };
    };

    await run({ labels: labelsJob, oncall: later });

    expect(ran).toEqual(['oncall']);
    expect(core.record.failures).toEqual(['support-kit: see the errors above and the job summary']);
  });
});

describe('runCapabilities: config problems', () => {
  it('makes a problem an annotation on its file, line and column, once for two capabilities', async () => {
    desk({ [`${CONFIG}/labels.yaml`]: BAD_COLOR });

    await run({ labels: labelsJob, validate: validateJob });

    const onFile = core.record.annotations.filter((a) => a.properties?.file);
    expect(onFile).toEqual([
      {
        level: 'error',
        message: expect.stringMatching(/color: must be six hex digits/),
        properties: {
          title: 'support-kit config',
          file: `${CONFIG}/labels.yaml`,
          startLine: 3,
          startColumn: 12,
        },
      },
    ]);
    expect(core.record.annotations.map((a) => a.message)).toEqual(
      expect.arrayContaining(['labels: 1 config error(s)', 'validate: 1 config error(s)']),
    );
    expect(core.record.failures).toEqual(['support-kit: see the errors above and the job summary']);
  });

  it('applies nothing when the config has errors', async () => {
    desk({ [`${CONFIG}/labels.yaml`]: BAD_COLOR });
    const broken: Job = async (context) => ({
      config: await loadConfig(context.source, [LABELS_FILE]),
      plans: [{ ...emptyPlan('labels', context.repo), operations: [label()] }],
    });

    await run({ labels: broken });

    expect(github.methods('writes')).toEqual([]);
    expect(core.record.summary).toContain('| #1 | add label "bug" | test | ⏸️ not run |');
  });
});

describe('runCapabilities: plans, outputs and failures', () => {
  it('gives the plan itself as the plan output for one capability with one plan', async () => {
    await run({ intake: planning(label()) });

    const plan = JSON.parse(core.record.outputs.plan ?? 'null') as Plan;
    expect(plan).toMatchObject({ capability: 'intake', operations: [label()] });
  });

  it('gives an array of plans for several capabilities', async () => {
    await run({ intake: planning(label()), oncall: planning() });

    const plans = JSON.parse(core.record.outputs.plan ?? 'null') as Plan[];
    expect(plans).toHaveLength(2);
  });

  it('gives an array when one capability makes several plans', async () => {
    const two: Job = async (context) => ({
      config: { source: '', files: [], problems: [] },
      plans: [
        emptyPlan('labels', context.repo),
        emptyPlan('labels', { owner: 'acme', repo: 'app' }),
      ],
    });

    await run({ labels: two });

    expect(JSON.parse(core.record.outputs.plan ?? 'null')).toHaveLength(2);
  });

  it("sets a job's own outputs beside the plan", async () => {
    const verdict: Job = async (context) => ({
      ...(await planning()(context)),
      outputs: { verdict: '{"complete":true}' },
    });

    await run({ intake: verdict });

    expect(core.record.outputs).toEqual({
      verdict: '{"complete":true}',
      plan: expect.any(String),
    });
  });

  it('applies nothing in a dry run, and says so in the summary', async () => {
    desk({}, { ...TOKEN, 'dry-run': 'true' });

    await run({ intake: planning(label(), comment) });

    expect(github.methods('writes')).toEqual([]);
    expect(core.record.summary).toContain('(dry-run)');
    expect(core.record.failures).toEqual([]);
  });

  it("goes on past a refused write, then fails the run at the end with GitHub's message", async () => {
    github.refuse('addLabels', httpError(403, 'Resource not accessible by integration'));

    await run({ intake: planning(label(), { ...comment, issue: 2 }) });

    expect(github.methods('writes')).toEqual(['addLabels', 'createComment']);
    expect(core.record.annotations).toContainEqual({
      level: 'error',
      message: 'intake: acme/desk: 403 Resource not accessible by integration',
    });
    expect(core.record.failures).toEqual(['support-kit: see the errors above and the job summary']);
    expect(core.record.log.at(-1)).toBe(
      'failed: support-kit: see the errors above and the job summary',
    );
  });

  it('writes one job summary section per capability, each in its own log group', async () => {
    await run({ intake: planning(label()), oncall: planning() });

    expect(core.record.log.filter((l) => l.startsWith('group: '))).toEqual([
      'group: support-kit intake on workflow_dispatch',
      'group: support-kit oncall on workflow_dispatch',
    ]);
    expect(core.record.summary).toMatch(/intake[\s\S]*oncall/);
  });
});
