import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cronInstants } from '../../src/callers/decide/cost.js';
import { deskNeeds } from '../../src/callers/desk.js';
import { escalationBody } from '../../dev/fixtures/escalation.js';
import { routes, Scenario, writes } from '../../dev/harness/scenario.js';

/**
 * The escalation preset on the schedule `support-kit init` writes (a tick every 30 minutes in
 * covered hours, in each site's zone), played tick by tick through the committed bundles: an S1
 * opened at 10:00 Paris is due at 11:00, and the first tick after that escalates it.
 */
const TEAM = ['alice', 'bob', 'chloe', 'dan', 'emma', 'fred', 'escalation-leads', 'amy'];
const OPENED = '2026-11-23T09:00:00Z';
const DUE = Date.parse('2026-11-23T10:00:00Z');
const CONFIG = '.github/support-kit';

let desk: Scenario;
let ticks: number[];
let issue: number;

beforeAll(async () => {
  desk = await Scenario.start({ preset: 'escalation', now: OPENED, team: TEAM });
  const file = (name: string) => desk.files[`${CONFIG}/${name}`];
  const { schedule } = deskNeeds(
    {
      roster: file('roster.yaml'),
      intake: file('intake.yaml'),
      escalation: file('escalation.yaml'),
    },
    30,
    new Date(OPENED),
  );
  const day = new Date(Date.parse(OPENED) + 86_400_000);
  ticks = schedule.flatMap((e) => cronInstants(e, new Date(OPENED), day)).sort((a, b) => a - b);
  issue = desk.open({
    title: '[Escalation]: Engine restarts after upgrade to 17.06 on production nodes',
    body: escalationBody(),
    labels: ['escalation'],
  });
  await desk.issueEvent('opened', issue);
});
afterAll(async () => desk?.close());

const stepOne = () =>
  desk
    .issue(issue)
    .comments.some((c) => c.body.includes('<!-- support-kit:escalation-step step=1'));

describe('the schedule init writes, played tick by tick', () => {
  it('the ticks before 11:00 Paris leave the S1 alone: its business hour is not over', async () => {
    const before = ticks.filter((t) => t < DUE);
    expect(before.length).toBeGreaterThan(0);
    for (const tick of before) {
      await desk.at(new Date(tick).toISOString()).tick();
      expect(stepOne()).toBe(false);
    }
  });

  it('the first tick after it escalates the S1, at most 30 minutes after it fell due', async () => {
    const first = ticks.find((t) => t >= DUE) ?? Number.POSITIVE_INFINITY;

    await desk.at(new Date(first).toISOString()).tick();

    expect(stepOne()).toBe(true);
    expect(desk.labelsOf(issue)).toContain('escalated/1');
    expect((first - DUE) / 60_000).toBeLessThanOrEqual(30);
  });
});

/**
 * The same desk's on-call calendars, published by the calendar workflow on each push of
 * roster.yaml to the default branch. Pages is off, so they are the assets of one release.
 */
describe('the calendars people subscribe to, on roster pushes', () => {
  const UPLOAD = 'POST /repos/{owner}/{repo}/releases/{release_id}/assets';
  const CALENDARS = [
    'person-alice.ics',
    'person-bob.ics',
    'person-chloe.ics',
    'person-dan.ics',
    'person-emma.ics',
    'person-fred.ics',
    'schedule-follow-the-sun.ics',
  ];
  const roster = () => desk.files[`${CONFIG}/roster.yaml`] ?? '';
  const assets = () => desk.store.findRelease('acme/desk', 'support-kit-calendar')?.assets ?? [];

  it('the first push publishes every calendar, on a release it creates once', async () => {
    const run = await desk.pushRoster('amy', roster(), 'Roster: winter hours');

    expect(run.exitCode).toBe(0);
    expect(writes(run).map((w) => w.route)).toEqual([
      'POST /repos/{owner}/{repo}/releases',
      ...CALENDARS.map(() => UPLOAD),
    ]);
    expect(
      assets()
        .map((a) => a.name)
        .sort(),
    ).toEqual(CALENDARS);
  });

  it('a cover replaces only the calendars it moves: the schedule, who covers, who is covered', async () => {
    // chloe covers dan's Paris morning on Thursday 3 December.
    const cover = roster().replace(
      "    ref: '#412'\n",
      "    ref: '#412'\n  - schedule: follow-the-sun\n    person: chloe\n    from: 2026-12-03T09:00\n    to: 2026-12-03T12:00\n",
    );
    const before = new Map(assets().map((a) => [a.name, a.id]));

    const run = await desk.pushRoster('chloe', cover, 'chloe covers dan on 3 December');

    expect(run.exitCode).toBe(0);
    expect(routes(run).filter((r) => r === UPLOAD)).toHaveLength(3);
    expect(writes(run)).toHaveLength(6);
    const replaced = assets().filter((a) => before.get(a.name) !== a.id);
    expect(replaced.map((a) => a.name).sort()).toEqual([
      'person-chloe.ics',
      'person-dan.ics',
      'schedule-follow-the-sun.ics',
    ]);
  });
});
