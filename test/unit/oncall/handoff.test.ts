import { describe, expect, it } from 'vitest';
import { HANDOFF_LOG_LABEL } from '../../../src/kernel/kit-records.js';
import {
  decideHandoffs,
  type HandoffIssue,
  type HandoffLog,
  handoffEntryMarker,
  lastLoggedHandoff,
  loggedHandoffs,
  MAX_CATCH_UP,
  pendingHandoffs,
} from '../../../src/oncall/decide/handoff.js';
import { withMarker } from '../../../src/kernel/markers.js';
import type { Operation } from '../../../src/kernel/plan.js';
import type { Roster } from '../../../src/roster/types.js';
import { fixture } from '../fixtures/roster/load.js';

// Seed 004: weekly primary handed off on Mondays at 08:00 in California. luc has the week of
// 2026-11-23, ivy the week of 11-30, noah the week of 12-07. The preset's afternoon override
// (#57, amy for luc on 11-23) is left out but for the test that is about it.
const SCHEDULE = 'live-incident';
const preset = fixture('live-incident');
/** The preset hands open incidents on (seed 004): `reassign: open`. */
const reassigning: Roster = { ...preset, overrides: [] };
/** The default policy: issues stay with whoever has them. */
const live: Roster = {
  ...reassigning,
  schedules: {
    ...reassigning.schedules,
    [SCHEDULE]: { ...reassigning.schedules[SCHEDULE]!, handoff: { reassign: 'none' } },
  },
};

const MON_NOV_30 = '2026-11-30T16:00:00.000Z'; // 08:00 PST
const MON_DEC_7 = '2026-12-07T16:00:00.000Z';

const incident = (
  number: number,
  assignee: string,
  title = `Incident ${number}`,
): HandoffIssue => ({
  number,
  title,
  labels: ['incident'],
  assignees: [assignee],
  kitAssigned: true,
});

function logOf(month: string, number: number, logged: string[]): HandoffLog {
  return { month, number, state: 'open', logged };
}

function decide(roster: Roster, now: string, logs: HandoffLog[], issues: HandoffIssue[]) {
  const pending = pendingHandoffs(roster, SCHEDULE, logs, new Date(now));
  return decideHandoffs({ roster, schedule: SCHEDULE, pending, logs, issues, now: new Date(now) });
}

const kinds = (ops: Operation[]) => ops.map((op) => op.kind);
const comments = (ops: Operation[]) =>
  ops.flatMap((op) => (op.kind === 'upsert-comment' ? [op.body] : []));

describe('hand-off log', () => {
  it('logs the Monday hand-off once: the incoming person is mentioned, the outgoing one is not', () => {
    const { operations } = decide(
      live,
      '2026-11-30T16:05:00Z',
      [logOf('2026-11', 7, ['2026-11-23T16:00:00.000Z'])],
      [incident(41, 'luc')],
    );
    expect(kinds(operations)).toEqual(['upsert-comment']);
    const [body] = comments(operations);
    expect(body).toContain('@ivy is on call from Mon 2026-11-30 08:00 America/Los_Angeles');
    expect(body).toContain('luc leaves 1 open issue:\n- #41 Incident 41 (stays with luc)');
    expect(body?.match(/@\w/g)).toEqual(['@i']);
  });

  it('writes into the month’s log issue by number, keyed by the hand-off instant', () => {
    const { operations } = decide(
      live,
      '2026-11-30T16:05:00Z',
      [logOf('2026-11', 7, ['2026-11-23T16:00:00.000Z'])],
      [],
    );
    expect(operations[0]).toMatchObject({
      kind: 'upsert-comment',
      issue: 7,
      marker: handoffEntryMarker(SCHEDULE, MON_NOV_30),
    });
  });

  it('a re-run after the hand-off is logged writes nothing', () => {
    const { operations, notes } = decide(
      live,
      '2026-11-30T17:00:00Z',
      [logOf('2026-11', 7, [MON_NOV_30])],
      [incident(41, 'luc')],
    );
    expect(operations).toEqual([]);
    expect(notes[0]).toContain('no hand-off since 2026-11-30T16:00:00.000Z');
  });

  it('reads what was logged from the markers of the kit’s comments, for this schedule only', () => {
    const bodies = [
      withMarker(handoffEntryMarker(SCHEDULE, MON_NOV_30), 'entry'),
      withMarker(handoffEntryMarker('other', MON_DEC_7), 'entry'),
      'a person’s comment',
    ];
    expect(loggedHandoffs(SCHEDULE, bodies)).toEqual([MON_NOV_30]);
  });

  it('a new desk logs only the latest hand-off of the past week, not the whole history', () => {
    const { handoffs } = pendingHandoffs(live, SCHEDULE, [], new Date('2026-12-02T12:00:00Z'));
    expect(handoffs.map((h) => `${h.from}->${h.to}@${h.at}`)).toEqual([`luc->ivy@${MON_NOV_30}`]);
  });

  it('says when it logs late, so nobody reads the entry time as the hand-off time', () => {
    const { operations } = decide(
      live,
      '2026-11-30T19:10:00Z',
      [logOf('2026-11', 7, ['2026-11-23T16:00:00.000Z'])],
      [],
    );
    expect(comments(operations)[0]).toContain('Logged 3 h 10 min after the hand-off');
  });

  it('escapes issue titles: no mention, no markdown from a title reaches the log', () => {
    const { operations } = decide(
      live,
      '2026-11-30T16:05:00Z',
      [logOf('2026-11', 7, ['2026-11-23T16:00:00.000Z'])],
      [incident(41, 'luc', 'ping @security-team **now** <img src=x>')],
    );
    const body = comments(operations)[0] ?? '';
    expect(body).not.toMatch(/@security-team/);
    expect(body).not.toContain('**now**');
    expect(body).toContain('\\<img');
  });
});

