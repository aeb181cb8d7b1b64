import { readdir } from 'node:fs/promises';
import { parse } from 'yaml';
import { escalationFrom } from '../../src/escalate/config/escalation.js';
import { join } from 'node:path';
// Types only: the emulator and harness are loaded on demand, so the other CLI groups never pay for them.
import type { Emulator, Store } from '../emulator/index.js';
import { storyFor } from './stories.js';
import { demoSeed, REPO, type Step, storySteps } from './steps.js';
import { commentVersions, tellComments, tellRun } from './tell.js';
import { DEMO_HELP } from '../help.js';
import { EXIT, type Io, parseGroupArgs, UsageError } from '../../src/cli/usage.js';

/**
 * A short support story played against the emulator through the committed bundles, told the
 * way a support lead would want to read it: what happened, what the kit did, what it cost.
 */

export async function demoCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseGroupArgs(argv, {
    preset: { type: 'string', default: 'escalation' },
    keep: { type: 'boolean' },
    week: { type: 'boolean' },
  });
  if (values.help) {
    io.out(DEMO_HELP);
    return EXIT.ok;
  }

  const tools = await loadTools();
  const presets = join(tools.projectRoot(), 'config', 'presets');
  if (!(await readdir(presets)).includes(values.preset)) {
    throw new UsageError(
      `unknown preset "${values.preset}"; presets: ${(await readdir(presets)).join(', ')}`,
    );
  }
  if (values.week) return playWeek(values.preset, tools.projectRoot(), io);
  return playStory(values.preset, values.keep === true, tools, io);
}

async function loadTools() {
  const [
    { startEmulator, webhookPayload },
    { runAction, projectRoot, node24 },
    { presetFiles },
    { formBody },
    { reportAndEscalation },
  ] = await Promise.all([
    import('../emulator/index.js'),
    import('../harness/run-action.js'),
    import('../fixtures/escalation.js'),
    import('../fixtures/forms.js'),
    import('../harness/invariants.js'),
  ]);
  return {
    startEmulator,
    webhookPayload,
    runAction,
    projectRoot,
    node24,
    presetFiles,
    formBody,
    reportAndEscalation,
  };
}

type Tools = Awaited<ReturnType<typeof loadTools>>;

async function playStory(preset: string, keep: boolean, tools: Tools, io: Io): Promise<number> {
  const files = tools.presetFiles(tools.projectRoot(), preset);
  // The issues of the story are written on the preset's own form.
  const story = storyFor(preset);
  const emulator = await tools.startEmulator({
    now: '2026-11-23T08:12:00Z',
    seed: demoSeed(story, files),
  });

  try {
    await tellSetting(io, preset, files, emulator.url, tools.node24());

    const store = emulator.store;
    const { setting, steps } = storySteps(preset, files, story, store, tools);
    let total = 0;
    // A demo that prints a failure and exits 0 would hide a broken bundle from whoever runs it.
    const unexpected: string[] = [];
    for (const [index, step] of steps.entries()) {
      const run = await playStep(step, index, emulator, tools, io);
      total += run.requests;
      if (run.unexpected) unexpected.push(run.unexpected);
    }

    tellEnd(io, store, { events: steps.length, requests: total, issue: setting.issue.number });

    const report = await playWeeklyReport(emulator, tools, io, files);
    if (report) unexpected.push(report);
    if (keep) await keepServing(emulator.url, io);
    if (unexpected.length > 0) {
      io.err(`support-kit demo: ${unexpected.length} run(s) did not end as the story needs:`);
      for (const line of unexpected) io.err(`  ${line}`);
      return EXIT.findings;
    }
    return EXIT.ok;
  } finally {
    await emulator.close();
  }
}

/** What the story is played on: the preset, the emulator, the runtime of the bundles. */
async function tellSetting(
  io: Io,
  preset: string,
  files: Record<string, string>,
  url: string,
  node: string,
): Promise<void> {
  io.out(`support-kit demo: a short support story against the GitHub emulator`);
  io.out(
    `  preset      ${preset} (config/presets/${preset}: ${Object.keys(files)
      .map((f) => f.split('/').pop())
      .join(', ')})`,
  );
  io.out(`  repository  ${REPO} on ${url}`);
  io.out(`  runtime     the committed bundles in dist/ under ${await nodeVersion(node)}`);
}

function tellEnd(
  io: Io,
  store: Store,
  { events, requests, issue }: { events: number; requests: number; issue: number },
): void {
  io.out('');
  io.out(`Done: ${events} events, ${requests} API requests in all.`);
  const onIssue = store.issue(REPO, issue).labels.map((l) => l.name);
  io.out(
    `Labels on #${issue}: ${onIssue.join(', ')} (it had sev1; the rename kept it on the issue).`,
  );
  io.out(
    `Repository labels: ${store.repo(REPO).labels.length}; GitHub's defaults the preset does not list stay until the pull request that turns prune on is merged.`,
  );
}

