import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LoadedConfig, loadConfig } from '../config/load.js';
import type { Job, JobContext, JobOutcome } from '../job/contract.js';
import { hasErrors } from '../kernel/problems.js';
import { emptyPlan } from '../kernel/plan.js';
import { rosterFrom } from '../roster/config/from-yaml.js';
import { ROSTER_FILE } from '../roster/config/spec.js';
import type { Roster } from '../roster/types.js';
import { renderCalendar } from './calendar.js';
import {
  CALENDAR_TAG,
  calendarFiles,
  calendarWindow,
  planPages,
  planRelease,
  type RenderedCalendar,
} from './decide/publish.js';

/**
 * The oncall action with `mode: calendar`: publish the roster's calendars where calendar apps
 * can subscribe to them. On GitHub Pages when the repository deploys Pages with a workflow (the
 * files go into a folder the workflow's next steps upload and deploy), otherwise as the assets
 * of one release. The `calendar-target` input forces one.
 */

type Target = 'auto' | 'pages' | 'release';
const TARGETS: readonly Target[] = ['auto', 'pages', 'release'];

export const calendarJob: Job = async (context) => {
  const config = await loadConfig(context.source, [ROSTER_FILE]);
  const file = config.files[0];
  const skip = hasErrors(config.problems)
    ? 'roster.yaml has errors: the published calendars stay as they are'
    : !file
      ? `no roster.yaml in ${context.source.folder}: no calendar to publish`
      : otherBranch(context);
  if (skip || !file) return noted(context, config, skip ?? '');
  const wanted = readTarget(context.input('calendar-target'));
  const site = wanted === 'release' ? null : await context.gateway.pagesSite();
  const onPages = site?.buildType === 'workflow';
  if (wanted === 'pages' && !onPages)
    return {
      ...noted(context, config, 'nothing published'),
      failures: [
        site
          ? 'calendar-target is pages, but GitHub builds this repository’s Pages site from a branch: set Settings > Pages > Source to GitHub Actions'
          : 'calendar-target is pages, but Pages is off in this repository: turn it on with Source GitHub Actions (Settings > Pages), or use calendar-target: release',
      ],
    };
  const roster = rosterFrom(file.yaml.value);
  const calendars = rendered(roster, context.now);
  if (site && onPages) {
    const folder = context.input('calendar-folder') || defaultFolder();
    const plan = planPages({ repo: context.repo, calendars, folder, siteUrl: site.url });
    plan.notes.push(...pagesCaveats(site.public, repository(context).private === true));
    const deploy = context.input('dry-run') === 'true' ? 'false' : 'true';
    return { config, plans: [plan], outputs: { target: 'pages', folder, deploy } };
  }
  const release = await context.gateway.releaseByTag(CALENDAR_TAG);
  const assets = release ? await context.gateway.listReleaseAssets(release.id) : null;
  const plan = planRelease({
    repo: context.repo,
    calendars,
    assets,
    downloadBase: `${repositoryUrl(context)}/releases/download/${CALENDAR_TAG}/`,
    privateRepo: repository(context).private === true,
  });
  if (site && wanted === 'auto')
    plan.notes.push('Pages is on but built from a branch: the calendars go to the release');
  return { config, plans: [plan], outputs: { target: 'release', folder: '', deploy: 'false' } };
};

function rendered(roster: Roster, now: Date): RenderedCalendar[] {
  const window = calendarWindow(now);
  return calendarFiles(roster).map((calendar) => ({
    ...calendar,
    text: renderCalendar({ roster, selection: calendar.selection, ...window, generatedAt: now }),
  }));
}

/** What a subscriber of a Pages site meets, said where the run publishes to one. */
function pagesCaveats(publicSite: boolean, privateRepo: boolean): string[] {
  if (!publicSite)
    return [
      'the Pages site is visible only to people signed in with read access, and calendar apps cannot sign in: subscriptions will fail',
    ];
  if (privateRepo)
    return [
      'the repository is private, but its Pages site is public: anyone with an address can read the calendars',
    ];
  return [];
}

function noted(context: JobContext, config: LoadedConfig, note: string): JobOutcome {
  return {
    config,
    plans: [emptyPlan('oncall', context.repo, [note])],
    outputs: { target: '', folder: '', deploy: 'false' },
  };
}

function readTarget(input: string): Target {
  const target = (input || 'auto') as Target;
  if (!TARGETS.includes(target))
    throw new Error(`calendar-target must be auto, pages or release, not "${input}"`);
  return target;
}

/** The caller runs on a push to any branch (`on:` cannot name the default one): only its own counts. */
function otherBranch(context: JobContext): string | undefined {
  if (context.event.name !== 'push') return undefined;
  const ref = context.event.payload.ref;
  const main = repository(context).default_branch;
  if (typeof ref !== 'string' || main === undefined || ref === `refs/heads/${main}`)
    return undefined;
  return `a push to ${ref}, not to the default branch: the calendars follow ${main} only`;
}

interface EventRepository {
  private?: boolean;
  default_branch?: string;
  html_url?: string;
}

function repository(context: JobContext): EventRepository {
  const found = context.event.payload.repository as EventRepository | undefined;
  return found ?? {};
}

/** `https://github.com/OWNER/REPO` (or the Enterprise Server's host), from the event. */
function repositoryUrl(context: JobContext): string {
  const server = process.env.GITHUB_SERVER_URL || 'https://github.com';
  return (
    repository(context).html_url ?? `${server}/${context.repo.owner}/${context.repo.repo}`
  ).replace(/\/+$/, '');
}

/** A folder of the runner's own, which the job's Pages upload step reads. */
function defaultFolder(): string {
  return join(process.env.RUNNER_TEMP || tmpdir(), 'support-kit-calendar');
}
