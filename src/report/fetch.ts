import type {
  Actor,
  AssignmentChange,
  ClosedReason,
  ReportCounts,
  ReportIssue,
  TimelineEntry,
} from './decide/types.js';
import type { GitHubUser } from '../github/types.js';
import { RateLimitDeferred } from '../github/budget.js';

/**
 * The report's reads: GraphQL search, 100 issues a request with every field the definitions
 * need (labels, assignees, the early timeline for the first response, the latest closings and
 * transfers for the state at the week's end) in the same query; never a request per issue.
 *
 * The issues needed are four disjoint sets, each restricted to the window by search:
 * created in the week; created before it and closed in it; created before it and open now;
 * created before it and closed after it (open at its end, or closed and reopened since).
 * Search returns at most 1,000 results per query, so every set is cut into time slices of at
 * most 1,000 (a day of the week each at first, halves of a slice while one is too big), using
 * issueCount, which is exact and cheap. The first request carries every count and the first
 * page of the first slice; the rest are packed 100 issues to a request across slices, so the
 * reads cost ceil(issues / 100) requests plus one per round of halving (none usually).
 */

export interface ReportFetchRequest {
  repos: string[];
  /** [start, cut): the week, or the part of it that has passed. */
  start: number;
  cut: number;
  previous: { start: number; end: number };
  /** Report issues carry it and are never counted. */
  excludeLabel: string;
  /** Other labels of the kit's own issues (the hand-off logs), never counted either. */
  otherKitLabels?: string[];
  /** Where report issues live: the latest ones carrying `excludeLabel` are read there too. */
  reportRepo: string;
  /**
   * What this run may spend: GraphQL points kept for the runs events start, and requests left of
   * the run's own budget. A report that would need more reads nothing further and is deferred.
   */
  budget?: { reservePoints: number; requestsLeft: number };
}

/** A recent issue with the report label, for the job to recognise its own by marker. */
export interface LabelledIssue {
  number: number;
  url: string;
  state: 'open' | 'closed';
  body: string;
  /** Who wrote it, typed as REST types users (`Bot` for the workflow token or an app). */
  author: GitHubUser | null;
}

export interface ReportFetchResult {
  issues: ReportIssue[];
  counts: ReportCounts;
  /** GraphQL requests made. */
  requests: number;
  /** Slices that search could not cut below 1,000 (issues beyond those were not read). */
  truncated: number;
  /** The latest issues with the report label (earlier reports), newest first. */
  reports: LabelledIssue[];
}

export type GraphqlCall = (query: string, variables: Record<string, unknown>) => Promise<unknown>;

const PAGE = 100;
/** What a page of 100 issues costs: labels and one timeline an issue (see ISSUE_FIELDS). */
const POINTS_PER_PAGE = 2;
/** Earlier reports read: enough to link the last one and close any a dropped run left open. */
const RECENT_REPORTS = 10;
const SEARCH_CAP = 1000;
const DAY_MS = 86_400_000;
/** GitHub was founded in 2008: an open lower bound that search accepts. */
const EPOCH = Date.parse('2008-01-01T00:00:00Z');

const ASSIGNEE = '... on User { login } ... on Bot { login } ... on Mannequin { login }';

/**
 * Two connections an issue, so a page of 100 costs 2 points of GraphQL's hourly 1,000 (GitHub
 * counts every connection once per parent that can hold it, 201 / 100): its labels, and one
 * timeline of everything the definitions read. Its first 100 items hold the first response and
 * usually the whole story; the issues whose timeline runs longer are read again for their latest
 * closings and assignments (TAIL_FIELDS), which are rare.
 */
