import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { webhookPayload, type Emulator } from '../../dev/emulator/index.js';
import {
  CONFIG,
  isWrite,
  openPullRequest,
  pullRequestEvent,
  REPO,
  routes,
  run,
  startDesk,
} from '../../dev/harness/desk.js';
import { projectRoot } from '../../dev/harness/run-action.js';

let emulator: Emulator;
afterEach(async () => emulator?.close());

const LIST = 'GET /repos/{owner}/{repo}/labels';
const dispatch = { name: 'workflow_dispatch', payload: {} };
const labelsOf = (repo = REPO) =>
  emulator.store
    .repo(repo)
    .labels.map((l) => l.name)
    .sort();
const labelsOn = (issue: number) => emulator.store.issue(REPO, issue).labels.map((l) => l.name);
const checkout = (yaml: string) => ({ workspace: { [`${CONFIG}/labels.yaml`]: yaml } });

async function deskWithLabels(
  labels: { name: string; color?: string; description?: string }[],
): Promise<Emulator> {
  return startDesk(
    {},
    { repos: [{ owner: 'acme', name: 'desk', collaborators: ['amy', 'luc'], labels }] },
  );
}

describe('labels sync (dist/labels)', () => {
  it('renames a label found under an alias, and every issue keeps it', async () => {
    emulator = await deskWithLabels([{ name: 'sev1', color: 'ff0000' }]);
    const issues = [1, 2].map(
      () => emulator.store.createIssue(REPO, { title: 'down', labels: ['sev1'] }).number,
    );

    const result = await run(
      emulator,
      'labels',
      dispatch,
      checkout('labels:\n  - name: S1-broken\n    color: d93f0b\n    aliases: [sev1]\n'),
    );

    expect(result.exitCode).toBe(0);
    expect(labelsOf()).toEqual(['S1-broken']);
    expect(issues.map(labelsOn)).toEqual([['S1-broken'], ['S1-broken']]);
    expect(routes(result.requests)).toEqual([LIST, 'PATCH /repos/{owner}/{repo}/labels/{name}']);
  });

  it('renames a label whose name differs only in case instead of deleting it', async () => {
    emulator = await deskWithLabels([{ name: 'BUG', color: 'd73a4a' }]);
    const issue = emulator.store.createIssue(REPO, { title: 'broken', labels: ['BUG'] }).number;

    const result = await run(
      emulator,
      'labels',
      dispatch,
      checkout('labels:\n  - name: bug\n    color: d73a4a\n'),
    );

    expect(result.exitCode).toBe(0);
    expect(labelsOn(issue)).toEqual(['bug']);
    expect(routes(result.requests)).toEqual([LIST, 'PATCH /repos/{owner}/{repo}/labels/{name}']);
  });

  it('keeps labels that are not in labels.yaml when prune is off', async () => {
    emulator = await deskWithLabels([{ name: 'wontfix' }, { name: 'help wanted' }]);

    const result = await run(
      emulator,
      'labels',
      dispatch,
      checkout('labels:\n  - name: bug\n    color: d73a4a\n'),
    );

    expect(labelsOf()).toEqual(['bug', 'help wanted', 'wontfix']);
    expect(routes(result.requests)).toEqual([LIST, 'POST /repos/{owner}/{repo}/labels']);
    expect(result.summary).toContain('not in labels.yaml; prune is off');
  });

  it('with prune on, deletes only the labels neither listed nor excluded', async () => {
    emulator = await deskWithLabels([
      { name: 'bug' },
      { name: 'wontfix' },
      { name: 'dependabot-npm' },
      { name: 'invalid' },
      { name: 'question' },
    ]);

    const result = await run(
      emulator,
      'labels',
      dispatch,
      checkout(
        'prune: true\nbrake:\n  max-percent: 50\nexclude: ["dependabot*", "Question"]\nlabels:\n  - name: bug\n    color: ededed\n',
      ),
    );

    expect(result.exitCode).toBe(0);
    expect(labelsOf()).toEqual(['bug', 'dependabot-npm', 'question']);
    expect(routes(result.requests).filter((r) => r.startsWith('DELETE'))).toHaveLength(2);
  });

  it('holds the deletes when a prune would remove more than the brake allows, and fails the run', async () => {
    emulator = await deskWithLabels(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((name) => ({ name })));

    const result = await run(
      emulator,
      'labels',
      dispatch,
      checkout('prune: true\nlabels:\n  - name: bug\n    color: d73a4a\n'),
    );

    expect(result.exitCode).toBe(1);
    expect(labelsOf()).toEqual(['a', 'b', 'bug', 'c', 'd', 'e', 'f', 'g']);
    expect(result.annotations.map((a) => a.message).join('\n')).toMatch(
      /7 of 7 labels would be deleted.*allow-mass-delete/,
    );
    expect(routes(result.requests)).toEqual([LIST, 'POST /repos/{owner}/{repo}/labels']);
  });

  it('lets a mass delete through when the run allows it explicitly', async () => {
    emulator = await deskWithLabels(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((name) => ({ name })));

    const result = await run(emulator, 'labels', dispatch, {
      ...checkout('prune: true\nlabels:\n  - name: bug\n    color: d73a4a\n'),
      inputs: { 'allow-mass-delete': 'true' },
    });

    expect(result.exitCode).toBe(0);
    expect(labelsOf()).toEqual(['bug']);
  });

  it("goes on past a label GitHub refuses, then fails naming it with GitHub's message", async () => {
    emulator = await deskWithLabels([]);
    emulator.injectFault({
      kind: 'validation-failed',
      errors: [{ resource: 'Label', code: 'custom', field: 'name', message: 'name is reserved' }],
      match: { route: 'POST /repos/{owner}/{repo}/labels' },
    });

    const result = await run(
      emulator,
      'labels',
      dispatch,
      checkout(
        'labels:\n  - name: first\n    color: d73a4a\n  - name: second\n    color: d73a4a\n  - name: third\n    color: d73a4a\n',
      ),
    );

    expect(result.exitCode).toBe(1);
    expect(labelsOf()).toEqual(['second', 'third']);
    const messages = result.annotations.map((a) => a.message).join('\n');
    expect(messages).toMatch(/POST .*\/labels: 422 .*name is reserved/);
    expect(result.summary).toMatch(/first.*❌ failed/);
    expect(result.requests.map((r) => r.status)).toEqual([200, 422, 201, 201]);
  });

  it('waits out a secondary rate limit and creates the label once', async () => {
    emulator = await deskWithLabels([]);
    emulator.injectFault({
      kind: 'secondary-rate-limit',
      retryAfterSeconds: 1,
      match: { route: 'POST /repos/{owner}/{repo}/labels' },
    });

    const result = await run(
      emulator,
      'labels',
      dispatch,
      checkout('labels:\n  - name: bug\n    color: d73a4a\n'),
    );

    expect(result.exitCode).toBe(0);
    expect(labelsOf()).toEqual(['bug']);
    expect(result.requests.map((r) => r.status)).toEqual([200, 403, 201]);
  });

  it('leaves the rest for the next run when GitHub asks to wait 900 s, and exits 0 at once', async () => {
    emulator = await deskWithLabels([{ name: 'sev1', color: 'ff0000' }]);
    emulator.injectFault({
      kind: 'secondary-rate-limit',
      retryAfterSeconds: 900,
      match: { route: 'POST /repos/{owner}/{repo}/labels' },
    });
    const started = Date.now();

    const result = await run(
      emulator,
      'labels',
      dispatch,
      checkout(
        'labels:\n  - name: S1-broken\n    color: d93f0b\n    aliases: [sev1]\n  - name: bug\n    color: d73a4a\n  - name: docs\n    color: 0075ca\n',
      ),
    );

    expect(Date.now() - started).toBeLessThan(30_000);
    expect(result.exitCode).toBe(0);
    expect(labelsOf()).toEqual(['S1-broken']);
    expect(result.requests.map((r) => r.status)).toEqual([200, 200, 403]);
    expect(result.summary.match(/⏳ deferred/g)).toHaveLength(2);
    expect(result.summary).toMatch(
      /⏳ rate limited until \d\d:\d\d UTC; 2 operations left for the next run\./,
    );
    expect(result.annotations).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        message: expect.stringMatching(/^labels: acme\/desk: rate limited until/),
      }),
    );
  });

  it('makes at most 100 label writes a run and names what it left; the next run makes the rest', async () => {
    emulator = await deskWithLabels([]);
    const names = Array.from({ length: 150 }, (_, i) => `area/${String(i).padStart(3, '0')}`);
    const yaml = `labels:\n${names.map((n) => `  - name: ${n}\n    color: ededed\n`).join('')}`;

    const first = await run(emulator, 'labels', dispatch, checkout(yaml));

    expect(first.exitCode).toBe(0);
    expect(first.requests).toHaveLength(101);
    expect(labelsOf()).toEqual(names.slice(0, 100));
    expect(first.summary).toContain('50 of 150 label changes left for the next run');
    expect(first.summary).toContain(`${names.slice(100, 110).join(', ')} and 40 more`);

    const second = await run(emulator, 'labels', dispatch, checkout(yaml));

    expect(second.requests).toHaveLength(51);
    expect(labelsOf()).toEqual(names);
  });

  it('costs one list and no write when the repository is already in sync', async () => {
    emulator = await deskWithLabels([]);
    const yaml =
      'labels:\n  - name: bug\n    color: d73a4a\n    description: Something is broken\n  - name: "🐛 crash"\n    color: b60205\n';
    await run(emulator, 'labels', dispatch, checkout(yaml));

    const again = await run(emulator, 'labels', dispatch, checkout(yaml));

    expect(again.exitCode).toBe(0);
    expect(routes(again.requests)).toEqual([LIST]);
  });

  it('follows a preset through extends', async () => {
    emulator = await deskWithLabels([]);

    const result = await run(
      emulator,
      'labels',
      dispatch,
      checkout('extends: escalation\nlabels:\n  - name: S1-broken\n    color: "000000"\n'),
    );

    expect(result.exitCode).toBe(0);
    expect(labelsOf()).toContain('S0-catastrophic');
    expect(labelsOf()).toContain('area/engine');
    expect(emulator.store.findLabel(REPO, 'S1-broken')?.color).toBe('000000');
  });

  it('follows labels.yaml in another repository through extends owner/repo/path@ref', async () => {
    emulator = await deskWithLabels([]);
    emulator.store.addRepo({ owner: 'acme', name: 'standards' });
    emulator.store.setFile(
      'acme/standards',
      'labels/support.yaml',
      'labels:\n  - name: shared\n    color: 0e8a16\n',
      'v1',
    );

    const result = await run(
      emulator,
      'labels',
      dispatch,
      checkout('extends: acme/standards/labels/support.yaml@v1\n'),
    );

    expect(result.exitCode).toBe(0);
    expect(labelsOf()).toEqual(['shared']);
  });

  it('in check mode changes nothing and fails when the labels have drifted', async () => {
    emulator = await deskWithLabels([{ name: 'bug', color: 'ffffff' }]);

    const result = await run(
      emulator,
      'labels',
      { name: 'schedule', payload: { schedule: '0 6 * * *' } },
      {
        ...checkout('labels:\n  - name: bug\n    color: d73a4a\n'),
        inputs: { mode: 'check' },
      },
    );

    expect(result.exitCode).toBe(1);
    expect(emulator.store.findLabel(REPO, 'bug')?.color).toBe('ffffff');
    expect(result.annotations.map((a) => a.message).join('\n')).toMatch(
      /drift: acme\/desk has 1 label change/,
    );
    expect(routes(result.requests)).toEqual([LIST]);
  });

  it('previews on a pull request what merging would do, in one sticky comment, without touching labels', async () => {
    emulator = await deskWithLabels([{ name: 'sev1' }]);
    const pr = openPullRequest(emulator, {
      [`${CONFIG}/labels.yaml`]:
        'labels:\n  - name: S1-broken\n    color: d93f0b\n    aliases: [sev1]\n',
    });

    const result = await run(emulator, 'labels', pullRequestEvent(emulator, 'opened', pr));

    expect(result.exitCode).toBe(0);
    expect(labelsOf()).toEqual(['sev1']);
    const comments = emulator.store.issue(REPO, pr).comments;
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain(
      'Merging this pull request would change 1 label of `acme/desk`',
    );
    expect(comments[0]?.body).toContain('rename to "S1-broken"');
    expect(result.requests.filter(isWrite).map((r) => r.route)).toEqual([
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    ]);
  });

  it('keeps the preview of a pull request from a fork in the job summary, where its read-only token can write', async () => {
    emulator = await deskWithLabels([]);
    const pr = openPullRequest(emulator, {
      [`${CONFIG}/labels.yaml`]: 'labels:\n  - name: bug\n    color: d73a4a\n',
    });
    const event = pullRequestEvent(emulator, 'opened', pr);
    const payload = event.payload as { pull_request: { head: { repo: { full_name: string } } } };
    payload.pull_request.head.repo.full_name = 'outsider/desk';

    const result = await run(emulator, 'labels', event);

    expect(result.exitCode).toBe(0);
    expect(emulator.store.issue(REPO, pr).comments).toHaveLength(0);
    expect(result.requests.some(isWrite)).toBe(false);
    expect(result.summary).toContain('pull request from a fork');
    expect(result.summary).toContain('create');
  });

  it('ignores a push to a branch other than the default one', async () => {
    emulator = await deskWithLabels([]);
    const payload = webhookPayload(emulator.store, 'push', {
      repo: REPO,
      ref: 'refs/heads/feature',
    });

    const result = await run(
      emulator,
      'labels',
      { name: 'push', payload },
      checkout('labels:\n  - name: bug\n    color: d73a4a\n'),
    );

    expect(result.exitCode).toBe(0);
    expect(labelsOf()).toEqual([]);
    expect(result.requests).toHaveLength(0);
    expect(result.summary).toContain('labels follow main only');
  });
});

