import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { workflowTokenGrant } from './workflow-token.js';

/**
 * Runs a committed bundle (`dist/<name>/index.js`) the way a GitHub runner does: a child
 * process under Node 24 with the runner's environment, event payload and command files.
 */
export interface RunActionOptions {
  /** The bundle folder under dist/: intake, labels, oncall, report, escalate, validate or all. */
  action: string;
  apiUrl: string;
  repo: string;
  event: { name: string; payload: object };
  /** Inputs by their action.yml names (`github-token`, `dry-run`); unset ones take the defaults below. */
  inputs?: Record<string, string>;
  /** Files to lay out in GITHUB_WORKSPACE, as a checkout step would; omit for a run without checkout. */
  workspace?: Record<string, string>;
  env?: Record<string, string>;
  /**
   * The event was caused by an App's token, which starts workflow runs. Without it, an event the
   * workflow token caused (sender `github-actions[bot]`) is refused: GitHub starts no run for it.
   */
  causedByApp?: boolean;
}

/** Events a token's writes cause; schedule and workflow_dispatch are started another way. */
const CAUSED_BY_WRITES = new Set(['issues', 'issue_comment', 'pull_request', 'push', 'label']);

/**
 * "When you use the repository's GITHUB_TOKEN to perform tasks, events triggered by the
 * GITHUB_TOKEN ... will not create a new workflow run" (docs.github.com, Actions, "Triggering a
 * workflow from a workflow"). A test that delivers such an event tests a run that never happens.
 */
function refuseTokenCausedEvent(options: RunActionOptions): void {
  const sender = (options.event.payload as { sender?: { login?: string } }).sender?.login;
  if (!CAUSED_BY_WRITES.has(options.event.name) || sender !== 'github-actions[bot]') return;
  if (options.causedByApp) return;
  throw new Error(
    `${options.event.name} sent by github-actions[bot]: GitHub starts no workflow run for an event the workflow token caused (say causedByApp if an App's token caused it)`,
  );
}

interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  file?: string;
  line?: number;
  col?: number;
}

export interface ActionRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  annotations: Annotation[];
}

const DEFAULT_INPUTS: Record<string, string> = {
  'config-path': '.github/support-kit',
  'dry-run': 'false',
};

export function projectRoot(): string {
  // From test/e2e/harness (sources) or dist/cli (the bundled CLI), walk up to our package.json.
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'support-kit')
      return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the support-kit project root');
    dir = parent;
  }
}

/** Node 24, the runtime GitHub runs `node24` actions on: the `node` npm package's binary. */
export function node24(): string {
  const fromPackage = join(projectRoot(), 'node_modules', 'node', 'bin', 'node');
  if (process.env.SUPPORT_KIT_NODE) return process.env.SUPPORT_KIT_NODE;
  if (existsSync(fromPackage)) return fromPackage;
  if (process.versions.node.startsWith('24.')) return process.execPath;
  throw new Error(
    'Node 24 not found: run npm ci (it installs the node@24 package) or set SUPPORT_KIT_NODE',
  );
}

/**
 * The lowest Node the package supports (package.json engines): the node@22 package, installed
 * as `node22` by npm ci, for the installed-package test.
 */
export function lowestNode(): string {
  const fromPackage = join(projectRoot(), 'node_modules', 'node22', 'bin', 'node');
  if (existsSync(fromPackage)) return fromPackage;
  throw new Error('Node 22 not found: run npm ci (it installs the node@22 package as node22)');
}

