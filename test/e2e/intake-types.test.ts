import { afterEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator, webhookPayload } from '../../dev/emulator/index.js';
import { escalationBody, presetFiles } from '../../dev/fixtures/escalation.js';
import { CONFIG, isWrite, REPO, routes, run, startDesk } from '../../dev/harness/desk.js';
import { projectRoot } from '../../dev/harness/run-action.js';

/**
 * Issue types (#17) through dist/intake, with the escalation preset and its `types:` line
 * uncommented, as an organisation with issue types does: the form's type answer maps to the types
 * Bug and Feature. The desk's repository belongs to an
 * organisation with GitHub's default types here, and to a person in `startDesk`.
 */
let emulator: Emulator;
afterEach(async () => emulator?.close());

const ROUTE = {
  graphql: 'POST /graphql',
  types: 'GET /repos/{owner}/{repo}/issue-types',
  issue: 'GET /repos/{owner}/{repo}/issues/{issue_number}',
  update: 'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
  label: 'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
};

function checkout(): Record<string, string> {
  const files = presetFiles(projectRoot(), 'escalation');
  delete files[`${CONFIG}/labels.yaml`];
  const intake = files[`${CONFIG}/intake.yaml`] ?? '';
  files[`${CONFIG}/intake.yaml`] = intake.replace('# types: {', 'types: {');
  return files;
}

/** The desk in an organisation that has GitHub's default issue types, or the ones given. */
function orgDesk(types = ['Task', 'Bug', 'Feature']): Promise<Emulator> {
  return startEmulator({
    seed: {
      users: [{ login: 'amy' }, { login: 'luc' }, { login: 'tina' }, { login: 'customer-eng' }],
      orgs: [
        {
          login: 'acme',
          issue_types: types,
          repos: [
            {
              name: 'desk',
              collaborators: ['amy', 'luc', { login: 'tina', permission: 'triage' }],
            },
          ],
        },
      ],
    },
  });
}

function open(answers: { Type?: string } = {}, type?: string): number {
  return emulator.store.createIssue(REPO, {
    title: '[Escalation]: Engine restarts after upgrade to 17.06',
    body: escalationBody(answers),
    user: 'customer-eng',
    labels: ['escalation'],
    ...(type ? { type } : {}),
  }).number;
}

const opened = (number: number) => ({
  name: 'issues',
  payload: webhookPayload(emulator.store, 'issues', { repo: REPO, action: 'opened', number }),
});

const typeOf = (n: number) => emulator.store.issue(REPO, n).type?.name ?? null;
const labelsOf = (n: number) =>
  emulator.store
    .issue(REPO, n)
    .labels.map((l) => l.name)
    .sort();

describe('intake (dist/intake): issue types', () => {
  it("sets the organisation's type Bug for the answer bug, and adds no bug label", async () => {
    emulator = await orgDesk();
    const issue = open();

    const result = await run(emulator, 'intake', opened(issue), { workspace: checkout() });

    expect(result.exitCode).toBe(0);
    expect(typeOf(issue)).toBe('Bug');
    expect(labelsOf(issue)).toEqual([
      'S1-broken',
      'area/engine',
      'escalation',
      'status/0-triage',
      'version/17.06',
    ]);
    // The types once; the issue read by REST to learn its type (GraphQL's answer does not say).
    expect(routes(result.requests)).toEqual([
      ROUTE.graphql,
      ROUTE.types,
      ROUTE.label,
      ROUTE.issue,
      ROUTE.update,
    ]);
    expect(result.summary).toMatch(/set type "Bug" \\\(else label "bug"\\\) \| .* \| ✅ applied/);
  });

  it('writes nothing when run again on the same event', async () => {
    emulator = await orgDesk();
    const issue = open();
    const event = opened(issue);
    await run(emulator, 'intake', event, { workspace: checkout() });

    const again = await run(emulator, 'intake', event, { workspace: checkout() });

    expect(again.exitCode).toBe(0);
    expect(again.requests.filter(isWrite)).toEqual([]);
    expect(routes(again.requests)).toEqual([ROUTE.graphql, ROUTE.types, ROUTE.issue]);
    expect(typeOf(issue)).toBe('Bug');
    expect(labelsOf(issue)).not.toContain('bug');
  });

  it('shows the type it would set in a dry run, and writes nothing', async () => {
    emulator = await orgDesk();
    const issue = open();

    const result = await run(emulator, 'intake', opened(issue), {
      workspace: checkout(),
      inputs: { 'dry-run': 'true' },
    });

    expect(result.exitCode).toBe(0);
    expect(typeOf(issue)).toBeNull();
    expect(result.requests.filter(isWrite)).toEqual([]);
    expect(routes(result.requests)).toEqual([ROUTE.graphql, ROUTE.types]);
    expect(result.summary).toMatch(/set type "Bug" .* \| 📝 planned/);
  });

  it("labels bug, and asks nothing about types, in a person's repository", async () => {
    emulator = await startDesk();
    const issue = open();

    const result = await run(emulator, 'intake', opened(issue), { workspace: checkout() });

    expect(result.exitCode).toBe(0);
    expect(typeOf(issue)).toBeNull();
    expect(labelsOf(issue)).toContain('bug');
    expect(routes(result.requests)).toEqual([ROUTE.graphql, ROUTE.label]);
  });

  it('labels enhancement when the organisation has no type Feature', async () => {
    emulator = await orgDesk(['Task', 'Bug']);
    const issue = open({ Type: 'enhancement' });

    const result = await run(emulator, 'intake', opened(issue), { workspace: checkout() });

    expect(typeOf(issue)).toBeNull();
    expect(labelsOf(issue)).toContain('enhancement');
    expect(routes(result.requests)).toEqual([ROUTE.graphql, ROUTE.types, ROUTE.label]);
    expect(result.summary).toContain('the organisation has no issue type Feature');
  });

  it('labels bug instead, and says so, when GitHub drops the type (a token without push access)', async () => {
    emulator = await orgDesk();
    emulator.grantToken('tina-token', { login: 'tina', kind: 'user' });
    const issue = open();

    const result = await run(emulator, 'intake', opened(issue), {
      workspace: checkout(),
      inputs: { 'github-token': 'tina-token' },
    });

    expect(result.exitCode).toBe(0);
    expect(typeOf(issue)).toBeNull();
    expect(labelsOf(issue)).toContain('bug');
    expect(routes(result.requests).slice(-3)).toEqual([ROUTE.issue, ROUTE.update, ROUTE.label]);
    expect(result.summary).toContain('GitHub did not keep the type Bug');
  });

  it('leaves alone the type a form gave the issue, and adds no label for it', async () => {
    emulator = await orgDesk();
    const issue = open({ Type: 'enhancement' }, 'Bug');

    const result = await run(emulator, 'intake', opened(issue), { workspace: checkout() });

    expect(typeOf(issue)).toBe('Bug');
    expect(labelsOf(issue)).toContain('enhancement');
    expect(routes(result.requests)).toEqual([ROUTE.graphql, ROUTE.label]);
    expect(result.requests.filter((r) => r.route === ROUTE.update)).toEqual([]);
  });
});
