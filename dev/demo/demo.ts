import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describeAction, describeTarget } from '../../src/kernel/plan-describe.js';
import type { Plan } from '../../src/kernel/plan.js';
// Types only: the emulator itself is loaded on demand, so the other CLI groups never pay for it.
import type { Store, webhookPayload as webhookPayloadType } from '../emulator/index.js';
import { storyFor } from './stories.js';
import { DEMO_HELP } from '../help.js';
import { EXIT, type Io, parseGroupArgs, UsageError } from '../../src/cli/usage.js';

/**
 * A short support story played against the emulator through the committed bundles, told the
 * way a support lead would want to read it: what happened, what the kit did, what it cost.
 */

const OWNER = 'acme';
const NAME = 'escalations';
const REPO = `${OWNER}/${NAME}`;
const CONFIG = '.github/support-kit';

interface Step {
  title: string;
  action: string;
  event: { name: string; payload: object };
  inputs?: Record<string, string>;
  /** The runner's clock for this run (SUPPORT_KIT_NOW), for steps told at a given hour. */
  env?: Record<string, string>;
  /** Runs before the event: a person's edit, a new issue. */
  before?: () => void;
  /** Built after `before` ran, for events about an issue `before` creates. */
  lazyEvent?: () => { name: string; payload: object };
  /** The story wants this run to fail (a check that catches a broken config). */
  fails?: true;
}

