import { describe, expect, it } from 'vitest';
import { reportConfigFrom } from '../../../src/report/config/report.js';
import { computeMetrics } from '../../../src/report/decide/metrics.js';
import { formatElapsed, statsOf } from '../../../src/report/decide/stats.js';
import { parseWeek, reportedWeek, weekContaining } from '../../../src/report/decide/week.js';
import { fixture } from '../fixtures/roster/load.js';
import {
  closed,
  comment,
  input,
  issue,
  labeled,
  person,
  transferred,
} from '../fixtures/report/issues.js';

const HOUR = 3_600_000;
const MIN = 60_000;

describe('statistics', () => {
  it('mean, median (middle pair averaged) and p90 (nearest rank)', () => {
    expect(statsOf([4, 1, 3, 2].map((h) => h * HOUR))).toEqual({
      count: 4,
      mean: 2.5 * HOUR,
      median: 2.5 * HOUR,
      p90: 4 * HOUR,
    });
  });

  it('past 48 hours an elapsed time is rounded to the nearest hour: 2d 3h 50m reads 2d 4h', () => {
    expect(formatElapsed(51 * HOUR + 50 * MIN)).toBe('2d 4h');
  });

  it('an empty sample has no mean rather than a mean of zero', () => {
    expect(statsOf([])).toEqual({ count: 0, mean: null, median: null, p90: null });
  });
});

describe('time to first response', () => {
  it('counts unanswered issues beside the average instead of dropping them', () => {
    const m = computeMetrics(
      input([
        issue('2026-11-16T09:00:00Z', [comment('2026-11-16T10:00:00Z', person('amy'))]),
        issue('2026-11-16T09:00:00Z', [comment('2026-11-16T09:05:00Z', person('customer'))]),
        issue('2026-11-17T09:00:00Z'),
      ]),
    );
    expect(m.firstResponse).toMatchObject({ population: 3, answered: 1, unanswered: 2 });
    expect(m.firstResponse.elapsed.mean).toBe(HOUR);
  });

  it('issues a team member opened owe no response and are counted apart', () => {
    const m = computeMetrics(input([issue('2026-11-16T09:00:00Z', [], { author: person('amy') })]));
    expect(m.firstResponse).toMatchObject({ population: 0, openedByTeam: 1, unanswered: 0 });
  });
});

describe('response goal on the business clock (seed 004: 1 h, 8-12 and 1-5 Pacific)', () => {
  const roster = fixture('live-incident');
  const week = parseWeek('2026-W47', 'America/Los_Angeles')!;
  const calendar = { name: 'business', window: roster.calendars.business! };
  const run = (issues: ReturnType<typeof issue>[]) =>
    computeMetrics(
      input(issues, {
        week,
        roster,
        calendar,
        now: Date.parse('2026-11-23T15:00:00Z'),
      }),
    );

  it('Thursday 16:30 answered Friday 08:20 waited 50 business minutes: within the goal', () => {
    const m = run([
      issue('2026-11-20T00:30:00Z', [comment('2026-11-20T16:20:00Z', person('amy'))]),
    ]);
    // Thursday 19 Nov 16:30 PST is 20 Nov 00:30 UTC; Friday 20 Nov 08:20 PST is 16:20 UTC.
    expect(m.goals).toMatchObject({ met: 1, breached: 0, pending: 0 });
    expect(m.firstResponse.business?.median).toBe(50 * MIN);
  });

  it("Friday 16:30 answered Monday 08:20: as of the week's end it is pending, whenever the report runs", () => {
    const friday = issue('2026-11-21T00:30:00Z', [comment('2026-11-23T16:20:00Z', person('amy'))]);
    const monday = run([friday]);
    const monthLater = computeMetrics(
      input([friday], { week, roster, calendar, now: Date.parse('2026-12-21T15:00:00Z') }),
    );
    expect(monday.goals).toMatchObject({ met: 0, pending: 1, breaches: [] });
    expect({ ...monthLater.goals, calendar: '' }).toEqual({ ...monday.goals, calendar: '' });
    expect(monthLater.firstResponse).toEqual(monday.firstResponse);
  });

  it('11:30 answered 13:40 waited 70 business minutes over lunch: a breach, listed', () => {
    const m = run([
      issue('2026-11-17T19:30:00Z', [comment('2026-11-17T21:40:00Z', person('luc'))], {
        number: 7,
        labels: ['S2-major'],
      }),
    ]);
    expect(m.goals).toMatchObject({ met: 0, breached: 1 });
    expect(m.goals.breaches[0]).toMatchObject({
      number: 7,
      severity: 'S2-major',
      businessMs: 70 * MIN,
      respondedBy: 'luc',
    });
  });

  it('an issue nobody answered is a breach once the goal has passed in business time', () => {
    const m = run([issue('2026-11-20T23:30:00Z')]); // Friday 15:30; now is Monday 07:00
    expect(m.goals).toMatchObject({ breached: 1, pending: 0 });
    expect(m.goals.breaches[0]).toMatchObject({ respondedAt: null, businessMs: 90 * MIN });
  });

  it('lists breaches worst first: the most severe, then the longest wait', () => {
    const m = run([
      issue('2026-11-16T16:00:00Z', [], { labels: ['S2-major'] }), // Monday: waited longest
      issue('2026-11-19T16:00:00Z', [], { labels: ['S1-broken'] }),
      issue('2026-11-17T16:00:00Z', [], { labels: ['S1-broken'] }),
    ]);
    expect(m.goals.breaches.map((b) => [b.severity, b.arrivedAt.slice(0, 10)])).toEqual([
      ['S1-broken', '2026-11-17'],
      ['S1-broken', '2026-11-19'],
      ['S2-major', '2026-11-16'],
    ]);
  });

  it('a severity goal wins over the default', () => {
    const config = reportConfigFrom({ 'response-goals': { severities: { S0: '15m' } } });
    const m = computeMetrics(
      input(
        [
          issue('2026-11-17T17:00:00Z', [comment('2026-11-17T17:20:00Z', person('amy'))], {
            labels: ['S0-catastrophic'],
          }),
        ],
        { week, roster, calendar, config, now: Date.parse('2026-11-23T15:00:00Z') },
      ),
    );
    expect(m.goals.breaches.map((b) => b.goalMs)).toEqual([15 * MIN]);
  });
});

