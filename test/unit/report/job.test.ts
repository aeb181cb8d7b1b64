import { describe, expect, it } from 'vitest';
import { reportJob } from '../../../src/report/job.js';
import { CONFIG, event, fakeContext } from '../fakes/context.js';
import { FakeGitHub, type FakeGitHubOptions } from '../fakes/github.js';
import { fakeNotifier } from '../fakes/notifier.js';

/** Monday of week 48, after the cron: the report of week 47 (16 to 22 November 2026, UTC). */
const MONDAY = '2026-11-23T06:20:00Z';
const schedule = event('schedule', undefined, { schedule: '17 6 * * 1' });

/** One issue as the report's GraphQL search returns it: opened on the week's Monday. */
function searched(number: number, title: string) {
  return {
    id: `I_${number}`,
    number,
    title,
    url: `https://github.com/acme/desk/issues/${number}`,
    createdAt: '2026-11-16T09:00:00Z',
    closedAt: null,
    state: 'OPEN',
    authorAssociation: 'NONE',
    repository: { nameWithOwner: 'acme/desk' },
    author: { __typename: 'User', login: 'customer-eng' },
    labels: { nodes: [] },
    timeline: { pageInfo: { hasNextPage: false }, nodes: [] },
  };
}

interface EarlierReport {
  number: number;
  week: string;
  author: { __typename: string; login: string };
}

/**
 * GitHub's answer to the report's first query, which holds every count and the first day's
 * page (src/report/fetch.ts): all `issues` were opened that Monday, the first slice (`c0`, `p`).
 */