/**
 * The workflow token writes only to its own repository; other repositories take an App's token
 * installed on them (docs/labels.md).
 */
function labelsApp(): string {
  emulator.grantToken('labels-app-token', {
    login: 'acme-labels[bot]',
    kind: 'app',
    repositories: ['acme/desk', 'acme/other'],
    permissions: { contents: 'read', issues: 'write' },
  });
  return 'labels-app-token';
}

describe("GitHub's default labels (dist/labels)", () => {
  it("a new repository's first prune deletes GitHub's untouched defaults without tripping the brake", async () => {
    emulator = await startDesk();

    const result = await run(
      emulator,
      'labels',
      dispatch,
      checkout(
        'prune: true\nlabels:\n  - name: bug\n    color: d73a4a\n  - name: S1-broken\n    color: d93f0b\n',
      ),
    );

    expect(result.exitCode).toBe(0);
    expect(labelsOf()).toEqual(['S1-broken', 'bug']);
    // The list, one create, eight deletes: bug is already as the file says.
    expect(result.requests.filter(isWrite).map((r) => r.route.split(' ')[0])).toEqual([
      'POST',
      ...Array<string>(8).fill('DELETE'),
    ]);
    expect(result.requests).toHaveLength(10);
  });

  it('a default label a team changed still counts against the brake', async () => {
    emulator = await startDesk();
    for (const name of [
      'documentation',
      'duplicate',
      'invalid',
      'question',
      'wontfix',
      'help wanted',
    ])
      emulator.store.updateLabel(REPO, name, { color: '000000' });

    const result = await run(
      emulator,
      'labels',
      dispatch,
      checkout('prune: true\nlabels:\n  - name: bug\n    color: d73a4a\n'),
    );

    expect(result.exitCode).toBe(1);
    expect(labelsOf()).toHaveLength(9);
    expect(result.requests.filter(isWrite)).toEqual([]);
  });
});

