import { formatProblem } from '../kernel/problems.js';
import { workspaceSource } from '../config/sources.js';
import { describeAction } from '../kernel/plan-describe.js';
import { cliServices, jobContext } from '../host/compose.js';
import { decideAndApply } from '../job/decide-and-apply.js';
import { labelsJob } from '../labels/job.js';
import { LABELS_HELP } from './help.js';
import { parseRepo } from './repo.js';
import {
  cliClock,
  commandOf,
  EXIT,
  type Io,
  parseGroupArgs,
  UsageError,
  DEFAULT_CONFIG,
  namedConfig,
  requireToken,
} from './usage.js';

const COMMANDS = ['plan', 'apply', 'check'] as const;

export async function labelsCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseGroupArgs(
    argv,
    {
      repo: { type: 'string' },
      config: { type: 'string', default: DEFAULT_CONFIG },
      'dry-run': { type: 'boolean' },
      'allow-mass-delete': { type: 'boolean' },
      json: { type: 'boolean' },
    },
    true,
  );
  if (values.help) {
    io.out(LABELS_HELP);
    return EXIT.ok;
  }
  const command = commandOf(positionals, COMMANDS);
  if (!values.repo) throw new UsageError('--repo owner/name is required');
  const repo = parseRepo(values.repo);
  const now = cliClock();
  namedConfig(values.config, DEFAULT_CONFIG);
  requireToken();
  const services = await cliServices(repo, (m) => io.err(m));
  const inputs: Record<string, string> = {
    mode: command === 'check' ? 'check' : 'apply',
    'allow-mass-delete': values['allow-mass-delete'] ? 'true' : 'false',
  };
  const run = await decideAndApply(
    labelsJob,
    jobContext(services, {
      capability: 'labels',
      event: { name: 'workflow_dispatch', payload: {} },
      repo,
      source: workspaceSource(process.cwd(), values.config),
      input: (name) => inputs[name] ?? '',
      now,
      log: () => undefined,
    }),
    { dryRun: command === 'plan' || values['dry-run'] === true },
  );

  if (values.json) {
    io.out(
      JSON.stringify(
        {
          plans: run.plans.map((p) => ({
            ...p.plan,
            results: p.rows.map((r) => ({ status: r.status, detail: r.detail })),
          })),
          problems: run.problems,
          failures: run.failures,
        },
        null,
        2,
      ),
    );
  } else {
    for (const p of run.problems) io.out(formatProblem(p));
    for (const { plan, rows } of run.plans) {
      const writes = rows.filter((r) => r.operation.kind !== 'keep-label');
      io.out(
        `${plan.repo.owner}/${plan.repo.repo}: ${writes.length} change(s), ${rows.length - writes.length} label(s) kept`,
      );
      for (const row of rows) {
        if (row.operation.kind === 'keep-label' && row.operation.reason === 'already in sync')
          continue;
        const name = 'name' in row.operation ? `"${row.operation.name}"` : '';
        io.out(
          `  ${row.status.padEnd(9)} ${name} ${describeAction(row.operation)}: ${row.operation.reason}${row.status === 'failed' ? ` (${row.detail})` : ''}`,
        );
      }
      for (const note of plan.notes) io.out(`  note: ${note}`);
    }
    for (const failure of run.failures) io.err(`support-kit labels: ${failure}`);
    for (const deferral of run.deferrals) io.err(`support-kit labels: ${deferral}`);
  }
  return run.failures.length > 0 ? EXIT.findings : EXIT.ok;
}
