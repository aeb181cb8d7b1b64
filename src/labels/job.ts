import { resolveLabels } from './config/extends.js';
import { LABELS_FILE } from './config/spec.js';
import { loadConfig } from '../config/load.js';
import { hasErrors } from '../kernel/problems.js';
import { normalizeColor } from './decide/names.js';
import { renderLabelsPreview } from './decide/preview.js';
import { type DesiredLabel, planLabelSync, type SyncPolicy } from './decide/sync.js';
import { selectRepositories } from './decide/targets.js';
import { capWrites, WRITES } from './decide/cap.js';
import { emptyPlan, type Plan, type RepoRef } from '../kernel/plan.js';
import type { Job, JobContext } from '../job/contract.js';

/** labels.yaml once the schema has passed. */
export interface LabelsSettings {
  prune?: boolean;
  exclude?: string[];
  brake?: { 'max-deletes'?: number; 'max-percent'?: number };
  repositories?: string[];
  organization?: { name: string; include?: string[]; exclude?: string[] };
}

export type LabelsMode = 'apply' | 'check' | 'targets';
const MODES: readonly LabelsMode[] = ['apply', 'check', 'targets'];
/**
 * At most this many label writes a run, over every target: a 5,000-label file (or an
 * organisation of repositories) must not spend the token's API budget in one go.
 */
const LABEL_WRITES = 100;

/**
 * Labels follow labels.yaml. `apply` (push, schedule) syncs every target repository; `check`
 * only reports drift and fails on it; on a pull request the plan is previewed in a comment;
 * `targets` lists the repositories for a fan-out matrix.
 */
export const labelsJob: Job = async (context) => {
  const config = await loadConfig(context.source, [LABELS_FILE]);
  const file = config.files[0];
  if (!file) {
    const note = hasErrors(config.problems)
      ? 'labels.yaml has errors'
      : `no labels.yaml in ${context.source.folder}`;
    return { config, plans: [emptyPlan('labels', context.repo, [note])] };
  }
  const mode = readMode(context);
  const skip = skipReason(context);
  if (skip) return { config, plans: [emptyPlan('labels', context.repo, [skip])] };

  const resolved = await resolveLabels(file, context.gateway);
  if (hasErrors(resolved.problems)) return { config, problems: resolved.problems, plans: [] };
  const settings = file.yaml.value as LabelsSettings;
  const targets = await chooseTargets(settings, context);
  const outputs = { repositories: JSON.stringify(targets.map((t) => `${t.owner}/${t.repo}`)) };
  if (mode === 'targets') {
    return {
      config,
      problems: resolved.problems,
      plans: [],
      outputs,
      summary: `Targets: ${targets.map((t) => `${t.owner}/${t.repo}`).join(', ')}`,
    };
  }

  const desired: DesiredLabel[] = resolved.labels.map((l) => ({
    name: l.name,
    color: normalizeColor(String(l.color)) ?? String(l.color),
    ...(l.description !== undefined ? { description: l.description } : {}),
    aliases: l.aliases ?? [],
  }));
  const policy: SyncPolicy = {
    prune: settings.prune ?? false,
    exclude: settings.exclude ?? [],
    brake: {
      maxDeletes: settings.brake?.['max-deletes'] ?? 5,
      maxPercent: settings.brake?.['max-percent'] ?? 25,
    },
    allowMassDelete: context.input('allow-mass-delete') === 'true',
  };
  const pullRequest =
    context.event.name === 'pull_request'
      ? (context.event.payload.pull_request as
          { number?: number; head?: { repo?: { full_name?: string } } } | undefined)
      : undefined;
  // A pull request from a fork runs with a read-only token: the preview stays in the job summary.
  const headRepo = pullRequest?.head?.repo?.full_name?.toLowerCase();
  const fromFork =
    headRepo !== undefined &&
    headRepo !== `${context.repo.owner}/${context.repo.repo}`.toLowerCase();
  const preview = mode === 'check' || pullRequest !== undefined;

  const plans: Plan[] = [];
  const held: string[] = [];
  let budget = LABEL_WRITES;
  for (const target of targets) {
    const existing = await context.gateway.forRepo(target).listLabels();
    const decision = planLabelSync(
      desired,
      existing.map((l) => ({
        name: l.name,
        color: l.color ?? '',
        description: l.description ?? null,
      })),
      policy,
    );
    const notes = [...decision.warnings];
    if (resolved.sources.length > 1)
      notes.push(`labels from ${resolved.sources.join(' extending ')}`);
    // A preview writes nothing, so it shows every change.
    const limited = preview
      ? { operations: decision.operations, written: 0 }
      : capWrites(decision.operations, { budget, cap: LABEL_WRITES });
    budget -= limited.written;
    if (limited.note) notes.push(limited.note);
    plans.push({
      capability: 'labels',
      repo: target,
      operations: limited.operations,
      notes,
      preview,
    });
    if (decision.brake) {
      held.push(
        `${target.owner}/${target.repo}: ${decision.brake.deletes} of ${decision.brake.existing} labels would be deleted, over the brake (${decision.brake.limit}); the deletes were held. Run with allow-mass-delete: true to let them through.`,
      );
    }
  }

  const failures = [...held];
  if (mode === 'check') {
    for (const plan of plans) {
      const drift = plan.operations.filter((op) => WRITES.has(op.kind)).length;
      if (drift > 0)
        failures.push(
          `drift: ${plan.repo.owner}/${plan.repo.repo} has ${drift} label change(s) that labels.yaml asks for`,
        );
    }
  }
  if (pullRequest?.number !== undefined && fromFork) {
    plans[0]?.notes.push(
      'pull request from a fork: the preview is in this summary only (its token cannot comment)',
    );
  } else if (pullRequest?.number !== undefined) {
    plans.push({
      ...emptyPlan('labels', context.repo),
      operations: [
        {
          kind: 'upsert-comment',
          issue: pullRequest.number,
          marker: { kind: 'labels-preview', keys: {} },
          body: renderLabelsPreview(plans, held),
          reason: 'show what merging would do to the labels',
        },
      ],
    });
  }
  // A preview that would trip the brake is news for the reviewer, not a failed check.
  if (pullRequest) failures.length = 0;
  return { config, problems: resolved.problems, plans, outputs, failures };
};

