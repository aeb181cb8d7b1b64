import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  buildCalendar,
  renderCalendar,
  type CalendarSelection,
} from '../../../src/oncall/calendar.js';
import { shiftLines } from '../../../src/oncall/decide/shift-text.js';
import { shiftsBetween } from '../../../src/roster/shifts.js';
import type { Roster } from '../../../src/roster/types.js';
import { fixture, fixtureText, rosterOf } from '../fixtures/roster/load.js';

/**
 * On-call calendars (RFC 5545), read back with a real iCalendar parser (ical.js) rather than
 * compared as text: what matters is what a calendar client will make of them.
 */

interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  start: string;
  end: string;
  utc: boolean;
  sequence: number;
  stamp: string;
  transparent: boolean;
}

function parseCalendar(text: string): { name: string; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    const stamp = component.getFirstPropertyValue('dtstamp') as ICAL.Time;
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      utc: event.startDate.zone === ICAL.Timezone.utcTimezone,
      sequence: event.sequence,
      stamp: stamp.toJSDate().toISOString(),
      transparent: component.getFirstPropertyValue('transp') === 'TRANSPARENT',
    };
  });
  return { name: String(calendar.getFirstPropertyValue('x-wr-calname')), events };
}

function calendar(
  roster: Roster,
  selection: CalendarSelection,
  from: string,
  to: string,
  generatedAt = '2026-03-01T12:00:00Z',
) {
  return parseCalendar(
    renderCalendar({
      roster,
      selection,
      from: new Date(from),
      to: new Date(to),
      generatedAt: new Date(generatedAt),
    }),
  );
}

const followTheSun = fixture('follow-the-sun');
const DST_WEEK = ['2026-03-09T00:00:00Z', '2026-03-16T00:00:00Z'] as const;

