import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { parse } from 'yaml';
import { reportPeriod } from '../../src/report/config/period.js';
import { reportConfigFrom } from '../../src/report/config/report.js';
import { weekContaining } from '../../src/report/decide/week.js';
import { rosterFrom } from '../../src/roster/config/from-yaml.js';
// Types only: the harness is loaded on demand, so the other CLI groups never pay for it.
import { callerFrom, cronInstants } from '../../src/callers/decide/cost.js';
import { projectRoot } from '../harness/run-action.js';
import type { Run, Scenario } from '../harness/scenario.js';
import type { DemoStory } from './stories.js';

/**
 * The demo's story as data: a day and a half of a desk, each moment at its own instant. The
 * emulator's clock and every run's clock (SUPPORT_KIT_NOW) move to that instant before the
 * moment plays, so the story reads the same whatever day it is told.
 *
 * The days are in 2026-W44: Europe has gone back to winter time (25 October) and California has
 * not yet (1 November), so 3 AM in Paris is 7 PM in San Francisco, inside the roster's declared
 * evening gap, an hour later than the rest of the year.
 */

const CONFIG = '.github/support-kit';

/** Where the story starts: Monday 26 October 2026, 08:07 in Paris. */
export const STORY_START = '2026-10-26T07:07:00Z';

/** For ISO weeks: the first run after `end` of the report template's own first cron. */
function templateRunAfter(end: DateTime): DateTime {
  const template = readFileSync(join(projectRoot(), 'workflows/report.yml'), 'utf8');
  const [first] = callerFrom('report.yml', template).schedules;
  const [at] = first ? cronInstants(first, end.toJSDate(), end.plus({ days: 8 }).toJSDate()) : [];
  if (at === undefined) throw new Error('workflows/report.yml has no schedule to run the report');
  return DateTime.fromMillis(at, { zone: 'UTC' });
}

/**
 * When the report runs: 17 minutes after the end of the week the story ends in, as the callers
 * `init` writes run it (after the rotation's hand-off, or the template's own cron for ISO weeks), and
 * how the people there say it.
 */
export function reportTime(
  files: Record<string, string>,
  lastMoment: string,
): { at: string; told: string } {
  const value = (name: string) => {
    const text = files[`${CONFIG}/${name}`];
    return text === undefined ? undefined : (parse(text) as unknown);
  };
  const roster = value('roster.yaml');
  const period = reportPeriod(
    reportConfigFrom(value('report.yaml')),
    roster ? rosterFrom(roster) : null,
  );
  const week = weekContaining(Date.parse(lastMoment), period.zone, period.opens);
  const end = DateTime.fromMillis(week.end, { zone: period.zone });
  const at = period.opens.rotation ? end.plus({ minutes: 17 }) : templateRunAfter(end);
  return {
    at: at.toUTC().toISO({ suppressMilliseconds: true }) ?? '',
    told: `${at.setZone(period.zone).toFormat('ccc d LLL, HH:mm')} ${period.zone}`,
  };
}

/** The issue that was on the desk before the story, with the old severity label. */
export const OLD_ISSUE = 1;

export interface Moment {
  /** When it happens (UTC). */
  at: string;
  /** What happens, told at the moment it plays (issue numbers and assignees are known then). */
  title: (desk: Scenario) => string;
  /** What people do, then the workflow runs it starts. */
  play: (desk: Scenario) => Promise<Played>;
  /** The story wants a run of this moment to fail (a check that catches a broken config). */
  fails?: true;
}

type Played = Run | Record<string, Run>;

/** A local time as the people there say it: "Mon 26 Oct, 09:12 Paris". */
function local(at: string, zone: string, city: string): string {
  return `${DateTime.fromISO(at, { zone }).toFormat('ccc d LLL, HH:mm')} ${city}`;
}
const paris = (at: string) => local(at, 'Europe/Paris', 'Paris');

/**
 * What is on the desk before the story: an October issue with the old `sev1` label, already
 * answered by an engineer of the roster, and the label itself.
 */
