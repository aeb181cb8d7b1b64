// Types only: the emulator itself is loaded on demand, so the other CLI groups never pay for it.
import type {
  Issue,
  Seed,
  Store,
  webhookPayload as webhookPayloadType,
} from '../emulator/index.js';
import type { DemoStory } from './stories.js';

/**
 * The demo's story as data: the repository it is told in, what is there before it starts, and
 * the events it is made of, each run through one bundle.
 */

const OWNER = 'acme';
const NAME = 'escalations';
export const REPO = `${OWNER}/${NAME}`;
const CONFIG = '.github/support-kit';

type PayloadOf = typeof webhookPayloadType;

export interface DemoEvent {
  name: string;
  payload: object;
}

export interface Step {
  title: string;
  action: string;
  /**
   * A function for an event about what `before` did: it is built when the step runs. A value is
   * built with the list, before the first step runs, so it carries the issue as it was then.
   */
  event: DemoEvent | (() => DemoEvent);
  inputs?: Record<string, string>;
  /** The runner's clock for this run (SUPPORT_KIT_NOW), for steps told at a given hour. */
  env?: Record<string, string>;
  /** Runs before the event: a person's edit, a new issue. */
  before?: () => void;
  /** The story wants this run to fail (a check that catches a broken config). */
  fails?: true;
}

/** The emulator's users and repository, with the preset's config files on main. */
export function demoSeed(story: DemoStory, files: Record<string, string>): Seed {
  return {
    users: [
      { login: 'customer-eng', name: 'Customer engineering' },
      { login: 'amy', name: 'Amy (SFO)' },
      { login: 'luc', name: 'Luc (Paris)' },
      { login: 'ivy', name: 'Ivy (Cambridge)' },
    ],
    repos: [
      {
        owner: OWNER,
        name: NAME,
        // The desk's leads, and the on-call engineers of the preset's roster (SFO, Paris, Cambridge).
        collaborators: [
          'amy',
          'luc',
          'ivy',
          'alice',
          'bob',
          'chloe',
          'dan',
          'emma',
          'fred',
          'escalation-leads',
          ...story.team,
        ],
        files,
      },
    ],
  };
}

/** What the story's steps act on, laid out in the store before the first one runs. */
interface Setting {
  /** The issue with every answer. */
  issue: Issue;
  /** The issue that lacks answers, and the body it was opened with. */
  sparse: Issue;
  sparseBody: string;
  /** The pull request that edits labels.yaml. */
  pr: Issue;
  pushSha: string;
  /** labels.yaml as pushed to main: the preset's, plus sev1 renamed. */
  teamLabels: string;
}

function setUp(
  store: Store,
  files: Record<string, string>,
  story: DemoStory,
  formBody: (answers: Record<string, string>) => string,
): Setting {
  const issue = store.createIssue(REPO, {
    title: story.complete.title,
    body: formBody(story.complete.answers),
    user: 'customer-eng',
    labels: story.complete.labels,
  });
  const sparseBody = formBody(story.sparse.answers);
  const sparse = store.createIssue(REPO, {
    title: story.sparse.title,
    body: sparseBody,
    user: 'customer-eng',
    labels: story.sparse.labels,
  });

  // A preset without labels.yaml (a roster only) starts the list the story appends to.
  const labels = files[`${CONFIG}/labels.yaml`] ?? 'labels:\n';
  // The repository has GitHub's default labels (the emulator gives them) and an old severity.
  store.createLabel(REPO, { name: 'sev1', color: 'ededed' });
  store.addLabels(REPO, issue.number, ['sev1']);
  const teamLabels = `${labels}\n  # Renamed: issues labelled sev1 keep their label under the new name.\n  - name: S1-watchlist\n    color: d93f0b\n    description: Severity 1 on a watchlist account\n    aliases: [sev1]\n`;
  const pushSha = 'c3'.repeat(20);
  store.setFile(REPO, `${CONFIG}/labels.yaml`, teamLabels, pushSha);
  const pr = store.createIssue(REPO, {
    title: 'Tune the severity labels',
    user: 'amy',
    pull_request: true,
  });
  return { issue, sparse, sparseBody, pr, pushSha, teamLabels };
}

/** Where the story's steps are told: the store, the setting laid out in it, and the payload maker. */
interface Scene {
  store: Store;
  webhookPayload: PayloadOf;
  setting: Setting;
}

/**
 * Lays out the story in the store and lists its steps: a push of labels.yaml, a complete issue
 * and an incomplete one, the edit that completes it, an event nobody acts on, and a pull request
 * whose check fails, then passes; then, on a follow-the-sun roster, a day of on-call.
 */
export function storySteps(
  preset: string,
  files: Record<string, string>,
  story: DemoStory,
  store: Store,
  tools: { webhookPayload: PayloadOf; formBody: (answers: Record<string, string>) => string },
): { setting: Setting; steps: Step[] } {
  const setting = setUp(store, files, story, tools.formBody);
  const scene: Scene = { store, webhookPayload: tools.webhookPayload, setting };
  const steps: Step[] = [
    labelsPushed(preset, scene),
    ...issueSteps(story, scene, tools.formBody({ ...story.sparse.answers, ...story.fix.answers })),
    ...pullRequestSteps(scene),
  ];
  // The day is told in seed 000's hours and sites: it needs the follow-the-sun roster.
  if (/follow-the-sun:/.test(files[`${CONFIG}/roster.yaml`] ?? ''))
    steps.push(...followTheSunDay(store, tools.webhookPayload));
  return { setting, steps };
}

