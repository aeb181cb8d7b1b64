/**
 * GitHub's issue search syntax (the `q` of GET /search/issues and GraphQL `search(type: ISSUE)`):
 * parsed into a predicate and an order. A qualifier the emulator does not know is a 422 naming
 * it, rather than being searched as text.
 */
import { validationFailed } from './errors.js';
import { mentions, sortIssues, type IssueSortField } from './issue-filters.js';
import type { Issue, Repo, Store } from './store.js';

export interface SearchHit {
  repo: Repo;
  issue: Issue;
}

interface ParsedSearch {
  matches(hit: SearchHit, store: Store): boolean;
  sort: { field: IssueSortField | 'best-match'; direction: 'asc' | 'desc' } | null;
}

type Predicate = (hit: SearchHit, store: Store) => boolean;

const lower = (s: string) => s.toLowerCase();

function searchError(message: string) {
  return validationFailed([{ resource: 'Search', field: 'q', code: 'invalid', message }]);
}

interface Token {
  negated: boolean;
  key: string | null;
  value: string;
  quoted: boolean;
}

/** Splits on whitespace outside double quotes; `key:"a b"` stays one token. */
function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  const re = /(-?)(?:([A-Za-z_-]+):)?(?:"([^"]*)"?|(\S+))/g;
  for (const m of q.matchAll(re)) {
    const [, neg, key, quoted, bare] = m;
    tokens.push({
      negated: neg === '-',
      key: key ? lower(key) : null,
      value: quoted ?? bare ?? '',
      quoted: quoted !== undefined,
    });
  }
  return tokens;
}

const DAY_MS = 86_400_000;

interface Instant {
  start: number;
  end: number;
  dateOnly: boolean;
}

/** `token` is the whole qualifier (e.g. `created:>=2024-01-01`), for the error message. */
function parseWhen(raw: string, token: string): Instant {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(raw);
  let text = raw;
  if (!dateOnly && /^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(raw)) text = `${raw}Z`;
  if (dateOnly) text = `${raw}T00:00:00Z`;
  const t = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(raw) || Number.isNaN(t)) {
    throw searchError(`"${token}" is not a valid date or date-time`);
  }
  return { start: t, end: dateOnly ? t + DAY_MS : t, dateOnly };
}

/** `>=D`, `>D`, `<D`, `<=D`, `D`, `A..B` with `*` open ends; D a date or a date-time. */
function dateRange(value: string, qualifier: string): (iso: string | null) => boolean {
  const token = `${qualifier}:${value}`;
  const inRange =
    (lo: number, loIncl: boolean, hi: number, hiIncl: boolean) => (iso: string | null) => {
      if (iso === null) return false;
      const t = Date.parse(iso);
      return (loIncl ? t >= lo : t > lo) && (hiIncl ? t <= hi : t < hi);
    };
  const m = /^(>=|<=|>|<)(.+)$/.exec(value);
  if (m) {
    const op = m[1];
    const w = parseWhen(m[2] ?? '', token);
    if (op === '>=') return inRange(w.start, true, Infinity, true);
    if (op === '>')
      return w.dateOnly
        ? inRange(w.end, true, Infinity, true)
        : inRange(w.start, false, Infinity, true);
    if (op === '<') return inRange(-Infinity, true, w.start, false);
    return w.dateOnly
      ? inRange(-Infinity, true, w.end, false)
      : inRange(-Infinity, true, w.start, true);
  }
  if (value.includes('..')) {
    const [a = '*', b = '*'] = value.split('..');
    const lo = a === '*' ? -Infinity : parseWhen(a, token).start;
    if (b === '*') return inRange(lo, true, Infinity, true);
    const hi = parseWhen(b, token);
    return hi.dateOnly ? inRange(lo, true, hi.end, false) : inRange(lo, true, hi.start, true);
  }
  const w = parseWhen(value, token);
  return w.dateOnly ? inRange(w.start, true, w.end, false) : inRange(w.start, true, w.start, true);
}

function numberRange(value: string, qualifier: string): (n: number) => boolean {
  const num = (s: string) => {
    if (!/^\d+$/.test(s)) throw searchError(`"${qualifier}:${value}" is not a valid number range`);
    return Number(s);
  };
  const m = /^(>=|<=|>|<)(.+)$/.exec(value);
  if (m) {
    const v = num(m[2] ?? '');
    return m[1] === '>='
      ? (n) => n >= v
      : m[1] === '>'
        ? (n) => n > v
        : m[1] === '<'
          ? (n) => n < v
          : (n) => n <= v;
  }
  if (value.includes('..')) {
    const [a = '*', b = '*'] = value.split('..');
    const lo = a === '*' ? -Infinity : num(a);
    const hi = b === '*' ? Infinity : num(b);
    return (n) => n >= lo && n <= hi;
  }
  const v = num(value);
  return (n) => n === v;
}