const ISSUE_FIELDS = `
  ... on Issue {
    id number title url createdAt closedAt state authorAssociation
    repository { nameWithOwner }
    author { __typename login }
    labels(first: 50) { nodes { name } }
    timeline: timelineItems(first: 100, itemTypes: [ISSUE_COMMENT, LABELED_EVENT, UNLABELED_EVENT, ASSIGNED_EVENT, UNASSIGNED_EVENT, CLOSED_EVENT, REOPENED_EVENT, TRANSFERRED_EVENT]) {
      pageInfo { hasNextPage }
      nodes {
        __typename
        ... on IssueComment { createdAt authorAssociation author { __typename login } }
        ... on LabeledEvent { createdAt actor { __typename login } label { name } }
        ... on UnlabeledEvent { createdAt label { name } }
        ... on AssignedEvent { createdAt actor { __typename login } assignee { ${ASSIGNEE} } }
        ... on UnassignedEvent { createdAt assignee { ${ASSIGNEE} } }
        ... on ClosedEvent { createdAt stateReason actor { __typename login } }
        ... on ReopenedEvent { createdAt }
        ... on TransferredEvent { createdAt fromRepository { nameWithOwner } }
      }
    }
  }`;

/** The latest state of an issue whose timeline runs past its first 100 items. */
const TAIL_FIELDS = `
  ... on Issue {
    assignees(first: 10) { nodes { login } }
    changes: timelineItems(last: 50, itemTypes: [ASSIGNED_EVENT, UNASSIGNED_EVENT]) {
      nodes {
        __typename
        ... on AssignedEvent { createdAt assignee { ${ASSIGNEE} } }
        ... on UnassignedEvent { createdAt assignee { ${ASSIGNEE} } }
      }
    }
    late: timelineItems(last: 25, itemTypes: [CLOSED_EVENT, REOPENED_EVENT, TRANSFERRED_EVENT]) {
      nodes {
        __typename
        ... on ClosedEvent { createdAt stateReason actor { __typename login } }
        ... on ReopenedEvent { createdAt }
        ... on TransferredEvent { createdAt fromRepository { nameWithOwner } }
      }
    }
  }`;

/** `2026-11-16T00:00:00+00:00`: search ranges take seconds and an explicit offset. */
function stamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', '+00:00');
}

/** [from, to) as an inclusive search range on whole seconds. */
function range(field: 'created' | 'closed', from: number, to: number): string {
  return `${field}:${stamp(from)}..${stamp(Math.ceil(to / 1000) * 1000 - 1000)}`;
}

interface Slice {
  /** Qualifiers besides the sliced range. */
  base: string;
  field: 'created' | 'closed';
  from: number;
  to: number;
  count: number;
}

const queryOf = (scope: string, s: Pick<Slice, 'base' | 'field' | 'from' | 'to'>) =>
  `${scope} ${s.base} ${range(s.field, s.from, s.to)} sort:created-asc`.replace(/\s+/g, ' ');

interface SearchPage {
  issueCount?: number;
  pageInfo?: { hasNextPage: boolean; endCursor: string | null };
  nodes?: RawIssue[];
}

interface RawActor {
  __typename: string;
  login: string;
}

interface RawNode {
  __typename: string;
  createdAt: string;
  authorAssociation?: string;
  author?: RawActor | null;
  actor?: RawActor | null;
  label?: { name: string };
  assignee?: { login?: string } | null;
  stateReason?: string | null;
  fromRepository?: { nameWithOwner: string } | null;
}

interface RawIssue {
  id: string;
  number: number;
  title: string;
  url: string;
  createdAt: string;
  closedAt: string | null;
  state: 'OPEN' | 'CLOSED';
  authorAssociation?: string;
  repository: { nameWithOwner: string };
  author: RawActor | null;
  labels: { nodes: { name: string }[] };
  timeline: { pageInfo: { hasNextPage: boolean }; nodes: (RawNode | null)[] };
}

/** What TAIL_FIELDS read of a long issue. */
interface RawTail {
  assignees: { nodes: { login: string }[] };
  changes: { nodes: (RawNode | null)[] };
  late: { nodes: (RawNode | null)[] };
}

function actorOf(raw: RawActor | null | undefined): Actor | null {
  if (!raw) return null;
  return { login: raw.login, bot: raw.__typename === 'Bot' };
}

const REASONS: Record<string, ClosedReason> = {
  COMPLETED: 'completed',
  NOT_PLANNED: 'not_planned',
  DUPLICATE: 'duplicate',
};

