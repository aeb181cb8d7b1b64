import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ConfigProblem } from '../../../src/kernel/problems.js';
import { parseYaml } from '../../../src/kernel/yaml.js';
import { assignableCandidates, reviewRoster } from '../../../src/validate/decide/roster-review.js';
import { fixtureText, local, rosterOf } from '../fixtures/roster/load.js';

/**
 * The pull-request review of a roster change (issue #5, research §10 items 10, 15, 19, 20, 26,
 * 27): the past stays as it was unless an entry says it records the past, overrides do not
 * overlap or land on leave, nobody holds two roles at once, holes nobody declared are flagged,
 * and everybody who can be on call can be assigned.
 */

const LA = 'America/Los_Angeles';
const FILE = '.github/support-kit/roster.yaml';

/** Seed 004: weekly amy → luc → ivy → noah → zoe from 2026-01-05; override #57 gives amy Mon 2026-11-23 14:00-18:00. */
const LIVE = fixtureText('live-incident');
/** Seed 000: SFO, Paris and Cambridge; override #412 gives dan Paris's morning of Mon 2026-11-23. */
const SUN = fixtureText('follow-the-sun');

function edit(text: string, find: string, replace: string): string {
  const edited = text.replace(find, replace);
  if (edited === text) throw new Error(`fixture edit did not apply: ${find}`);
  return edited;
}

/** Another override or leave entry at the end of the fixture's list. */
const withOverride = (text: string, entry: string) =>
  edit(text, '\nleave:\n', `  - ${entry}\n\nleave:\n`);
const withLeave = (text: string, entry: string) =>
  edit(text, '\nroutes:\n', `  - ${entry}\n\nroutes:\n`);

/** 1-based line of the first line containing `text`. */
function lineOf(yaml: string, text: string): number {
  const index = yaml.split('\n').findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`no line contains ${text}`);
  return index + 1;
}

function review(
  head: string,
  options: { base?: string; now: string; zone?: string; assignable?: string[] },
): ConfigProblem[] {
  const { yaml } = parseYaml(FILE, head);
  if (!yaml) throw new Error('the head roster is not YAML');
  return reviewRoster({
    head: rosterOf(head),
    headYaml: yaml,
    base: options.base ? { value: parse(options.base), roster: rosterOf(options.base) } : null,
    now: local(options.now, options.zone ?? LA).toJSDate(),
    horizonDays: 14,
    ...(options.assignable ? { assignable: new Set(options.assignable) } : {}),
  });
}

const LAST_WEEK =
  '{ schedule: live-incident, person: zoe, from: 2026-11-18T09:00, to: 2026-11-18T17:00 }';

