import { describe, expect, it } from 'vitest';
import {
  rosterMoves,
  rosterRequest,
  type RosterRequest,
  withMoves,
} from '../../../src/escalate/decide/commands/roster-change.js';
import { rosterPullRequest } from '../../../src/escalate/decide/commands/roster-pull.js';
import { overrideInterval } from '../../../src/roster/exceptions.js';
import { onCallAt } from '../../../src/roster/resolve.js';
import { rosterOf } from '../fixtures/roster/load.js';

/** A weekly primary and backup in Paris, handed over on Monday at 09:00; ana's week crosses the end of summer time. */
const TEXT = `version: 1
sites:
  paris: { timezone: Europe/Paris }
  nyc: { timezone: America/New_York }
people:
  ana: { site: paris }
  ben: { site: paris }
  cyril: { site: paris }
  dee: { site: nyc }
rotations:
  weekly:
    members: [ana, ben, cyril]
    period: week
    handoff: mon 09:00
    site: paris
    anchor: 2026-10-19
schedules:
  desk:
    roles: [primary, backup]
    layers:
      - rotation: weekly
overrides:
  - { schedule: desk, role: primary, person: cyril, from: 2026-11-09T09:00, to: 2026-11-10T09:00 }
`;
const roster = rosterOf(TEXT);
const NOW = new Date('2026-10-12T12:00:00Z');

function request(
  kind: 'swap' | 'cover',
  args: string[],
  author = 'ana',
  now = NOW,
): RosterRequest | string {
  return rosterRequest(kind, args, author, roster, now);
}

function moves(kind: 'swap' | 'cover', args: string[], author = 'ana') {
  const r = request(kind, args, author);
  if (typeof r === 'string') throw new Error(r);
  return rosterMoves(r, roster, '#12');
}

describe('/cover and /swap as overrides', () => {
  it('a cover gives the requester’s stretch in the range to the other person, cut at the range’s edges', () => {
    // ana is primary from Mon 19 Oct 09:00 to Mon 26 Oct 09:00; the range ends on Sunday night.
    expect(moves('cover', ['@ben', '2026-10-19..2026-10-25'])).toEqual([
      {
        entry: {
          schedule: 'desk',
          role: 'primary',
          person: 'ben',
          from: '2026-10-19T09:00',
          to: '2026-10-26T00:00',
          timezone: 'Europe/Paris',
          ref: '#12',
        },
        from: 'ana',
      },
    ]);
  });

  it('covers the whole of a week that summer time ends in: 160 hours, not 159', () => {
    const found = moves('cover', ['@ben', '2026-10-19..2026-10-25']);
    if (typeof found === 'string') throw new Error(found);
    const cover = withMoves(roster, found).overrides.at(-1);
    if (!cover) throw new Error('no override');
    const { start, end } = overrideInterval(cover);
    expect((end - start) / 3_600_000).toBe(160);
    // Before and after the clocks go back, ben holds primary and ana is back to backup.
    const after = withMoves(roster, found);
    for (const at of ['2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z', '2026-10-25T22:59:00Z'])
      expect(onCallAt(after, 'desk', new Date(at)).roles.primary?.login).toBe('ben');
  });

  it('a swap exchanges the stretches each holds in the range, roles and all', () => {
    // In ana's week ben is backup: swapping hands ana the backup and ben the primary.
    const found = moves('swap', ['@ben', '2026-10-20']);
    expect(
      typeof found === 'string'
        ? found
        : found.map((m) => `${m.entry.role} ${m.entry.person} ${m.entry.from}-${m.entry.to}`),
    ).toEqual([
      'primary ben 2026-10-20T00:00-2026-10-21T00:00',
      'backup ana 2026-10-20T00:00-2026-10-21T00:00',
    ]);
    if (typeof found === 'string') return;
    const held = onCallAt(withMoves(roster, found), 'desk', new Date('2026-10-20T10:00:00Z'));
    expect([held.roles.primary?.login, held.roles.backup?.login]).toEqual(['ben', 'ana']);
  });

  it('says so when the requester holds nothing in the range, and proposes no override', () => {
    // dee is on the roster but in no rotation.
    expect(moves('cover', ['@ben', '2026-10-20'], 'dee')).toBe(
      '**dee** holds no shift from 2026-10-20 to 2026-10-20 (America/New_York)',
    );
  });

  it('reads the days in the requester’s own zone', () => {
    const r = request('cover', ['@ana', '2026-10-20'], 'dee');
    expect(typeof r === 'string' ? r : [r.zone, new Date(r.start).toISOString()]).toEqual([
      'America/New_York',
      '2026-10-20T04:00:00.000Z',
    ]);
  });

  it('refuses a stretch an override already gives to somebody: the earlier entry would win', () => {
    // cyril holds primary on ana's first day by override, and asks dee to cover that day.
    expect(moves('cover', ['@dee', '2026-11-09'], 'cyril')).toBe(
      'overrides[0] of roster.yaml already gives desk primary to **cyril** from 2026-11-09T09:00 to 2026-11-10T09:00 (Europe/Paris); a lead changes that entry',
    );
  });

  it.each([
    [['@ben'], 'needs a person and days'],
    [['ben', '2026-10-20'], 'needs a person and days'],
    [['@ben', '2026-02-30'], 'needs a person and days'],
    [['@ben', '2026-10-25..2026-10-20'], 'the range ends before it starts'],
    [['@ben', '2026-10-20..2026-12-31'], 'takes at most 31 days at a time'],
    [['@ben', '2026-10-12'], 'starts tomorrow (2026-10-13, Europe/Paris) at the earliest'],
    [['@nobody', '2026-10-20'], '**nobody** is not among the people of roster.yaml'],
    [['@ana', '2026-10-20'], 'names **ana**, who asked: name somebody else'],
  ])('refuses %j: %s', (args, why) => {
    expect(request('cover', args)).toContain(why);
  });
});

describe('the pull request of a /cover', () => {
  const made = rosterPullRequest({
    kind: 'cover',
    args: ['@ben', '2026-10-19..2026-10-25'],
    author: 'ana',
    commentId: 900,
    issue: 12,
    roster,
    file: { path: '.github/support-kit/roster.yaml', text: TEXT },
    defaultBranch: 'main',
    now: NOW,
  });
  if (typeof made === 'string') throw new Error(made);

  it('goes on a branch named after the comment, into the default branch', () => {
    expect([made.branch, made.base, made.file.path]).toEqual([
      'support-kit/cover-900',
      'main',
      '.github/support-kit/roster.yaml',
    ]);
  });

  it('adds the override at the end of the list and leaves the rest of the file as it was', () => {
    expect(made.file.after).toBe(
      TEXT.replace(
        /\n$/,
        '\n  - { schedule: desk, role: primary, person: ben, from: 2026-10-19T09:00, to: 2026-10-26T00:00, timezone: Europe/Paris, ref: "#12" }\n',
      ),
    );
  });

  it('asks a review of everyone whose shifts move, the requester included', () => {
    // ben, the backup, takes primary; ana takes his place in the turn order, as backup.
    expect(made.reviewers).toEqual(['ana', 'ben']);
  });

  it('says who asked and what moves, and mentions nobody', () => {
    expect(made.title).toBe('Roster: ben covers ana, 2026-10-19 to 2026-10-25');
    expect(made.body).toContain(
      '- desk primary, 2026-10-19 09:00 to 2026-10-26 00:00 Europe/Paris: **ana** → **ben**',
    );
    expect(made.body).toContain('**Who must approve:** **ana** and **ben**.');
    expect(made.body).not.toMatch(/@\w/);
  });
});
