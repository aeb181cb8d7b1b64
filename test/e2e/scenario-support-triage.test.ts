import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formBody, routes, Scenario } from '../../dev/harness/scenario.js';

/**
 * Seed 001 for one week: L1 support checks every report before it goes to L2 (a diagnostics
 * id, uploaded logs, what changed, steps to reproduce), hints at duplicates, and walks issues
 * through the status/* lifecycle. The preset has no roster: L1 triages from the status labels.
 */
const TEAM = ['l1-sam', 'l2-kim'];

const report = (answers: Partial<Record<string, string>> = {}) =>
  formBody({
    'Diagnostics ID': '1A2B3C4D-1A2B-1A2B-1A2B-1A2B3C4D5E6F/20261123091500',
    Logs: '- [x] The diagnose tool uploaded the logs without an error',
    'What changed before it broke?': 'An upgrade',
    'Steps to reproduce':
      '1. Upgrade to 4.37 from the menu\n2. Restart the app\n3. Run docker ps: it hangs forever',
    'Expected and actual behaviour': 'docker ps lists the containers; instead it never returns.',
    'OS and version': 'macOS 15.2',
    ...answers,
  });

let desk: Scenario;
const issues = {} as Record<'stale' | 'hang' | 'vpn' | 'again', number>;

beforeAll(async () => {
  desk = await Scenario.start({
    preset: 'support-triage',
    now: '2026-10-30T10:00:00Z',
    team: TEAM,
  });
  await desk.pushConfig('l2-kim');
  // Three weeks before the week starts, a report came in without its diagnostics and was never completed.
  issues.stale = desk.open({
    title: '[Problem]: Whale icon stays grey after login',
    body: report({ 'Diagnostics ID': 'n/a' }),
    labels: ['support'],
  });
  await desk.issueEvent('opened', issues.stale);
});
afterAll(async () => desk?.close());

