import { afterEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../../dev/emulator/index.js';
import { escalationBody, presetFiles } from '../../dev/fixtures/escalation.js';
import { projectRoot } from '../../dev/harness/run-action.js';
import {
  CONFIG,
  issuesEvent,
  isWrite,
  REPO,
  routes,
  run,
  startDesk,
} from '../../dev/harness/desk.js';

let emulator: Emulator;
afterEach(async () => emulator?.close());

const ESCALATION = 'version: 1\nresponse:\n  goals:\n    - labels: [S1]\n      minutes: 60\n';

function openIssue(): number {
  return emulator.store.createIssue(REPO, {
    title: 'Engine crashes after upgrade to 17.06',
    body: '### Severity\nS1\n',
    user: 'customer-eng',
  }).number;
}

describe('actions on events they do not handle', () => {
  it.each(['intake', 'labels', 'oncall', 'report', 'escalate', 'validate'])(
    '%s exits at once without a single API request',
    async (action) => {
      emulator = await startDesk();
      const result = await run(emulator, action, { name: 'watch', payload: { action: 'started' } });
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toMatch(/nothing to do for watch\.started/);
      expect(result.requests).toHaveLength(0);
      expect(result.outputs).toEqual({});
    },
  );
});

describe('a capability reading its config without a checkout (dist/escalate)', () => {
  it('reads its config folder in one GraphQL query, and changes nothing when nothing is due', async () => {
    emulator = await startDesk({ [`${CONFIG}/escalation.yaml`]: ESCALATION });
    const issue = openIssue();

    const result = await run(emulator, 'escalate', issuesEvent(emulator, 'opened', issue));

    expect(result.exitCode).toBe(0);
    expect(routes(result.requests)).toEqual([
      // escalation.yaml and roster.yaml, who the token writes as, and the issue as it is now
      // (intake may have labelled it in the same job).
      'POST /graphql',
    ]);
    expect(emulator.store.issue(REPO, issue).comments).toHaveLength(0);
    expect(emulator.store.issue(REPO, issue).labels).toHaveLength(0);
    const plan = JSON.parse(result.outputs.plan ?? '{}');
    expect(plan).toMatchObject({
      capability: 'escalate',
      repo: { owner: 'acme', repo: 'desk' },
      operations: [],
    });
    expect(result.summary).toContain(`Config: \`${CONFIG}/escalation.yaml\`.`);
  });

  it('fails with an annotation on the line when its file is broken, and writes nothing', async () => {
    emulator = await startDesk({ [`${CONFIG}/escalation.yaml`]: 'goals:\n  - [S1\n' });
    const issue = openIssue();

    const result = await run(emulator, 'escalate', issuesEvent(emulator, 'opened', issue));

    expect(result.exitCode).toBe(1);
    expect(result.annotations).toContainEqual(
      expect.objectContaining({ level: 'error', file: `${CONFIG}/escalation.yaml`, line: 3 }),
    );
    expect(result.requests.some(isWrite)).toBe(false);
    expect(emulator.store.issue(REPO, issue).comments).toHaveLength(0);
  });
});

describe('the all-in-one action (dist/all)', () => {
  it('does nothing on a push that deletes a branch: there is no commit to read config from', async () => {
    emulator = await startDesk();
    const zeros = '0'.repeat(40);
    const push = {
      name: 'push',
      payload: {
        ref: 'refs/heads/old-topic',
        before: 'c3'.repeat(20),
        after: zeros,
        deleted: true,
        created: false,
        commits: [],
        repository: { full_name: REPO, name: 'desk', owner: { login: 'acme' } },
      },
    };

    const result = await run(emulator, 'all', push);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('nothing to do for push (a deleted branch or tag)');
    expect(result.requests).toEqual([]);
  });

  it('routes issues.opened to intake, oncall and escalate, and outputs their plans', async () => {
    emulator = await startDesk();
    const issue = openIssue();

    const result = await run(emulator, 'all', issuesEvent(emulator, 'opened', issue));

    expect(result.exitCode).toBe(0);
    expect(
      JSON.parse(result.outputs.plan ?? '[]').map((p: { capability: string }) => p.capability),
    ).toEqual(['intake', 'oncall', 'escalate']);
    // intake judged the issue by the title rules alone (no templates) and set the triage status.
    expect(emulator.store.issue(REPO, issue).labels.map((l) => l.name)).toEqual([
      'status/0-triage',
    ]);
    // One process: one query reads the config folder, the issue forms and the issue for all
    // three (it has no comments, so none are listed), then intake's search and its labels.
    expect(routes(result.requests)).toEqual([
      'POST /graphql',
      'GET /search/issues',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
    ]);
  });

  it('routes a new escalation from a checkout in 4 requests: one query for the issue and the duplicate search, the labels, the assignee, one comment', async () => {
    const team = ['alice', 'bob', 'chloe', 'dan', 'emma', 'fred', 'amy'];
    emulator = await startEmulator({
      now: '2026-11-23T09:00:00Z', // Monday 10:00 Paris: dan covers the morning
      seed: {
        users: [...team, 'customer-eng'].map((login) => ({ login })),
        repos: [{ owner: 'acme', name: 'desk', collaborators: team }],
      },
    });
    const issue = emulator.store.createIssue(REPO, {
      title: '[Escalation]: Engine restarts after upgrade to 17.06 on production nodes',
      body: escalationBody(),
      user: 'customer-eng',
      labels: ['escalation'],
    }).number;

    const result = await run(emulator, 'all', issuesEvent(emulator, 'opened', issue), {
      workspace: presetFiles(projectRoot(), 'escalation'),
      env: { SUPPORT_KIT_NOW: '2026-11-23T09:00:00Z' },
    });

    expect(result.exitCode).toBe(0);
    expect(routes(result.requests)).toEqual([
      'POST /graphql',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/assignees',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    ]);
    const [comment, ...more] = emulator.store.issue(REPO, issue).comments;
    expect(more).toEqual([]);
    expect(comment?.body).toMatch(/^<!-- support-kit:oncall -->\nAssigned to \*\*dan\*\*/);
    expect(emulator.store.issue(REPO, issue).assignees).toEqual(['dan']);
  });

  it('runs only the named capability when the action input is set', async () => {
    emulator = await startDesk();
    const issue = openIssue();

    const result = await run(emulator, 'all', issuesEvent(emulator, 'opened', issue), {
      inputs: { action: 'oncall' },
    });

    expect(JSON.parse(result.outputs.plan ?? '{}').capability).toBe('oncall');
    expect(result.requests).toHaveLength(1);
  });

  it('refuses an unknown action input with a clear error', async () => {
    emulator = await startDesk();
    const result = await run(emulator, 'all', issuesEvent(emulator, 'opened', openIssue()), {
      inputs: { action: 'triage' },
    });
    expect(result.exitCode).toBe(1);
    expect(result.annotations[0]?.message).toMatch(/unknown action "triage"/);
    expect(result.requests).toHaveLength(0);
  });
});

describe('the gateway under GitHub faults (through dist/escalate)', () => {
  it('waits out a secondary rate limit as retry-after says, then succeeds', async () => {
    emulator = await startDesk({ [`${CONFIG}/escalation.yaml`]: ESCALATION });
    const issue = openIssue();
    emulator.injectFault({ kind: 'secondary-rate-limit', retryAfterSeconds: 1, times: 1 });

    const result = await run(emulator, 'escalate', issuesEvent(emulator, 'opened', issue));

    expect(result.exitCode).toBe(0);
    // The query of the config and the issue, refused, then answered.
    expect(result.requests.map((r) => r.status)).toEqual([403, 200]);
    expect(result.stdout).toMatch(/secondary rate limit/);
  });

  it('retries a 502 and succeeds', async () => {
    emulator = await startDesk({ [`${CONFIG}/escalation.yaml`]: ESCALATION });
    const issue = openIssue();
    emulator.injectFault({ kind: 'server-error', status: 502, times: 1 });

    const result = await run(emulator, 'escalate', issuesEvent(emulator, 'opened', issue));

    expect(result.exitCode).toBe(0);
    expect(result.requests.map((r) => r.status)).toEqual([502, 200]);
  });

  it("reports a refused write with GitHub's own message and fails the run at the end", async () => {
    emulator = await startDesk();
    const event = {
      name: 'pull_request',
      payload: { action: 'opened', pull_request: { number: 404, head: { sha: 'f'.repeat(40) } } },
    };

    const result = await run(emulator, 'validate', event, {
      workspace: { [`${CONFIG}/labels.yaml`]: 'labels: []\n' },
    });

    expect(result.exitCode).toBe(1);
    expect(result.annotations.map((a) => a.message).join('\n')).toMatch(
      /validate: acme\/desk: GET .*\/issues\/404\/comments.*: 404 Not Found/,
    );
    expect(result.summary).toContain('❌ failed');
    // The pull request's files cannot be listed either: validate checks in full rather than skip.
    expect(result.requests.map((r) => `${r.status} ${r.route}`)).toEqual([
      '404 GET /repos/{owner}/{repo}/pulls/{pull_number}/files',
      '404 GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
    ]);
  });
});
