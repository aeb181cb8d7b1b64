import { sectionOf, withoutMarker } from '../kernel/markers.js';
import { intakeConfigFrom } from './config/intake.js';
import type { IssuePayload } from '../github/types.js';
import { INTAKE_FILE } from './config/spec.js';
import { loadIssueTemplates } from './config/issue-templates.js';
import { loadConfig } from '../config/load.js';
import { hasErrors } from '../kernel/problems.js';
import { decideIntake } from './decide/decide.js';
import { duplicateSearchText, rankDuplicates, searchTerms } from './decide/similarity.js';
import type {
  DuplicateHint,
  IntakeConfig,
  IntakeIssue,
  IssueTemplate,
  RepoIssueTypes,
} from './decide/types.js';
import { emptyPlan, type Plan } from '../kernel/plan.js';
import { findMarkedComment } from '../github/apply.js';
import type { Gateway } from '../github/gateway.js';
import type { GitHubIssue } from '../github/types.js';
import type { Job, JobContext } from '../job/contract.js';
import { freshIssue } from '../job/fresh-issue.js';
import { isKitIssue } from '../kernel/kit-records.js';

const MARKER = { kind: 'intake', keys: {} } as const;
const CANDIDATES = 20;

/**
 * Check each new, edited or reopened issue against the repository's own issue templates and
 * intake.yaml: label it, ask for what is missing in one comment kept up to date, hint at
 * duplicates. A scheduled run closes issues that stayed incomplete too long.
 */
export const intakeJob: Job = async (context) => {
  const config = await loadConfig(context.source, [INTAKE_FILE]);
  if (hasErrors(config.problems))
    return { config, plans: [emptyPlan('intake', context.repo, ['intake.yaml has errors'])] };
  const rules = intakeConfigFrom(
    config.files[0]?.yaml.value as Parameters<typeof intakeConfigFrom>[0],
  );
  const loaded = await loadIssueTemplates(context.source);
  const problems = [...loaded.problems];
  const templates = loaded.templates;
  const notes =
    templates.length > 0
      ? [`templates: ${templates.map((t) => t.key).join(', ')}`]
      : ['no issue templates in .github/ISSUE_TEMPLATE: only title rules apply'];
  for (const key of Object.keys(rules.templates)) {
    if (!templates.some((t) => t.key === key))
      notes.push(`intake.yaml has rules for "${key}" but there is no such template`);
  }

  const payload = context.event.payload.issue as IssuePayload | undefined;
  if (context.event.name === 'issues' && payload) {
    if (payload.pull_request)
      return {
        config,
        problems,
        plans: [emptyPlan('intake', context.repo, ['a pull request, not an issue'])],
      };
    // The kit's own records (a report, a hand-off log, the desk now) start runs when an App's
    // token writes them: they follow no template.
    if (await isKitIssue(payload, context.gateway.kitLogin))
      return {
        config,
        problems,
        plans: [emptyPlan('intake', context.repo, [`#${payload.number} is the kit's own record`])],
      };
    // A new issue's duplicate search goes first, on the event's title: from a checkout, the
    // issue's own read rides in the same query.
    const searched =
      context.event.action === 'opened' && rules.duplicates.enabled
        ? await searchDuplicates(context, toIssue(payload))
        : undefined;
    // The issue as it is now (a queued run's event can be minutes old), read once for the run:
    // on-call and escalation after it use the same read, and a new issue's comments need no list.
    const fresh = await freshIssue(context, payload.number, { primeComments: true });
    if (typeof fresh === 'string')
      return { config, problems, plans: [emptyPlan('intake', context.repo, [fresh])] };
    const plan = await decideOne(context, fresh, rules, templates, notes, searched);
    return {
      config,
      problems,
      plans: [plan.plan],
      outputs: { verdict: JSON.stringify(plan.verdict) },
    };
  }
  return { config, problems, plans: [await sweep(context, rules, templates, notes)] };
};

async function decideOne(
  context: JobContext,
  payload: IssuePayload,
  rules: IntakeConfig,
  templates: IssueTemplate[],
  notes: string[],
  searched: Searched | undefined,
): Promise<{ plan: Plan; verdict: unknown }> {
  const issue = toIssue(payload);
  // A GraphQL read does not say the issue's type; the event does, as it was then.
  const eventType = eventIssueType(context);
  if (issue.type === undefined && eventType) issue.type = eventType;
  const trigger =
    context.event.action === 'edited'
      ? 'edited'
      : context.event.action === 'reopened'
        ? 'reopened'
        : 'opened';
  const changes = context.event.payload.changes as { body?: { from?: string } } | undefined;
  const duplicates =
    trigger === 'opened' && rules.duplicates.enabled
      ? await findDuplicates(context, issue, rules, searched)
      : [];
  const previous = await previousComment(context.gateway, issue.number);
  const decide = (types?: RepoIssueTypes) =>
    decideIntake({
      issue,
      trigger,
      ...(changes?.body?.from !== undefined ? { previousBody: changes.body.from } : {}),
      templates,
      config: rules,
      duplicates,
      previousComment: previous,
      ...(types ? { types } : {}),
      now: context.now,
    });
  let decision = decide();
  if (decision.wantsIssueTypes) decision = decide(await repoIssueTypes(context));
  return {
    plan: {
      capability: 'intake',
      repo: context.repo,
      operations: decision.operations,
      notes: [...notes, ...decision.notes],
    },
    verdict: decision.verdict,
  };
}

