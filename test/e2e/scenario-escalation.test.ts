import { GITHUB_DEFAULT_LABELS } from '../../src/labels/decide/github-defaults.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escalationBody } from '../../dev/fixtures/escalation.js';
import { type Receiver, startPagerDuty } from '../../dev/harness/receivers.js';
import { projectRoot } from '../../dev/harness/run-action.js';
import { reportAndEscalation } from '../../dev/harness/invariants.js';
import { REPO, routes, Scenario, writes } from '../../dev/harness/scenario.js';
import { sectionOf } from '../../src/kernel/markers.js';
import { isPinned } from '../../dev/emulator/pins.js';

/**
 * Seed 000 for one week: an escalation repository covered follow-the-sun by SFO, Paris and
 * Cambridge, nobody from 5 to 11 PM Pacific, Thanksgiving at SFO on Thursday. Every step is a
 * workflow of the kit played through the committed bundles against the emulator.
 */
const TEAM = ['alice', 'bob', 'chloe', 'dan', 'emma', 'fred', 'escalation-leads', 'amy'];
const PRESET_LABELS = (
  parse(readFileSync(join(projectRoot(), 'config/presets/escalation/labels.yaml'), 'utf8')) as {
    labels: { name: string }[];
  }
).labels.map((l) => l.name);

const ROUTING_KEY = 'P4GERDUTY0ROUTING0KEY0123456789A';

let desk: Scenario;
let pagerDuty: Receiver;
const issues = {} as Record<'engine' | 'overlay' | 'registry' | 'outage', number>;

/** What PagerDuty was sent, without the routing key each event repeats. */
const events = () =>
  pagerDuty.received.map((r) => {
    const body = r.body as { event_action: string; dedup_key: string; payload?: object };
    const severity = (body.payload as { severity?: string } | undefined)?.severity;
    return `${body.event_action} ${body.dedup_key}${severity ? ` ${severity}` : ''}`;
  });

beforeAll(async () => {
  pagerDuty = await startPagerDuty();
  desk = await Scenario.start({
    preset: 'escalation',
    now: '2026-11-23T07:30:00Z',
    team: TEAM,
    // The preset pages the real Events API; the desk's copy points it at the loopback receiver.
    rewrite: (path, text) =>
      path.endsWith('escalation.yaml')
        ? text.replace('https://events.pagerduty.com/v2/enqueue', `${pagerDuty.url}/v2/enqueue`)
        : text,
    secrets: { 'pagerduty-routing-key': ROUTING_KEY },
  });
});
afterAll(async () => {
  await desk?.close();
  await pagerDuty?.close();
});

/** What the kit said on a new issue: one comment, a section per capability (intake, on-call, escalation). */
function said(n: number): {
  comments: number;
  intake?: string;
  oncall?: string;
  escalation?: string;
} {
  const kit = desk.issue(n).comments.filter((c) => c.body.startsWith('<!-- support-kit:'));
  const [first] = kit;
  const section = (kind: string) => first && sectionOf(first.body, { kind, keys: {} });
  return {
    comments: kit.length,
    ...Object.fromEntries(
      ['intake', 'oncall', 'escalation'].flatMap((kind) => {
        const text = section(kind);
        return text ? [[kind, text]] : [];
      }),
    ),
  };
}

/** The writes a run made to the desk-now issue: creating it, pinning it, editing it. */
function deskWrites(run: Awaited<ReturnType<Scenario['tick']>>['escalate']) {
  const [now] = desk.issuesLabelled('support-kit/desk-now');
  return writes(run).filter(
    (r) =>
      r.route === 'POST /repos/{owner}/{repo}/issues' ||
      r.route === 'POST /graphql' ||
      (now !== undefined && r.path === `/repos/${REPO}/issues/${now.number}`),
  );
}