describe('the rest of the week', () => {
  it('lists open issues older than N days oldest first, and majors with their state at the end', () => {
    const m = computeMetrics(
      input([
        issue('2026-10-20T09:00:00Z', [], { number: 2, labels: ['S3-minor'] }),
        issue('2026-10-01T09:00:00Z', [], { number: 1 }),
        issue('2026-11-18T09:00:00Z', [], { number: 3 }),
        issue('2026-11-16T09:00:00Z', [closed('2026-11-17T09:00:00Z')], {
          number: 4,
          labels: ['S1-broken'],
        }),
        issue('2026-11-16T09:00:00Z', [labeled('2026-11-16T09:00:00Z', person('customer'))], {
          number: 5,
          labels: ['S2-major'],
        }),
      ]),
    );
    expect(m.stale.issues.map((s) => s.number)).toEqual([1, 2]);
    expect(m.majors.map((r) => [r.number, r.state, r.closedAs])).toEqual([
      [4, 'closed', 'completed'],
    ]);
  });

  it('counts per severity, status and area, with issues lacking one under (none)', () => {
    const m = computeMetrics(
      input([
        issue('2026-11-16T09:00:00Z', [], { labels: ['S1-broken', 'area/engine', 'support'] }),
        issue('2026-11-16T09:00:00Z', [], { labels: ['status/0-triage'] }),
      ]),
    );
    expect(m.breakdown.severity).toEqual([
      { label: 'S1-broken', opened: 1, closed: 0, open: 1 },
      { label: '', opened: 1, closed: 0, open: 1 },
    ]);
    expect(m.breakdown.area.map((r) => r.label)).toEqual(['area/engine', '']);
  });

  it('opened and closed per local day of the week, Monday first', () => {
    const m = computeMetrics(
      input([
        issue('2026-11-16T09:00:00Z', [closed('2026-11-22T23:59:00Z')]),
        issue('2026-11-18T09:00:00Z'),
      ]),
    );
    expect(m.daily.map((d) => [d.opened, d.closed])).toEqual([
      [1, 0],
      [0, 0],
      [1, 0],
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 1],
    ]);
  });

  it("week over week: the backlog at the start is last week's end, counts come from search", () => {
    const m = computeMetrics(
      input([issue('2026-11-02T09:00:00Z'), issue('2026-11-16T09:00:00Z')], {
        counts: { createdToEnd: 40, openedPreviousWeek: 3, closedPreviousWeek: 5 },
      }),
    );
    expect(m.previousWeek).toEqual({ opened: 3, closed: 5, backlog: 1, from: 'search' });
    expect(m.change).toEqual({ opened: -2, closed: -5, backlog: 1 });
    expect(m.allTime).toEqual({ opened: 40, closed: 38, open: 2 });
  });

  it('resolution leaves out an issue its own reporter closed, and counts those resolved within the target', () => {
    const amy = person('amy');
    const m = computeMetrics(
      input(
        [
          // The team resolved it in two hours; another in nine days; the reporter closed the third.
          issue('2026-11-16T09:00:00Z', [closed('2026-11-16T11:00:00Z', 'completed', amy)]),
          issue('2026-11-10T09:00:00Z', [closed('2026-11-19T09:00:00Z', 'completed', amy)]),
          issue('2026-11-17T09:00:00Z', [
            closed('2026-11-17T09:05:00Z', 'completed', person('customer')),
          ]),
        ],
        { config: reportConfigFrom({ 'stale-after-days': 7 }) },
      ),
    );
    expect(m.resolution).toMatchObject({
      selfClosed: 1,
      withinTarget: { days: 7, resolved: 1 },
      business: null,
    });
    expect(m.resolution.elapsed.count).toBe(2);
  });

  it('all time counts no issue that was transferred here only after the week ended', () => {
    const m = computeMetrics(
      input(
        [
          issue('2026-11-02T09:00:00Z'),
          // Created elsewhere in October, moved here the Tuesday after the week.
          issue('2026-10-05T09:00:00Z', [transferred('2026-11-24T10:00:00Z')]),
        ],
        { counts: { createdToEnd: 40, openedPreviousWeek: 0, closedPreviousWeek: 0 } },
      ),
    );
    expect(m.allTime).toEqual({ opened: 39, closed: 38, open: 1 });
  });

  it('who was on call, who is next, and the open issues an outgoing primary hands over', () => {
    const roster = fixture('live-incident');
    const week = parseWeek('2026-W47', 'America/Los_Angeles')!;
    const m = computeMetrics(
      input(
        [
          issue('2026-11-18T17:00:00Z', [], { number: 9, assignees: ['amy'] }),
          issue('2026-11-18T17:00:00Z', [], { number: 10, assignees: ['noah'] }),
        ],
        {
          week,
          roster,
          now: Date.parse('2026-11-23T15:00:00Z'),
        },
      ),
    );
    const schedule = m.oncall[0]!;
    // The turn changes on Monday 08:00: zoe held the week's first hours, amy the rest.
    expect(schedule.thisWeek.primary?.map((h) => h.login)).toEqual(['amy', 'zoe']);
    expect(schedule.nextWeek.primary?.[0]?.login).toBe('luc');
    expect(m.handedOver).toMatchObject([{ number: 9, from: 'amy', to: 'luc' }]);
  });

  it('says an issue stays with its holder when the schedule does not reassign, as the hand-off log does', () => {
    const week = parseWeek('2026-W47', 'America/Los_Angeles')!;
    const run = (reassign: 'none' | 'open') => {
      const roster = fixture('live-incident');
      for (const schedule of Object.values(roster.schedules)) schedule.handoff.reassign = reassign;
      return computeMetrics(
        input([issue('2026-11-18T17:00:00Z', [], { number: 9, assignees: ['amy'] })], {
          week,
          roster,
          now: Date.parse('2026-11-23T15:00:00Z'),
        }),
      ).handedOver;
    };
    expect(run('none')).toMatchObject([{ number: 9, from: 'amy', to: 'luc', moves: false }]);
    expect(run('open')).toMatchObject([{ number: 9, from: 'amy', to: 'luc', moves: true }]);
  });

  it('an issue the hand-off already reassigned is still listed as handed over by its holder then', () => {
    const roster = fixture('live-incident');
    const week = parseWeek('2026-W47', 'America/Los_Angeles')!;
    // The hand-off job ran Monday 08:05 PST (16:05 UTC): luc on, amy off; the report runs after.
    const reassigned = issue('2026-11-18T17:00:00Z', [], {
      number: 9,
      assignees: ['luc'],
      assignmentChanges: [
        { at: '2026-11-18T17:10:00Z', login: 'amy', added: true },
        { at: '2026-11-23T16:05:00Z', login: 'luc', added: true },
        { at: '2026-11-23T16:05:01Z', login: 'amy', added: false },
      ],
    });
    const m = computeMetrics(
      input([reassigned], { week, roster, now: Date.parse('2026-11-23T18:00:00Z') }),
    );
    expect(m.handedOver).toMatchObject([{ number: 9, from: 'amy', to: 'luc', assignees: ['amy'] }]);
  });
});

