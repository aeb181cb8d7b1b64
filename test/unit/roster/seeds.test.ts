import { describe, expect, it } from 'vitest';
import { onCallAt } from '../../../src/roster/resolve.js';
import { routeFor } from '../../../src/roster/routes.js';
import { fixture, local } from '../fixtures/roster/load.js';

/** The three seed processes, asked the questions a support lead asks. */

describe('seed 000: follow-the-sun between SFO, Paris and Cambridge', () => {
  const roster = fixture('follow-the-sun');
  const ask = (text: string, zone: string) => onCallAt(roster, 'follow-the-sun', local(text, zone));

  it('who gets an issue at 2026-03-29T03:00 Europe/Paris? Nobody: it is the weekend; Paris takes it Monday 08:00', () => {
    const onCall = ask('2026-03-29T03:00', 'Europe/Paris');
    expect(onCall).toMatchObject({
      coverage: 'gap',
      gap: { declared: 'weekend', policy: 'hold' },
      resumesAt: '2026-03-30T08:00:00+02:00',
      resumesWith: { login: 'chloe', site: 'paris', shiftEnd: '2026-03-30T13:00:00+02:00' },
    });
    expect(onCall.trace.at(-1)).toBe(
      'coverage resumes 2026-03-30T08:00:00+02:00 with chloe as primary (layer paris)',
    );
  });

  it('an S1 on Tuesday morning in Paris goes to the Paris engineer of the week', () => {
    expect(routeFor(roster, ['S1-broken'])?.schedule).toBe('follow-the-sun');
    const onCall = ask('2026-03-17T10:00', 'Europe/Paris');
    expect(onCall).toMatchObject({
      coverage: 'covered',
      layer: 'paris',
      primary: { login: 'chloe' },
    });
  });

  it('at 1 PM in Cambridge the Cambridge engineer has it; emma on leave means fred', () => {
    const onCall = ask('2026-08-05T13:00', 'Europe/London');
    expect(onCall.primary?.login).toBe('fred');
    expect(onCall.primary?.why).toContain(
      'emma is on leave (2026-08-03 to 2026-08-14 Europe/London); next in turn fred',
    );
  });

  it('at 6 PM Pacific on a weekday nobody is on call: the declared evening gap, Paris at 08:00', () => {
    const onCall = ask('2026-01-13T18:00', 'America/Los_Angeles');
    expect(onCall.gap?.declared).toBe('pacific-evening');
    expect(onCall.resumesAt).toBe('2026-01-14T08:00:00+01:00');
  });

  it('on US Independence Day (observed) SFO is closed: an undeclared gap until Paris opens on Monday', () => {
    const onCall = ask('2026-07-03T10:00', 'America/Los_Angeles');
    expect(onCall.gap?.declared).toBeNull();
    expect(onCall.trace[2]).toContain('2026-07-03 is a holiday there');
    expect(onCall.resumesAt).toBe('2026-07-06T08:00:00+02:00');
  });

  it('the override #412 gives Paris’s morning of 2026-11-23 to dan', () => {
    const onCall = ask('2026-11-23T09:00', 'Europe/Paris');
    expect(onCall.primary?.login).toBe('dan');
    expect(onCall.primary?.why).toContain(
      'override by dan 2026-11-23 08:00-13:00 Europe/Paris (#412) replaces chloe',
    );
  });
});

