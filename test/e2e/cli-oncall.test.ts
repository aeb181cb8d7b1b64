import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Emulator } from '../../dev/emulator/index.js';
import { startDesk } from '../../dev/harness/desk.js';
import { projectRoot, runNode } from '../../dev/harness/run-action.js';
import { tempDir } from '../temp.js';

/**
 * `support-kit oncall preview | ics | holidays` through the committed CLI bundle under Node 24.
 * They read roster.yaml and nothing else: GITHUB_API_URL points at an emulator that must see
 * no request at all.
 */

const cli = join(projectRoot(), 'dist', 'cli', 'index.js');
const ROSTER = join(projectRoot(), 'test/unit/fixtures/roster/follow-the-sun.yaml');

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startDesk();
});
afterAll(async () => {
  expect(emulator.requests).toEqual([]);
  await emulator.close();
});

async function oncall(args: string[], options: { cwd?: string; now?: string } = {}) {
  const { exitCode, stdout, stderr } = await runNode([cli, 'oncall', ...args], {
    env: {
      PATH: process.env.PATH ?? '',
      GITHUB_API_URL: emulator.url,
      GITHUB_TOKEN: 'test',
      ...(options.now ? { SUPPORT_KIT_NOW: options.now } : {}),
    },
    cwd: options.cwd ?? projectRoot(),
  });
  return { code: exitCode, stdout, stderr };
}

/** A folder with no roster in it, for commands that must not find one by default. */
async function emptyDir(): Promise<string> {
  return tempDir('sk-oncall-');
}

function vevents(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    name: calendar.getFirstPropertyValue('x-wr-calname'),
    events: calendar.getAllSubcomponents('vevent').map((component) => {
      const event = new ICAL.Event(component);
      return {
        uid: event.uid,
        summary: event.summary,
        start: event.startDate.toJSDate().toISOString(),
        end: event.endDate.toJSDate().toISOString(),
        sequence: event.sequence,
      };
    }),
  };
}

