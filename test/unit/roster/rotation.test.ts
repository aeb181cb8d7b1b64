import { describe, expect, it } from 'vitest';
import { onCallAt } from '../../../src/roster/resolve.js';
import { memberAt } from '../../../src/roster/rotation.js';
import { hashSeed, mulberry32, seededShuffle } from '../../../src/roster/shuffle.js';
import type { Roster } from '../../../src/roster/types.js';
import { fixture, hoursBetween, local, rosterOf } from '../fixtures/roster/load.js';

/** Rotations (research §10.3): turns are slots, shuffles are seeded, edits never rewrite the past. */

function daily(members: string[], extra = '', holidays = '[]', changes = '') {
  return rosterOf(`
version: 1
sites:
  paris: { timezone: Europe/Paris, holidays: ${holidays} }
people:
${members.map((m) => `  ${m}: { site: paris }`).join('\n')}
calendars:
  days: { site: paris, hours: ['09:00-17:00'] }
rotations:
  daily:
    members: [${members.join(', ')}]
    period: slot
    calendar: days
    anchor: 2026-01-05
${extra}
${changes}
schedules:
  triage:
    layers: [{ rotation: daily, window: { calendar: days } }]
`);
}

const who = (roster: Roster, date: string, time = '10:00') =>
  onCallAt(roster, 'triage', local(`${date}T${time}`, 'Europe/Paris')).primary?.login;

/** The member of each turn, straight from the rotation. */
const turns = (roster: Roster, count: number, from = 0) =>
  Array.from(
    { length: count },
    (_, i) => memberAt(roster, roster.rotations.daily!, from + i).login,
  );

describe('slot rotations count working days', () => {
  it('skips weekends instead of masking them: seven people over five-day weeks all get the same share', () => {
    const people = ['a1', 'b2', 'c3', 'd4', 'e5', 'f6', 'g7'];
    const roster = daily(people);
    const counts = new Map<string, number>();
    for (let day = 0; day < 49; day += 1) {
      const date = new Date(Date.UTC(2026, 0, 5 + day)).toISOString().slice(0, 10);
      const login = who(roster, date);
      if (login) counts.set(login, (counts.get(login) ?? 0) + 1);
    }
    expect([...counts.values()]).toEqual([5, 5, 5, 5, 5, 5, 5]);
  });

  it('a holiday removes the slot: the next working day is the next turn', () => {
    const roster = daily(['ann', 'bea', 'cid'], '', '[2026-01-07]');
    expect(
      ['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09'].map((d) =>
        who(roster, d),
      ),
    ).toEqual(['ann', 'bea', undefined, 'cid', 'ann']);
  });

  it('the turn of a working day runs from its opening to the next working day’s opening', () => {
    const onCall = onCallAt(
      daily(['ann', 'bea']),
      'triage',
      local('2026-01-09T10:00', 'Europe/Paris'),
    );
    expect([onCall.primary?.shiftStart, onCall.primary?.shiftEnd]).toEqual([
      '2026-01-09T09:00:00+01:00',
      '2026-01-09T17:00:00+01:00',
    ]);
  });

  it('a holiday in a weekly rotation keeps the week with the same person (only the clock pauses)', () => {
    const roster = fixture('live-incident');
    const monday = onCallAt(
      roster,
      'live-incident',
      local('2026-11-24T10:00', 'America/Los_Angeles'),
    );
    const thanksgiving = onCallAt(
      roster,
      'live-incident',
      local('2026-11-26T10:00', 'America/Los_Angeles'),
    );
    expect(thanksgiving.primary?.login).toBe(monday.primary?.login);
  });
});

