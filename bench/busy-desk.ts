/**
 * The API requests each capability makes in one hour of a busy desk, held against the workflow
 * token's budget (1,000 REST requests an hour per repository; GitHub's "Rate limits for the
 * REST API", GITHUB_TOKEN). The desk holds 1,000 issues (200 of them open and assigned); in the
 * hour 30 issues are opened and 20 comments posted (50 events, each run as its workflow runs
 * it), and the schedule ticks four times. The hour is played twice: with GitHub's limits only
 * counted (what the desk asks for) and enforced (what GitHub lets it have, and what waits).
 *
 * `npm run bench:busy` runs just this; `npm run bench` runs it too. Both write its section of
 * bench/results.md.
 */
import { cpus, release } from 'node:os';
import { type Emulator, webhookPayload } from '../dev/emulator/index.js';
import { escalationBody, presetFiles } from '../dev/fixtures/escalation.js';
import { REPO, startDesk } from '../dev/harness/desk.js';
import { projectRoot, runAction } from '../dev/harness/run-action.js';
import { writeSection } from './report.js';

const PEOPLE = ['alice', 'bob', 'chloe', 'dan', 'emma', 'fred', 'escalation-leads', 'amy'];
const START = Date.parse('2026-11-24T09:00:00Z'); // Tuesday 10:00 Paris
const BUDGET = 1_000;
const HEADING = "## A busy desk against the workflow token's hourly budget";

interface Use {
  requests: number;
  refused: number;
  /** Runs that left something for the next run (a warning saying so). */
  deferredRuns: number;
  runs: number;
}

export interface BusyHour {
  mode: 'count' | 'enforce';
  perAction: Map<string, Use>;
}

const at = (minutes: number) => new Date(START + minutes * 60_000).toISOString();

async function seed(mode: 'count' | 'enforce'): Promise<Emulator> {
  const emulator = await startDesk(
    {},
    { repos: [{ owner: 'acme', name: 'desk', collaborators: PEOPLE }] },
    { rateLimits: mode },
  );
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
  return emulator;
}

/** One hour of the desk, every run as its workflow would start it. */
export async function measureBusyHour(mode: 'count' | 'enforce'): Promise<BusyHour> {
  const emulator = await seed(mode);
  const workspace = presetFiles(projectRoot(), 'escalation');
  const perAction = new Map<string, Use>();
  const step = async (
    action: string,
    event: { name: string; payload: object },
    minute: number,
    inputs: Record<string, string> = {},
  ) => {
    emulator.setClock(at(minute));
    const from = emulator.requests.length;
    const result = await runAction({
      action,
      apiUrl: emulator.url,
      repo: REPO,
      event,
      inputs,
      workspace,
      env: { SUPPORT_KIT_NOW: at(minute) },
    });
    const made = emulator.requests.slice(from);
    const name = action === 'all' ? 'intake, oncall, escalate' : action;
    const key = `${name} (${event.name === 'schedule' ? 'schedule' : 'events'})`;
    const use = perAction.get(key) ?? { requests: 0, refused: 0, deferredRuns: 0, runs: 0 };
    use.requests += made.length;
    use.refused += made.filter((r) => r.status === 403).length;
    use.deferredRuns += /left for the next run|the next run does it/.test(result.stdout) ? 1 : 0;
    use.runs += 1;
    perAction.set(key, use);
  };

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
      // The issues workflow: one step, the three capabilities in one process.
      await step('all', event, minute, { action: 'auto' });
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
  return { mode, perAction };
}

const pct = (n: number) => `${((n / BUDGET) * 100).toFixed(0)} %`;

export function renderBusySection(asked: BusyHour, enforced: BusyHour): string {
  const total = (h: BusyHour, f: (u: Use) => number) =>
    [...h.perAction.values()].reduce((a, u) => a + f(u), 0);
  const keys = [...asked.perAction].sort((a, b) => b[1].requests - a[1].requests).map(([k]) => k);
  const rows = keys.map((key) => {
    const a = asked.perAction.get(key);
    const e = enforced.perAction.get(key);
    return `| ${key} | ${a?.requests ?? 0} | ${pct(a?.requests ?? 0)} | ${e?.requests ?? 0} | ${e?.refused ?? 0} | ${e?.deferredRuns ?? 0} of ${e?.runs ?? 0} |`;
  });
  const asks = total(asked, (u) => u.requests);
  const refusedEvents = keys
    .filter((k) => k.endsWith('(events)'))
    .reduce((n, k) => n + (enforced.perAction.get(k)?.refused ?? 0), 0);
  return [
    HEADING,
    '',
    `Command: \`npm run bench:busy\` (also run by \`npm run bench\`), ${new Date().toISOString().slice(0, 10)}, on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Linux ${release()}; the actions under Node 24 against the emulator.`,
    '',
    'The escalation preset on a repository of 1,000 issues (800 closed, 200 open and assigned, all',
    'past their response goal and unacknowledged: the worst case for the sweep). In one hour: 30',
    'issues opened (the issues workflow: intake, on-call, escalation in one step) and 20 comments (the escalate',
    'workflow), 50 events, and four schedule ticks (on-call, escalation sweep, intake sweep).',
    'Requests of every kind (REST, search, GraphQL) per capability. "Asked" is the hour with',
    'GitHub\'s limits only counted; "enforced" the same hour with them enforced (1,000 REST requests',
    'and 1,000 GraphQL points an hour for the repository, 30 searches a minute), with the runs that',
    'left work for the next run.',
    '',
    '| Capability | Asked | Share of 1,000 | Enforced: made | Refused by GitHub | Runs that left work for the next |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    `| **All** | **${asks}** | **${pct(asks)}** | **${total(enforced, (u) => u.requests)}** | **${total(enforced, (u) => u.refused)}** | |`,
    '',
    'A scheduled sweep makes at most 250 requests and leaves the hour\u2019s last 200 to the runs',
    'events start (docs/troubleshooting.md, "A budget per run"); the escalation sweep reads the',
    'comments of every open issue that may have a step due, so on this desk it is the sweep that',
    'meets its budget and leaves issues to the next tick.',
    '',
    refusedEvents === 0
      ? '**No run an event started was refused**: every new issue and comment was handled in its own run.'
      : `**${refusedEvents} request(s) of runs that events started were refused**: those runs left their work to the next.`,
    '',
  ].join('\n');
}

export async function benchBusyDesk(out: string): Promise<string> {
  const asked = await measureBusyHour('count');
  const enforced = await measureBusyHour('enforce');
  const section = renderBusySection(asked, enforced);
  await writeSection(out, HEADING, section);
  return section;
}
