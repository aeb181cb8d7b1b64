/**
 * `npm run bench [-- --runs N] [-- --out FILE]`: cold start and size of every bundle in dist/,
 * side by side with a naive baseline action bundled in the same run, plus the wall time of one
 * full intake event against the emulator. Writes bench/results.md (see bench/README.md).
 *
 * Numbers only: nothing here fails on a slow result. Goals are reported as met or not met.
 */
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, release, tmpdir, totalmem, type as osType } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { intakeConfigFrom } from '../src/intake/config/intake.js';
import { parseForm } from '../src/intake/config/issue-templates.js';
import { decideIntake } from '../src/intake/decide/decide.js';
import { node24, projectRoot, runAction } from '../dev/harness/run-action.js';
import { escalationBody, presetFiles } from '../dev/fixtures/escalation.js';
import { measureOncall, type OncallTiming, renderOncall } from './oncall.js';

/** Action bundles held to the goals, in the order dist/ is built. */
const ACTIONS = ['intake', 'labels', 'oncall', 'report', 'escalate', 'validate', 'all'] as const;
/** Measured for information only: a command-line tool, not started by a runner on every event. */
const INFORMATIONAL = ['cli'] as const;
const WARMUPS = 2;
const FULL_EVENT_RUNS = 5;
const RATIO_GOAL = 0.5;
/** Decimal megabytes: 1.5 MB = 1,500,000 bytes, the stricter reading of the goal. */
const SIZE_GOAL_BYTES = 1_500_000;

interface Options {
  runs: number;
  out: string;
  /** `--only report|busy|duplicates|cost`: just that section of results.md. */
  only?: 'report' | 'busy' | 'duplicates' | 'cost';
  /**
   * `--compare DIR`: bundles built another way (DIR/<name>/index.js, and DIR/baseline/index.mjs
   * or index.js for that build's own baseline), measured in the same rounds, for information.
   */
  compare?: string;
}

interface Target {
  /** Row label: the dist folder name, or `baseline`. */
  name: string;
  /** Folder whose .js files are the size; none for the bare-Node reference. */
  dir: string | null;
  /** Arguments to node: the bundle entry and its arguments. */
  argv: string[];
  kind: 'action' | 'informational' | 'baseline' | 'reference' | 'compared';
}

interface ColdStart {
  samples: number[];
  median: number;
  p90: number;
  /** stdout of the last run, to show the bundle really ended on the ignored event */
  lastStdout: string;
  exitCodes: Set<number>;
}

const root = projectRoot();

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options.only === 'report') {
    await benchReport(options.out);
    return;
  }
  if (options.only === 'busy') {
    await benchBusy(options.out);
    return;
  }
  if (options.only === 'duplicates') {
    await benchDupes(options.out);
    return;
  }
  if (options.only === 'cost') {
    await benchCosts(options.out);
    return;
  }
  const started = process.hrtime.bigint();
  const node = node24();
  const nodeVersion = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();

  log(`bundling the baseline with esbuild (bench/.work/baseline) ...`);
  const baseline = await buildBaseline();
  try {
    await measureAll(options, node, nodeVersion, baseline, started);
  } finally {
    // eslint (flat config) does not read .gitignore: leave no 1.8 MB bundle for `npm run lint` to trip on.
    await rm(join(root, 'bench', '.work'), { recursive: true, force: true });
  }
}

