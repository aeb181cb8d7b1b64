import { describe, expect, it } from 'vitest';
import { oncallJob } from '../../../src/oncall/job.js';
import type { GitHubIssue } from '../../../src/github/types.js';
import type { Operation } from '../../../src/kernel/plan.js';
import { CONFIG, event, fakeContext } from '../fakes/context.js';
import { FakeGitHub, fakeIssue, labels } from '../fakes/github.js';
import { fixtureText } from '../fixtures/roster/load.js';

/** Seed 000's follow-the-sun roster: Paris 07-12 UTC in winter, nobody 5-11 PM Pacific. */
const ROSTER = fixtureText('follow-the-sun');
const WITH_ROSTER = { [`${CONFIG}/roster.yaml`]: ROSTER };

/** Tuesday 24 November 2026, 10:00 in Paris: chloe's week. */
const PARIS_MORNING = '2026-11-24T09:00:00Z';
/** Monday 23 November 2026, 18:30 in San Francisco: the pacific-evening gap. */
const PACIFIC_EVENING = '2026-11-24T02:30:00Z';

const issueAt = (created_at: string, extra: Partial<GitHubIssue> = {}) =>
  fakeIssue({ number: 5, title: 'Engine restarts on three nodes', created_at, ...extra });

function run(github: FakeGitHub, e: ReturnType<typeof event>, now: string) {
  return oncallJob(fakeContext(github, { capability: 'oncall', event: e, now }));
}

const kinds = (ops: Operation[] | undefined) => (ops ?? []).map((op) => op.kind);

describe('oncall job on a new issue', () => {
  it('assigns whoever was on call when the issue was opened, reading the issue afresh', async () => {
    const issue = issueAt(PARIS_MORNING);
    const github = new FakeGitHub({ files: WITH_ROSTER, issues: [issue] });

    // A late run: the clock is a day on; the issue's creation decides.
    const outcome = await run(github, event('issues', 'opened', { issue }), '2026-11-25T02:30:00Z');

    expect(outcome.plans[0]?.operations[0]).toMatchObject({
      kind: 'add-assignees',
      issue: 5,
      assignees: ['chloe'],
      fallback: 'escalation-leads',
    });
    expect(kinds(outcome.plans[0]?.operations)).toEqual(['add-assignees', 'upsert-comment']);
    expect(github.methods()).toEqual(['readFile', 'getIssue']);
  });

  it('routes by the labels the issue has now, not the stale ones of the opened event', async () => {
    const sent = issueAt(PARIS_MORNING);
    // Intake, earlier in the same job, labelled the severity: the event does not know.
    const now = issueAt(PARIS_MORNING, { labels: labels('S1-broken') });
    const onlyS1 = ROSTER.replace(/\n {2}- schedule: follow-the-sun\n*$/, '\n');
    const github = new FakeGitHub({ files: { [`${CONFIG}/roster.yaml`]: onlyS1 }, issues: [now] });

    const outcome = await run(github, event('issues', 'opened', { issue: sent }), PARIS_MORNING);

    expect(outcome.plans[0]?.operations[0]).toMatchObject({ assignees: ['chloe'] });
  });

  it('routes a labelled issue from the event alone', async () => {
    const issue = issueAt(PARIS_MORNING, { labels: labels('S1-broken') });
    const github = new FakeGitHub({ files: WITH_ROSTER });

    const outcome = await run(
      github,
      event('issues', 'labeled', { issue, label: { name: 'S1-broken' } }),
      PARIS_MORNING,
    );

    expect(outcome.plans[0]?.operations[0]).toMatchObject({ assignees: ['chloe'] });
    expect(github.methods()).toEqual(['readFile']);
  });

  it('holds an issue opened in a declared gap and says when coverage resumes, with whom', async () => {
    const issue = issueAt(PACIFIC_EVENING);
    const github = new FakeGitHub({ files: WITH_ROSTER, issues: [issue] });

    const outcome = await run(github, event('issues', 'opened', { issue }), PACIFIC_EVENING);

    const [held, comment] = outcome.plans[0]?.operations ?? [];
    expect(held).toMatchObject({ kind: 'add-labels', labels: ['oncall/no-coverage'] });
    expect(comment?.kind === 'upsert-comment' && comment.body).toMatch(
      /declared gap "pacific-evening".*resumes at 2026-11-24T08:00:00\+01:00 with \*\*chloe\*\*/s,
    );
  });

  it("never overrides a human's assignment", async () => {
    const issue = issueAt(PARIS_MORNING, { assignees: [{ login: 'dan' }] });
    const github = new FakeGitHub({ files: WITH_ROSTER, issues: [issue] });

    const outcome = await run(github, event('issues', 'opened', { issue }), PARIS_MORNING);

    expect(outcome.plans[0]?.operations).toEqual([]);
  });

  it('flags the issue for a person on a broken roster, and marks the plan safe to apply anyway', async () => {
    const issue = issueAt(PARIS_MORNING);
    const broken = ROSTER.replace('timezone: Europe/Paris', 'timezone: CET');
    const github = new FakeGitHub({
      files: { [`${CONFIG}/roster.yaml`]: broken },
      issues: [issue],
    });

    const outcome = await run(github, event('issues', 'opened', { issue }), PARIS_MORNING);

    expect(outcome.config.problems).toContainEqual(
      expect.objectContaining({ file: `${CONFIG}/roster.yaml`, severity: 'error' }),
    );
    expect(outcome.safeWithConfigErrors).toBe(true);
    expect(outcome.plans[0]?.operations[0]).toMatchObject({
      kind: 'add-labels',
      labels: ['oncall/needs-triage'],
    });
    expect(kinds(outcome.plans[0]?.operations)).not.toContain('add-assignees');
  });

  it('reads nothing more than the config without a roster', async () => {
    const issue = issueAt(PARIS_MORNING);
    const github = new FakeGitHub({ issues: [issue] });

    const outcome = await run(github, event('issues', 'opened', { issue }), PARIS_MORNING);

    expect(outcome.plans[0]?.notes).toEqual([`no roster.yaml in ${CONFIG}: nobody is assigned`]);
    expect(github.methods()).toEqual(['readFile']);
  });
});