describe('the past: a pull request does not change who was on call', () => {
  it('an override added for last week is refused at the entry, naming the shift it changes', () => {
    const head = withOverride(LIVE, LAST_WEEK);
    expect(review(head, { base: LIVE, now: '2026-11-23T12:00' })).toEqual([
      {
        file: FILE,
        line: lineOf(head, 'person: zoe, from: 2026-11-18'),
        column: 5,
        severity: 'error',
        message: `overrides[1]: changes who was on call in the past: live-incident primary on Wed 2026-11-18 09:00-17:00 ${LA} was amy, would be zoe; mark the entry retroactive: true if that is intended`,
      },
    ]);
  });

  it('the same override marked retroactive: true is accepted', () => {
    const head = withOverride(LIVE, LAST_WEEK.replace(' }', ', retroactive: true }'));
    expect(review(head, { base: LIVE, now: '2026-11-23T12:00' })).toEqual([]);
  });

  it('an override moving into the future is fine', () => {
    const head = edit(
      LIVE,
      'from: 2026-11-23T14:00\n    to: 2026-11-23T18:00',
      'from: 2026-11-24T14:00\n    to: 2026-11-24T18:00',
    );
    expect(review(head, { base: LIVE, now: '2026-11-20T12:00' })).toEqual([]);
  });

  it('adding a member mid-rotation with a dated change does not rewrite the past', () => {
    const head = edit(
      edit(LIVE, '  zoe: { site: llnl }\n', '  zoe: { site: llnl }\n  kai: { site: llnl }\n'),
      '    anchor: 2026-01-05\n',
      '    anchor: 2026-01-05\n    changes:\n      - { from: 2026-11-25, members: [amy, luc, ivy, noah, zoe, kai] }\n',
    );
    // Wednesday of luc's week: the change starts with the next turn.
    expect(review(head, { base: LIVE, now: '2026-11-25T12:00' })).toEqual([]);
  });

  it('adding a member in place rewrites the past: refused at members, pointing to a dated change', () => {
    const head = edit(
      edit(LIVE, '  zoe: { site: llnl }\n', '  zoe: { site: llnl }\n  kai: { site: llnl }\n'),
      'members: [amy, luc, ivy, noah, zoe]',
      'members: [amy, luc, ivy, noah, zoe, kai]',
    );
    expect(review(head, { base: LIVE, now: '2026-11-25T12:00' })).toEqual([
      {
        file: FILE,
        line: lineOf(head, 'members: [amy'),
        column: 5,
        severity: 'error',
        message: `rotations.live-incident.members: changes who was on call in the past: live-incident backup on Mon 2026-08-31 08:00 to Mon 2026-09-07 08:00 ${LA} was amy, would be kai (and 26 more past stretches); to change the rotation from a date on, add a dated entry under changes`,
      },
    ]);
  });

  it('a dated change from a date already past is refused at the change', () => {
    const head = edit(
      LIVE,
      '    anchor: 2026-01-05\n',
      '    anchor: 2026-01-05\n    changes:\n      - { from: 2026-11-09, members: [zoe, noah, ivy, luc, amy], start-with: zoe }\n',
    );
    const problems = review(head, { base: LIVE, now: '2026-11-25T12:00' });
    expect(problems.map((p) => [p.line, p.message.split(':')[0]])).toEqual([
      [lineOf(head, 'from: 2026-11-09'), 'rotations.live-incident.changes[0]'],
    ]);
  });

  it('the same dated change marked retroactive: true is accepted', () => {
    const head = edit(
      LIVE,
      '    anchor: 2026-01-05\n',
      '    anchor: 2026-01-05\n    changes:\n      - { from: 2026-11-09, members: [zoe, noah, ivy, luc, amy], start-with: zoe, retroactive: true }\n',
    );
    expect(review(head, { base: LIVE, now: '2026-11-25T12:00' })).toEqual([]);
  });

  it('leave recorded after the fact without retroactive: true is refused at the leave', () => {
    const head = withLeave(LIVE, '{ person: amy, from: 2026-11-17, to: 2026-11-18 }');
    const problems = review(head, { base: LIVE, now: '2026-11-25T12:00' });
    expect(problems.map((p) => [p.line, p.severity, p.message.split(':')[0]])).toEqual([
      [lineOf(head, 'person: amy, from: 2026-11-17'), 'error', 'leave[1]'],
    ]);
  });

  it('removing an override from last week is refused at the overrides list', () => {
    const head = edit(LIVE, 'person: amy\n', 'person: zoe\n').replace(
      'from: 2026-11-23T14:00\n    to: 2026-11-23T18:00',
      'from: 2026-12-02T14:00\n    to: 2026-12-02T18:00',
    );
    expect(review(head, { base: LIVE, now: '2026-11-25T12:00' })).toContainEqual({
      file: FILE,
      line: lineOf(head, 'overrides:'),
      column: 1,
      severity: 'error',
      message: `overrides: removing the entry (person amy, schedule live-incident, from 2026-11-23T14:00, to 2026-11-23T18:00, ref #57) changes who was on call in the past: live-incident primary on Mon 2026-11-23 14:00-18:00 ${LA} was amy, would be luc; keep it until it is more than 90 days old`,
    });
  });

  it('looks back 90 days: an override older than that can be cleaned away', () => {
    const head = edit(LIVE, 'person: amy\n', 'person: zoe\n').replace(
      'from: 2026-11-23T14:00\n    to: 2026-11-23T18:00',
      'from: 2027-03-02T14:00\n    to: 2027-03-02T18:00',
    );
    expect(review(head, { base: LIVE, now: '2027-02-25T12:00' })).toEqual([]);
  });
});

describe('the past: edits with no dated form', () => {
  it('new opening hours redraw the past too: a warning at the layer, not a refusal', () => {
    const head = edit(SUN, "hours: ['08:00-13:00']", "hours: ['08:00-14:00']");
    const problems = review(head, { base: SUN, now: '2026-11-25T12:00', zone: 'Europe/Paris' });
    const past = problems.filter((p) => p.message.includes('in the past'));
    expect(past.map((p) => p.severity)).toEqual(['warning']);
    expect(past[0]?.message).toMatch(/no dated form/);
  });
});