async function measureAll(
  options: Options,
  node: string,
  nodeVersion: string,
  baseline: Target,
  started: bigint,
): Promise<void> {
  // The floor: Node starting and exiting with no code to load.
  const targets: Target[] = [
    baseline,
    { name: 'node', dir: null, argv: ['-e', ''], kind: 'reference' },
  ];
  const missing: string[] = [];
  for (const name of [...ACTIONS, ...INFORMATIONAL]) {
    const dir = join(root, 'dist', name);
    const entry = join(dir, 'index.js');
    if (!existsSync(entry)) {
      missing.push(name);
      continue;
    }
    const informational = (INFORMATIONAL as readonly string[]).includes(name);
    targets.push({
      name,
      dir,
      argv: informational ? [entry, '--help'] : [entry],
      kind: informational ? 'informational' : 'action',
    });
  }
  if (options.compare) targets.push(...compareTargets(options.compare));
  if (missing.length)
    log(`missing bundles (run the build): ${missing.map((m) => `dist/${m}/index.js`).join(', ')}`);

  log(
    `cold start: ${targets.length} bundles x (${WARMUPS} warm-ups + ${options.runs} runs), interleaved ...`,
  );
  const cold = await measureColdStarts(node, targets, options.runs);

  const sizes = new Map<string, number>();
  for (const t of targets) if (t.dir) sizes.set(t.name, await jsBytes(t.dir));

  log(
    `full event: dist/all on issues.opened against the emulator, ${FULL_EVENT_RUNS} runs x 2 ...`,
  );
  const full = existsSync(join(root, 'dist', 'all', 'index.js'))
    ? await measureFullEvent()
    : { error: 'dist/all/index.js is missing' };

  log(`intake check: one 64 KiB issue body, ${CHECK_RUNS} runs in-process ...`);
  const check = measureIntakeCheck();

  log('on-call: who ten years out and a 365-day preview, on the roster presets ...');
  const oncall = measureOncall(root);

  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const markdown = renderResults({
    options,
    nodeVersion,
    targets,
    missing,
    cold,
    sizes,
    full,
    check,
    oncall,
    seconds,
  });
  await mkdir(resolve(options.out, '..'), { recursive: true });
  await writeFile(options.out, markdown);
  await benchReport(options.out);
  await benchBusy(options.out);
  await benchDupes(options.out);
  await benchCosts(options.out);
  process.stdout.write(`\n${markdown}\n`);
  log(`wrote ${options.out} in ${seconds.toFixed(1)}s`);
}

function parseArgs(argv: string[]): Options {
  const options: Options = { runs: 15, out: join(root, 'bench', 'results.md') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--runs' && value !== undefined) {
      options.runs = Number(value);
      if (!Number.isInteger(options.runs) || options.runs < 1)
        throw new Error(`--runs takes a whole number of at least 1, not "${value}"`);
      i++;
    } else if (
      arg === '--only' &&
      (value === 'report' || value === 'busy' || value === 'duplicates' || value === 'cost')
    ) {
      options.only = value;
      i++;
    } else if (arg === '--compare' && value !== undefined) {
      options.compare = resolve(value);
      i++;
    } else if (arg === '--out' && value !== undefined) {
      options.out = resolve(value);
      i++;
    } else {
      throw new Error(
        `unknown argument "${arg}"; usage: npm run bench -- [--runs N] [--out FILE] [--only report|busy|duplicates|cost] [--compare DIR]`,
      );
    }
  }
  return options;
}

// ---------------------------------------------------------------- baseline

