import { describe, expect, it } from 'vitest';
import { stepDueAt } from '../../../src/escalate/decide/clock.js';
import { responseClock } from '../../../src/roster/response-clock.js';
import { escalationFrom } from '../../../src/escalate/config/escalation.js';
import { describeLocal } from '../../../src/roster/time.js';
import { fixture } from '../fixtures/roster/load.js';

const liveIncident = fixture('live-incident');
const followTheSun = fixture('follow-the-sun');
const oneHour = escalationFrom({ response: { goals: [{ minutes: 60 }] } });
const due = (at: number | undefined, zone: string) =>
  at === undefined ? undefined : describeLocal(at, zone);

describe('the response clock', () => {
  it("counts the primary's site calendar: opened Thursday 16:30 before the observed holiday, due Monday 08:30", () => {
    const clock = responseClock(oneHour, liveIncident, ['incident'], '2026-07-02T23:30:00Z');
    expect(clock?.source).toBe('calendar business (site of primary amy)');
    expect(due(clock?.dueAt, 'America/Los_Angeles')).toBe(
      'Mon 2026-07-06 08:30 America/Los_Angeles',
    );
  });

  it("without a roster calendar at the primary's site, uses the site's work week and holidays at business-hours", () => {
    const config = escalationFrom({
      response: { goals: [{ minutes: 60 }], 'business-hours': ['09:00-17:00'] },
    });
    // Monday 10:00 in Paris: chloe (Paris) is primary; Paris works 09:00-17:00 here.
    const clock = responseClock(config, followTheSun, ['S1-broken'], '2026-11-23T09:00:00Z');
    expect(clock?.source).toMatch(
      /^site paris: Mon-Fri 09:00-17:00 Europe\/Paris \(site of primary (chloe|dan)\)$/,
    );
    expect(due(clock?.dueAt, 'Europe/Paris')).toBe('Mon 2026-11-23 11:00 Europe/Paris');
  });

  it('an issue opened in a gap counts on the calendar of whoever takes over when coverage resumes', () => {
    const config = escalationFrom({ response: { goals: [{ minutes: 60 }] } });
    // Monday 18:30 Pacific, the declared evening gap: Paris takes over at 08:00 Paris time.
    const clock = responseClock(config, followTheSun, ['S1-broken'], '2026-11-24T02:30:00Z');
    expect(clock?.source).toContain('site paris');
    expect(due(clock?.dueAt, 'Europe/Paris')).toBe('Tue 2026-11-24 10:00 Europe/Paris');
  });

  it('a named calendar wins over the site of the primary', () => {
    const config = escalationFrom({ response: { goals: [{ minutes: 30, calendar: 'business' }] } });
    const clock = responseClock(config, liveIncident, ['incident'], '2026-07-07T18:50:00Z'); // 11:50
    expect(due(clock?.dueAt, 'America/Los_Angeles')).toBe(
      'Tue 2026-07-07 13:20 America/Los_Angeles',
    );
  });

  it('without a roster, the clock is wall-clock time', () => {
    const clock = responseClock(oneHour, undefined, [], '2026-07-04T10:00:00Z');
    expect(clock?.dueAt).toBe(Date.parse('2026-07-04T11:00:00Z'));
  });

  it('the first goal whose labels the issue has wins; a goal without labels takes the rest', () => {
    const config = escalationFrom({
      response: { goals: [{ labels: ['S0-catastrophic'], minutes: 15 }, { minutes: 240 }] },
    });
    expect(
      responseClock(config, undefined, ['s0-catastrophic '], '2026-07-04T10:00:00Z')?.goal.minutes,
    ).toBe(15);
    expect(
      responseClock(config, undefined, ['S3-minor'], '2026-07-04T10:00:00Z')?.goal.minutes,
    ).toBe(240);
  });

  it('a step falls due its minutes past the goal, on the same business clock', () => {
    const config = escalationFrom({
      response: { goals: [{ minutes: 60 }] },
      escalation: { steps: [{}, { 'after-minutes': 60 }] },
    });
    const clock = responseClock(config, liveIncident, ['incident'], '2026-07-07T18:30:00Z'); // 11:30
    expect(
      config.steps.map((s) => due(clock && stepDueAt(clock, s), 'America/Los_Angeles')),
    ).toEqual([
      'Tue 2026-07-07 13:30 America/Los_Angeles',
      'Tue 2026-07-07 14:30 America/Los_Angeles',
    ]);
  });
});
