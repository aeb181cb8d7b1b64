import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../../src/report/decide/metrics.js';
import { parseWeek } from '../../../src/report/decide/week.js';
import { responseClock, responseModelFrom } from '../../../src/roster/response-clock.js';
import { fixture } from '../fixtures/roster/load.js';
import { comment, input, issue, person } from '../fixtures/report/issues.js';

/**
 * Seed 004's desk: S0/S1 within one business hour, the rest within eight, on the llnl calendar
 * (8-12 and 1-5 Pacific). The report and escalation read the same goals from escalation.yaml.
 */
const roster = fixture('live-incident');
const response = responseModelFrom({
  calendar: 'business',
  goals: [{ labels: ['S0-catastrophic', 'S1-broken'], minutes: 60 }, { minutes: 480 }],
});
const week = parseWeek('2026-W47', 'America/Los_Angeles')!;
const END = week.end;

const desk = [
  // Monday 09:00 Pacific, S1, answered at 09:50: within the hour.
  issue('2026-11-16T17:00:00Z', [comment('2026-11-16T17:50:00Z', person('amy'))], {
    labels: ['incident', 'S1-broken'],
  }),
  // Monday 11:30, S1, answered 13:40: 30 min before lunch + 40 after = 70 business minutes: late.
  issue('2026-11-16T19:30:00Z', [comment('2026-11-16T21:40:00Z', person('amy'))], {
    labels: ['incident', 'S1-broken'],
  }),
  // Friday 16:30, S1, unanswered at the week's end: 30 minutes counted by Friday 17:00, so the
  // goal is not yet due (Monday 08:30): pending, and escalation has not found it late either.
  issue('2026-11-21T00:30:00Z', [], { labels: ['incident', 'S1-broken'] }),
  // Tuesday 10:00, S3, answered Wednesday 15:00: 7 + 6 = 13 business hours > 8: late.
  issue('2026-11-17T18:00:00Z', [comment('2026-11-18T23:00:00Z', person('luc'))], {
    labels: ['incident', 'S3-minor'],
  }),
  // Thursday 09:00, S3, answered the same day at 16:00: 6 business hours: within eight.
  issue('2026-11-19T17:00:00Z', [comment('2026-11-20T00:00:00Z', person('luc'))], {
    labels: ['incident', 'S3-minor'],
  }),
];

/** Escalation's verdict on an issue as of the week's end: its goal fell due before an answer. */
function lateForEscalation(i: (typeof desk)[number]): boolean {
  const clock = responseClock(response, roster, i.labels, i.createdAt);
  const answered = i.timeline.find((t) => t.kind === 'comment')?.at;
  const until = Math.min(answered ? Date.parse(answered) : END, END);
  return clock?.dueAt !== undefined && clock.dueAt < until;
}

describe('one response clock for the desk', () => {
  it("the report's breaches for a week are exactly the issues escalation found late", () => {
    const m = computeMetrics(
      input(desk, { week, roster, response, now: Date.parse('2026-11-30T00:00:00Z') }),
    );

    const breached = m.goals.breaches.map((b) => b.number).sort((a, b) => a - b);
    const late = desk
      .filter(lateForEscalation)
      .map((i) => i.number)
      .sort((a, b) => a - b);
    expect(breached).toEqual(late);
    expect(breached).toHaveLength(2);
  });

  it("takes each issue's goal from escalation.yaml, not report.yaml, and says so", () => {
    const m = computeMetrics(input(desk, { week, roster, response }));

    expect(m.goals.breaches.map((b) => b.goalMs / 60_000).sort((a, b) => a - b)).toEqual([60, 480]);
    expect(m.goals.calendar).toBe(
      "escalation.yaml's goals, each issue on the calendar escalation counts it on",
    );
  });
});