describe('seed 002: daily rotation over working days, shuffled at the end of the list', () => {
  const roster = fixture('daily-rotation');
  const ask = (text: string, zone = 'Europe/Prague') => onCallAt(roster, 'sre', local(text, zone));

  it('who gets an issue at 2026-03-29T03:00 Europe/Paris? It waits for Monday 09:00 Brno time', () => {
    expect(ask('2026-03-29T03:00', 'Europe/Paris')).toMatchObject({
      coverage: 'gap',
      gap: { declared: 'weekend', policy: 'hold' },
      resumesAt: '2026-03-30T09:00:00+02:00',
      resumesWith: { login: 'dora' },
    });
  });

  it('Easter (Good Friday and Easter Monday) takes no turns: Thursday’s engineer is followed on Tuesday', () => {
    const thursday = ask('2026-04-02T10:00').primary?.login;
    const goodFriday = ask('2026-04-03T10:00');
    expect(goodFriday.coverage).toBe('gap');
    expect(goodFriday.resumesAt).toBe('2026-04-07T09:00:00+02:00');
    expect(goodFriday.resumesWith?.login).not.toBe(thursday);
    expect(goodFriday.resumesWith?.why).toMatch(
      /^rotation sre-daily, turn \d+ since anchor 2026-01-05/,
    );
  });

  it('the day’s engineer holds the day from 09:00 to 17:00, with the shuffle in the trace', () => {
    const onCall = ask('2026-02-10T10:00');
    expect(onCall.primary).toMatchObject({
      login: 'ana',
      shiftStart: '2026-02-10T09:00:00+01:00',
      shiftEnd: '2026-02-10T17:00:00+01:00',
    });
    expect(onCall.primary?.why).toContain(
      'cycle 5, position 1 of the shuffle with seed operate-first-2026',
    );
  });

  it('fay, who joins on 2026-06-01, gets turns from then on and never before', () => {
    const before = new Set<string>();
    const after = new Set<string>();
    for (let day = 0; day < 200; day += 1) {
      const date = new Date(Date.UTC(2026, 0, 5 + day)).toISOString().slice(0, 10);
      const login = ask(`${date}T10:00`).primary?.login;
      if (login) (date < '2026-06-01' ? before : after).add(login);
    }
    expect(before.has('fay')).toBe(false);
    expect(after.has('fay')).toBe(true);
  });

  it('cyril’s leave (2026-02-09 to 13) hands his day to the next in turn', () => {
    for (let d = 9; d <= 13; d += 1) {
      expect(ask(`2026-02-${String(d).padStart(2, '0')}T10:00`).primary?.login).not.toBe('cyril');
    }
  });
});

describe('seed 004: weekly primary and backup', () => {
  const roster = fixture('live-incident');
  const ask = (text: string, zone = 'America/Los_Angeles') =>
    onCallAt(roster, 'live-incident', local(text, zone));

  it('who gets an issue at 2026-03-29T03:00 Europe/Paris? The week’s primary, even on a Saturday evening in California', () => {
    const onCall = ask('2026-03-29T03:00', 'Europe/Paris');
    expect([onCall.primary?.login, onCall.backup?.login]).toEqual(['luc', 'ivy']);
    expect(onCall.primary?.shiftEnd).toBe('2026-03-30T08:00:00-07:00');
  });

  it('an incident on Saturday 2026-02-21: luc is primary, noah backs up for ivy on leave', () => {
    const onCall = ask('2026-02-21T10:00');
    expect([onCall.primary?.login, onCall.backup?.login]).toEqual(['luc', 'noah']);
  });

  it('Monday 2026-11-23 at 3 PM: amy by override #57 for luc, ivy still backup', () => {
    const onCall = ask('2026-11-23T15:00');
    expect([onCall.primary?.login, onCall.backup?.login]).toEqual(['amy', 'ivy']);
    expect(onCall.primary?.why).toBe(
      'rotation live-incident, turn 46 since anchor 2026-01-05 (Mon 08:00 America/Los_Angeles), ' +
        'week from Mon 2026-11-23 08:00 America/Los_Angeles, luc; ' +
        'override by amy 2026-11-23 14:00-18:00 America/Los_Angeles (#57) replaces luc',
    );
  });

  it('incidents route to the schedule by label, ignoring case; other issues are not routed', () => {
    expect(routeFor(roster, ['Incident'])).toEqual({
      labels: ['incident'],
      schedule: 'live-incident',
      role: 'primary',
    });
    expect(routeFor(roster, ['question'])).toBeUndefined();
  });
});
