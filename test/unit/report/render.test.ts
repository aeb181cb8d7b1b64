import { describe, expect, it } from 'vitest';
import { reportConfigFrom } from '../../../src/report/config/report.js';
import { decideReport, figuresOf } from '../../../src/report/decide/decide.js';
import { computeMetrics } from '../../../src/report/decide/metrics.js';
import { issueLink } from '../../../src/kernel/markdown.js';
import { MAX_BODY, renderReport } from '../../../src/report/decide/render.js';
import type { PreviousReport } from '../../../src/report/decide/types.js';
import { ISO_WEEK, parseWeek } from '../../../src/report/decide/week.js';
import { fixture } from '../fixtures/roster/load.js';
import {
  assigned,
  bot,
  closed,
  comment,
  input,
  issue,
  labeled,
  person,
  reopened,
  transferred,
} from '../fixtures/report/issues.js';

const roster = fixture('live-incident');
const week = parseWeek('2026-W47', 'America/Los_Angeles')!;
const calendar = { name: 'business', window: roster.calendars.business! };
const NOW = Date.parse('2026-11-23T15:00:00Z'); // Monday 07:00 in Livermore

/** Seed 004's desk over ISO week 47 of 2026 (Monday 16 to Sunday 22 November, Pacific time). */
function seededWeek() {
  const amy = person('amy');
  const luc = person('luc');
  return [
    issue('2026-09-30T17:00:00Z', [labeled('2026-09-30T17:30:00Z', amy, 'S3-minor')], {
      number: 41,
      title: 'Old rendering glitch on | pipes',
      labels: ['S3-minor', 'status/1-acknowledged', 'area/engine'],
      assignees: ['noah'],
    }),
    issue(
      '2026-11-16T16:10:00Z',
      [
        labeled('2026-11-16T16:10:00Z', bot(), 'S1-broken'),
        assigned('2026-11-16T16:10:05Z', bot()),
        comment('2026-11-16T16:40:00Z', amy),
        closed('2026-11-18T20:00:00Z'),
      ],
      {
        number: 50,
        title: 'Cluster down after upgrade @visit-dav/core',
        labels: ['S1-broken', 'area/engine'],
        assignees: ['amy'],
      },
    ),
    issue('2026-11-17T19:30:00Z', [comment('2026-11-17T21:40:00Z', luc)], {
      number: 51,
      title: 'Viewer hangs on large files',
      labels: ['S2-major', 'status/2-in-progress'],
      assignees: ['amy'],
    }),
    issue('2026-11-18T18:00:00Z', [comment('2026-11-18T18:05:00Z', person('customer'), 'NONE')], {
      number: 52,
      title: 'Question about licences',
      labels: ['status/0-triage'],
    }),
    issue('2026-11-19T17:00:00Z', [closed('2026-11-19T18:00:00Z', 'not_planned')], {
      number: 53,
      title: 'Spam',
    }),
    issue(
      '2026-11-02T17:00:00Z',
      [closed('2026-11-04T17:00:00Z'), reopened('2026-11-20T17:00:00Z')],
      { number: 38, title: 'Crash on export (regression)', labels: ['S0-catastrophic'] },
    ),
    issue(
      '2026-10-05T17:00:00Z',
      [transferred('2026-11-20T18:00:00Z'), assigned('2026-11-20T18:20:00Z', luc)],
      { number: 54, title: 'Moved here from the main repo', assignees: ['luc'] },
    ),
    issue('2026-11-06T17:00:00Z', [], { number: 40, title: 'Opened by the team', author: amy }),
  ];
}

function seededInput() {
  return input(seededWeek(), {
    week,
    now: NOW,
    roster,
    calendar,
    counts: { createdToEnd: 57, openedPreviousWeek: 4, closedPreviousWeek: 6 },
  });
}

/** The seeded week decided after last week's report #30, with what that report holds. */
function afterReport30(last: Partial<PreviousReport> = {}) {
  return decideReport({
    ...seededInput(),
    reportRepo: { owner: 'acme', repo: 'desk' },
    previousReports: [
      {
        number: 30,
        week: '2026-W46',
        state: 'open',
        url: 'https://github.com/acme/desk/issues/30',
        ...last,
      },
    ],
  });
}