async function buildBaseline(): Promise<Target> {
  const out = join(root, 'bench', '.work', 'baseline');
  await rm(out, { recursive: true, force: true });
  // The way a naive action is bundled: one file, every import at the top, not minified, no
  // splitting. The same bundler as dist/ (esbuild), so the ratio compares code, not tools.
  const { build } = await import('esbuild');
  const entry = join(out, 'index.mjs');
  await build({
    absWorkingDir: root,
    entryPoints: [join(root, 'bench', 'baseline', 'entry.mjs')],
    outfile: entry,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // @actions/core and friends are CommonJS and require Node's built-ins.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  return { name: 'baseline', dir: out, argv: [entry], kind: 'baseline' };
}

/** The bundles of `--compare DIR`, named `compare:<folder>`; the CLI on `--help`, as ours. */
function compareTargets(dir: string): Target[] {
  if (!existsSync(dir)) throw new Error(`--compare ${dir}: no such folder`);
  const found: Target[] = [];
  for (const name of readdirSync(dir).sort()) {
    const entry = ['index.js', 'index.mjs'].map((f) => join(dir, name, f)).find(existsSync);
    if (!entry) continue;
    const argv = (INFORMATIONAL as readonly string[]).includes(name) ? [entry, '--help'] : [entry];
    found.push({ name: `compare:${name}`, dir: join(dir, name), argv, kind: 'compared' });
  }
  if (found.length === 0) throw new Error(`--compare ${dir}: no <name>/index.js in it`);
  return found;
}

// ---------------------------------------------------------------- cold start

async function measureColdStarts(
  node: string,
  targets: Target[],
  runs: number,
): Promise<Map<string, ColdStart>> {
  const temp = await mkdtemp(join(tmpdir(), 'support-kit-bench-'));
  try {
    const env = await ignoredEventEnv(temp);
    const samples = new Map<string, number[]>(targets.map((t) => [t.name, []]));
    const stdouts = new Map<string, string>();
    const exitCodes = new Map<string, Set<number>>(targets.map((t) => [t.name, new Set()]));
    for (let round = 0; round < WARMUPS + runs; round++) {
      // Rotate the order each round so no bundle always runs first (or right after the heaviest).
      const order = targets.map((_, i) => targets[(i + round) % targets.length] as Target);
      for (const target of order) {
        const { ms, exitCode, stdout } = await timeSpawn(node, target.argv, env, temp);
        exitCodes.get(target.name)?.add(exitCode);
        stdouts.set(target.name, stdout);
        if (round >= WARMUPS) samples.get(target.name)?.push(ms);
      }
    }
    return new Map(
      targets.map((t) => {
        const s = samples.get(t.name) ?? [];
        return [
          t.name,
          {
            samples: s,
            median: quantile(s, 0.5),
            p90: quantile(s, 0.9),
            lastStdout: stdouts.get(t.name) ?? '',
            exitCodes: exitCodes.get(t.name) ?? new Set(),
          },
        ];
      }),
    );
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/** A runner's environment for an event no bundle acts on: `watch` with action `started`. */
async function ignoredEventEnv(temp: string): Promise<Record<string, string>> {
  const files = {
    GITHUB_EVENT_PATH: join(temp, 'event.json'),
    GITHUB_OUTPUT: join(temp, 'output'),
    GITHUB_STEP_SUMMARY: join(temp, 'summary.md'),
    GITHUB_ENV: join(temp, 'env'),
    GITHUB_STATE: join(temp, 'state'),
    GITHUB_PATH: join(temp, 'path'),
  };
  await writeFile(files.GITHUB_EVENT_PATH, JSON.stringify({ action: 'started' }));
  for (const [key, file] of Object.entries(files))
    if (key !== 'GITHUB_EVENT_PATH') await writeFile(file, '');
  await mkdir(join(temp, 'workspace'), { recursive: true });
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: temp,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'watch',
    GITHUB_REPOSITORY: 'acme/support',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_WORKSPACE: join(temp, 'workspace'),
    RUNNER_TEMP: temp,
    INPUT_GITHUB_TOKEN: 'unused',
    ...files,
  };
}

function timeSpawn(
  node: string,
  args: string[],
  env: Record<string, string>,
  cwd: string,
): Promise<{ ms: number; exitCode: number; stdout: string }> {
  return new Promise((resolvePromise, reject) => {
    let stdout = '';
    const start = process.hrtime.bigint();
    const child = spawn(node, args, { env, cwd, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('error', reject);
    let ms = Number.NaN;
    child.on('exit', () => (ms = Number(process.hrtime.bigint() - start) / 1e6));
    // 'close' comes after 'exit' once stdout is drained; the time was taken at 'exit'.
    child.on('close', (code) => resolvePromise({ ms, exitCode: code ?? -1, stdout }));
  });
}

/** Nearest-rank quantile. */
function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  ] as number;
}

async function jsBytes(dir: string): Promise<number> {
  let total = 0;
  for (const file of await readdir(dir)) {
    if (/\.(m|c)?js$/.test(file)) total += (await stat(join(dir, file))).size;
  }
  return total;
}

// ---------------------------------------------------------------- full event

interface FullEventRuns {
  samples: number[];
  requests: number[];
  routes: string[];
  exitCodes: number[];
}

/** The issues workflow's step on a new issue, through the API and from a checkout. */
interface FullEvent {
  api: FullEventRuns;
  checkout: FullEventRuns;
}

/** Titles of escalations that share no words a search would match. */
const PROBLEMS = [
  'Engine restarts after upgrade to 17.06 on production nodes',
  'Registry garbage collection deletes tagged layers',
  'Overlay network drops packets between hosts',
  'Certificate rotation leaves the cluster unreachable',
  'Backups fail on the Lyon site',
  'Login page hangs behind the corporate proxy',
  'Disk quota alerts fire for empty volumes',
  'Scheduler ignores node affinity rules',
  'Audit export truncates long usernames',
  'Webhook deliveries arrive twice',
];

/** The escalation preset's people, who the roster may assign. */
const TEAM = ['alice', 'bob', 'chloe', 'dan', 'emma', 'fred', 'escalation-leads', 'amy'];
const REPO_FULL = 'acme/desk';

/** An escalation as support engineers file it through the preset's form, made distinct per run. */
function escalationIssueBody(n: number): string {
  return escalationBody({
    Customer: `Globex Corporation (account ${4400 + n})`,
    Logs: `\`\`\`\ntime="2026-11-20T09:14:0${n}Z" level=error msg="auth: context deadline exceeded" component=controller\n\`\`\``,
  });
}

const CHECK_RUNS = 200;
const CHECK_GOAL_MS = 5;
const BODY_BYTES = 64 * 1024;

interface IntakeCheckTiming {
  bytes: number;
  median: number;
  p90: number;
  complete: boolean;
}

/**
 * Intake's own work on one large issue: parse the body against the escalation form and apply
 * every rule (decideIntake), in this process, as the bundle does after loading.
 */
function measureIntakeCheck(): IntakeCheckTiming {
  const files = presetFiles(root, 'escalation');
  const form = parseForm(
    '.github/ISSUE_TEMPLATE/escalation.yml',
    files['.github/ISSUE_TEMPLATE/escalation.yml'] ?? '',
  ).template;
  if (!form) throw new Error('the escalation preset form does not parse');
  const config = intakeConfigFrom(parseYaml(files['.github/support-kit/intake.yaml'] ?? ''));
  const line = (i: number) =>
    `2026-11-20T09:14:${String(i % 60).padStart(2, '0')}Z engine[812]: level=error msg="container ${i} exited (137)"`;
  const lines: string[] = [];
  const skeleton = escalationBody({ Logs: '```\n```' }).length;
  for (let i = 0; skeleton + lines.join('\n').length < BODY_BYTES - 120; i++) lines.push(line(i));
  const body = escalationBody({ Logs: `\`\`\`\n${lines.join('\n')}\n\`\`\`` });
  const issue = {
    number: 1,
    title: '[Escalation]: Engine restarts after upgrade to 17.06 on production nodes',
    body,
    author: 'customer-eng',
    authorAssociation: 'NONE',
    labels: ['escalation'],
    state: 'open' as const,
    createdAt: '2026-11-20T09:00:00Z',
    updatedAt: '2026-11-20T09:00:00Z',
  };
  const decide = () =>
    decideIntake({
      issue,
      trigger: 'opened',
      templates: [form],
      config,
      duplicates: [],
      previousComment: null,
      now: new Date('2026-11-20T09:00:00Z'),
    });
  for (let i = 0; i < 20; i++) decide();
  const samples: number[] = [];
  let complete = false;
  for (let i = 0; i < CHECK_RUNS; i++) {
    const start = process.hrtime.bigint();
    complete = decide().verdict.complete;
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return {
    bytes: Buffer.byteLength(body),
    median: quantile(samples, 0.5),
    p90: quantile(samples, 0.9),
    complete,
  };
}

/**
 * The issues workflow's one step (the root action, `action: auto`) on `issues.opened` for a new
 * S2 escalation on the escalation preset, Monday morning in Paris (dan on call): intake, on-call
 * and escalation in one process, config read through the API (no checkout), then from a checkout.
 */
async function measureFullEvent(): Promise<FullEvent | { error: string }> {
  let emulatorModule;
  try {
    emulatorModule = await import('../dev/emulator/index.js');
  } catch (error) {
    return {
      error: `cannot load the emulator (dev/emulator/index.ts): ${(error as Error).message}`,
    };
  }
  const { startEmulator, webhookPayload } = emulatorModule;
  const files = presetFiles(root, 'escalation');
  const emulator = await startEmulator({
    now: '2026-11-23T09:00:00Z',
    seed: {
      users: [...TEAM, 'support-engineer'].map((login) => ({ login })),
      repos: [{ owner: 'acme', name: 'desk', collaborators: TEAM, files }],
    },
  });
  let made = 0;
  const measure = async (workspace?: Record<string, string>): Promise<FullEventRuns> => {
    const result: FullEventRuns = { samples: [], requests: [], routes: [], exitCodes: [] };
    for (let i = 1; i <= FULL_EVENT_RUNS; i++) {
      const issue = emulator.store.createIssue(REPO_FULL, {
        // Unlike each other, so no run gives a duplicate hint: the common case.
        title: PROBLEMS[made++ % PROBLEMS.length] ?? 'Engine restarts',
        body: escalationIssueBody(i),
        labels: ['escalation'],
        user: 'support-engineer',
      });
      const payload = webhookPayload(emulator.store, 'issues', {
        repo: REPO_FULL,
        action: 'opened',
        number: issue.number,
      });
      emulator.resetRequests();
      const start = process.hrtime.bigint();
      const outcome = await runAction({
        action: 'all',
        apiUrl: emulator.url,
        repo: REPO_FULL,
        event: { name: 'issues', payload },
        inputs: { action: 'auto' },
        env: { SUPPORT_KIT_NOW: '2026-11-23T09:00:00Z' },
        ...(workspace ? { workspace } : {}),
      });
      result.samples.push(Number(process.hrtime.bigint() - start) / 1e6);
      result.requests.push(emulator.requests.length);
      result.exitCodes.push(outcome.exitCode);
      result.routes = emulator.requests.map((r) => `${r.route} → ${r.status}`);
      if (outcome.exitCode !== 0)
        log(`issues run ${i} exited ${outcome.exitCode}:\n${outcome.stdout}\n${outcome.stderr}`);
    }
    return result;
  };
  try {
    return { api: await measure(), checkout: await measure(files) };
  } finally {
    await emulator.close();
  }
}

// ---------------------------------------------------------------- results.md

interface Results {
  options: Options;
  nodeVersion: string;
  targets: Target[];
  missing: string[];
  cold: Map<string, ColdStart>;
  sizes: Map<string, number>;
  full: FullEvent | { error: string };
  check: IntakeCheckTiming;
  oncall: OncallTiming[];
  seconds: number;
}

function renderResults(r: Results): string {
  const baseline = r.cold.get('baseline');
  const baseMedian = baseline?.median ?? Number.NaN;
  const actions = r.targets.filter((t) => t.kind === 'action');
  const rows = (targets: Target[], goals: boolean): string[] =>
    targets.map((t) => {
      const c = r.cold.get(t.name);
      const size = r.sizes.get(t.name);
      const ratio = (c?.median ?? Number.NaN) / baseMedian;
      const label = LABELS[t.kind](t.name);
      const cells = [
        label,
        ms(c?.median),
        ms(c?.p90),
        t.kind === 'baseline' ? '1.00x' : `${ratio.toFixed(2)}x`,
        size === undefined ? '—' : formatBytes(size),
      ];
      if (goals)
        cells.push(
          t.kind === 'action' ? mark(ratio <= RATIO_GOAL) : '—',
          t.kind === 'action' ? mark((size ?? 0) < SIZE_GOAL_BYTES) : '—',
        );
      if (c && [...c.exitCodes].some((code) => code !== 0))
        cells[0] += ` (exit ${[...c.exitCodes].join('/')})`;
      return `| ${cells.join(' | ')} |`;
    });

  const cpu = cpus();
  const osName = readOsName();
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  const lines: string[] = [
    '# Benchmark results',
    '',
    `- Command: \`${command}\` (script run time ${r.seconds.toFixed(1)} s)`,
    `- Date: ${new Date(Date.now()).toISOString()}`,
    `- Machine: ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${osName}`,
    `- Bundles run under Node ${r.nodeVersion.replace(/^v/, '')} (\`${relative(root, node24()) || node24()}\`)`,
    '',
    '## Cold start on an ignored event',
    '',
    `Process start to exit of \`node <bundle>\` on \`watch\` (action \`started\`), which every action ignores. ` +
      `${WARMUPS} warm-ups, then ${r.options.runs} runs per bundle, interleaved across bundles. ` +
      `Ratio = bundle median / baseline median in this run. Size = the bundle folder's .js files (1 MB = 1,000,000 bytes).`,
    '',
    `| Bundle | Median | p90 | vs baseline | Size | ≤ ${RATIO_GOAL}x baseline | < 1.5 MB |`,
    '|---|---:|---:|---:|---:|:-:|:-:|',
    ...rows([...r.targets.filter((t) => t.kind === 'baseline'), ...actions], true),
    '',
  ];
  if (r.missing.length)
    lines.push(
      `Missing (not built, counted as not met): ${r.missing.map((m) => `\`dist/${m}/index.js\``).join(', ')}.`,
      '',
    );
  const info = r.targets.filter((t) => t.kind === 'informational' || t.kind === 'reference');
  if (info.length) {
    lines.push(
      'For reference, outside the goals (the CLI is not an action; bare Node is the floor no bundle can go under):',
      '',
      '| Bundle | Median | p90 | vs baseline | Size |',
      '|---|---:|---:|---:|---:|',
      ...rows(info, false),
      '',
    );
  }
  const compared = r.targets.filter((t) => t.kind === 'compared');
  if (compared.length) {
    const own = r.cold.get('compare:baseline')?.median ?? Number.NaN;
    lines.push(
      `Compared in the same rounds, for information: the bundles in \`${relative(root, r.options.compare ?? '') || r.options.compare}\` (\`--compare\`). ` +
        '"vs own baseline" divides by the median of that folder\'s `baseline/`, when it has one; "vs dist" is the difference from the same bundle in dist/.',
      '',
      '| Bundle | Median | p90 | vs baseline | vs own baseline | vs dist | Size |',
      '|---|---:|---:|---:|---:|---:|---:|',
      ...compared.map((t) => {
        const c = r.cold.get(t.name);
        const name = t.name.slice('compare:'.length);
        const ours = r.cold.get(name)?.median;
        const size = r.sizes.get(t.name);
        const delta = ours === undefined || !c ? '—' : `${(c.median - ours).toFixed(1)} ms`;
        const exit =
          c && [...c.exitCodes].some((code) => code !== 0)
            ? ` (exit ${[...c.exitCodes].join('/')})`
            : '';
        return `| ${name}${exit} | ${ms(c?.median)} | ${ms(c?.p90)} | ${((c?.median ?? Number.NaN) / baseMedian).toFixed(2)}x | ${name === 'baseline' ? '1.00x' : `${((c?.median ?? Number.NaN) / own).toFixed(2)}x`} | ${delta} | ${size === undefined ? '—' : formatBytes(size)} |`;
      }),
      '',
    );
  }
  const baselineRun = r.cold.get('baseline');
  if (baselineRun)
    lines.push(
      `Baseline stdout: \`${baselineRun.lastStdout.trim()}\`; \`dist/intake\` stdout: \`${r.cold.get('intake')?.lastStdout.trim() ?? '(not run)'}\``,
      '',
    );

  const goalMet = (requests: number[], most: number) =>
    requests.length > 0 && requests.every((n) => n <= most) ? 'met' : 'not met';
  lines.push('## One new issue through the issues workflow', '');
  if ('error' in r.full) {
    lines.push(`Not measured: ${r.full.error}.`, '');
  } else {
    const row = (how: string, f: FullEventRuns) =>
      `| ${how} | ${f.samples.length} | ${ms(quantile(f.samples, 0.5))} | ${ms(Math.min(...f.samples))} | ${ms(Math.max(...f.samples))} | ${f.requests.join(', ')} | ${f.exitCodes.join(', ')} |`;
    lines.push(
      "The issues workflow's one step (the root action, `dist/all` with `action: auto`) through the e2e harness (`runAction`) on `issues.opened` " +
        'for a new S1 escalation each run, unlike the earlier ones (no duplicate hint; no paging secret set, so nothing is paged), escalation preset, Monday 10:00 Paris (dan on call): intake, on-call assignment and escalation in one process. ' +
        "Emulator in the benchmark's process; wall time includes the harness's temp files. Before this change the same event ran three bundles in three processes and made 15 requests through the API " +
        '(intake 6, on-call 4, escalation 5: six contents reads, the issue read twice, comments listed twice, a `viewer` query).',
      '',
      '| Config read | Runs | Median | Min | Max | API requests per run | Exit codes |',
      '|---|---:|---:|---:|---:|---|---|',
      row('through the API', r.full.api),
      row('from a checkout', r.full.checkout),
      '',
      `Requests of the last run through the API: ${r.full.api.routes.map((x) => `\`${x}\``).join(', ')}.`,
      '',
      `Goal: at most 5 requests through the API: **${goalMet(r.full.api.requests, 5)}**; at most 4 from a checkout: **${goalMet(r.full.checkout.requests, 4)}**. ` +
        'Through the API the issue comes in the config query. From a checkout it comes in the duplicate search: one GraphQL query reads the issue and searches. ' +
        'What the three capabilities say on the issue (what is missing, who has it, the record of a page) is one comment with a section each: a paged S1 costs no more requests. ' +
        "Labels and the assignee stay two additive writes: the one request that sets both (`PATCH /issues/{n}`) replaces the issue's whole label and assignee sets, " +
        'and would drop a label or an assignee a person adds between the run reading the issue and writing it.',
      '',
    );
  }

  lines.push(
    '## Checking one 64 KiB issue body',
    '',
    `Intake's decision on one escalation of ${formatBytes(r.check.bytes)} (a log pasted into the Logs field): the body parsed against the escalation form and every rule of the preset applied, in-process under this script's Node (${process.version}), ${CHECK_RUNS} runs after 20 warm-ups. Verdict: ${r.check.complete ? 'complete' : 'incomplete'}.`,
    '',
    '| Median | p90 | Goal |',
    '|---:|---:|---:|',
    `| ${r.check.median.toFixed(2)} ms | ${r.check.p90.toFixed(2)} ms | < ${CHECK_GOAL_MS} ms |`,
    '',
  );

  lines.push('## Goals', '');
  const ratios = actions.map((t) => ({
    name: t.name,
    ratio: (r.cold.get(t.name)?.median ?? Number.NaN) / baseMedian,
  }));
  const slowest = ratios.reduce<{ name: string; ratio: number } | undefined>(
    (a, b) => (!a || b.ratio > a.ratio ? b : a),
    undefined,
  );
  const over = ratios.filter((x) => !(x.ratio <= RATIO_GOAL));
  const coldMet =
    over.length === 0 &&
    r.missing.filter((m) => (ACTIONS as readonly string[]).includes(m)).length === 0 &&
    actions.length > 0;
  lines.push(
    `- Cold start at most ${RATIO_GOAL}x the baseline: **${coldMet ? 'met' : 'not met'}**` +
      (actions.length === 0
        ? ' (no action bundle in dist/).'
        : coldMet
          ? ` (slowest: dist/${slowest?.name} at ${slowest?.ratio.toFixed(2)}x, ${ms(r.cold.get(slowest?.name ?? '')?.median)} vs ${ms(baseMedian)}).`
          : ` (${[...over.map((x) => `dist/${x.name} at ${x.ratio.toFixed(2)}x`), ...r.missing.filter((m) => (ACTIONS as readonly string[]).includes(m)).map((m) => `dist/${m} missing`)].join(', ')}).`),
  );
  const big = actions.filter((t) => (r.sizes.get(t.name) ?? 0) >= SIZE_GOAL_BYTES);
  const largest = actions.reduce<Target | undefined>(
    (a, b) => (!a || (r.sizes.get(b.name) ?? 0) > (r.sizes.get(a.name) ?? 0) ? b : a),
    undefined,
  );
  const sizeMet =
    big.length === 0 &&
    actions.length > 0 &&
    r.missing.filter((m) => (ACTIONS as readonly string[]).includes(m)).length === 0;
  lines.push(
    `- Every bundle under 1.5 MB: **${sizeMet ? 'met' : 'not met'}**` +
      (actions.length === 0
        ? ' (no action bundle in dist/).'
        : sizeMet
          ? ` (largest: dist/${largest?.name} at ${formatBytes(r.sizes.get(largest?.name ?? '') ?? 0)}).`
          : ` (${big.map((t) => `dist/${t.name} at ${formatBytes(r.sizes.get(t.name) ?? 0)}`).join(', ') || 'bundles missing'}).`),
  );
  lines.push(
    `- Checking a 64 KiB issue body under ${CHECK_GOAL_MS} ms: **${r.check.median < CHECK_GOAL_MS ? 'met' : 'not met'}** (median ${r.check.median.toFixed(2)} ms, p90 ${r.check.p90.toFixed(2)} ms).`,
    '',
    ...renderOncall(r.oncall),
  );
  return lines.join('\n');
}

const LABELS: Record<Target['kind'], (name: string) => string> = {
  baseline: () => '**baseline** (naive, esbuild)',
  action: (name) => `dist/${name}`,
  informational: (name) => `dist/${name} (\`--help\`)`,
  reference: () => 'bare Node (`node -e ""`)',
  compared: (name) => name,
};

function ms(value: number | undefined): string {
  return value === undefined || Number.isNaN(value) ? '—' : `${value.toFixed(1)} ms`;
}

function formatBytes(bytes: number): string {
  return bytes >= 1_000_000
    ? `${(bytes / 1_000_000).toFixed(2)} MB`
    : `${(bytes / 1000).toFixed(0)} KB`;
}

function mark(ok: boolean): string {
  return ok ? 'pass' : '**fail**';
}

function readOsName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(
      readFileSync('/etc/os-release', 'utf8'),
    )?.[1];
    return pretty ? `${pretty} (${osType()} ${release()})` : `${osType()} ${release()}`;
  } catch {
    return `${osType()} ${release()}`;
  }
}

/** The weekly report against 20,000 issues (bench/report.ts), written into its own section. */
async function benchReport(out: string): Promise<void> {
  const { measureReport, renderReportSection, writeReportSection } = await import('./report.js');
  log('weekly report: 20,000 issues in the emulator, the kit and the naive method ...');
  const section = renderReportSection(await measureReport());
  await writeReportSection(out, section);
  process.stdout.write(`\n${section}\n`);
}

async function benchBusy(out: string): Promise<void> {
  const { benchBusyDesk } = await import('./busy-desk.js');
  log('a busy desk: one hour, asked and enforced, twice 50 events and four ticks ...');
  process.stdout.write(`\n${await benchBusyDesk(out)}\n`);
}

async function benchCosts(out: string): Promise<void> {
  const { benchCost } = await import('./cost.js');
  log('Actions minutes a month, by preset (the cost model) ...');
  process.stdout.write(`\n${await benchCost(out)}\n`);
}

async function benchDupes(out: string): Promise<void> {
  const { benchDuplicates } = await import('./duplicates.js');
  log("duplicate hints on GitHub's word-matching search ...");
  process.stdout.write(`\n${await benchDuplicates(out)}\n`);
}

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
