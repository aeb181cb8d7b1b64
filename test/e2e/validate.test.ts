import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../dev/emulator/index.js';
import {
  CONFIG,
  isWrite,
  openPullRequest,
  pullRequestEvent,
  pushToPullRequest,
  REPO,
  routes,
  run,
  startDesk,
} from '../../dev/harness/desk.js';
import { projectRoot } from '../../dev/harness/run-action.js';

const GOOD = 'labels:\n  - name: S1-broken\n    color: d93f0b\n';
const FORMS = '.github/ISSUE_TEMPLATE';
const FORM = [
  'name: Report a problem',
  'description: Something does not work.',
  'body:',
  '  - type: input',
  '    id: version',
  '    attributes:',
  '      label: Version',
  '  - type: textarea',
  '    id: logs',
  '    attributes:',
  '      label: Logs',
  '',
].join('\n');

/** The requests every pull-request check starts with: the changed files, then the config folder. */
const PR_FILES = 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files';
const BAD_COLOR = 'labels:\n  - name: S1-broken\n    color: red\n';

let emulator: Emulator;
afterEach(async () => emulator?.close());

const comments = (number: number) => emulator.store.issue(REPO, number).comments;

/** Seed 000's follow-the-sun roster, on the base branch of the roster pull requests below. */
const ROSTER = readFileSync(
  join(projectRoot(), 'test/unit/fixtures/roster/follow-the-sun.yaml'),
  'utf8',
);
const TEAM = ['alice', 'bob', 'chloe', 'dan', 'emma', 'fred', 'escalation-leads'];
/** Sunday 2026-11-22 16:00 in San Francisco, Monday 01:00 in Paris. */
const NOW = { SUPPORT_KIT_NOW: '2026-11-23T00:00:00Z' };

function edit(text: string, find: string, replace: string): string {
  const edited = text.replace(find, replace);
  expect(edited).not.toBe(text);
  return edited;
}

/** A desk where everybody on the roster can be assigned. */
async function rosterDesk(): Promise<Emulator> {
  return startDesk({}, { repos: [{ owner: 'acme', name: 'desk', collaborators: TEAM }] });
}

/** A pull request that changes roster.yaml from ROSTER (at its base commit) to `head`. */
function rosterPullRequest(head: string): {
  pr: number;
  event: ReturnType<typeof pullRequestEvent>;
} {
  const pr = openPullRequest(emulator, { [`${CONFIG}/roster.yaml`]: head });
  const event = pullRequestEvent(emulator, 'opened', pr);
  const baseSha = (event.payload as { pull_request: { base: { sha: string } } }).pull_request.base
    .sha;
  emulator.store.setFile(REPO, `${CONFIG}/roster.yaml`, ROSTER, baseSha);
  return { pr, event };
}

/** 1-based line of the first line containing `text`. */
function lineOf(yaml: string, text: string): number {
  return yaml.split('\n').findIndex((line) => line.includes(text)) + 1;
}

/** The config folder and the issue forms with their files' text, in one query. */
const FOLDERS = 'POST /graphql';

/**
 * What a roster pull request costs: its changed files, the config folder and the forms at head,
 * the schedule caller, the config folder at base, one check per person who can be on call, the
 * comment.
 */
