import * as core from '@actions/core';
import { readClock } from './clock.js';
import { type ConfigProblem, formatProblem } from '../kernel/problems.js';
import {
  apiSource,
  workspaceHasConfig,
  workspaceSource,
  type ConfigSource,
} from '../config/sources.js';
import type { Plan, RepoRef } from '../kernel/plan.js';
import { renderSummary } from '../kernel/summary.js';
import { describeRequestError, type Gateway } from '../github/gateway.js';
import { EVENT_BUDGET, RateLimitDeferred, SWEEP_BUDGET } from '../github/budget.js';
import { decideAndApply, type JobRun } from '../job/decide-and-apply.js';
import { createBatchedComment } from '../github/apply.js';
import { CommentBatch } from '../github/comment-batch.js';
import type { CapabilityEntries, Job, JobContext } from '../job/contract.js';
import { composeServices, jobContext } from './compose.js';
import { CALLER_FOLDER, TEMPLATE_FOLDER } from '../kernel/repo-paths.js';
import type { RunnerEvent } from '../kernel/event.js';
import { type Capability, describeEvent } from '../job/triggers.js';

/** Runs nobody waits on: they keep part of the hour's budget for the runs events start. */
const SWEEPS = new Set(['schedule', 'workflow_dispatch']);

interface Inputs {
  token: string;
  configPath: string;
  dryRun: boolean;
}

/**
 * A published file's content stays out of the plan output (a schedule's calendar runs to
 * hundreds of kilobytes, and GitHub caps an output at 1 MB); its name and reason stay in.
 */
const withoutFiles = (key: string, value: unknown) => (key === 'content' ? undefined : value);

/** Run the chosen capabilities for one event: decide, apply, report, in that order. */
export async function runCapabilities(
  capabilities: readonly Capability[],
  event: RunnerEvent,
  options: { routed: boolean; entries: CapabilityEntries },
): Promise<void> {
  try {
    const inputs = readInputs();
    const repo = readRepo();
    const services = await composeServices({
      token: inputs.token,
      repo,
      secrets: {
        pagerdutyRoutingKey: core.getInput('pagerduty-routing-key'),
        webhookUrl: core.getInput('slack-webhook-url'),
      },
      log: (m) => core.warning(m),
      budget: SWEEPS.has(event.name) ? SWEEP_BUDGET : EVENT_BUDGET,
    });
    const about = event.payload.issue as { number?: number; pull_request?: unknown } | undefined;
    const issue = about?.number !== undefined && !about.pull_request ? about.number : undefined;
    if (issue !== undefined) services.gateway.expectIssue(issue);
    // What the kit says on an issue event is one comment; a command's reply stays its own.
    const batch =
      issue !== undefined && event.name === 'issues'
        ? new CommentBatch(new Set([issue]), createBatchedComment)
        : undefined;
    const source = await configSource(services.gateway, inputs.configPath, event, capabilities);
    const now = clockOrFail();
    const plans: Plan[] = [];
    const summaries: (() => string)[] = [];
    let failed = false;
    for (const capability of capabilities) {
      const entry = options.entries[capability];
      if (!entry) throw new Error(`this bundle does not carry the ${capability} capability`);
      const context = jobContext(services, {
        capability,
        event,
        repo,
        source,
        now,
        input: (name) => core.getInput(name),
        log: (m) => core.info(m),
      });
      const outcome = await isolated(capability, () =>
        entry.load().then((job) => decideAndLog(job, context, inputs.dryRun, batch)),
      );
      if (outcome === 'deferred') break;
      if (outcome === 'failed') {
        failed = true;
        continue;
      }
      plans.push(...outcome.plans);
      summaries.push(outcome.summary);
      for (const [name, value] of Object.entries(outcome.outputs)) core.setOutput(name, value);
      failed ||= outcome.failed;
    }
    failed = (await writeBatch(batch, services.gateway)) || failed;
    // After the batch: the rows of its sections say what became of them.
    for (const summary of summaries) core.summary.addRaw(summary());
    await core.summary.write();
    // One capability with one plan gives the Plan itself; anything more gives an array of plans.
    core.setOutput(
      'plan',
      JSON.stringify(!options.routed && plans.length === 1 ? plans[0] : plans, withoutFiles),
    );
    if (failed) core.setFailed('support-kit: see the errors above and the job summary');
  } catch (error) {
    if (error instanceof RateLimitDeferred) core.warning(deferredMessage(error));
    else core.setFailed(`support-kit: ${describeRequestError(error)}`);
  }
}

/**
 * One capability's run. A failure is its own: the capabilities after it still run, as an
 * incomplete issue still needs an owner and a page. A rate limit stops them all: GitHub asked
 * for a longer wait than a run sits out, and the next run (the next event or the schedule)
 * decides it all again. Not a failed job.
 */
async function isolated<T>(
  capability: Capability,
  run: () => Promise<T>,
): Promise<T | 'failed' | 'deferred'> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof RateLimitDeferred) {
      core.warning(deferredMessage(error));
      await core.summary.addRaw(`\n> ${capability}: ${deferredMessage(error)}\n`).write();
      return 'deferred';
    }
    core.error(`support-kit ${capability}: ${describeRequestError(error)}`);
    return 'failed';
  }
}

