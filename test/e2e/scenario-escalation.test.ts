import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escalationBody } from '../fixtures/escalation.js';
import { projectRoot } from './harness/run-action.js';
import { routes, Scenario, writes } from './harness/scenario.js';

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

let desk: Scenario;
const issues = {} as Record<'engine' | 'overlay' | 'registry' | 'outage', number>;

beforeAll(async () => {
  desk = await Scenario.start({ preset: 'escalation', now: '2026-11-23T07:30:00Z', team: TEAM });
});
afterAll(async () => desk?.close());

describe('a week of the escalation preset (seed 000)', () => {
  it('Mon 08:30 Paris: the push that adopts the preset creates every label of the form', async () => {
    const run = await desk.pushConfig('amy');

    expect(run.exitCode).toBe(0);
    expect(
      desk.store
        .repo('acme/desk')
        .labels.map((l) => l.name)
        .sort(),
    ).toEqual([...PRESET_LABELS].sort());
    expect(writes(run).every((r) => r.route === 'POST /repos/{owner}/{repo}/labels')).toBe(true);
  });

  it('Mon 10:00 Paris: a complete S1 escalation is labelled from its answers and goes to dan, who covers the Paris morning (#412)', async () => {
    desk.at('2026-11-23T09:00:00Z');
    issues.engine = desk.open({
      title: '[Escalation]: Engine restarts after upgrade to 17.06 on production nodes',
      body: escalationBody(),
      labels: ['escalation'],
    });

    const { intake, oncall, escalate } = await desk.issueEvent('opened', issues.engine);

    expect([intake.exitCode, oncall.exitCode, escalate.exitCode]).toEqual([0, 0, 0]);
    expect(desk.labelsOf(issues.engine)).toEqual([
      'S1-broken',
      'area/engine',
      'bug',
      'escalation',
      'status/0-triage',
      'version/17.06',
    ]);
    expect(desk.issue(issues.engine).assignees).toEqual(['dan']);
    expect(
      desk
        .issue(issues.engine)
        .comments.map((c) => c.body)
        .join('\n'),
    ).toMatch(/Assigned to \*\*dan\*\*.*override by dan/s);
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

    const { intake, oncall } = await desk.issueEvent('opened', issues.overlay);

    expect([intake.exitCode, oncall.exitCode]).toEqual([0, 0]);
    expect(desk.labelsOf(issues.overlay)).toEqual(
      expect.arrayContaining(['status/0-more-info-needed', 'oncall/no-coverage', 'area/network']),
    );
    expect(desk.issue(issues.overlay).assignees).toEqual([]);
    const comments = desk.issue(issues.overlay).comments.map((c) => c.body);
    expect(comments).toHaveLength(2);
    expect(comments[0]).toMatch(/Severity/);
    expect(comments[0]).toMatch(/Logs/);
    expect(comments[1]).toMatch(
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
    // The same comment now says who has it: no second on-call comment.
    expect(desk.issue(issues.overlay).comments).toHaveLength(2);
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

    const { intake, oncall } = await desk.issueEvent('edited', issues.overlay, {
      body: { from: before },
    });

    expect(intake.exitCode).toBe(0);
    expect(desk.labelsOf(issues.overlay)).toEqual(
      expect.arrayContaining(['status/0-triage', 'S2-major']),
    );
    expect(desk.labelsOf(issues.overlay)).not.toContain('status/0-more-info-needed');
    expect(desk.issue(issues.overlay).comments).toHaveLength(2);
    expect(desk.issue(issues.overlay).comments[0]?.body).toMatch(/thank/i);
    // On-call does not act on edits: the assignment stands, at the cost of a Node start.
    expect(oncall.requests).toEqual([]);
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

    const { oncall } = await desk.issueEvent('opened', issues.registry);

    expect(desk.issue(issues.registry).assignees).toEqual(['fred']);
    expect(writes(oncall)).toEqual([]);
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
    expect(desk.issue(issues.outage).comments.at(-1)?.body).toMatch(
      /2026-11-27T08:00:00\+01:00 with \*\*chloe\*\*/,
    );
  });

  it('Fri 08:07 Paris: the tick gives the Thanksgiving S0 to chloe', async () => {
    desk.at('2026-11-27T07:07:00Z');

    const { oncall } = await desk.tick();

    expect(oncall.exitCode).toBe(0);
    expect(desk.issue(issues.outage).assignees).toEqual(['chloe']);
    expect(routes(oncall)).toContain('GET /search/issues');
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
});
