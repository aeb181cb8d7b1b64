import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator, webhookPayload } from '../../dev/emulator/index.js';
import { CONFIG, REPO, routes, run } from '../../dev/harness/desk.js';
import { type Receiver, slackProblems, startWebhook } from '../../dev/harness/receivers.js';
import { projectRoot } from '../../dev/harness/run-action.js';

const root = projectRoot();
const read = (path: string) => readFileSync(join(root, path), 'utf8');
/** Seed 004's roster (business hours 8-12 and 1-5 Pacific) under seed 003's Sev 1 playbook. */
const PLAYBOOK_DESK = {
  [`${CONFIG}/roster.yaml`]: read('test/unit/fixtures/roster/live-incident.yaml'),
  [`${CONFIG}/escalation.yaml`]: read('config/presets/sev1-playbook/escalation.yaml'),
  [`${CONFIG}/playbooks/sev1.md`]: read('config/presets/sev1-playbook/playbooks/sev1.md'),
};
/** Seed 001: status lifecycle and the L2 to L3 hand-over into the engineering repository. */
const TRIAGE_DESK = {
  [`${CONFIG}/escalation.yaml`]: read('config/presets/support-triage/escalation.yaml'),
};

let emulator: Emulator;
let webhook: Receiver;
afterEach(async () => {
  await emulator?.close();
  await webhook?.close();
});

async function start(): Promise<void> {
  emulator = await startEmulator({
    seed: {
      users: [{ login: 'customer-eng' }],
      // The workflow token acts as the Actions bot; the escalation token as an engineer.
      tokens: { 'emulator-token': 'github-actions[bot]', 'engineering-token': 'luc' },
      repos: [
        {
          owner: 'acme',
          name: 'desk',
          collaborators: [
            'amy',
            'luc',
            'ivy',
            'noah',
            'zoe',
            { login: 'tess', permission: 'triage' },
          ],
        },
        { owner: 'docker', name: 'pinata', collaborators: ['luc'] },
      ],
    },
  });
  webhook = await startWebhook();
}

function at(
  now: string,
  event: { name: string; payload: object },
  files: Record<string, string>,
  inputs: Record<string, string> = {},
) {
  emulator.setClock(now);
  return run(emulator, 'escalate', event, {
    workspace: files,
    inputs: { 'slack-webhook-url': `${webhook.url}/hook`, ...inputs },
    env: { SUPPORT_KIT_NOW: now },
  });
}

const issueEvent = (action: string, number: number) => ({
  name: 'issues',
  payload: webhookPayload(emulator.store, 'issues', { repo: REPO, action, number }),
});
const tick = { name: 'schedule', payload: { schedule: '7,22,37,52 * * * *' } };
const issue = (n: number) => emulator.store.issue(REPO, n);
const marked = (n: number, kind: string) =>
  issue(n).comments.filter((c) => c.body.startsWith(`<!-- support-kit:${kind}`));

