import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator, webhookPayload } from '../../dev/emulator/index.js';
import { CONFIG, REPO, routes, run } from '../../dev/harness/desk.js';
import { projectRoot } from '../../dev/harness/run-action.js';

const root = projectRoot();
const read = (path: string) => readFileSync(join(root, path), 'utf8');
/** Seed 004's roster (8-12 and 1-5 Pacific) under seed 003's Sev 1 playbook and its follow-ups. */
const DESK = {
  [`${CONFIG}/roster.yaml`]: read('test/unit/fixtures/roster/live-incident.yaml'),
  [`${CONFIG}/escalation.yaml`]: read('config/presets/sev1-playbook/escalation.yaml'),
  [`${CONFIG}/playbooks/sev1.md`]: read('config/presets/sev1-playbook/playbooks/sev1.md'),
};
const ADD_SUB_ISSUE = 'POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues';
const LIST_SUB_ISSUES = 'GET /repos/{owner}/{repo}/issues/{issue_number}/sub_issues';
const CREATE_ISSUE = 'POST /repos/{owner}/{repo}/issues';

let emulator: Emulator;
afterEach(async () => emulator?.close());

/** A Sev 1 opened Tuesday 7 July 2026 09:00 Pacific, its playbook started, resolved Thursday 15:00. */
async function resolvedIncident(): Promise<number> {
  emulator = await startEmulator({
    seed: {
      users: [{ login: 'customer-eng' }],
      tokens: { 'emulator-token': 'github-actions[bot]' },
      repos: [{ owner: 'acme', name: 'desk', collaborators: ['amy', 'luc', 'ivy', 'noah'] }],
    },
  });
  emulator.setClock('2026-07-07T16:00:00Z');
  const n = emulator.store.createIssue(REPO, {
    title: 'Production cluster down',
    user: 'customer-eng',
    labels: ['incident', 'S1-broken'],
    assignees: ['luc'],
  }).number;
  await at('2026-07-07T16:00:00Z', issueEvent('opened', n));
  emulator.setClock('2026-07-09T22:00:00Z');
  emulator.store.updateIssue(
    REPO,
    n,
    { state: 'closed', state_reason: 'completed' },
    { actor: 'luc' },
  );
  return n;
}

function at(now: string, event: { name: string; payload: object }) {
  emulator.setClock(now);
  return run(emulator, 'escalate', event, { workspace: DESK, env: { SUPPORT_KIT_NOW: now } });
}
const issueEvent = (action: string, number: number) => ({
  name: 'issues',
  payload: webhookPayload(emulator.store, 'issues', { repo: REPO, action, number }),
});
const tick = { name: 'schedule', payload: { schedule: '7,22,37,52 * * * *' } };
const subIssuesOf = (n: number) => emulator.store.subIssues(REPO, n).map((s) => s.issue);
const followUpIssues = () =>
  emulator.store
    .repo(REPO)
    .issues.filter((i) => i.labels.some((l) => l.name === 'support-kit/follow-up'));