function graphqlWith(
  issues: ReturnType<typeof searched>[],
  reports: EarlierReport[] = [],
): FakeGitHubOptions['graphql'] {
  return (query) => {
    const answer: Record<string, unknown> = {};
    for (const [, alias = ''] of query.matchAll(/(\w+): search\(/g)) {
      if (alias === 'reports')
        answer[alias] = {
          nodes: reports.map((r) => ({
            number: r.number,
            url: `https://github.com/acme/desk/issues/${r.number}`,
            state: 'OPEN',
            body: `<!-- support-kit:report week=${r.week} -->\n# Support report ${r.week}`,
            author: r.author,
          })),
        };
      else if (alias === 'p')
        answer[alias] = {
          issueCount: issues.length,
          pageInfo: { hasNextPage: false, endCursor: null },
          nodes: issues,
        };
      else
        answer[alias] = { issueCount: ['c0', 'createdToEnd'].includes(alias) ? issues.length : 0 };
    }
    return answer;
  };
}

function run(github: FakeGitHub, inputs: Record<string, string> = {}, channels = fakeNotifier()) {
  return reportJob(
    fakeContext(github, {
      capability: 'report',
      event: schedule,
      now: MONDAY,
      inputs,
      notifier: channels,
    }),
  );
}

describe('report job', () => {
  it("builds last week's report issue from one GraphQL request, with its metrics and summary", async () => {
    const github = new FakeGitHub({
      graphql: graphqlWith([searched(1, 'Login fails'), searched(2, 'Export is slow')]),
    });

    const outcome = await run(github);

    expect(outcome.plans[0]?.operations).toEqual([
      expect.objectContaining({
        kind: 'upsert-issue',
        title: 'Support report 2026-W47',
        marker: { kind: 'report', keys: { week: '2026-W47' } },
        labels: ['support-kit/report'],
      }),
    ]);
    expect(JSON.parse(outcome.outputs?.metrics ?? '{}')).toMatchObject({
      week: { id: '2026-W47', timezone: 'UTC' },
      opened: 2,
    });
    expect(outcome.summary).toContain('# Support report 2026-W47');
    // roster.yaml, report.yaml, escalation.yaml (the response goals), the week's issues, then
    // whether the desk's schedule still runs.
    expect(github.methods()).toEqual([
      'readFile',
      'readFile',
      'readFile',
      'graphql',
      'workflowState',
    ]);
  });

  it("warns that report.yaml's response-goals is unused when escalation.yaml sets the desk's goals", async () => {
    const github = new FakeGitHub({
      graphql: graphqlWith([searched(1, 'Login fails')]),
      files: {
        [`${CONFIG}/report.yaml`]: 'response-goals:\n  default: 4h\n',
        [`${CONFIG}/escalation.yaml`]: 'version: 1\nresponse:\n  goals:\n    - minutes: 60\n',
      },
    });

    const outcome = await run(github);

    expect(outcome.problems).toEqual([
      expect.objectContaining({
        file: `${CONFIG}/report.yaml`,
        line: 1,
        severity: 'warning',
        message: expect.stringMatching(/^response-goals is not used: escalation\.yaml sets/),
      }),
    ]);
    expect(JSON.parse(outcome.outputs?.metrics ?? '{}').goals.calendar).toMatch(
      /^escalation\.yaml's goals/,
    );
  });

  it("closes the kit's earlier report, and ignores a person's issue that quotes its marker", async () => {
    const github = new FakeGitHub({
      graphql: graphqlWith(
        [],
        [
          { number: 40, week: '2026-W46', author: { __typename: 'Bot', login: 'github-actions' } },
          { number: 41, week: '2026-W45', author: { __typename: 'User', login: 'mallory' } },
        ],
      ),
    });

    const outcome = await run(github);

    expect(outcome.plans[0]?.operations.slice(1)).toEqual([
      expect.objectContaining({ kind: 'update-issue', issue: 40, state: 'closed' }),
    ]);
  });

  it('reports the week the week input names, over the repositories input names', async () => {
    const github = new FakeGitHub({ graphql: graphqlWith([]) });

    const outcome = await run(github, { week: '2026-W40', repositories: 'acme/desk, acme/app' });

    expect(outcome.plans[0]?.operations[0]).toMatchObject({ title: 'Support report 2026-W40' });
    // One search scope per repository: never two repo: qualifiers in one query.
    const queries = github.calls
      .filter((c) => c.method === 'graphql')
      .map((c) => String(c.args[0]));
    expect(queries.some((q) => q.includes('repo:acme/desk is:issue'))).toBe(true);
    expect(queries.some((q) => q.includes('repo:acme/app is:issue'))).toBe(true);
    expect(queries.some((q) => /repo:\S+ repo:/.test(q))).toBe(false);
  });

  it('refuses a week input that is not an ISO week', async () => {
    const github = new FakeGitHub({ graphql: graphqlWith([]) });

    await expect(run(github, { week: 'last week' })).rejects.toThrow(
      'week must be an ISO week such as 2026-W47, not "last week"',
    );
  });

  it('reads no issue when the config has errors', async () => {
    const github = new FakeGitHub({ files: { [`${CONFIG}/report.yaml`]: 'title: [not, text]\n' } });

    const outcome = await run(github);

    expect(outcome.plans[0]).toMatchObject({
      operations: [],
      notes: ['the config has errors: no report this run'],
    });
    expect(github.methods()).not.toContain('graphql');
  });

  it('posts the link to the webhook when escalation.yaml asks for report posts', async () => {
    const github = new FakeGitHub({
      graphql: graphqlWith([]),
      files: {
        [`${CONFIG}/escalation.yaml`]:
          'version: 1\nnotifications:\n  webhook:\n    events: [report]\n',
      },
    });

    const outcome = await run(github, {}, fakeNotifier(['webhook']));

    expect(outcome.plans[0]?.operations.map((op) => op.kind)).toEqual(['upsert-issue', 'notify']);
    expect(outcome.plans[0]?.notes).toContain('report: posted to the webhook');
  });

  it('says why it posts nothing when the webhook URL is not set', async () => {
    const github = new FakeGitHub({ graphql: graphqlWith([]) });

    const outcome = await run(github);

    expect(outcome.plans[0]?.operations.map((op) => op.kind)).toEqual(['upsert-issue']);
    expect(outcome.plans[0]?.notes).toContain('no slack-webhook-url: nothing is posted');
  });
});
