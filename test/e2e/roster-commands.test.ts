import { afterEach, describe, expect, it } from 'vitest';
import { type Emulator, webhookPayload } from '../../dev/emulator/index.js';
import { CONFIG, REPO, routes, run, startDesk } from '../../dev/harness/desk.js';

/**
 * `/cover` and `/swap` through dist/escalate: the command on an issue opens one pull request on
 * roster.yaml, a re-run opens nothing more, and a repository that does not let Actions open pull
 * requests gets a reply that says what to turn on, with no branch left behind.
 */
const ROSTER = `version: 1
# The desk's weekly rotation.
sites:
  paris: { timezone: Europe/Paris }
people:
  ana: { site: paris }
  ben: { site: paris }
  cyril: { site: paris }
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
`;
const NOW = '2026-10-12T12:00:00Z';
const PATH = `${CONFIG}/roster.yaml`;
const COVER = '/cover @ben 2026-10-19..2026-10-25';

let emulator: Emulator;
afterEach(async () => {
  await emulator?.close();
});

async function desk(actionsMayOpenPulls = true): Promise<number> {
  emulator = await startDesk(
    { [PATH]: ROSTER },
    {
      now: NOW,
      repos: [{ owner: 'acme', name: 'desk', collaborators: ['ana', 'ben', 'cyril'] }],
    },
  );
  emulator.store.repo(REPO).actionsMayOpenPulls = actionsMayOpenPulls;
  return emulator.store.createIssue(REPO, { title: 'Holidays', user: 'ana' }).number;
}

function command(issue: number, body: string) {
  const comment = emulator.store.addComment(REPO, issue, { user: 'ana', body, created_at: NOW });
  const event = {
    name: 'issue_comment',
    payload: webhookPayload(emulator.store, 'issue_comment', {
      repo: REPO,
      action: 'created',
      number: issue,
      comment_id: comment.id,
    }),
  };
  return {
    id: comment.id,
    go: () => run(emulator, 'escalate', event, { env: { SUPPORT_KIT_NOW: NOW } }),
  };
}

const pulls = () => emulator.store.repo(REPO).issues.filter((i) => i.pull_request);
const replyOn = (issue: number) =>
  emulator.store
    .issue(REPO, issue)
    .comments.filter((c) => c.user === 'github-actions[bot]')
    .map((c) => c.body)
    .find((b) => b.includes('command-reply'));

const OPEN = [
  'GET /repos/{owner}/{repo}/git/ref/{ref}',
  'POST /repos/{owner}/{repo}/git/refs',
  'PUT /repos/{owner}/{repo}/contents/{path}',
  'POST /repos/{owner}/{repo}/pulls',
  'POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers',
];
/** The requests that make the pull request: branches, files, pulls. */
const kitWrites = (r: Awaited<ReturnType<ReturnType<typeof command>['go']>>) =>
  routes(r.requests).filter((route) => /\/(git|contents|pulls)\b/.test(route));

describe('/cover on the desk (dist/escalate)', () => {
  it('opens one pull request that adds the override, asks the people it moves to review, and links it in the reply', async () => {
    const issue = await desk();
    const { id, go } = command(issue, COVER);

    const result = await go();

    expect(result.exitCode).toBe(0);
    const [pr] = pulls();
    expect(pulls()).toHaveLength(1);
    expect(pr?.user).toBe('github-actions[bot]');
    expect(pr?.pull_request?.head).toBe(`support-kit/cover-${id}`);
    expect(pr?.pull_request?.requested_reviewers).toEqual(['ana', 'ben']);
    expect(emulator.store.filesAt(REPO, pr?.pull_request?.head_sha)?.get(PATH)).toBe(
      `${ROSTER}\noverrides:\n  - { schedule: desk, role: primary, person: ben, from: 2026-10-19T09:00, to: 2026-10-26T00:00, timezone: Europe/Paris, ref: "#${issue}" }\n`,
    );
    expect(pr?.body).toContain(`**ana** asked for this in #${issue} with \`/cover\``);
    expect(replyOn(issue)).toMatch(/Opened \S+\/pull\/\d+ for \*\*ana\*\*'s `\/cover`/);
    // The branch is made from the default branch's head: one read, then the four writes.
    expect(kitWrites(result)).toEqual(OPEN);
    // Besides: the config query, the comments, the commenter's access, the reply and the state.
    expect(result.requests).toHaveLength(10);
  });

  it('opens nothing more when the same comment is handled again', async () => {
    const issue = await desk();
    const { go } = command(issue, COVER);
    await go();

    const again = await go();

    expect(again.exitCode).toBe(0);
    expect(pulls()).toHaveLength(1);
    expect(kitWrites(again)).toEqual([]);
  });

  it('finds the pull request an earlier run opened when the record of it was lost, and opens no second one', async () => {
    const issue = await desk();
    const { go } = command(issue, COVER);
    await go();
    // The state comment that records the command as answered is gone (its write failed).
    const thread = emulator.store.issue(REPO, issue).comments;
    const state = thread.findIndex((c) => c.body.includes('support-kit:escalation'));
    thread.splice(state, 1);

    const again = await go();

    expect(pulls()).toHaveLength(1);
    expect(kitWrites(again)).toEqual([
      'GET /repos/{owner}/{repo}/git/ref/{ref}',
      'POST /repos/{owner}/{repo}/git/refs',
      'GET /repos/{owner}/{repo}/pulls',
    ]);
    expect(replyOn(issue)).toMatch(/Opened \S+\/pull\/\d+/);
  });

  it('says what to turn on when the repository does not let Actions open pull requests, and leaves no branch', async () => {
    const issue = await desk(false);
    const { go } = command(issue, COVER);

    const result = await go();

    expect(pulls()).toHaveLength(0);
    expect(emulator.store.repo(REPO).heads.size).toBe(0);
    expect(replyOn(issue)).toContain(
      '`/cover`: could not open the pull request: GitHub does not let Actions open pull requests in this repository. Turn on "Allow GitHub Actions to create and approve pull requests" (Settings → Actions → General → Workflow permissions; an organisation may have to allow it first), or give the kit an App token; the branch support-kit/cover-',
    );
    expect(replyOn(issue)).toMatch(/was deleted again\. Nothing changed on the roster;/);
    expect(kitWrites(result)).toEqual([
      'GET /repos/{owner}/{repo}/git/ref/{ref}',
      'POST /repos/{owner}/{repo}/git/refs',
      'PUT /repos/{owner}/{repo}/contents/{path}',
      'POST /repos/{owner}/{repo}/pulls',
      'DELETE /repos/{owner}/{repo}/git/refs/{ref}',
    ]);
  });

  it('replies that the requester holds nothing in the range, and opens nothing', async () => {
    const issue = await desk();
    // ana's first week starts on 19 October: nothing before.
    const { go } = command(issue, '/cover @ben 2026-10-17');

    const result = await go();

    expect(pulls()).toHaveLength(0);
    expect(replyOn(issue)).toContain('**ana** holds no shift from 2026-10-17 to 2026-10-17');
    expect(kitWrites(result)).toEqual([]);
  });
});
