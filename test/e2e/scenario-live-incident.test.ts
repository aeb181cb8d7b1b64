import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formBody, routes, Scenario, writes } from '../../dev/harness/scenario.js';

/**
 * Seed 004 for one week: live incident response in weekly turns with a primary and a backup,
 * business hours 8-12 and 1-5 Pacific, Thanksgiving off. luc is primary this week, ivy backup
 * (next week's primary); amy covers Monday afternoon (#57). The primary files incidents that
 * come in by phone, email or in person.
 */
const TEAM = ['amy', 'luc', 'ivy', 'noah', 'zoe', 'kai'];

const incident = (answers: Partial<Record<string, string>> = {}) =>
  formBody({
    'Reported by': 'Dana Whitfield, dana@example.org',
    'How it came in': 'Hotline call',
    'Where it runs': 'SCF',
    Version: '3.4.2',
    'What happened':
      'Opening a 2 TB Silo database on the SCF hangs the viewer at 40% with no error.',
    'What was tried so far': 'Checked the known issues; none matches.',
    ...answers,
  });

const ROSTER = '.github/support-kit/roster.yaml';

let desk: Scenario;
const issues = {} as Record<
  'silo' | 'build' | 'license' | 'mesh' | 'weekend' | 'jury' | 'render',
  number
>;

const mentions = (n: number, login: string) =>
  desk.issue(n).comments.filter((c) => c.body.includes(`@${login}`)).length;

beforeAll(async () => {
  desk = await Scenario.start({ preset: 'live-incident', now: '2026-11-23T15:30:00Z', team: TEAM });
  await desk.pushConfig('luc');
});
afterAll(async () => desk?.close());

