import { describe, expect, it } from 'vitest';
import { ledger, quarterStart, spread } from '../../../src/roster/ledger.js';
import { renderRosterPreview } from '../../../src/roster/preview.js';
import { fixture, local } from '../fixtures/roster/load.js';

const PACIFIC = 'America/Los_Angeles';
const ms = (text: string) => local(text, PACIFIC).toMillis();

describe('the fairness ledger', () => {
  const roster = fixture('live-incident');

  it("counts a week's turn as 168 hours, 128 of them outside the 40 business hours and 48 on the weekend", () => {
    // Mon 16 to Mon 23 November 2026, 08:00 Pacific: amy's turn, luc next; no holiday, no override.
    const loads = ledger(roster, ms('2026-11-16T08:00'), ms('2026-11-23T08:00'));

    expect(loads.map((l) => [l.login, l.roles, l.total, l.offHours, l.weekend, l.holiday])).toEqual(
      [
        ['amy', { primary: 168 }, 168, 128, 48, 0],
        ['luc', { backup: 168 }, 168, 128, 48, 0],
      ],
    );
  });

  it('counts the hours of a holiday apart: Thanksgiving and the day after are 48 hours of the turn', () => {
    const [primary] = ledger(roster, ms('2026-11-23T08:00'), ms('2026-11-30T08:00')).filter(
      (l) => l.roles.primary !== undefined && l.roles.primary > 100,
    );

    expect(primary?.holiday).toBe(48);
  });

  it('gives an override its hours and takes them from the person it covers for', () => {
    // amy covers luc's primary turn on Monday 23 November 14:00-18:00.
    const loads = ledger(roster, ms('2026-11-23T14:00'), ms('2026-11-23T18:00'));

    expect(loads.find((l) => l.login === 'amy')?.roles).toEqual({ primary: 4 });
    expect(loads.find((l) => l.login === 'luc')?.roles.primary).toBeUndefined();
  });

  it('says how uneven the load is, and where a quarter begins in a zone', () => {
    expect(spread(ledger(roster, ms('2026-11-23T14:00'), ms('2026-11-23T18:00')))).toBe(0);
    expect(new Date(quarterStart(Date.parse('2026-12-05T12:00:00Z'), 'UTC')).toISOString()).toBe(
      '2026-10-01T00:00:00.000Z',
    );
  });
});

describe('the roster review says when a change makes the load less even', () => {
  const base = fixture('live-incident');
  const from = new Date('2026-12-07T16:00:00Z');
  const review = (head: typeof base) =>
    renderRosterPreview({ head, base, from, days: 14 })
      .split('\n')
      .filter((l) => l.startsWith('**Load'));

  it('names the spread before and after when one person takes another week on top of theirs', () => {
    const head = {
      ...base,
      overrides: [
        ...base.overrides,
        {
          schedule: 'live-incident',
          role: 'primary',
          login: 'amy',
          from: '2026-12-07T08:00',
          to: '2026-12-14T08:00',
          timezone: PACIFIC,
          retroactive: false,
        },
      ],
    };

    expect(review(head)).toEqual([
      expect.stringMatching(
        /^\*\*Load over the next 91 days:\*\* this change makes it less even\. The most hours anyone holds minus the fewest goes from \d+ h .* to \d+ h \(most: amy/,
      ),
    ]);
  });

  it('says nothing when the change moves no hours', () => {
    expect(review({ ...base })).toEqual([]);
  });
});
