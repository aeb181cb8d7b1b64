import { loadConfig, type LoadedConfig } from '../config/load.js';
import { apiSource } from '../config/sources.js';
import { renderRosterPreview } from '../core/oncall/preview.js';
import { emptyPlan, type Plan } from '../core/plan/types.js';
import { rosterFrom } from '../core/roster/from-yaml.js';
import type { Roster } from '../core/roster/types.js';
import { renderValidationComment } from '../core/validate/comment.js';
import type { Job, JobContext } from './types.js';

/** How far ahead the roster preview looks. */
const PREVIEW_DAYS = 14;

interface PullRequestPayload {
  number?: number;
  head?: { sha?: string };
  base?: { sha?: string };
}

/**
 * Check every config file. On a pull request, keep one comment on it up to date with the
 * result, so the author sees what is wrong before merging; when the roster is valid, the
 * comment also shows who will be on call and what the change moves.
 */
export const validateJob: Job = async (context) => {
  const config = await loadConfig(context.source);
  const plan: Plan = emptyPlan('validate', context.repo);
  const pr = context.event.payload.pull_request as PullRequestPayload | undefined;
  if (context.event.name === 'pull_request' && typeof pr?.number === 'number') {
    const comment = renderValidationComment({
      folder: context.source.folder,
      ...(pr.head?.sha ? { commit: pr.head.sha } : {}),
      files: config.files.map((f) => ({ path: f.path, schemaChecked: f.schemaChecked })),
      problems: config.problems,
    });
    const preview = await rosterPreview(context, config, pr);
    plan.operations.push({
      kind: 'upsert-comment',
      issue: pr.number,
      marker: { kind: 'validate', keys: {} },
      body: preview ? `${comment}\n\n${preview}` : comment,
      reason: 'keep the pull request told whether its config is valid',
    });
  } else {
    plan.notes.push(`checked ${config.files.length} file(s) in ${context.source.folder}`);
  }
  return { config, plans: [plan], safeWithConfigErrors: true };
};

/** The coming weeks under the proposed roster, compared with the roster on the base branch. */
async function rosterPreview(
  context: JobContext,
  config: LoadedConfig,
  pr: PullRequestPayload,
): Promise<string | null> {
  const file = config.files.find((f) => f.spec.name === 'roster');
  if (!file) return null;
  const head = rosterFrom(file.yaml.value);
  let base: Roster | null = null;
  if (pr.base?.sha) {
    const before = await loadConfig(
      apiSource(context.gateway, context.source.folder, pr.base.sha),
      { only: ['roster'] },
    );
    const baseFile = before.files[0];
    if (baseFile) base = rosterFrom(baseFile.yaml.value);
  }
  return renderRosterPreview({ head, base, from: context.now, days: PREVIEW_DAYS });
}