const ROSTER_ROUTES = (people: number) => [
  PR_FILES,
  // The config, the issue forms and the callers (support-kit-schedule.yml and -report.yml,
  // checked against the roster's hours and hand-off, -calendar.yml against its path) in one
  // query; then the base's roster.
  FOLDERS,
  FOLDERS,
  ...Array.from({ length: people }, () => 'GET /repos/{owner}/{repo}/assignees/{assignee}'),
  'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
];

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
      PR_FILES,
      FOLDERS,
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    ]);
  });

  it('on a pull request from a fork writes nothing (its token is read-only): the result is in the summary and annotations', async () => {
    emulator = await startDesk();
    const pr = openPullRequest(emulator, { [`${CONFIG}/labels.yaml`]: BAD_COLOR });
    const event = pullRequestEvent(emulator, 'opened', pr);
    const payload = event.payload as { pull_request: { head: { repo: { full_name: string } } } };
    payload.pull_request.head.repo = {
      ...payload.pull_request.head.repo,
      full_name: 'outsider/desk',
    };

    const result = await run(emulator, 'validate', event);

    expect(result.exitCode).toBe(1);
    expect(result.annotations).toContainEqual(
      expect.objectContaining({ level: 'error', file: `${CONFIG}/labels.yaml`, line: 3, col: 12 }),
    );
    expect(result.requests.filter(isWrite)).toEqual([]);
    expect(comments(pr)).toHaveLength(0);
    // The job summary escapes the note's parentheses as markdown.
    expect(result.summary).toContain(
      'a pull request from a fork \\(outsider/desk\\) gets a read-only token',
    );
    expect(result.summary).toContain('color: must be six hex digits');
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
    expect(result.requests.filter(isWrite).map((r) => r.route)).toEqual([
      'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
    ]);
  });

  it('writes nothing when re-run on the same commit', async () => {
    emulator = await startDesk();
    const pr = openPullRequest(emulator, { [`${CONFIG}/labels.yaml`]: GOOD });
    await run(emulator, 'validate', pullRequestEvent(emulator, 'opened', pr));

    const again = await run(emulator, 'validate', pullRequestEvent(emulator, 'reopened', pr));

    expect(again.exitCode).toBe(0);
    expect(again.requests.some(isWrite)).toBe(false);
    // The changed files, the config folder and the forms (which also says who the token writes
    // as, to tell whether the marked comment is the kit's), the comments.
    expect(routes(again.requests)).toEqual([
      PR_FILES,
      FOLDERS,
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
    ]);
    expect(JSON.parse(again.outputs.plan ?? '{}').operations).toHaveLength(1);
    expect(again.summary).toContain('unchanged');
  });

  it('reads config from the checkout without any contents request when the repo is checked out', async () => {
    emulator = await startDesk();
    const pr = openPullRequest(emulator, { [`${CONFIG}/labels.yaml`]: GOOD });

    const result = await run(emulator, 'validate', pullRequestEvent(emulator, 'opened', pr), {
      workspace: { [`${CONFIG}/labels.yaml`]: GOOD },
    });

    expect(result.exitCode).toBe(0);
    expect(routes(result.requests)).toEqual([
      PR_FILES,
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
    expect(result.requests.some(isWrite)).toBe(false);
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
    emulator = await rosterDesk();
    // From the turn of Monday 2026-11-23 on, dan leads Paris's rotation: the past stays as it was.
    const swapped = edit(
      ROSTER,
      '    site: paris\n    anchor: 2026-01-05\n',
      '    site: paris\n    anchor: 2026-01-05\n    changes: [{ from: 2026-11-23, members: [dan, chloe], start-with: dan }]\n',
    );
    const { pr, event } = rosterPullRequest(swapped);

    const result = await run(emulator, 'validate', event, { env: NOW });

    expect(result.exitCode).toBe(0);
    const body = comments(pr)[0]?.body ?? '';
    expect(body).toContain('Who is on call, 2026-11-23 to 2026-12-07 (UTC)');
    expect(body).toMatch(/\*\*follow-the-sun\*\* \(primary\): [1-9]\d* shift\(s\) change/);
    expect(body).toMatch(/\| dan \| was chloe \|/);
    expect(body).toContain('no coverage \\(pacific-evening\\)');
    // Thanksgiving closes SFO: the preview shows a hole the roster did not declare.
    expect(body).toContain('| Thu 11-26 16:00 | Fri 11-27 00:00 | no coverage \\(undeclared\\) |');
  });

  it('refuses a roster change that rewrites last week: an error on the line of the entry, said in the comment', async () => {
    emulator = await rosterDesk();
    // Paris's turn of 2026-11-16 was dan's.
    const head = edit(
      ROSTER,
      '\nleave:\n',
      '  - { schedule: follow-the-sun, person: chloe, from: 2026-11-17T08:00, to: 2026-11-17T13:00 }\n\nleave:\n',
    );
    const { pr, event } = rosterPullRequest(head);

    const result = await run(emulator, 'validate', event, { env: NOW });

    expect(result.exitCode).toBe(1);
    const message =
      'changes who was on call in the past: follow-the-sun primary on Tue 2026-11-17 08:00-13:00 Europe/Paris was dan, would be chloe; mark the entry retroactive: true if that is intended';
    expect(result.annotations).toContainEqual({
      level: 'error',
      file: `${CONFIG}/roster.yaml`,
      line: lineOf(head, 'person: chloe, from: 2026-11-17'),
      col: 5,
      message: `overrides[1]: ${message}`,
    });
    const body = comments(pr)[0]?.body ?? '';
    expect(body).toContain('❌ 1 error and 1 warning');
    expect(body).toContain(message);
    expect(routes(result.requests)).toEqual(ROSTER_ROUTES(TEAM.length));
  });

  it('warns at on.schedule when the roster needs hours the committed schedule misses, with the entries to paste', async () => {
    emulator = await rosterDesk();
    const { pr, event } = rosterPullRequest(`${ROSTER}# reviewed\n`);
    // One tick a week: the roster hands over between Paris, Cambridge and San Francisco daily.
    const schedule = [
      'on:',
      '  schedule:',
      "    - cron: '7 9 * * 1'",
      '      timezone: Europe/Paris',
      '',
    ].join('\n');
    const head = (event.payload as { pull_request: { head: { sha: string } } }).pull_request.head
      .sha;
    emulator.store.setFile(REPO, '.github/workflows/support-kit-schedule.yml', schedule, head);

    const result = await run(emulator, 'validate', event, { env: NOW });

    const warning = result.annotations.find(
      (a) => a.file === '.github/workflows/support-kit-schedule.yml',
    );
    expect(warning).toMatchObject({ level: 'warning', line: 2, col: 1 });
    expect(warning?.message).toMatch(
      /^the schedule misses \d+ hour\(s\) the roster needs in the next four weeks \(first: .+\): escalations and hand-offs then wait for the next run\. Replace on\.schedule with what support-kit init writes: .*timezone: /s,
    );
    expect(comments(pr)[0]?.body).toContain('the schedule misses');
    expect(routes(result.requests)).toEqual(ROSTER_ROUTES(TEAM.length));
  });

  it("warns at the report caller's on.schedule when it does not follow the rotation's hand-off, read in the same query", async () => {
    emulator = await rosterDesk();
    const { pr, event } = rosterPullRequest(`${ROSTER}# reviewed\n`);
    const head = (event.payload as { pull_request: { head: { sha: string } } }).pull_request.head
      .sha;
    // The ISO-week template's cron, where the rotation hands over on Monday 08:00 in Paris.
    const report = "on:\n  schedule:\n    - cron: '17 12 * * 3'\n";
    emulator.store.setFile(REPO, '.github/workflows/support-kit-report.yml', report, head);

    const result = await run(emulator, 'validate', event, { env: NOW });

    const warning = result.annotations.find(
      (a) => a.file === '.github/workflows/support-kit-report.yml',
    );
    expect(warning).toMatchObject({ level: 'warning', line: 2, col: 1 });
    expect(warning?.message).toMatch(
      /^the report runs at times that do not follow the rotation's hand-off: .*Replace on\.schedule with what support-kit init writes: schedule: \[\{ cron: '17 8 \* \* 1', timezone: Europe\/Paris \}/s,
    );
    expect(comments(pr)[0]?.body).toContain('the report runs at times');
    expect(routes(result.requests)).toEqual(ROSTER_ROUTES(TEAM.length));
  });

  it("warns at the calendar caller's paths when they leave the roster out, read in the same query", async () => {
    emulator = await rosterDesk();
    const { pr, event } = rosterPullRequest(`${ROSTER}# reviewed\n`);
    const head = (event.payload as { pull_request: { head: { sha: string } } }).pull_request.head
      .sha;
    // Copied from another desk whose config lives in a folder of its own.
    const calendar = "on:\n  push:\n    paths: ['support/roster.yaml']\n";
    emulator.store.setFile(REPO, '.github/workflows/support-kit-calendar.yml', calendar, head);

    const result = await run(emulator, 'validate', event, { env: NOW });

    const warning = result.annotations.find(
      (a) => a.file === '.github/workflows/support-kit-calendar.yml',
    );
    expect(warning).toMatchObject({ level: 'warning', line: 3, col: 1 });
    expect(warning?.message).toBe(
      `the calendars are published on pushes that change support/roster.yaml, but the roster is ${CONFIG}/roster.yaml: a roster change would leave them as they are. Put '${CONFIG}/roster.yaml' in on.push.paths`,
    );
    expect(comments(pr)[0]?.body).toContain('the calendars are published on pushes');
    expect(routes(result.requests)).toEqual(ROSTER_ROUTES(TEAM.length));
  });

  it('accepts the same entry marked retroactive: true', async () => {
    emulator = await rosterDesk();
    const head = edit(
      ROSTER,
      '\nleave:\n',
      '  - { schedule: follow-the-sun, person: chloe, from: 2026-11-17T08:00, to: 2026-11-17T13:00, retroactive: true }\n\nleave:\n',
    );
    const { pr, event } = rosterPullRequest(head);

    const result = await run(emulator, 'validate', event, { env: NOW });

    expect(result.exitCode).toBe(0);
    expect(result.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(comments(pr)[0]?.body).toContain('is valid');
  });

  it('refuses a person GitHub cannot assign: an error on their line under people, one check per person, new ones first', async () => {
    emulator = await rosterDesk();
    const head = edit(
      edit(ROSTER, '  dan: { site: paris }\n', '  dan: { site: paris }\n  gina: { site: paris }\n'),
      '    site: paris\n    anchor: 2026-01-05\n',
      '    site: paris\n    anchor: 2026-01-05\n    changes: [{ from: 2026-11-30, members: [chloe, dan, gina] }]\n',
    );
    const { pr, event } = rosterPullRequest(head);

    const result = await run(emulator, 'validate', event, { env: NOW });

    expect(result.exitCode).toBe(1);
    expect(result.annotations.filter((a) => a.level === 'error' && a.file)).toEqual([
      {
        level: 'error',
        file: `${CONFIG}/roster.yaml`,
        line: lineOf(head, '  gina: { site: paris }'),
        col: 3,
        message:
          'people.gina: gina can be on call, but GitHub refuses to assign issues in this repository to them: give them access to the repository (triage or more), or take them off the roster',
      },
    ]);
    expect(comments(pr)[0]?.body).toContain('gina can be on call, but GitHub refuses');
    expect(
      result.requests
        .filter((r) => r.route === 'GET /repos/{owner}/{repo}/assignees/{assignee}')
        .map((r) => `${r.path.split('/').at(-1)} ${r.status}`),
    ).toEqual([
      'gina 404',
      'alice 204',
      'bob 204',
      'chloe 204',
      'dan 204',
      'emma 204',
      'fred 204',
      'escalation-leads 204',
    ]);
    expect(routes(result.requests)).toEqual(ROSTER_ROUTES(TEAM.length + 1));
  });

  it('asks GitHub about at most 50 of a 1,000-person roster, those the change adds first, and warns about the rest', async () => {
    emulator = await rosterDesk();
    const added = Array.from({ length: 993 }, (_, i) => `p${String(i).padStart(3, '0')}`);
    const head = edit(
      edit(
        ROSTER,
        '  dan: { site: paris }\n',
        `  dan: { site: paris }\n${added.map((l) => `  ${l}: { site: paris }\n`).join('')}`,
      ),
      '    site: paris\n    anchor: 2026-01-05\n',
      `    site: paris\n    anchor: 2026-01-05\n    changes: [{ from: 2026-11-30, members: [chloe, dan, ${added.join(', ')}] }]\n`,
    );
    const { event } = rosterPullRequest(head);

    const result = await run(emulator, 'validate', event, { env: NOW });

    const checks = result.requests.filter(
      (r) => r.route === 'GET /repos/{owner}/{repo}/assignees/{assignee}',
    );
    expect(checks.map((r) => r.path.split('/').at(-1))).toEqual(added.slice(0, 50));
    expect(result.requests).toHaveLength(ROSTER_ROUTES(50).length);
    const warning = `people: 950 of the 1000 people who can be on call were not checked for whether GitHub can assign them (at most 50 checks a run, those this change adds first): ${added.slice(50, 60).join(', ')} and 940 more`;
    expect(result.annotations.map((a) => a.message)).toContain(warning);
    // Only those asked are called unassignable: the emulator's collaborators are the old team.
    expect(
      result.annotations.filter((a) => /GitHub refuses to assign/.test(a.message)),
    ).toHaveLength(50);
    expect(result.summary).toContain('950 of the 1000 people who can be on call were not checked');
  });

  it('annotates a broken issue form on its line, which intake would drop without a word', async () => {
    emulator = await startDesk();
    const broken = edit(FORM, '  - type: textarea\n', '  - type: inputx\n');
    const pr = openPullRequest(emulator, { [`${FORMS}/problem.yml`]: broken });

    const result = await run(emulator, 'validate', pullRequestEvent(emulator, 'opened', pr), {
      workspace: { [`${CONFIG}/labels.yaml`]: GOOD, [`${FORMS}/problem.yml`]: broken },
    });

    expect(result.exitCode).toBe(1);
    expect(result.annotations.filter((a) => a.file)).toEqual([
      expect.objectContaining({
        level: 'error',
        file: `${FORMS}/problem.yml`,
        line: lineOf(broken, 'type: inputx'),
      }),
    ]);
    expect(comments(pr)[0]?.body).toContain(
      '| ❌ | .github/ISSUE\\_TEMPLATE/problem.yml | 8:11 | body\\[1\\].type: must be one of',
    );
    expect(routes(result.requests)).toEqual([
      PR_FILES,
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    ]);
  });

  it('refuses an intake.yaml rule for a field the form does not have, at the key of the rule', async () => {
    emulator = await startDesk();
    const intake =
      'templates:\n  problem:\n    fields:\n      logs: { logs: true }\n      verison: { required: true }\n';
    const pr = openPullRequest(emulator, {
      [`${CONFIG}/intake.yaml`]: intake,
      [`${FORMS}/problem.yml`]: FORM,
    });

    const result = await run(emulator, 'validate', pullRequestEvent(emulator, 'opened', pr));

    expect(result.exitCode).toBe(1);
    expect(result.annotations.filter((a) => a.file)).toEqual([
      {
        level: 'error',
        file: `${CONFIG}/intake.yaml`,
        line: 5,
        col: 7,
        message: `templates.problem.fields.verison: ${FORMS}/problem.yml has no field with this id or label, so this rule never applies (ids: version, logs)`,
      },
    ]);
    expect(comments(pr)[0]?.body).toContain(`Issue templates: \`${FORMS}/problem.yml\`.`);
    // Through the API: the changed files, then the config folder and the forms in one query.
    expect(routes(result.requests)).toEqual([
      PR_FILES,
      FOLDERS,
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    ]);
  });

  it('passes a pull request that touches neither the config nor the forms after one request, without a comment', async () => {
    emulator = await startDesk();
    const pr = openPullRequest(emulator, { 'src/app.ts': 'export {};\n', 'README.md': '# desk\n' });

    const result = await run(emulator, 'validate', pullRequestEvent(emulator, 'opened', pr));

    expect(result.exitCode).toBe(0);
    expect(comments(pr)).toHaveLength(0);
    expect(result.requests.map((r) => `${r.route} ${r.query?.per_page}`)).toEqual([
      `${PR_FILES} 100`,
    ]);
    expect(result.summary).toContain(
      `#${pr} changes no file in ${CONFIG} or ${FORMS} (2 file(s) changed): nothing to validate`,
    );
  });

  it('checks a pull request whose changed files run past the first page, where config may hide', async () => {
    emulator = await startDesk();
    const files = Object.fromEntries(
      Array.from({ length: 101 }, (_, i) => [`src/f${String(i).padStart(3, '0')}.ts`, 'x\n']),
    );
    const pr = openPullRequest(emulator, files);

    const result = await run(emulator, 'validate', pullRequestEvent(emulator, 'opened', pr), {
      workspace: { [`${CONFIG}/labels.yaml`]: GOOD },
    });

    expect(result.exitCode).toBe(0);
    expect(comments(pr)[0]?.body).toContain('✅');
    expect(routes(result.requests)).toEqual([
      PR_FILES,
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    ]);
  });
});

describe('a swap by pull request (dist/validate)', () => {
  // dan covers chloe's Paris morning on Wednesday: a change that only adds an override.
  const SWAP = ROSTER.replace(
    '\nleave:',
    '  - { schedule: follow-the-sun, person: dan, from: 2026-11-25T08:00, to: 2026-11-25T13:00 }\n\nleave:',
  );
  const review = (pr: number, user: string) => {
    emulator.store.addReview(REPO, pr, { user, state: 'APPROVED' });
    const event = pullRequestEvent(emulator, 'opened', pr);
    return {
      name: 'pull_request_review',
      payload: { ...event.payload, action: 'submitted', review: { state: 'approved' } },
    };
  };

  it('fails until both people whose shifts move have approved, and passes on the review that completes it', async () => {
    emulator = await rosterDesk();
    const { pr, event } = rosterPullRequest(SWAP);

    const opened = await run(emulator, 'validate', event, { env: NOW });
    const chloeOnly = await run(emulator, 'validate', review(pr, 'chloe'), { env: NOW });
    const both = await run(emulator, 'validate', review(pr, 'dan'), { env: NOW });

    const waiting = (r: typeof opened) =>
      r.annotations.find((a) => a.message.includes('needs their approval'))?.message;
    expect([opened.exitCode, chloeOnly.exitCode, both.exitCode]).toEqual([1, 1, 0]);
    expect(waiting(opened)).toMatch(/moves the shifts of chloe, dan, .*waiting for chloe, dan\./);
    expect(waiting(chloeOnly)).toMatch(/waiting for dan\./);
    expect(waiting(both)).toBeUndefined();
    expect(
      opened.annotations.find((a) => a.message.includes('needs their approval')),
    ).toMatchObject({
      file: `${CONFIG}/roster.yaml`,
      line: lineOf(SWAP, 'from: 2026-11-25T08:00'),
    });
    // One request for the reviews, made because the change only adds overrides.
    expect(routes(both.requests).filter((r) => r.endsWith('/reviews'))).toEqual([
      'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
    ]);
    expect(comments(pr)).toHaveLength(1);
  });

  it('asks no one when the change does more than add overrides: a lead edits the roster', async () => {
    emulator = await rosterDesk();
    const { event } = rosterPullRequest(
      edit(
        SWAP,
        '\nleave:\n',
        '\nleave:\n  - { person: fred, from: 2026-12-01, to: 2026-12-02 }\n',
      ),
    );

    const result = await run(emulator, 'validate', event, { env: NOW });

    expect(routes(result.requests).filter((r) => r.endsWith('/reviews'))).toEqual([]);
  });
});
