import type { ConfigProblem } from '../kernel/problems.js';
import { hasErrors, sortProblems } from '../kernel/problems.js';
import type { Plan } from '../kernel/plan.js';
import type { SummaryRow } from '../kernel/summary.js';
import { applyPlan, deferralNote, type IssueRegistry } from '../github/apply.js';
import type { CommentBatch } from '../github/comment-batch.js';
import type { RateLimitDeferred } from '../github/budget.js';
import { sameRepo } from '../github/gateway.js';
import type { Job, JobContext, JobOutcome } from './contract.js';

interface PlanRun {
  plan: Plan;
  rows: SummaryRow[];
  /** Why some of it waits for the next run: "rate limited until 14:05 UTC; 3 operations left ...". */
  deferred?: string;
}

/** A job's decisions and what became of them: the same for the action and the CLI. */
export interface JobRun {
  outcome: JobOutcome;
  problems: ConfigProblem[];
  plans: PlanRun[];
  /** Every reason the run fails, in words: config errors, refused writes, drift, a held brake. */
  failures: string[];
  /** What was left for the next run because GitHub rate-limited this one: not a failure. */
  deferrals: string[];
}

/**
 * Decide, then apply each plan to its own repository. Nothing is applied when the config has
 * errors (acting on half-valid config could undo a team's setup), unless the job made its plan
 * for exactly that case (validate's comment). Preview plans are shown, never applied.
 */
export async function decideAndApply(
  job: Job,
  context: JobContext,
  options: { dryRun: boolean; batch?: CommentBatch },
): Promise<JobRun> {
  const outcome = await job(context);
  const problems = sortProblems([...outcome.config.problems, ...(outcome.problems ?? [])]);
  const failures: string[] = [];
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (errors > 0) failures.push(`${errors} config error(s)`);
  const blocked = hasErrors(problems) && outcome.safeWithConfigErrors !== true;

  const plans: PlanRun[] = [];
  // Once GitHub asks for a longer wait than a run sits out, the later plans wait for the next run.
  let limited: RateLimitDeferred | undefined;
  // What the run's plans opened, for a later plan that links to it (`/escalate`'s issue).
  const issues: IssueRegistry = new Map();
  for (const plan of outcome.plans) {
    if (blocked) {
      plans.push({
        plan,
        rows: plan.operations.map((operation) => ({
          operation,
          status: 'not run',
          detail: 'config has errors',
        })),
      });
      continue;
    }
    const gateway =
      outcome.gateways?.find((g) => sameRepo(g.repo, plan.repo)) ??
      context.gateway.forRepo(plan.repo);
    const applied = await applyPlan(plan, gateway, {
      dryRun: options.dryRun || plan.preview === true,
      log: context.log,
      notifier: context.notifier,
      ...(limited ? { limited } : {}),
      ...(options.batch ? { batch: options.batch } : {}),
      issues,
    });
    for (const failure of applied.failures)
      failures.push(`${plan.repo.owner}/${plan.repo.repo}: ${failure.detail}`);
    limited = applied.limited;
    const deferred = limited && deferralNote(limited, applied.results);
    plans.push({ plan, rows: applied.results, ...(deferred ? { deferred } : {}) });
  }
  failures.push(...(outcome.failures ?? []));
  const deferrals = plans.flatMap((p) =>
    p.deferred ? [`${p.plan.repo.owner}/${p.plan.repo.repo}: ${p.deferred}`] : [],
  );
  return { outcome, problems, plans, failures, deferrals };
}
