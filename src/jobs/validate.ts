import { loadConfig, type LoadedConfig } from '../config/load.js';
import { sortProblems, type ConfigProblem } from '../config/problems.js';
import { apiSource } from '../config/sources.js';
import { renderRosterPreview } from '../core/oncall/preview.js';
import { emptyPlan, type Plan } from '../core/plan/types.js';
import { rosterFrom } from '../core/roster/from-yaml.js';
import { assignableCandidates, reviewRoster, type BaseRoster } from '../core/roster/review.js';
import { renderValidationComment } from '../core/validate/comment.js';
import type { Gateway } from '../github/gateway.js';
import type { Job, JobContext } from './types.js';

/** How far ahead the roster preview and review look. */
const PREVIEW_DAYS = 14;

interface PullRequestPayload {
  number?: number;
  head?: { sha?: string };
  base?: { sha?: string };
}

/**
 * Check every config file. On a pull request, keep one comment on it up to date with the
 * result, so the author sees what is wrong before merging; when the roster is valid, it is also
 * reviewed against time and the repository (the past it would rewrite, holes and clashes in
 * the coming weeks, people GitHub cannot assign), and the comment shows who will be on call and
 * what the change moves.
 */
export const validateJob: Job = async (context) => {
  const config = await loadConfig(context.source);
  const plan: Plan = emptyPlan('validate', context.repo);
  const pr = context.event.payload.pull_request as PullRequestPayload | undefined;
  if (context.event.name !== 'pull_request' || typeof pr?.number !== 'number') {
    plan.notes.push(`checked ${config.files.length} file(s) in ${context.source.folder}`);
    return { config, plans: [plan], safeWithConfigErrors: true };
  }
  const roster = await rosterReview(context, config, pr);
  const comment = renderValidationComment({
    folder: context.source.folder,
    ...(pr.head?.sha ? { commit: pr.head.sha } : {}),
    files: config.files.map((f) => ({ path: f.path, schemaChecked: f.schemaChecked })),
    problems: sortProblems([...config.problems, ...(roster?.problems ?? [])]),
  });
  plan.operations.push({
    kind: 'upsert-comment',
    issue: pr.number,
    marker: { kind: 'validate', keys: {} },
    body: roster ? `${comment}\n\n${roster.preview}` : comment,
    reason: 'keep the pull request told whether its config is valid',
  });
  return {
    config,
    plans: [plan],
    // Reported like the config's own problems: annotations on the lines, and a failed check on errors.
    problems: roster?.problems ?? [],
    safeWithConfigErrors: true,
  };
};

/** The proposed roster reviewed and previewed against the roster on the base branch. */
async function rosterReview(
  context: JobContext,
  config: LoadedConfig,
  pr: PullRequestPayload,
): Promise<{ problems: ConfigProblem[]; preview: string } | null> {
  const file = config.files.find((f) => f.spec.name === 'roster');
  if (!file) return null;
  const head = rosterFrom(file.yaml.value);
  const base = pr.base?.sha ? await baseRoster(context, pr.base.sha) : null;
  const assignable = await assignableAmong(
    context.gateway,
    assignableCandidates(head, context.now),
  );
  const problems = reviewRoster({
    head,
    headYaml: file.yaml,
    base,
    now: context.now,
    horizonDays: PREVIEW_DAYS,
    assignable,
  });
  const preview = renderRosterPreview({
    head,
    base: base?.roster ?? null,
    from: context.now,
    days: PREVIEW_DAYS,
  });
  return { problems, preview };
}

/** Read once for both the review and the preview; a base roster that is missing or invalid has nothing to compare. */
async function baseRoster(context: JobContext, sha: string): Promise<BaseRoster | null> {
  const before = await loadConfig(apiSource(context.gateway, context.source.folder, sha), {
    only: ['roster'],
  });
  const file = before.files[0];
  return file ? { value: file.yaml.value, roster: rosterFrom(file.yaml.value) } : null;
}

/** One request per login, in roster order, so a run costs as many checks as people who can be on call. */
async function assignableAmong(gateway: Gateway, logins: string[]): Promise<Set<string>> {
  const assignable = new Set<string>();
  for (const login of logins) if (await gateway.canBeAssigned(login)) assignable.add(login);
  return assignable;
}