describe('catching up on missed runs', () => {
  it('an override is a hand-off too: amy takes luc’s afternoon and gives it back', () => {
    const { operations } = decide(
      preset,
      '2026-11-24T03:00:00Z',
      [logOf('2026-11', 7, ['2026-11-23T16:00:00.000Z'])],
      [],
    );
    expect(comments(operations).map((body) => body.split('\n')[0])).toEqual([
      '### live-incident primary: luc → amy',
      '### live-incident primary: amy → luc',
    ]);
  });

  it('two Mondays missed: both hand-offs are logged, oldest first', () => {
    const { operations } = decide(
      live,
      '2026-12-08T10:00:00Z',
      [logOf('2026-11', 7, ['2026-11-23T16:00:00.000Z']), logOf('2026-12', 9, [])],
      [],
    );
    expect(
      operations
        .filter((op) => op.kind === 'upsert-comment')
        .map((op) => op.kind === 'upsert-comment' && op.marker.keys.at),
    ).toEqual([MON_NOV_30, MON_DEC_7]);
  });

  it('with reassign: open, an issue follows the chain luc → ivy → noah in one move', () => {
    const { operations } = decide(
      reassigning,
      '2026-12-08T10:00:00Z',
      [logOf('2026-11', 7, ['2026-11-23T16:00:00.000Z']), logOf('2026-12', 9, [])],
      [incident(41, 'luc')],
    );
    expect(operations.filter((op) => op.kind === 'reassign')).toEqual([
      expect.objectContaining({ kind: 'reassign', issue: 41, from: 'luc', to: 'noah' }),
    ]);
    expect(comments(operations)[1]).toContain(
      'ivy leaves 1 open issue:\n- #41 Incident 41 (to be reassigned to noah)',
    );
  });

  it(`a desk whose cron was off for months logs the latest ${MAX_CATCH_UP} hand-offs and says how many it skipped`, () => {
    const { operations } = decide(
      live,
      '2026-12-08T10:00:00Z',
      [logOf('2026-06', 3, ['2026-06-01T15:00:00.000Z'])],
      [],
    );
    const entries = comments(operations);
    expect(entries).toHaveLength(MAX_CATCH_UP);
    expect(entries[0]).toMatch(/\d+ earlier hand-offs were not logged/);
  });
});

