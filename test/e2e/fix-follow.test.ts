import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator, webhookPayload } from '../../dev/emulator/index.js';
import { CONFIG, REPO, isWrite, run } from '../../dev/harness/desk.js';
import { projectRoot } from '../../dev/harness/run-action.js';

/**
 * Seed 001's L2 follows the engineering issue: `/escalate docker/pinata` and `/fixed-by` link the
 * support issue to it, as GitHub's "blocked by" where the API answers and in the kit's record in
 * every case (docs/escalation.md, "Following the fix").
 */
const TRIAGE_DESK = {
  [`${CONFIG}/escalation.yaml`]: readFileSync(
    join(projectRoot(), 'config/presets/support-triage/escalation.yaml'),
    'utf8',
  ),
};
const ENGINEERING = 'docker/pinata';
const DEPENDENCY = 'POST /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by';

let emulator: Emulator;
afterEach(async () => {
  await emulator?.close();
});

async function start(): Promise<void> {
  emulator = await startEmulator({
    now: '2026-11-23T09:00:00Z',
    seed: {
      users: [{ login: 'customer-eng' }],
      tokens: { 'emulator-token': 'github-actions[bot]', 'engineering-token': 'luc' },
      repos: [
        { owner: 'acme', name: 'desk', collaborators: ['tess', 'luc'] },
        { owner: 'docker', name: 'pinata', collaborators: ['luc'] },
      ],
    },
  });
}

const issue = (n: number) => emulator.store.issue(REPO, n);
const labels = (n: number) => issue(n).labels.map((l) => l.name);
const record = (n: number) =>
  issue(n).comments.find((c) => c.body.startsWith('<!-- support-kit:escalation'))?.body ?? '';

function supportIssue(): number {
  return emulator.store.createIssue(REPO, {
    title: 'docker ps hangs after the upgrade',
    body: 'Diagnostics id: 1A2B',
    user: 'customer-eng',
    labels: ['support', 'status/1-acknowledged'],
  }).number;
}

/** tess comments, and the escalate workflow runs on it with the engineering token. */
function comment(n: number, body: string) {
  const made = emulator.store.addComment(REPO, n, { user: 'tess', body });
  return run(
    emulator,
    'escalate',
    {
      name: 'issue_comment',
      payload: webhookPayload(emulator.store, 'issue_comment', {
        repo: REPO,
        action: 'created',
        number: n,
        comment_id: made.id,
      }),
    },
    {
      workspace: TRIAGE_DESK,
      inputs: { 'escalation-token': 'engineering-token' },
      env: { SUPPORT_KIT_NOW: emulator.store.now() },
    },
  );
}

const tick = () =>
  run(
    emulator,
    'escalate',
    { name: 'schedule', payload: { schedule: '7,22,37,52 * * * *' } },
    {
      workspace: TRIAGE_DESK,
      inputs: { 'escalation-token': 'engineering-token' },
      env: { SUPPORT_KIT_NOW: emulator.store.now() },
    },
  );

const blockers = (n: number) =>
  emulator.store.blockersOf(issue(n)).map((b) => `${b.repo.full_name}#${b.issue.number}`);