export function setTheScene(desk: Scenario, repo: string, engineer: string): void {
  const { store } = desk;
  store.createLabel(repo, { name: 'sev1', color: 'ededed' });
  store.createIssue(repo, {
    title: 'Initech: slow queries since the 17.03 upgrade',
    body: 'Queries on the reporting database take 40 s instead of 2 s since the upgrade.',
    user: 'customer-eng',
    labels: ['sev1'],
    created_at: '2026-10-05T09:00:00Z',
    comments: [
      {
        user: engineer,
        body: 'We are tracking this with Initech; a fix is planned for 17.07.',
        created_at: '2026-10-05T10:00:00Z',
      },
    ],
  });
}

/** labels.yaml as the team pushes it: the preset's, plus `sev1` renamed so its issues keep it. */
function teamLabels(files: Record<string, string>): string {
  const labels = files[`${CONFIG}/labels.yaml`] ?? 'labels:\n';
  return `${labels}\n  # Renamed: issues labelled sev1 keep their label under the new name.\n  - name: watchlist\n    color: d93f0b\n    description: A customer account on the watchlist\n    aliases: [sev1]\n`;
}

/**
 * Monday: the scheduled run, the labels, two issues from the preset's form, their answers and a
 * pull request; Tuesday, a fix. On a follow-the-sun roster, an S1 at each site's hours and one
 * in the night. All in time order.
 */
export function storyOf(
  story: DemoStory,
  files: Record<string, string>,
  formBody: (answers: Record<string, string>) => string,
): Moment[] {
  const moments = [
    ...deskWork(story, files, formBody),
    ...pullRequest(files),
    // The sites and hours are seed 000's: it needs the follow-the-sun roster.
    ...(/follow-the-sun:/.test(files[`${CONFIG}/roster.yaml`] ?? '')
      ? aroundTheWorld(story, formBody)
      : []),
  ];
  return moments.sort((a, b) => a.at.localeCompare(b.at));
}

const tick = (at: string, city: (at: string) => string): Moment => ({
  at,
  title: () => `${city(at)}: the scheduled run (every 15 minutes; the quiet ones are not shown)`,
  play: (desk) => desk.tick(),
});

/** Who has an issue: the story's people answer their own issues. */
const owner = (desk: Scenario, number: number) => desk.issue(number).assignees[0] ?? 'amy';

/** The owner of an issue answers it; the escalate workflow runs on the comment. */
function answers(at: string, number: () => number, city: (at: string) => string): Moment {
  return {
    at,
    title: (desk) => `${city(at)}: @${owner(desk, number())} answers #${number()}`,
    play: (desk) =>
      desk.comment(number(), owner(desk, number()), 'Looking at it now; I will update here.'),
  };
}

function deskWork(
  story: DemoStory,
  files: Record<string, string>,
  formBody: (answers: Record<string, string>) => string,
): Moment[] {
  let complete = 0;
  let sparse = 0;
  const sparseBody = formBody(story.sparse.answers);
  return [
    tick(STORY_START, paris),
    {
      at: '2026-10-26T07:30:00Z',
      title: () =>
        `${paris('2026-10-26T07:30:00Z')}: @amy pushes labels.yaml (sev1 renamed) to main`,
      play: (desk) =>
        desk.push('amy', { [`${CONFIG}/labels.yaml`]: teamLabels(files) }, 'Adopt the labels'),
    },
    {
      at: '2026-10-26T08:12:00Z',
      title: () =>
        `${paris('2026-10-26T08:12:00Z')}: @customer-eng opens #${complete} "${story.complete.title}" with every answer`,
      play: (desk) => {
        complete = desk.open({
          title: story.complete.title,
          body: formBody(story.complete.answers),
          labels: story.complete.labels,
        });
        return desk.issueEvent('opened', complete);
      },
    },
    {
      at: '2026-10-26T08:20:00Z',
      title: () =>
        `${paris('2026-10-26T08:20:00Z')}: @customer-eng opens #${sparse} "${story.sparse.title}": ${story.sparse.lacks}`,
      play: (desk) => {
        sparse = desk.open({
          title: story.sparse.title,
          body: sparseBody,
          labels: story.sparse.labels,
        });
        return desk.issueEvent('opened', sparse);
      },
    },
    {
      at: '2026-10-26T08:45:00Z',
      title: () =>
        `${paris('2026-10-26T08:45:00Z')}: @customer-eng edits #${sparse}: ${story.fix.adds}`,
      play: (desk) => {
        const from = desk.edit(sparse, formBody({ ...story.sparse.answers, ...story.fix.answers }));
        return desk.issueEvent('edited', sparse, { body: { from } });
      },
    },
    tick('2026-10-26T09:22:00Z', paris),
    answers('2026-10-26T09:31:00Z', () => complete, paris),
    answers('2026-10-26T10:05:00Z', () => sparse, paris),
    {
      at: '2026-10-27T10:00:00Z',
      title: (desk) =>
        `${paris('2026-10-27T10:00:00Z')}: @${owner(desk, sparse)} fixes #${sparse} and closes it`,
      play: (desk) => desk.closeIssue(sparse, owner(desk, sparse)),
    },
  ];
}