describe('on-call calendar', () => {
  it('has one UTC event per covered shift of a follow-the-sun week while only the US is on summer time', () => {
    const { events } = calendar(followTheSun, { schedule: 'follow-the-sun' }, ...DST_WEEK);
    const covered = shiftsBetween(
      followTheSun,
      'follow-the-sun',
      new Date(DST_WEEK[0]),
      new Date(DST_WEEK[1]),
    ).filter((shift) => shift.coverage === 'covered');

    expect(events.map((e) => [e.start, e.end, e.summary])).toEqual(
      covered.map((s) => [s.start, s.end, `follow-the-sun primary: ${s.assignees.primary}`]),
    );
    expect(events.every((e) => e.utc)).toBe(true);
    // San Francisco already on PDT, Paris still on CET: SFO closes at 00:00Z, Paris opens at 07:00Z.
    expect(events.filter((e) => e.start.startsWith('2026-03-10')).map((e) => e.start)).toEqual([
      '2026-03-10T07:00:00.000Z',
      '2026-03-10T12:00:00.000Z',
      '2026-03-10T16:00:00.000Z',
    ]);
    expect(events.find((e) => e.start === '2026-03-10T16:00:00.000Z')?.end).toBe(
      '2026-03-11T00:00:00.000Z',
    );
  });

  it('names the schedule or the person it is for', () => {
    expect(calendar(followTheSun, { schedule: 'follow-the-sun' }, ...DST_WEEK).name).toBe(
      'On call: follow-the-sun (support-kit)',
    );
    expect(calendar(followTheSun, { person: 'alice' }, ...DST_WEEK).name).toBe(
      'On call: alice (support-kit)',
    );
  });

  it('describes each event with its layer, the reason and the local time of the holder', () => {
    const { events } = calendar(followTheSun, { schedule: 'follow-the-sun' }, ...DST_WEEK);
    expect(events[0]?.description).toBe(
      [
        'Layer paris',
        'Why: rotation paris-weekly, turn 9 since anchor 2026-01-05 (Mon 08:00 Europe/Paris), ' +
          'week from Mon 2026-03-09 08:00 Europe/Paris, dan',
        'Local time for dan: Mon 2026-03-09 08:00-13:00 Europe/Paris',
      ].join('\n'),
    );
    expect(events.every((e) => e.transparent)).toBe(true);
  });

  it('keeps every UID when the calendar is regenerated later, over a range starting mid-week', () => {
    const live = fixture('live-incident');
    const first = calendar(
      live,
      { schedule: 'live-incident' },
      '2026-03-09T15:00:00Z',
      '2026-03-30T00:00:00Z',
    );
    const later = calendar(
      live,
      { schedule: 'live-incident' },
      '2026-03-11T00:00:00Z',
      '2026-03-30T00:00:00Z',
      '2026-03-11T09:30:00Z',
    );
    // The week in progress on the 11th keeps its real start (Monday 08:00 PDT), hence its UID.
    expect(later.events.map((e) => [e.uid, e.start])).toEqual(
      first.events.map((e) => [e.uid, e.start]),
    );
    expect(later.events[0]?.uid).toBe('live-incident-primary-20260309T150000Z@support-kit');
  });

  it('keeps the UID of a slot when the roster gives it to somebody else, and of every slot an edit does not touch', () => {
    const before = calendar(followTheSun, { schedule: 'follow-the-sun' }, ...DST_WEEK);
    const edited = rosterOf(
      fixtureText('follow-the-sun')
        .replace('members: [chloe, dan]', 'members: [dan, chloe]')
        .replace(
          '  fred: { site: cambridge }',
          '  fred: { site: cambridge }\n  gina: { site: paris }',
        )
        .replace('leave:\n', 'leave:\n  - { person: emma, from: 2026-04-06, to: 2026-04-10 }\n'),
    );
    const after = calendar(edited, { schedule: 'follow-the-sun' }, ...DST_WEEK);

    expect(after.events.map((e) => e.uid)).toEqual(before.events.map((e) => e.uid));
    const paris = (events: ParsedEvent[]) =>
      events.filter((e) => e.description.startsWith('Layer paris')).map((e) => e.summary);
    expect(new Set(paris(before.events))).toEqual(new Set(['follow-the-sun primary: dan']));
    expect(new Set(paris(after.events))).toEqual(new Set(['follow-the-sun primary: chloe']));
  });

  it('raises SEQUENCE and DTSTAMP with the generation instant, and is otherwise byte for byte the same', () => {
    const render = (generatedAt: string) =>
      renderCalendar({
        roster: followTheSun,
        selection: { schedule: 'follow-the-sun' },
        from: new Date(DST_WEEK[0]),
        to: new Date(DST_WEEK[1]),
        generatedAt: new Date(generatedAt),
      });
    const monday = parseCalendar(render('2026-03-09T08:00:00Z')).events;
    const tuesday = parseCalendar(render('2026-03-10T08:00:00Z')).events;

    expect(tuesday[0]?.sequence).toBe((monday[0]?.sequence ?? 0) + 24 * 60);
    expect(new Set(tuesday.map((e) => e.stamp))).toEqual(new Set(['2026-03-10T08:00:00.000Z']));
    expect(render('2026-03-09T08:00:00Z')).toBe(render('2026-03-09T08:00:00Z'));
  });

  it('gives a person only their own shifts, across every schedule', () => {
    const both = rosterOf(
      fixtureText('follow-the-sun').replace(
        'overrides:',
        [
          '  weekend-watch:',
          '    layers:',
          '      - { name: sfo, rotation: sfo-weekly }',
          'overrides:',
        ].join('\n'),
      ),
    );
    const { events } = calendar(
      both,
      { person: 'alice' },
      '2026-03-16T00:00:00Z',
      '2026-03-23T00:00:00Z',
    );

    expect(new Set(events.map((e) => e.summary))).toEqual(
      new Set(['follow-the-sun primary: alice', 'weekend-watch primary: alice']),
    );
    const theirs = ['follow-the-sun', 'weekend-watch'].flatMap((name) =>
      shiftsBetween(
        both,
        name,
        new Date('2026-03-16T00:00:00Z'),
        new Date('2026-03-23T00:00:00Z'),
      ).filter((s) => s.assignees.primary === 'alice'),
    );
    expect(events).toHaveLength(theirs.length);
  });

  it('shows an override as its own event, and the rotation holder on either side of it', () => {
    const { events } = calendar(
      fixture('live-incident'),
      { schedule: 'live-incident' },
      '2026-11-23T16:00:00Z',
      '2026-11-30T16:00:00Z',
    );
    expect(events.map((e) => [e.summary, e.start, e.end])).toEqual([
      ['live-incident primary: luc', '2026-11-23T16:00:00.000Z', '2026-11-23T22:00:00.000Z'],
      ['live-incident backup: ivy', '2026-11-23T16:00:00.000Z', '2026-11-30T16:00:00.000Z'],
      ['live-incident primary: amy', '2026-11-23T22:00:00.000Z', '2026-11-24T02:00:00.000Z'],
      ['live-incident primary: luc', '2026-11-24T02:00:00.000Z', '2026-11-30T16:00:00.000Z'],
    ]);
    expect(events[2]?.description).toMatch(
      /override by amy 2026-11-23 14:00-18:00 America\/Los_Angeles \(#57\) replaces luc/,
    );
  });
});

describe('preview lines (support-kit oncall preview)', () => {
  const lines = (from: string, to: string) =>
    shiftLines(
      followTheSun,
      ['primary'],
      shiftsBetween(followTheSun, 'follow-the-sun', new Date(from), new Date(to)),
    );

  it("give each shift in UTC and in the holder's own zone, across midnight UTC in winter", () => {
    expect(lines('2026-01-12T16:00:00Z', '2026-01-13T07:00:00Z')).toEqual([
      'Mon 2026-01-12 16:00 to Tue 2026-01-13 01:00 UTC  primary: bob (Mon 2026-01-12 08:00-17:00 America/Los_Angeles)',
      'Tue 2026-01-13 01:00-07:00 UTC  no coverage: declared gap pacific-evening',
    ]);
  });

  it('follow each zone through the weeks when only the US is on summer time', () => {
    expect(lines('2026-03-10T07:00:00Z', '2026-03-11T00:00:00Z')).toEqual([
      'Tue 2026-03-10 07:00-12:00 UTC  primary: dan (Tue 2026-03-10 08:00-13:00 Europe/Paris)',
      'Tue 2026-03-10 12:00-16:00 UTC  primary: fred (Tue 2026-03-10 12:00-16:00 Europe/London)',
      'Tue 2026-03-10 16:00-24:00 UTC  primary: bob (Tue 2026-03-10 09:00-17:00 America/Los_Angeles)',
    ]);
  });
});

describe('a backup override inside a declared gap', () => {
  it('is an event of its own, as `who` names the backup there while the gap stays a gap', () => {
    const { events } = buildCalendar({
      roster: fixture('every-feature'),
      selection: { schedule: 'follow-the-sun', person: 'alice' },
      from: new Date('2026-10-10T07:00:00Z'),
      to: new Date('2026-10-10T23:00:00Z'),
      generatedAt: new Date('2026-10-01T00:00:00Z'),
    });

    expect(events.map((e) => [e.role, e.start, e.end, e.override])).toEqual([
      ['backup', '2026-10-10T17:00:00.000Z', '2026-10-11T01:00:00.000Z', true],
    ]);
  });
});