const deferredMessage = (error: RateLimitDeferred) =>
  `support-kit: ${error.message}; nothing more was done, the next run does it`;

/** The run's one comment on its issue, from the sections its capabilities left; true on failure. */
async function writeBatch(batch: CommentBatch | undefined, gateway: Gateway): Promise<boolean> {
  if (!batch?.pending) return false;
  const { failures } = await batch.flush(gateway);
  for (const failure of failures) core.error(`support-kit: the comment on ${failure}`);
  return failures.length > 0;
}

/** Decide and apply; the summary is rendered later, once the run's comment is written. */
async function decideAndLog(
  job: Job,
  ctx: JobContext,
  dryRun: boolean,
  batch: CommentBatch | undefined,
): Promise<{
  plans: Plan[];
  outputs: Record<string, string>;
  failed: boolean;
  summary: () => string;
}> {
  const { capability } = ctx;
  core.startGroup(`support-kit ${capability} on ${describeEvent(ctx.event)}`);
  try {
    const run = await decideAndApply(job, ctx, { dryRun, ...(batch ? { batch } : {}) });
    annotate(run.problems);
    for (const failure of run.failures) core.error(`${capability}: ${failure}`);
    for (const deferral of run.deferrals) core.warning(`${capability}: ${deferral}`);
    return {
      plans: run.plans.map((p) => p.plan),
      outputs: run.outcome.outputs ?? {},
      failed: run.failures.length > 0,
      summary: () => summaryOf(run, ctx, dryRun),
    };
  } finally {
    core.endGroup();
  }
}

function summaryOf(run: JobRun, ctx: JobContext, dryRun: boolean): string {
  const config = run.outcome.config;
  const parts = run.plans.map(({ plan, rows, deferred }, index) =>
    renderSummary({
      capability: ctx.capability,
      event: describeEvent(ctx.event),
      repo: `${plan.repo.owner}/${plan.repo.repo}`,
      configSource: config.source,
      files: config.files.map((f) => ({ path: f.path, schemaChecked: f.schemaChecked })),
      problems: index === 0 ? run.problems : [],
      dryRun,
      preview: plan.preview === true,
      rows,
      notes: plan.notes,
      ...(deferred ? { deferred } : {}),
    }),
  );
  if (run.outcome.summary) parts.push(`\n${run.outcome.summary}\n`);
  return parts.join('');
}

/** Each problem becomes an annotation on its line, so a pull request shows it in the diff. */
const annotated = new Set<string>();

/** Once per run: with several capabilities reading one file, a problem is still one annotation. */
function annotate(problems: readonly ConfigProblem[]): void {
  for (const p of problems) {
    const key = formatProblem(p);
    if (annotated.has(key)) continue;
    annotated.add(key);
    const props = {
      title: 'support-kit config',
      file: p.file,
      startLine: p.line,
      startColumn: p.column,
    };
    if (p.severity === 'error') core.error(p.message, props);
    else core.warning(p.message, props);
    core.info(formatProblem(p));
  }
}

function readInputs(): Inputs {
  const token = core.getInput('github-token');
  if (!token)
    throw new Error(
      'the github-token input is empty; pass ${{ github.token }} or a token with issues: write',
    );
  const dryRun = core.getInput('dry-run') || 'false';
  if (!['true', 'false'].includes(dryRun))
    throw new Error(`the dry-run input must be true or false, not "${dryRun}"`);
  return {
    token,
    configPath: core.getInput('config-path') || '.github/support-kit',
    dryRun: dryRun === 'true',
  };
}

function readRepo(): RepoRef {
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) throw new Error('GITHUB_REPOSITORY is not set to owner/name');
  return { owner, repo };
}

/**
 * Config comes from the checkout when there is one; otherwise through the contents API at
 * the commit the event is about, so an action needs no checkout step.
 */
async function configSource(
  gateway: Gateway,
  configPath: string,
  event: RunnerEvent,
  capabilities: readonly Capability[],
): Promise<ConfigSource> {
  const workspace = process.env.GITHUB_WORKSPACE;
  if (workspace && (await workspaceHasConfig(workspace, configPath)))
    return workspaceSource(workspace, configPath);
  // Intake checks issues against the issue forms, validate checks the forms and the committed
  // schedule and report callers: they come in the config's one request.
  const alongside = [
    ...(capabilities.some((c) => c === 'intake' || c === 'validate') ? [TEMPLATE_FOLDER] : []),
    ...(capabilities.includes('validate') ? [CALLER_FOLDER] : []),
  ];
  return apiSource(gateway, configPath, eventRef(event), alongside);
}

function eventRef(event: RunnerEvent): string | undefined {
  const pr = event.payload.pull_request as { head?: { sha?: string } } | undefined;
  const onPull = event.name === 'pull_request' || event.name === 'pull_request_review';
  if (onPull && pr?.head?.sha) return pr.head.sha;
  if (event.name === 'push' && typeof event.payload.after === 'string') return event.payload.after;
  return process.env.GITHUB_SHA || undefined;
}

/** A clock the run cannot read is a failed run, before anything is decided. */
function clockOrFail(): Date {
  const now = readClock();
  if ('invalid' in now) throw new Error(now.invalid);
  return now;
}
