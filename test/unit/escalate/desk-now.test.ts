import { describe, expect, it } from 'vitest';
import { escalationFrom } from '../../../src/escalate/config/escalation.js';
import {
  DESK_NOW_MARKER,
  DESK_NOW_TITLE,
  type DeskIssue,
  type DeskNowInput,
  decideDeskNow,
} from '../../../src/escalate/decide/desk-now.js';
import { MAX_ROWS } from '../../../src/escalate/decide/desk-now-render.js';
import type { CommentSnapshot, IssueSnapshot } from '../../../src/escalate/decide/types.js';
import { withMarker } from '../../../src/kernel/markers.js';
import type { Operation, UpsertIssue } from '../../../src/kernel/plan.js';
import { fixture } from '../fixtures/roster/load.js';

/** Seed 000: follow-the-sun from Paris, Cambridge and SFO; dan covers Monday 23 November's Paris morning. */
const roster = fixture('follow-the-sun');
/** The escalation preset's clock: 08:00-17:00 at the site of whoever was primary on arrival. */
const config = escalationFrom({
  response: {
    calendar: { 'site-of': 'primary' },
    'business-hours': ['08:00-17:00'],
    goals: [
      { labels: ['S0-catastrophic'], minutes: 30 },
      { labels: ['S1-broken'], minutes: 60 },
      { minutes: 480 },
    ],
    'pause-while': ['status/0-more-info-needed'],
  },
  escalation: { steps: [{ mention: '@acme/escalation-leads' }] },
  'desk-now': true,
});

/** Monday 23 November 2026, 10:20 in Paris: dan is on call until 13:00 Paris. */
const NOW = new Date('2026-11-23T09:20:00Z');

let numbers = 0;
const issue = (patch: Partial<IssueSnapshot> = {}): IssueSnapshot => {
  numbers += 1;
  return {
    number: patch.number ?? numbers,
    title: 'Engine restarts after upgrade',
    body: '',
    author: 'customer-eng',
    url: `https://github.com/acme/desk/issues/${patch.number ?? numbers}`,
    labels: ['escalation'],
    assignees: ['dan'],
    state: 'open',
    stateReason: null,
    createdAt: '2026-11-23T08:30:00Z',
    closedAt: null,
    ...patch,
  };
};

const reply = (author: string, createdAt: string): CommentSnapshot => ({
  id: 1,
  author,
  kit: false,
  bot: false,
  body: 'Looking at it now.',
  createdAt,
});

const input = (issues: DeskIssue[], patch: Partial<DeskNowInput> = {}): DeskNowInput => ({
  repo: { owner: 'acme', repo: 'desk' },
  config,
  roster,
  issues,
  now: NOW,
  ...patch,
});

/** The body the decision writes (the one upsert-issue), or '' when it writes nothing. */
function bodyOf(decision: ReturnType<typeof decideDeskNow>): string {
  const op = decision.operations[0] as UpsertIssue | undefined;
  return op?.body ?? '';
}

/** One desk with every kind of row: past due, running, held in a gap, waiting, answered, hostile. */
function week(): DeskIssue[] {
  return [
    {
      issue: issue({
        number: 412,
        title: 'Engine restarts after upgrade to 17.06',
        labels: ['escalation', 'S1-broken', 'status/0-triage', 'escalated/1'],
        createdAt: '2026-11-23T08:00:00Z',
      }),
      comments: [],
    },
    {
      issue: issue({
        number: 413,
        title: 'Registry deletes tagged layers',
        labels: ['escalation', 'S2-major', 'status/0-triage'],
        createdAt: '2026-11-23T09:00:00Z',
      }),
    },
    {
      issue: issue({
        number: 414,
        title: 'Overlay network drops packets',
        labels: ['escalation', 'oncall/no-coverage', 'status/0-triage'],
        assignees: [],
        createdAt: '2026-11-23T03:00:00Z',
      }),
      comments: [],
    },
    {
      issue: issue({
        number: 415,
        title: 'Swarm join fails behind a proxy',
        labels: ['escalation', 'status/0-more-info-needed'],
        createdAt: '2026-11-20T14:00:00Z',
      }),
    },
    {
      issue: issue({
        number: 416,
        title: 'DTR login loops',
        labels: ['escalation', 'S2-major'],
        assignees: ['chloe'],
        createdAt: '2026-11-20T08:00:00Z',
      }),
      comments: [reply('chloe', '2026-11-20T08:20:00Z')],
    },
    {
      issue: issue({
        number: 417,
        title: '@acme/everyone | see #12 <b>now</b> https://evil.example',
        labels: ['escalation'],
        assignees: ['@fred'],
        createdAt: '2026-11-23T09:10:00Z',
      }),
    },
  ];
}

