import { describe, expect, it } from 'vitest';
import { apiSource } from '../../../src/config/sources.js';
import { loadConfigFolder } from '../../../src/config/load.js';
import { intakeJob } from '../../../src/intake/job.js';
import { decideAndApply } from '../../../src/job/decide-and-apply.js';
import { CONFIG_FILES } from '../../../src/validate/config-files.js';
import type { GitHubIssue } from '../../../src/github/types.js';
import { CONFIG, event, fakeContext } from '../fakes/context.js';
import { BOT, FakeGitHub, fakeComment, fakeIssue, labels } from '../fakes/github.js';

/** A support desk's form (the support-triage preset, cut down) and its intake rules. */
const FORM = `name: Report a problem
description: Something does not work in the desktop app.
title: '[Problem]: '
labels: [support]
body:
  - type: input
    id: version
    attributes:
      label: Version
    validations:
      required: true
  - type: textarea
    id: reproduction
    attributes:
      label: Steps to reproduce
    validations:
      required: true
`;
const INTAKE = `status:
  complete: status/0-triage
  incomplete: status/0-more-info-needed
close-after-days: 21
`;
const FILES = {
  [`${CONFIG}/intake.yaml`]: INTAKE,
  '.github/ISSUE_TEMPLATE/problem.yml': FORM,
};
const NOW = '2026-11-24T09:05:00Z';

const formBody = (version: string, steps: string) =>
  `### Version\n\n${version}\n\n### Steps to reproduce\n\n${steps}\n`;
const COMPLETE = formBody('4.36.0', '1. Open the app\n2. Click Sync\n3. It crashes every time');
const NO_STEPS = formBody('4.36.0', '_No response_');

function reported(body: string, extra: Partial<GitHubIssue> = {}): GitHubIssue {
  return fakeIssue({
    number: 7,
    title: '[Problem]: Sync crashes the app on start',
    body,
    labels: labels('support'),
    ...extra,
  });
}

function opened(issue: GitHubIssue, action = 'opened') {
  return event('issues', action, { issue });
}

describe('intake job on a new issue', () => {
  it('labels a complete issue for triage and asks nothing', async () => {
    const issue = reported(COMPLETE);
    const github = new FakeGitHub({ files: FILES, issues: [issue] });

    const outcome = await intakeJob(
      fakeContext(github, { capability: 'intake', event: opened(issue), now: NOW }),
    );

    expect(outcome.plans[0]?.operations).toEqual([
      expect.objectContaining({ kind: 'edit-labels', issue: 7, add: ['status/0-triage'] }),
    ]);
    expect(JSON.parse(outcome.outputs?.verdict ?? '{}')).toMatchObject({
      complete: true,
      template: 'problem',
    });
  });

  it('labels an incomplete issue and asks for the missing field in one comment', async () => {
    const issue = reported(NO_STEPS);
    const github = new FakeGitHub({ files: FILES, issues: [issue] });

    const outcome = await intakeJob(
      fakeContext(github, { capability: 'intake', event: opened(issue), now: NOW }),
    );

    const [labelled, comment] = outcome.plans[0]?.operations ?? [];
    expect(labelled).toMatchObject({ kind: 'edit-labels', add: ['status/0-more-info-needed'] });
    expect(comment).toMatchObject({ kind: 'upsert-comment', issue: 7, marker: { kind: 'intake' } });
    expect(comment?.kind === 'upsert-comment' && comment.body).toMatch(/Steps to reproduce/);
  });

  it('reads config and templates through the gateway, searches for duplicates once on the event’s title, reads the issue as it is now, then its own comment', async () => {
    const issue = reported(COMPLETE);
    const github = new FakeGitHub({ files: FILES, issues: [issue] });

    await intakeJob(fakeContext(github, { capability: 'intake', event: opened(issue), now: NOW }));

    expect(github.methods()).toEqual([
      'readFile', // intake.yaml
      'listFolder', // .github/ISSUE_TEMPLATE
      'readFile', // problem.yml
      'searchBesideIssue',
      'getIssue',
      'listComments',
    ]);
  });

  it('hints at an open issue with the same words, and leaves it open', async () => {
    const older = fakeIssue({
      number: 3,
      title: 'Sync crashes the app on start after the update',
      body: 'sync crashes on start',
    });
    const issue = reported(COMPLETE);
    const github = new FakeGitHub({ files: FILES, issues: [older, issue] });

    const outcome = await intakeJob(
      fakeContext(github, { capability: 'intake', event: opened(issue), now: NOW }),
    );

    const comment = outcome.plans[0]?.operations.find((op) => op.kind === 'upsert-comment');
    expect(comment?.kind === 'upsert-comment' && comment.body).toContain('#3');
    expect(outcome.plans[0]?.operations.some((op) => op.kind === 'update-issue')).toBe(false);
  });

  it('does not search for duplicates when an edit completes the issue', async () => {
    const issue = reported(COMPLETE, { labels: labels('support', 'status/0-more-info-needed') });
    const asked = fakeComment({
      id: 1,
      user: BOT,
      body: '<!-- support-kit:intake -->\nPlease add the steps.',
    });
    const github = new FakeGitHub({ files: FILES, issues: [issue], comments: { 7: [asked] } });

    const outcome = await intakeJob(
      fakeContext(github, {
        capability: 'intake',
        event: event('issues', 'edited', { issue, changes: { body: { from: NO_STEPS } } }),
        now: NOW,
      }),
    );

    expect(github.methods()).not.toContain('searchIssues');
    expect(outcome.plans[0]?.operations[0]).toMatchObject({
      kind: 'edit-labels',
      add: ['status/0-triage'],
      remove: ['status/0-more-info-needed'],
    });
  });

  it('leaves a pull request alone', async () => {
    const pull = reported(COMPLETE, { pull_request: { url: 'x' } });
    const github = new FakeGitHub({ files: FILES });

    const outcome = await intakeJob(
      fakeContext(github, { capability: 'intake', event: opened(pull), now: NOW }),
    );

    expect(outcome.plans[0]).toMatchObject({
      operations: [],
      notes: ['a pull request, not an issue'],
    });
  });

  it('decides nothing when intake.yaml is broken, and reads no template', async () => {
    const issue = reported(COMPLETE);
    const github = new FakeGitHub({
      files: { ...FILES, [`${CONFIG}/intake.yaml`]: 'close-after-days: soon\n' },
      issues: [issue],
    });

    const outcome = await intakeJob(
      fakeContext(github, { capability: 'intake', event: opened(issue), now: NOW }),
    );

    expect(outcome.config.problems).toContainEqual(
      expect.objectContaining({ file: `${CONFIG}/intake.yaml`, severity: 'error' }),
    );
    expect(outcome.plans[0]).toMatchObject({ operations: [], notes: ['intake.yaml has errors'] });
    expect(github.methods()).toEqual(['readFile']);
  });
});