/** A timeline item as the definitions read it; null for one they do not. */
function entryOf(node: RawNode): TimelineEntry | null {
  const at = node.createdAt;
  switch (node.__typename) {
    case 'IssueComment':
      return {
        kind: 'comment',
        at,
        actor: actorOf(node.author),
        ...(node.authorAssociation ? { association: node.authorAssociation } : {}),
      };
    case 'LabeledEvent':
      return { kind: 'labeled', at, actor: actorOf(node.actor), label: node.label?.name ?? '' };
    case 'UnlabeledEvent':
      return { kind: 'unlabeled', at, label: node.label?.name ?? '' };
    case 'AssignedEvent':
      return { kind: 'assigned', at, actor: actorOf(node.actor) };
    case 'ClosedEvent':
      return {
        kind: 'closed',
        at,
        reason: REASONS[node.stateReason ?? ''] ?? null,
        by: actorOf(node.actor),
      };
    case 'ReopenedEvent':
      return { kind: 'reopened', at };
    case 'TransferredEvent':
      return { kind: 'transferred', at, from: node.fromRepository?.nameWithOwner ?? '' };
    default:
      return null;
  }
}

function assignmentsOf(nodes: readonly (RawNode | null)[]): AssignmentChange[] {
  return nodes.flatMap((node) => {
    const login = node?.assignee?.login;
    if (!node || !login || !/^(Una|A)ssignedEvent$/.test(node.__typename)) return [];
    return [{ at: node.createdAt, login, added: node.__typename === 'AssignedEvent' }];
  });
}

/** Who holds the issue after its whole timeline's assignments, in their order. */
function assigneesAfter(changes: readonly AssignmentChange[]): string[] {
  const held = new Map<string, string>();
  for (const c of changes)
    if (c.added) held.set(c.login.toLowerCase(), c.login);
    else held.delete(c.login.toLowerCase());
  return [...held.values()];
}

/**
 * The issue from its first 100 timeline items, with its latest state from `tail` when the
 * timeline runs longer: the closings and assignments past the first page are in the tail.
 */
function issueFrom(raw: RawIssue, tail?: RawTail): ReportIssue {
  const nodes = raw.timeline.nodes.filter((n): n is RawNode => n !== null);
  const early = nodes.map(entryOf).filter((e): e is TimelineEntry => e !== null);
  const late = (tail?.late.nodes ?? []).flatMap((n) => (n ? [entryOf(n)] : []));
  const seen = new Set(early.map((e) => `${e.kind} ${e.at}`));
  const timeline = [
    ...early,
    ...late.filter((e): e is TimelineEntry => e !== null && !seen.has(`${e.kind} ${e.at}`)),
  ];
  // Stable: equal instants keep GitHub's order (a label and an assignment at creation).
  timeline.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const assignmentChanges = tail ? assignmentsOf(tail.changes.nodes) : assignmentsOf(nodes);
  const truncated = raw.timeline.pageInfo.hasNextPage;
  return {
    repo: raw.repository.nameWithOwner,
    number: raw.number,
    title: raw.title,
    url: raw.url,
    author: actorOf(raw.author),
    ...(raw.authorAssociation ? { authorAssociation: raw.authorAssociation } : {}),
    createdAt: raw.createdAt,
    state: raw.state === 'CLOSED' ? 'closed' : 'open',
    closedAt: raw.closedAt,
    labels: raw.labels.nodes.map((l) => l.name),
    assignees: tail
      ? tail.assignees.nodes.map((a) => a.login)
      : assigneesAfter(assignmentsOf(nodes)),
    timeline,
    ...(truncated ? { responsesTruncated: true } : {}),
    ...(assignmentChanges.length > 0 ? { assignmentChanges } : {}),
  };
}

function countField(alias: string, query: string): string {
  return `${alias}: search(query: ${JSON.stringify(query)}, type: ISSUE, first: 0) { issueCount }`;
}

function pageField(alias: string, query: string, first: number, after: string | null): string {
  const cursor = after ? `, after: ${JSON.stringify(after)}` : '';
  return `${alias}: search(query: ${JSON.stringify(query)}, type: ISSUE, first: ${first}${cursor}) {
    issueCount pageInfo { hasNextPage endCursor } nodes { ${ISSUE_FIELDS} } }`;
}

/**
 * One search scope per repository: how adjacent `repo:` qualifiers combine has changed with
 * GitHub's advanced issue search (reported as AND, which would count nothing), so the kit never
 * relies on it. Each repository costs its own requests; the results add up.
 */
