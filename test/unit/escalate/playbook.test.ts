import { describe, expect, it } from 'vitest';
import { escalationFrom } from '../../../src/escalate/config/escalation.js';
import { businessDayMs } from '../../../src/escalate/decide/clock.js';
import { dueDates, reminderDue } from '../../../src/escalate/decide/playbook.js';
import { describeLocal } from '../../../src/roster/time.js';
import { fixture } from '../fixtures/roster/load.js';

const business = fixture('live-incident').calendars.business!;
const [sev1] = escalationFrom({
  playbooks: {
    sev1: {
      labels: ['S1-broken'],
      'after-close': [
        { name: 'Incident retrospective', 'business-days': 1 },
        { name: 'Incident summary analysis', 'business-days': 2 },
        { name: 'Customer report', 'business-days': 3 },
      ],
    },
  },
}).playbooks;

describe('playbooks', () => {
  it('resolved Thursday 15:00 before the observed holiday: retrospective Monday, summary Tuesday, report Wednesday, each at 15:00', () => {
    const dates = dueDates(sev1!, business, businessDayMs(business), '2026-07-02T22:00:00Z');
    expect(
      dates.map((d) => `${d.name}: ${describeLocal(d.at ?? 0, 'America/Los_Angeles')}`),
    ).toEqual([
      'Incident retrospective: Mon 2026-07-06 15:00 America/Los_Angeles',
      'Incident summary analysis: Tue 2026-07-07 15:00 America/Los_Angeles',
      'Customer report: Wed 2026-07-08 15:00 America/Los_Angeles',
    ]);
  });

  it('a business day is the calendar’s hours: 8 for 8-12 and 1-5', () => {
    expect(businessDayMs(business)).toBe(8 * 3_600_000);
  });

  it('no reminder before a full stretch without an update', () => {
    expect(
      reminderDue(60, Date.parse('2026-07-07T16:00:00Z'), Date.parse('2026-07-07T16:59:00Z')),
    ).toBeUndefined();
  });

  it('after a long silence, one reminder: the latest stretch, never one per missed stretch', () => {
    expect(
      reminderDue(60, Date.parse('2026-07-07T16:00:00Z'), Date.parse('2026-07-07T19:10:00Z')),
    ).toEqual({ since: '2026-07-07T16:00:00.000Z', n: 3 });
  });
});
