import { loadConfig } from '../config/load.js';
import { emptyPlan, type Plan } from '../core/plan/types.js';
import { renderValidationComment } from '../core/validate/comment.js';
import type { Job } from './types.js';

/**
 * Check every config file. On a pull request, keep one comment on it up to date with the
 * result, so the author sees what is wrong before merging.
 */
export const validateJob: Job = async (context) => {
  const config = await loadConfig(context.source);
  const plan: Plan = emptyPlan('validate', context.repo);
  const pr = context.event.payload.pull_request as
    { number?: number; head?: { sha?: string } } | undefined;
  if (context.event.name === 'pull_request' && typeof pr?.number === 'number') {
    const body = renderValidationComment({
      folder: context.source.folder,
      ...(pr.head?.sha ? { commit: pr.head.sha } : {}),
      files: config.files.map((f) => ({ path: f.path, schemaChecked: f.schemaChecked })),
      problems: config.problems,
    });
    plan.operations.push({
      kind: 'upsert-comment',
      issue: pr.number,
      marker: { kind: 'validate', keys: {} },
      body,
      reason: 'keep the pull request told whether its config is valid',
    });
  } else {
    plan.notes.push(`checked ${config.files.length} file(s) in ${context.source.folder}`);
  }
  return { config, plans: [plan], safeWithConfigErrors: true };
};