export async function fetchReportData(
  graphql: GraphqlCall,
  request: ReportFetchRequest,
): Promise<ReportFetchResult> {
  // A repository named twice (any case) is counted once.
  const repos = [...new Map(request.repos.map((r) => [r.toLowerCase(), r])).values()];
  if (repos.length <= 1) return fetchScope(graphql, { ...request, repos });
  const results: ReportFetchResult[] = [];
  for (const repo of repos) results.push(await fetchScope(graphql, { ...request, repos: [repo] }));
  const sum = (pick: (r: ReportFetchResult) => number) => results.reduce((n, r) => n + pick(r), 0);
  return {
    issues: results.flatMap((r) => r.issues),
    counts: {
      createdToEnd: sum((r) => r.counts.createdToEnd),
      openedPreviousWeek: sum((r) => r.counts.openedPreviousWeek),
      closedPreviousWeek: sum((r) => r.counts.closedPreviousWeek),
    },
    requests: sum((r) => r.requests),
    truncated: sum((r) => r.truncated),
    reports: results[0]?.reports ?? [],
  };
}

async function fetchScope(
  graphql: GraphqlCall,
  request: ReportFetchRequest,
): Promise<ReportFetchResult> {
  const { start, cut } = request;
  const scope = [
    ...request.repos.map((r) => `repo:${r}`),
    'is:issue',
    ...[request.excludeLabel, ...(request.otherKitLabels ?? [])].map(
      (l) => `-label:${JSON.stringify(l)}`,
    ),
  ].join(' ');
  let requests = 0;
  const call = async (fields: string[]) => {
    requests += 1;
    return (await graphql(`query { ${fields.join('\n')} }`, {})) as Record<string, SearchPage>;
  };

  // The four sets; the week's new issues one slice per day to begin with.
  const slices: Slice[] = [];
  for (let day = start; day < cut; day += DAY_MS) {
    slices.push({
      base: '',
      field: 'created',
      from: day,
      to: Math.min(cut, day + DAY_MS),
      count: 0,
    });
  }
  slices.push({
    base: `created:<${stamp(start)}`,
    field: 'closed',
    from: start,
    to: cut,
    count: 0,
  });
  slices.push({ base: `is:open`, field: 'created', from: EPOCH, to: start, count: 0 });
  slices.push({
    base: `is:closed created:<${stamp(start)}`,
    field: 'closed',
    from: cut,
    to: Math.max(cut + 1000, Date.parse('2100-01-01T00:00:00Z')),
    count: 0,
  });

  const counts = [
    countField('createdToEnd', `${scope} created:<=${stamp(cut - 1000)}`),
    countField(
      'openedPrevious',
      `${scope} ${range('created', request.previous.start, request.previous.end)}`,
    ),
    countField(
      'closedPrevious',
      `${scope} ${range('closed', request.previous.start, request.previous.end)}`,
    ),
  ];
  const first = slices[0];
  const opening = await call([
    'rateLimit { limit remaining resetAt }',
    ...counts,
    reportsField(request.reportRepo, request.excludeLabel),
    ...slices.map((s, i) => countField(`c${i}`, queryOf(scope, s))),
    ...(first ? [pageField('p', queryOf(scope, first), PAGE, null)] : []),
  ]);
  slices.forEach((s, i) => (s.count = opening[`c${i}`]?.issueCount ?? 0));
  const result: ReportCounts = {
    createdToEnd: opening.createdToEnd?.issueCount ?? 0,
    openedPreviousWeek: opening.openedPrevious?.issueCount ?? 0,
    closedPreviousWeek: opening.closedPrevious?.issueCount ?? 0,
  };

  const raws = new Map<string, RawIssue>();
  const keep = (page: SearchPage | undefined) => {
    for (const raw of page?.nodes ?? []) {
      if (!raw || typeof raw.number !== 'number') continue;
      raws.set(`${raw.repository.nameWithOwner}#${raw.number}`, raw);
    }
  };

  // A first slice small enough keeps its first page; a big one is re-cut and read again.
  interface Pending {
    slice: Slice;
    cursor: string | null;
    left: number;
  }
  const queue: Pending[] = [];
  let truncated = 0;
  let work = slices.filter((s) => s.count > 0);
  const firstPage = opening.p;
  if (first && first.count > 0 && first.count <= SEARCH_CAP && firstPage) {
    keep(firstPage);
    const read = firstPage.nodes?.length ?? 0;
    if (firstPage.pageInfo?.hasNextPage)
      queue.push({
        slice: first,
        cursor: firstPage.pageInfo.endCursor,
        left: Math.max(1, first.count - read),
      });
    work = work.filter((s) => s !== first);
  }

  // Halve slices over the cap until each fits, one request of counts per round.
  for (;;) {
    const big = work.filter((s) => s.count > SEARCH_CAP && s.to - s.from > 2000);
    if (big.length === 0) break;
    const halves = big.flatMap((s) => {
      const mid = s.from + Math.floor((s.to - s.from) / 2000) * 1000;
      return [
        { ...s, to: mid, count: 0 },
        { ...s, from: mid, count: 0 },
      ];
    });
    const answer = await call(halves.map((h, i) => countField(`h${i}`, queryOf(scope, h))));
    halves.forEach((h, i) => (h.count = answer[`h${i}`]?.issueCount ?? 0));
    work = [...work.filter((s) => !big.includes(s)), ...halves.filter((h) => h.count > 0)];
  }
  for (const slice of work) {
    if (slice.count > SEARCH_CAP) truncated += 1;
    queue.push({ slice, cursor: null, left: Math.min(slice.count, SEARCH_CAP) });
  }
  refuseOverBudget(
    queue.reduce((n, p) => n + p.left, 0),
    (opening as unknown as { rateLimit?: RateLimitNow }).rateLimit,
    requests,
    request.budget,
  );

  // Pack 100 issues a request across slices, each picking up where its last page ended.
  while (queue.length > 0) {
    const batch: { pending: Pending; first: number }[] = [];
    let room = PAGE;
    for (const pending of queue) {
      if (room === 0) break;
      const first = Math.min(room, pending.left, PAGE);
      batch.push({ pending, first });
      room -= first;
    }
    const answer = await call(
      batch.map(({ pending, first }, i) =>
        pageField(`s${i}`, queryOf(scope, pending.slice), first, pending.cursor),
      ),
    );
    batch.forEach(({ pending, first }, i) => {
      const page = answer[`s${i}`];
      keep(page);
      const read = page?.nodes?.length ?? 0;
      pending.left -= read;
      pending.cursor = page?.pageInfo?.endCursor ?? pending.cursor;
      // More than counted (issues opened meanwhile) keeps the slice going; fewer ends it.
      if (page?.pageInfo?.hasNextPage && read === first) pending.left = Math.max(pending.left, 1);
      else pending.left = 0;
      if (read === 0) pending.left = 0;
    });
    for (let i = queue.length - 1; i >= 0; i -= 1)
      if ((queue[i]?.left ?? 0) <= 0) queue.splice(i, 1);
  }

  const reports = reportsFrom(opening.reports);
  const tails = await readTails(
    graphql,
    [...raws.values()].filter((r) => r.timeline.pageInfo.hasNextPage),
  );
  requests += tails.requests;
  const issues = [...raws.values()].map((raw) => issueFrom(raw, tails.byId.get(raw.id)));
  return { issues, counts: result, requests, truncated, reports };
}

