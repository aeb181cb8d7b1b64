import { crossCheckConfig } from './cross-checks.js';
import type { PullRequestPayload } from '../github/types.js';
import { CONFIG_FILES } from './config-files.js';
import { ROSTER_FILE } from '../roster/config/spec.js';
import { checkIssueForms } from '../intake/config/forms.js';
import { TEMPLATE_FOLDER } from '../kernel/repo-paths.js';
import { loadConfig, loadConfigFolder, type LoadedConfig } from '../config/load.js';
import { sortProblems, type ConfigProblem } from '../kernel/problems.js';
import { apiSource } from '../config/sources.js';
import { renderRosterPreview } from '../roster/preview.js';
import { emptyPlan, type Plan } from '../kernel/plan.js';
import { rosterFrom } from '../roster/config/from-yaml.js';
import type { Roster } from '../roster/types.js';
import { consentNeeded } from './decide/consent.js';
import { locate, type YamlFile } from '../kernel/yaml.js';
import { assignableCandidates, reviewRoster, type BaseRoster } from './decide/roster-review.js';
import { renderValidationComment } from './decide/comment.js';
import { describeRequestError, type Gateway } from '../github/gateway.js';
import { capped } from '../kernel/caps.js';
import type { Job, JobContext } from '../job/contract.js';

/** How far ahead the roster preview and review look. */
const PREVIEW_DAYS = 14;

/**
 * At most this many "can GitHub assign X?" requests a run: one per login, and a fork's pull
 * request may list thousands against the workflow token's 1,000 requests an hour.
 */
const ASSIGNABILITY_CHECKS = 50;

/**
 * Check every config file and the issue templates intake reads. On a pull request, keep one
 * comment on it up to date with the result, so the author sees what is wrong before merging; when
 * the roster is valid, it is also reviewed against time and the repository (the past it would
 * rewrite, holes and clashes in the coming weeks, people GitHub cannot assign), and the comment
 * shows who will be on call and what the change moves. A pull request that touches none of it is
 * passed after one request, so the check can run on every pull request and be required.
 */
export const validateJob: Job = async (context) => {
  const payload = context.event.payload.pull_request as PullRequestPayload | undefined;
  const onPull =
    context.event.name === 'pull_request' || context.event.name === 'pull_request_review';
  const pr = onPull && payload ? pullOf(payload) : null;
  if (pr) {
    const why = await untouched(context, pr.number);
    if (why) {
      const config = { source: context.source.description, files: [], problems: [] };
      return { config, plans: [emptyPlan('validate', context.repo, [why])], summary: why };
    }
  }
  const config = await loadConfigFolder(context.source, CONFIG_FILES);
  const forms = await checkIssueForms(context.source, config);
  forms.problems.push(...(await crossCheckConfig(context.source, config, context.now)));
  const plan: Plan = emptyPlan('validate', context.repo);
  const templates = forms.templates.map((t) => t.file);
  if (!pr) {
    plan.notes.push(
      `checked ${config.files.length} file(s) in ${context.source.folder} and ${templates.length} issue template(s) in ${forms.folder}`,
    );
    return { config, plans: [plan], problems: forms.problems, safeWithConfigErrors: true };
  }
  const roster = await rosterReview(context, config, pr);
  const comment = renderValidationComment({
    folder: context.source.folder,
    ...(pr.head?.sha ? { commit: pr.head.sha } : {}),
    files: config.files.map((f) => ({ path: f.path, schemaChecked: f.schemaChecked })),
    templates,
    problems: sortProblems([...config.problems, ...forms.problems, ...(roster?.problems ?? [])]),
  });
  const body = roster ? `${comment}\n\n${roster.preview}` : comment;
  const fork = fromFork(pr, context);
  if (fork) plan.notes.push(fork);
  else
    plan.operations.push({
      kind: 'upsert-comment',
      issue: pr.number,
      marker: { kind: 'validate', keys: {} },
      body,
      reason: 'keep the pull request told whether its config is valid',
    });
  return {
    config,
    plans: [plan],
    ...(fork ? { summary: body } : {}),
    // Reported like the config's own problems: annotations on the lines, and a failed check on errors.
    problems: [...forms.problems, ...(roster?.problems ?? [])],
    safeWithConfigErrors: true,
  };
};

/**
 * A pull request from a fork runs with a read-only token ("Permissions for the GITHUB_TOKEN":
 * pull requests from public forks get read access only), so a comment would be refused: the
 * result goes to the job summary and the annotations instead. Why, in words, or null.
 */
