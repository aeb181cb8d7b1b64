import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Emulator, webhookPayload } from '../../dev/emulator/index.js';
import { isWrite, REPO, routes, run, startDesk } from '../../dev/harness/desk.js';
import { type Receiver, slackProblems, startWebhook } from '../../dev/harness/receivers.js';
import { projectRoot, runNode } from '../../dev/harness/run-action.js';
import { tempDir } from '../temp.js';

/**
 * dist/report on the weekly cron: it opens the week's report issue, a re-run the same week
 * updates it, and the next week's run opens a new one, links the old one and closes it.
 * The repository has no report.yaml and no roster.yaml: the defaults must do (UTC weeks).
 */

let emulator: Emulator;
afterEach(async () => emulator?.close());

const schedule = () => ({
  name: 'schedule',
  payload: webhookPayload(emulator.store, 'schedule', { repo: REPO, schedule: '17 6 * * 1' }),
});
const at = (now: string) => ({ env: { SUPPORT_KIT_NOW: now } });
const reports = () =>
  emulator.store
    .repo(REPO)
    .issues.filter((i) => i.labels.some((l) => l.name === 'support-kit/report'));

/** Week 47 of 2026 at the desk: three customer issues, one answered, one closed. */
function seedWeek(): void {
  const s = emulator.store;
  const a = s.createIssue(REPO, {
    title: 'Login fails | after upgrade @acme/everyone',
    user: 'customer-eng',
    created_at: '2026-11-16T09:00:00Z',
    labels: ['S1-broken'],
  });
  s.addComment(REPO, a.number, {
    user: 'amy',
    body: 'Looking',
    created_at: '2026-11-16T09:40:00Z',
  });
  const b = s.createIssue(REPO, {
    title: 'Export is slow',
    user: 'customer-eng',
    created_at: '2026-11-17T10:00:00Z',
  });
  s.addComment(REPO, b.number, {
    user: 'customer-eng',
    body: 'Any news?',
    created_at: '2026-11-18T10:00:00Z',
  });
  s.createIssue(REPO, {
    title: 'Typo in docs',
    user: 'customer-eng',
    created_at: '2026-11-18T10:00:00Z',
    state: 'closed',
    closed_at: '2026-11-19T10:00:00Z',
  });
}

/**
 * The config folder, roster.yaml, report.yaml and escalation.yaml (the response goals) with it,
 * and who the kit's token writes as: one query.
 */
const CONFIG_READS = ['POST /graphql'];
/** Counts and Monday's issues, then the rest of the week's issues (100 a request). */
const DATA_READS = ['POST /graphql', 'POST /graphql'];
/** Whether the desk's schedule still runs: the report says so when it does not. */
const SCHEDULE_STATE = 'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}';