describe('ISO weeks in the report zone', () => {
  it('a week across the end of summer time lasts 169 hours in Paris', () => {
    const week = parseWeek('2026-W43', 'Europe/Paris')!;
    expect((week.end - week.start) / HOUR).toBe(169);
    expect(week.days[0]).toBe('2026-10-19');
  });

  it('Monday 00:30 in Paris is still Sunday in UTC: a run then reports W47 in Paris, W46 in UTC', () => {
    const at = Date.parse('2026-11-22T23:30:00Z'); // Monday 00:30 in Paris
    expect(reportedWeek(at, 'Europe/Paris', 'previous').id).toBe('2026-W47');
    expect(reportedWeek(at, 'UTC', 'previous').id).toBe('2026-W46');
  });

  it('2026 has 53 ISO weeks and 2027 has 52: 2027-W53 does not exist', () => {
    expect(parseWeek('2026-W53', 'UTC')?.days[0]).toBe('2026-12-28');
    expect(parseWeek('2027-W53', 'UTC')).toBeUndefined();
    expect(weekContaining(Date.parse('2027-01-01T12:00:00Z'), 'UTC').id).toBe('2026-W53');
  });
});

describe('what the report leaves out or cannot know', () => {
  it("the kit's own issues (reports and hand-off logs) are counted nowhere", () => {
    const m = computeMetrics(
      input([
        issue('2026-11-16T09:00:00Z', [], { labels: ['support-kit/report'] }),
        issue('2026-11-16T09:00:00Z', [], { labels: ['oncall/handoff-log'] }),
        issue('2026-11-17T09:00:00Z', [], { labels: ['report'] }),
      ]),
    );
    expect([m.opened, m.firstResponse.population, m.goals.breached]).toEqual([1, 1, 1]);
  });

  it('an issue whose first 100 timeline entries hold no response is not measured, not a breach', () => {
    const m = computeMetrics(
      input([
        issue('2026-11-16T09:00:00Z', [comment('2026-11-16T09:01:00Z', person('customer'))], {
          responsesTruncated: true,
        }),
      ]),
    );
    expect(m.firstResponse).toMatchObject({
      population: 1,
      answered: 0,
      unanswered: 0,
      notMeasured: 1,
    });
    expect(m.goals).toMatchObject({ breached: 0, notMeasured: 1, breaches: [] });
  });

  it('unanswered issues closed without an answer are counted among the unanswered', () => {
    const m = computeMetrics(
      input([
        issue('2026-11-16T09:00:00Z', [closed('2026-11-16T09:20:00Z', 'not_planned')]),
        issue('2026-11-16T09:00:00Z', [closed('2026-11-18T09:00:00Z')]),
        issue('2026-11-17T09:00:00Z'),
      ]),
    );
    expect(m.firstResponse).toMatchObject({ unanswered: 3, closedUnanswered: 2 });
  });
});

