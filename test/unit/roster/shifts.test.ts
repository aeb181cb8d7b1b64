import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { boundariesBetween, shiftsBetween } from '../../../src/roster/shifts.js';
import { fixture, local } from '../fixtures/roster/load.js';

/** The timeline of a schedule, and the hand-offs a late or dropped cron run must catch up on. */

const utc = (text: string) => local(text, 'UTC');

describe('shiftsBetween', () => {
  it('the daily-rotation preset leaves no undeclared gap in 2026 (Monday before 09:00 included) but its weekday holidays', () => {
    const roster = fixture('daily-rotation');
    const prague = (iso: string) => DateTime.fromISO(iso).setZone('Europe/Prague');
    const undeclared = shiftsBetween(
      roster,
      'sre',
      // From the anchor on: before the rotation's first turn nobody is meant to be on call.
      local('2026-01-05T00:00', 'Europe/Prague'),
      local('2027-01-01T00:00', 'Europe/Prague'),
    )
      .filter((s) => s.coverage === 'gap' && s.declaredGap === null)
      .map(
        (s) => `${prague(s.start).toFormat('yyyy-MM-dd HH:mm')}-${prague(s.end).toFormat('HH:mm')}`,
      );
    const weekdayHolidays = (roster.sites.brno?.holidays ?? [])
      .map((h) => h.date)
      .filter((date) => date >= '2026-01-05' && DateTime.fromISO(date).weekday <= 5);
    expect(undeclared).toEqual(weekdayHolidays.map((date) => `${date} 09:00-17:00`));
  });

  it('a follow-the-sun Tuesday in winter: SFO, the evening gap, Paris, Cambridge, SFO', () => {
    const shifts = shiftsBetween(
      fixture('follow-the-sun'),
      'follow-the-sun',
      utc('2026-01-13T00:00'),
      utc('2026-01-14T00:00'),
    );
    expect(
      shifts.map((s) => [
        s.start.slice(11, 16),
        s.end.slice(11, 16),
        s.layer ?? s.declaredGap,
        s.assignees.primary,
      ]),
    ).toEqual([
      ['00:00', '01:00', 'sfo', 'bob'],
      ['01:00', '07:00', 'pacific-evening', undefined],
      ['07:00', '12:00', 'paris', 'dan'],
      ['12:00', '16:00', 'cambridge', 'fred'],
      ['16:00', '00:00', 'sfo', 'bob'],
    ]);
  });

  it('covers the range exactly, without holes or overlaps, over a whole year', () => {
    const shifts = shiftsBetween(
      fixture('follow-the-sun'),
      'follow-the-sun',
      utc('2026-01-01T00:00'),
      utc('2027-01-01T00:00'),
    );
    expect(shifts[0]?.start).toBe('2026-01-01T00:00:00.000Z');
    expect(shifts.at(-1)?.end).toBe('2027-01-01T00:00:00.000Z');
    for (let i = 1; i < shifts.length; i += 1) expect(shifts[i]?.start).toBe(shifts[i - 1]?.end);
  });

  it('any covered stretch has exactly one person per role, distinct across roles', () => {
    const shifts = shiftsBetween(
      fixture('live-incident'),
      'live-incident',
      utc('2026-01-05T00:00'),
      utc('2026-12-31T00:00'),
    );
    for (const shift of shifts.filter((s) => s.coverage === 'covered')) {
      expect(Object.keys(shift.assignees)).toEqual(['primary', 'backup']);
      expect(shift.assignees.primary).not.toBe(shift.assignees.backup);
    }
  });
});

describe('boundariesBetween', () => {
  const live = fixture('live-incident');

  it('lists every hand-off a cron run missed, with who hands over to whom (leave included)', () => {
    expect(
      boundariesBetween(live, 'live-incident', utc('2026-02-02T00:00'), utc('2026-02-26T00:00')),
    ).toEqual([
      { at: '2026-02-02T16:00:00.000Z', from: 'noah', to: 'zoe' },
      { at: '2026-02-09T16:00:00.000Z', from: 'zoe', to: 'amy' },
      { at: '2026-02-16T16:00:00.000Z', from: 'amy', to: 'luc' },
      // ivy's week starts while she is on leave (to 2026-02-24): noah stands in, then she takes over.
      { at: '2026-02-23T16:00:00.000Z', from: 'luc', to: 'noah' },
      { at: '2026-02-25T08:00:00.000Z', from: 'noah', to: 'ivy' },
    ]);
  });

  it('catching up in several runs finds the same hand-offs as one run (idempotent catch-up)', () => {
    const [a, b, c] = [utc('2026-01-01T00:00'), utc('2026-03-11T16:00'), utc('2026-06-01T00:00')];
    expect([
      ...boundariesBetween(live, 'live-incident', a, b),
      ...boundariesBetween(live, 'live-incident', b, c),
    ]).toEqual(boundariesBetween(live, 'live-incident', a, c));
  });

  it('looks through gaps: Friday’s engineer hands over at Monday’s opening, not on Friday evening', () => {
    const handoffs = boundariesBetween(
      fixture('daily-rotation'),
      'sre',
      utc('2026-03-27T12:00'),
      utc('2026-03-31T00:00'),
    );
    expect(handoffs).toEqual([{ at: '2026-03-30T07:00:00.000Z', from: 'emil', to: 'dora' }]);
  });

  it('follow-the-sun hands over at each site’s opening', () => {
    const handoffs = boundariesBetween(
      fixture('follow-the-sun'),
      'follow-the-sun',
      utc('2026-01-13T00:00'),
      utc('2026-01-14T00:00'),
    );
    expect(handoffs.map((h) => `${h.at.slice(11, 16)} ${h.from}→${h.to}`)).toEqual([
      '07:00 bob→dan',
      '12:00 dan→fred',
      '16:00 fred→bob',
    ]);
  });
});