describe('overrides', () => {
  it('overlapping overrides of one role: an error at the later one, naming the earlier by index and ref', () => {
    const head = withOverride(
      LIVE,
      '{ schedule: live-incident, person: zoe, from: 2026-11-23T16:00, to: 2026-11-23T20:00 }',
    );
    expect(review(head, { now: '2026-11-20T12:00' })).toEqual([
      {
        file: FILE,
        line: lineOf(head, 'person: zoe'),
        column: 5,
        severity: 'error',
        message: `overrides[1]: overlaps overrides[0] (#57), amy 2026-11-23 14:00-18:00 ${LA}, as live-incident primary during Mon 2026-11-23 16:00-18:00 ${LA}: only the earlier entry counts there; shorten one of them`,
      },
    ]);
  });

  it('overrides of different roles may overlap', () => {
    const head = withOverride(
      LIVE,
      '{ schedule: live-incident, role: backup, person: zoe, from: 2026-11-23T16:00, to: 2026-11-23T20:00 }',
    );
    expect(review(head, { now: '2026-11-20T12:00' })).toEqual([]);
  });

  it('an override whose person is on leave: a warning at the override', () => {
    const head = withLeave(
      withOverride(
        LIVE,
        '{ schedule: live-incident, person: zoe, from: 2026-12-01T09:00, to: 2026-12-01T17:00 }',
      ),
      '{ person: zoe, from: 2026-11-30, to: 2026-12-04 }',
    );
    expect(review(head, { now: '2026-11-25T12:00' })).toEqual([
      {
        file: FILE,
        line: lineOf(head, 'person: zoe, from: 2026-12-01T09:00'),
        column: 5,
        severity: 'warning',
        message: `overrides[1]: zoe is on leave 2026-11-30 to 2026-12-04 ${LA} (leave[1]) during this override, which still gives them live-incident primary during Tue 2026-12-01 09:00-17:00 ${LA}`,
      },
    ]);
  });

  it('a role nobody holds within the horizon: a warning at the schedule', () => {
    let head = LIVE;
    for (const person of ['luc', 'ivy', 'noah', 'zoe'])
      head = withLeave(head, `{ person: ${person}, from: 2026-12-01, to: 2026-12-02 }`);
    const problems = review(head, { now: '2026-11-25T12:00' });
    expect(
      problems.filter((p) => p.message.includes('nobody holds')).map((p) => [p.line, p.message]),
    ).toEqual([
      [
        lineOf(head, 'schedules:') + 1,
        `schedules.live-incident: nobody holds the backup role in the next 14 days during Tue 2026-12-01 00:00 to Thu 2026-12-03 00:00 ${LA}: too few people are left after leave and overrides; add an override for the backup, or shorten the leave`,
      ],
    ]);
  });

  it('an override that extends coverage into a declared gap: allowed, a warning at the override (research §10 #10)', () => {
    const head = withOverride(
      SUN,
      '{ schedule: follow-the-sun, person: alice, from: 2026-11-25T17:00, to: 2026-11-25T19:00 }',
    );
    const flagged = review(head, { now: '2026-11-23T12:00' }).filter((p) =>
      p.message.includes('extends'),
    );
    expect(flagged).toEqual([
      expect.objectContaining({
        line: lineOf(head, 'person: alice, from: 2026-11-25T17:00'),
        severity: 'warning',
        message: expect.stringMatching(
          /^overrides\[1\]: extends follow-the-sun coverage into the declared gap "pacific-evening" during Wed 2026-11-25 17:00-19:00 America\/Los_Angeles: allowed/,
        ),
      }),
    ]);
  });

  it('a swap that no longer lines up after a roster edit: a warning at the override', () => {
    // Paris's turn of 2026-11-23 goes to dan, who already took its Monday morning by override #412.
    const head = edit(
      SUN,
      '    site: paris\n    anchor: 2026-01-05\n',
      '    site: paris\n    anchor: 2026-01-05\n    changes: [{ from: 2026-11-23, members: [dan, chloe], start-with: dan }]\n',
    );
    const problems = review(head, { base: SUN, now: '2026-11-22T12:00', zone: 'UTC' });
    expect(problems.filter((p) => p.message.startsWith('overrides'))).toEqual([
      {
        file: FILE,
        line: lineOf(head, '- schedule: follow-the-sun'),
        column: 5,
        severity: 'warning',
        message:
          'overrides[0]: no longer stands in for anybody: under this change dan already holds follow-the-sun primary then (it stood in for chloe); check that the swap still lines up',
      },
    ]);
  });
});