describe('seeded shuffle', () => {
  it('is the same on every machine: the generator and the hash are pinned', () => {
    expect(hashSeed('operate-first-2026')).toMatchInlineSnapshot(`3041231875`);
    const next = mulberry32(42);
    expect([next(), next(), next()].map((x) => Math.floor(x * 1e6))).toMatchInlineSnapshot(`
      [
        601103,
        448290,
        852465,
      ]
    `);
    expect(seededShuffle(['ana', 'ben', 'cyril', 'dora', 'emil'], 'operate-first-2026:0:0'))
      .toMatchInlineSnapshot(`
      [
        "ben",
        "cyril",
        "dora",
        "emil",
        "ana",
      ]
    `);
  });

  it('is deterministic: the same roster gives the same order, run after run', () => {
    const shuffled = (seed: string) =>
      daily(['ana', 'ben', 'cyril', 'dora', 'emil'], `    order: shuffle\n    seed: ${seed}`);
    expect(turns(shuffled('s1'), 50)).toEqual(turns(shuffled('s1'), 50));
    expect(turns(shuffled('s1'), 50)).not.toEqual(turns(shuffled('s2'), 50));
  });

  it('gives everybody exactly one turn per cycle', () => {
    const people = ['ana', 'ben', 'cyril', 'dora', 'emil'];
    const all = turns(daily(people, '    order: shuffle\n    seed: cycles'), 5 * 40);
    for (let cycle = 0; cycle < 40; cycle += 1) {
      expect(all.slice(cycle * 5, cycle * 5 + 5).sort()).toEqual(people);
    }
  });

  it.each([3, 4, 5, 8])(
    'never gives the same person two turns running across the end of a cycle (%i members)',
    (n) => {
      const people = Array.from({ length: n }, (_, i) => `p${i}`);
      for (const seed of ['a', 'b', 'c', 'triage-2026']) {
        const all = turns(daily(people, `    order: shuffle\n    seed: ${seed}`), n * 300);
        for (let i = 1; i < all.length; i += 1)
          expect(all[i], `${seed} turn ${i}`).not.toBe(all[i - 1]);
      }
    },
  );

  it('with one member the shuffle is the identity', () => {
    expect(turns(daily(['solo'], '    order: shuffle\n    seed: x'), 4)).toEqual([
      'solo',
      'solo',
      'solo',
      'solo',
    ]);
  });

  it('with two members they simply alternate', () => {
    const all = turns(daily(['ann', 'bea'], '    order: shuffle\n    seed: x'), 40);
    for (let i = 1; i < all.length; i += 1) expect(all[i]).not.toBe(all[i - 1]);
  });
});

