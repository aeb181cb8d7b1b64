import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { escalationFrom } from '../../src/escalate/config/escalation.js';
// Types only: the harness is loaded on demand, so the other CLI groups never pay for it.
import type { Run, Scenario } from '../harness/scenario.js';
import { storyFor } from './stories.js';
import { type Moment, OLD_ISSUE, reportTime, setTheScene, STORY_START, storyOf } from './steps.js';
import { DEMO_HELP } from '../help.js';
import { EXIT, type Io, parseGroupArgs, UsageError } from '../../src/cli/usage.js';

/**
 * A week of a support desk played against the emulator through the committed bundles, the way
 * the kit's workflows run them, on a frozen clock that moves from moment to moment; told the way
 * a support lead would want to read it: what people did, what the kit did and what they saw.
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
    { Scenario, REPO, runsIn },
    { projectRoot, node24 },
    { formBody },
    { reportAndEscalation },
    told,
  ] = await Promise.all([
    import('../harness/scenario.js'),
    import('../harness/run-action.js'),
    import('../fixtures/forms.js'),
    import('../harness/invariants.js'),
    import('../harness/told.js'),
  ]);
  return {
    Scenario,
    REPO,
    runsIn,
    projectRoot,
    node24,
    formBody,
    reportAndEscalation,
    takeTold: told.takeTold,
  };
}

type Tools = Awaited<ReturnType<typeof loadTools>>;

async function playStory(preset: string, keep: boolean, tools: Tools, io: Io): Promise<number> {
  // The issues of the story are written on the preset's own form.
  const story = storyFor(preset);
  const desk = await tools.Scenario.start({
    preset,
    now: STORY_START,
    team: [...new Set(['amy', ...story.team])],
  });
  try {
    await tellSetting(io, preset, desk.files, tools.node24());
    setTheScene(desk, tools.REPO, story.team[0] ?? 'amy');
    let requests = 0;
    // A demo that prints a failure and exits 0 would hide a broken bundle from whoever runs it.
    const unexpected: string[] = [];
    const moments = storyOf(story, desk.files, tools.formBody);
    for (const moment of moments) {
      const runs = await playMoment(desk, moment, tools, io);
      requests += runs.reduce((sum, run) => sum + run.requests.length, 0);
      const failed = runs.find((run) => run.exitCode !== 0);
      if (Boolean(failed) !== (moment.fails ?? false))
        unexpected.push(
          `${moment.title(desk)}: ${failed ? `a run exited ${failed.exitCode}: ${lastLine(failed.stderr || failed.stdout)}` : 'every run passed, and the story needs a failed check'}`,
        );
    }
    tellEnd(io, desk, { moments: moments.length, requests });

    const report = await playWeeklyReport(
      desk,
      reportTime(desk.files, moments.at(-1)?.at ?? STORY_START),
      tools,
      io,
    );
    if (report) unexpected.push(report);
    if (keep) await keepServing(desk.emulator.url, io);
    if (unexpected.length > 0) {
      io.err(`support-kit demo: ${unexpected.length} moment(s) did not end as the story needs:`);
      for (const line of unexpected) io.err(`  ${line}`);
      return EXIT.findings;
    }
    return EXIT.ok;
  } finally {
    await desk.close();
  }
}

/** One moment at its instant: what people did, then each workflow run and what it showed them. */
async function playMoment(desk: Scenario, moment: Moment, tools: Tools, io: Io): Promise<Run[]> {
  desk.at(moment.at);
  tools.takeTold();
  const played = await moment.play(desk);
  io.out('');
  io.out(moment.title(desk));
  for (const line of tools.takeTold()) io.out(`  ${line}`);
  return tools.runsIn(played);
}

/** What the story is played on: the preset, the emulator, the runtime of the bundles. */
async function tellSetting(
  io: Io,
  preset: string,
  files: Record<string, string>,
  node: string,
): Promise<void> {
  io.out(`support-kit demo: a week of a support desk, played against the GitHub emulator`);
  io.out(
    `  preset      ${preset} (config/presets/${preset}: ${Object.keys(files)
      .map((f) => f.split('/').pop())
      .join(', ')})`,
  );
  io.out(`  repository  acme/desk, its clock moved from moment to moment (2026-W44)`);
  io.out(
    `  runtime     the committed bundles in dist/, as the kit's workflows run them, under ${await nodeMajor(node)}`,
  );
}

function tellEnd(
  io: Io,
  desk: Scenario,
  { moments, requests }: { moments: number; requests: number },
): void {
  io.out('');
  io.out(`Done: ${moments} moments, ${requests} API requests in all.`);
  const old = desk.labelsOf(OLD_ISSUE);
  io.out(
    `#${OLD_ISSUE}, opened in October with sev1, now carries: ${old.join(', ')} (the rename kept it on the issue).`,
  );
}

/** The end of the story: the report workflow on its Monday cron opens the week's report issue. */
async function playWeeklyReport(
  desk: Scenario,
  when: { at: string; told: string },
  tools: Tools,
  io: Io,
): Promise<string | undefined> {
  desk.at(when.at);
  const report = await desk.report();
  tools.takeTold();
  const weekly = desk.issuesLabelled('support-kit/report').at(-1);
  io.out('');
  io.out(
    `${when.told}: the report workflow's Monday run (${report.requests.length} API requests) opens #${weekly?.number ?? '?'} "${weekly?.title ?? ''}":`,
  );
  for (const line of (weekly?.body ?? '')
    .trimEnd()
    .split('\n')
    .filter((l) => !l.startsWith('<!--')))
    io.out(line ? `  │ ${line}` : '  │');
  const failed =
    report.exitCode === 0
      ? undefined
      : `the weekly report exited ${report.exitCode}: ${lastLine(report.stderr || report.stdout)}`;
  // One clock: every breach the report lists is an issue escalation escalated, on the same goal,
  // when escalation.yaml has steps (else report.yaml's goals judge, and nothing escalates).
  if (!escalates(desk.files)) return failed;
  const { breached, escalated } = tools.reportAndEscalation(desk.store, tools.REPO);
  const agree = breached.join(', ') === escalated.join(', ');
  io.out(
    `Breached in the report: ${breached.join(', ') || 'none'}; escalated: ${escalated.join(', ') || 'none'}${agree ? ' (the same goals, the same verdicts)' : ''}.`,
  );
  return agree ? failed : 'the weekly report and escalation disagree on which issues were late';
}

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
 * The preset's scenario week (test/e2e/scenario-<preset>.test.ts): every moment of the week played
 * through the bundles against the emulator with a frozen clock, told by week-reporter.ts as what
 * people saw, each one checked. It needs the checkout's dev dependencies (vitest).
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
    const reporter = join(root, 'dev', 'demo', 'week-reporter.ts');
    const child = spawn(
      process.execPath,
      [vitest, 'run', file, '--project', 'e2e', '--reporter', reporter],
      { cwd: root, stdio: 'inherit' },
    );
    child.on('exit', (code) => resolve(code === 0 ? EXIT.ok : EXIT.findings));
  });
}

/** The runtime's major version: the minor one changes with the machine, the story does not. */
async function nodeMajor(binary: string): Promise<string> {
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) =>
    execFile(binary, ['--version'], (_e, out) =>
      resolve(`Node ${/^v(\d+)/.exec(String(out).trim())?.[1] ?? '?'}`),
    ),
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
