import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formBody, Scenario, writes } from '../../dev/harness/scenario.js';

/**
 * Seed 003 for one week: a TAM escalates a customer outage; deployment engineering's primary
 * (sam this week, tomas backup) gets it, the Sev 1 playbook is posted, nobody acknowledges in
 * time so the backup is pulled in and the leads are mentioned, the customer-update reminder and
 * leadership come after an hour, and after the fix the retrospective, the summary and the
 * customer report open as sub-issues of the incident, due in business days (Toronto, 9-17),
 * reminded when due and listed by the weekly report.
 */
const TEAM = ['jordan', 'priya', 'sam', 'tomas'];

const outage = (answers: Partial<Record<string, string>> = {}) =>
  formBody({
    Customer: 'Initech',
    'Escalated by': 'TAM',
    Severity: 'S1-broken',
    'Outage started at': '2026-11-23 14:50 UTC',
    Impact:
      'Nobody at Initech can post messages: every post times out after 30 seconds, 4,000 users.',
    Environment: 'Production',
    Database: 'PostgreSQL',
    'System information':
      'Server 10.2.1, 3 app nodes (8 CPU, 32 GB), PostgreSQL 15 primary (16 CPU, 64 GB)',
    'Support bundle and slow query log': 'Support bundle attached; slow query log to follow.',
    ...answers,
  });

let desk: Scenario;
let issue = 0;
const comment = (marker: string) =>
  desk.issue(issue).comments.find((c) => c.body.includes(`<!-- support-kit:${marker}`))?.body ?? '';

beforeAll(async () => {
  desk = await Scenario.start({ preset: 'sev1-playbook', now: '2026-11-23T14:55:00Z', team: TEAM });
  await desk.pushConfig('sam');
});
afterAll(async () => desk?.close());

