import { describe, expect, it } from 'vitest';
import { renderCalendar } from '../../../src/oncall/calendar.js';
import {
  calendarDigest,
  calendarFiles,
  calendarIndex,
  calendarWindow,
  planPages,
  planRelease,
  type ReleaseAsset,
  type RenderedCalendar,
} from '../../../src/oncall/decide/publish.js';
import type { Roster } from '../../../src/roster/types.js';
import { fixture, fixtureText, rosterOf } from '../fixtures/roster/load.js';

/** Which files the published calendars are, and what a publish changes of them. */

const REPO = { owner: 'acme', repo: 'desk' };
const BASE = 'https://github.com/acme/desk/releases/download/support-kit-calendar/';
const NOW = new Date('2026-11-10T09:00:00Z');

function rendered(roster: Roster, generatedAt = NOW): RenderedCalendar[] {
  return calendarFiles(roster).map((c) => ({
    ...c,
    text: renderCalendar({ roster, selection: c.selection, ...calendarWindow(NOW), generatedAt }),
  }));
}

/** The assets a publish of these calendars leaves, with ids in order. */
function published(calendars: readonly RenderedCalendar[]): ReleaseAsset[] {
  const plan = planRelease({
    repo: REPO,
    calendars,
    assets: null,
    downloadBase: BASE,
    privateRepo: false,
  });
  return plan.operations.flatMap((op, id) =>
    op.kind === 'upload-release-asset' ? [{ id, name: op.name, label: op.label }] : [],
  );
}

const release = (calendars: readonly RenderedCalendar[], assets: ReleaseAsset[] | null) =>
  planRelease({ repo: REPO, calendars, assets, downloadBase: BASE, privateRepo: false });

describe('the calendar files', () => {
  it('are one per schedule, then one per person, named by lower-case login', () => {
    // The roster may write a login in any case; GitHub reads it without.
    const roster = rosterOf(
      fixtureText('live-incident')
        .replace(/\bamy\b/g, 'Amy')
        .replace('Amy: { site: llnl }', 'Amy: { site: llnl, name: Amy Ng }'),
    );

    const files = calendarFiles(roster);

    expect(files.map((f) => f.name)).toEqual([
      'schedule-live-incident.ics',
      'person-amy.ics',
      'person-ivy.ics',
      'person-luc.ics',
      'person-noah.ics',
      'person-zoe.ics',
    ]);
    expect(files[1]).toEqual({
      name: 'person-amy.ics',
      title: 'Amy (Amy Ng)',
      selection: { person: 'Amy' },
    });
  });

  it('cover last month to five months ahead, in whole UTC months, the same all month', () => {
    expect(calendarWindow(new Date('2026-01-31T23:59:00Z'))).toEqual({
      from: new Date('2025-12-01T00:00:00Z'),
      to: new Date('2026-07-01T00:00:00Z'),
    });
    expect(calendarWindow(new Date('2026-01-01T00:00:00Z'))).toEqual(
      calendarWindow(new Date('2026-01-31T23:59:00Z')),
    );
  });

  it('have a digest that ignores when they were generated but not what they say', () => {
    const roster = fixture('live-incident');
    const [now] = rendered(roster);
    const [later] = rendered(roster, new Date('2026-11-20T12:00:00Z'));

    expect(later?.text).not.toEqual(now?.text);
    expect(calendarDigest(later?.text ?? '')).toBe(calendarDigest(now?.text ?? ''));
    expect(calendarDigest((now?.text ?? '').replace('primary: amy', 'primary: luc'))).not.toBe(
      calendarDigest(now?.text ?? ''),
    );
  });
});

describe('publishing to the release', () => {
  const calendars = rendered(fixture('live-incident'));

  it('creates the release first, then uploads every calendar, on the first publish', () => {
    const plan = release(calendars, null);

    expect(plan.operations.map((op) => `${op.kind} ${'name' in op ? op.name : ''}`)).toEqual([
      'create-release On-call calendars',
      ...calendars.map((c) => `upload-release-asset ${c.name}`),
    ]);
  });

  it('changes nothing when every calendar has the digest its asset records', () => {
    const plan = release(
      rendered(fixture('live-incident'), new Date('2026-11-11T00:00:00Z')),
      published(calendars),
    );

    expect(plan.operations).toEqual([]);
    expect(plan.notes[0]).toBe('6 calendars unchanged');
  });

  it('replaces a changed calendar, naming the asset it deletes first', () => {
    const assets = published(calendars);
    const changed = calendars.map((c) =>
      c.name === 'person-luc.ics'
        ? { ...c, text: c.text.replace('primary: luc', 'backup: luc') }
        : c,
    );

    const plan = release(changed, assets);

    expect(plan.operations).toMatchObject([
      {
        kind: 'upload-release-asset',
        name: 'person-luc.ics',
        replaces: assets.find((a) => a.name === 'person-luc.ics')?.id,
        reason: 'the shifts of luc changed',
      },
    ]);
  });

  it('uploads again an asset whose label records no digest (edited by hand)', () => {
    const assets = published(calendars).map((a) =>
      a.name === 'person-amy.ics' ? { ...a, label: 'Amy' } : a,
    );

    expect(release(calendars, assets).operations.map((op) => op.kind)).toEqual([
      'upload-release-asset',
    ]);
  });

  it('deletes the calendar of a person who left the roster, and leaves other files alone', () => {
    const assets = [
      ...published(calendars),
      { id: 90, name: 'person-old.ics', label: null },
      { id: 91, name: 'README.txt', label: null },
    ];

    expect(release(calendars, assets).operations).toMatchObject([
      { kind: 'delete-release-asset', name: 'person-old.ics', asset: 90 },
    ]);
  });

  it('says that calendar apps cannot read the assets of a private repository', () => {
    const plan = planRelease({
      repo: REPO,
      calendars,
      assets: null,
      downloadBase: BASE,
      privateRepo: true,
    });

    expect(plan.notes.join('\n')).toMatch(/private: .*calendar apps cannot sign in/);
  });
});

describe('publishing to GitHub Pages', () => {
  it('writes every calendar and the index into the folder', () => {
    const calendars = rendered(fixture('live-incident'));

    const plan = planPages({
      repo: REPO,
      calendars,
      folder: '/runner/temp/site/',
      siteUrl: 'https://acme.github.io/desk',
    });

    expect(plan.operations.map((op) => (op.kind === 'write-file' ? op.path : op.kind))).toEqual([
      ...calendars.map((c) => `/runner/temp/site/${c.name}`),
      '/runner/temp/site/index.html',
    ]);
  });

  it('lists each address in the index with a webcal link, escaping names as HTML', () => {
    const html = calendarIndex(
      [
        {
          name: 'person-amy.ics',
          title: 'amy (<b>Amy</b> & co)',
          selection: { person: 'amy' },
          text: '',
        },
      ],
      'https://acme.github.io/desk/',
    );

    expect(html).toContain(
      '<li>amy (&lt;b&gt;Amy&lt;/b&gt; &amp; co): <a href="https://acme.github.io/desk/person-amy.ics">https://acme.github.io/desk/person-amy.ics</a> (<a href="webcal://acme.github.io/desk/person-amy.ics">subscribe</a>)</li>',
    );
    expect(html).not.toContain('<h2>Schedules</h2>');
  });
});