/** Runs one step through its bundle and tells it; says why when it did not end as the story needs. */
async function playStep(
  step: Step,
  index: number,
  emulator: Emulator,
  tools: Tools,
  io: Io,
): Promise<{ requests: number; unexpected?: string }> {
  const { store } = emulator;
  step.before?.();
  const event = typeof step.event === 'function' ? step.event() : step.event;
  emulator.resetRequests();
  const commentsBefore = commentVersions(store, REPO);
  const started = Date.now();
  const result = await tools.runAction({
    action: step.action,
    apiUrl: emulator.url,
    repo: REPO,
    event,
    ...(step.inputs ? { inputs: step.inputs } : {}),
    ...(step.env ? { env: step.env } : {}),
  });
  const ms = Date.now() - started;
  const requests = [...emulator.requests];
  tellRun(io, `${index + 1}. ${step.title}`, { action: step.action, event, result, requests, ms });
  tellComments(io, store, REPO, commentsBefore);
  if ((result.exitCode !== 0) === (step.fails ?? false)) return { requests: requests.length };
  return {
    requests: requests.length,
    unexpected: `step ${index + 1} (dist/${step.action}) exited ${result.exitCode}, expected ${step.fails ? 'a failure' : '0'}${result.exitCode ? `: ${lastLine(result.stderr || result.stdout)}` : ''}`,
  };
}

/** The end of the story: the week's report issue, as a run for the week in progress opens it. */
async function playWeeklyReport(
  emulator: Emulator,
  tools: Tools,
  io: Io,
  files: Record<string, string>,
): Promise<string | undefined> {
  const { store } = emulator;
  emulator.resetRequests();
  const report = await tools.runAction({
    action: 'report',
    apiUrl: emulator.url,
    repo: REPO,
    event: {
      name: 'workflow_dispatch',
      payload: tools.webhookPayload(store, 'workflow_dispatch', { repo: REPO }),
    },
    inputs: { week: '2026-W48' },
    env: { SUPPORT_KIT_NOW: REPORT_NOW },
  });
  const weekly = store
    .repo(REPO)
    .issues.find((i) => i.labels.some((l) => l.name === 'support-kit/report'));
  io.out('');
  io.out(
    `The weekly report: dist/report exit ${report.exitCode}, ${emulator.requests.length} API request(s); it opened #${weekly?.number ?? '?'} "${weekly?.title ?? ''}":`,
  );
  for (const line of (weekly?.body ?? '').split('\n').filter((l) => !l.startsWith('<!--')))
    io.out(`  │ ${line}`);
  // One clock: every breach the report lists is an issue escalation escalated, on the same goal,
  // when escalation.yaml has steps (else report.yaml's goals judge, and nothing escalates).
  if (!escalates(files))
    return report.exitCode === 0
      ? undefined
      : `the weekly report (dist/report) exited ${report.exitCode}: ${lastLine(report.stderr || report.stdout)}`;
  const { breached, escalated } = tools.reportAndEscalation(store, REPO, {
    from: '2026-11-23T00:00:00Z',
    to: REPORT_NOW,
  });
  const agree = breached.join(', ') === escalated.join(', ');
  io.out(
    `Breached in the report: ${breached.join(', ') || 'none'}; escalated: ${escalated.join(', ') || 'none'}${agree ? ' (the same goals, the same verdicts)' : ''}.`,
  );
  if (!agree) return 'the weekly report and escalation disagree on which issues were late';
  if (report.exitCode === 0) return undefined;
  return `the weekly report (dist/report) exited ${report.exitCode}: ${lastLine(report.stderr || report.stdout)}`;
}

/** The report runs for the week in progress, on the story's Monday evening. */
const REPORT_NOW = '2026-11-23T18:00:00Z';

/** The preset's escalation.yaml has steps: escalation acts on the clock the report judges by. */
function escalates(files: Record<string, string>): boolean {
  const text = Object.entries(files).find(([path]) => path.endsWith('/escalation.yaml'))?.[1];
  return text !== undefined && escalationFrom(parse(text)).steps.length > 0;
}

async function keepServing(url: string, io: Io): Promise<void> {
  io.out(`The emulator keeps running at ${url} (state at ${url}/_emulator/state). Ctrl-C to stop.`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

/**
 * The preset's scenario week (test/e2e/scenario-<preset>.test.ts): every step of the week played
 * through the bundles against the emulator with a frozen clock, each step's name telling what a
 * team would see, each one checked. It needs the checkout's dev dependencies (vitest).
 */
async function playWeek(preset: string, root: string, io: Io): Promise<number> {
  const { existsSync } = await import('node:fs');
  const file = `test/e2e/scenario-${preset}.test.ts`;
  const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
  if (!existsSync(join(root, file))) {
    io.err(`support-kit demo: the ${preset} preset has no scenario week (${file})`);
    return EXIT.findings;
  }
  if (!existsSync(vitest)) {
    io.err('support-kit demo: --week plays the scenario tests and needs a checkout with `npm ci`');
    return EXIT.findings;
  }
  io.out(`support-kit demo: the ${preset} preset's week, step by step (${file})`);
  const { spawn } = await import('node:child_process');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [vitest, 'run', file, '--reporter', 'verbose'], {
      cwd: root,
      stdio: 'inherit',
    });
    child.on('exit', (code) => resolve(code === 0 ? EXIT.ok : EXIT.findings));
  });
}

async function nodeVersion(binary: string): Promise<string> {
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) =>
    execFile(binary, ['--version'], (_e, out) => resolve(`Node ${String(out).trim()}`)),
  );
}

function lastLine(text: string): string {
  return (
    text
      .trim()
      .split('\n')
      .filter((l) => l.trim())
      .at(-1) ?? ''
  );
}