describe('dated changes never rewrite the past', () => {
  /** ann, bea and cid from the anchor; optionally dee joins on 2026-02-02. */
  const rotation = (options: { order?: string; change?: boolean }) =>
    rosterOf(`
version: 1
sites: { paris: { timezone: Europe/Paris } }
people: { ann: { site: paris }, bea: { site: paris }, cid: { site: paris }, dee: { site: paris } }
calendars: { days: { site: paris, hours: ['09:00-17:00'] } }
rotations:
  daily:
    members: [ann, bea, cid]
    period: slot
    calendar: days
    anchor: 2026-01-05
${options.order ?? ''}
${options.change ? '    changes: [{ from: 2026-02-02, members: [ann, bea, cid, dee] }]' : ''}
schedules: { triage: { layers: [{ rotation: daily, window: { calendar: days } }] } }
`);
  const changed = (order?: string) => rotation({ change: true, ...(order ? { order } : {}) });
  const without = (order?: string) => rotation(order ? { order } : {});

  it('every turn before the change’s date keeps its person (fixed order)', () => {
    // 2026-02-02 is the 20th working day after the anchor.
    expect(turns(changed(), 20)).toEqual(turns(without(), 20));
    expect(turns(changed(), 8, 20)).toContain('dee');
  });

  it('every turn before the change’s date keeps its person (shuffled order)', () => {
    const shuffle = '    order: shuffle\n    seed: history';
    expect(turns(changed(shuffle), 20)).toEqual(turns(without(shuffle), 20));
  });

  it('the first turn of the change goes to whoever would have come next, when still a member', () => {
    expect(turns(without(), 21)[20]).toBe(turns(changed(), 21)[20]);
  });

  it('the backup of a week that started before a change stays who it was (found by fast-check)', () => {
    const roster = (changes: string) =>
      rosterOf(`
version: 1
sites: { sfo: { timezone: America/Los_Angeles } }
people: { amy: { site: sfo }, luc: { site: sfo }, ivy: { site: sfo }, noah: { site: sfo } }
rotations:
  weekly: { members: [amy, luc, ivy, noah], period: week, handoff: mon 08:00, site: sfo, anchor: 2026-01-05${changes} }
schedules: { live: { roles: [primary, backup], layers: [{ rotation: weekly }] } }
`);
    const before = roster('');
    // Dated Thursday: ivy leaves the rotation from next Monday, so next week's primary changes.
    const after = roster(', changes: [{ from: 2026-01-15, members: [amy, luc, noah] }]');
    const wednesday = local('2026-01-14T12:00', 'America/Los_Angeles');
    expect(onCallAt(after, 'live', wednesday).backup?.login).toBe(
      onCallAt(before, 'live', wednesday).backup?.login,
    );
  });

  it("the backup's trace says it was counted among this week's members, and who gets that turn after the change", () => {
    const roster = rosterOf(`
version: 1
sites: { sfo: { timezone: America/Los_Angeles } }
people: { amy: { site: sfo }, luc: { site: sfo }, ivy: { site: sfo }, noah: { site: sfo } }
rotations:
  weekly: { members: [amy, luc, ivy, noah], period: week, handoff: mon 08:00, site: sfo, anchor: 2026-01-05, changes: [{ from: 2026-01-15, members: [amy, luc, noah] }] }
schedules: { live: { roles: [primary, backup], layers: [{ rotation: weekly }] } }
`);
    const backup = onCallAt(
      roster,
      'live',
      local('2026-01-14T12:00', 'America/Los_Angeles'),
    ).backup;
    expect(backup?.why).toBe(
      "next in turn after luc: ivy (turn 2 counted among this turn's members; from that turn the members change and it goes to amy)",
    );
  });

  it('a weekly change dated mid-week lets the turn in progress finish and applies from the next hand-off', () => {
    const roster = rosterOf(`
version: 1
sites: { sfo: { timezone: America/Los_Angeles } }
people: { amy: { site: sfo }, luc: { site: sfo }, ivy: { site: sfo } }
rotations:
  weekly:
    members: [amy, luc]
    period: week
    handoff: mon 08:00
    site: sfo
    anchor: 2026-01-05
    changes:
      - { from: 2026-01-21, members: [ivy, amy], start-with: ivy }
schedules: { support: { layers: [{ rotation: weekly }] } }
`);
    const at = (text: string) =>
      onCallAt(roster, 'support', local(text, 'America/Los_Angeles')).primary?.login;
    expect(at('2026-01-21T12:00')).toBe('amy'); // week 2, in progress on the change's date
    expect(at('2026-01-26T09:00')).toBe('ivy');
    expect(at('2026-02-02T09:00')).toBe('amy');
    expect(
      onCallAt(roster, 'support', local('2026-01-26T09:00', 'America/Los_Angeles')).primary?.why,
    ).toContain('(members since 2026-01-21)');
  });

  it('a member removed by a change gets no turn after it', () => {
    const roster = daily(
      ['ann', 'bea', 'cid'],
      '',
      '[]',
      '    changes:\n      - { from: 2026-02-02, members: [ann, cid] }',
    );
    expect(turns(roster, 30, 20)).not.toContain('bea');
  });
});

