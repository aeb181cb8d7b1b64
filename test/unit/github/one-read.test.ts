import { afterEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../../../dev/emulator/index.js';
import { apiSource } from '../../../src/config/sources.js';
import { createOctokit } from '../../../src/github/client.js';
import { describeRequestError, Gateway } from '../../../src/github/gateway.js';

/**
 * What one run reads once: the config folder and the folders beside it in one GraphQL query, and
 * each issue, which the run's own writes keep up to date. Against the emulator, which answers
 * GraphQL by GitHub's schema.
 */

let gh: Emulator;
afterEach(async () => gh?.close());

const CONFIG = '.github/support-kit';

async function desk(files: Record<string, string> = {}): Promise<Gateway> {
  gh = await startEmulator({
    seed: {
      users: [{ login: 'dan' }],
      repos: [
        {
          owner: 'acme',
          name: 'desk',
          collaborators: ['dan'],
          files,
          issues: [{ title: 'Login fails', user: 'dan' }],
        },
      ],
    },
  });
  const octokit = await createOctokit({
    token: 'x',
    baseUrl: gh.url,
    writeIntervalMs: 0,
    retryUnitMs: 1,
  });
  return new Gateway(octokit, { owner: 'acme', repo: 'desk' });
}

const routes = () => gh.requests.map((r) => r.route);

describe('the config through the API', () => {
  it('reads the config folder and the issue forms in one query, then every file without a request', async () => {
    const gateway = await desk({
      [`${CONFIG}/roster.yaml`]: 'timezone: Europe/Paris\n',
      [`${CONFIG}/intake.yaml`]: 'templates: {}\n',
      '.github/ISSUE_TEMPLATE/bug.yml': 'name: Bug\n',
    });
    const source = apiSource(gateway, CONFIG, undefined, ['.github/ISSUE_TEMPLATE']);

    const read = [
      await source.read('roster.yaml'),
      await source.read('escalation.yaml'),
      await source.listAt('.github/ISSUE_TEMPLATE'),
      await source.readAt('.github/ISSUE_TEMPLATE/bug.yml'),
      await source.list(),
    ];

    expect(read).toEqual([
      'timezone: Europe/Paris\n',
      null,
      ['bug.yml'],
      'name: Bug\n',
      ['intake.yaml', 'roster.yaml'],
    ]);
    expect(routes()).toEqual(['POST /graphql']);
  });

  it('says a missing config folder is missing, and reads a file elsewhere once however often it is asked for', async () => {
    const gateway = await desk({ '.github/workflows/support-kit-schedule.yml': 'on: {}\n' });
    const source = apiSource(gateway, CONFIG, 'main');

    expect(await source.list()).toBeNull();
    await source.readAt('.github/workflows/support-kit-schedule.yml');
    expect(await source.readAt('.github/workflows/support-kit-schedule.yml')).toBe('on: {}\n');
    expect(routes()).toEqual(['POST /graphql', 'GET /repos/{owner}/{repo}/contents/{path}']);
  });
});

describe('an issue read once a run', () => {
  it('answers the second read from the first, with the labels and assignees the run wrote since', async () => {
    const gateway = await desk();

    await gateway.getIssue(1);
    await gateway.addLabels(1, ['bug']);
    await gateway.addAssignees(1, ['dan']);
    const now = await gateway.getIssue(1);

    expect([now.labels.map((l) => l.name), now.assignees.map((a) => a.login)]).toEqual([
      ['bug'],
      ['dan'],
    ]);
    expect(routes().filter((r) => r.startsWith('GET'))).toEqual([
      'GET /repos/{owner}/{repo}/issues/{issue_number}',
    ]);
  });

  it('reads the issue again after a write GitHub may have made without saying so', async () => {
    const gateway = await desk();
    await gateway.getIssue(1);
    gh.injectFault({ kind: 'server-error', status: 500, times: 4 });

    await expect(gateway.addLabels(1, ['bug'])).rejects.toThrow();
    await gateway.getIssue(1);

    expect(routes().filter((r) => r.startsWith('GET'))).toHaveLength(2);
  });

  it('reads the issue the run is about in the config query, as the REST read gives it', async () => {
    const viaRest = await desk({ [`${CONFIG}/roster.yaml`]: 'version: 1\n' });
    const viaQuery = new Gateway(viaRest.octokit, viaRest.repo);
    const n = gh.store.createIssue('acme/desk', {
      title: 'Deploys fail',
      body: 'since **Monday**',
      user: 'github-actions[bot]',
      labels: ['bug'],
      assignees: ['dan'],
      comments: [{ user: 'dan', body: 'looking' }],
    }).number;
    gh.store.updateIssue('acme/desk', n, { state: 'closed', state_reason: 'not_planned' });

    viaQuery.expectIssue(n);
    await apiSource(viaQuery, CONFIG, undefined).list();
    gh.resetRequests();
    const fromQuery = await viaQuery.getIssue(n);
    const fromRest = await viaRest.getIssue(n);

    const fields = (i: typeof fromRest) => ({
      number: i.number,
      title: i.title,
      body: i.body,
      state: i.state,
      state_reason: i.state_reason,
      user: { login: i.user?.login, type: i.user?.type },
      author_association: i.author_association,
      labels: i.labels.map((l) => l.name),
      assignees: i.assignees.map((a) => a.login),
      created_at: i.created_at,
      updated_at: i.updated_at,
      closed_at: i.closed_at,
      html_url: i.html_url,
      comments: i.comments,
    });
    expect(fields(fromQuery)).toEqual(fields(fromRest));
    // Only the REST gateway asked again.
    expect(routes()).toEqual(['GET /repos/{owner}/{repo}/issues/{issue_number}']);
  });

  it('leaves the issue to the REST read, which names the permission, when the token may not read issues', async () => {
    const gateway = await desk({ [`${CONFIG}/roster.yaml`]: 'version: 1\n' });
    gh.grantToken('x', {
      login: 'github-actions[bot]',
      kind: 'workflow',
      repositories: ['acme/desk'],
      permissions: { contents: 'read' },
    });

    gateway.expectIssue(1);
    const names = await apiSource(gateway, CONFIG, undefined).list();

    expect(names).toEqual(['roster.yaml']);
    const refused = await gateway.getIssue(1).catch((error: unknown) => error);
    expect(describeRequestError(refused)).toMatch(/give the job `issues: read`/);
  });

  it('reads the issue the run is about in the duplicate search when the config came from a checkout', async () => {
    const gateway = await desk();
    gh.store.createIssue('acme/desk', { title: 'Login fails on Safari', user: 'dan' });
    gh.store.createIssue('acme/desk', { title: 'Deploys fail', user: 'dan' });
    const rest = new Gateway(gateway.octokit, gateway.repo);

    gateway.expectIssue(1);
    const found = await gateway.searchBesideIssue('repo:acme/desk is:issue is:open "login"', 20);
    const issue = await gateway.getIssue(1);

    expect(found.map((i) => i.title).sort()).toEqual(['Login fails', 'Login fails on Safari']);
    expect(routes()).toEqual(['POST /graphql']);
    expect(issue.title).toBe((await rest.getIssue(1)).title);
  });

  it('searches alone, through REST, once the issue is read', async () => {
    const gateway = await desk();
    gateway.expectIssue(1);
    await gateway.getIssue(1);

    await gateway.searchBesideIssue('repo:acme/desk is:issue "login"', 20);

    expect(routes()).toEqual([
      'GET /repos/{owner}/{repo}/issues/{issue_number}',
      'GET /search/issues',
    ]);
  });

  it('keeps the search and leaves an issue the query cannot find to the REST read, which says why', async () => {
    const gateway = await desk();
    gateway.expectIssue(99);

    const found = await gateway.searchBesideIssue('repo:acme/desk is:issue "login"', 20);

    expect(found).toHaveLength(1);
    await expect(gateway.getIssue(99)).rejects.toThrow();
    expect(routes()).toEqual(['POST /graphql', 'GET /repos/{owner}/{repo}/issues/{issue_number}']);
  });
});
