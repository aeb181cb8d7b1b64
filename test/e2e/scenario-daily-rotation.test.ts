import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formBody, REPO, Scenario, writes } from '../../dev/harness/scenario.js';

/**
 * Seed 002 for one week: one SRE on call per working day in Brno (09:00-17:00), the list
 * shuffled at its end, nights and weekends not covered, and Tuesday 17 November a Czech public
 * holiday. Requests arrive through the operations form.
 */
const TEAM = ['ana', 'ben', 'cyril', 'dora', 'emil', 'fay'];

const request = (answers: Partial<Record<string, string>> = {}) =>
  formBody({
    'Kind of request': 'A question',
    Area: 'An application',
    'Cluster, namespace or application': 'smaug / opf-observatorium',
    'What happened': 'The Grafana dashboards of our namespace show no data since this morning.',
    'Logs or screenshots': '_No response_',
    ...answers,
  });

let desk: Scenario;
const issues = {} as Record<'grafana' | 'quota' | 'down' | 'vague', number>;

beforeAll(async () => {
  desk = await Scenario.start({
    preset: 'daily-rotation',
    now: '2026-11-16T07:45:00Z',
    team: TEAM,
  });
  await desk.pushConfig('fay');
});
afterAll(async () => desk?.close());

describe('a week of the daily-rotation preset (seed 002)', () => {
  it("Mon 10:00 Brno: a question goes to fay, Monday's engineer, labelled by kind and area", async () => {
    desk.at('2026-11-16T09:00:00Z');
    issues.grafana = desk.open({
      title: '[Ops]: Grafana shows no data',
      body: request(),
      labels: ['support'],
    });

    const run = await desk.issueEvent('opened', issues.grafana);

    expect(run.exitCode).toBe(0);
    expect(desk.issue(issues.grafana).assignees).toEqual(['fay']);
    expect(desk.labelsOf(issues.grafana)).toEqual([
      'area/apps',
      'kind/question',
      'status/0-triage',
      'support',
    ]);
  });

  it('Mon 18:30 Brno: a request after hours is held until Wednesday, Tuesday being a public holiday', async () => {
    desk.at('2026-11-16T17:30:00Z');
    issues.quota = desk.open({
      title: '[Ops]: Raise the storage quota of opf-datacatalog',
      body: request({
        'Kind of request': 'A change to make',
        Area: 'Cluster (nodes, storage, network)',
        'What happened':
          'Our PVCs are full; we need the namespace quota raised from 50 to 100 GiB.',
      }),
      labels: ['support'],
    });

    await desk.issueEvent('opened', issues.quota);

    expect(desk.issue(issues.quota).assignees).toEqual([]);
    expect(desk.labelsOf(issues.quota)).toEqual(
      expect.arrayContaining(['oncall/no-coverage', 'kind/request', 'area/cluster']),
    );
    expect(desk.issue(issues.quota).comments.at(-1)?.body).toMatch(
      /2026-11-18T09:00:00\+01:00 with \*\*ana\*\*/,
    );
  });

  it('Tue 10:07 Brno (holiday): the tick leaves the request held and assigns nobody', async () => {
    desk.at('2026-11-17T09:07:00Z');

    const { oncall } = await desk.tick();

    expect(oncall.exitCode).toBe(0);
    expect(desk.issue(issues.quota).assignees).toEqual([]);
    expect(writes(oncall).filter((r) => r.route.includes('assignees'))).toEqual([]);
  });

  it("Wed 09:07 Brno: the tick hands the held request to ana and logs the hand-over from fay's day", async () => {
    desk.at('2026-11-18T08:07:00Z');

    const { oncall } = await desk.tick();

    expect(oncall.exitCode).toBe(0);
    expect(desk.issue(issues.quota).assignees).toEqual(['ana']);
    expect(desk.labelsOf(issues.quota)).not.toContain('oncall/no-coverage');
    const [log] = desk.issuesLabelled('oncall/handoff-log');
    expect(log?.title).toBe('On-call hand-offs: sre, 2026-11');
    expect(log?.comments.at(-1)?.body).toContain('@ana is on call from Wed 2026-11-18 09:00');
  });

  it('Thu 10:00 Brno: an incident goes to cyril, the next engineer of the shuffled list', async () => {
    desk.at('2026-11-19T09:00:00Z');
    issues.down = desk.open({
      title: '[Ops]: Ingress returns 503 for every route on smaug',
      body: request({
        'Kind of request': 'Something is down or degraded',
        Area: 'Cluster (nodes, storage, network)',
        'What happened':
          'Every route on smaug answers 503 since 09:40; the router pods restart in a loop.',
      }),
      labels: ['support'],
    });

    await desk.issueEvent('opened', issues.down);

    expect(desk.issue(issues.down).assignees).toEqual(['cyril']);
    expect(desk.labelsOf(issues.down)).toContain('kind/incident');
  });

  it('Fri 11:00 Brno: a vague request gets an owner, emil, and is asked for what it lacks', async () => {
    desk.at('2026-11-20T10:00:00Z');
    issues.vague = desk.open({
      title: '[Ops]: Access please',
      body: request({
        'Kind of request': 'A change to make',
        Area: 'Access and permissions',
        'What happened': 'need access',
      }),
      labels: ['support'],
    });

    await desk.issueEvent('opened', issues.vague);

    expect(desk.issue(issues.vague).assignees).toEqual(['emil']);
    expect(desk.labelsOf(issues.vague)).toContain('status/0-more-info-needed');
    expect(desk.issue(issues.vague).comments[0]?.body).toMatch(/What happened/);
  });

  it('over the week five different days gave four different engineers, each on their own day', () => {
    expect(Object.values(issues).map((n) => desk.issue(n).assignees[0])).toEqual([
      'fay',
      'ana',
      'cyril',
      'emil',
    ]);
  });

  it('Fri 15:00 Brno: fay answers the Grafana question and closes it; the escalate workflow, with no escalation.yaml, writes nothing', async () => {
    desk.at('2026-11-20T14:00:00Z');
    desk.store.addComment(REPO, issues.grafana, {
      body: 'The Prometheus datasource had expired credentials; rotated, the dashboards fill again.',
      user: 'fay',
    });
    desk.store.updateIssue(
      REPO,
      issues.grafana,
      { state: 'closed', state_reason: 'completed' },
      { actor: 'fay' },
    );

    const run = await desk.escalate({ action: 'closed', number: issues.grafana });

    expect(run.exitCode).toBe(0);
    expect(writes(run)).toEqual([]);
  });

  it('Mon 23 Nov: the weekly report counts the four requests, the one closed, the one answer and the days on call', async () => {
    desk.at('2026-11-23T12:17:00Z');

    const run = await desk.report();

    expect(run.exitCode).toBe(0);
    const [report] = desk.issuesLabelled('support-kit/report');
    expect(report?.title).toBe('Support report 2026-W47');
    const body = report?.body ?? '';
    // grafana (Mon), quota (Mon evening), down (Thu), vague (Fri); fay closed grafana on Friday.
    expect(body).toMatch(/^\| Opened \| 4 \| 0 \| \+4 \|$/m);
    expect(body).toMatch(/^\| Closed \| 1 \| 0 \| \+1 \|$/m);
    expect(body).toContain('Closed: 1 completed, 0 not planned.');
    // fay's reply is the only answer by a person: the kit's assignments are not responses.
    expect(body).toMatch(/^\| Time to first response \|.*\| 1 of 4 \| 3 not answered \|$/m);
    // Four working days of 8 hours (Tuesday a holiday), one engineer each.
    expect(body).toMatch(
      /^\| primary \| ana \(8 h\), cyril \(8 h\), emil \(8 h\), fay \(8 h\) \|/m,
    );
  });

  it('Mon 23 Nov 15:00 Brno: cyril asks dora to cover his Tuesday; the pull request passes its check once both approve', async () => {
    desk.at('2026-11-23T14:00:00Z');
    // The team let Actions open pull requests (Settings → Actions → General).
    desk.store.repo(REPO).actionsMayOpenPulls = true;

    const asked = await desk.comment(issues.down, 'cyril', '/cover @dora 2026-11-24');

    expect(asked.exitCode).toBe(0);
    const pulls = desk.store.repo(REPO).issues.filter((i) => i.pull_request);
    expect(pulls.map((p) => [p.title, p.pull_request?.requested_reviewers])).toEqual([
      ['Roster: dora covers cyril, 2026-11-24', ['cyril', 'dora']],
    ]);
    const pr = pulls[0]?.number ?? 0;
    expect(desk.issue(issues.down).comments.at(-1)?.body).toContain(`/pull/${pr} for **cyril**`);
    expect(writes(asked).map((r) => r.route)).toEqual([
      'POST /repos/{owner}/{repo}/git/refs',
      'PUT /repos/{owner}/{repo}/contents/{path}',
      'POST /repos/{owner}/{repo}/pulls',
      'POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers',
      // The reply, and the issue's record of what the kit did, updated.
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
    ]);

    // The kit's token opened it, which starts no pull_request run: the reviews start the check.
    const dora = await desk.review(pr, 'dora');
    const cyril = await desk.review(pr, 'cyril');

    expect([dora.exitCode, cyril.exitCode]).toEqual([1, 0]);
    expect(dora.annotations.map((a) => a.message).join('\n')).toContain('waiting for cyril.');
    expect(cyril.annotations.filter((a) => a.message.includes('needs their approval'))).toEqual([]);
  });
});
