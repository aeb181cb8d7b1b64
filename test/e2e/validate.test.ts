import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../emulator/index.js';
import {
  CONFIG,
  openPullRequest,
  pullRequestEvent,
  pushToPullRequest,
  REPO,
  routes,
  run,
  startDesk,
} from './harness/desk.js';
import { projectRoot } from './harness/run-action.js';

const GOOD = 'labels:\n  - name: S1-broken\n    color: d93f0b\n';
const BAD_COLOR = 'labels:\n  - name: S1-broken\n    color: red\n';

let emulator: Emulator;
afterEach(async () => emulator?.close());

const comments = (number: number) => emulator.store.issue(REPO, number).comments;

describe('validate on pull requests (dist/validate)', () => {
  it('annotates the bad line, comments once on the pull request, and fails the check', async () => {
    emulator = await startDesk();
    const pr = openPullRequest(emulator, { [`${CONFIG}/labels.yaml`]: BAD_COLOR });

    const result = await run(emulator, 'validate', pullRequestEvent(emulator, 'opened', pr));

    expect(result.exitCode).toBe(1);
    expect(result.annotations).toContainEqual(
      expect.objectContaining({ level: 'error', file: `${CONFIG}/labels.yaml`, line: 3, col: 12 }),
    );
    expect(comments(pr)).toHaveLength(1);
    expect(comments(pr)[0]?.body).toContain('❌ 1 error');
    expect(comments(pr)[0]?.body).toContain('color: must be six hex digits');
    expect(routes(result.requests)).toEqual([
      'GET /repos/{owner}/{repo}/contents/{path}',
      'GET /repos/{owner}/{repo}/contents/{path}',
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    ]);
  });

  it('updates the same comment in place when a later commit fixes the config', async () => {
    emulator = await startDesk();
    const pr = openPullRequest(emulator, { [`${CONFIG}/labels.yaml`]: BAD_COLOR });
    await run(emulator, 'validate', pullRequestEvent(emulator, 'opened', pr));
    pushToPullRequest(emulator, pr, { [`${CONFIG}/labels.yaml`]: GOOD }, 2);

    const result = await run(emulator, 'validate', pullRequestEvent(emulator, 'synchronize', pr));

    expect(result.exitCode).toBe(0);
    expect(comments(pr)).toHaveLength(1);
    expect(comments(pr)[0]?.body).toContain('✅');
    expect(routes(result.requests).filter((r) => !r.startsWith('GET'))).toEqual([
      'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
    ]);
  });

  it('writes nothing when re-run on the same commit', async () => {
    emulator = await startDesk();
    const pr = openPullRequest(emulator, { [`${CONFIG}/labels.yaml`]: GOOD });
    await run(emulator, 'validate', pullRequestEvent(emulator, 'opened', pr));

    const again = await run(emulator, 'validate', pullRequestEvent(emulator, 'reopened', pr));

    expect(again.exitCode).toBe(0);
    expect(again.requests.every((r) => r.method === 'GET')).toBe(true);
    expect(again.requests).toHaveLength(3);
    expect(JSON.parse(again.outputs.plan ?? '{}').operations).toHaveLength(1);
    expect(again.summary).toContain('unchanged');
  });

  it('reads config from the checkout without any contents request when the repo is checked out', async () => {
    emulator = await startDesk();
    const pr = openPullRequest(emulator, {});

    const result = await run(emulator, 'validate', pullRequestEvent(emulator, 'opened', pr), {
      workspace: { [`${CONFIG}/labels.yaml`]: GOOD },
    });

    expect(result.exitCode).toBe(0);
    expect(routes(result.requests)).toEqual([
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    ]);
  });

  it('in dry-run decides the comment but writes nothing', async () => {
    emulator = await startDesk();
    const pr = openPullRequest(emulator, { [`${CONFIG}/labels.yaml`]: BAD_COLOR });

    const result = await run(emulator, 'validate', pullRequestEvent(emulator, 'opened', pr), {
      inputs: { 'dry-run': 'true' },
    });

    expect(comments(pr)).toHaveLength(0);
    expect(result.requests.every((r) => r.method === 'GET')).toBe(true);
    expect(result.summary).toContain('support-kit validate (dry-run)');
    expect(JSON.parse(result.outputs.plan ?? '{}').operations[0].kind).toBe('upsert-comment');
  });

  it('quotes config text in the comment without mentioning anyone or breaking the table', async () => {
    emulator = await startDesk();
    const evil = 'labels:\n  - name: bug\n    color: d73a4a\n    "@acme/leads | <b>x</b>": 1\n';
    const pr = openPullRequest(emulator, { [`${CONFIG}/labels.yaml`]: evil });

    await run(emulator, 'validate', pullRequestEvent(emulator, 'opened', pr));

    const body = comments(pr)[0]?.body ?? '';
    expect(body).toContain('unknown field');
    expect(body).not.toMatch(/@acme/);
    expect(body).not.toContain('<b>');
    expect(
      body
        .split('\n')
        .filter((line) => line.includes('unknown field'))[0]
        ?.split(' | '),
    ).toHaveLength(4);
  });

  it('previews who will be on call under a roster change, and which shifts it moves', async () => {
    emulator = await startDesk();
    const roster = readFileSync(
      join(projectRoot(), 'test/unit/fixtures/roster/follow-the-sun.yaml'),
      'utf8',
    );
    const swapped = roster.replace('members: [chloe, dan]', 'members: [dan, chloe]');
    expect(swapped).not.toBe(roster);
    const pr = openPullRequest(emulator, { [`${CONFIG}/roster.yaml`]: swapped });
    const event = pullRequestEvent(emulator, 'opened', pr);
    const baseSha = (event.payload as { pull_request: { base: { sha: string } } }).pull_request.base
      .sha;
    emulator.store.setFile(REPO, `${CONFIG}/roster.yaml`, roster, baseSha);

    const result = await run(emulator, 'validate', event, {
      env: { SUPPORT_KIT_NOW: '2026-11-23T00:00:00Z' },
    });

    expect(result.exitCode).toBe(0);
    const body = comments(pr)[0]?.body ?? '';
    expect(body).toContain('Who is on call, 2026-11-23 to 2026-12-07 (UTC)');
    expect(body).toMatch(/\*\*follow-the-sun\*\* \(primary\): [1-9]\d* shift\(s\) change/);
    expect(body).toMatch(/\| dan \| was chloe \|/);
    expect(body).toContain('no coverage \\(pacific-evening\\)');
    // Thanksgiving closes SFO: the preview shows a hole the roster did not declare.
    expect(body).toContain('| Thu 11-26 16:00 | Fri 11-27 00:00 | no coverage \\(undeclared\\) |');
  });
});