describe('weekly report (dist/report)', () => {
  it("opens the week's report, updates it on a re-run, and the next week closes it", async () => {
    emulator = await startDesk();
    seedWeek();

    // Monday of week 48, after the cron: the report of week 47.
    const first = await run(emulator, 'report', schedule(), at('2026-11-23T06:20:00Z'));

    expect(first.exitCode).toBe(0);
    expect(reports().map((i) => [i.title, i.state, i.user])).toEqual([
      ['Support report 2026-W47', 'open', 'github-actions[bot]'],
    ]);
    const opened = reports()[0]!;
    expect(opened.body).toMatch(/^<!-- support-kit:report week=2026-W47 -->/);
    expect(opened.body).toContain('| Opened | 3 | 0 | +3 |');
    expect(opened.body).toContain('Login fails \\| after upgrade @\u2060acme/everyone');
    expect(opened.body).toContain('(https://redirect.github.com/acme/desk/issues/1)');
    expect(routes(first.requests)).toEqual([
      ...CONFIG_READS,
      ...DATA_READS,
      SCHEDULE_STATE,
      'GET /repos/{owner}/{repo}/issues',
      'POST /repos/{owner}/{repo}/issues',
    ]);
    const metrics = JSON.parse(first.outputs.metrics ?? '{}');
    expect(metrics).toMatchObject({
      week: { id: '2026-W47', timezone: 'UTC' },
      opened: 3,
      closed: { total: 1, completed: 1 },
      firstResponse: { population: 3, answered: 1, unanswered: 2 },
    });
    expect(first.summary).toContain('# Support report 2026-W47');

    // A late issue of the same week and a second run the same Monday: the same issue, updated.
    emulator.store.createIssue(REPO, {
      title: 'Crash on start',
      user: 'customer-eng',
      created_at: '2026-11-22T20:00:00Z',
    });
    const again = await run(emulator, 'report', schedule(), at('2026-11-23T09:00:00Z'));

    expect(again.exitCode).toBe(0);
    expect(reports()).toHaveLength(1);
    expect(reports()[0]?.body).toContain('| Opened | 4 | 0 | +4 |');
    expect(routes(again.requests)).toEqual([
      ...CONFIG_READS,
      ...DATA_READS,
      SCHEDULE_STATE,
      'GET /repos/{owner}/{repo}/issues',
      'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
    ]);

    // A week later: week 48's report, linking week 47's, which is closed.
    const next = await run(emulator, 'report', schedule(), at('2026-11-30T06:20:00Z'));

    expect(next.exitCode).toBe(0);
    const [old, fresh] = reports();
    expect([old?.title, old?.state, old?.state_reason]).toEqual([
      'Support report 2026-W47',
      'closed',
      'completed',
    ]);
    expect([fresh?.title, fresh?.state]).toEqual(['Support report 2026-W48', 'open']);
    expect(fresh?.body).toContain(`Previous report: #${old?.number} (2026-W47).`);
    // Week 47's own figures, which its report carries, counted as week 48's are.
    expect(old?.body).toMatch(
      /<!-- support-kit:report-figures backlog=\d+ breached=\d+ closed=1 (median-response=\d+ )?met=\d+ opened=4 week=2026-W47 -->/,
    );
    expect(fresh?.body).toContain(
      `Last week's opened and closed are those of last week's report (#\u2060${old?.number})`,
    );
    expect(fresh?.body).toContain('## The last 2 weeks');
    expect(routes(next.requests)).toEqual([
      ...CONFIG_READS,
      ...DATA_READS,
      SCHEDULE_STATE,
      'GET /repos/{owner}/{repo}/issues',
      'POST /repos/{owner}/{repo}/issues',
      'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
    ]);
    expect(next.requests.at(-1)?.body).toEqual({ state: 'closed', state_reason: 'completed' });
  });

  it("counts a customer issue labelled report, and neither the kit's hand-off log nor its reports", async () => {
    emulator = await startDesk();
    const s = emulator.store;
    s.createIssue(REPO, {
      title: 'Monthly report export is empty',
      user: 'customer-eng',
      created_at: '2026-11-17T10:00:00Z',
      labels: ['report'],
    });
    s.createIssue(REPO, {
      title: 'On-call hand-offs 2026-11',
      user: 'github-actions[bot]',
      created_at: '2026-11-16T16:00:00Z',
      labels: ['oncall/handoff-log'],
    });
    s.createIssue(REPO, {
      title: 'Support report 2026-W46',
      user: 'github-actions[bot]',
      created_at: '2026-11-16T06:20:00Z',
      labels: ['support-kit/report'],
    });

    const result = await run(emulator, 'report', schedule(), at('2026-11-23T06:20:00Z'));

    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.outputs.metrics ?? '{}')).toMatchObject({
      opened: 1,
      firstResponse: { population: 1 },
      allTime: { opened: 1 },
    });
  });

  it("leaves a report the hour's GraphQL budget cannot hold to the catch-up run, which writes it once", async () => {
    emulator = await startDesk();
    seedWeek();
    const catchUp = () => ({
      name: 'schedule',
      payload: webhookPayload(emulator.store, 'schedule', { repo: REPO, schedule: '17 14 * * 1' }),
    });
    // Busy runs spent the hour: 203 points left. The config takes 1 and the counts 2, which
    // leaves the 200 kept for the runs events start and none for the week's issues.
    emulator.setClock('2026-11-23T12:20:00Z');
    emulator.leaveRateLimit('graphql', 203, REPO);

    const first = await run(emulator, 'report', schedule(), at('2026-11-23T12:20:00Z'));

    expect(first.exitCode).toBe(0);
    expect(reports()).toEqual([]);
    expect(routes(first.requests)).toEqual([...CONFIG_READS, 'POST /graphql']);
    expect(first.annotations.map((a) => `${a.level}: ${a.message}`)).toContainEqual(
      expect.stringMatching(
        /^warning: support-kit: the report needs about 2 GraphQL points for 2 issues, and 0 are left this hour beyond the 200 kept for the runs events start \(until \d\d:\d\d UTC\); nothing more was done, the next run does it$/,
      ),
    );
    expect(first.summary).toContain('the report needs about 2 GraphQL points');

    // Two hours later the hour has turned: the catch-up writes the week's report.
    emulator.setClock('2026-11-23T14:20:00Z');
    const caught = await run(emulator, 'report', catchUp(), {
      ...at('2026-11-23T14:20:00Z'),
      inputs: { 'catch-up': 'true' },
    });

    expect(caught.exitCode).toBe(0);
    expect(reports().map((i) => i.title)).toEqual(['Support report 2026-W47']);
    expect(reports()[0]?.body).toContain('| Opened | 3 | 0 | +3 |');

    // Had the first run written it, the catch-up stops after one query.
    const again = await run(emulator, 'report', catchUp(), {
      ...at('2026-11-23T14:25:00Z'),
      inputs: { 'catch-up': 'true' },
    });

    expect(again.exitCode).toBe(0);
    expect(routes(again.requests)).toEqual([...CONFIG_READS, 'POST /graphql']);
    expect(again.requests.some(isWrite)).toBe(false);
    expect(JSON.parse(again.outputs.plan ?? '{}').notes).toContainEqual(
      `the 2026-W47 report is written (#${reports()[0]?.number}): the catch-up run has nothing to do`,
    );
  });

  it("counts the ledger's issues from the quarter's, but leaves them out rather than spend a busy quarter's budget on them", async () => {
    const roster = [
      'version: 1',
      'sites: { hq: { timezone: UTC } }',
      'people: { amy: { site: hq }, luc: { site: hq } }',
      'rotations: { desk: { members: [amy, luc], period: week, handoff: mon 00:00, site: hq, anchor: 2026-10-05 } }',
      'schedules: { desk: { layers: [{ rotation: desk }] } }',
      '',
    ].join('\n');
    emulator = await startDesk({ '.github/support-kit/roster.yaml': roster });
    seedWeek();
    const quiet = await run(emulator, 'report', schedule(), at('2026-11-23T06:17:00Z'));
    // A busy October: 2,101 issues, more than the 20 pages the ledger may read.
    for (let i = 0; i < 2_101; i++)
      emulator.store.createIssue(REPO, {
        title: `October issue ${i}`,
        user: 'customer-eng',
        created_at: `2026-10-${String(1 + (i % 28)).padStart(2, '0')}T09:00:00Z`,
        state: 'closed',
        closed_at: `2026-10-${String(1 + (i % 28)).padStart(2, '0')}T17:00:00Z`,
      });
    const busy = await run(emulator, 'report', schedule(), at('2026-11-23T06:27:00Z'));

    expect([quiet.exitCode, busy.exitCode]).toEqual([0, 0]);
    expect(reports()).toHaveLength(1);
    // The quiet quarter: two more queries (the counts, then the quarter's issues).
    expect(routes(quiet.requests).filter((r) => r === 'POST /graphql')).toHaveLength(5);
    expect(JSON.parse(quiet.outputs.plan ?? '{}').notes).toContain(
      "4 GraphQL request(s) for the data (2 for the quarter's issues)",
    );
    // The busy one: the quarter's first request tells its size, and the ledger shows hours only.
    expect(routes(busy.requests).filter((r) => r === 'POST /graphql')).toHaveLength(4);
    expect(reports()[0]?.body).toContain('| Person | primary | Total (h) |');
    expect(reports()[0]?.body).not.toContain('By escalation');
    expect(busy.summary).toContain(
      "the ledger shows hours only: counting the quarter's issues needs",
    );
  });

  it("says at the top when GitHub turned the desk's schedule off", async () => {
    emulator = await startDesk();
    seedWeek();
    emulator.store.addWorkflow(
      REPO,
      '.github/workflows/support-kit-schedule.yml',
      'disabled_inactivity',
    );

    const result = await run(emulator, 'report', schedule(), at('2026-11-23T06:20:00Z'));

    expect(result.exitCode).toBe(0);
    expect(reports()[0]?.body).toContain(
      "> **The desk's schedule is off** (`.github/workflows/support-kit-schedule.yml`: GitHub turned it off after 60 days without activity).",
    );
    expect(routes(result.requests)).toContain(SCHEDULE_STATE);
  });

  it('on a dry run decides the same report and writes nothing', async () => {
    emulator = await startDesk();
    seedWeek();

    const result = await run(emulator, 'report', schedule(), {
      ...at('2026-11-23T06:20:00Z'),
      inputs: { 'dry-run': 'true' },
    });

    expect(result.exitCode).toBe(0);
    expect(reports()).toHaveLength(0);
    expect(routes(result.requests)).toEqual([...CONFIG_READS, ...DATA_READS, SCHEDULE_STATE]);
    expect(JSON.parse(result.outputs.plan ?? '{}').operations[0]).toMatchObject({
      kind: 'upsert-issue',
      title: 'Support report 2026-W47',
    });
  });

  it("reads report.yaml: two repositories feed one report in the team's zone, by the team's definition", async () => {
    emulator = await startDesk({
      '.github/support-kit/report.yaml': [
        'repositories: [acme/desk, acme/engine]',
        'timezone: Europe/Paris',
        'team: [amy]',
        "title: 'Desk week {week}'",
      ].join('\n'),
    });
    emulator.store.addRepo({ owner: 'acme', name: 'engine' });
    seedWeek();
    // Sunday 23:30 UTC is Monday 00:30 in Paris: week 48 there, not 47.
    emulator.store.createIssue('acme/engine', {
      title: 'Engine issue',
      user: 'customer-eng',
      created_at: '2026-11-22T23:30:00Z',
    });

    const result = await run(emulator, 'report', schedule(), at('2026-11-30T06:20:00Z'));

    expect(result.exitCode).toBe(0);
    expect(reports().map((i) => i.title)).toEqual(['Desk week 2026-W48']);
    expect(JSON.parse(result.outputs.metrics ?? '{}')).toMatchObject({
      repositories: ['acme/desk', 'acme/engine'],
      week: { timezone: 'Europe/Paris' },
      opened: 1,
    });
    expect(reports()[0]?.body).toContain('acme/engine#\u20601');
  });
});

