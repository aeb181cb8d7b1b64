import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Emulator, webhookPayload } from '../../dev/emulator/index.js';
import { CONFIG, REPO, routes, run, startDesk } from '../../dev/harness/desk.js';
import { projectRoot } from '../../dev/harness/run-action.js';

/**
 * GitHub turns a public repository's schedule off after 60 days without activity, and issues do
 * not count: the next new issue finds it off, turns it back on where the token may, and says so
 * on the hand-off log either way.
 */
const ROSTER = readFileSync(
  join(projectRoot(), 'test/unit/fixtures/roster/follow-the-sun.yaml'),
  'utf8',
);
const TEAM = ['alice', 'bob', 'chloe', 'dan', 'emma', 'fred', 'escalation-leads'];
const SCHEDULE = '.github/workflows/support-kit-schedule.yml';
const WORKFLOW = 'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}';
const ENABLE = 'PUT /repos/{owner}/{repo}/actions/workflows/{workflow_id}/enable';
const LIST = 'GET /repos/{owner}/{repo}/issues';

let emulator: Emulator;
afterEach(async () => emulator?.close());

/** Last pushed to in January; a hand-off log open since November; the schedule off. */
async function quietDesk(): Promise<{
  log: number;
  issue: () => { name: string; payload: object };
}> {
  emulator = await startDesk({}, { repos: [{ owner: 'acme', name: 'desk', collaborators: TEAM }] });
  emulator.store.repo(REPO).pushed_at = '2026-01-05T09:00:00Z';
  emulator.store.addWorkflow(REPO, SCHEDULE, 'disabled_inactivity');
  emulator.setClock('2026-11-02T08:00:00Z');
  const log = emulator.store.createIssue(REPO, {
    title: 'On-call hand-offs: follow-the-sun, 2026-11',
    body: '<!-- support-kit:handoff-log month=2026-11 schedule=follow-the-sun -->\nEvery hand-off.',
    labels: ['oncall/handoff-log'],
  }).number;
  return {
    log,
    issue: () => {
      emulator.setClock('2026-11-24T10:00:00Z');
      const number = emulator.store.createIssue(REPO, {
        title: 'Engine restarts on three nodes',
        user: 'customer-eng',
        created_at: '2026-11-24T10:00:00Z',
      }).number;
      return {
        name: 'issues',
        payload: webhookPayload(emulator.store, 'issues', { repo: REPO, action: 'opened', number }),
      };
    },
  };
}

const oncall = (event: { name: string; payload: object }, token?: string) =>
  run(emulator, 'oncall', event, {
    workspace: { [`${CONFIG}/roster.yaml`]: ROSTER },
    env: { SUPPORT_KIT_NOW: '2026-11-24T10:00:30Z' },
    ...(token ? { inputs: { 'github-token': token } } : {}),
  });
const alarm = (log: number) =>
  emulator.store.issue(REPO, log).comments.find((c) => c.body.includes('support-kit:schedule-off'))
    ?.body ?? '';

describe('a schedule GitHub turned off (dist/oncall on issues.opened)', () => {
  it('is turned back on by the next new issue, which says so on the hand-off log', async () => {
    const { log, issue } = await quietDesk();

    // An App token with Actions write, passed as the `token` secret.
    emulator.grantToken('actions-write', {
      login: 'support-kit[bot]',
      kind: 'app',
      repositories: [REPO],
      permissions: { contents: 'read', issues: 'write', actions: 'write' },
    });

    const result = await oncall(issue(), 'actions-write');

    expect(result.exitCode).toBe(0);
    expect(emulator.store.workflow(REPO, 'support-kit-schedule.yml').state).toBe('active');
    expect(alarm(log)).toContain('GitHub turned it off after 60 days without activity');
    expect(alarm(log)).toContain('The kit turned it back on');
    // The schedule, turned on; the report's caller, which this desk does not have; the log.
    expect(routes(result.requests).filter((r) => [WORKFLOW, ENABLE, LIST].includes(r))).toEqual([
      WORKFLOW,
      ENABLE,
      WORKFLOW,
      LIST,
    ]);
  });

  it('raises the alarm with the workflow token, which may read the schedule but not turn it on', async () => {
    const { log, issue } = await quietDesk();

    // The token the callers give: issues write, actions read.
    const result = await oncall(issue());

    expect(result.exitCode).toBe(0);
    expect(emulator.store.workflow(REPO, 'support-kit-schedule.yml').state).toBe(
      'disabled_inactivity',
    );
    expect(alarm(log)).toContain(
      'Escalations, hand-offs and held issues are stopped. Turn it on in the Actions tab',
    );
    expect(alarm(log)).toContain('pass an App token with Actions write as the `token` secret');
    expect(result.stdout).toContain('warning: The support-kit schedule');
  });

  it('costs a repository pushed to in the last 50 days nothing: no request about the schedule', async () => {
    const { issue } = await quietDesk();
    emulator.setClock('2026-11-20T08:00:00Z');
    emulator.store.setFile(REPO, 'README.md', 'pushed');

    const result = await oncall(issue());

    expect(routes(result.requests)).not.toContain(WORKFLOW);
    expect(emulator.store.workflow(REPO, 'support-kit-schedule.yml').state).toBe(
      'disabled_inactivity',
    );
  });

  it('turns the weekly report back on too: GitHub turns every schedule of a quiet repository off', async () => {
    const { log, issue } = await quietDesk();
    emulator.store.addWorkflow(
      REPO,
      '.github/workflows/support-kit-report.yml',
      'disabled_inactivity',
    );
    emulator.grantToken('actions-write', {
      login: 'support-kit[bot]',
      kind: 'app',
      repositories: [REPO],
      permissions: { contents: 'read', issues: 'write', actions: 'write' },
    });

    const result = await oncall(issue(), 'actions-write');

    expect(result.exitCode).toBe(0);
    expect(emulator.store.workflow(REPO, 'support-kit-report.yml').state).toBe('active');
    expect(emulator.store.workflow(REPO, 'support-kit-schedule.yml').state).toBe('active');
    expect(alarm(log)).toContain(
      'The weekly report (support-kit-report.yml) was off: GitHub turned it off after 60 days without activity',
    );
    expect(routes(result.requests).filter((r) => r === ENABLE)).toHaveLength(2);
  });

  it('leaves a report a person turned off alone, and says so', async () => {
    const { log, issue } = await quietDesk();
    emulator.store.addWorkflow(
      REPO,
      '.github/workflows/support-kit-report.yml',
      'disabled_manually',
    );

    const result = await oncall(issue());

    expect(emulator.store.workflow(REPO, 'support-kit-report.yml').state).toBe('disabled_manually');
    expect(alarm(log)).toContain(
      'The weekly report (support-kit-report.yml) is off: someone turned it off in the Actions tab. No report is written.',
    );
    expect(result.requests.filter((r) => r.route === ENABLE)).toHaveLength(1);
  });
});