describe('follow-ups of a closed Sev 1 (dist/escalate)', () => {
  it('the close opens the three follow-ups as sub-issues, assigned and labelled, in 11 requests', async () => {
    const n = await resolvedIncident();

    const closing = await at('2026-07-09T22:00:00Z', issueEvent('closed', n));

    expect(closing.exitCode).toBe(0);
    // The comments, who the token writes as (to trust the state's marker), the sub-issues and the
    // follow-ups already opened (none), then each one opened and linked, and the state recorded.
    expect(routes(closing.requests)).toEqual([
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'POST /graphql',
      LIST_SUB_ISSUES,
      'GET /repos/{owner}/{repo}/issues',
      CREATE_ISSUE,
      ADD_SUB_ISSUE,
      CREATE_ISSUE,
      ADD_SUB_ISSUE,
      CREATE_ISSUE,
      ADD_SUB_ISSUE,
      'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
    ]);
    const followUps = subIssuesOf(n);
    expect(followUps.map((f) => [f.title, f.assignees, f.labels.map((l) => l.name)])).toEqual([
      ['Incident retrospective: Production cluster down', ['luc'], ['support-kit/follow-up']],
      ['Incident summary analysis: Production cluster down', ['luc'], ['support-kit/follow-up']],
      [
        'Summary analysis sent to the customer: Production cluster down',
        ['luc'],
        ['support-kit/follow-up'],
      ],
    ]);
    expect(followUps[2]?.body).toContain(
      'due **Tue 2026-07-14 15:00 America/Los_Angeles**: 3 business days after the incident was resolved',
    );
    expect(followUps[2]?.body).toContain(
      'Assigned to @luc. For @acme/deployment-engineering-leads.',
    );
  });

  it('a re-run of the close, the next tick, and a reopen and close again open nothing twice', async () => {
    const n = await resolvedIncident();
    await at('2026-07-09T22:00:00Z', issueEvent('closed', n));

    const rerun = await at('2026-07-09T22:01:00Z', issueEvent('closed', n));
    const sweep = await at('2026-07-09T22:07:00Z', tick);
    emulator.store.updateIssue(REPO, n, { state: 'open' }, { actor: 'luc' });
    await at('2026-07-10T16:00:00Z', issueEvent('reopened', n));
    emulator.store.updateIssue(
      REPO,
      n,
      { state: 'closed', state_reason: 'completed' },
      { actor: 'luc' },
    );
    const reclosed = await at('2026-07-10T17:00:00Z', issueEvent('closed', n));

    expect(routes(rerun.requests)).toEqual([
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'POST /graphql',
    ]);
    // The open and recently closed issues, who the kit is (the follow-ups carry its marker),
    // and the incident's record: nothing written.
    expect(routes(sweep.requests)).toEqual([
      'GET /repos/{owner}/{repo}/issues',
      'GET /repos/{owner}/{repo}/issues',
      'POST /graphql',
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
    ]);
    expect(routes(reclosed.requests)).not.toContain(CREATE_ISSUE);
    expect(followUpIssues()).toHaveLength(3);
    expect(subIssuesOf(n)).toHaveLength(3);
  });

  it('a link GitHub failed to make is made by the next run, without opening the issue again', async () => {
    const n = await resolvedIncident();
    emulator.injectFault({ kind: 'server-error', status: 502, match: { route: ADD_SUB_ISSUE } });

    const failed = await at('2026-07-09T22:00:00Z', issueEvent('closed', n));
    expect(failed.exitCode).not.toBe(0);
    expect([followUpIssues().length, subIssuesOf(n).length]).toEqual([1, 0]);

    const retried = await at('2026-07-09T22:07:00Z', tick);

    expect(retried.exitCode).toBe(0);
    expect(routes(retried.requests).filter((r) => r === CREATE_ISSUE)).toHaveLength(2);
    expect(routes(retried.requests).filter((r) => r === ADD_SUB_ISSUE)).toHaveLength(3);
    expect(followUpIssues()).toHaveLength(3);
    expect(subIssuesOf(n).map((f) => f.title.split(':')[0])).toEqual([
      'Incident retrospective',
      'Incident summary analysis',
      'Summary analysis sent to the customer',
    ]);
  });

  it("an App's token opening one starts the issues workflow, and intake, on-call and escalation leave it alone", async () => {
    const n = await resolvedIncident();
    await at('2026-07-09T22:00:00Z', issueEvent('closed', n));
    const [retrospective] = subIssuesOf(n);

    const opened = await run(emulator, 'all', issueEvent('opened', retrospective?.number ?? 0), {
      workspace: DESK,
      env: { SUPPORT_KIT_NOW: '2026-07-09T22:01:00Z' },
      inputs: { action: 'auto' },
      causedByApp: true,
    });

    expect(opened.exitCode).toBe(0);
    expect(
      opened.requests.filter((r) => r.method !== 'GET' && r.route !== 'POST /graphql'),
    ).toEqual([]);
    expect([retrospective?.comments, retrospective?.assignees]).toEqual([[], ['luc']]);
  });

  it('a link made whose answer was lost is found, not made again', async () => {
    const n = await resolvedIncident();
    emulator.injectFault({ kind: 'lost-reply', match: { route: ADD_SUB_ISSUE } });

    const closing = await at('2026-07-09T22:00:00Z', issueEvent('closed', n));

    expect(closing.exitCode).toBe(0);
    expect(routes(closing.requests).filter((r) => r === LIST_SUB_ISSUES)).toHaveLength(2);
    expect(subIssuesOf(n)).toHaveLength(3);
  });
});