export async function demoCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseGroupArgs(
    argv,
    {
      preset: { type: 'string', default: 'escalation' },
      keep: { type: 'boolean' },
      week: { type: 'boolean' },
    },
    DEMO_HELP,
  );
  if (values.help) {
    io.out(DEMO_HELP);
    return EXIT.ok;
  }

  const [
    { startEmulator, webhookPayload },
    { runAction, projectRoot, node24 },
    { presetFiles },
    { formBody },
  ] = await Promise.all([
    import('../emulator/index.js'),
    import('../harness/run-action.js'),
    import('../fixtures/escalation.js'),
    import('../fixtures/forms.js'),
  ]);
  const presets = join(projectRoot(), 'config', 'presets');
  if (!(await readdir(presets)).includes(values.preset)) {
    throw new UsageError(
      `unknown preset "${values.preset}"; presets: ${(await readdir(presets)).join(', ')}`,
      DEMO_HELP,
    );
  }
  if (values.week) return playWeek(values.preset, projectRoot(), io);
  const files = presetFiles(projectRoot(), values.preset);
  // The issues of the story are written on the preset's own form.
  const story = storyFor(values.preset);

  const emulator = await startEmulator({
    now: '2026-11-23T08:12:00Z',
    seed: {
      users: [
        { login: 'customer-eng', name: 'Customer engineering' },
        { login: 'amy', name: 'Amy (SFO)' },
        { login: 'luc', name: 'Luc (Paris)' },
        { login: 'ivy', name: 'Ivy (Cambridge)' },
      ],
      repos: [
        {
          owner: OWNER,
          name: NAME,
          // The desk's leads, and the on-call engineers of the preset's roster (SFO, Paris, Cambridge).
          collaborators: [
            'amy',
            'luc',
            'ivy',
            'alice',
            'bob',
            'chloe',
            'dan',
            'emma',
            'fred',
            'escalation-leads',
            ...story.team,
          ],
          files,
        },
      ],
    },
  });

  try {
    io.out(`support-kit demo: a short support story against the GitHub emulator`);
    io.out(
      `  preset      ${values.preset} (config/presets/${values.preset}: ${Object.keys(files)
        .map((f) => f.split('/').pop())
        .join(', ')})`,
    );
    io.out(`  repository  ${REPO} on ${emulator.url}`);
    io.out(`  runtime     the committed bundles in dist/ under ${await nodeVersion(node24())}`);

    const store = emulator.store;
    const issue = store.createIssue(REPO, {
      title: story.complete.title,
      body: formBody(story.complete.answers),
      user: 'customer-eng',
      labels: story.complete.labels,
    });
    const sparseBody = formBody(story.sparse.answers);
    const sparse = store.createIssue(REPO, {
      title: story.sparse.title,
      body: sparseBody,
      user: 'customer-eng',
      labels: story.sparse.labels,
    });
    const sparseFixed = formBody({ ...story.sparse.answers, ...story.fix.answers });

    // A preset without labels.yaml (a roster only) starts the list the story appends to.
    const labels = files[`${CONFIG}/labels.yaml`] ?? 'labels:\n';
    // The repository starts with GitHub's default labels, one of them under an old name.
    for (const name of [
      'bug',
      'documentation',
      'duplicate',
      'enhancement',
      'invalid',
      'question',
      'sev1',
    ]) {
      store.createLabel(REPO, { name, color: 'ededed' });
    }
    store.addLabels(REPO, issue.number, ['sev1']);
    const teamLabels = `${labels}\n  # Renamed: issues labelled sev1 keep their label under the new name.\n  - name: S1-watchlist\n    color: d93f0b\n    description: Severity 1 on a watchlist account\n    aliases: [sev1]\n`;
    const pushSha = 'c3'.repeat(20);
    store.setFile(REPO, `${CONFIG}/labels.yaml`, teamLabels, pushSha);
    // The first colour of the file loses a digit: the kind of slip a review misses.
    const broken = teamLabels.replace(/color: "?([0-9a-fA-F]{5})[0-9a-fA-F]"?/, 'color: $1');
    const pr = store.createIssue(REPO, {
      title: 'Tune the severity labels',
      user: 'amy',
      pull_request: true,
    });
    const prHead = (sha: string, text: string) => {
      if (pr.pull_request) pr.pull_request.head_sha = sha;
      store.setFile(REPO, `${CONFIG}/labels.yaml`, text, sha);
    };

    const steps: Step[] = [
      {
        title: `@amy pushes labels.yaml (the ${values.preset} preset plus a renamed sev1) to main`,
        action: 'labels',
        event: {
          name: 'push',
          payload: webhookPayload(store, 'push', {
            repo: REPO,
            after: pushSha,
            sender: 'amy',
            commits: [
              {
                id: pushSha,
                message: 'Adopt the escalation labels',
                modified: [`${CONFIG}/labels.yaml`],
              },
            ],
          }),
        },
      },
      {
        title: `@customer-eng opens #${issue.number} "${issue.title}" with every answer`,
        action: 'all',
        event: {
          name: 'issues',
          payload: webhookPayload(store, 'issues', {
            repo: REPO,
            action: 'opened',
            number: issue.number,
          }),
        },
      },
      {
        title: `@customer-eng opens #${sparse.number} "${sparse.title}": ${story.sparse.lacks}`,
        action: 'intake',
        event: {
          name: 'issues',
          payload: webhookPayload(store, 'issues', {
            repo: REPO,
            action: 'opened',
            number: sparse.number,
          }),
        },
      },
      {
        title: `@customer-eng edits #${sparse.number}: ${story.fix.adds}`,
        action: 'intake',
        before: () =>
          store.updateIssue(REPO, sparse.number, { body: sparseFixed }, { actor: 'customer-eng' }),
        event: { name: 'issues', payload: {} },
      },
      {
        title: 'someone stars the repository (an event no capability acts on)',
        action: 'intake',
        event: { name: 'watch', payload: { action: 'started' } },
      },
      {
        title: `@amy opens pull request #${pr.number} "${pr.title}" with a colour one digit short`,
        action: 'all',
        fails: true,
        before: () => prHead('a1'.repeat(20), broken),
        event: { name: 'pull_request', payload: {} },
      },
      {
        title: `@amy pushes a fix to #${pr.number} that also prunes "invalid"`,
        action: 'all',
        before: () =>
          prHead(
            'b2'.repeat(20),
            `prune: true\nexclude: [documentation, duplicate]\n${teamLabels}`,
          ),
        event: { name: 'pull_request', payload: {} },
      },
      {
        title: `the check on #${pr.number} is re-run on the same commit`,
        action: 'validate',
        event: { name: 'pull_request', payload: {} },
      },
    ];

    // The day is told in seed 000's hours and sites: it needs the follow-the-sun roster.
    if (/follow-the-sun:/.test(files[`${CONFIG}/roster.yaml`] ?? ''))
      steps.push(...followTheSunDay(store, webhookPayload));

    let total = 0;
    // A demo that prints a failure and exits 0 would hide a broken bundle from whoever runs it.
    const unexpected: string[] = [];
    for (const [index, step] of steps.entries()) {
      step.before?.();
      const event = step.lazyEvent
        ? step.lazyEvent()
        : step.event.name === 'issues' && Object.keys(step.event.payload).length === 0
          ? {
              name: 'issues',
              payload: webhookPayload(store, 'issues', {
                repo: REPO,
                action: 'edited',
                number: sparse.number,
                changes: { body: { from: sparseBody } },
              }),
            }
          : step.event.name === 'pull_request'
            ? {
                name: 'pull_request',
                payload: webhookPayload(store, 'pull_request', {
                  repo: REPO,
                  action: step.title.includes('opens pull request') ? 'opened' : 'synchronize',
                  number: pr.number,
                }),
              }
            : step.event;
      emulator.resetRequests();
      const commentsBefore = new Map(
        store
          .repo(REPO)
          .issues.map((i) => [i.number, i.comments.map((c) => c.updated_at + c.body)]),
      );
      const started = Date.now();
      const result = await runAction({
        action: step.action,
        apiUrl: emulator.url,
        repo: REPO,
        event,
        ...(step.inputs ? { inputs: step.inputs } : {}),
        ...(step.env ? { env: step.env } : {}),
      });
      const ms = Date.now() - started;
      if ((result.exitCode !== 0) !== (step.fails ?? false))
        unexpected.push(
          `step ${index + 1} (dist/${step.action}) exited ${result.exitCode}, expected ${step.fails ? 'a failure' : '0'}${result.exitCode ? `: ${lastLine(result.stderr || result.stdout)}` : ''}`,
        );
      const requests = [...emulator.requests];
      total += requests.length;
      const writes = requests.filter((r) => r.method !== 'GET').length;

      io.out('');
      io.out(`${index + 1}. ${step.title}`);
      io.out(
        `   ▸ dist/${step.action} on ${event.name}${'action' in event.payload ? `.${String((event.payload as { action: string }).action)}` : ''}: exit ${result.exitCode}${result.exitCode ? ' (the check fails)' : ''}, ${requests.length} API request(s), ${writes} write(s), ${ms} ms`,
      );
      const ignored = /nothing to do[^\n]*/.exec(result.stdout);
      if (ignored) io.out(`     ${ignored[0]}`);
      for (const a of result.annotations) {
        io.out(
          `     annotation ${a.level}${a.file ? ` ${a.file}:${a.line ?? 1}:${a.col ?? 1}` : ''}: ${a.message.split('\n')[0]}`,
        );
      }
      for (const plan of plans(result.outputs.plan)) {
        const writes = plan.operations.filter((op) => op.kind !== 'keep-label');
        const kept = plan.operations.length - writes.length;
        io.out(
          `     ${plan.capability}: ${writes.length} operation(s)${kept ? `, ${kept} label(s) left as they are` : ''}${plan.preview ? ' (preview, not applied)' : ''}${plan.notes.length ? `; ${plan.notes.join('; ')}` : ''}`,
        );
        for (const op of writes.slice(0, 6))
          io.out(`       - ${describeTarget(op)}: ${describeAction(op)} (${op.reason})`);
        if (writes.length > 6) io.out(`       - ... and ${writes.length - 6} more`);
      }
      for (const i of store.repo(REPO).issues) {
        const before = commentsBefore.get(i.number) ?? [];
        i.comments.forEach((c, n) => {
          const was = before[n];
          if (was === c.updated_at + c.body) return;
          io.out(
            `     comment on #${i.number} ${was === undefined ? 'created' : 'updated in place'} by @${c.user} (#${i.number} has ${i.comments.length} comment(s)):`,
          );
          for (const line of c.body.split('\n').filter((l) => !l.startsWith('<!--')))
            io.out(`       │ ${line}`);
        });
      }
    }

    io.out('');
    io.out(`Done: ${steps.length} events, ${total} API requests in all.`);
    const onIssue = store.issue(REPO, issue.number).labels.map((l) => l.name);
    io.out(
      `Labels on #${issue.number}: ${onIssue.join(', ')} (it had sev1; the rename kept it on the issue).`,
    );
    io.out(
      `Repository labels: ${store.repo(REPO).labels.length}; "invalid" stays until the pull request that prunes it is merged.`,
    );

    // The end of the story: the week's report issue, as a run for the week in progress opens it.
    emulator.resetRequests();
    const report = await runAction({
      action: 'report',
      apiUrl: emulator.url,
      repo: REPO,
      event: {
        name: 'workflow_dispatch',
        payload: webhookPayload(store, 'workflow_dispatch', { repo: REPO }),
      },
      inputs: { week: '2026-W48' },
      env: { SUPPORT_KIT_NOW: '2026-11-23T18:00:00Z' },
    });
    if (report.exitCode !== 0)
      unexpected.push(
        `the weekly report (dist/report) exited ${report.exitCode}: ${lastLine(report.stderr || report.stdout)}`,
      );
    const weekly = store
      .repo(REPO)
      .issues.find((i) => i.labels.some((l) => l.name === 'support-kit/report'));
    io.out('');
    io.out(
      `The weekly report: dist/report exit ${report.exitCode}, ${emulator.requests.length} API request(s); it opened #${weekly?.number ?? '?'} "${weekly?.title ?? ''}":`,
    );
    for (const line of (weekly?.body ?? '').split('\n').filter((l) => !l.startsWith('<!--')))
      io.out(`  │ ${line}`);
    if (values.keep) {
      io.out(
        `The emulator keeps running at ${emulator.url} (state at ${emulator.url}/_emulator/state). Ctrl-C to stop.`,
      );
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
    }
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

type PayloadOf = typeof webhookPayloadType;

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

/**
 * Seed 000's follow-the-sun desk through one day of a daylight-saving week: on Thursday
 * 2026-03-26 California is already on summer time and Paris is not, so 3 AM in Paris is 7 PM in
 * San Francisco, inside the declared evening gap. Each run has the clock of its hour.
 */
function followTheSunDay(store: Store, webhookPayload: PayloadOf): Step[] {
  const opened = (title: string, at: string, local: string): Step => {
    let number = 0;
    return {
      title: `${local}: @customer-eng opens "${title}" (S1)`,
      action: 'oncall',
      env: { SUPPORT_KIT_NOW: at },
      event: { name: 'issues', payload: {} },
      before: () => {
        number = store.createIssue(REPO, {
          title,
          user: 'customer-eng',
          labels: ['S1-broken'],
          created_at: at,
        }).number;
      },
      lazyEvent: () => ({
        name: 'issues',
        payload: webhookPayload(store, 'issues', { repo: REPO, action: 'opened', number }),
      }),
    };
  };
  const tick = (at: string, local: string): Step => ({
    title: `${local}: the scheduled on-call run (cron */15, a few minutes late as usual)`,
    action: 'oncall',
    env: { SUPPORT_KIT_NOW: at },
    event: { name: 'schedule', payload: { schedule: '7,22,37,52 * * * *' } },
  });
  return [
    opened(
      'Cluster unreachable after certificate rotation',
      '2026-03-26T02:00:00Z',
      'A follow-the-sun day in a DST week. 03:00 Paris (19:00 San Francisco, the evening gap)',
    ),
    tick('2026-03-26T07:07:00Z', '08:07 Paris'),
    opened('Backups fail on the Lyon site', '2026-03-26T09:30:00Z', '10:30 Paris'),
    opened('Dashboards blank for EMEA customers', '2026-03-26T13:30:00Z', '13:30 Cambridge'),
    opened('API latency doubled since 08:00', '2026-03-26T16:10:00Z', '09:10 San Francisco'),
    tick('2026-03-26T16:22:00Z', '09:22 San Francisco'),
  ];
}

type PlanView = Pick<Plan, 'capability' | 'operations' | 'notes' | 'preview'>;

function plans(output: string | undefined): PlanView[] {
  if (!output) return [];
  const parsed = JSON.parse(output) as PlanView | PlanView[];
  return Array.isArray(parsed) ? parsed : [parsed];
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
