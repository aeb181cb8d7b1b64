import { createHash } from 'node:crypto';
import { escapeHtml } from '../../kernel/markdown.js';
import { emptyPlan, type Operation, type Plan, type RepoRef } from '../../kernel/plan.js';
import { plural } from '../../kernel/words.js';
import type { Roster } from '../../roster/types.js';

/**
 * The on-call calendars people subscribe to, published on every roster change: one file per
 * schedule and one per person, on GitHub Pages or as the assets of one release. Subscribers keep
 * a file's address for years, so names follow from the roster alone (lower case, URL-safe by the
 * roster's own rules), and what changes is decided here, from what the last publish left.
 */

/** The one release that carries the calendars when Pages is off: created once, never again. */
export const CALENDAR_TAG = 'support-kit-calendar';
const CALENDAR_CONTENT_TYPE = 'text/calendar; charset=utf-8';
const INDEX = 'index.html';

export interface CalendarFile {
  /** `schedule-follow-the-sun.ics`, `person-alice.ics`. */
  name: string;
  /** What a reader calls it: the schedule's name, or the login (and name) of the person. */
  title: string;
  /** The selection of src/oncall/calendar.ts that renders it. */
  selection: { schedule?: string; person?: string };
}

export interface RenderedCalendar extends CalendarFile {
  text: string;
}

/**
 * Every calendar the roster gives: its schedules (each with every role), then its people (each
 * across every schedule). Schedule names are lower-case by the roster's schema; logins are not,
 * and GitHub treats them without case, so a file is named by the lower-case login: a roster that
 * writes `Alice` later keeps `person-alice.ics` and its subscribers.
 */
export function calendarFiles(roster: Roster): CalendarFile[] {
  const schedules = Object.keys(roster.schedules)
    .sort()
    .map((schedule) => ({
      name: `schedule-${schedule}.ics`,
      title: schedule,
      selection: { schedule },
    }));
  const people = Object.entries(roster.people)
    .sort(([a], [b]) => a.toLowerCase().localeCompare(b.toLowerCase()))
    .map(([login, person]) => ({
      name: `person-${login.toLowerCase()}.ics`,
      title: person.name ? `${login} (${person.name})` : login,
      selection: { person: login },
    }));
  return [...schedules, ...people];
}

/**
 * The shifts a published calendar covers: from the start of last month to the start of the
 * sixth month from this one, in whole UTC months. The window moves once a month (the caller's
 * monthly run), so in between an unchanged roster gives unchanged files and nothing is uploaded.
 */
export function calendarWindow(now: Date): { from: Date; to: Date } {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  return {
    from: new Date(Date.UTC(year, month - 1, 1)),
    to: new Date(Date.UTC(year, month + 6, 1)),
  };
}

/**
 * What a calendar says, without when it was generated: DTSTAMP and SEQUENCE carry the
 * generation instant (src/oncall/calendar.ts), so two generations of the same shifts differ only
 * there. Sixteen hex digits of SHA-256 over the rest.
 */
export function calendarDigest(text: string): string {
  const shifts = text
    .split('\r\n')
    .filter((line) => !/^(DTSTAMP|SEQUENCE)[:;]/.test(line))
    .join('\r\n');
  return createHash('sha256').update(shifts).digest('hex').slice(0, 16);
}

/** The asset's label on the release page: its title and its digest, which the next run compares. */
function assetLabel(calendar: RenderedCalendar, digest: string): string {
  return `On call: ${calendar.title} · ${digest}`;
}

function digestOfLabel(label: string | null): string | undefined {
  return label === null ? undefined : / · ([0-9a-f]{16})$/.exec(label)?.[1];
}

export interface ReleaseAsset {
  id: number;
  name: string;
  label: string | null;
}

export interface ReleasePublish {
  repo: RepoRef;
  calendars: readonly RenderedCalendar[];
  /** The assets of the release CALENDAR_TAG names; null when there is no such release yet. */
  assets: readonly ReleaseAsset[] | null;
  /** `https://github.com/OWNER/REPO/releases/download/support-kit-calendar/`. */
  downloadBase: string;
  /** Release assets of a private repository need a signed-in download. */
  privateRepo: boolean;
}

/**
 * The release's assets follow the calendars: a new calendar is uploaded, a changed one replaced
 * (its digest differs from the one its label records), one no longer on the roster deleted, and
 * an unchanged one left as it is, so its subscribers see no new version. Only `.ics` assets are
 * the kit's: anything else a person put on the release stays.
 */