function labelsPushed(preset: string, { store, webhookPayload, setting }: Scene): Step {
  const { pushSha } = setting;
  return {
    title: `@amy pushes labels.yaml (the ${preset} preset plus a renamed sev1) to main`,
    action: 'labels',
    event: {
      name: 'push',
      payload: webhookPayload(store, 'push', {
        repo: REPO,
        after: pushSha,
        sender: 'amy',
        commits: [
          {
            id: pushSha,
            message: 'Adopt the escalation labels',
            modified: [`${CONFIG}/labels.yaml`],
          },
        ],
      }),
    },
  };
}

function issueSteps(
  story: DemoStory,
  { store, webhookPayload, setting }: Scene,
  sparseFixed: string,
): Step[] {
  const { issue, sparse, sparseBody } = setting;
  const opened = (number: number): DemoEvent => ({
    name: 'issues',
    payload: webhookPayload(store, 'issues', { repo: REPO, action: 'opened', number }),
  });
  return [
    {
      title: `@customer-eng opens #${issue.number} "${issue.title}" with every answer`,
      action: 'all',
      event: opened(issue.number),
    },
    {
      title: `@customer-eng opens #${sparse.number} "${sparse.title}": ${story.sparse.lacks}`,
      action: 'intake',
      event: opened(sparse.number),
    },
    {
      title: `@customer-eng edits #${sparse.number}: ${story.fix.adds}`,
      action: 'intake',
      before: () =>
        store.updateIssue(REPO, sparse.number, { body: sparseFixed }, { actor: 'customer-eng' }),
      event: () => ({
        name: 'issues',
        payload: webhookPayload(store, 'issues', {
          repo: REPO,
          action: 'edited',
          number: sparse.number,
          changes: { body: { from: sparseBody } },
        }),
      }),
    },
    {
      title: 'someone stars the repository (an event no capability acts on)',
      action: 'intake',
      event: { name: 'watch', payload: { action: 'started' } },
    },
  ];
}

/** A pull request whose check catches a broken labels.yaml, then passes on the fix. */
function pullRequestSteps({ store, webhookPayload, setting }: Scene): Step[] {
  const { pr, teamLabels } = setting;
  // The first colour of the file loses a digit: the kind of slip a review misses.
  const broken = teamLabels.replace(/color: "?([0-9a-fA-F]{5})[0-9a-fA-F]"?/, 'color: $1');
  const prHead = (sha: string, text: string) => {
    if (pr.pull_request) pr.pull_request.head_sha = sha;
    store.setFile(REPO, `${CONFIG}/labels.yaml`, text, sha);
  };
  const pullRequest = (action: 'opened' | 'synchronize') => (): DemoEvent => ({
    name: 'pull_request',
    payload: webhookPayload(store, 'pull_request', { repo: REPO, action, number: pr.number }),
  });
  return [
    {
      title: `@amy opens pull request #${pr.number} "${pr.title}" with a colour one digit short`,
      action: 'all',
      fails: true,
      before: () => prHead('a1'.repeat(20), broken),
      event: pullRequest('opened'),
    },
    {
      title: `@amy pushes a fix to #${pr.number} that also turns prune on`,
      action: 'all',
      before: () =>
        prHead('b2'.repeat(20), `prune: true\nexclude: [documentation, duplicate]\n${teamLabels}`),
      event: pullRequest('synchronize'),
    },
    {
      title: `the check on #${pr.number} is re-run on the same commit`,
      action: 'validate',
      event: pullRequest('synchronize'),
    },
  ];
}

/**
 * Seed 000's follow-the-sun desk through one day of a daylight-saving week: on Thursday
 * 2026-03-26 California is already on summer time and Paris is not, so 3 AM in Paris is 7 PM in
 * San Francisco, inside the declared evening gap. Each run has the clock of its hour.
 */
function followTheSunDay(store: Store, webhookPayload: PayloadOf): Step[] {
  const opened = (title: string, at: string, local: string): Step => {
    let number = 0;
    return {
      title: `${local}: @customer-eng opens "${title}" (S1)`,
      action: 'oncall',
      env: { SUPPORT_KIT_NOW: at },
      before: () => {
        number = store.createIssue(REPO, {
          title,
          user: 'customer-eng',
          labels: ['S1-broken'],
          created_at: at,
        }).number;
      },
      event: () => ({
        name: 'issues',
        payload: webhookPayload(store, 'issues', { repo: REPO, action: 'opened', number }),
      }),
    };
  };
  const tick = (at: string, local: string): Step => ({
    title: `${local}: the scheduled on-call run (cron */15, a few minutes late as usual)`,
    action: 'oncall',
    env: { SUPPORT_KIT_NOW: at },
    event: { name: 'schedule', payload: { schedule: '7,22,37,52 * * * *' } },
  });
  return [
    opened(
      'Cluster unreachable after certificate rotation',
      '2026-03-26T02:00:00Z',
      'A follow-the-sun day in a DST week. 03:00 Paris (19:00 San Francisco, the evening gap)',
    ),
    tick('2026-03-26T07:07:00Z', '08:07 Paris'),
    opened('Backups fail on the Lyon site', '2026-03-26T09:30:00Z', '10:30 Paris'),
    opened('Dashboards blank for EMEA customers', '2026-03-26T13:30:00Z', '13:30 Cambridge'),
    opened('API latency doubled since 08:00', '2026-03-26T16:10:00Z', '09:10 San Francisco'),
    tick('2026-03-26T16:22:00Z', '09:22 San Francisco'),
  ];
}
