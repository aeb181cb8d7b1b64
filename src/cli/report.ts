import { formatProblem } from '../kernel/problems.js';
import { workspaceSource } from '../config/sources.js';
import { describeAction } from '../kernel/plan-describe.js';
import { cliServices, jobContext } from '../host/compose.js';
import { decideAndApply } from '../job/decide-and-apply.js';
import { reportJob } from '../report/job.js';
import { REPORT_HELP } from './help.js';
import { parseRepo } from './repo.js';
import {
  cliClock,
  EXIT,
  type Io,
  parseGroupArgs,
  UsageError,
  DEFAULT_CONFIG,
  namedConfig,
  requireToken,
} from './usage.js';

/**
 * `support-kit report --repo o/a[,o/b] [--week 2026-W47] [--dry-run] [--json]`: the weekly
 * report job as a workflow runs it, against GITHUB_API_URL with GITHUB_TOKEN. The report issue
 * goes to the first repository; all of them feed it. Prints the markdown, or the metrics.
 */
export async function reportCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseGroupArgs(
    argv,
    {
      repo: { type: 'string' },
      week: { type: 'string' },
      config: { type: 'string', default: DEFAULT_CONFIG },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
    },
    true,
  );
  if (values.help) {
    io.out(REPORT_HELP);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected "${positionals.join(' ')}"`);
  if (!values.repo) throw new UsageError('--repo owner/name is required');
  const repos = values.repo.split(',').map((r) => parseRepo(r.trim()));
  const home = repos[0];
  if (!home) throw new UsageError('--repo owner/name is required');
  if (values.week !== undefined && !/^\d{4}-W\d{2}$/.test(values.week))
    throw new UsageError(`--week must be an ISO week such as 2026-W47, not "${values.week}"`);

  namedConfig(values.config, DEFAULT_CONFIG);
  requireToken();
  const services = await cliServices(home, (m) => io.err(m));
  const now = cliClock();
  const inputs: Record<string, string> = {
    week: values.week ?? '',
    repositories: repos.map((r) => `${r.owner}/${r.repo}`).join(','),
  };
  const run = await decideAndApply(
    reportJob,
    jobContext(services, {
      capability: 'report',
      event: { name: 'workflow_dispatch', payload: {} },
      repo: home,
      source: workspaceSource(process.cwd(), values.config),
      input: (name) => inputs[name] ?? '',
      now,
      log: () => undefined,
    }),
    { dryRun: values['dry-run'] === true },
  );

  for (const p of run.problems) io.err(formatProblem(p));
  if (values.json) io.out(run.outcome.outputs?.metrics ?? '{}');
  else if (run.outcome.summary) io.out(run.outcome.summary);
  for (const { rows } of run.plans) {
    for (const row of rows)
      io.err(
        `${row.status}: ${describeAction(row.operation)}: ${row.operation.reason}${row.detail ? ` (${row.detail})` : ''}`,
      );
  }
  for (const failure of run.failures) io.err(`support-kit report: ${failure}`);
  for (const deferral of run.deferrals) io.err(`support-kit report: ${deferral}`);
  return run.failures.length > 0 ? EXIT.findings : EXIT.ok;
}