export function planRelease(input: ReleasePublish): Plan {
  const operations: Operation[] = [];
  if (input.assets === null)
    operations.push({
      kind: 'create-release',
      tag: CALENDAR_TAG,
      name: 'On-call calendars',
      body: releaseBody(input.downloadBase),
      reason: 'the first publish: the calendars need a release to be assets of',
    });
  const existing = new Map((input.assets ?? []).map((a) => [a.name, a]));
  const wanted = new Set(input.calendars.map((c) => c.name));
  for (const asset of input.assets ?? [])
    if (asset.name.endsWith('.ics') && !wanted.has(asset.name))
      operations.push({
        kind: 'delete-release-asset',
        tag: CALENDAR_TAG,
        name: asset.name,
        asset: asset.id,
        reason: 'no longer a schedule or a person of roster.yaml',
      });
  let unchanged = 0;
  for (const calendar of input.calendars) {
    const digest = calendarDigest(calendar.text);
    const asset = existing.get(calendar.name);
    if (asset && digestOfLabel(asset.label) === digest) {
      unchanged += 1;
      continue;
    }
    operations.push({
      kind: 'upload-release-asset',
      tag: CALENDAR_TAG,
      name: calendar.name,
      label: assetLabel(calendar, digest),
      contentType: CALENDAR_CONTENT_TYPE,
      content: calendar.text,
      ...(asset ? { replaces: asset.id } : {}),
      reason: asset
        ? `the shifts of ${calendar.title} changed`
        : `a new calendar: ${calendar.title}`,
    });
  }
  const notes = [
    `${plural(unchanged, 'calendar')} unchanged`,
    `subscribe at ${input.downloadBase}schedule-NAME.ics or ${input.downloadBase}person-LOGIN.ics (login in lower case)`,
  ];
  if (input.privateRepo)
    notes.push(
      'this repository is private: its release assets download only for people signed in to GitHub, and calendar apps cannot sign in. Publish to GitHub Pages instead (docs/oncall.md, Calendars)',
    );
  return { ...emptyPlan('oncall', input.repo, notes), operations };
}

/** Written once, when the release is created: the kit never edits it after. */
function releaseBody(downloadBase: string): string {
  return [
    'On-call calendars from `roster.yaml`, one file per schedule and one per person, kept up to date by support-kit.',
    '',
    'Subscribe to a file by its address (in Google Calendar: Other calendars, From URL) rather than downloading it, so that roster changes follow:',
    '',
    `- a schedule: \`${downloadBase}schedule-NAME.ics\``,
    `- a person: \`${downloadBase}person-LOGIN.ics\` (the GitHub login in lower case)`,
    '',
    'support-kit replaces a file when its shifts change. Leave this release and its tag as they are: deleting them breaks every subscription.',
  ].join('\n');
}

export interface PagesPublish {
  repo: RepoRef;
  calendars: readonly RenderedCalendar[];
  /** The folder the Pages upload step takes. */
  folder: string;
  /** The site's address, as GitHub gives it (`html_url`, a custom domain included). */
  siteUrl: string;
}

/**
 * The Pages site: every calendar and an index of their addresses, written into one folder that
 * the workflow uploads and deploys whole. A deployment replaces the whole site, so every file is
 * written on every publish; the changed ones carry a higher SEQUENCE, the others the same events.
 */
export function planPages(input: PagesPublish): Plan {
  const base = input.siteUrl.endsWith('/') ? input.siteUrl : `${input.siteUrl}/`;
  const folder = input.folder.replace(/\/+$/, '');
  const write = (name: string, content: string, reason: string): Operation => ({
    kind: 'write-file',
    path: `${folder}/${name}`,
    content,
    reason,
  });
  const operations = [
    ...input.calendars.map((c) =>
      write(c.name, c.text, `the calendar of ${c.title}, for the Pages site`),
    ),
    write(
      INDEX,
      calendarIndex(input.calendars, base),
      'the page that lists the subscription addresses',
    ),
  ];
  const notes = [
    `${plural(input.calendars.length, 'calendar')} for ${base}`,
    `subscribe at ${base}schedule-NAME.ics or ${base}person-LOGIN.ics (login in lower case)`,
  ];
  return { ...emptyPlan('oncall', input.repo, notes), operations };
}

/** index.html: each calendar's address, and a webcal: link that opens it in a calendar app. */
export function calendarIndex(calendars: readonly RenderedCalendar[], base: string): string {
  const item = (c: RenderedCalendar) => {
    const url = `${base}${c.name}`;
    const webcal = url.replace(/^https?:/, 'webcal:');
    return `<li>${escapeHtml(c.title)}: <a href="${escapeHtml(url)}">${escapeHtml(url)}</a> (<a href="${escapeHtml(webcal)}">subscribe</a>)</li>`;
  };
  const section = (heading: string, list: readonly RenderedCalendar[]) =>
    list.length === 0 ? [] : [`<h2>${heading}</h2>`, '<ul>', ...list.map(item), '</ul>'];
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>On-call calendars</title></head>',
    '<body>',
    '<h1>On-call calendars</h1>',
    '<p>Subscribe to a calendar by its address (Google Calendar: Other calendars, From URL; Apple Calendar: File, New Calendar Subscription; Outlook: Add calendar, Subscribe from web). Do not import the file: a subscription follows every change to the roster.</p>',
    ...section(
      'Schedules',
      calendars.filter((c) => c.selection.person === undefined),
    ),
    ...section(
      'People',
      calendars.filter((c) => c.selection.person !== undefined),
    ),
    '<p>Generated from roster.yaml by support-kit.</p>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