describe('the coming weeks', () => {
  // Week of 2026-11-23: luc primary, ivy backup. #60 makes noah backup for the week.
  const standingBackup =
    "{ schedule: live-incident, role: backup, person: noah, from: 2026-11-23T08:00, to: 2026-11-30T08:00, ref: '#60' }";

  it('a role collision made by an override giving primary to the backup: an error at that override', () => {
    const head = withOverride(
      withOverride(LIVE, standingBackup),
      "{ schedule: live-incident, person: noah, from: 2026-11-24T09:00, to: 2026-11-24T12:00, ref: '#61' }",
    );
    expect(review(head, { now: '2026-11-23T12:00' })).toEqual([
      {
        file: FILE,
        line: lineOf(head, "ref: '#61'"),
        column: 5,
        severity: 'error',
        message: `overrides[2]: noah holds both primary and backup of live-incident, together with overrides[1] (#60), during Tue 2026-11-24 09:00-12:00 ${LA}: every role needs a different person`,
      },
    ]);
  });

  it('an override giving primary to the backup of the turn is no collision: the rostered primary backs up', () => {
    const head = withOverride(
      LIVE,
      '{ schedule: live-incident, person: ivy, from: 2026-11-24T09:00, to: 2026-11-24T12:00 }',
    );
    expect(review(head, { now: '2026-11-23T12:00' })).toEqual([]);
  });

  it('Thanksgiving closing SFO leaves an undeclared gap, flagged as a warning at the schedule', () => {
    expect(review(SUN, { base: SUN, now: '2026-11-23T00:00', zone: 'UTC' })).toEqual([
      {
        file: FILE,
        line: lineOf(SUN, '  follow-the-sun:'),
        column: 3,
        severity: 'warning',
        message: `schedules.follow-the-sun: nobody is on call and no gap is declared in the next 14 days: Thu 2026-11-26 08:00-16:00 ${LA} (layer sfo is closed for Thanksgiving, 2026-11-26); Fri 2026-11-27 08:00-16:00 ${LA} (layer sfo is closed for Day after Thanksgiving, 2026-11-27). Declare the gap under gaps, or cover it with a layer or an override`,
      },
    ]);
  });

  it('lists five undeclared gaps at most, then says how many more', () => {
    const head = edit(
      LIVE,
      '      - rotation: live-incident\n',
      '      - { rotation: live-incident, window: { calendar: business } }\n',
    );
    const [problem] = review(head, { now: '2026-11-30T07:00' });
    expect(problem?.message).toMatch(
      new RegExp(
        `14 days: Mon 2026-11-30 07:00-08:00 ${LA}; Mon 2026-11-30 12:00-13:00 ${LA}; Mon 2026-11-30 17:00 to Tue 2026-12-01 08:00 ${LA}; .*; and \\d+ more\\. Declare`,
      ),
    );
  });
});

describe('who GitHub can assign', () => {
  const everybody = ['alice', 'bob', 'chloe', 'dan', 'emma', 'fred', 'escalation-leads'];

  it('a person who can be on call but cannot be assigned: an error at their key under people', () => {
    const assignable = everybody.filter((login) => login !== 'bob');
    expect(review(SUN, { now: '2026-11-20T12:00', assignable })).toContainEqual({
      file: FILE,
      line: lineOf(SUN, '  bob: { site: sfo }'),
      column: 3,
      severity: 'error',
      message:
        'people.bob: bob can be on call, but GitHub refuses to assign issues in this repository to them: give them access to the repository (triage or more), or take them off the roster',
    });
  });

  it('a fallback login that cannot be assigned: an error at the fallback', () => {
    const assignable = everybody.filter((login) => login !== 'escalation-leads');
    const problems = review(SUN, { now: '2026-11-20T12:00', assignable });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([
      {
        file: FILE,
        line: lineOf(SUN, 'fallback: escalation-leads'),
        column: 11,
        severity: 'error',
        message:
          'fallback: the fallback escalation-leads cannot be assigned issues: GitHub refuses to assign issues in this repository to them',
      },
    ]);
  });

  it('asks about the members in force and to come, people with an override still to run, and login fallbacks', () => {
    const roster = rosterOf(
      edit(
        edit(
          edit(LIVE, 'version: 1\n', "version: 1\nfallback: '@acme/leads'\n"),
          '  zoe: { site: llnl }\n',
          '  zoe: { site: llnl }\n  kai: { site: llnl }\n  old: { site: llnl }\n',
        ),
        '    anchor: 2026-01-05\n',
        '    anchor: 2026-01-05\n    changes:\n      - { from: 2026-06-01, members: [luc, ivy, noah, zoe] }\n      - { from: 2027-01-04, members: [luc, ivy, noah, zoe, kai] }\n',
      ),
    );
    // amy left in June and her override #57 is over; old holds no role; a team is never asked about.
    expect(assignableCandidates(roster, local('2026-11-25T12:00', LA).toJSDate())).toEqual([
      'luc',
      'ivy',
      'noah',
      'zoe',
      'kai',
    ]);
  });
});