describe('oncall job on schedule', () => {
  const tick = event('schedule', undefined, { schedule: '7,22,37,52 * * * *' });
  const held = () => issueAt(PACIFIC_EVENING, { labels: labels('oncall/no-coverage') });

  it('gives a held issue to whoever is on call once coverage resumes', async () => {
    const github = new FakeGitHub({ files: WITH_ROSTER, issues: [held()] });

    const outcome = await run(github, tick, '2026-11-24T07:05:00Z');

    const onHeld = outcome.plans[0]?.operations.filter((op) => 'issue' in op && op.issue === 5);
    expect(onHeld).toEqual([
      expect.objectContaining({ kind: 'add-assignees', assignees: ['chloe'] }),
      expect.objectContaining({ kind: 'remove-labels', labels: ['oncall/no-coverage'] }),
      expect.objectContaining({ kind: 'upsert-comment' }),
    ]);
  });

  it('leaves a held issue held while the gap lasts', async () => {
    const github = new FakeGitHub({ files: WITH_ROSTER, issues: [held()] });

    const outcome = await run(github, tick, '2026-11-24T05:00:00Z');

    const onHeld = outcome.plans[0]?.operations.filter((op) => 'issue' in op && op.issue === 5);
    expect(onHeld).toEqual([]);
    expect(github.methods()[0]).toBe('readFile');
    expect(github.methods()[1]).toBe('searchIssues');
  });

  it('neither releases nor hands off on a broken roster, and reads nothing more', async () => {
    const broken = ROSTER.replace('timezone: Europe/Paris', 'timezone: CET');
    const github = new FakeGitHub({
      files: { [`${CONFIG}/roster.yaml`]: broken },
      issues: [held()],
    });

    const outcome = await run(github, tick, '2026-11-24T07:05:00Z');

    expect(outcome.plans[0]).toMatchObject({
      operations: [],
      notes: ['roster.yaml has errors: held issues stay held and hand-offs wait'],
    });
    expect(outcome.safeWithConfigErrors).toBeUndefined();
    expect(github.methods()).toEqual(['readFile']);
  });
});