describe('linking a support issue to its engineering issue (dist/escalate)', () => {
  it('/escalate opens the engineering issue, records the support issue as blocked by it, and moves it to in progress', async () => {
    await start();
    const n = supportIssue();

    const escalated = await comment(n, '/escalate docker/pinata');

    expect(escalated.exitCode).toBe(0);
    expect(escalated.requests.filter((r) => r.route === DEPENDENCY)).toHaveLength(1);
    expect(escalated.requests.filter(isWrite)).toHaveLength(5);
    expect(blockers(n)).toEqual([`${ENGINEERING}#1`]);
    expect(labels(n)).toEqual(['support', 'support-kit/awaiting-fix', 'status/2-in-progress']);
    const engineering = emulator.store.issue(ENGINEERING, 1);
    expect(record(n)).toContain(
      `<!-- support-kit:fix-link at=2026-11-23T09%3A00%3A00.000Z by=tess id=${engineering.id} issue=docker%2Fpinata%231 native=1 -->`,
    );
    expect(record(n)).toContain(
      'Waiting on engineering in docker/pinata since 2026-11-23T09:00:00.000Z.',
    );
  });

  it('writes nothing on the next run: the link is recorded once', async () => {
    await start();
    const n = supportIssue();
    await comment(n, '/escalate docker/pinata');

    const again = await tick();

    expect(again.exitCode).toBe(0);
    expect(again.requests.filter(isWrite)).toEqual([]);
    expect(blockers(n)).toEqual([`${ENGINEERING}#1`]);
  });

  it('/fixed-by links an engineering issue that exists, reading it once through the escalation token', async () => {
    await start();
    const bug = emulator.store.createIssue(ENGINEERING, { title: 'VM socket leak', user: 'luc' });
    const n = supportIssue();

    const linked = await comment(n, `/fixed-by docker/pinata#${bug.number}`);

    expect(linked.exitCode).toBe(0);
    expect(
      linked.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/repos/docker')),
    ).toHaveLength(1);
    expect(blockers(n)).toEqual([`${ENGINEERING}#${bug.number}`]);
    expect(issue(n).comments.at(-2)?.body).toContain(
      `This issue now waits on docker/pinata#${bug.number}`,
    );
  });

  it('/fixed-by #n links an issue of the support repository itself', async () => {
    await start();
    const bug = emulator.store.createIssue(REPO, { title: 'Kernel bug', user: 'luc' });
    const n = supportIssue();

    await comment(n, `/fixed-by #${bug.number}`);

    expect(blockers(n)).toEqual([`${REPO}#${bug.number}`]);
    expect(labels(n)).toContain('status/2-in-progress');
  });

  it('/fixed-by an issue that does not exist says so and links nothing', async () => {
    await start();
    const n = supportIssue();

    const linked = await comment(n, '/fixed-by docker/pinata#99');

    expect(linked.exitCode).toBe(0);
    expect(issue(n).comments.at(-2)?.body).toContain(
      '`/fixed-by`: docker/pinata#99 is not an issue the kit can read; nothing was done.',
    );
    expect(labels(n)).not.toContain('support-kit/awaiting-fix');
  });

  it('keeps the link in its own record where GitHub has no issue dependencies (404), and says so without failing', async () => {
    await start();
    const n = supportIssue();
    emulator.injectFault({ kind: 'refused', status: 404, times: 5, match: { route: DEPENDENCY } });

    const escalated = await comment(n, '/escalate docker/pinata');

    expect(escalated.exitCode).toBe(0);
    expect(blockers(n)).toEqual([]);
    expect(record(n)).toMatch(/support-kit:fix-link .*issue=docker%2Fpinata%231 native=0/);
    expect(escalated.summary).toContain("the kit's record keeps the link");
    expect(labels(n)).toContain('status/2-in-progress');
  });
});

/** L3 closes (or reopens) the engineering issue in docker/pinata, where the kit runs no workflow. */
function engineering(number: number, patch: { state: 'open' | 'closed'; state_reason?: string }) {
  emulator.store.updateIssue(ENGINEERING, number, patch as never, { actor: 'luc' });
}

async function escalatedIssue(): Promise<number> {
  const n = supportIssue();
  await comment(n, '/escalate docker/pinata');
  return n;
}

const news = (n: number) =>
  issue(n).comments.filter((c) => c.body.startsWith('<!-- support-kit:fix-news'));

describe('following the engineering issue on schedule (dist/escalate)', () => {
  it('an engineering issue closed as completed gives status/3-fixed and tells the reporter once, in one query', async () => {
    await start();
    const n = await escalatedIssue();
    emulator.setClock('2026-11-25T09:00:00Z');
    engineering(1, { state: 'closed', state_reason: 'completed' });

    const swept = await tick();

    expect(swept.exitCode).toBe(0);
    expect(
      swept.requests.filter((r) => String(JSON.stringify(r.body)).includes('stateReason')),
    ).toHaveLength(1);
    expect(labels(n)).toEqual(['support', 'support-kit/awaiting-fix', 'status/3-fixed']);
    expect(news(n)).toHaveLength(1);
    expect(news(n)[0]?.body).toContain(
      '@customer-eng: the engineering issue docker/pinata#1 was closed as fixed.',
    );
    expect(record(n)).toContain('Fixed by docker/pinata#1; waiting for a release.');

    const again = await tick();
    expect(again.requests.filter(isWrite)).toEqual([]);
    expect(news(n)).toHaveLength(1);
  });

  it('an engineering issue closed as not planned asks the support owner, and the issue waits no more', async () => {
    await start();
    const n = await escalatedIssue();
    engineering(1, { state: 'closed', state_reason: 'not_planned' });

    await tick();

    expect(labels(n)).toEqual(['support', 'status/2-in-progress']);
    expect(news(n)[0]?.body).toContain('@tess: docker/pinata#1 was closed as not planned.');
  });

  it('a reopened engineering issue takes a fixed support issue back to in progress', async () => {
    await start();
    const n = await escalatedIssue();
    engineering(1, { state: 'closed', state_reason: 'completed' });
    await tick();
    engineering(1, { state: 'open' });

    const reopened = await tick();

    expect(reopened.exitCode).toBe(0);
    expect(labels(n)).toEqual(['support', 'support-kit/awaiting-fix', 'status/2-in-progress']);
    expect(news(n)).toHaveLength(1);
  });

  it('an engineering issue of the support repository itself moves its support issue on its own close event', async () => {
    await start();
    const bug = emulator.store.createIssue(REPO, { title: 'Kernel bug', user: 'luc' });
    const n = supportIssue();
    await comment(n, `/fixed-by #${bug.number}`);
    emulator.store.updateIssue(
      REPO,
      bug.number,
      { state: 'closed', state_reason: 'completed' },
      { actor: 'luc' },
    );

    const closed = await run(
      emulator,
      'escalate',
      {
        name: 'issues',
        payload: webhookPayload(emulator.store, 'issues', {
          repo: REPO,
          action: 'closed',
          number: bug.number,
        }),
      },
      { workspace: TRIAGE_DESK, env: { SUPPORT_KIT_NOW: emulator.store.now() } },
    );

    expect(closed.exitCode).toBe(0);
    expect(closed.requests.filter((r) => r.route.endsWith('/dependencies/blocking'))).toHaveLength(
      1,
    );
    expect(labels(n)).toContain('status/3-fixed');
    expect(news(n)).toHaveLength(1);
  });

  it('stops the response clock while the issue waits on engineering', async () => {
    await start();
    const n = await escalatedIssue();

    emulator.setClock('2026-11-26T09:00:00Z');
    await tick();

    expect(record(n)).toContain('waiting on engineering since');
  });
});