describe('playbooks and statuses (dist/escalate)', () => {
  it('the Sev 1 playbook: checklist on arrival, customer-update reminder and leadership after an hour, follow-ups after resolution', async () => {
    await start();
    emulator.setClock('2026-07-07T16:00:00Z'); // Tuesday 09:00 Pacific
    const n = emulator.store.createIssue(REPO, {
      title: 'Production cluster down',
      user: 'customer-eng',
      labels: ['incident', 'S1-broken'],
      assignees: ['luc'],
    }).number;

    const arrival = await at('2026-07-07T16:00:00Z', issueEvent('opened', n), PLAYBOOK_DESK);
    expect(arrival.exitCode).toBe(0);
    expect(routes(arrival.requests)).toEqual([
      'GET /repos/{owner}/{repo}/issues/{issue_number}',
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    ]);
    const checklist = marked(n, 'playbook')[0]?.body ?? '';
    expect(checklist).toContain('**Playbook sev1** (from `playbooks/sev1.md`)');
    expect(checklist).toContain('### 8. Retrospective');
    expect(checklist.match(/^- \[ \]/gm)).toHaveLength(40);

    // The assignee answers at 09:05: the response clock stops; the customer-update clock restarts.
    emulator.setClock('2026-07-07T16:05:00Z');
    emulator.store.addComment(REPO, n, { user: 'luc', body: 'Joining the call now.' });

    const hour = await at('2026-07-07T17:06:00Z', tick, PLAYBOOK_DESK);
    expect(hour.exitCode).toBe(0);
    expect(marked(n, 'playbook-reminder').map((c) => c.body.split('\n')[1])).toEqual([
      '@luc: no update for the customer since 2026-07-07T16:05:00.000Z (60 minutes). Please post one, with a timeline for the resolution.',
    ]);
    expect(marked(n, 'playbook-leadership')[0]?.body).toMatch(
      /@acme\/leadership: this incident has been open for 60 minutes under playbook sev1/,
    );
    expect(marked(n, 'escalation-step')).toEqual([]);
    expect(webhook.received.map((r) => r.body)).toEqual([
      {
        text: expect.stringMatching(
          /^:loudspeaker: <https:\/\/github.com\/acme\/desk\/issues\/1\|acme\/desk#1> has been an incident for 60 minutes; looping in acme\/leadership\./,
        ),
      },
    ]);
    expect(slackProblems(webhook.received[0]?.body)).toEqual([]);

    const again = await at('2026-07-07T17:10:00Z', tick, PLAYBOOK_DESK);
    expect(routes(again.requests)).toEqual([
      'GET /repos/{owner}/{repo}/issues',
      'GET /repos/{owner}/{repo}/issues',
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'POST /graphql',
    ]);

    // Resolved Thursday 15:00 Pacific.
    emulator.setClock('2026-07-09T22:00:00Z');
    emulator.store.updateIssue(
      REPO,
      n,
      { state: 'closed', state_reason: 'completed' },
      { actor: 'luc' },
    );
    const closing = await at('2026-07-09T22:00:00Z', issueEvent('closed', n), PLAYBOOK_DESK);
    expect(closing.exitCode).toBe(0);
    const followUps = emulator.store.subIssues(REPO, n).map((s) => s.issue);
    expect(followUps.map((f) => [f.title, f.assignees])).toEqual([
      ['Incident retrospective: Production cluster down', ['luc']],
      ['Incident summary analysis: Production cluster down', ['luc']],
      ['Summary analysis sent to the customer: Production cluster down', ['luc']],
    ]);
    expect(followUps[0]?.body).toContain(
      '**Incident retrospective** for #1, due **Fri 2026-07-10 15:00 America/Los_Angeles**',
    );

    // Friday 15:01: the retrospective is due, and its assignee is reminded on it.
    await at('2026-07-10T22:01:00Z', tick, PLAYBOOK_DESK);
    const [retrospective] = followUps;
    expect(retrospective?.comments.map((c) => c.body.split('\n')[1])).toEqual([
      '@luc: this follow-up of #1 is due now (Fri 2026-07-10 15:00 America/Los_Angeles). Close it once it is done.',
    ]);
  });

  it('statuses follow events and /status, and /escalate opens the L3 issue in the engineering repository', async () => {
    await start();
    emulator.setClock('2026-07-07T16:00:00Z');
    const n = emulator.store.createIssue(REPO, {
      title: 'Docker for Mac hangs on @luc start',
      body: 'Diagnostics id: 1234. cc @everyone',
      user: 'customer-eng',
      labels: ['support'],
    }).number;

    await at('2026-07-07T16:00:00Z', issueEvent('opened', n), TRIAGE_DESK);
    expect(issue(n).labels.map((l) => l.name)).toEqual(['support', 'status/0-triage']);

    emulator.store.addAssignees(REPO, n, ['luc'], { actor: 'tess' });
    await at('2026-07-07T16:10:00Z', issueEvent('assigned', n), TRIAGE_DESK);
    expect(issue(n).labels.map((l) => l.name)).toEqual(['support', 'status/2-in-progress']);

    emulator.setClock('2026-07-07T16:20:00Z');
    const comment = emulator.store.addComment(REPO, n, {
      user: 'tess',
      body: 'Root cause is in the VM.\n/escalate docker/pinata\n/status more info needed',
    });
    const escalated = await at(
      '2026-07-07T16:20:00Z',
      {
        name: 'issue_comment',
        payload: webhookPayload(emulator.store, 'issue_comment', {
          repo: REPO,
          action: 'created',
          number: n,
          comment_id: comment.id,
        }),
      },
      TRIAGE_DESK,
      { 'escalation-token': 'engineering-token' },
    );

    expect(escalated.exitCode).toBe(0);
    // No marked issue over there yet: nobody asks who the engineering token is. The issue over
    // there is opened first, then the reply and the state comment here.
    expect(escalated.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /repos/acme/desk/issues/1/comments',
      'GET /repos/acme/desk/collaborators/tess/permission',
      'GET /repos/docker/pinata/issues',
      'POST /repos/docker/pinata/issues',
      'GET /repos/acme/desk/issues/1/labels',
      'PUT /repos/acme/desk/issues/1/labels',
      'POST /repos/acme/desk/issues/1/dependencies/blocked_by',
      'POST /repos/acme/desk/issues/1/comments',
      'POST /repos/acme/desk/issues/1/comments',
    ]);
    expect(
      escalated.requests.find((r) => r.path === '/repos/docker/pinata/issues')?.query,
    ).toMatchObject({ labels: 'from-support' });
    expect(issue(n).labels.map((l) => l.name)).toEqual([
      'support',
      'support-kit/awaiting-fix',
      'status/0-more-info-needed',
    ]);
    const l3 = emulator.store.issue('docker/pinata', 1);
    expect(l3.title).toBe('[acme/desk#1] Docker for Mac hangs on @luc start');
    expect(l3.labels.map((l) => l.name)).toEqual(['from-support']);
    expect(l3.user).toBe('luc');
    expect(l3.body).toContain('Escalated from https://github.com/acme/desk/issues/1 by **tess**.');
    expect(l3.body).toContain('> Diagnostics id: 1234. cc @\u2060everyone');
    expect(issue(n).comments.at(-2)?.body).toMatch(
      /Opening an issue in docker\/pinata with the full context of this one/,
    );

    emulator.setClock('2026-07-07T16:30:00Z');
    const repeat = emulator.store.addComment(REPO, n, {
      user: 'tess',
      body: '/escalate docker/pinata',
    });
    const again = await at(
      '2026-07-07T16:30:00Z',
      {
        name: 'issue_comment',
        payload: webhookPayload(emulator.store, 'issue_comment', {
          repo: REPO,
          action: 'created',
          number: n,
          comment_id: repeat.id,
        }),
      },
      TRIAGE_DESK,
      { 'escalation-token': 'engineering-token' },
    );
    // The engineering token is luc's own: the issue luc wrote over there is the kit's.
    expect(again.requests.map((r) => `${r.method} ${r.path}`)).not.toContain(
      'POST /repos/docker/pinata/issues',
    );
    expect(emulator.store.findIssue('docker/pinata', 2)).toBeUndefined();

    emulator.store.updateIssue(
      REPO,
      n,
      { state: 'closed', state_reason: 'not_planned' },
      { actor: 'luc' },
    );
    await at('2026-07-07T17:00:00Z', issueEvent('closed', n), TRIAGE_DESK);
    expect(issue(n).labels.map((l) => l.name)).toEqual([
      'support',
      'support-kit/awaiting-fix',
      'status/0-wont-fix',
    ]);
  });
});