describe('a holiday week and a summer-time week (seed 004, live-incident roster)', () => {
  const roster = fixture('live-incident');
  const calendar = { name: 'business', window: roster.calendars.business! };
  const run = (id: string, issues: ReturnType<typeof issue>[], now: string) =>
    computeMetrics(
      input(issues, {
        week: parseWeek(id, 'America/Los_Angeles')!,
        roster,
        calendar,
        now: Date.parse(now),
      }),
    );

  it('W48: Wednesday 16:30 answered on the day after Thanksgiving waited 30 business minutes', () => {
    // Wed 25 Nov 16:30 PST is 26 Nov 00:30 UTC; Fri 27 Nov 10:00 PST is 18:00 UTC.
    const m = run(
      '2026-W48',
      [issue('2026-11-26T00:30:00Z', [comment('2026-11-27T18:00:00Z', person('amy'))])],
      '2026-11-30T17:00:00Z',
    );
    expect(m.goals).toMatchObject({ met: 1, breached: 0 });
    expect(m.firstResponse.business?.median).toBe(30 * MIN);
  });

  it('W44 ends with a 25-hour Sunday (summer time ends): its late issue counts, elapsed is real time', () => {
    // Sun 1 Nov 00:30 PDT is 07:30 UTC; 03:30 PST is 11:30 UTC: four hours, not three.
    const sunday = issue('2026-11-01T07:30:00Z', [comment('2026-11-01T11:30:00Z', person('amy'))]);
    // Sun 1 Nov 23:30 PST is 2 Nov 07:30 UTC: still the week; Mon 00:30 PST is the next one.
    const late = issue('2026-11-02T07:30:00Z');
    const next = issue('2026-11-02T08:30:00Z');
    const m = run('2026-W44', [sunday, late, next], '2026-11-02T17:00:00Z');
    expect(m.daily.at(-1)).toEqual({ date: '2026-11-01', opened: 2, closed: 0 });
    expect(m.opened).toBe(2);
    expect(m.firstResponse.elapsed.median).toBe(4 * HOUR);
    // Answered on a Sunday: no business time passed, the goal is met.
    expect(m.goals).toMatchObject({ met: 1, pending: 1, breached: 0 });
  });
});