describe('the desk-now issue', () => {
  it('shows who is on call, every open issue by urgency and what is held (golden)', async () => {
    const decision = decideDeskNow(input(week()));

    await expect(bodyOf(decision)).toMatchFileSnapshot('../golden/desk-now.md');
  });

  it("shows a schedule's shadow beside its roles, as the preview and the report do", () => {
    const [name, schedule] = Object.entries(roster.schedules)[0]!;
    const [layer] = schedule.layers;
    const shadowed = {
      ...roster,
      schedules: { [name]: { ...schedule, shadow: { role: 'shadow', rotation: layer!.rotation } } },
    };

    expect(bodyOf(decideDeskNow(input([], { roster: shadowed })))).toMatch(
      new RegExp(`^\\| ${name} \\| shadow \\| \\w+ \\|`, 'm'),
    );
  });

  it('never mentions anyone: titles and logins are escaped', () => {
    const body = bodyOf(decideDeskNow(input(week())));

    expect(body).not.toMatch(/@[A-Za-z]/);
    expect(body).not.toMatch(/<b>|#12|https:\/\/evil/);
  });

  it('lists the issue past its goal first, then the soonest due', () => {
    const body = bodyOf(decideDeskNow(input(week())));
    const order = [...body.matchAll(/^\| \[#\u2060(\d+)\]/gm)].map((m) => Number(m[1]));

    expect(order.slice(0, 4)).toEqual([412, 414, 413, 417]);
  });

  it('says the time left in whole business hours, and past due once the goal has passed', () => {
    const body = bodyOf(decideDeskNow(input(week())));

    expect(body).toMatch(
      /Engine restarts after upgrade to 17\.06 \| dan \| status\/0-triage, escalated\/1 \| past due \|/,
    );
    // Opened 10:00 Paris with an eight-hour goal on Paris hours (08:00-17:00): 7 h of today and 1 h on Tuesday.
    expect(body).toContain('7 h left, due Tue 2026-11-24 09:00 Europe/Paris');
  });

  it('stops the clock for an answered issue and for one waiting on its reporter', () => {
    const body = bodyOf(decideDeskNow(input(week())));

    expect(body).toContain('| DTR login loops | chloe |   | answered |');
    expect(body).toMatch(
      /proxy \| dan \| status\/0-more-info-needed \| stopped: waiting on the reporter \|/,
    );
  });

  it('says why each held issue waits: the gap and who takes it when coverage resumes', () => {
    const held = bodyOf(decideDeskNow(input(week())))
      .split('## Held')[1]
      ?.split('<sub>')[0];

    expect(held).toContain(
      'Overlay network drops packets: nobody was on call when it arrived; dan is on call now and gets it at the next scheduled run',
    );
    expect(held).toContain(
      'waiting on the reporter (status/0-more-info-needed): its clock stands still',
    );
  });

  it('names who resumes coverage for an issue held in the evening gap', () => {
    const gap = new Date('2026-11-24T03:00:00Z'); // Mon 19:00 Pacific
    const body = bodyOf(decideDeskNow(input(week().slice(2, 3), { now: gap })));

    expect(body).toContain(
      'nobody is on call (declared gap pacific-evening); chloe gets it at Tue 2026-11-24 08:00 Europe/Paris',
    );
    expect(body).toMatch(
      /\| follow-the-sun \| primary \| nobody \(declared gap pacific-evening\) \| .* \| chloe \|/,
    );
  });

  it('shows who is on call now, until when in their zone, and who is next', () => {
    const body = bodyOf(decideDeskNow(input([])));

    expect(body).toContain(
      '| follow-the-sun | primary | dan | Mon 2026-11-23 13:00 Europe/Paris | emma |',
    );
    expect(body).toContain('No open issue.');
    expect(body).toContain('Nothing is held.');
  });
});

describe('the desk as the run leaves it', () => {
  it("shows the plan's step label, assignment and closing, so the next tick has nothing to catch up on", () => {
    const issues = week();
    const planned: Operation[] = [
      { kind: 'add-labels', issue: 413, labels: ['escalated/1'], reason: 'step 1' },
      { kind: 'reassign', issue: 413, from: 'dan', to: 'emma', reason: 'hand-off' },
      { kind: 'update-issue', issue: 416, state: 'closed', reason: '/duplicate' },
    ];

    const body = bodyOf(decideDeskNow(input(issues, { planned })));

    expect(body).toMatch(
      /Registry deletes tagged layers \| emma \| status\/0-triage, escalated\/1 \|/,
    );
    expect(body).not.toContain('DTR login loops');
  });
});

describe('writing the desk-now issue', () => {
  it('creates it once, pinned, when the sweep found none', () => {
    const [op] = decideDeskNow(input(week())).operations as UpsertIssue[];

    expect(op).toMatchObject({
      kind: 'upsert-issue',
      marker: DESK_NOW_MARKER,
      title: DESK_NOW_TITLE,
      labels: ['support-kit/desk-now'],
      standing: true,
    });
    expect(op?.found).toBeUndefined();
  });

  it('writes nothing when the issue already shows the desk as it is', () => {
    const body = bodyOf(decideDeskNow(input(week())));
    const record = { number: 9, title: DESK_NOW_TITLE, body: withMarker(DESK_NOW_MARKER, body) };

    const decision = decideDeskNow(input(week(), { record }));

    expect(decision.operations).toEqual([]);
    expect(decision.notes).toEqual(['desk now: #9 already shows 6 open issue(s), 2 held']);
  });

  it('writes nothing twenty minutes later while every clock reads the same hour', () => {
    const body = bodyOf(decideDeskNow(input(week())));
    const record = { number: 9, title: DESK_NOW_TITLE, body: withMarker(DESK_NOW_MARKER, body) };
    const later = new Date(NOW.getTime() + 20 * 60_000);

    expect(decideDeskNow(input(week(), { record, now: later })).operations).toEqual([]);
  });

  it('edits the issue it found in place when the desk changed', () => {
    const record = { number: 9, title: DESK_NOW_TITLE, body: withMarker(DESK_NOW_MARKER, 'old') };

    const [op] = decideDeskNow(input(week(), { record })).operations as UpsertIssue[];

    expect(op).toMatchObject({ kind: 'upsert-issue', found: 9, standing: true });
  });
});

describe("staying under GitHub's body limit", () => {
  const many = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      issue: issue({
        number: 1000 + i,
        title: `${'Long title '.repeat(20)}${i}`,
        createdAt: new Date(Date.parse('2026-11-20T08:00:00Z') + i * 60_000).toISOString(),
      }),
    }));

  it(`shows at most ${MAX_ROWS} issues and says how many more, with a link to the search`, () => {
    const body = bodyOf(decideDeskNow(input(many(80))));

    expect(body.match(/^\| \[#/gm)).toHaveLength(MAX_ROWS);
    expect(body).toContain(
      '… and 30 more: [every open issue](https://github.com/acme/desk/issues?q=is%3Aissue%20is%3Aopen%20-label%3A%22oncall%2Fhandoff-log%22%20-label%3A%22support-kit%2Fdesk-now%22%20-label%3A%22support-kit%2Ffollow-up%22).',
    );
  });

  it('keeps the most urgent rows when the limit is tight, the marker line included', () => {
    const limit = 6_000;
    const op = decideDeskNow(input(many(40), { limit })).operations[0] as UpsertIssue;
    const written = withMarker(DESK_NOW_MARKER, op.body);

    expect(written.length).toBeLessThanOrEqual(limit);
    const shown = [...op.body.matchAll(/^\| \[#\u2060(\d+)\]/gm)].map((m) => Number(m[1]));
    expect(shown[0]).toBe(1000);
    expect(op.body).toContain(`… and ${40 - shown.length} more`);
  });
});
