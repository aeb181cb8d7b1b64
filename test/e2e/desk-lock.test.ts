import { afterEach, expect, it } from 'vitest';
import { escalationBody } from '../../dev/fixtures/escalation.js';
import { routes, Scenario, writes } from '../../dev/harness/scenario.js';

/**
 * Issue #20: a `/ack` and a `/handoff` posted as the cron ticked were obeyed twice, because the
 * sweep and the comment's run took different concurrency groups. The harness plays each run in
 * the group its workflow file names; the runs below are launched together, the sweep first.
 *
 * The first comment the kit posts then is held for four seconds (a slow GitHub answer), so the
 * moment the old groups left open shows every time rather than in 2 of 3 trials: with them it is
 * the comment run's reply, and the sweep reads the command as unanswered while it is on its way.
 */
const TEAM = ['alice', 'bob', 'chloe', 'dan', 'emma', 'fred', 'escalation-leads', 'amy'];
const POST_COMMENT = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments';

let desk: Scenario;
afterEach(async () => desk?.close());

/** The groups before issue #20: one per issue for issues.yml and escalate.yml, one for the sweep. */
function oldGroups(file: string, text: string): string {
  const old =
    file === 'schedule.yml'
      ? 'support-kit-sweep-${{ github.repository }}'
      : 'support-kit-issue-${{ github.repository }}-${{ github.event.issue.number }}';
  const changed = text.replace(
    /group: support-kit-desk-\$\{\{ github\.repository \}\}\n(\s+)cancel-in-progress: false\n\s+queue: max\n/,
    (_lock, indent: string) => `group: ${old}\n${indent}cancel-in-progress: false\n`,
  );
  if (['issues.yml', 'escalate.yml', 'schedule.yml'].includes(file) && changed === text)
    throw new Error(`${file} has no desk lock to undo`);
  return changed;
}

/**
 * Monday 10:07 Paris: the S1 opened at 10:00 Paris has gone a business hour unanswered, so the
 * tick that starts now escalates it, unless it sees dan's `/ack` posted at the same moment.
 */
async function cronTicksAsDanComments(workflows?: (file: string, text: string) => string) {
  desk = await Scenario.start({
    preset: 'escalation',
    now: '2026-11-23T09:00:00Z',
    team: TEAM,
    ...(workflows ? { workflows } : {}),
  });
  const n = desk.open({
    title: '[Escalation]: Engine restarts after upgrade to 17.06 on production nodes',
    body: escalationBody(),
    labels: ['escalation'],
  });
  await desk.issueEvent('opened', n);
  // The tick before: the hand-off to dan is logged, nothing is due yet.
  await desk.at('2026-11-23T09:52:00Z').tick();

  desk.at('2026-11-23T10:07:00Z');
  desk.emulator.injectFault({ kind: 'slow', delayMs: 4000, match: { route: POST_COMMENT } });
  const from = desk.emulator.requests.length;
  const [tick, comment] = await Promise.all([
    desk.tick(),
    desk.comment(n, 'dan', '/ack\n/handoff @chloe'),
  ]);
  const commented = desk.issue(n).comments.find((c) => c.user === 'dan');
  const bodies = desk.issue(n).comments.map((c) => c.body);
  return {
    n,
    tick,
    comment,
    /** Every request of both runs. */
    requests: desk.emulator.requests.slice(from),
    replies: bodies.filter((b) => b.includes(`command-reply comment=${commented?.id}`)),
    states: bodies.filter((b) => b.includes('support-kit:escalation-state')),
    /** The writes of the escalation state (a section of the issue's one comment). */
    stateWrites: desk.emulator.requests
      .slice(from)
      .filter((r) => JSON.stringify(r.body ?? '').includes('support-kit:escalation-state')),
    commandId: commented?.id,
  };
}

it('a /ack and /handoff posted as the sweep starts are obeyed once: the comment run waits for the sweep, which obeyed them', async () => {
  const { n, tick, comment, requests, replies, states, commandId } = await cronTicksAsDanComments();

  expect([tick.oncall, tick.escalate, tick.intake, comment].map((r) => r.exitCode)).toEqual([
    0, 0, 0, 0,
  ]);
  expect(comment.started).toBeGreaterThanOrEqual(tick.intake.finished);
  expect(replies).toHaveLength(1);
  expect(replies[0]).toMatch(/Handing off to @chloe for \*\*dan\*\*/);
  expect(desk.issue(n).assignees).toEqual(['chloe']);
  expect(states).toHaveLength(1);
  expect(states[0]).toMatch(new RegExp(`ack-by=dan ack-how=command command=${commandId} `));
  expect(states[0]).toMatch(/ steps=0 /);
  // The comment run reads its config in one query, which also says who the kit is (the state is
  // marked), then the issue's comments, finds its command answered and writes nothing.
  expect(writes(comment)).toEqual([]);
  expect(routes(comment)).toHaveLength(2);
  // The reply; the state joins the issue's one comment by an edit.
  expect(requests.filter((r) => r.route === POST_COMMENT)).toHaveLength(1);
  expect(requests).toHaveLength(18);
});

it('control: with the old groups, one per issue and one for the sweep, the same moment obeys the commands twice', async () => {
  const { n, tick, comment, requests, replies, stateWrites } =
    await cronTicksAsDanComments(oldGroups);

  expect(comment.started).toBeLessThan(tick.escalate.finished);
  expect(tick.oncall.started).toBeLessThan(comment.finished);
  expect(replies).toHaveLength(2);
  expect(stateWrites).toHaveLength(2);
  expect(desk.issue(n).assignees).toEqual(['chloe']);
  expect(requests.filter((r) => r.route === POST_COMMENT)).toHaveLength(2);
  expect(requests.length).toBeGreaterThan(18);
});