describe('following the fix to its release (dist/escalate)', () => {
  /** L3 merges the fix (its commit closes the engineering issue), then publishes releases. */
  async function fixed(): Promise<{ n: number; commit: string }> {
    emulator.store.pushCommit(ENGINEERING, 'Start');
    emulator.store.createRelease(ENGINEERING, { tag_name: 'v4.36.0' });
    const n = await escalatedIssue();
    emulator.setClock('2026-11-24T09:00:00Z');
    const commit = emulator.store.pushCommit(ENGINEERING, 'Close the socket proxy (fixes #1)');
    emulator.store.closeByCommit(ENGINEERING, 1, commit, { actor: 'luc' });
    await tick();
    return { n, commit };
  }
  const publish = (tag: string, prerelease: boolean) => {
    emulator.setClock(prerelease ? '2026-11-25T09:00:00Z' : '2026-11-27T09:00:00Z');
    emulator.store.pushCommit(ENGINEERING, `Release ${tag}`);
    emulator.store.createRelease(ENGINEERING, { tag_name: tag, prerelease });
  };

  it('a pre-release that holds the closing commit gives the beta status and one comment with its link', async () => {
    await start();
    const { n } = await fixed();
    publish('v4.37.0-beta1', true);

    const swept = await tick();

    expect(swept.exitCode).toBe(0);
    expect(labels(n)).toEqual([
      'support',
      'support-kit/awaiting-fix',
      'status/4-fix-released-beta',
    ]);
    expect(news(n).at(-1)?.body).toContain(
      'The fix (docker/pinata#1) is in the pre-release [v4.37.0-beta1](https://github.com/docker/pinata/releases/tag/v4.37.0-beta1).',
    );
    const again = await tick();
    expect(again.requests.filter(isWrite)).toEqual([]);
    // Neither the closing commit nor the releases already looked at are asked again.
    expect(again.requests.filter((r) => /\/events$|\/compare\//.test(r.path))).toEqual([]);
  });

  it('then the stable release gives the stable status, and the issue waits no more', async () => {
    await start();
    const { n } = await fixed();
    publish('v4.37.0-beta1', true);
    await tick();
    publish('v4.37.0', false);

    await tick();

    expect(labels(n)).toEqual(['support', 'status/4-fix-released-stable']);
    expect(news(n)).toHaveLength(3);
    const quiet = await tick();
    expect(quiet.requests.filter((r) => r.path.includes('/releases'))).toEqual([]);
  });

  it('a release cut before the fix does not claim it', async () => {
    await start();
    const { n } = await fixed();
    emulator.setClock('2026-11-25T09:00:00Z');
    // Tagged at the commit before the fix, published after it.
    const before = emulator.store.repo(ENGINEERING).commits[0]?.sha ?? '';
    emulator.store.setTag(ENGINEERING, 'v4.36.1', before);
    emulator.store.createRelease(ENGINEERING, { tag_name: 'v4.36.1' });

    await tick();

    expect(labels(n)).toContain('status/3-fixed');
  });

  it('an engineering issue closed by hand names no commit: no release is claimed, and nothing is asked again', async () => {
    await start();
    const n = await escalatedIssue();
    engineering(1, { state: 'closed', state_reason: 'completed' });
    await tick();
    publish('v4.37.0', false);

    const swept = await tick();

    expect(labels(n)).toContain('status/3-fixed');
    expect(swept.requests.filter((r) => /\/events$|\/releases|\/compare\//.test(r.path))).toEqual(
      [],
    );
  });
});
