import { describe, expect, it } from 'vitest';
import { escalationFrom } from '../../../src/escalate/config/escalation.js';
import { findAcknowledgement } from '../../../src/escalate/decide/ack.js';
import { issueClock } from '../../../src/escalate/decide/clock.js';
import { computeMetrics } from '../../../src/report/decide/metrics.js';
import type { ReportIssue } from '../../../src/report/decide/types.js';
import { parseWeek } from '../../../src/report/decide/week.js';
import { fixture } from '../fixtures/roster/load.js';
import { bot, comment, input, issue, labeled, person } from '../fixtures/report/issues.js';

/**
 * Seed 004's desk: S0/S1 within one business hour, the rest within eight, on the llnl calendar
 * (8-12 and 1-5 Pacific). The report and escalation read the same goals from escalation.yaml.
 */
const roster = fixture('live-incident');
const WAITING = 'status/0-more-info-needed';
const escalation = escalationFrom({
  response: {
    calendar: 'business',
    goals: [{ labels: ['S0-catastrophic', 'S1-broken'], minutes: 60 }, { minutes: 480 }],
    'pause-while': [WAITING],
  },
});
const response = escalation;
const customer = person('customer');
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
  // Monday 09:00, S1, incomplete: intake asks the reporter at once, and nobody hears back all
  // week. The clock stands still: neither escalated nor breached.
  issue('2026-11-16T17:00:00Z', [labeled('2026-11-16T17:00:30Z', bot(), WAITING)], {
    labels: ['incident', 'S1-broken', WAITING],
  }),
  // Tuesday 09:00, S1, asked at once; the reporter answers at 14:00 and the clock resumes; amy
  // answers at 15:30: 90 counted minutes, late for both.
  issue(
    '2026-11-17T17:00:00Z',
    [
      labeled('2026-11-17T17:00:00Z', bot(), WAITING),
      comment('2026-11-17T22:00:00Z', customer, 'NONE'),
      comment('2026-11-17T23:30:00Z', person('amy')),
    ],
    { labels: ['incident', 'S1-broken', WAITING] },
  ),
  // Wednesday 09:00, S1, asked at 09:10; the reporter answers at 13:00; amy at 13:40: 10 + 40
  // counted minutes, within the hour for both, though four hours passed.
  issue(
    '2026-11-18T17:00:00Z',
    [
      labeled('2026-11-18T17:10:00Z', bot(), WAITING),
      comment('2026-11-18T21:00:00Z', customer, 'NONE'),
      comment('2026-11-18T21:40:00Z', person('amy')),
    ],
    { labels: ['incident', 'S1-broken', WAITING] },
  ),
];

/**
 * Escalation's verdict on an issue as of the week's end, by escalation's own functions: the goal
 * on its clock fell due before its first acknowledgement. The issue is handed over as the
 * escalate job reads it from GitHub: its comments and its label events, up to the week's end.
 */
function lateForEscalation(i: ReportIssue): boolean {
  const before = (t: { at: string }) => Date.parse(t.at) < END;
  const comments = i.timeline.flatMap((t, id) =>
    t.kind === 'comment' && before(t)
      ? [
          {
            id,
            author: t.actor?.login ?? 'ghost',
            kit: false,
            bot: !!t.actor?.bot,
            body: 'ok',
            createdAt: t.at,
          },
        ]
      : [],
  );
  const snapshot = {
    number: i.number,
    title: i.title,
    body: '',
    author: i.author?.login ?? 'ghost',
    url: i.url,
    labels: i.labels,
    assignees: i.assignees,
    state: 'open' as const,
    stateReason: null,
    createdAt: i.createdAt,
    closedAt: null,
  };
  const clock = issueClock({
    issue: snapshot,
    comments,
    labelHistory: i.timeline.flatMap((t) =>
      (t.kind === 'labeled' || t.kind === 'unlabeled') && before(t)
        ? [{ label: t.label, at: t.at, added: t.kind === 'labeled' }]
        : [],
    ),
    config: escalation,
    roster,
  });
  const team = new Set(Object.keys(roster.people));
  const ack = findAcknowledgement(snapshot, comments, { team, assignees: [], now: new Date(END) });
  const until = ack ? Date.parse(ack.at) : END;
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
    expect(breached).toHaveLength(3);
  });

  it("takes each issue's goal from escalation.yaml, not report.yaml, and says so", () => {
    const m = computeMetrics(input(desk, { week, roster, response }));

    expect(m.goals.breaches.map((b) => b.goalMs / 60_000).sort((a, b) => a - b)).toEqual([
      60, 60, 480,
    ]);
    expect(m.goals.calendar).toBe(
      "escalation.yaml's goals, each issue on the calendar escalation counts it on",
    );
  });
});