/** A pull request whose check catches a broken labels.yaml, then passes on the fix. */
function pullRequest(files: Record<string, string>): Moment[] {
  const labels = teamLabels(files);
  // The first colour of the file loses a digit: the kind of slip a review misses.
  const broken = labels.replace(/color: "?([0-9a-fA-F]{5})[0-9a-fA-F]"?/, 'color: $1');
  let pr = 0;
  return [
    {
      at: '2026-10-26T10:30:00Z',
      title: () =>
        `${paris('2026-10-26T10:30:00Z')}: @amy opens pull request #${pr} "Tune the labels" with a colour one digit short`,
      fails: true,
      play: (desk) => {
        pr = desk.store.createIssue('acme/desk', {
          title: 'Tune the labels',
          user: 'amy',
          pull_request: true,
        }).number;
        return desk.pullRequest(pr, 'opened', {
          sha: 'a1'.repeat(20),
          files: { [`${CONFIG}/labels.yaml`]: broken },
        });
      },
    },
    {
      at: '2026-10-26T10:50:00Z',
      title: () =>
        `${paris('2026-10-26T10:50:00Z')}: @amy pushes a fix to #${pr} that also turns prune on`,
      play: (desk) =>
        desk.pullRequest(pr, 'synchronize', {
          sha: 'b2'.repeat(20),
          files: {
            [`${CONFIG}/labels.yaml`]: `prune: true\nexclude: [documentation, duplicate]\n${labels}`,
          },
        }),
    },
  ];
}

/**
 * Seed 000's follow-the-sun desk: Paris from 08:00 to 13:00, Cambridge from 12:00 to 16:00, San
 * Francisco from 08:00 to 17:00, a declared gap from 5 to 11 PM Pacific. Each S1 goes to whoever
 * is on call at its hour, who answers it; the one opened in the night waits for Paris.
 */
function aroundTheWorld(
  story: DemoStory,
  formBody: (answers: Record<string, string>) => string,
): Moment[] {
  const cambridge = (at: string) => local(at, 'Europe/London', 'Cambridge');
  const sf = (at: string) => local(at, 'America/Los_Angeles', 'San Francisco');
  const opened: number[] = [];
  const s1 = (at: string, city: (at: string) => string, title: string, what: string): Moment => ({
    at,
    title: () => `${city(at)}: @customer-eng opens #${opened.at(-1)} "${title}" (S1)`,
    play: (desk) => {
      const body = formBody({ ...story.complete.answers, [story.about]: what });
      opened.push(desk.open({ title, body, labels: story.complete.labels }));
      return desk.issueEvent('opened', opened.at(-1) ?? 0);
    },
  });
  const nth = (k: number) => () => opened[k] ?? 0;
  return [
    tick('2026-10-26T12:07:00Z', cambridge),
    s1(
      '2026-10-26T13:30:00Z',
      cambridge,
      'Dashboards blank for EMEA customers',
      'The EMEA dashboards show no data since 13:00; customers call the hotline.',
    ),
    answers('2026-10-26T13:42:00Z', nth(0), cambridge),
    s1(
      '2026-10-26T16:10:00Z',
      sf,
      'API latency doubled since 08:00',
      'Latency of the public API went from 80 ms to 170 ms at 08:00 Pacific.',
    ),
    tick('2026-10-26T16:22:00Z', sf),
    answers('2026-10-26T16:35:00Z', nth(1), sf),
    s1(
      '2026-10-27T02:00:00Z',
      (at) => `${paris(at)} (${sf(at)}, the evening gap)`,
      'Cluster unreachable after certificate rotation',
      'The API server rejects every client since the certificates rotated at 02:40.',
    ),
    tick('2026-10-27T07:07:00Z', paris),
    answers('2026-10-27T07:20:00Z', nth(2), paris),
  ];
}