describe('report body', () => {
  it('renders a seeded week of seed 004 (golden)', async () => {
    const decision = afterReport30();
    await expect(decision.body).toMatchFileSnapshot('../golden/report-week.md');
  });

  it("says before the numbers that the desk's schedule is off, and why", () => {
    const body = renderReport(computeMetrics(seededInput()), {
      title: 'R',
      listLimit: 25,
      previous: null,
      scheduleOff: {
        file: '.github/workflows/support-kit-schedule.yml',
        state: 'disabled_inactivity',
      },
    });
    const warning = body.indexOf("> **The desk's schedule is off**");
    expect(body.slice(warning).split('\n')[0]).toContain(
      '(`.github/workflows/support-kit-schedule.yml`: GitHub turned it off after 60 days without activity). Escalation steps, hand-offs and held issues wait until it runs again.',
    );
    expect(warning).toBeLessThan(body.indexOf('## The week in numbers'));
  });

  it("compares with last week's own report when there is one, and leaves this week's figures for the next", () => {
    const decision = afterReport30({ figures: { opened: 9, closed: 1 } });

    expect(decision.body).toContain('| Opened | 5 | 9 | -4 |');
    expect(decision.body).toContain('| Closed | 2 | 1 | +1 |');
    expect(decision.body).toContain(
      "Last week's opened and closed are those of last week's report (#\u206030), counted the same way as this week's.",
    );
    const [upsert] = decision.plan.operations;
    const written = upsert?.kind === 'upsert-issue' ? upsert.body : '';
    expect(figuresOf(written, '2026-W47', ISO_WEEK)).toEqual({
      opened: decision.metrics.opened,
      closed: decision.metrics.closed.total,
      backlog: decision.metrics.backlog.end,
      met: decision.metrics.goals.met,
      breached: decision.metrics.goals.breached,
      medianResponseMinutes: 30,
    });
  });

  it('shows the last weeks from their own reports, and says when this week leaves their range', () => {
    const earlier = [42, 43, 44, 45, 46].map((n, i) => ({
      number: 20 + i,
      week: `2026-W${n}`,
      state: 'closed' as const,
      url: `https://github.com/acme/desk/issues/${20 + i}`,
      figures: {
        opened: 10 + i,
        closed: 8,
        backlog: 4,
        met: 3,
        breached: 1,
        medianResponseMinutes: 45,
      },
    }));
    const decision = decideReport({
      ...seededInput(),
      reportRepo: { owner: 'acme', repo: 'desk' },
      previousReports: earlier,
    });

    const section = decision.body.slice(decision.body.indexOf('## The last 6 weeks'));
    expect(section).toContain('| 2026-W42 | 10 | 8 | 4 | 75 % | 45m |');
    expect(section).toContain('| 2026-W47 | 5 | 2 | 6 |');
    expect(section).toContain('  bar [10, 11, 12, 13, 14, 5]');
    expect(section).toContain('Opened: 5, fewer than in any of the 5 weeks before (at least 10).');
    expect(section).toContain('Backlog: 6, more than in any of the 5 weeks before (at most 4).');
  });

  it('shows no trend before a second report has kept its figures', () => {
    expect(afterReport30().body).not.toContain('## The last');
  });

  it('a title cannot break a table or mention anyone', () => {
    const body = renderReport(computeMetrics(seededInput()), {
      title: 'Support report 2026-W47',
      listLimit: 25,
      previous: null,
    });
    const row = body.split('\n').find((l) => l.includes('Cluster down'));
    expect(row).toContain('@\u2060visit-dav/core');
    expect(row?.split(/(?<!\\)\|/).length).toBe(8); // 6 cells between 7 pipes
  });

  it('a title holding an issue URL or GH-2 gives the issue no back-reference', () => {
    const metrics = computeMetrics(
      input(
        [
          issue('2026-11-16T17:00:00Z', [], {
            title: 'Same as https://github.com/acme/desk/issues/2 and GH-2',
            labels: ['S1-broken'],
          }),
        ],
        { week, now: NOW },
      ),
    );
    const body = renderReport(metrics, { title: 'R', listLimit: 25, previous: null });
    const row = body.split('\n').find((l) => l.includes('Same as'));
    expect(row).toContain('https\u2060://github.com/acme/desk/issues/2 and GH-\u20602');
  });

  it('says how many unanswered issues were closed without an answer', () => {
    const metrics = computeMetrics(
      input(
        [
          issue('2026-11-16T17:00:00Z', [closed('2026-11-16T17:20:00Z', 'not_planned')]),
          issue('2026-11-17T17:00:00Z'),
        ],
        { week, now: NOW },
      ),
    );
    const body = renderReport(metrics, { title: 'R', listLimit: 25, previous: null });
    expect(body).toContain(
      '| Time to first response | — | — | — | 0 of 2 | 2 not answered (1 of them closed without an answer) |',
    );
  });

  it('states the issues whose response could not be measured, apart from the unanswered', () => {
    const metrics = computeMetrics(
      input([issue('2026-11-16T17:00:00Z', [], { responsesTruncated: true })], { week, now: NOW }),
    );
    const body = renderReport(metrics, { title: 'R', listLimit: 25, previous: null });
    expect(body).toContain('| 0 of 1 | 0 not answered, 1 not measured |');
    expect(body).toContain('Not measured: 1 issue(s) with more than 100 comments');
  });

  it("footnotes that last week's opened and closed are search counts, unlike this week's", () => {
    const body = renderReport(computeMetrics(seededInput()), {
      title: 'R',
      listLimit: 25,
      previous: null,
    });
    const table = body.indexOf('| Backlog (open at the end) |');
    const note = body.indexOf("<sub>Last week's opened and closed are GitHub search counts");
    expect(note).toBeGreaterThan(table);
    expect(body.slice(table, note)).not.toContain('##');
  });

  it('links listed issues through redirect.github.com, which adds no back-reference', () => {
    expect(
      issueLink(
        { repo: 'acme/desk', number: 12, url: 'https://github.com/acme/desk/issues/12' },
        false,
      ),
    ).toBe('[#\u206012](https://redirect.github.com/acme/desk/issues/12)');
  });

  it('on GitHub Enterprise Server, where there is no redirect host, writes the reference as code', () => {
    expect(
      issueLink(
        { repo: 'acme/desk', number: 12, url: 'https://ghe.example.com/acme/desk/issues/12' },
        true,
      ),
    ).toBe('`acme/desk#12`');
  });

  it('stays under 65,536 characters with thousands of stale issues, the lists ending "and N more"', () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      issue('2026-01-05T17:00:00Z', [], {
        number: 1000 + i,
        title: `A long-forgotten issue with a reasonably long title number ${i} | and a pipe`,
        labels: ['S3-minor', `area/component-${i}`],
      }),
    );
    const metrics = computeMetrics(input(many, { week, now: NOW, roster, calendar }));
    const body = renderReport(metrics, {
      title: 'Support report 2026-W47',
      listLimit: 500,
      previous: null,
    });
    expect(body.length).toBeLessThanOrEqual(MAX_BODY - 200);
    expect(body).toMatch(/… and [\d,]+ more/);
    expect(body).toContain('3,000 issue(s), oldest first.');
  });
});

describe('the plan', () => {
  it("upserts this week's issue by marker, links the latest earlier report and closes the open ones", () => {
    const decision = decideReport({
      ...seededInput(),
      config: reportConfigFrom({ title: 'Desk week {week} ({start} to {end})' }),
      reportRepo: { owner: 'acme', repo: 'desk' },
      previousReports: [
        { number: 20, week: '2026-W45', state: 'open', url: '' },
        { number: 30, week: '2026-W46', state: 'closed', url: '' },
        { number: 60, week: '2026-W47', state: 'open', url: '' },
      ],
    });
    expect(
      decision.plan.operations.map((op) => [op.kind, 'issue' in op ? op.issue : null]),
    ).toEqual([
      ['upsert-issue', null],
      ['update-issue', 20],
    ]);
    expect(decision.plan.operations[0]).toMatchObject({
      marker: { kind: 'report', keys: { week: '2026-W47' } },
      title: 'Desk week 2026-W47 (16 Nov 2026 to 22 Nov 2026)',
      labels: ['support-kit/report'],
    });
    expect(decision.body).toContain('Previous report: #30 (2026-W46).');
  });
});