describe('a week of the escalation preset (seed 000)', () => {
  it("Mon 08:30 Paris: the push that adopts the preset creates every label of the form and keeps GitHub's defaults", async () => {
    const run = await desk.pushConfig('amy');

    expect(run.exitCode).toBe(0);
    const defaults = GITHUB_DEFAULT_LABELS.map((l) => l.name);
    expect(
      desk.store
        .repo('acme/desk')
        .labels.map((l) => l.name)
        .sort(),
    ).toEqual([...new Set([...PRESET_LABELS, ...defaults])].sort());
    // The defaults the form uses (bug, enhancement, question) take its descriptions.
    const methods = writes(run).map((r) => r.route.split(' ')[0]);
    expect(methods.filter((m) => m === 'POST')).toHaveLength(
      PRESET_LABELS.filter((l) => !defaults.includes(l)).length,
    );
    expect(methods.filter((m) => m !== 'POST')).toEqual(
      PRESET_LABELS.filter((l) => defaults.includes(l)).map(() => 'PATCH'),
    );
  });

  it('Mon 10:00 Paris: a complete S1 escalation is labelled from its answers and goes to dan, who covers the Paris morning (#412)', async () => {
    desk.at('2026-11-23T09:00:00Z');
    issues.engine = desk.open({
      title: '[Escalation]: Engine restarts after upgrade to 17.06 on production nodes',
      body: escalationBody(),
      labels: ['escalation'],
    });

    const run = await desk.issueEvent('opened', issues.engine);

    expect(run.exitCode).toBe(0);
    // Intake, on-call and escalation in one process: the config, the forms and the issue in one
    // query, the duplicate search, the labels, the assignee, and one comment that says who has it
    // and records the page escalation sent.
    expect(routes(run)).toEqual([
      'POST /graphql',
      'GET /search/issues',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/assignees',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    ]);
    expect(desk.labelsOf(issues.engine)).toEqual([
      'S1-broken',
      'area/engine',
      'bug',
      'escalation',
      'status/0-triage',
      'version/17.06',
    ]);
    expect(desk.issue(issues.engine).assignees).toEqual(['dan']);
    const engine = said(issues.engine);
    expect(engine.comments).toBe(1);
    expect(engine.oncall).toMatch(/Assigned to \*\*dan\*\*.*override by dan/s);
    expect(engine.escalation).toMatch(/Response clock/);
  });

  it('Mon 10:00 Paris: the new S1 pages the on-call contact through PagerDuty with an error alert keyed by the issue', () => {
    expect(pagerDuty.received).toHaveLength(1);
    const [page] = pagerDuty.received;
    expect(page?.path).toBe('/v2/enqueue');
    expect(page?.body).toMatchObject({
      routing_key: ROUTING_KEY,
      event_action: 'trigger',
      dedup_key: `${REPO}#${issues.engine}`,
      payload: {
        severity: 'error',
        source: REPO,
        summary: `${REPO}#${issues.engine}: [Escalation]: Engine restarts after upgrade to 17.06 on production nodes`,
        custom_details: { assignees: ['dan'] },
      },
    });
  });

  it('Mon 11:20 Paris: nobody acknowledged the S1 within its business hour, so the first escalation step is recorded', async () => {
    desk.at('2026-11-23T10:20:00Z');

    const tick = await desk.tick();

    expect([tick.oncall.exitCode, tick.escalate.exitCode, tick.intake.exitCode]).toEqual([0, 0, 0]);
    expect(desk.labelsOf(issues.engine)).toContain('escalated/1');
    const step = desk
      .issue(issues.engine)
      .comments.find((c) => c.body.includes('<!-- support-kit:escalation-step step=1'));
    expect(step?.body).toMatch(
      /response goal of 60 business minutes \(due Mon 2026-11-23 11:00 Europe\/Paris\)/,
    );
    // The preset's roster has one role: the first step calls the leads, who route escalations.
    expect(step?.body).toContain('@acme/escalation-leads');
    // The step triggers the same alert again: PagerDuty folds it into the open one.
    expect(events()).toEqual([
      `trigger ${REPO}#${issues.engine} error`,
      `trigger ${REPO}#${issues.engine} error`,
    ]);
  });

  it("Mon 08:07 Pacific: the tick logs the hand-off to alice, on call from SFO, in the month's log the Paris morning opened and Cambridge continued", async () => {
    desk.at('2026-11-23T16:07:00Z');

    const { oncall, intake } = await desk.tick();

    expect([oncall.exitCode, intake.exitCode]).toEqual([0, 0]);
    const logs = desk.issuesLabelled('oncall/handoff-log');
    expect(logs.map((i) => i.title)).toEqual(['On-call hand-offs: follow-the-sun, 2026-11']);
    expect(logs[0]?.comments.map((c) => c.body.split('\n')[1])).toEqual([
      '### follow-the-sun primary: bob → dan',
      '### follow-the-sun primary: dan → emma',
      '### follow-the-sun primary: emma → alice',
    ]);
    expect(logs[0]?.comments.at(-1)?.body).toContain(
      '@alice is on call from Mon 2026-11-23 08:00 America/Los_Angeles',
    );
    expect(writes(intake)).toEqual([]);
  });

  it('Mon 18:30 Pacific: an escalation filed in the evening gap is held, told what is missing and when coverage resumes', async () => {
    desk.at('2026-11-24T02:30:00Z');
    issues.overlay = desk.open({
      title: '[Escalation]: Overlay network drops packets between nodes',
      body: escalationBody({ Severity: 'N/A', Logs: '_No response_', Area: 'network' }),
      labels: ['escalation'],
    });

    const run = await desk.issueEvent('opened', issues.overlay);

    expect(run.exitCode).toBe(0);
    expect(desk.labelsOf(issues.overlay)).toEqual(
      expect.arrayContaining(['status/0-more-info-needed', 'oncall/no-coverage', 'area/network']),
    );
    expect(desk.issue(issues.overlay).assignees).toEqual([]);
    // One comment: what is missing, then when coverage resumes.
    const overlay = said(issues.overlay);
    expect(overlay.comments).toBe(1);
    expect(overlay.intake).toMatch(/Severity[^]*Logs/);
    expect(overlay.oncall).toMatch(
      /declared gap "pacific-evening".*resumes at 2026-11-24T08:00:00\+01:00 with \*\*chloe\*\*/s,
    );
  });

  it('Mon 21:07 Pacific: a tick inside the gap writes nothing: going off duty is not a hand-off', async () => {
    desk.at('2026-11-24T05:07:00Z');

    const { oncall, intake } = await desk.tick();

    expect([oncall.exitCode, intake.exitCode]).toEqual([0, 0]);
    expect([...writes(oncall), ...writes(intake)]).toEqual([]);
    expect(desk.issue(issues.overlay).assignees).toEqual([]);
  });

  it('Tue 08:07 Paris: the first tick after the gap hands the held escalation to chloe and logs the hand-off', async () => {
    desk.at('2026-11-24T07:07:00Z');

    const { oncall } = await desk.tick();

    expect(oncall.exitCode).toBe(0);
    expect(desk.issue(issues.overlay).assignees).toEqual(['chloe']);
    expect(desk.labelsOf(issues.overlay)).not.toContain('oncall/no-coverage');
    // The same comment now says who has it, and still what is missing: no second comment.
    const overlay = said(issues.overlay);
    expect(overlay.comments).toBe(1);
    expect(overlay.oncall).toMatch(/assigned to \*\*chloe\*\*/i);
    expect(overlay.intake).toMatch(/Severity/);
    const [log] = desk.issuesLabelled('oncall/handoff-log');
    expect(log?.title).toBe('On-call hand-offs: follow-the-sun, 2026-11');
    expect(log?.comments.at(-1)?.body).toContain('@chloe is on call from Tue 2026-11-24 08:00');
  });

  it('Tue 11:00 Paris: the reporter adds the logs and "sev 2"; the status, severity and the same comment follow', async () => {
    desk.at('2026-11-24T10:00:00Z');
    const before = desk.edit(
      issues.overlay,
      escalationBody({
        Severity: 'sev 2',
        Area: 'network',
        Logs: '```\nkernel: vxlan: fdb lookup failed for 10.0.9.4\n```',
      }),
    );

    const run = await desk.issueEvent('edited', issues.overlay, {
      body: { from: before },
    });

    expect(run.exitCode).toBe(0);
    expect(desk.labelsOf(issues.overlay)).toEqual(
      expect.arrayContaining(['status/0-triage', 'S2-major']),
    );
    expect(desk.labelsOf(issues.overlay)).not.toContain('status/0-more-info-needed');
    const overlay = said(issues.overlay);
    expect(overlay.comments).toBe(1);
    expect(overlay.intake).toMatch(/thank/i);
    expect(overlay.oncall).toMatch(/assigned to \*\*chloe\*\*/i);
    // On-call does not act on edits: the assignment stands.
    expect(run.stdout).not.toMatch(/support-kit oncall/);
    expect(desk.issue(issues.overlay).assignees).toEqual(['chloe']);
  });

  it("Wed 14:00 London: an escalation a lead assigned by hand keeps the lead's choice", async () => {
    desk.at('2026-11-25T14:00:00Z');
    issues.registry = desk.open({
      title: '[Escalation]: Registry garbage collection deletes tagged layers',
      body: escalationBody({ Area: 'DTR', Severity: 'S2-major' }),
      labels: ['escalation'],
    });
    desk.store.updateIssue('acme/desk', issues.registry, { assignees: ['fred'] }, { actor: 'amy' });

    const run = await desk.issueEvent('opened', issues.registry);

    expect(desk.issue(issues.registry).assignees).toEqual(['fred']);
    expect(routes(run).filter((r) => r.includes('/assignees'))).toEqual([]);
  });

  it('Thu 10:00 Pacific (Thanksgiving at SFO): an S0 is held, nobody being on call until Paris opens on Friday', async () => {
    desk.at('2026-11-26T18:00:00Z');
    issues.outage = desk.open({
      title: '[Escalation]: Swarm managers lose quorum at a watchlist customer',
      body: escalationBody({ Severity: 'S0-catastrophic', Area: 'orchestration' }),
      labels: ['escalation'],
    });

    await desk.issueEvent('opened', issues.outage);

    expect(desk.issue(issues.outage).assignees).toEqual([]);
    expect(desk.labelsOf(issues.outage)).toEqual(
      expect.arrayContaining(['S0-catastrophic', 'oncall/no-coverage', 'status/0-triage']),
    );
    expect(said(issues.outage).oncall).toMatch(/2026-11-27T08:00:00\+01:00 with \*\*chloe\*\*/);
  });

  it('Thu 10:07 Pacific: amy turns on the desk now, and the tick opens one pinned issue that says nobody is on call and who gets the held S0', async () => {
    // Merged to the default branch, where the scheduled workflow reads its config.
    const file = '.github/support-kit/escalation.yaml';
    desk.store.setFile(REPO, file, `${desk.files[file] ?? ''}\ndesk-now: true\n`);
    desk.at('2026-11-26T18:07:00Z');

    const { escalate } = await desk.tick();

    expect(escalate.exitCode).toBe(0);
    // Beside the steps that fell due on Thanksgiving: the issue, once, and its pin. The sweep
    // found no desk-now issue among the open and recently closed issues it lists anyway, and one
    // listing by its label made sure there was none, closed long ago, either.
    expect(deskWrites(escalate).map((r) => r.route)).toEqual([
      'POST /repos/{owner}/{repo}/issues',
      'POST /graphql',
    ]);
    expect(routes(escalate).filter((r) => r === 'GET /repos/{owner}/{repo}/issues')).toHaveLength(
      3,
    );
    const [now] = desk.issuesLabelled('support-kit/desk-now');
    expect(now && isPinned(desk.store.repo(REPO), now.number)).toBe(true);
    expect(now?.body).toMatch(
      /\| follow-the-sun \| primary \| nobody \| Fri 2026-11-27 08:00 Europe\/Paris \| chloe \|/,
    );
    expect(now?.body).toContain(
      'Swarm managers lose quorum at a watchlist customer: nobody is on call; chloe gets it at Fri 2026-11-27 08:00 Europe/Paris',
    );
  });

  it('Thu 10:37 Pacific: the next tick finds the desk as it was and writes nothing to it', async () => {
    desk.at('2026-11-26T18:37:00Z');

    const { escalate } = await desk.tick();

    expect(deskWrites(escalate)).toEqual([]);
    expect(desk.issuesLabelled('support-kit/desk-now')).toHaveLength(1);
  });

  it('Fri 08:07 Paris: the tick gives the Thanksgiving S0 to chloe', async () => {
    desk.at('2026-11-27T07:07:00Z');

    const { oncall } = await desk.tick();

    expect(oncall.exitCode).toBe(0);
    expect(desk.issue(issues.outage).assignees).toEqual(['chloe']);
    expect(routes(oncall)).toContain('GET /search/issues');
  });

  it('Fri 08:07 Paris: the same tick edits the desk in place: the S0 is chloe\u2019s and nothing is held', () => {
    const [now] = desk.issuesLabelled('support-kit/desk-now');

    expect(now?.body).toMatch(/Swarm managers lose quorum at a watchlist customer \| chloe \|/);
    expect(now?.body).toContain('Nothing is held.');
    expect(desk.issuesLabelled('support-kit/desk-now')).toHaveLength(1);
  });

  it('by Friday every escalation has exactly one owner, one severity and one status', () => {
    for (const number of Object.values(issues)) {
      const labels = desk.labelsOf(number);
      expect(desk.issue(number).assignees, `#${number}`).toHaveLength(1);
      expect(
        labels.filter((l) => /^S\d-/.test(l)),
        `#${number}`,
      ).toHaveLength(1);
      expect(
        labels.filter((l) => l.startsWith('status/')),
        `#${number}`,
      ).toHaveLength(1);
      expect(labels, `#${number}`).not.toContain('oncall/no-coverage');
    }
  });

  it('Fri 10:00 Paris: dan closes the engine escalation as fixed, and its alert is resolved', async () => {
    desk.at('2026-11-27T09:00:00Z');
    desk.store.addComment(REPO, issues.engine, {
      body: 'Fixed in 17.06.1: the restart loop came from the new cgroup driver default.',
      user: 'dan',
    });
    desk.store.updateIssue(
      REPO,
      issues.engine,
      { state: 'closed', state_reason: 'completed' },
      { actor: 'dan' },
    );
    const received = pagerDuty.received.length;

    const run = await desk.escalate({ action: 'closed', number: issues.engine });

    expect(run.exitCode).toBe(0);
    expect(pagerDuty.received.slice(received).map((r) => r.body)).toEqual([
      { routing_key: ROUTING_KEY, event_action: 'resolve', dedup_key: `${REPO}#${issues.engine}` },
    ]);
  });

  it('over the week each escalation paged on arrival and again at each escalation step it reached (on-escalation: true), at the severity of its label then, and only the closed one was resolved', () => {
    // The overlay report had no severity when it arrived (N/A): an info alert; the edit made it
    // S2, so its steps page as warnings. Nobody acknowledged the engine, overlay and registry
    // issues in their business hour, so each reached both steps; the outage was held for Friday.
    expect([...events()].sort()).toEqual(
      [
        ...Array<string>(3).fill(`trigger ${REPO}#${issues.engine} error`),
        `trigger ${REPO}#${issues.overlay} info`,
        ...Array<string>(2).fill(`trigger ${REPO}#${issues.overlay} warning`),
        ...Array<string>(3).fill(`trigger ${REPO}#${issues.registry} warning`),
        `trigger ${REPO}#${issues.outage} critical`,
        `resolve ${REPO}#${issues.engine}`,
      ].sort(),
    );
  });

  it('Fri 10:07 Paris: the next tick escalates the Thanksgiving S0, unacknowledged past its 30 minutes of Paris hours', async () => {
    desk.at('2026-11-27T09:07:00Z');

    const { escalate } = await desk.tick();

    expect(escalate.exitCode).toBe(0);
    // 08:30 and, an hour on, 09:30 are past: the late tick takes both steps, once each.
    expect(desk.labelsOf(issues.outage)).toContain('escalated/2');
    const step = desk
      .issue(issues.outage)
      .comments.find((c) => c.body.includes('support-kit:escalation-step'));
    expect(step?.body).toContain('response goal of 30 business minutes (due Fri 2026-11-27 08:30');
  });

  it('Mon 30 Nov: the weekly report counts the four escalations, the one fixed, the two answered, and who is on call', async () => {
    desk.at('2026-11-30T12:17:00Z');

    const run = await desk.report();

    expect(run.exitCode).toBe(0);
    const [report] = desk.issuesLabelled('support-kit/report');
    expect(report?.title).toBe('Support report 2026-W48');
    const body = report?.body ?? '';
    // Engine (Mon), overlay (Mon evening), registry (Wed), outage (Thu); dan fixed the engine.
    expect(body).toMatch(/^\| Opened \| 4 \| 0 \| \+4 \|$/m);
    expect(body).toMatch(/^\| Closed \| 1 \| 0 \| \+1 \|$/m);
    expect(body).toContain('Closed: 1 completed, 0 not planned.');
    // dan's fix on Friday is the week's one answer, four days in. amy assigned fred to the
    // registry issue, but she is a lead who is not on the roster: her assignment is no team
    // response (report.yaml's `team` would add her). The kit's own assignments never count.
    expect(body).toMatch(
      /^\| Time to first response \| 4d \| 4d \| 4d \| 1 of 4 \| 3 not answered \|$/m,
    );
    expect(body).toContain('## On call');
  });

  it("Mon 30 Nov: the report's breaches are exactly the escalations the desk escalated, on the same goals", () => {
    const { breached, escalated } = reportAndEscalation(desk.store, REPO);

    expect(breached).toEqual(escalated);
    expect(breached).toEqual(['#1 1h', '#3 8h', '#4 8h', '#5 30m']);
  });
});