describe('intake job on schedule', () => {
  it('closes an issue left incomplete for longer than close-after-days', async () => {
    const stale = reported(NO_STEPS, {
      labels: labels('support', 'status/0-more-info-needed'),
      updated_at: '2026-10-01T10:00:00Z',
    });
    const recent = reported(NO_STEPS, {
      number: 8,
      labels: labels('support', 'status/0-more-info-needed'),
      updated_at: '2026-11-20T10:00:00Z',
    });
    const github = new FakeGitHub({ files: FILES, issues: [stale, recent] });

    const outcome = await intakeJob(
      fakeContext(github, { capability: 'intake', event: event('schedule'), now: NOW }),
    );

    const closes = outcome.plans[0]?.operations.filter((op) => op.kind === 'update-issue');
    expect(closes).toEqual([
      expect.objectContaining({ issue: 7, state: 'closed', stateReason: 'not_planned' }),
    ]);
    expect(github.calls.find((c) => c.method === 'searchIssues')?.args[0]).toContain(
      'updated:<2026-11-03T09:05:00Z',
    );
  });

  it('closes nothing, and searches nothing, without close-after-days', async () => {
    const github = new FakeGitHub({
      files: { ...FILES, [`${CONFIG}/intake.yaml`]: 'title:\n  min-length: 10\n' },
    });

    const outcome = await intakeJob(
      fakeContext(github, { capability: 'intake', event: event('schedule'), now: NOW }),
    );

    expect(outcome.plans[0]?.operations).toEqual([]);
    expect(outcome.plans[0]?.notes).toContain(
      'close-after-days is not set: no issue is closed for missing information',
    );
    expect(github.methods()).not.toContain('searchIssues');
  });

  it('refuses a close-after-days past ten years at its line, in the words validate uses, instead of failing the sweep', async () => {
    const github = new FakeGitHub({
      files: { ...FILES, [`${CONFIG}/intake.yaml`]: 'close-after-days: 9007199254740993\n' },
      issues: [reported(NO_STEPS, { labels: labels('support', 'status/0-more-info-needed') })],
    });
    const validated = await loadConfigFolder(
      apiSource(github.gateway, CONFIG, undefined),
      CONFIG_FILES,
    );

    const run = await decideAndApply(
      intakeJob,
      fakeContext(github, { capability: 'intake', event: event('schedule'), now: NOW }),
      { dryRun: false },
    );

    expect(run.problems).toEqual([
      {
        file: `${CONFIG}/intake.yaml`,
        line: 1,
        column: 19,
        severity: 'error',
        message: 'close-after-days: must be at most 3650 (found 9007199254740993)',
      },
    ]);
    expect(validated.problems).toEqual(run.problems);
    expect(github.methods('writes')).toEqual([]);
  });
});
