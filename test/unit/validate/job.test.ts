import { describe, expect, it } from 'vitest';
import { validateJob } from '../../../src/validate/job.js';
import type { UpsertComment } from '../../../src/kernel/plan.js';
import { CONFIG, event, fakeContext } from '../fakes/context.js';
import { FakeGitHub, type FakeGitHubOptions, httpError } from '../fakes/github.js';
import { fixtureText } from '../fixtures/roster/load.js';

const BAD_COLOR = 'labels:\n  - name: S1-broken\n    color: red\n';
const GOOD = 'labels:\n  - name: S1-broken\n    color: d93f0b\n';
/** Sunday 2026-11-22 16:00 in San Francisco, Monday 01:00 in Paris. */
const NOW = '2026-11-23T00:00:00Z';
const ROSTER = fixtureText('follow-the-sun');

const pullRequest = (number = 4) =>
  event('pull_request', 'opened', {
    pull_request: { number, head: { sha: 'head-sha' }, base: { sha: 'base-sha' } },
  });

function run(options: FakeGitHubOptions, e = pullRequest()) {
  const github = new FakeGitHub(options);
  const outcome = validateJob(fakeContext(github, { capability: 'validate', event: e, now: NOW }));
  return { github, outcome };
}

const commentOf = (ops: { kind: string }[] | undefined) =>
  (ops ?? []).find((op): op is UpsertComment => op.kind === 'upsert-comment');

describe('validate job on a pull request', () => {
  it('comments on a broken config, and marks the plan safe to apply with config errors', async () => {
    const { outcome } = run({
      files: { [`${CONFIG}/labels.yaml`]: BAD_COLOR },
      pulls: { 4: { paths: [`${CONFIG}/labels.yaml`] } },
    });

    const { config, plans, safeWithConfigErrors } = await outcome;

    expect(config.problems).toContainEqual(
      expect.objectContaining({ file: `${CONFIG}/labels.yaml`, line: 3, column: 12 }),
    );
    const comment = commentOf(plans[0]?.operations);
    expect(comment).toMatchObject({ issue: 4, marker: { kind: 'validate', keys: {} } });
    expect(comment?.body).toContain('❌ 1 error');
    expect(comment?.body).toContain('color: must be six hex digits');
    expect(safeWithConfigErrors).toBe(true);
  });

  it('says the config is valid when it is', async () => {
    const { outcome } = run({
      files: { [`${CONFIG}/labels.yaml`]: GOOD },
      pulls: { 4: { paths: [`${CONFIG}/labels.yaml`] } },
    });

    expect(commentOf((await outcome).plans[0]?.operations)?.body).toContain('✅');
  });

  it('passes a pull request that touches no config after one request', async () => {
    const { github, outcome } = run({
      files: { [`${CONFIG}/labels.yaml`]: BAD_COLOR },
      pulls: { 4: { paths: ['src/app.ts', 'README.md'] } },
    });

    const { plans, summary } = await outcome;

    expect(plans[0]?.operations).toEqual([]);
    expect(summary).toBe(
      `#4 changes no file in ${CONFIG} or .github/ISSUE_TEMPLATE (2 file(s) changed): nothing to validate`,
    );
    expect(github.methods()).toEqual(['pullRequestFiles']);
  });

  it('checks anyway when GitHub refuses to list the changed files', async () => {
    const github = new FakeGitHub({ files: { [`${CONFIG}/labels.yaml`]: BAD_COLOR } });
    github.refuse('pullRequestFiles', httpError(403, 'Resource not accessible by integration'));
    const ctx = fakeContext(github, { capability: 'validate', event: pullRequest(), now: NOW });

    const { plans } = await validateJob(ctx);

    expect(commentOf(plans[0]?.operations)?.body).toContain('❌ 1 error');
    expect(ctx.logged).toEqual([
      'cannot list the files of #4 (403 Resource not accessible by integration): checking',
    ]);
  });

  it('checks a listing GitHub cut short, even if the first files are no config', async () => {
    const { outcome } = run({
      files: { [`${CONFIG}/labels.yaml`]: BAD_COLOR },
      pulls: { 4: { paths: ['src/app.ts'], complete: false } },
    });

    expect(commentOf((await outcome).plans[0]?.operations)?.body).toContain('❌ 1 error');
  });

  it('refuses a roster person GitHub cannot assign, checking each person once, against the base roster', async () => {
    const head = ROSTER.replace(
      '  dan: { site: paris }\n',
      '  dan: { site: paris }\n  gina: { site: paris }\n',
    ).replace(
      '    site: paris\n    anchor: 2026-01-05\n',
      '    site: paris\n    anchor: 2026-01-05\n    changes: [{ from: 2026-11-30, members: [chloe, dan, gina] }]\n',
    );
    const { github, outcome } = run({
      files: { [`${CONFIG}/roster.yaml`]: head },
      refs: { 'base-sha': { [`${CONFIG}/roster.yaml`]: ROSTER } },
      pulls: { 4: { paths: [`${CONFIG}/roster.yaml`] } },
      assignable: ['alice', 'bob', 'chloe', 'dan', 'emma', 'fred', 'escalation-leads'],
    });

    const { problems } = await outcome;

    expect(problems?.filter((p) => p.severity === 'error')).toEqual([
      expect.objectContaining({
        file: `${CONFIG}/roster.yaml`,
        message: expect.stringMatching(/^people\.gina: gina can be on call, but GitHub refuses/),
      }),
    ]);
    const checked = github.calls.filter((c) => c.method === 'canBeAssigned').map((c) => c.args[0]);
    expect(new Set(checked).size).toBe(checked.length);
    expect(checked).toContain('gina');
    expect(github.calls).toContainEqual(
      expect.objectContaining({ method: 'readFile', args: [`${CONFIG}/roster.yaml`, 'base-sha'] }),
    );
  });
});

describe('validate job on a push', () => {
  it('reports the problems without a comment', async () => {
    const { outcome } = run(
      { files: { [`${CONFIG}/labels.yaml`]: BAD_COLOR } },
      event('push', undefined, { ref: 'refs/heads/main' }),
    );

    const { plans, config, safeWithConfigErrors } = await outcome;

    expect(plans[0]?.operations).toEqual([]);
    expect(plans[0]?.notes).toEqual([
      `checked 0 file(s) in ${CONFIG} and 0 issue template(s) in .github/ISSUE_TEMPLATE`,
    ]);
    expect(config.problems.map((p) => p.severity)).toEqual(['error']);
    expect(safeWithConfigErrors).toBe(true);
  });
});
