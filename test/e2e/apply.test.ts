import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withMarker } from '../../src/kernel/markers.js';
import type { Plan } from '../../src/kernel/plan.js';
import { applyPlan } from '../../src/github/apply.js';
import { createOctokit } from '../../src/github/client.js';
import { Gateway } from '../../src/github/gateway.js';
import type { Emulator } from '../../dev/emulator/index.js';
import { REPO, startDesk } from '../../dev/harness/desk.js';

let emulator: Emulator;
let gateway: Gateway;

beforeEach(async () => {
  emulator = await startDesk();
  gateway = new Gateway(
    await createOctokit({ token: 'test', baseUrl: emulator.url, writeIntervalMs: 0 }),
    { owner: 'acme', repo: 'desk' },
  );
});
afterEach(async () => emulator.close());

const plan = (operations: Plan['operations']): Plan => ({
  capability: 'test',
  repo: { owner: 'acme', repo: 'desk' },
  operations,
  notes: [],
});
const marker = { kind: 'intake', keys: {} };

describe('the executor against the emulator', () => {
  it('never takes a marker pasted by a person for its own comment', async () => {
    const issue = emulator.store.createIssue(REPO, { title: 't', user: 'customer-eng' });
    emulator.store.addComment(REPO, issue.number, {
      user: 'customer-eng',
      body: withMarker(marker, 'forged'),
    });

    const result = await applyPlan(
      plan([{ kind: 'upsert-comment', issue: issue.number, marker, body: 'hello', reason: 'r' }]),
      gateway,
      { dryRun: false },
    );

    expect(result.failures).toEqual([]);
    const comments = emulator.store.issue(REPO, issue.number).comments;
    expect(comments.map((c) => [c.user, c.body])).toEqual([
      ['customer-eng', withMarker(marker, 'forged')],
      ['github-actions[bot]', withMarker(marker, 'hello')],
    ]);
  });

  it("goes on past a failed operation and reports GitHub's message for it", async () => {
    const issue = emulator.store.createIssue(REPO, { title: 't', user: 'customer-eng' });

    const result = await applyPlan(
      plan([
        { kind: 'add-labels', issue: 999, labels: ['bug'], reason: 'r' },
        { kind: 'add-labels', issue: issue.number, labels: ['bug'], reason: 'r' },
      ]),
      gateway,
      { dryRun: false },
    );

    expect(result.results.map((r) => r.status)).toEqual(['failed', 'applied']);
    expect(result.failures[0]?.detail).toMatch(/POST .*\/issues\/999\/labels: 404 Not Found/);
    expect(emulator.store.issue(REPO, issue.number).labels.map((l) => l.name)).toEqual(['bug']);
  });

  it('writes a marked issue once and finds it again on the next run', async () => {
    const op = {
      kind: 'upsert-issue' as const,
      marker: { kind: 'report', keys: { week: '2026-W47' } },
      title: 'Support week 2026-W47',
      body: 'numbers',
      labels: ['report'],
      reason: 'r',
    };
    await applyPlan(plan([op]), gateway, { dryRun: false });
    emulator.resetRequests();

    const again = await applyPlan(plan([op]), gateway, { dryRun: false });

    expect(again.results[0]?.status).toBe('unchanged');
    // The marked issue is the kit's only if its token wrote it; this gateway learned who that is
    // from the issue it opened, so it asks GitHub nothing more.
    expect(emulator.requests.map((r) => r.route)).toEqual(['GET /repos/{owner}/{repo}/issues']);
    expect(
      emulator.store.repo(REPO).issues.filter((i) => i.title === 'Support week 2026-W47'),
    ).toHaveLength(1);
  });

  it('cuts a comment over GitHub’s 65,536 characters to fit, saying how much, instead of failing', async () => {
    const issue = emulator.store.createIssue(REPO, { title: 't', user: 'customer-eng' });

    const result = await applyPlan(
      plan([
        {
          kind: 'upsert-comment',
          issue: issue.number,
          marker: { kind: 'test', keys: {} },
          body: 'x'.repeat(70_000),
          reason: 'r',
        },
      ]),
      gateway,
      { dryRun: false },
    );

    expect(result.failures).toEqual([]);
    const [written] = emulator.store.issue(REPO, issue.number).comments;
    expect(written?.body.length).toBeLessThanOrEqual(65_536);
    expect(written?.body).toMatch(/… and [\d,]+ more characters$/);
  });

  it('makes no request at all in dry-run', async () => {
    const result = await applyPlan(
      plan([{ kind: 'add-labels', issue: 1, labels: ['bug'], reason: 'r' }]),
      gateway,
      { dryRun: true },
    );
    expect(result.results[0]?.status).toBe('dry-run');
    expect(emulator.requests).toHaveLength(0);
  });
});