describe('support-kit report (dist/cli)', () => {
  const cli = (args: string[], cwd: string, env: Record<string, string> = {}) =>
    runNode([join(projectRoot(), 'dist', 'cli', 'index.js'), 'report', ...args], {
      env: {
        PATH: process.env.PATH ?? '',
        GITHUB_API_URL: emulator.url,
        GITHUB_TOKEN: 'x',
        ...env,
      },
      cwd,
    });

  it("with a person's token, a second run updates the report that person wrote instead of opening another", async () => {
    emulator = await startDesk();
    emulator.grantToken('amy-token', { login: 'amy', kind: 'user' });
    seedWeek();
    const cwd = tempDir('sk-report-');
    const asAmy = { GITHUB_TOKEN: 'amy-token' };

    const first = await cli(['--repo', REPO, '--week', '2026-W47'], cwd, asAmy);
    emulator.store.createIssue(REPO, {
      title: 'Crash on start',
      user: 'customer-eng',
      created_at: '2026-11-20T20:00:00Z',
    });
    emulator.resetRequests();
    const second = await cli(['--repo', REPO, '--week', '2026-W47'], cwd, asAmy);

    expect([first.exitCode, second.exitCode]).toEqual([0, 0]);
    expect(reports().map((i) => [i.title, i.user])).toEqual([['Support report 2026-W47', 'amy']]);
    expect(reports()[0]?.body).toContain('| Opened | 4 | 0 | +4 |');
    expect(emulator.requests.map((r) => r.route)).toEqual([
      ...DATA_READS,
      'POST /graphql', // who amy's token writes as: no config was read through the API here
      SCHEDULE_STATE,
      'GET /repos/{owner}/{repo}/issues',
      'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
    ]);

    // The next week's run finds that report as an earlier one of its own: linked and closed.
    const next = await cli(['--repo', REPO, '--week', '2026-W48'], cwd, asAmy);
    expect(next.exitCode).toBe(0);
    expect(reports().map((i) => [i.title, i.state])).toEqual([
      ['Support report 2026-W47', 'closed'],
      ['Support report 2026-W48', 'open'],
    ]);
  });

  it("a report marker in another person's issue is not taken for the kit's report", async () => {
    emulator = await startDesk();
    emulator.grantToken('amy-token', { login: 'amy', kind: 'user' });
    seedWeek();
    const forged = emulator.store.createIssue(REPO, {
      title: 'Support report 2026-W47',
      user: 'luc',
      body: '<!-- support-kit:report week=2026-W47 -->\nmine',
      labels: ['support-kit/report'],
    });
    const cwd = tempDir('sk-report-');

    const result = await cli(['--repo', REPO, '--week', '2026-W47'], cwd, {
      GITHUB_TOKEN: 'amy-token',
    });

    expect(result.exitCode).toBe(0);
    expect(reports().map((i) => [i.number, i.user, (i.body ?? '').endsWith('mine')])).toEqual([
      [forged.number, 'luc', true],
      [forged.number + 1, 'amy', false],
    ]);
  });

  it('without --week reports the last complete week as of SUPPORT_KIT_NOW', async () => {
    emulator = await startDesk();
    seedWeek();
    const cwd = tempDir('sk-report-');

    const result = await cli(['--repo', REPO, '--json', '--dry-run'], cwd, {
      SUPPORT_KIT_NOW: '2026-11-24T10:00:00Z',
    });

    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      week: { id: '2026-W47', complete: true },
      generatedAt: '2026-11-24T10:00:00.000Z',
      opened: 3,
    });
  });

  it('refuses a SUPPORT_KIT_NOW that is not an instant, with the usage (exit 2)', async () => {
    emulator = await startDesk();
    const result = await cli(['--repo', REPO], projectRoot(), { SUPPORT_KIT_NOW: 'monday' });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/SUPPORT_KIT_NOW must be an ISO date-time, not "monday"/);
  });

  it("prints the week's markdown on --dry-run and writes nothing; --json prints the metrics", async () => {
    emulator = await startDesk();
    seedWeek();
    const cwd = tempDir('sk-report-'); // no config folder: the defaults

    const markdown = await cli(['--repo', REPO, '--week', '2026-W47', '--dry-run'], cwd);
    const json = await cli(
      ['--repo', `${REPO},acme/desk`, '--week', '2026-W47', '--json', '--dry-run'],
      cwd,
    );

    expect(markdown.exitCode).toBe(0);
    expect(markdown.stdout).toMatch(/^# Support report 2026-W47\n/);
    expect(markdown.stderr).toMatch(/^dry-run: write issue "Support report 2026-W47"/);
    expect(emulator.requests.filter(isWrite)).toEqual([]);
    expect(reports()).toHaveLength(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ week: { id: '2026-W47' }, opened: 3 });
  });

  it('refuses a week that is not an ISO week, pointing at the usage (exit 2)', async () => {
    emulator = await startDesk();
    const result = await cli(['--repo', REPO, '--week', '2026-47'], projectRoot());
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/--week must be an ISO week such as 2026-W47/);
    expect(result.stderr).toMatch(/Run `support-kit report --help` for the options\./);
  });
});

