/**
 * The weekly report's cost against the emulator: 20,000 issues of which 2,000 are the week's
 * (created in it, closed in it, or open at its end); then the kit alone on weeks of 20,000 and
 * 100,000 new issues, against the workflow token's 1,000 GraphQL points an hour. The kit's method (dist/report on the
 * weekly cron, through the e2e harness) and the naive one issue-metrics uses (list the issues,
 * then one request per issue for its comments, through Octokit in this process) run against
 * the same emulator in the same run. Requests are counted by the emulator.
 *
 * `npm run bench -- --only report` runs just this and rewrites only its section of results.md.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createOctokit } from '../src/github/client.js';
import { runAction } from '../dev/harness/run-action.js';
import type { Store } from '../dev/emulator/store.js';
import type { Emulator } from '../dev/emulator/index.js';

const REPO = 'acme/desk';
const TOTAL = 20_000;
const WEEK_NEW = 1_800;
const OLD_OPEN = 150;
const OLD_CLOSED_IN_WEEK = 50;
const NEEDED = WEEK_NEW + OLD_OPEN + OLD_CLOSED_IN_WEEK;
const WEEK_START = Date.parse('2026-11-16T00:00:00Z');
const NOW = '2026-11-23T12:17:00Z';
const HEADING = '## Weekly report against 20,000 issues';

/** The kit alone on a larger week: what it read, spent, and whether it wrote or deferred. */
export interface ReportAtScale {
  weekIssues: number;
  total: number;
  seedMs: number;
  requests: number;
  points: number;
  ms: number;
  exitCode: number;
  outcome: string;
}

