import { DateTime } from 'luxon';
import { parse } from 'yaml';
import type { Store } from '../emulator/index.js';
import { NO_COVERAGE_LABEL, REPORT_LABEL } from '../../src/kernel/kit-labels.js';
import { HANDOFF_LOG_LABEL } from '../../src/kernel/kit-records.js';
import { formatDuration } from '../../src/report/config/report.js';

/** What intake keeps one of on every issue: its severities (intake.yaml, else its defaults). */
export interface DeskRules {
  severities: string[];
  /** The status family: `status/` for `status/0-triage`. */
  statusPrefix: string;
}

const DEFAULT_SEVERITIES = ['S0-catastrophic', 'S1-broken', 'S2-major', 'S3-minor'];

/** The rules of a desk from its config files (intake.yaml, path to text). */
export function deskRules(files: Record<string, string>): DeskRules {
  const intake = Object.entries(files).find(([path]) => /\/intake\.ya?ml$/.test(path))?.[1];
  const value = (intake ? parse(intake) : {}) as {
    severity?: { labels?: string[] };
    status?: { complete?: string };
  };
  const complete = value.status?.complete ?? 'status/0-triage';
  return {
    severities: value.severity?.labels ?? DEFAULT_SEVERITIES,
    statusPrefix: complete.slice(0, complete.lastIndexOf('/') + 1),
  };
}

/**
 * What must hold on the desk after every run, whatever ran: each issue has at most one of
 * intake's severities and at most one status, no issue is both held for coverage and assigned,
 * and what the kit wrote about who has an issue is what GitHub did (see `assignmentClaims`).
 * Returns what is broken, in words; empty when the desk is sound.
 */
export function deskViolations(store: Store, repo: string, rules: DeskRules): string[] {
  return [
    ...labelViolations(store, repo, rules),
    ...assignmentClaims(store, repo),
    ...reportAgainstLog(store, repo),
  ];
}

function labelViolations(store: Store, repo: string, rules: DeskRules): string[] {
  const severities = new Set(rules.severities.map((s) => s.toLowerCase()));
  const problems: string[] = [];
  for (const issue of store.repo(repo).issues) {
    if (issue.pull_request) continue;
    const names = issue.labels.map((l) => l.name);
    // The kit's own records (hand-off logs, reports) are no support issues.
    if (names.some((n) => n === HANDOFF_LOG_LABEL || n === REPORT_LABEL)) continue;
    const sev = names.filter((n) => severities.has(n.toLowerCase()));
    if (sev.length > 1)
      problems.push(`#${issue.number} has ${sev.length} severities: ${sev.join(', ')}`);
    const status = rules.statusPrefix ? names.filter((n) => n.startsWith(rules.statusPrefix)) : [];
    if (status.length > 1)
      problems.push(`#${issue.number} has ${status.length} statuses: ${status.join(', ')}`);
    if (names.includes(NO_COVERAGE_LABEL) && issue.assignees.length > 0)
      problems.push(
        `#${issue.number} is held for coverage (${NO_COVERAGE_LABEL}) and assigned to ${issue.assignees.join(', ')}`,
      );
  }
  return problems;
}

const KIT_MARKER = '<!-- support-kit:';
/** "Assigned to **dan**", "assigned to **dan**" (on-call), "Assigned @ivy, @leads." (escalation). */
const ASSIGNED_TO = /\b[Aa]ssigned to \*\*([\w\\-]+)\*\*/g;
const ASSIGNED_STEP = /\bAssigned ((?:@[\w-]+[^,.\n]*(?:, )?)+)\./g;
/** A hand-off log line: "- #12 Title (to be reassigned to chloe)" or "(stays with dan...)". */
const LOG_LINE = /^- #(\d+) .*\((to be reassigned to|stays with) \u2060?([\w\\-]+)/gm;

const login = (text: string) => text.replace(/\\/g, '').toLowerCase();

/**
 * Who had what, as the kit told it against what GitHub recorded: every assignment a kit comment
 * announces is an assigned event on the issue, every issue a hand-off log entry moves was
 * assigned to the incoming person, and an issue the entry says stays was not taken from its
 * holder by that run.
 */
function assignmentClaims(store: Store, repo: string): string[] {
  const issues = store.repo(repo).issues.filter((i) => !i.pull_request);
  const byNumber = new Map(issues.map((i) => [i.number, i]));
  const assignedTo = (n: number, who: string) =>
    byNumber.get(n)?.events.some((e) => e.event === 'assigned' && login(e.assignee ?? '') === who);
  const problems: string[] = [];
  for (const issue of issues) {
    const isLog = issue.labels.some((l) => l.name === HANDOFF_LOG_LABEL);
    for (const comment of issue.comments) {
      if (!comment.body.includes(KIT_MARKER)) continue;
      if (isLog) {
        for (const [, n, fate, who] of comment.body.matchAll(LOG_LINE)) {
          const number = Number(n);
          const person = login(who ?? '');
          if (fate === 'to be reassigned to' && !assignedTo(number, person))
            problems.push(
              `the hand-off log moves #${number} to ${person}, who was never assigned it`,
            );
          const taken = byNumber
            .get(number)
            ?.events.some(
              (e) =>
                e.event === 'unassigned' &&
                login(e.assignee ?? '') === person &&
                e.created_at === comment.updated_at,
            );
          if (fate === 'stays with' && taken)
            problems.push(
              `the hand-off log says #${number} stays with ${person}, but that run unassigned them`,
            );
        }
        continue;
      }
      const claimed = [
        ...[...comment.body.matchAll(ASSIGNED_TO)].map((m) => login(m[1] ?? '')),
        ...[...comment.body.matchAll(ASSIGNED_STEP)].flatMap((m) =>
          [...(m[1] ?? '').matchAll(/@([\w-]+)/g)].map((x) => login(x[1] ?? '')),
        ),
      ];
      for (const person of claimed)
        if (!assignedTo(issue.number, person))
          problems.push(
            `#${issue.number}: a kit comment says it was assigned to ${person}, but GitHub never assigned them`,
          );
    }
  }
  return problems;
}