const sameLogin = (a: string, b: string) => lower(a) === lower(b.replace(/^@/, ''));

/**
 * GitHub's limits on a search ("Search" REST reference, limitations on query length): at most
 * 256 characters, not counting operators or qualifiers, and at most five AND, OR or NOT.
 */
function checkLimits(tokens: Token[]): void {
  const operators = tokens.filter(
    (t) => t.key === null && !t.quoted && ['AND', 'OR', 'NOT'].includes(t.value),
  );
  if (operators.length > 5)
    throw searchError('The search contains more than five AND / OR / NOT operators.');
  const text = tokens
    .filter((t) => t.key === null && !operators.includes(t))
    .map((t) => (t.quoted ? `"${t.value}"` : t.value))
    .join(' ');
  if (text.length > 256) throw searchError('The search is longer than 256 characters.');
}

function parseSearchQuery(q: string): ParsedSearch {
  checkLimits(tokenize(q));
  const predicates: Predicate[] = [];
  const words: { text: string; negated: boolean }[][] = [];
  let orNext = false;
  const inFields = new Set<'title' | 'body' | 'comments'>();
  const repos: string[] = [];
  const owners: string[] = [];
  let sort: ParsedSearch['sort'] = null;
  let negateNext = false;

  for (const token of tokenize(q)) {
    const negated = token.negated !== negateNext;
    negateNext = false;
    const add = (p: Predicate) => predicates.push(negated ? (h, s) => !p(h, s) : p);
    const v = token.value;
    const lv = lower(v);

    if (token.key === null) {
      if (!token.quoted && v === 'OR') {
        // Words joined by OR form one group; an issue matches a group when any of them matches.
        orNext = words.length > 0;
        continue;
      }
      if (!token.quoted && v === 'AND') continue;
      if (!token.quoted && v === 'NOT') {
        negateNext = true;
        continue;
      }
      if (v !== '') {
        const last = words.at(-1);
        if (orNext && last) last.push({ text: lv, negated });
        else words.push([{ text: lv, negated }]);
      }
      orNext = false;
      continue;
    }

    const qualifier = `${token.key}:`;
    switch (token.key) {
      case 'repo':
        if (!v.includes('/')) throw searchError(`"repo:${v}" must be owner/name`);
        if (negated) add((h) => lower(h.repo.full_name) === lv);
        else repos.push(lv);
        break;
      case 'org':
      case 'user':
      case 'owner':
        if (negated) add((h) => lower(h.repo.owner) === lv);
        else owners.push(lv);
        break;
      case 'is':
      case 'type':
      case 'state': {
        const p = isPredicate(lv, token.key);
        if (!p) throw searchError(`unknown value "${token.key}:${v}"`);
        add(p);
        break;
      }
      case 'label': {
        const names = v.split(',').map((n) => lower(n.trim()));
        add((h) => h.issue.labels.some((l) => names.includes(lower(l.name))));
        break;
      }
      case 'no':
        if (lv === 'assignee') add((h) => h.issue.assignees.length === 0);
        else if (lv === 'label') add((h) => h.issue.labels.length === 0);
        else if (lv === 'milestone') add(() => true);
        else throw searchError(`unknown value "no:${v}"`);
        break;
      case 'author':
        add((h) => sameLogin(h.issue.user, v));
        break;
      case 'assignee':
        add((h) => h.issue.assignees.some((a) => sameLogin(a, v)));
        break;
      case 'mentions':
        add((h) => mentions(h.issue, v.replace(/^@/, '')));
        break;
      case 'commenter':
        add((h) => h.issue.comments.some((c) => sameLogin(c.user, v)));
        break;
      case 'involves':
        add(
          (h) =>
            sameLogin(h.issue.user, v) ||
            h.issue.assignees.some((a) => sameLogin(a, v)) ||
            h.issue.comments.some((c) => sameLogin(c.user, v)) ||
            mentions(h.issue, v.replace(/^@/, '')),
        );
        break;
      case 'created': {
        const r = dateRange(v, 'created');
        add((h) => r(h.issue.created_at));
        break;
      }
      case 'updated': {
        const r = dateRange(v, 'updated');
        add((h) => r(h.issue.updated_at));
        break;
      }
      case 'closed': {
        const r = dateRange(v, 'closed');
        add((h) => r(h.issue.closed_at));
        break;
      }
      case 'comments': {
        const r = numberRange(v, 'comments');
        add((h) => r(h.issue.comments.length));
        break;
      }
      case 'in':
        for (const part of lv.split(',')) {
          if (part !== 'title' && part !== 'body' && part !== 'comments') {
            throw searchError(`unknown value "in:${part}"`);
          }
          inFields.add(part);
        }
        break;
      case 'reason': {
        const reason = lv.replace(/ /g, '_');
        if (!['completed', 'not_planned', 'reopened', 'duplicate'].includes(reason)) {
          throw searchError(`unknown value "reason:${v}"`);
        }
        add((h) => h.issue.state_reason === reason);
        break;
      }
      case 'sort': {
        const m = /^(created|updated|comments)(?:-(asc|desc))?$/.exec(lv);
        if (!m) throw searchError(`unknown value "sort:${v}"`);
        sort = { field: m[1] as IssueSortField, direction: (m[2] as 'asc' | 'desc') ?? 'desc' };
        break;
      }
      default:
        throw searchError(
          `support-kit emulator: search qualifier "${qualifier}" is not implemented (in "${token.negated ? '-' : ''}${qualifier}${v}")`,
        );
    }
  }

  // Every `repo:` must hold: GitHub's advanced issue search combines adjacent qualifiers with
  // AND (docs/emulator.md), so two repositories in one query find nothing. The stricter reading.
  if (repos.length > 0) predicates.push((h) => repos.every((r) => r === lower(h.repo.full_name)));
  if (owners.length > 0) predicates.push((h) => owners.includes(lower(h.repo.owner)));
  // GitHub searches title, body and comments unless `in:` narrows it, and matches whole words
  // ("log" does not find "Login"): "Searching issues and pull requests", search by the title,
  // body, or comments.
  const fields = inFields.size > 0 ? inFields : new Set(['title', 'body', 'comments']);
  for (const group of words) {
    const one = (word: { text: string; negated: boolean }): Predicate => {
      const has = (text: string) => containsWords(text, word.text);
      const p: Predicate = (h) =>
        (fields.has('title') && has(h.issue.title)) ||
        (fields.has('body') && has(h.issue.body ?? '')) ||
        (fields.has('comments') && h.issue.comments.some((c) => has(c.body)));
      return word.negated ? (h, s) => !p(h, s) : p;
    };
    const any = group.map(one);
    predicates.push((h, s) => any.some((p) => p(h, s)));
  }

  return { matches: (hit, store) => predicates.every((p) => p(hit, store)), sort };
}