interface RateLimitNow {
  /** The token's points an hour. */
  limit?: number;
  remaining: number;
  resetAt: string;
}

/**
 * Before reading the week's pages: a report that would spend more GraphQL points than the hour
 * has left (beyond what is kept for the runs events start), or more requests than the run may
 * make, reads nothing further. Nothing is written, and the next run, after the hour turns,
 * writes it whole; a half-read week would be a report that lies. One that needs more than the
 * token's whole hour fails instead, saying what token would do.
 */
function refuseOverBudget(
  toRead: number,
  rate: RateLimitNow | undefined,
  made: number,
  budget: ReportFetchRequest['budget'],
): void {
  const pages = Math.ceil(toRead / PAGE);
  const points = pages * POINTS_PER_PAGE;
  const reserve = budget?.reservePoints ?? 0;
  const left = rate ? rate.remaining - reserve : Number.POSITIVE_INFINITY;
  const requestsLeft = (budget?.requestsLeft ?? Number.POSITIVE_INFINITY) - made;
  if (pages === 0 || (points <= left && pages <= requestsLeft)) return;
  // More than a whole hour of the token: waiting for the next hour would wait forever.
  const limit = rate?.limit ?? Number.POSITIVE_INFINITY;
  if (points > limit - reserve)
    throw new Error(
      `the report needs about ${points} GraphQL points for ${toRead.toLocaleString('en-US')} issues, more than this token has in a whole hour (${limit}${reserve > 0 ? `, ${reserve} of them kept for the runs events start` : ''}): give the report workflow a GitHub App token (its \`token\` secret; an App has 5,000 points an hour or more), or split report.yaml's repositories across reports. Nothing was written`,
    );
  const until = rate ? new Date(rate.resetAt) : undefined;
  const why =
    points > left
      ? `about ${points} GraphQL points for ${toRead.toLocaleString('en-US')} issues, and ${Math.max(0, left)} are left this hour${reserve > 0 ? ` beyond the ${reserve} kept for the runs events start` : ''}${until ? ` (until ${until.toISOString().slice(11, 16)} UTC)` : ''}`
      : `${pages} more requests for ${toRead.toLocaleString('en-US')} issues, and this run may make ${Math.max(0, requestsLeft)}`;
  throw new RateLimitDeferred(until, `the report needs ${why}`);
}

