/**
 * `npm run bench:busy`: the API requests each capability makes in one hour of a busy desk, held
 * against the workflow token's budget (1,000 REST requests an hour per repository; GitHub's
 * "Rate limits for the REST API", GITHUB_TOKEN). The desk holds 1,000 issues (200 of them open
 * and assigned); in the hour 30 issues are opened and 20 comments posted (50 events, each run
 * as its workflow runs it), and the schedule ticks four times. Writes bench/busy-desk.md.
 */
import { writeFile } from 'node:fs/promises';
import { cpus, release } from 'node:os';
import { join } from 'node:path';
import { type Emulator, webhookPayload } from '../dev/emulator/index.js';
import { escalationBody, presetFiles } from '../dev/fixtures/escalation.js';
import { REPO, startDesk } from '../dev/harness/desk.js';
import { projectRoot, runAction } from '../dev/harness/run-action.js';

const PEOPLE = ['alice', 'bob', 'chloe', 'dan', 'emma', 'fred', 'escalation-leads', 'amy'];
const START = Date.parse('2026-11-24T09:00:00Z'); // Tuesday 10:00 Paris
const BUDGET = 1_000;

// GitHub's limits counted, not enforced: this measures what the desk asks for.
const emulator: Emulator = await startDesk(
  {},
  { repos: [{ owner: 'acme', name: 'desk', collaborators: PEOPLE }] },
  { rateLimits: 'count' },
);
const workspace = presetFiles(projectRoot(), 'escalation');
const at = (minutes: number) => new Date(START + minutes * 60_000).toISOString();

// The backlog: 800 closed last month, 200 open and assigned, two weeks old.
emulator.setClock(at(-60 * 24 * 30));
for (let i = 0; i < 1_000; i++) {
  const open = i >= 800;
  emulator.store.createIssue(REPO, {
    title: `[Escalation]: backlog issue ${i}`,
    body: escalationBody(),
    user: 'customer-eng',
    labels: ['escalation', open ? 'S3-minor' : 'S2-major'],
    assignees: open ? [PEOPLE[i % 6] ?? 'alice'] : [],
    created_at: open ? at(-60 * 24 * 14) : at(-60 * 24 * 30),
    ...(open ? {} : { state: 'closed' as const, closed_at: at(-60 * 24 * 20) }),
  });
}

const perAction = new Map<string, number>();
async function step(action: string, event: { name: string; payload: object }, minute: number) {
  emulator.setClock(at(minute));
  const from = emulator.requests.length;
  await runAction({
    action,
    apiUrl: emulator.url,
    repo: REPO,
    event,
    workspace,
    env: { SUPPORT_KIT_NOW: at(minute) },
  });
  const made = emulator.requests.length - from;
  const key = `${action} (${event.name === 'schedule' ? 'schedule' : 'events'})`;
  perAction.set(key, (perAction.get(key) ?? 0) + made);
}

const tick = { name: 'schedule', payload: { schedule: '7,22,37,52 * * * *' } };
const opened: number[] = [];
for (let minute = 0; minute < 60; minute++) {
  // 30 issues opened and 20 comments: one event every 72 seconds on average.
  if (minute % 2 === 0) {
    emulator.setClock(at(minute));
    const n = emulator.store.createIssue(REPO, {
      title: `[Escalation]: new issue at minute ${minute}`,
      body: escalationBody(),
      user: 'customer-eng',
      labels: ['escalation'],
    }).number;
    opened.push(n);
    const event = {
      name: 'issues',
      payload: webhookPayload(emulator.store, 'issues', {
        repo: REPO,
        action: 'opened',
        number: n,
      }),
    };
    for (const action of ['intake', 'oncall', 'escalate']) await step(action, event, minute);
  }
  if (minute % 3 === 1 && opened.length > 0) {
    const n = opened[Math.floor(minute / 3) % opened.length] ?? opened[0] ?? 1;
    emulator.setClock(at(minute));
    const comment = emulator.store.addComment(REPO, n, {
      user: 'customer-eng',
      body: 'Any news?',
      created_at: at(minute),
    });
    const event = {
      name: 'issue_comment',
      payload: webhookPayload(emulator.store, 'issue_comment', {
        repo: REPO,
        action: 'created',
        number: n,
        comment_id: comment.id,
      }),
    };
    await step('escalate', event, minute);
  }
  if (minute % 15 === 7)
    for (const action of ['oncall', 'escalate', 'intake']) await step(action, tick, minute);
}
await emulator.close();

const total = [...perAction.values()].reduce((a, b) => a + b, 0);
const rows = [...perAction]
  .sort((a, b) => b[1] - a[1])
  .map(([action, n]) => `| ${action} | ${n} | ${((n / BUDGET) * 100).toFixed(0)} % |`);
const text = [
  "# A busy desk against the workflow token's hourly budget",
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:busy\` on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Linux ${release()}, the actions under Node 24 against the emulator.`,
  '',
  'The escalation preset on a repository of 1,000 issues (800 closed, 200 open and assigned, all',
  'past their response goal and unacknowledged: the worst case for the sweep). In',
  'one hour: 30 issues opened (the issues workflow: intake, on-call, escalation) and 20 comments',
  '(the escalate workflow), 50 events, and four schedule ticks (on-call, escalation sweep, intake',
  'sweep). Requests of every kind (REST, search, GraphQL) per capability, held against the',
  "workflow token's 1,000 REST requests an hour per repository.",
  '',
  '| Capability | Requests in the hour | Share of 1,000 |',
  '| --- | ---: | ---: |',
  ...rows,
  `| **All** | **${total}** | **${((total / BUDGET) * 100).toFixed(0)} %** |`,
  '',
  'The escalation sweep reads the comments of every open issue that may have a step due, on every',
  "tick: on this desk that is most of the hour's requests (issue #16 is where it gets cheaper).",
  '',
  total <= BUDGET
    ? `Within the budget, with ${BUDGET - total} requests to spare.`
    : `Over the budget by ${total - BUDGET}: a run that meets the limit defers the rest to the next (docs/troubleshooting.md).`,
  '',
];
await writeFile(join(projectRoot(), 'bench/busy-desk.md'), text.join('\n'));
process.stdout.write(`bench/busy-desk.md: ${total} request(s) in the hour\n`);