describe('cost does not depend on the distance from the anchor', () => {
  const timeOf = (fn: () => void) => {
    fn();
    const start = performance.now();
    for (let i = 0; i < 20; i += 1) fn();
    return (performance.now() - start) / 20;
  };

  it('asking about 2100 costs what asking about next week costs (weekly and daily, fixed and shuffled)', () => {
    const daily002 = fixture('daily-rotation');
    const weekly004 = fixture('live-incident');
    const near = timeOf(() => {
      onCallAt(daily002, 'sre', local('2026-03-18T10:00', 'Europe/Prague'));
      onCallAt(weekly004, 'live-incident', local('2026-03-18T10:00', 'America/Los_Angeles'));
    });
    const far = timeOf(() => {
      onCallAt(daily002, 'sre', local('2100-03-17T10:00', 'Europe/Prague'));
      onCallAt(weekly004, 'live-incident', local('2100-03-17T10:00', 'America/Los_Angeles'));
    });
    expect(far).toBeLessThan(5);
    expect(far).toBeLessThan(near * 5 + 1);
  });

  it('an anchor in 2100 means nobody before it, and the first turn starts on the anchor', () => {
    const roster = rosterOf(`
version: 1
sites: { sfo: { timezone: America/Los_Angeles } }
people: { amy: { site: sfo }, luc: { site: sfo } }
rotations:
  weekly: { members: [amy, luc], period: week, handoff: mon 08:00, site: sfo, anchor: 2100-01-04 }
schedules: { support: { layers: [{ rotation: weekly }] } }
`);
    const before = onCallAt(roster, 'support', local('2099-12-30T12:00', 'America/Los_Angeles'));
    expect(before).toMatchObject({ coverage: 'gap', resumesAt: '2100-01-04T08:00:00-08:00' });
    expect(before.resumesWith?.login).toBe('amy');
    expect(before.trace[0]).toContain('has not started');
    expect(
      onCallAt(roster, 'support', local('2100-01-11T09:00', 'America/Los_Angeles')).primary?.login,
    ).toBe('luc');
  });
});

describe('a daily slot across the clock change (research §10 #2)', () => {
  // Every day a working day, and no window: each slot runs from one 09:00 to the next.
  const everyDay = rosterOf(`
version: 1
sites:
  paris: { timezone: Europe/Paris, workweek: [mon, tue, wed, thu, fri, sat, sun] }
people: { ana: { site: paris }, ben: { site: paris } }
calendars:
  days: { site: paris, hours: ['09:00-17:00'] }
rotations:
  daily: { members: [ana, ben], period: slot, calendar: days, anchor: 2026-01-05 }
schedules:
  triage:
    layers: [{ rotation: daily }]
`);
  const slotHours = (date: string) => {
    const held = onCallAt(everyDay, 'triage', local(`${date}T12:00`, 'Europe/Paris')).primary;
    return hoursBetween(held?.shiftStart ?? '', held?.shiftEnd ?? '');
  };

  it('lasts 23 h on the night the clocks go forward (Sat 2026-03-28 09:00 to Sun 09:00)', () => {
    expect(slotHours('2026-03-28')).toBe(23);
  });

  it('lasts 25 h on the night the clocks go back (Sat 2026-10-24 09:00 to Sun 09:00)', () => {
    expect(slotHours('2026-10-24')).toBe(25);
  });

  it('lasts 24 h on any other day', () => {
    expect(slotHours('2026-03-21')).toBe(24);
  });
});

describe('removing the on-call person mid-turn (research §10 #15)', () => {
  const LA = 'America/Los_Angeles';
  // luc has the week from Mon 2026-01-12 08:00; on Wednesday he leaves the rotation.
  const weekly = (extra = '') =>
    rosterOf(`
version: 1
sites: { llnl: { timezone: ${LA} } }
people: { amy: { site: llnl }, luc: { site: llnl }, ivy: { site: llnl }, noah: { site: llnl } }
rotations:
  weekly:
    members: [amy, luc, ivy, noah]
    period: week
    handoff: mon 08:00
    site: llnl
    anchor: 2026-01-05
    changes:
      - { from: 2026-01-14, members: [amy, ivy, noah] }
schedules:
  incidents:
    layers: [{ rotation: weekly }]
${extra}`);
  const primary = (roster: Roster, time: string) =>
    onCallAt(roster, 'incidents', local(time, LA)).primary?.login;

  it('they finish the turn in progress: the change takes effect at the next hand-off', () => {
    const roster = weekly();
    expect(primary(roster, '2026-01-14T10:00')).toBe('luc');
    expect(primary(roster, '2026-01-19T07:59')).toBe('luc');
    expect(primary(roster, '2026-01-19T08:00')).not.toBe('luc');
  });

  it('an override takes the rest of their turn today', () => {
    const roster = weekly(`overrides:
  - { schedule: incidents, person: ivy, from: 2026-01-14T09:00, to: 2026-01-19T08:00 }`);
    expect(primary(roster, '2026-01-14T10:00')).toBe('ivy');
  });
});