describe('a week of the support-triage preset (seed 001)', () => {
  it('Mon: a complete report goes to triage with its environment label, and nobody is bothered with a comment', async () => {
    desk.at('2026-11-23T09:00:00Z');
    issues.hang = desk.open({
      title: '[Problem]: docker ps hangs after upgrading to 4.37',
      body: report(),
      labels: ['support'],
    });

    const run = await desk.issueEvent('opened', issues.hang);

    expect(run.exitCode).toBe(0);
    expect(desk.labelsOf(issues.hang)).toEqual(['env/upgrade', 'status/0-triage', 'support']);
    expect(desk.issue(issues.hang).comments).toEqual([]);
    // No roster in this preset: the on-call step assigns nobody and writes nothing.
    expect(routes(run).filter((r) => r.includes('/assignees'))).toEqual([]);
    expect(desk.issue(issues.hang).assignees).toEqual([]);
  });

  it('Mon: a report with no diagnostics id and no steps is asked for exactly those, in one comment', async () => {
    desk.at('2026-11-23T10:30:00Z');
    issues.vpn = desk.open({
      title: '[Problem]: Containers lose DNS when the VPN connects',
      body: report({
        'Diagnostics ID': 'n/a',
        'Steps to reproduce': '1.\n2.\n3.',
        'What changed before it broke?': 'Nothing that I know of',
      }),
      labels: ['support'],
    });

    await desk.issueEvent('opened', issues.vpn);

    expect(desk.labelsOf(issues.vpn)).toEqual(['status/0-more-info-needed', 'support']);
    const comments = desk.issue(issues.vpn).comments;
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toMatch(/Diagnostics ID/);
    expect(comments[0]?.body).toMatch(/Steps to reproduce/);
    expect(comments[0]?.body).not.toMatch(/OS and version/);
  });

  it('Tue: a second report of the same hang is pointed at the first one, and stays open', async () => {
    desk.at('2026-11-24T08:15:00Z');
    issues.again = desk.open({
      title: '[Problem]: docker ps hangs forever after upgrade to 4.37',
      body: report({ 'OS and version': 'macOS 14.6' }),
      labels: ['support'],
    });

    await desk.issueEvent('opened', issues.again);

    expect(desk.issue(issues.again).comments[0]?.body).toContain(`#${issues.hang}`);
    expect(desk.issue(issues.again).state).toBe('open');
    expect(desk.labelsOf(issues.again)).toContain('status/0-triage');
  });

  it('Wed: the scheduled sweep closes the report left incomplete for three weeks, and nothing else', async () => {
    desk.at('2026-11-25T06:22:00Z');

    const { intake } = await desk.tick();

    expect(intake.exitCode).toBe(0);
    expect(desk.issue(issues.stale).state).toBe('closed');
    expect(desk.issue(issues.stale).state_reason).toBe('not_planned');
    for (const open of [issues.hang, issues.vpn, issues.again])
      expect(desk.issue(open).state).toBe('open');
  });

  it('Thu: the reporter adds the diagnostics and steps; the status moves to triage and the comment says thank you', async () => {
    desk.at('2026-11-26T14:00:00Z');
    const before = desk.edit(
      issues.vpn,
      report({
        'Diagnostics ID': '9F8E7D6C-1A2B-1A2B-1A2B-1A2B3C4D5E6F/20261126135900',
        'Steps to reproduce':
          '1. Connect the corporate VPN\n2. docker run alpine nslookup example.com',
        'What changed before it broke?': 'Nothing that I know of',
      }),
    );

    await desk.issueEvent('edited', issues.vpn, { body: { from: before } });

    expect(desk.labelsOf(issues.vpn)).toEqual(['status/0-triage', 'support']);
    expect(desk.issue(issues.vpn).comments).toHaveLength(1);
    expect(desk.issue(issues.vpn).comments[0]?.body).toMatch(/thank/i);
  });

  it('Fri: L2 answers a triaged report and moves it to status/1-acknowledged by hand', () => {
    desk.at('2026-11-27T09:00:00Z');
    desk.store.addComment('acme/desk', issues.hang, {
      body: 'Reproduced on 4.37 with an empty context; looking at the socket proxy.',
      user: 'l2-kim',
    });
    desk.store.removeLabel('acme/desk', issues.hang, 'status/0-triage', { actor: 'l2-kim' });
    desk.store.addLabels('acme/desk', issues.hang, ['status/1-acknowledged'], { actor: 'l2-kim' });

    expect(desk.labelsOf(issues.hang)).toEqual(['env/upgrade', 'status/1-acknowledged', 'support']);
  });

  it('Fri: an unrelated edit by the reporter does not undo the status L2 set', async () => {
    desk.at('2026-11-27T10:00:00Z');
    const before = desk.edit(issues.hang, report({ 'OS and version': 'macOS 15.2 (24C101)' }));

    await desk.issueEvent('edited', issues.hang, { body: { from: before } });

    expect(desk.labelsOf(issues.hang)).toEqual(['env/upgrade', 'status/1-acknowledged', 'support']);
  });

  it('Mon 30 Nov: the weekly report sums up the rotation with the statistics the seed asks for', async () => {
    desk.at('2026-11-30T12:17:00Z');

    const run = await desk.report();

    expect(run.exitCode).toBe(0);
    const [report] = desk.issuesLabelled('support-kit/report');
    expect(report?.title).toBe('Support report 2026-W48');
    const body = report?.body ?? '';
    // "Issues Opened vs Closed this week" and "all time"
    expect(body).toMatch(/^\| Opened \| 3 \| 0 \| \+3 \|$/m);
    expect(body).toMatch(/^\| Closed \| 1 \| 0 \| \+1 \|$/m);
    expect(body).toContain('Closed: 0 completed, 1 not planned.');
    expect(body).toContain('All time (to the end of the week): 4 opened, 1 closed, 3 open.');
    // L2's label on Friday is the only first response of the week.
    expect(body).toMatch(/^\| Time to first response \|.*\| 1 of 3 \| 2 not answered \|$/m);
    expect(body).toContain('## Open for more than 14 days');
  });
});
