import { describe, expect, it } from 'vitest';
import { labelsJob } from '../../../src/labels/job.js';
import type { GitHubLabel } from '../../../src/github/types.js';
import { CONFIG, event, fakeContext } from '../fakes/context.js';
import { FakeGitHub, type FakeGitHubOptions } from '../fakes/github.js';

const NOW = '2026-11-24T09:00:00Z';
const dispatch = event('workflow_dispatch');
const S1 = 'labels:\n  - name: S1-broken\n    color: d93f0b\n    aliases: [sev1]\n';

function desk(labelsYaml: string, existing: GitHubLabel[], extra: FakeGitHubOptions = {}) {
  return new FakeGitHub({
    files: { [`${CONFIG}/labels.yaml`]: labelsYaml },
    labels: existing,
    ...extra,
  });
}

function run(github: FakeGitHub, e = dispatch, inputs: Record<string, string> = {}) {
  return labelsJob(fakeContext(github, { capability: 'labels', event: e, now: NOW, inputs }));
}

describe('labels job', () => {
  it('plans a rename for a label found under an alias, after one listing', async () => {
    const github = desk(S1, [{ name: 'sev1', color: 'ff0000', description: null }]);

    const outcome = await run(github);

    expect(outcome.plans).toHaveLength(1);
    expect(outcome.plans[0]?.operations).toEqual([
      expect.objectContaining({ kind: 'update-label', name: 'sev1', newName: 'S1-broken' }),
    ]);
    expect(outcome.plans[0]?.preview).toBe(false);
    expect(github.methods()).toEqual(['readFile', 'listLabels']);
  });

  it('plans a create for a label the repository lacks, and keeps the others when prune is off', async () => {
    const github = desk(S1, [{ name: 'wontfix', color: 'ffffff', description: null }]);

    const outcome = await run(github);

    expect(outcome.plans[0]?.operations.map((op) => op.kind)).toEqual([
      'create-label',
      'keep-label',
    ]);
    expect(outcome.plans[0]?.operations[0]).toMatchObject({ name: 'S1-broken', color: 'd93f0b' });
  });

  it('in check mode previews the sync and fails on drift', async () => {
    const github = desk(S1, []);

    const outcome = await run(github, dispatch, { mode: 'check' });

    expect(outcome.plans[0]?.preview).toBe(true);
    expect(outcome.failures).toEqual([
      'drift: acme/desk has 1 label change(s) that labels.yaml asks for',
    ]);
  });

  it('holds a prune over the brake and says how to let it through', async () => {
    const many = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((name) => ({ name, color: 'ededed' }));
    const github = desk(`prune: true\n${S1}`, many);

    const outcome = await run(github);

    expect(outcome.plans[0]?.operations.some((op) => op.kind === 'delete-label')).toBe(false);
    expect(outcome.failures).toEqual([expect.stringMatching(/allow-mass-delete: true/)]);
  });

  it('previews on a pull request in one sticky comment, and fails nothing', async () => {
    const github = desk(S1, []);
    const pr = event('pull_request', 'opened', {
      pull_request: { number: 12, head: { repo: { full_name: 'acme/desk' } } },
    });

    const outcome = await run(github, pr);

    expect(outcome.plans.map((p) => p.preview ?? false)).toEqual([true, false]);
    expect(outcome.plans[1]?.operations).toEqual([
      expect.objectContaining({
        kind: 'upsert-comment',
        issue: 12,
        marker: { kind: 'labels-preview', keys: {} },
      }),
    ]);
    expect(outcome.failures).toEqual([]);
  });

  it('keeps the preview of a pull request from a fork in the summary: no comment', async () => {
    const github = desk(S1, []);
    const pr = event('pull_request', 'opened', {
      pull_request: { number: 12, head: { repo: { full_name: 'someone/desk' } } },
    });

    const outcome = await run(github, pr);

    expect(outcome.plans).toHaveLength(1);
    expect(outcome.plans[0]?.notes).toContain(
      'pull request from a fork: the preview is in this summary only (its token cannot comment)',
    );
  });

  it('ignores a push to a branch other than the default one, without listing labels', async () => {
    const github = desk(S1, []);
    const push = event('push', undefined, {
      ref: 'refs/heads/topic',
      repository: { default_branch: 'main' },
    });

    const outcome = await run(github, push);

    expect(outcome.plans[0]).toMatchObject({
      operations: [],
      notes: ['push to refs/heads/topic: labels follow main only'],
    });
    expect(github.methods()).toEqual(['readFile']);
  });

  it('syncs every repository listed, each with its own plan and its own listing', async () => {
    const github = desk(`repositories: [acme/desk, acme/other]\n${S1}`, []);

    const outcome = await run(github);

    expect(outcome.plans.map((p) => `${p.repo.owner}/${p.repo.repo}`)).toEqual([
      'acme/desk',
      'acme/other',
    ]);
    expect(github.methods()).toEqual(['readFile', 'listLabels', 'acme/other listLabels']);
  });

  it("lists an organisation's repositories chosen by globs for a fan-out matrix, and plans nothing", async () => {
    const github = desk(
      `organization:\n  name: acme\n  include: ["support-*", "desk"]\n  exclude: ["*-us"]\n${S1}`,
      [],
      { orgRepos: { acme: ['desk', 'support-eu', 'support-us', 'website'] } },
    );

    const outcome = await run(github, dispatch, { mode: 'targets' });

    expect(JSON.parse(outcome.outputs?.repositories ?? '[]')).toEqual([
      'acme/desk',
      'acme/support-eu',
    ]);
    expect(outcome.plans).toEqual([]);
  });

  it('refuses a mode it does not know, naming the ones it does', async () => {
    const github = desk(S1, []);

    await expect(run(github, dispatch, { mode: 'sync' })).rejects.toThrow(
      'the mode input must be one of apply, check, targets, not "sync"',
    );
  });

  it('plans nothing without labels.yaml, and says where it looked', async () => {
    const github = new FakeGitHub();

    const outcome = await run(github);

    expect(outcome.plans[0]).toMatchObject({
      operations: [],
      notes: [`no labels.yaml in ${CONFIG}`],
    });
  });
});
