import { afterEach, describe, expect, it } from 'vitest';
import { type Emulator, webhookPayload } from '../../dev/emulator/index.js';
import {
  escalationBody,
  type EscalationAnswers,
  presetFiles,
} from '../../dev/fixtures/escalation.js';
import { CONFIG, isWrite, REPO, routes, run, startDesk } from '../../dev/harness/desk.js';
import { projectRoot } from '../../dev/harness/run-action.js';

let emulator: Emulator;
afterEach(async () => emulator?.close());

/** The escalation preset as a team would commit it: intake.yaml and the issue form (labels.yaml left out). */
function escalationCheckout(): Record<string, string> {
  const files = presetFiles(projectRoot(), 'escalation');
  delete files[`${CONFIG}/labels.yaml`];
  return files;
}

const formBody = (overrides: Partial<EscalationAnswers> = {}) => escalationBody(overrides);

function open(
  body: string,
  title = '[Escalation]: Engine restarts after upgrade to 17.06',
): number {
  return emulator.store.createIssue(REPO, {
    title,
    body,
    user: 'customer-eng',
    labels: ['escalation'],
  }).number;
}

function event(action: string, number: number, changes?: Record<string, unknown>) {
  return {
    name: 'issues',
    payload: webhookPayload(emulator.store, 'issues', {
      repo: REPO,
      action,
      number,
      ...(changes ? { changes } : {}),
    }),
  };
}

const labelsOf = (n: number) =>
  emulator.store
    .issue(REPO, n)
    .labels.map((l) => l.name)
    .sort();
const commentsOf = (n: number) => emulator.store.issue(REPO, n).comments;
const writes = (requests: Emulator['requests']) => requests.filter(isWrite);