describe('reassignment policy', () => {
  it('none (default): issues stay, the entry lists them for the incoming person', () => {
    const { operations } = decide(
      live,
      '2026-11-30T16:05:00Z',
      [logOf('2026-11', 7, ['2026-11-23T16:00:00.000Z'])],
      [incident(41, 'luc')],
    );
    expect(kinds(operations)).not.toContain('reassign');
  });

  it('open: the outgoing person’s open issues of this schedule go to the incoming one', () => {
    const { operations } = decide(
      reassigning,
      '2026-11-30T16:05:00Z',
      [logOf('2026-11', 7, ['2026-11-23T16:00:00.000Z'])],
      [
        incident(41, 'luc'),
        { number: 42, title: 'Docs typo', labels: ['docs'], assignees: ['luc'], kitAssigned: true },
      ],
    );
    expect(operations.filter((op) => op.kind === 'reassign')).toEqual([
      expect.objectContaining({ issue: 41, from: 'luc', to: 'ivy' }),
    ]);
  });

  it('open: the entry says what the kit is about to do, not that it is done', () => {
    const { operations } = decide(
      reassigning,
      '2026-11-30T16:05:00Z',
      [logOf('2026-11', 7, ['2026-11-23T16:00:00.000Z'])],
      [incident(41, 'luc')],
    );
    expect(comments(operations)[0]).toContain('- #41 Incident 41 (to be reassigned to ivy)');
  });

  it('open: an issue a person assigned by hand stays with them (research §10 #25)', () => {
    const { operations } = decide(
      reassigning,
      '2026-11-30T16:05:00Z',
      [logOf('2026-11', 7, ['2026-11-23T16:00:00.000Z'])],
      [{ ...incident(41, 'luc'), kitAssigned: false }],
    );
    expect(kinds(operations)).toEqual(['upsert-comment']);
    expect(comments(operations)[0]).toContain(
      '- #41 Incident 41 (stays with luc: assigned by a person)',
    );
  });

  it('open: an issue a person gave a second assignee stays as it is', () => {
    const { operations } = decide(
      reassigning,
      '2026-11-30T16:05:00Z',
      [logOf('2026-11', 7, ['2026-11-23T16:00:00.000Z'])],
      [{ ...incident(41, 'luc'), assignees: ['luc', 'ivy'] }],
    );
    expect(kinds(operations)).toEqual(['upsert-comment']);
  });
});

describe('a reassignment GitHub refused', () => {
  it('is retried by the next run: the issue still with luc after the logged hand-off goes to ivy', () => {
    const { operations, notes } = decide(
      reassigning,
      '2026-11-30T16:20:00Z',
      [logOf('2026-11', 7, [MON_NOV_30])],
      [incident(41, 'luc')],
    );
    expect(operations).toEqual([
      expect.objectContaining({ kind: 'reassign', issue: 41, from: 'luc', to: 'ivy' }),
    ]);
    expect(notes.join('\n')).toContain('#41 is still with luc');
  });

  it('is retried towards whoever is on call now when later hand-offs are pending too', () => {
    const { operations } = decide(
      reassigning,
      '2026-12-07T16:05:00Z',
      [logOf('2026-11', 7, [MON_NOV_30])],
      [incident(41, 'luc')],
    );
    expect(operations.filter((op) => op.kind === 'reassign')).toEqual([
      expect.objectContaining({ issue: 41, from: 'luc', to: 'noah' }),
    ]);
  });

  it('takes the outgoing person off when an earlier run added ivy but could not remove luc', () => {
    const { operations } = decide(
      reassigning,
      '2026-11-30T16:20:00Z',
      [logOf('2026-11', 7, [MON_NOV_30])],
      [{ ...incident(41, 'luc'), assignees: ['luc', 'ivy'] }],
    );
    expect(operations).toEqual([
      expect.objectContaining({ kind: 'remove-assignees', issue: 41, assignees: ['luc'] }),
    ]);
  });

  it('once the move took, a later run writes nothing', () => {
    const { operations } = decide(
      reassigning,
      '2026-11-30T16:20:00Z',
      [logOf('2026-11', 7, [MON_NOV_30])],
      [incident(41, 'ivy')],
    );
    expect(operations).toEqual([]);
  });

  it('a hand-off is retried only for the person who handed off, only with reassign: open', () => {
    expect(lastLoggedHandoff(reassigning, SCHEDULE, MON_NOV_30)).toEqual({
      at: MON_NOV_30,
      from: 'luc',
      to: 'ivy',
    });
    expect(lastLoggedHandoff(live, SCHEDULE, MON_NOV_30)).toBeUndefined();
  });
});

describe('monthly log issues', () => {
  it('the first hand-off of a month opens that month’s log and comments on it by its marker', () => {
    const { operations } = decide(
      live,
      '2026-12-07T16:05:00Z',
      [logOf('2026-11', 7, [MON_NOV_30])],
      [],
    );
    expect(kinds(operations)).toEqual(['upsert-issue', 'upsert-comment', 'update-issue']);
    expect(operations[0]).toMatchObject({
      title: 'On-call hand-offs: live-incident, 2026-12',
      labels: [HANDOFF_LOG_LABEL],
    });
    expect(operations[1]).toMatchObject({
      issue: { marker: { kind: 'handoff-log', keys: { schedule: SCHEDULE, month: '2026-12' } } },
    });
  });

  it('closes the previous month’s log once the new month has its first entry', () => {
    const { operations } = decide(
      live,
      '2026-12-07T16:05:00Z',
      [logOf('2026-11', 7, [MON_NOV_30])],
      [],
    );
    expect(operations[2]).toMatchObject({ kind: 'update-issue', issue: 7, state: 'closed' });
  });
});