describe('support-kit oncall preview', () => {
  it('prints the shifts of every schedule over the range as JSON, gaps included, in UTC', async () => {
    const result = await oncall([
      'preview',
      '--config',
      ROSTER,
      '--from',
      '2026-03-09',
      '--days',
      '7',
      '--json',
    ]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const preview = JSON.parse(result.stdout);
    expect(preview.from).toBe('2026-03-09T00:00:00.000Z');
    expect(preview.to).toBe('2026-03-16T00:00:00.000Z');
    expect(Object.keys(preview.schedules)).toEqual(['follow-the-sun']);
    const shifts = preview.schedules['follow-the-sun'];
    expect(shifts.slice(0, 5)).toEqual([
      {
        start: '2026-03-09T00:00:00.000Z',
        end: '2026-03-09T07:00:00.000Z',
        coverage: 'gap',
        assignees: {},
        declaredGap: 'weekend',
      },
      {
        start: '2026-03-09T07:00:00.000Z',
        end: '2026-03-09T12:00:00.000Z',
        coverage: 'covered',
        layer: 'paris',
        assignees: { primary: 'dan' },
      },
      {
        start: '2026-03-09T12:00:00.000Z',
        end: '2026-03-09T16:00:00.000Z',
        coverage: 'covered',
        layer: 'cambridge',
        assignees: { primary: 'fred' },
      },
      {
        start: '2026-03-09T16:00:00.000Z',
        end: '2026-03-10T00:00:00.000Z',
        coverage: 'covered',
        layer: 'sfo',
        assignees: { primary: 'bob' },
      },
      {
        start: '2026-03-10T00:00:00.000Z',
        end: '2026-03-10T07:00:00.000Z',
        coverage: 'gap',
        assignees: {},
        declaredGap: 'pacific-evening',
      },
    ]);
    expect(shifts.at(-1).end).toBe('2026-03-16T00:00:00.000Z');
  });

  it("prints a line per shift with each holder's local time by default", async () => {
    const result = await oncall([
      'preview',
      '--config',
      ROSTER,
      '--from',
      '2026-03-09',
      '--days',
      '1',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      'follow-the-sun (primary): 4 shift(s) from 2026-03-09T00:00:00.000Z to 2026-03-10T00:00:00.000Z',
      '  Mon 2026-03-09 00:00-07:00 UTC  no coverage: declared gap weekend',
      '  Mon 2026-03-09 07:00-12:00 UTC  primary: dan (Mon 2026-03-09 08:00-13:00 Europe/Paris)',
      '  Mon 2026-03-09 12:00-16:00 UTC  primary: fred (Mon 2026-03-09 12:00-16:00 Europe/London)',
      '  Mon 2026-03-09 16:00-24:00 UTC  primary: bob (Mon 2026-03-09 09:00-17:00 America/Los_Angeles)',
      '',
    ]);
  });

  it('exits 2 naming the schedules the roster has, for an unknown one', async () => {
    const result = await oncall(['preview', '--config', ROSTER, '--schedule', 'nights']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^support-kit oncall: no schedule "nights"; the roster has follow-the-sun\n/,
    );
  });

  it('exits 2 for a day count outside 1 to 3660', async () => {
    const result = await oncall(['preview', '--config', ROSTER, '--days', '3661']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--days must be a whole number from 1 to 3660, not "3661"/);
  });
});

describe('support-kit oncall ics', () => {
  const args = [
    'ics',
    '--config',
    ROSTER,
    '--schedule',
    'follow-the-sun',
    '--from',
    '2026-03-09',
    '--days',
    '7',
  ];

  it('prints a calendar of the covered shifts that an iCalendar parser reads back', async () => {
    const result = await oncall(args, { now: '2026-03-01T12:00:00Z' });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const { name, events } = vevents(result.stdout);
    expect(name).toBe('On call: follow-the-sun (support-kit)');
    // Five weekdays, three sites a day; the weekend and the evening gaps are not events.
    expect(events).toHaveLength(15);
    expect(events[0]).toEqual({
      uid: 'follow-the-sun-primary-20260309T070000Z@support-kit',
      summary: 'follow-the-sun primary: dan',
      start: '2026-03-09T07:00:00.000Z',
      end: '2026-03-09T12:00:00.000Z',
      sequence: 3242160,
    });
    expect(result.stdout.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('keeps the UIDs and raises SEQUENCE when regenerated a day later', async () => {
    const first = vevents((await oncall(args, { now: '2026-03-01T12:00:00Z' })).stdout).events;
    const again = vevents((await oncall(args, { now: '2026-03-02T12:00:00Z' })).stdout).events;
    expect(again.map((e) => e.uid)).toEqual(first.map((e) => e.uid));
    expect(again[0]?.sequence).toBe((first[0]?.sequence ?? 0) + 24 * 60);
  });

  it("writes one person's calendar to --out and says how many events it holds", async () => {
    const dir = await emptyDir();
    const result = await oncall(
      [
        'ics',
        '--config',
        ROSTER,
        '--person',
        'dan',
        '--from',
        '2026-03-09',
        '--days',
        '7',
        '--out',
        'dan.ics',
      ],
      { cwd: dir, now: '2026-03-01T12:00:00Z' },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'wrote 5 event(s) from 2026-03-09T00:00:00.000Z to 2026-03-16T00:00:00.000Z to dan.ics\n',
    );
    const { name, events } = vevents(await readFile(join(dir, 'dan.ics'), 'utf8'));
    expect(name).toBe('On call: dan (support-kit)');
    expect(new Set(events.map((e) => e.summary))).toEqual(new Set(['follow-the-sun primary: dan']));
  });

  it('exits 2 for a person the roster does not list', async () => {
    const result = await oncall(['ics', '--config', ROSTER, '--person', 'zed']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /no person "zed"; the roster has alice, bob, chloe, dan, emma, fred/,
    );
  });
});

describe('support-kit oncall holidays', () => {
  it("prints a site's public holidays as YAML to paste under sites.<site>.holidays", async () => {
    const result = await oncall([
      'holidays',
      '--config',
      ROSTER,
      '--site',
      'paris',
      '--year',
      '2026',
      '--country',
      'FR',
    ]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const holidays = parse(result.stdout) as { date: string; name: string }[];
    expect(holidays).toHaveLength(11);
    expect(holidays).toContainEqual({ date: '2026-07-14', name: 'Fête Nationale de la France' });
    expect(result.stdout).toMatch(
      /^# Public holidays of France \(FR\) in 2026, suggested for site paris, zone Europe\/Paris\./,
    );
    expect(result.stdout).toMatch(/# Paste under sites\.paris\.holidays:\n/);
  });

  it('refuses to guess where Cambridge is: exit 2 until --country says so', async () => {
    const result = await oncall(['holidays', '--site', 'cambridge', '--year', '2026'], {
      cwd: await emptyDir(),
    });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^support-kit oncall: site "cambridge": a site's name does not say which holidays apply \(Cambridge is in England and in Massachusetts\); pass --country CC \[--region R\]/,
    );

    const england = await oncall(
      ['holidays', '--site', 'cambridge', '--year', '2026', '--country', 'GB', '--region', 'ENG'],
      { cwd: await emptyDir() },
    );
    expect(england.code).toBe(0);
    expect(parse(england.stdout)).toContainEqual({
      date: '2026-08-31',
      name: 'Summer bank holiday',
    });
  });

  it('exits 2 for a site the roster does not have', async () => {
    const result = await oncall([
      'holidays',
      '--config',
      ROSTER,
      '--site',
      'tokyo',
      '--year',
      '2026',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no site "tokyo"; the roster has sfo, paris, cambridge/);
  });
});