describe('a week of the sev1-playbook preset (seed 003)', () => {
  it('Mon 10:00 Toronto: the outage is labelled, goes to sam (primary), and the Sev 1 checklist is posted', async () => {
    desk.at('2026-11-23T15:00:00Z');
    issue = desk.open({
      title: '[Outage]: Initech cannot post messages',
      body: outage(),
      labels: ['incident'],
    });

    const run = await desk.issueEvent('opened', issue);

    expect(run.exitCode).toBe(0);
    expect(desk.labelsOf(issue)).toEqual([
      'S1-broken',
      'db/postgres',
      'env/production',
      'escalated-by/tam',
      'incident',
      'status/0-triage',
    ]);
    expect(desk.issue(issue).assignees).toEqual(['sam']);
    expect(comment('playbook name=sev1')).toContain('### 1. Escalation');
    expect(comment('playbook name=sev1')).toContain('### 8. Retrospective');
  });

  it('Mon 10:40: nobody acknowledged within 30 minutes, so the backup tomas is assigned too', async () => {
    desk.at('2026-11-23T15:40:00Z');

    const tick = await desk.tick();

    expect([tick.oncall.exitCode, tick.escalate.exitCode, tick.intake.exitCode]).toEqual([0, 0, 0]);
    expect(desk.issue(issue).assignees).toEqual(['sam', 'tomas']);
    expect(desk.labelsOf(issue)).toContain('escalated/1');
    expect(comment('escalation-step step=1')).toMatch(/response goal of 30 business minutes/);
  });

  it('Mon 11:10: an hour in, the leads are mentioned, the customer is due an update and leadership is looped in', async () => {
    desk.at('2026-11-23T16:10:00Z');

    await desk.tick();

    expect(desk.labelsOf(issue)).toContain('escalated/2');
    expect(desk.labelsOf(issue)).not.toContain('escalated/1');
    expect(comment('escalation-step step=2')).toContain('@acme/deployment-engineering-leads');
    expect(comment('playbook-reminder')).toMatch(/^@sam @tomas: no update for the customer/m);
    expect(comment('playbook-leadership')).toMatch(
      /^@acme\/leadership: this incident has been open for 60 minutes/m,
    );
  });

  it('Mon 11:25: the next tick repeats nothing it already said', async () => {
    desk.at('2026-11-23T16:25:00Z');
    const before = desk.issue(issue).comments.length;

    const { oncall, escalate, intake } = await desk.tick();

    expect(desk.issue(issue).comments).toHaveLength(before);
    expect([...writes(oncall), ...writes(escalate), ...writes(intake)]).toEqual([]);
  });

  it('Wed 15:00: the fix is confirmed and the issue closed; the retrospective, the summary and the customer report open as its sub-issues', async () => {
    desk.at('2026-11-25T20:00:00Z');
    desk.store.updateIssue(
      'acme/desk',
      issue,
      { state: 'closed', state_reason: 'completed' } as never,
      { actor: 'sam' },
    );

    const run = await desk.escalate({ action: 'closed', number: issue });

    expect(run.exitCode).toBe(0);
    const followUps = desk.store.subIssues('acme/desk', issue).map((s) => s.issue);
    expect(followUps.map((f) => [f.title, f.assignees])).toEqual([
      ['Incident retrospective: [Outage]: Initech cannot post messages', ['sam', 'tomas']],
      ['Incident summary analysis: [Outage]: Initech cannot post messages', ['sam', 'tomas']],
      [
        'Summary analysis sent to the customer: [Outage]: Initech cannot post messages',
        ['sam', 'tomas'],
      ],
    ]);
    expect(followUps.map((f) => /due \*\*(.+?)\*\*/.exec(f.body ?? '')?.[1])).toEqual([
      'Thu 2026-11-26 15:00 America/Toronto',
      'Fri 2026-11-27 15:00 America/Toronto',
      'Mon 2026-11-30 15:00 America/Toronto',
    ]);
    expect(followUps[2]?.body).toContain('For @acme/deployment-engineering-leads.');
  });

  it('Thu 10:07: nothing is due yet, so nobody is reminded', async () => {
    desk.at('2026-11-26T15:07:00Z');

    const { escalate } = await desk.tick();

    expect(writes(escalate)).toEqual([]);
  });

  it('Thu 15:07: the retrospective falls due, and sam and tomas are reminded on it once', async () => {
    desk.at('2026-11-26T20:07:00Z');
    await desk.tick();
    desk.at('2026-11-26T20:22:00Z');
    const { escalate } = await desk.tick();

    const [retrospective] = desk.store.subIssues('acme/desk', issue).map((s) => s.issue);
    expect(retrospective?.comments.map((c) => c.body.split('\n')[1])).toEqual([
      `@sam @tomas: this follow-up of #${issue} is due now (Thu 2026-11-26 15:00 America/Toronto). Close it once it is done.`,
    ]);
    expect(writes(escalate)).toEqual([]);
  });

  it('Mon 7 Dec 07:17: the weekly report lists the follow-ups still open, both overdue, and counts only the incident as an issue', async () => {
    const [retrospective] = desk.store.subIssues('acme/desk', issue).map((s) => s.issue);
    desk.at('2026-11-27T16:00:00Z');
    desk.store.updateIssue(
      'acme/desk',
      retrospective?.number ?? 0,
      { state: 'closed', state_reason: 'completed' } as never,
      { actor: 'sam' },
    );
    desk.at('2026-12-07T12:17:00Z');

    const run = await desk.report();

    expect(run.exitCode).toBe(0);
    const [report] = desk.issuesLabelled('support-kit/report');
    const body = report?.body ?? '';
    expect(body).toContain('## Incident follow-ups\n\n2 open, 2 overdue.');
    expect(body).toContain('| Fri 2026-11-27 15:00 America/Toronto **overdue** |');
    expect(body).toContain('| Mon 2026-11-30 15:00 America/Toronto **overdue** |');
    expect(body).not.toContain('Incident retrospective:');
    expect(body).toMatch(/^\| Opened \| 1 \|/m);
  });
});