const wordsOf = (text: string) =>
  lower(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** Whether the phrase's words stand in the text, in order and next to each other. */
function containsWords(text: string, phrase: string): boolean {
  const want = wordsOf(phrase);
  if (want.length === 0) return true;
  const have = wordsOf(text);
  for (let i = 0; i + want.length <= have.length; i++)
    if (want.every((w, k) => have[i + k] === w)) return true;
  return false;
}

function isPredicate(value: string, key: string): Predicate | null {
  switch (value) {
    case 'issue':
      return key === 'state' ? null : (h) => h.issue.pull_request === null;
    case 'pr':
    case 'pull-request':
      return key === 'state' ? null : (h) => h.issue.pull_request !== null;
    case 'open':
      return key === 'type' ? null : (h) => h.issue.state === 'open';
    case 'closed':
      return key === 'type' ? null : (h) => h.issue.state === 'closed';
    case 'locked':
      return key === 'is' ? (h) => h.issue.locked : null;
    case 'unlocked':
      return key === 'is' ? (h) => !h.issue.locked : null;
    case 'merged':
      return key === 'is' ? (h) => Boolean(h.issue.pull_request?.merged_at) : null;
    case 'unmerged':
      return key === 'is'
        ? (h) => h.issue.pull_request !== null && !h.issue.pull_request.merged_at
        : null;
    case 'draft':
      return key === 'is' ? (h) => Boolean(h.issue.pull_request?.draft) : null;
    default:
      return null;
  }
}

/**
 * Runs a search over every repository the viewer can see. `override` is the REST `sort`/`order`
 * (which win over a `sort:` qualifier); the default order is newest first.
 */
export function searchIssues(
  store: Store,
  q: string,
  opts: { viewer: string | null; sort?: IssueSortField | null; order?: 'asc' | 'desc' | null },
): SearchHit[] {
  const parsed = parseSearchQuery(q);
  const hits: SearchHit[] = [];
  for (const repo of store.repos.values()) {
    if (repo.private && !opts.viewer) continue;
    for (const issue of repo.issues) {
      const hit = { repo, issue };
      if (parsed.matches(hit, store)) hits.push(hit);
    }
  }
  const field =
    opts.sort ?? (parsed.sort?.field === 'best-match' ? null : parsed.sort?.field) ?? 'created';
  const direction = opts.sort
    ? (opts.order ?? 'desc')
    : (parsed.sort?.direction ?? opts.order ?? 'desc');
  const order = sortIssues(
    hits.map((h) => h.issue),
    field,
    direction,
  );
  const byIssue = new Map(hits.map((h) => [h.issue, h]));
  return order.map((i) => byIssue.get(i) as SearchHit);
}
