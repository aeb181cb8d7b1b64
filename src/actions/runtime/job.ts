import * as core from '@actions/core';
import type { LoadedConfig } from '../../config/load.js';
import { formatProblem, hasErrors } from '../../config/problems.js';
import {
  apiSource,
  workspaceHasConfig,
  workspaceSource,
  type ConfigSource,
} from '../../config/sources.js';
import type { Plan, RepoRef } from '../../core/plan/types.js';
import { renderSummary, type SummaryRow } from '../../core/summary/render.js';
import { applyPlan } from '../../github/apply.js';
import { createOctokit } from '../../github/client.js';
import { describeRequestError, Gateway } from '../../github/gateway.js';
import { JOBS } from '../../jobs/index.js';
import type { RunnerEvent } from './event.js';
import { type Capability, describeEvent } from './triggers.js';

interface Inputs {
  token: string;
  configPath: string;
  dryRun: boolean;
}

/** Run the chosen capabilities for one event: decide, apply, report, in that order. */
export async function runJobs(
  capabilities: readonly Capability[],
  event: RunnerEvent,
  options: { routed: boolean },
): Promise<void> {
  try {
    const inputs = readInputs();
    const repo = readRepo();
    const octokit = await createOctokit({
      token: inputs.token,
      baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
      ...writePacing(),
      log: (m) => core.warning(m),
    });
    const gateway = new Gateway(octokit, repo);
    const source = await configSource(gateway, inputs.configPath, event);
    const now = new Date();
    const plans: Plan[] = [];
    let failed = false;
    for (const capability of capabilities) {
      const outcome = await runOne(capability, {
        event,
        repo,
        gateway,
        source,
        now,
        dryRun: inputs.dryRun,
      });
      plans.push(outcome.plan);
      failed ||= outcome.failed;
    }
    core.setOutput('plan', JSON.stringify(options.routed ? plans : plans[0]));
    if (failed) core.setFailed('support-kit: see the errors above and the job summary');
  } catch (error) {
    core.setFailed(`support-kit: ${describeRequestError(error)}`);
  }
}

async function runOne(
  capability: Capability,
  ctx: {
    event: RunnerEvent;
    repo: RepoRef;
    gateway: Gateway;
    source: ConfigSource;
    now: Date;
    dryRun: boolean;
  },
): Promise<{ plan: Plan; failed: boolean }> {
  core.startGroup(`support-kit ${capability} on ${describeEvent(ctx.event)}`);
  try {
    const job = await JOBS[capability]();
    const { config, plan } = await job({ capability, ...ctx, log: (m) => core.info(m) });
    annotate(config);
    const configBroken = hasErrors(config.problems);
    let rows: SummaryRow[];
    let applyFailed = false;
    if (configBroken && capability !== 'validate') {
      // Acting on half-valid config could undo a team's setup; say so and stop this capability.
      rows = plan.operations.map((operation) => ({
        operation,
        status: 'not run',
        detail: 'config has errors',
      }));
    } else {
      const applied = await applyPlan(plan, ctx.gateway, {
        dryRun: ctx.dryRun,
        log: (m) => core.info(m),
      });
      rows = applied.results;
      applyFailed = applied.failures.length > 0;
      for (const failure of applied.failures) core.error(`${capability}: ${failure.detail}`);
    }
    await core.summary
      .addRaw(
        renderSummary({
          capability,
          event: describeEvent(ctx.event),
          repo: `${ctx.repo.owner}/${ctx.repo.repo}`,
          configSource: config.source,
          files: config.files.map((f) => ({ path: f.path, schemaChecked: f.schemaChecked })),
          problems: config.problems,
          dryRun: ctx.dryRun,
          rows,
          notes: plan.notes,
        }),
      )
      .write();
    return { plan, failed: configBroken || applyFailed };
  } finally {
    core.endGroup();
  }
}

/** Each problem becomes an annotation on its line, so a pull request shows it in the diff. */
function annotate(config: LoadedConfig): void {
  for (const p of config.problems) {
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

function writePacing(): { writeIntervalMs?: number } {
  const raw = process.env.SUPPORT_KIT_WRITE_INTERVAL_MS;
  if (raw === undefined || raw === '') return {};
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(
      `SUPPORT_KIT_WRITE_INTERVAL_MS must be a whole number of milliseconds, not "${raw}"`,
    );
  return { writeIntervalMs: value };
}

/**
 * Config comes from the checkout when there is one; otherwise through the contents API at
 * the commit the event is about, so an action needs no checkout step.
 */
async function configSource(
  gateway: Gateway,
  configPath: string,
  event: RunnerEvent,
): Promise<ConfigSource> {
  const workspace = process.env.GITHUB_WORKSPACE;
  if (workspace && (await workspaceHasConfig(workspace, configPath)))
    return workspaceSource(workspace, configPath);
  return apiSource(gateway, configPath, eventRef(event));
}

function eventRef(event: RunnerEvent): string | undefined {
  const pr = event.payload.pull_request as { head?: { sha?: string } } | undefined;
  if (event.name === 'pull_request' && pr?.head?.sha) return pr.head.sha;
  if (event.name === 'push' && typeof event.payload.after === 'string') return event.payload.after;
  return process.env.GITHUB_SHA || undefined;
}