export interface ReportBench {
  larger: ReportAtScale[];
  needed: number;
  budget: number;
  seedMs: number;
  kit: {
    requests: number;
    /** GraphQL points the run spent. */
    points: number;
    ms: number;
    routes: Record<string, number>;
    exitCode: number;
    opened: number;
  };
  naive: { requests: number; ms: number; issues: number };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** A deterministic spread: no Math.random, the same seed every run. */
function seedIssues(store: Store, weekNew = WEEK_NEW, total = TOTAL): void {
  const team = ['amy', 'luc', 'ivy'];
  const old = total - weekNew;
  const span = WEEK_START - Date.parse('2024-01-01T00:00:00Z');
  for (let i = 0; i < old; i++) {
    const created = Date.parse('2024-01-01T00:00:00Z') + Math.floor((span * i) / old);
    const open = i % 120 === 7 && i / 120 < OLD_OPEN;
    const closedInWeek = !open && i % 120 === 11 && (i - 11) / 120 < OLD_CLOSED_IN_WEEK;
    const closedAt = closedInWeek
      ? WEEK_START + 3_600_000 * (5 + (i % 150))
      : Math.min(created + 86_400_000 * (1 + (i % 9)), WEEK_START - 3_600_000);
    store.createIssue(REPO, {
      number: i + 1,
      title: `Older issue ${i}`,
      user: 'customer',
      created_at: iso(created),
      labels: [`S${i % 4}-level`],
      ...(open ? {} : { state: 'closed' as const, closed_at: iso(Math.max(closedAt, created)) }),
      comments: [
        { user: team[i % 3] ?? 'amy', body: 'On it', created_at: iso(created + 1_800_000) },
      ],
    });
  }
  // The week's new issues, more on Monday (as after a weekend), answered and closed in part.
  for (let j = 0; j < weekNew; j++) {
    const day = j < weekNew / 6 ? 0 : 1 + (j % 6);
    const created = WEEK_START + day * 86_400_000 + ((j * 997_000) % 80_000_000);
    const closed = j % 5 < 2;
    store.createIssue(REPO, {
      number: old + j + 1,
      title: `Week issue ${j}`,
      user: 'customer',
      created_at: iso(created),
      labels: [`S${j % 4}-level`],
      ...(closed
        ? { state: 'closed' as const, closed_at: iso(created + 3_600_000 * (1 + (j % 40))) }
        : {}),
      comments:
        j % 3 === 0
          ? []
          : [
              {
                user: team[j % 3] ?? 'amy',
                body: 'Looking',
                created_at: iso(created + 600_000 * (1 + (j % 12))),
              },
            ],
    });
  }
}

/** The older issues beside each larger week, as in the main run. */
const LARGER_OLDER = TOTAL - WEEK_NEW;
const LARGER_WEEKS = [20_000, 100_000];

export async function measureReport(): Promise<ReportBench> {
  const main = await measureMain();
  const larger: ReportAtScale[] = [];
  for (const weekIssues of LARGER_WEEKS) larger.push(await measureKitAt(weekIssues));
  return { ...main, larger };
}

/** The kit's bundle on the Monday cron against a fresh emulator of `weekIssues` new issues. */
async function measureKitAt(weekIssues: number): Promise<ReportAtScale> {
  const { startEmulator } = await import('../dev/emulator/index.js');
  const emulator = await startEmulator({
    seed: { repos: [{ owner: 'acme', name: 'desk', collaborators: ['amy', 'luc', 'ivy'] }] },
    now: NOW,
    // Enforced: the token's hourly budget is the question at this size.
  });
  try {
    const total = weekIssues + LARGER_OLDER;
    const seeding = process.hrtime.bigint();
    seedIssues(emulator.store, weekIssues, total);
    const seedMs = Number(process.hrtime.bigint() - seeding) / 1e6;
    const { run, ms } = await kitRun(emulator);
    const opened = (JSON.parse(run.outputs.metrics ?? '{}') as { opened?: number }).opened;
    const written =
      run.exitCode === 0 && opened !== undefined
        ? `written: ${opened.toLocaleString('en-US')} opened this week in its metrics`
        : undefined;
    return {
      weekIssues,
      total,
      seedMs,
      requests: emulator.requests.length,
      points: emulator.requests.reduce((n, r) => n + (r.points ?? 0), 0),
      ms,
      exitCode: run.exitCode,
      outcome: deferral(run) ?? written ?? lastLine(run.stderr || run.stdout),
    };
  } finally {
    await emulator.close();
  }
}

function lastLine(text: string): string {
  return text.trim().split('\n').at(-1) ?? '';
}

/** What a run that waited for the next hour said, from its annotations or its log. */
function deferral(run: Awaited<ReturnType<typeof runAction>>): string | undefined {
  const said = [...run.annotations.map((a) => a.message), ...run.stdout.split('\n')];
  return said
    .find((line) => /GraphQL points/.test(line))
    ?.replace(/^.*?(the report needs)/, '$1')
    .split('\n')[0];
}

async function kitRun(emulator: Emulator) {
  const { webhookPayload } = await import('../dev/emulator/index.js');
  emulator.resetRequests();
  const start = process.hrtime.bigint();
  const run = await runAction({
    action: 'report',
    apiUrl: emulator.url,
    repo: REPO,
    event: {
      name: 'schedule',
      payload: webhookPayload(emulator.store, 'schedule', { repo: REPO, schedule: '17 12 * * 1' }),
    },
    env: { SUPPORT_KIT_NOW: NOW },
  });
  return { run, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

async function measureMain(): Promise<Omit<ReportBench, 'larger'>> {
  const { startEmulator } = await import('../dev/emulator/index.js');
  const emulator = await startEmulator({
    seed: { repos: [{ owner: 'acme', name: 'desk', collaborators: ['amy', 'luc', 'ivy'] }] },
    now: NOW,
    // Counted, not enforced: the naive method needs more than the token's hourly 1,000 requests,
    // which is the point of comparing it; the kit's own use is reported against that budget.
    rateLimits: 'count',
  });
  try {
    const seeding = process.hrtime.bigint();
    seedIssues(emulator.store);
    const seedMs = Number(process.hrtime.bigint() - seeding) / 1e6;

    // The kit: the committed bundle on the Monday cron, config read through the contents API.
    const { run, ms: kitMs } = await kitRun(emulator);
    const routes: Record<string, number> = {};
    for (const r of emulator.requests) routes[r.route] = (routes[r.route] ?? 0) + 1;
    const kitRequests = emulator.requests.length;
    const kitPoints = emulator.requests.reduce((n, r) => n + (r.points ?? 0), 0);
    const metrics = JSON.parse(run.outputs.metrics ?? '{}') as { opened?: number };
    if (run.exitCode !== 0) process.stderr.write(`${run.stdout}\n${run.stderr}\n`);

    // The naive method: every issue touched since the week began, then its comments one by one.
    emulator.resetRequests();
    const octokit = await createOctokit({ token: 'bench', baseUrl: emulator.url });
    const start = process.hrtime.bigint();
    const listed = await octokit.paginate(octokit.rest.issues.listForRepo, {
      owner: 'acme',
      repo: 'desk',
      state: 'all',
      since: iso(WEEK_START),
      per_page: 100,
    });
    const issues = listed.filter(
      (i) =>
        !i.pull_request && !i.labels.some((l) => (typeof l === 'string' ? l : l.name) === 'report'),
    );
    for (const issue of issues) {
      await octokit.paginate(octokit.rest.issues.listComments, {
        owner: 'acme',
        repo: 'desk',
        issue_number: issue.number,
        per_page: 100,
      });
    }
    const naiveMs = Number(process.hrtime.bigint() - start) / 1e6;

    return {
      needed: NEEDED,
      budget: Math.ceil(NEEDED / 100) + 5,
      seedMs,
      kit: {
        requests: kitRequests,
        points: kitPoints,
        ms: kitMs,
        routes,
        exitCode: run.exitCode,
        opened: metrics.opened ?? -1,
      },
      naive: { requests: emulator.requests.length, ms: naiveMs, issues: issues.length },
    };
  } finally {
    await emulator.close();
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function renderReportSection(r: ReportBench): string {
  const routes = Object.entries(r.kit.routes)
    .map(([route, n]) => `\`${route}\` × ${n}`)
    .join(', ');
  const met = r.kit.requests <= r.budget;
  const pointsGoal = 2 * Math.ceil(r.needed / 100) + 5;
  return [
    HEADING,
    '',
    `The emulator seeded with ${TOTAL.toLocaleString('en-US')} issues in one repository; ${r.needed.toLocaleString('en-US')} are the week's (${WEEK_NEW.toLocaleString('en-US')} opened in ISO week 2026-W47, ${OLD_OPEN} older ones open at its end, ${OLD_CLOSED_IN_WEEK} older ones closed in it); the rest were closed before it. Both methods run against the same emulator in this run (seeding took ${seconds(r.seedMs)}). The kit's wall time is the whole bundle run through the e2e harness (Node start, config reads, the report written); the naive method's is its reads alone, in this process.`,
    '',
    '| Method | API requests | Wall time | Notes |',
    '|---|---:|---:|---|',
    `| support-kit (\`dist/report\` on \`schedule\`, exit ${r.kit.exitCode}) | ${r.kit.requests} | ${seconds(r.kit.ms)} | ${routes}; ${r.kit.opened.toLocaleString('en-US')} opened this week in its metrics |`,
    `| naive (list issues updated since the week began, then their comments one issue at a time) | ${r.naive.requests.toLocaleString('en-US')} | ${seconds(r.naive.ms)} | ${r.naive.issues.toLocaleString('en-US')} issues listed; still no labels or assignments history, and the open backlog untouched this week is not even listed |`,
    '',
    `Goal: at most ceil(${r.needed.toLocaleString('en-US')} / 100) + 5 = ${r.budget} requests for the whole run: **${met ? 'met' : 'not met'}** (${r.kit.requests}).`,
    '',
    ...largerRows(r.larger),
    `GraphQL points of the workflow token's 1,000 an hour (the emulator costs each query as GitHub does: a connection counts once per parent that can hold it, the sum over 100): ${r.kit.points} for the run. Goal: at most 2 per 100 issues read, 2 × ${Math.ceil(r.needed / 100)} + 5 = ${pointsGoal}: **${r.kit.points <= pointsGoal ? 'met' : 'not met'}**. The query asked 5 per 100 before (labels, assignees and three timelines an issue), 1,012 points at 20,000 issues a week.`,
    '',
  ].join('\n');
}

/** The kit alone on larger weeks, the token's budget enforced as GitHub does. */
function largerRows(larger: readonly ReportAtScale[]): string[] {
  if (larger.length === 0) return [];
  return [
    "The kit alone on larger weeks (the same spread of new issues, with the same 18,200 older ones), the workflow token's hourly budget enforced:",
    '',
    '| New issues in the week | Issues in all | API requests | GraphQL points | Wall time | Exit | What it said |',
    '|---:|---:|---:|---:|---:|---:|---|',
    ...larger.map(
      (l) =>
        `| ${l.weekIssues.toLocaleString('en-US')} | ${l.total.toLocaleString('en-US')} | ${l.requests.toLocaleString('en-US')} | ${l.points.toLocaleString('en-US')} | ${seconds(l.ms)} | ${l.exitCode} | ${l.outcome.replaceAll('|', '\\|')} |`,
    ),
    '',
    `Seeding took ${larger.map((l) => seconds(l.seedMs)).join(' and ')}. A week that fits in the token's hour but not in what is left of it is not failed: the run reads the first page, says how many points the report needs and how many are left, writes nothing, and the catch-up cron or the next hour's run writes it. A week that needs more than the token's whole hour (the workflow token's 1,000 points, 200 kept for the runs events start) fails instead and says which token would do: waiting would wait forever.`,
    '',
  ];
}

/** Replace the report section of results.md (or put it before "## Goals"), leaving the rest. */
export function writeReportSection(file: string, section: string): Promise<void> {
  return writeSection(file, HEADING, section);
}

/** Replace the section under `heading` in results.md (or put it before "## Goals"). */
export async function writeSection(file: string, heading: string, section: string): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    text = '# Benchmark results\n';
  }
  const at = text.indexOf(heading);
  if (at >= 0) {
    const next = text.indexOf('\n## ', at + heading.length);
    text = `${text.slice(0, at)}${section}${next >= 0 ? text.slice(next + 1) : ''}`;
  } else {
    const goals = text.indexOf('## Goals');
    text =
      goals >= 0
        ? `${text.slice(0, goals)}${section}\n${text.slice(goals)}`
        : `${text.trimEnd()}\n\n${section}`;
  }
  await writeFile(file, text.endsWith('\n') ? text : `${text}\n`);
}