function readMode(context: JobContext): LabelsMode {
  const mode = context.input('mode') || 'apply';
  if (!(MODES as readonly string[]).includes(mode))
    throw new Error(`the mode input must be one of ${MODES.join(', ')}, not "${mode}"`);
  return mode as LabelsMode;
}

/** Labels follow the default branch only: a push elsewhere must not rewrite them. */
function skipReason(context: JobContext): string | undefined {
  if (context.event.name !== 'push') return undefined;
  const payload = context.event.payload as {
    ref?: string;
    repository?: { default_branch?: string };
  };
  const branch = payload.repository?.default_branch;
  if (branch && payload.ref !== `refs/heads/${branch}`)
    return `push to ${payload.ref ?? 'an unknown ref'}: labels follow ${branch} only`;
  return undefined;
}

async function chooseTargets(settings: LabelsSettings, context: JobContext): Promise<RepoRef[]> {
  let targets: RepoRef[];
  if (settings.repositories) {
    targets = settings.repositories.map((full) => {
      const [owner = '', repo = ''] = full.split('/');
      return { owner, repo };
    });
  } else if (settings.organization) {
    const org = settings.organization;
    const names = selectRepositories(
      await context.gateway.listOrgRepos(org.name),
      org.include,
      org.exclude,
    );
    targets = names.map((repo) => ({ owner: org.name, repo }));
  } else {
    targets = [context.repo];
  }
  const only = context.input('repository');
  if (!only) return targets;
  const chosen = targets.filter((t) => `${t.owner}/${t.repo}`.toLowerCase() === only.toLowerCase());
  if (chosen.length === 0)
    throw new Error(`the repository input "${only}" is not among the targets of labels.yaml`);
  return chosen;
}