describe('weekly report link to the webhook (dist/report)', () => {
  let hook: Receiver | undefined;
  afterEach(async () => hook?.close());

  it("posts the report's title and link when it opens the week's report, not when a re-run updates it", async () => {
    emulator = await startDesk({
      '.github/support-kit/escalation.yaml':
        'version: 1\nnotifications:\n  webhook:\n    events: [report]\n',
    });
    hook = await startWebhook();
    seedWeek();
    const withHook = (now: string) => ({
      ...at(now),
      inputs: { 'slack-webhook-url': `${hook?.url}/hook` },
    });

    const first = await run(emulator, 'report', schedule(), withHook('2026-11-23T06:20:00Z'));

    expect(first.exitCode).toBe(0);
    const opened = reports()[0]!;
    expect(hook.received.map((r) => [r.method, r.path, r.body])).toEqual([
      [
        'POST',
        '/hook',
        {
          text: `:bar_chart: <https://github.com/acme/desk/issues/${opened.number}|Support report 2026-W47>`,
        },
      ],
    ]);
    expect(slackProblems(hook.received[0]?.body)).toEqual([]);
    expect(routes(first.requests)).toEqual([
      ...CONFIG_READS,
      ...DATA_READS,
      SCHEDULE_STATE,
      'GET /repos/{owner}/{repo}/issues',
      'POST /repos/{owner}/{repo}/issues',
    ]);

    const again = await run(emulator, 'report', schedule(), withHook('2026-11-23T09:00:00Z'));

    expect(again.exitCode).toBe(0);
    expect(hook.received).toHaveLength(1);
    expect(routes(again.requests)).toEqual([
      ...CONFIG_READS,
      ...DATA_READS,
      SCHEDULE_STATE,
      'GET /repos/{owner}/{repo}/issues',
      'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
    ]);
  });
});