describe('intake (dist/intake) with the escalation preset', () => {
  it('a job whose permissions lack issues: write fails naming the permission to add, and writes nothing', async () => {
    emulator = await startDesk();
    const issue = open(formBody({ Logs: '_No response_' }));
    emulator.grantToken('read-only-job', {
      login: 'github-actions[bot]',
      kind: 'workflow',
      repositories: [REPO],
      permissions: { contents: 'read', issues: 'read' },
    });

    const result = await run(emulator, 'intake', event('opened', issue), {
      workspace: escalationCheckout(),
      inputs: { 'github-token': 'read-only-job' },
    });

    expect(result.exitCode).toBe(1);
    expect(result.annotations.map((a) => a.message).join('\n')).toContain(
      "give the job `issues: write` in its workflow's permissions",
    );
    expect(labelsOf(issue)).toEqual(['escalation']);
    expect(commentsOf(issue)).toEqual([]);
    // The labels refused, the comment that reports them is held rather than said.
    expect(result.requests.map((r) => `${r.status} ${r.route}`)).toEqual([
      '200 POST /graphql',
      '403 POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
    ]);
  });

  it('labels an incomplete issue, and asks for exactly what is missing in one comment', async () => {
    emulator = await startDesk();
    const issue = open(formBody({ Logs: '_No response_', Severity: 'N/A' }));

    const result = await run(emulator, 'intake', event('opened', issue), {
      workspace: escalationCheckout(),
    });

    expect(result.exitCode).toBe(0);
    expect(labelsOf(issue)).toEqual([
      'area/engine',
      'bug',
      'escalation',
      'status/0-more-info-needed',
      'version/17.06',
    ]);
    expect(commentsOf(issue)).toHaveLength(1);
    expect(commentsOf(issue)[0]?.body).toMatch(/Logs/);
    expect(commentsOf(issue)[0]?.body).toMatch(/Severity/);
    expect(JSON.parse(result.outputs.verdict ?? '{}')).toMatchObject({
      complete: false,
      template: 'escalation',
    });
    // From the checkout, the issue as it is now and the duplicate search are one query; the
    // issue says it has no comment: none to list before writing one.
    expect(routes(result.requests)).toEqual([
      'POST /graphql',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    ]);
  });

  it('swaps the status and turns the same comment into a thank-you when an edit completes the issue', async () => {
    emulator = await startDesk();
    const before = formBody({ Logs: '_No response_' });
    const issue = open(before);
    await run(emulator, 'intake', event('opened', issue), { workspace: escalationCheckout() });
    emulator.store.updateIssue(REPO, issue, { body: formBody() });

    const result = await run(
      emulator,
      'intake',
      event('edited', issue, { body: { from: before } }),
      { workspace: escalationCheckout() },
    );

    expect(result.exitCode).toBe(0);
    expect(labelsOf(issue)).toContain('status/0-triage');
    expect(labelsOf(issue)).not.toContain('status/0-more-info-needed');
    expect(commentsOf(issue)).toHaveLength(1);
    expect(commentsOf(issue)[0]?.body).toMatch(/thank/i);
    expect(routes(result.requests)).toEqual([
      'GET /repos/{owner}/{repo}/issues/{issue_number}',
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'POST /graphql', // is the marked comment the kit's?
      'GET /repos/{owner}/{repo}/issues/{issue_number}/labels',
      'PUT /repos/{owner}/{repo}/issues/{issue_number}/labels',
      'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
    ]);
  });

  it('keeps a label a person added after the event when it swaps the status', async () => {
    emulator = await startDesk();
    const before = formBody({ Logs: '_No response_' });
    const issue = open(before);
    await run(emulator, 'intake', event('opened', issue), { workspace: escalationCheckout() });
    emulator.store.updateIssue(REPO, issue, { body: formBody() });
    const edited = event('edited', issue, { body: { from: before } });
    emulator.store.addLabels(REPO, issue, ['customer/initech'], { actor: 'luc' });

    await run(emulator, 'intake', edited, { workspace: escalationCheckout() });

    expect(labelsOf(issue)).toContain('customer/initech');
    expect(labelsOf(issue)).toContain('status/0-triage');
  });

  it('writes nothing new when re-run on the same issue', async () => {
    emulator = await startDesk();
    const issue = open(formBody({ Logs: '_No response_' }));
    await run(emulator, 'intake', event('opened', issue), { workspace: escalationCheckout() });

    const again = await run(emulator, 'intake', event('reopened', issue), {
      workspace: escalationCheckout(),
    });

    expect(again.exitCode).toBe(0);
    expect(writes(again.requests)).toEqual([]);
    expect(commentsOf(issue)).toHaveLength(1);
  });

  it('labels a complete issue for triage and says nothing', async () => {
    emulator = await startDesk();
    const issue = open(formBody());

    const result = await run(emulator, 'intake', event('opened', issue), {
      workspace: escalationCheckout(),
    });

    expect(labelsOf(issue)).toEqual([
      'S1-broken',
      'area/engine',
      'bug',
      'escalation',
      'status/0-triage',
      'version/17.06',
    ]);
    expect(commentsOf(issue)).toHaveLength(0);
    expect(writes(result.requests)).toHaveLength(1);
  });

  it("never removes a label a person added outside the kit's set", async () => {
    emulator = await startDesk();
    const issue = open(formBody({ Logs: '_No response_' }));
    emulator.store.addLabels(REPO, issue, ['customer/initech']);

    await run(emulator, 'intake', event('opened', issue), { workspace: escalationCheckout() });

    expect(labelsOf(issue)).toContain('customer/initech');
  });

  it('hints at a likely duplicate among open issues, and closes nothing', async () => {
    emulator = await startDesk();
    const older = emulator.store.createIssue(REPO, {
      title: 'Engine restarts every few minutes after upgrade to 17.06',
      body: 'engine restarts on production nodes',
      user: 'luc',
    }).number;
    const issue = open(formBody());

    const result = await run(emulator, 'intake', event('opened', issue), {
      workspace: escalationCheckout(),
    });

    expect(commentsOf(issue)[0]?.body).toContain(`#${older}`);
    expect(emulator.store.issue(REPO, older).state).toBe('open');
    // The search rode in the query that read the issue: no REST search, no REST read.
    expect(routes(result.requests)).toEqual([
      'POST /graphql',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    ]);
  });

  it('searches again with the title as it is now when it was edited before the run', async () => {
    emulator = await startDesk();
    const older = emulator.store.createIssue(REPO, {
      title: 'Overlay network drops packets between nodes',
      body: 'vxlan packets dropped',
      user: 'luc',
    }).number;
    const issue = open(formBody());
    const sent = event('opened', issue);
    emulator.store.updateIssue(REPO, issue, { title: 'Overlay network drops packets on nodes' });

    const result = await run(emulator, 'intake', sent, { workspace: escalationCheckout() });

    expect(commentsOf(issue)[0]?.body).toContain(`#${older}`);
    expect(routes(result.requests).slice(0, 2)).toEqual(['POST /graphql', 'GET /search/issues']);
  });

  it('reads intake.yaml and the issue forms through the API in one query when there is no checkout', async () => {
    emulator = await startDesk(escalationCheckout());
    const issue = open(formBody({ Logs: '_No response_' }));

    const result = await run(emulator, 'intake', event('opened', issue));

    expect(result.exitCode).toBe(0);
    expect(labelsOf(issue)).toContain('status/0-more-info-needed');
    const reads = result.requests.filter(
      (r) => r.route === 'POST /graphql' || r.route.includes('contents'),
    );
    expect(reads).toHaveLength(1);
    expect(JSON.stringify(reads[0]?.body)).toContain('.github/ISSUE_TEMPLATE');
  });

  it('a job without contents: read fails naming the permission to add, and writes nothing', async () => {
    emulator = await startDesk(escalationCheckout());
    const issue = open(formBody({ Logs: '_No response_' }));
    emulator.grantToken('no-contents-job', {
      login: 'github-actions[bot]',
      kind: 'workflow',
      repositories: [REPO],
      permissions: { issues: 'write' },
    });

    const result = await run(emulator, 'intake', event('opened', issue), {
      inputs: { 'github-token': 'no-contents-job' },
    });

    expect(result.exitCode).toBe(1);
    expect(result.annotations.map((a) => a.message).join('\n')).toContain(
      "give the job `contents: read` in its workflow's permissions",
    );
    expect(routes(result.requests)).toEqual(['POST /graphql']);
    expect(labelsOf(issue)).toEqual(['escalation']);
  });

  it('fails with file:line:col when intake.yaml is broken, and writes nothing', async () => {
    emulator = await startDesk();
    const issue = open(formBody());
    const files = {
      ...escalationCheckout(),
      [`${CONFIG}/intake.yaml`]:
        'templates:\n  escalation:\n    fields:\n      problem:\n        min-lenght: 40\n',
    };

    const result = await run(emulator, 'intake', event('opened', issue), { workspace: files });

    expect(result.exitCode).toBe(1);
    expect(result.annotations).toContainEqual(
      expect.objectContaining({ level: 'error', file: `${CONFIG}/intake.yaml`, line: 5, col: 9 }),
    );
    expect(writes(result.requests)).toEqual([]);
  });

  it('fails with file:line:col when an issue form is malformed', async () => {
    emulator = await startDesk();
    const issue = open(formBody());
    const files = {
      ...escalationCheckout(),
      '.github/ISSUE_TEMPLATE/escalation.yml':
        'name: x\ndescription: y\nbody:\n  - type: dropdown\n    attributes:\n      label: Severity\n',
    };

    const result = await run(emulator, 'intake', event('opened', issue), { workspace: files });

    expect(result.exitCode).toBe(1);
    expect(result.annotations).toContainEqual(
      expect.objectContaining({
        level: 'error',
        file: '.github/ISSUE_TEMPLATE/escalation.yml',
        line: 5,
      }),
    );
    expect(writes(result.requests)).toEqual([]);
  });

  it('judges a 1 MiB body of binary junk and 10,000 headings with a sane verdict', async () => {
    emulator = await startDesk();
    const junk = Array.from(
      { length: 10_000 },
      (_, i) => `### Heading ${i}\n${String.fromCharCode(i % 250)}`,
    ).join('\n');
    const issue = open(junk.padEnd(1 << 20, '\u0000x'));

    const result = await run(emulator, 'intake', event('opened', issue), {
      workspace: escalationCheckout(),
    });

    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.outputs.verdict ?? '{}').complete).toBe(false);
    expect(labelsOf(issue)).toContain('status/0-more-info-needed');
  });
});

