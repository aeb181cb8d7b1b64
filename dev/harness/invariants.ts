import { parse } from 'yaml';
import type { Store } from '../emulator/index.js';
import { NO_COVERAGE_LABEL, REPORT_LABEL } from '../../src/kernel/kit-labels.js';
import { HANDOFF_LOG_LABEL } from '../../src/kernel/kit-records.js';

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
 * intake's severities and at most one status, and no issue is both held for coverage and
 * assigned. Returns what is broken, in words; empty when the desk is sound.
 */
export function deskViolations(store: Store, repo: string, rules: DeskRules): string[] {
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