describe('labels the kit writes (dist/labels)', () => {
  const PRESETS = [
    'escalation',
    'support-triage',
    'daily-rotation',
    'live-incident',
    'sev1-playbook',
  ];
  const KIT = [
    'escalated/2',
    'escalated/3',
    'support-kit/notify-pending',
    'support-kit/report',
    'oncall/handoff-log',
    'oncall/no-coverage',
  ];

  it.each(PRESETS)(
    'prune on the %s preset deletes none of them, even those it does not list',
    async (preset) => {
      emulator = await startDesk();
      for (const name of KIT) emulator.store.createLabel(REPO, { name, color: 'ededed' });
      const labelsYaml = readFileSync(
        join(projectRoot(), 'config/presets', preset, 'labels.yaml'),
        'utf8',
      );

      const result = await run(emulator, 'labels', dispatch, {
        ...checkout(`${labelsYaml}\nprune: true\n`),
        inputs: { 'allow-mass-delete': 'true' },
      });

      expect(result.exitCode).toBe(0);
      expect(KIT.filter((name) => !labelsOf().includes(name))).toEqual([]);
      expect(
        result.requests
          .filter(isWrite)
          .some(
            (r) => KIT.some((k) => r.path.endsWith(encodeURIComponent(k))) && r.method === 'DELETE',
          ),
      ).toBe(false);
    },
  );
});