function fromFork(pr: PullRequestPayload, context: JobContext): string | null {
  // GitHub sends `head.repo: null` when the fork was deleted since.
  const repo = (pr.head as { repo?: { full_name?: string } | null } | undefined)?.repo;
  if (repo === undefined) return null;
  const head = repo?.full_name;
  const base = `${context.repo.owner}/${context.repo.repo}`;
  if (head !== undefined && head.toLowerCase() === base.toLowerCase()) return null;
  return `a pull request from a fork (${head ?? 'a deleted fork'}) gets a read-only token: the result is in this summary and the annotations, not in a comment`;
}

function pullOf(payload: PullRequestPayload): (PullRequestPayload & { number: number }) | null {
  return typeof payload.number === 'number' ? { ...payload, number: payload.number } : null;
}

/**
 * Why validate has nothing to check on this pull request, or null when it must check. One
 * request: the first 100 changed files. A longer list may hide a config file further on, and a
 * listing GitHub refuses (a token without pull-requests: read) proves nothing: both are checked.
 */
async function untouched(context: JobContext, pull: number): Promise<string | null> {
  const watched = [context.source.folder, TEMPLATE_FOLDER];
  let changed;
  try {
    changed = await context.gateway.pullRequestFiles(pull);
  } catch (error) {
    context.log(`cannot list the files of #${pull} (${describeRequestError(error)}): checking`);
    return null;
  }
  if (!changed.complete) return null;
  if (changed.paths.some((path) => watched.some((folder) => within(path, folder)))) return null;
  return `#${pull} changes no file in ${watched.join(' or ')} (${changed.paths.length} file(s) changed): nothing to validate`;
}

function within(path: string, folder: string): boolean {
  return folder === '.' || folder === '' || path === folder || path.startsWith(`${folder}/`);
}

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
  const { taken, skipped } = capped(
    newFirst(assignableCandidates(head, context.now), base, context.now),
    ASSIGNABILITY_CHECKS,
  );
  const assignable = await assignableAmong(context.gateway, taken);
  const problems = reviewRoster({
    head,
    headYaml: file.yaml,
    base,
    now: context.now,
    horizonDays: PREVIEW_DAYS,
    assignable,
    unasked: { logins: skipped, cap: ASSIGNABILITY_CHECKS },
  });
  if (base)
    problems.push(
      ...(await consent(context, pr, base, { value: file.yaml.value, roster: head }, file.yaml)),
    );
  const preview = renderRosterPreview({
    head,
    base: base?.roster ?? null,
    from: context.now,
    days: PREVIEW_DAYS,
  });
  return { problems, preview };
}

/**
 * A swap or a cover (a change that only adds overrides) passes once everyone whose shifts it
 * moves has approved the pull request at its head commit, or opened it. One request, made only
 * for such a change; the check runs again on each review (the validate caller's
 * pull_request_review trigger).
 */
async function consent(
  context: JobContext,
  pr: PullRequestPayload & { number: number },
  base: BaseRoster,
  head: { value: unknown; roster: Roster },
  yaml: YamlFile,
): Promise<ConfigProblem[]> {
  const needed = consentNeeded(base, head, context.now);
  if (!needed || !pr.head?.sha) return [];
  const author = pr.user?.login.toLowerCase();
  const approved = await context.gateway.approvers(pr.number, pr.head.sha);
  const waiting = needed.people.filter((p) => p !== author && !approved.has(p));
  if (waiting.length === 0) return [];
  const names = (logins: string[]) => logins.join(', ');
  return [
    {
      file: yaml.file,
      ...locate(yaml, ['overrides', needed.first]),
      severity: 'error',
      message: `overrides[${needed.first}]: this change moves the shifts of ${names(needed.people)}, so it needs their approval on this pull request (or to be theirs); waiting for ${names(waiting)}. The check runs again when they review.`,
    },
  ];
}

/** Read once for both the review and the preview; a base roster that is missing or invalid has nothing to compare. */
async function baseRoster(context: JobContext, sha: string): Promise<BaseRoster | null> {
  const before = await loadConfig(apiSource(context.gateway, context.source.folder, sha), [
    ROSTER_FILE,
  ]);
  const file = before.files[0];
  return file ? { value: file.yaml.value, roster: rosterFrom(file.yaml.value) } : null;
}

/** The logins the base roster does not have come first: they are what the change asks to rely on. */
function newFirst(logins: string[], base: BaseRoster | null, now: Date): string[] {
  const known = new Set(base ? assignableCandidates(base.roster, now) : []);
  return [...logins.filter((l) => !known.has(l)), ...logins.filter((l) => known.has(l))];
}

/** One request per login, so a run costs as many checks as it was allowed (ASSIGNABILITY_CHECKS). */
async function assignableAmong(gateway: Gateway, logins: string[]): Promise<Set<string>> {
  const assignable = new Set<string>();
  for (const login of logins) if (await gateway.canBeAssigned(login)) assignable.add(login);
  return assignable;
}