describe('intake sweep (scheduled)', () => {
  it('closes an issue that stayed incomplete past close-after-days, and reopens it when completed', async () => {
    emulator = await startDesk({}, { now: '2026-11-01T09:00:00Z' });
    const before = formBody({ Logs: '_No response_' });
    const issue = open(before);
    await run(emulator, 'intake', event('opened', issue), { workspace: escalationCheckout() });
    emulator.setClock('2026-11-20T09:00:00Z');

    const sweep = await run(
      emulator,
      'intake',
      { name: 'schedule', payload: { schedule: '23 * * * *' } },
      {
        workspace: escalationCheckout(),
        env: { SUPPORT_KIT_NOW: '2026-11-20T09:00:00Z' },
      },
    );

    expect(sweep.exitCode).toBe(0);
    expect(emulator.store.issue(REPO, issue).state).toBe('closed');
    expect(emulator.store.issue(REPO, issue).state_reason).toBe('not_planned');
    expect(commentsOf(issue)).toHaveLength(1);

    emulator.store.updateIssue(REPO, issue, { body: formBody() });
    const edited = await run(
      emulator,
      'intake',
      event('edited', issue, { body: { from: before } }),
      { workspace: escalationCheckout() },
    );

    expect(edited.exitCode).toBe(0);
    expect(emulator.store.issue(REPO, issue).state).toBe('open');
    expect(labelsOf(issue)).toContain('status/0-triage');
  });
});