describe('labels across repositories (dist/labels)', () => {
  it('syncs every repository listed, each with its own plan', async () => {
    emulator = await deskWithLabels([]);
    emulator.store.addRepo({ owner: 'acme', name: 'other', defaultLabels: false });

    const result = await run(emulator, 'labels', dispatch, {
      ...checkout(
        'repositories: [acme/desk, acme/other]\nlabels:\n  - name: bug\n    color: d73a4a\n',
      ),
      inputs: { 'github-token': labelsApp() },
    });

    expect(result.exitCode).toBe(0);
    expect([labelsOf('acme/desk'), labelsOf('acme/other')]).toEqual([['bug'], ['bug']]);
    expect(
      JSON.parse(result.outputs.plan ?? '[]').map((p: { repo: { repo: string } }) => p.repo.repo),
    ).toEqual(['desk', 'other']);
    expect(result.requests).toHaveLength(4);
  });

  it("selects an organisation's repositories by globs, and lists them for a fan-out matrix", async () => {
    emulator = await deskWithLabels([]);
    emulator.store.addOrg('acme');
    for (const name of ['support-eu', 'support-us', 'website'])
      emulator.store.addRepo({ owner: 'acme', name, defaultLabels: false });

    const result = await run(emulator, 'labels', dispatch, {
      ...checkout(
        'organization:\n  name: acme\n  include: ["support-*", "desk"]\n  exclude: ["*-us"]\nlabels:\n  - name: bug\n    color: d73a4a\n',
      ),
      inputs: { mode: 'targets' },
    });

    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.outputs.repositories ?? '[]')).toEqual([
      'acme/desk',
      'acme/support-eu',
    ]);
    expect(routes(result.requests)).toEqual(['GET /orgs/{org}/repos']);
    expect(labelsOf('acme/support-eu')).toEqual([]);
  });

  it('syncs only the repository a matrix job names', async () => {
    emulator = await deskWithLabels([]);
    emulator.store.addRepo({ owner: 'acme', name: 'other', defaultLabels: false });

    const result = await run(emulator, 'labels', dispatch, {
      ...checkout(
        'repositories: [acme/desk, acme/other]\nlabels:\n  - name: bug\n    color: d73a4a\n',
      ),
      inputs: { repository: 'acme/other', 'github-token': labelsApp() },
    });

    expect(result.exitCode).toBe(0);
    expect([labelsOf('acme/desk'), labelsOf('acme/other')]).toEqual([[], ['bug']]);
  });
});