/** Close what stayed incomplete too long. One search finds them; nothing else is listed. */
async function sweep(
  context: JobContext,
  rules: IntakeConfig,
  templates: IssueTemplate[],
  notes: string[],
): Promise<Plan> {
  const plan = emptyPlan('intake', context.repo, [...notes]);
  if (rules.closeAfterDays === undefined) {
    plan.notes.push('close-after-days is not set: no issue is closed for missing information');
    return plan;
  }
  const cutoff = new Date(context.now.getTime() - rules.closeAfterDays * 86_400_000)
    .toISOString()
    .slice(0, 19);
  const query = `repo:${context.repo.owner}/${context.repo.repo} is:issue is:open label:"${rules.status.incomplete}" updated:<${cutoff}Z`;
  const stale = await context.gateway.searchIssues(query, 100);
  for (const found of [...stale, ...(await closedUnexplained(context, rules))]) {
    const decision = decideIntake({
      issue: toIssue(found),
      trigger: 'sweep',
      templates,
      config: rules,
      duplicates: [],
      previousComment: await previousComment(context.gateway, found.number),
      now: context.now,
    });
    plan.operations.push(...decision.operations);
  }
  plan.notes.push(
    `${stale.length} open issue(s) incomplete for more than ${rules.closeAfterDays} day(s)`,
  );
  return plan;
}

/**
 * Issues a sweep of the last week closed for missing information and nothing touched since: the
 * comment saying why may have failed after the close took. A comment moves `updated_at` past
 * `closed_at`, so only the ones without are read further.
 */
async function closedUnexplained(context: JobContext, rules: IntakeConfig): Promise<GitHubIssue[]> {
  const since = new Date(context.now.getTime() - 7 * 86_400_000).toISOString().slice(0, 10);
  const query = `repo:${context.repo.owner}/${context.repo.repo} is:issue is:closed reason:"not planned" label:"${rules.status.incomplete}" closed:>=${since}`;
  const closed = await context.gateway.searchIssues(query, 100);
  return closed.filter(
    (i) => i.closed_at && Date.parse(i.updated_at) - Date.parse(i.closed_at) < 2_000,
  );
}

/** A duplicate search and the title it was made for. */
interface Searched {
  text: string | undefined;
  found: GitHubIssue[];
}

async function searchDuplicates(context: JobContext, issue: IntakeIssue): Promise<Searched> {
  const text = duplicateSearchText(searchTerms(issue.title));
  if (text === undefined) return { text, found: [] };
  // The search narrows by words; similarity on title and body decides.
  const query = `repo:${context.repo.owner}/${context.repo.repo} is:issue is:open ${text}`;
  return { text, found: await context.gateway.searchBesideIssue(query, CANDIDATES) };
}

async function findDuplicates(
  context: JobContext,
  issue: IntakeIssue,
  rules: IntakeConfig,
  searched: Searched | undefined,
): Promise<DuplicateHint[]> {
  // A title edited since the event asks again, with its own words.
  const same = searched && searched.text === duplicateSearchText(searchTerms(issue.title));
  const { found } = same ? searched : await searchDuplicates(context, issue);
  const candidates = found
    .filter((c: GitHubIssue) => c.number !== issue.number)
    .map((c) => ({ number: c.number, title: c.title, body: c.body ?? '', url: c.html_url }));
  return rankDuplicates(
    { number: issue.number, title: issue.title, body: issue.body },
    candidates,
    rules.duplicates.threshold,
    rules.duplicates.max,
  );
}

/**
 * The repository's issue types, read once a run. Only an organisation's repositories have them:
 * for a person's (the event names the owner's kind) nothing is asked.
 */
async function repoIssueTypes(context: JobContext): Promise<RepoIssueTypes> {
  const repository = context.event.payload.repository as { owner?: { type?: string } } | undefined;
  if (repository?.owner?.type === 'User')
    return {
      none: `${context.repo.owner} is a person's account, and issue types are an organisation's`,
    };
  const names = await context.gateway.issueTypes();
  return names.length > 0 ? { names } : { none: `${context.repo.owner} has no issue types` };
}

/** The type the event's issue had, when it had one; unknown otherwise (it may have one now). */
function eventIssueType(context: JobContext): string | undefined {
  const issue = context.event.payload.issue as { type?: { name?: string } | null } | undefined;
  return issue?.type?.name ?? undefined;
}

async function previousComment(gateway: Gateway, issue: number): Promise<string | null> {
  const found = await findMarkedComment(
    await gateway.listComments(issue),
    MARKER,
    gateway.kitLogin,
  );
  return found ? withoutMarker(sectionOf(found.body, MARKER) ?? found.body) : null;
}

function toIssue(p: IssuePayload | GitHubIssue): IntakeIssue {
  return {
    number: p.number,
    title: p.title,
    body: p.body ?? '',
    author: p.user?.login ?? '',
    authorAssociation: p.author_association ?? 'NONE',
    labels: (p.labels ?? []).map((l) => l.name),
    state: p.state ?? 'open',
    stateReason: p.state_reason ?? null,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
    ...typeOf(p),
  };
}

/** The issue's type as a REST read or an event gives it; a GraphQL read says nothing. */
function typeOf(p: IssuePayload | GitHubIssue): { type?: string | null } {
  const { type } = p as { type?: { name: string } | null };
  return type === undefined ? {} : { type: type?.name ?? null };
}