/**
 * An answer whose only errors are ids that no longer resolve (an issue deleted since the search
 * read it): GitHub gives null in their place and a NOT_FOUND error each, which the client
 * throws with the data attached. The rest of the answer stands.
 */
async function despiteMissing(answer: Promise<unknown>): Promise<unknown> {
  try {
    return await answer;
  } catch (error) {
    const { data, errors } = error as { data?: unknown; errors?: { type?: string }[] };
    if (data && errors?.length && errors.every((e) => e.type === 'NOT_FOUND')) return data;
    throw error;
  }
}

/** The latest closings and assignments of the issues whose timeline runs past 100 items. */
async function readTails(
  graphql: GraphqlCall,
  long: readonly RawIssue[],
): Promise<{ byId: Map<string, RawTail>; requests: number }> {
  const byId = new Map<string, RawTail>();
  let requests = 0;
  for (let i = 0; i < long.length; i += PAGE) {
    const ids = long.slice(i, i + PAGE).map((r) => r.id);
    requests += 1;
    const answer = (await despiteMissing(
      graphql(`query($ids: [ID!]!) { nodes(ids: $ids) { id ${TAIL_FIELDS} } }`, { ids }),
    )) as { nodes: ((RawTail & { id: string }) | null)[] };
    for (const node of answer.nodes) if (node) byId.set(node.id, node);
  }
  return { byId, requests };
}

/** Earlier reports were written at least a week ago, long since in the search index. */
function reportsField(reportRepo: string, label: string): string {
  const query = `repo:${reportRepo} is:issue label:${JSON.stringify(label)} sort:created-desc`;
  return `reports: search(query: ${JSON.stringify(query)}, type: ISSUE, first: ${RECENT_REPORTS}) {
      nodes { ... on Issue { number url state body author { __typename login } } } }`;
}

function reportsFrom(page: SearchPage | undefined): LabelledIssue[] {
  return ((page?.nodes ?? []) as unknown as RawReport[])
    .filter((n) => n && typeof n.number === 'number')
    .map((n) => ({
      number: n.number,
      url: n.url,
      state: n.state === 'CLOSED' ? ('closed' as const) : ('open' as const),
      body: n.body ?? '',
      author: n.author ? { login: n.author.login, type: n.author.__typename } : null,
    }));
}

/** The latest issues with the report label alone, in one query of one point. */
export async function fetchRecentReports(
  graphql: GraphqlCall,
  reportRepo: string,
  label: string,
): Promise<LabelledIssue[]> {
  const answer = (await graphql(`query { ${reportsField(reportRepo, label)} }`, {})) as Record<
    string,
    SearchPage
  >;
  return reportsFrom(answer.reports);
}

interface RawReport {
  number: number;
  url: string;
  state: string;
  body: string | null;
  author: RawActor | null;
}
