import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formBody, Scenario } from './harness/scenario.js';

/**
 * Seed 004 for one week: live incident response in weekly turns with a primary and a backup,
 * business hours 8-12 and 1-5 Pacific, Thanksgiving off. luc is primary this week, ivy backup
 * (next week's primary); amy covers Monday afternoon (#57). The primary files incidents that
 * come in by phone, email or in person.
 */
const TEAM = ['amy', 'luc', 'ivy', 'noah', 'zoe'];

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

let desk: Scenario;
const issues = {} as Record<'silo' | 'build' | 'weekend', number>;

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

    const { intake, oncall } = await desk.issueEvent('opened', issues.silo);

    expect([intake.exitCode, oncall.exitCode]).toEqual([0, 0]);
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
    expect(entry).not.toContain(`#${issues.build}`);
  });
});