export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  refuseTokenCausedEvent(options);
  const temp = await mkdtemp(join(tmpdir(), 'support-kit-run-'));
  try {
    const files = {
      event: join(temp, 'event.json'),
      output: join(temp, 'output'),
      summary: join(temp, 'summary.md'),
      env: join(temp, 'env'),
      state: join(temp, 'state'),
      path: join(temp, 'path'),
    };
    const workspace = join(temp, 'workspace');
    const runnerTemp = join(temp, 'runner-temp');
    await mkdir(workspace, { recursive: true });
    await mkdir(runnerTemp, { recursive: true });
    for (const [path, content] of Object.entries(options.workspace ?? {})) {
      const target = resolve(workspace, path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, content);
    }
    await writeFile(files.event, JSON.stringify(options.event.payload));
    for (const f of [files.output, files.summary, files.env, files.state, files.path])
      await writeFile(f, '');

    const inputs = {
      ...DEFAULT_INPUTS,
      'github-token': await runToken(options),
      ...options.inputs,
    };
    const [owner] = options.repo.split('/');
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: temp,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_ACTION: 'support-kit',
      GITHUB_ACTOR: 'octocat',
      GITHUB_API_URL: options.apiUrl,
      GITHUB_GRAPHQL_URL: `${options.apiUrl}/graphql`,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_EVENT_NAME: options.event.name,
      GITHUB_EVENT_PATH: files.event,
      GITHUB_REPOSITORY: options.repo,
      GITHUB_REPOSITORY_OWNER: owner ?? '',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_RUN_ID: '1',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_WORKFLOW: 'support-kit',
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_ENV: files.env,
      GITHUB_STATE: files.state,
      GITHUB_PATH: files.path,
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: runnerTemp,
      RUNNER_OS: 'Linux',
      RUNNER_ARCH: 'X64',
      // The emulator needs no pacing between writes; GitHub does (see src/github/client.ts).
      SUPPORT_KIT_WRITE_INTERVAL_MS: '0',
      // Retries as GitHub's client makes them, in hundredths of the time: a lasting fault costs a
      // test a tenth of a second, not fourteen.
      SUPPORT_KIT_RETRY_UNIT_MS: '10',
      ...Object.fromEntries(
        Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v]),
      ),
      ...options.env,
    };
    const bundle = join(projectRoot(), 'dist', options.action, 'index.js');
    const { exitCode, stdout, stderr } = await runNode([bundle], { env, cwd: workspace });
    return {
      exitCode,
      stdout,
      stderr,
      outputs: parseCommandFile(await readFile(files.output, 'utf8')),
      summary: await readFile(files.summary, 'utf8'),
      annotations: parseAnnotations(stdout),
    };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/**
 * Run a script under Node 24 (or `node`) and collect what it printed. The child gets only the environment
 * given, plus this process's temp folder (TMPDIR), so that whatever it leaves there (the tsx
 * cache of the demo, say) lands where the test run looks for leftovers (test/tmp-guard.ts).
 */
export function runNode(
  args: string[],
  options: { env: Record<string, string>; cwd: string; node?: string },
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(options.node ?? node24(), args, {
      env: {
        TMPDIR: tmpdir(),
        // The test run's compile cache for Node 24 (test/tmp-guard.ts), when there is one.
        ...(process.env.SUPPORT_KIT_TEST_COMPILE_CACHE
          ? { NODE_COMPILE_CACHE: process.env.SUPPORT_KIT_TEST_COMPILE_CACHE }
          : {}),
        ...options.env,
      },
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ exitCode: code ?? -1, stdout, stderr }));
  });
}

let runs = 0;

/**
 * A fresh workflow token for the run, registered with the emulator with the permissions the
 * caller workflow grants (workflow-token.ts); GitHub refuses what they do not allow.
 */
async function runToken(options: RunActionOptions): Promise<string> {
  runs += 1;
  const token = `ghs_run${process.pid}x${runs}`;
  const grant = workflowTokenGrant(
    projectRoot(),
    options.action,
    options.event,
    options.repo,
    options.inputs,
  );
  const res = await fetch(`${options.apiUrl}/_emulator/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, grant }),
  });
  if (res.status !== 201)
    throw new Error(`the emulator refused the run's token: ${await res.text()}`);
  return token;
}

/** `name<<DELIMITER\nvalue\nDELIMITER` blocks, as @actions/core writes GITHUB_OUTPUT. */
function parseCommandFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const body: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) body.push(lines[i] ?? '');
      values[name ?? ''] = body.join('\n');
    } else if (line.includes('=')) {
      values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return values;
}

/** Workflow commands such as `::error file=a.yaml,line=3,col=5,title=t::message`. */
function parseAnnotations(stdout: string): Annotation[] {
  const found: Annotation[] = [];
  for (const match of stdout.matchAll(/^::(error|warning|notice)(?: ([^:]*))?::(.*)$/gm)) {
    const props = Object.fromEntries(
      (match[2] ?? '')
        .split(',')
        .filter(Boolean)
        .map((kv) => [
          kv.slice(0, kv.indexOf('=')),
          unescapeProperty(kv.slice(kv.indexOf('=') + 1)),
        ]),
    );
    found.push({
      level: match[1] as Annotation['level'],
      message: unescapeData(match[3] ?? ''),
      ...(props.file ? { file: props.file } : {}),
      ...(props.line ? { line: Number(props.line) } : {}),
      ...(props.col ? { col: Number(props.col) } : {}),
    });
  }
  return found;
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(s: string): string {
  return unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');
}