/**
 * One verdict per issue: the issues the latest weekly report lists as breached, and the issues
 * the kit escalated, each as "#N goal" ("#5 30m"). A desk whose escalation ran after every goal
 * fell due has the two equal (test/e2e/scenario-escalation.test.ts, the demo).
 */
export function reportAndEscalation(
  store: Store,
  repo: string,
  /** The report's week so far: escalations of issues opened in it, by the report's cut. */
  week?: { from: string; to: string },
): { breached: string[]; escalated: string[] } {
  const inWeek = (at: string) => !week || (at >= week.from && at < week.to);
  const issues = store.repo(repo).issues;
  const section = sectionOf(latestReport(store, repo), '## Response goal', '\n## ');
  const breached = [
    ...section.matchAll(/^\| \[#\u2060?(\d+)\]\([^)]*\) \|[^|]*\|[^|]*\| ([^|]+) \|/gm),
  ].map((m) => `#${m[1]} ${m[2]?.trim()}`);
  const escalated = issues.flatMap((i) => {
    const step = i.comments.find(
      (c) =>
        c.body.includes('support-kit:escalation-step') &&
        inWeek(i.created_at) &&
        (!week || dueOf(c.body) < Date.parse(week.to)),
    );
    const goal = /response goal of (\d+) business minutes/.exec(step?.body ?? '')?.[1];
    return goal ? [`#${i.number} ${formatDuration(Number(goal) * 60_000)}`] : [];
  });
  return { breached: breached.sort(), escalated: escalated.sort() };
}

/** When an escalation step comment says the goal fell due ("due Mon 2026-11-23 12:00 Europe/Paris"). */
function dueOf(body: string): number {
  const [, local = '', zone = 'UTC'] =
    /\(due (\w{3} \d{4}-\d{2}-\d{2} \d{2}:\d{2}) ([^)\s]+)\)/.exec(body) ?? [];
  return DateTime.fromFormat(local, 'ccc yyyy-MM-dd HH:mm', { zone }).toMillis();
}

/** A hand-off log line's fate of an issue, by issue number: moved to someone, or staying. */
function loggedFates(store: Store, repo: string, from: number, to: number): Map<number, string> {
  const fates = new Map<number, string>();
  const logs = store
    .repo(repo)
    .issues.filter((i) => i.labels.some((l) => l.name === HANDOFF_LOG_LABEL));
  const entries = logs
    .flatMap((log) => log.comments)
    .filter((c) => c.body.includes(KIT_MARKER))
    .filter((c) => Date.parse(c.created_at) >= from && Date.parse(c.created_at) < to)
    .sort((a, b) => a.created_at.localeCompare(b.created_at));
  for (const entry of entries)
    for (const [, n, fate, who] of entry.body.matchAll(LOG_LINE))
      fates.set(Number(n), `${fate === 'stays with' ? 'stays with ' : ''}${login(who ?? '')}`);
  return fates;
}

/**
 * The latest report's "Handed over" table against the hand-off log of the turn it announces
 * (logged in the week after the report's week): an issue the log moves to someone is listed as
 * going to them, one the log keeps with its holder is listed as staying.
 */
function reportAgainstLog(store: Store, repo: string): string[] {
  const report = latestReport(store, repo);
  const week = /(\d{4}-W\d{2})/.exec(report?.title ?? '')?.[1];
  if (!report || !week) return [];
  const end = DateTime.fromISO(week, { zone: 'UTC' }).plus({ weeks: 1 });
  const fates = loggedFates(
    store,
    repo,
    end.minus({ days: 1 }).toMillis(),
    end.plus({ weeks: 1 }).toMillis(),
  );
  const section = sectionOf(report, '### Handed over', '\n---');
  const problems: string[] = [];
  for (const row of section.split('\n').filter((l) => /^\| \[#/.test(l))) {
    const cells = row.split(/(?<!\\)\|/).map((c) => c.trim());
    const number = Number(/#\u2060?(\d+)/.exec(cells[1] ?? '')?.[1]);
    const said = (cells.at(-2) ?? '').toLowerCase();
    const logged = fates.get(number);
    if (logged === undefined) continue;
    const agrees = logged.startsWith('stays with ') ? said.startsWith(logged) : said === logged;
    if (!agrees)
      problems.push(`the report says #${number} goes "${said}", the hand-off log "${logged}"`);
  }
  return problems;
}

/** The kit's latest weekly report issue. */
function latestReport(store: Store, repo: string) {
  return store
    .repo(repo)
    .issues.filter((i) => i.labels.some((l) => l.name === REPORT_LABEL))
    .at(-1);
}

/** A report's text from `heading` to `end`. */
function sectionOf(report: { body: string | null } | undefined, heading: string, end: string) {
  return (report?.body ?? '').split(heading)[1]?.split(end)[0] ?? '';
}