describe('a week of the live-incident preset (seed 004)', () => {
  it('Mon 09:00 Pacific: a hotline incident is labelled by channel and site and goes to luc, the primary', async () => {
    desk.at('2026-11-23T17:00:00Z');
    issues.silo = desk.open({
      title: '[Incident]: Viewer hangs opening a Silo database on the SCF',
      body: incident(),
      labels: ['incident'],
      user: 'luc',
    });

    const run = await desk.issueEvent('opened', issues.silo);

    expect(run.exitCode).toBe(0);
    expect(desk.issue(issues.silo).assignees).toEqual(['luc']);
    expect(desk.labelsOf(issues.silo)).toEqual([
      'incident',
      'site/scf',
      'status/0-triage',
      'via/hotline',
    ]);
  });

  it('Mon 14:30 Pacific: an email incident during the override goes to amy, who covers for luc', async () => {
    desk.at('2026-11-23T22:30:00Z');
    issues.build = desk.open({
      title: '[Incident]: Build from sources fails with the new compiler',
      body: incident({
        'How it came in': 'Email',
        'Where it runs': "The user's own machine or build",
        'What happened':
          'The CMake build stops in the VTK module with an undefined symbol on GCC 14.',
      }),
      labels: ['incident'],
      user: 'luc',
    });

    await desk.issueEvent('opened', issues.build);

    expect(desk.issue(issues.build).assignees).toEqual(['amy']);
    expect(desk.issue(issues.build).comments.at(-1)?.body).toMatch(/override/);
  });

  it('Tue 11:30 Pacific: an incident a user files on GitHub goes to luc, the primary, and starts the one-hour clock', async () => {
    desk.at('2026-11-24T19:30:00Z');
    issues.license = desk.open({
      title: '[Incident]: License server refuses every checkout since this morning',
      body: incident({
        'How it came in': 'GitHub',
        'Where it runs': "The user's own machine or build",
        'What happened': 'Every checkout answers "license server unreachable" since 09:00.',
      }),
      labels: ['incident'],
      user: 'reporter',
    });

    const run = await desk.issueEvent('opened', issues.license);

    expect(run.exitCode).toBe(0);
    expect(desk.issue(issues.license).assignees).toEqual(['luc']);
    expect(desk.labelsOf(issues.license)).not.toContain('escalated/1');
  });

  it('Tue 12:52 Pacific: 82 minutes later, lunch included, only 30 business minutes have passed: no escalation', async () => {
    desk.at('2026-11-24T20:52:00Z');

    const { escalate } = await desk.tick();

    expect(escalate.exitCode).toBe(0);
    expect(desk.issue(issues.license).assignees).toEqual(['luc']);
    expect(desk.labelsOf(issues.license)).not.toContain('escalated/1');
    expect(mentions(issues.license, 'ivy')).toBe(0);
  });

  it('Tue 13:31 Pacific: after 61 business minutes with no answer, ivy, the backup, is assigned, mentioned once and the issue labelled escalated/1', async () => {
    desk.at('2026-11-24T21:31:00Z');

    const { escalate } = await desk.tick();

    expect(escalate.exitCode).toBe(0);
    expect(desk.issue(issues.license).assignees).toEqual(['luc', 'ivy']);
    expect(desk.labelsOf(issues.license)).toContain('escalated/1');
    expect(mentions(issues.license, 'ivy')).toBe(1);
    // The Monday incidents escalated on the tick before: this one is the only issue written, with
    // ivy assigned, the label, the step's comment mentioning her (a new comment, which notifies)
    // and the escalation's record, a section the issue's one comment gains by an edit.
    expect(writes(escalate).map((r) => r.route)).toEqual([
      'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/assignees',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
    ]);
    expect(
      new Set(
        writes(escalate).flatMap((r) =>
          r.path.includes('/comments/') ? [] : [r.path.split('/')[5]],
        ),
      ),
    ).toEqual(new Set([String(issues.license)]));
  });

  it('Tue 13:52 Pacific: the next tick escalates nothing twice: ivy is not mentioned again', async () => {
    desk.at('2026-11-24T21:52:00Z');

    const { escalate } = await desk.tick();

    expect(escalate.exitCode).toBe(0);
    expect(writes(escalate)).toEqual([]);
    expect(mentions(issues.license, 'ivy')).toBe(1);
    expect(desk.issue(issues.license).assignees).toEqual(['luc', 'ivy']);
  });

  it('Wed 09:00 Pacific: luc answers a new incident within 40 minutes, and it never escalates', async () => {
    desk.at('2026-11-25T17:00:00Z');
    issues.mesh = desk.open({
      title: '[Incident]: Mesh import drops every other zone',
      body: incident({
        'How it came in': 'GitHub',
        'Where it runs': "The user's own machine or build",
        'What happened': 'Importing an Exodus mesh with 12 zones shows only the 6 even ones.',
      }),
      labels: ['incident'],
      user: 'reporter',
    });
    await desk.issueEvent('opened', issues.mesh);
    desk.at('2026-11-25T17:40:00Z');
    const reply = await desk.comment(
      issues.mesh,
      'luc',
      'Reproduced with 3.4.2; the reader skips odd block ids. Working on a fix.',
    );
    expect(reply.exitCode).toBe(0);

    desk.at('2026-11-25T20:52:00Z');
    const { escalate } = await desk.tick();

    expect(escalate.exitCode).toBe(0);
    expect(desk.issue(issues.mesh).assignees).toEqual(['luc']);
    expect(desk.labelsOf(issues.mesh).filter((l) => l.startsWith('escalated/'))).toEqual([]);
    expect(writes(escalate)).toEqual([]);
  });

  it('Wed 15:00 Pacific: luc ships the fix and closes the mesh incident', async () => {
    desk.at('2026-11-25T23:00:00Z');
    const run = await desk.closeIssue(issues.mesh, 'luc');

    expect(run.exitCode).toBe(0);
    expect(desk.issue(issues.mesh).state).toBe('closed');
    expect(desk.labelsOf(issues.mesh).filter((l) => l.startsWith('escalated/'))).toEqual([]);
  });

  it("Sat 10:00 Pacific: a weekend incident still goes to the week's primary, who answers it on Monday", async () => {
    desk.at('2026-11-28T18:00:00Z');
    issues.weekend = desk.open({
      title: '[Incident]: Hosted binary download returns 404',
      body: incident({
        'How it came in': 'GitHub',
        'Where it runs': "The user's own machine or build",
      }),
      labels: ['incident'],
      user: 'reporter',
    });

    await desk.issueEvent('opened', issues.weekend);

    expect(desk.issue(issues.weekend).assignees).toEqual(['luc']);
    expect(desk.labelsOf(issues.weekend)).toContain('via/github');
  });

  it("Mon 30 Nov 08:17 Pacific: the report of the rotation's week that luc's hand-off just ended counts the five incidents, the one closed, the answers and who is on call", async () => {
    desk.at('2026-11-30T16:17:00Z');

    const run = await desk.report();

    expect(run.exitCode).toBe(0);
    const [report] = desk.issuesLabelled('support-kit/report');
    expect(report?.title).toBe('Support report 2026-W48');
    const body = report?.body ?? '';
    // silo, build (filed by luc), license, mesh, weekend; luc closed mesh on Wednesday.
    expect(body).toMatch(/^\| Opened \| 5 \| 0 \| \+5 \|$/m);
    expect(body).toMatch(/^\| Closed \| 1 \| 0 \| \+1 \|$/m);
    expect(body).toContain('Closed: 1 completed, 0 not planned.');
    // The two luc filed owe no response; of the three users filed, only mesh was answered.
    expect(body).toMatch(/^\| Time to first response \|.*\| 1 of 3 \| 2 not answered \|$/m);
    expect(body).toContain('2 opened by the team owe none');
    expect(body).toMatch(/^\| primary \| luc \(\d+ h\), amy \(\d+ h\) \| ivy \(\d+ h\)/m);
    expect(body).toMatch(/^\| backup \| ivy \(\d+ h\).* \| noah \(\d+ h\)/m);
    // Since 1 October: luc was given five incidents, the build one by Tuesday's escalation step;
    // ivy three, each by an escalation. Monday's override was two hand-offs, luc to amy and back,
    // each leaving an open incident with the outgoing person.
    expect(body).toMatch(/^\| luc \| (\d+ \| ){6}5 \| 1 \| 1 \|$/m);
    expect(body).toMatch(/^\| ivy \| (\d+ \| ){6}3 \| 3 \| 0 \|$/m);
    expect(body).toMatch(/^\| amy \(most\) \| (\d+ \| ){6}1 \| 0 \| 1 \|$/m);
  });

  it('Mon 08:05 Pacific: the tick logs the hand-off to ivy and lists what luc leaves open', async () => {
    desk.at('2026-11-30T16:05:00Z');

    const { oncall } = await desk.tick();

    expect(oncall.exitCode).toBe(0);
    const [log] = desk.issuesLabelled('oncall/handoff-log');
    expect(log?.title).toBe('On-call hand-offs: live-incident, 2026-11');
    const entry = log?.comments.at(-1)?.body ?? '';
    expect(entry).toContain('@ivy is on call from Mon 2026-11-30 08:00 America/Los_Angeles');
    expect(entry).toContain(`#${issues.silo}`);
    expect(entry).toContain(`#${issues.weekend}`);
    // amy's override ended Monday 18:00: a hand-off too, so the build incident came back to luc.
    expect(entry).toContain(`#${issues.build}`);
    // The hosted-binary incident, the kit's and luc's alone, goes to ivy.
    expect(entry).toContain('(to be reassigned to ivy)');
    // Escalated incidents have ivy beside luc: a person decides who keeps them.
    expect(entry).toMatch(
      new RegExp(`#${issues.license} .*\\(stays with luc: shared with ivy, so a person decides\\)`),
    );
  });

  it('Mon 10:00 Pacific: ivy, primary since this morning, is Busy on GitHub; a new incident goes to noah, the backup, and says why', async () => {
    desk.at('2026-11-30T18:00:00Z');
    desk.store.setUserStatus('ivy', { message: 'Jury duty', indicatesLimitedAvailability: true });
    issues.jury = desk.open({
      title: '[Incident]: License server refuses new seats',
      body: incident({
        'How it came in': 'GitHub',
        'Where it runs': "The user's own machine or build",
      }),
      labels: ['incident'],
      user: 'reporter',
    });

    const run = await desk.issueEvent('opened', issues.jury);

    expect(run.exitCode).toBe(0);
    expect(desk.issue(issues.jury).assignees).toEqual(['noah']);
    // The config query, then one query for the status of the two in line.
    expect(routes(run).filter((r) => r === 'POST /graphql')).toHaveLength(2);
    expect(
      desk
        .issue(issues.jury)
        .comments.map((c) => c.body)
        .join('\n'),
    ).toContain('**ivy**, who was due, has set their GitHub status to Busy (“Jury duty”).');
  });

  it('Mon 11:00 Pacific: zoe asks by pull request that kai, new to the team, shadow the desk; the check passes and the review shows kai beside ivy and noah', async () => {
    desk.at('2026-11-30T19:00:00Z');
    const pr = desk.store.createIssue('acme/desk', {
      title: 'kai shadows the live-incident desk',
      user: 'zoe',
      pull_request: true,
    }).number;

    const { validate } = await desk.pullRequest(pr, 'opened', {
      sha: 'd4'.repeat(20),
      files: { [ROSTER]: shadowed() },
    });

    expect(validate.exitCode).toBe(0);
    const review = desk
      .issue(pr)
      .comments.map((c) => c.body)
      .join('\n');
    expect(review).toContain('**live-incident** (primary / backup / shadow)');
    expect(review).toMatch(/\| ivy \/ noah \/ kai \|/);
    expect(writes(validate).map((r) => r.route)).toEqual([
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    ]);
  });

  it("Mon 11:30 Pacific, merged: the tick escalates the morning's two unanswered incidents to noah and tells kai, who shadows, to follow along", async () => {
    await desk.push('zoe', { [ROSTER]: shadowed() }, 'kai shadows the live-incident desk');
    desk.at('2026-11-30T19:30:00Z');

    const { escalate } = await desk.tick();

    expect(escalate.exitCode).toBe(0);
    for (const n of [issues.weekend, issues.jury]) {
      expect(desk.issue(n).assignees).not.toContain('kai');
      expect(mentions(n, 'kai')).toBe(1);
    }
    expect(new Set(writes(escalate).flatMap((r) => r.path.split('/')[5] ?? []))).toEqual(
      new Set([String(issues.weekend), String(issues.jury), 'comments']),
    );
  });

  it('Tue 09:00 Pacific: a new incident goes to ivy, back from jury duty, never to kai; kai answers first but the clock runs on', async () => {
    desk.store.setUserStatus('ivy', null);
    desk.at('2026-12-01T17:00:00Z');
    issues.render = desk.open({
      title: '[Incident]: Volume rendering shows black tiles on the SCF',
      body: incident({
        'How it came in': 'GitHub',
        'Where it runs': "The user's own machine or build",
      }),
      labels: ['incident'],
      user: 'reporter',
    });
    await desk.issueEvent('opened', issues.render);
    desk.at('2026-12-01T17:20:00Z');
    await desk.comment(issues.render, 'kai', 'I see the same tiles on my account.');

    desk.at('2026-12-01T18:01:00Z');
    const { escalate } = await desk.tick();

    expect(escalate.exitCode).toBe(0);
    expect(desk.issue(issues.render).assignees).toEqual(['ivy', 'noah']);
    const step = desk
      .issue(issues.render)
      .comments.find((c) => c.body.includes('Escalation, step 1'));
    expect(step?.body).toContain('@noah: please acknowledge');
    expect(step?.body).toContain('@kai follows along as shadow.');
    expect(mentions(issues.render, 'kai')).toBe(1);
    // The shadow costs no request: named in the step's comment, never assigned.
    expect(writes(escalate).map((r) => r.route)).toEqual([
      'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/assignees',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
    ]);
  });
});

/** The preset's roster with kai shadowing every week from 30 November. */
function shadowed(): string {
  return (desk.files[ROSTER] ?? '')
    .replace('  zoe: { site: llnl }\n', '  zoe: { site: llnl }\n  kai: { site: llnl }\n')
    .replace(
      'rotations:\n',
      'rotations:\n  newcomers:\n    members: [kai]\n    period: week\n    handoff: mon 08:00\n    site: llnl\n    anchor: 2026-11-30\n',
    )
    .replace(
      '    roles: [primary, backup]\n',
      '    roles: [primary, backup]\n    shadow: { rotation: newcomers }\n',
    );
}
