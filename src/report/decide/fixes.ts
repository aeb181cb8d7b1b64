import { AWAITING_FIX_LABEL } from '../../kernel/kit-labels.js';
import type { FixLink } from '../../kernel/fix-link.js';
import { escapeCell, issueLink, table } from '../../kernel/markdown.js';
import type { ReportIssue, Week } from './types.js';
import { formatElapsed } from './stats.js';

/**
 * Seed 001's L2 tracks the engineering issues: the report lists the support issues waiting on
 * engineering at the week's end (the awaiting-fix label, as the issues are now), with the
 * engineering issue each waits on (from the kit's record, read by the job) and how long it has
 * waited; and the fixes released in the week (the released statuses given in it).
 */

/** What the job read for the section: the links by `owner/name#n` of the support issue. */
export interface FixesInput {
  links: Readonly<Record<string, FixLink>>;
  /** The statuses escalation.yaml gives a released fix (status.on.released-beta, -stable). */
  released: { beta?: string; stable?: string };
}

interface Row {
  repo: string;
  number: number;
  title: string;
  url: string;
}

export interface FixesMetrics {
  waiting: (Row & { fix: string | null; waitedMs: number | null })[];
  released: (Row & { stage: 'pre-release' | 'release'; at: string })[];
}

export const supportKey = (repo: string, number: number) => `${repo}#${number}`.toLowerCase();

export function fixesOf(
  fixes: FixesInput,
  week: Week,
  cut: number,
  open: readonly ReportIssue[],
  all: readonly ReportIssue[],
): FixesMetrics {
  const row = (i: ReportIssue): Row => ({
    repo: i.repo,
    number: i.number,
    title: i.title,
    url: i.url,
  });
  const waiting = open
    .filter((i) => i.labels.some((l) => l.toLowerCase() === AWAITING_FIX_LABEL))
    .map((i) => {
      const link = fixes.links[supportKey(i.repo, i.number)];
      const since = link?.at ?? labelledAt(i, AWAITING_FIX_LABEL);
      return {
        ...row(i),
        fix: link ? `${link.repo}#${link.number}` : null,
        waitedMs: since ? cut - Date.parse(since) : null,
      };
    })
    .sort((a, b) => (b.waitedMs ?? 0) - (a.waitedMs ?? 0));
  const stage = (label: string) =>
    fixes.released.stable && label.toLowerCase() === fixes.released.stable.toLowerCase()
      ? ('release' as const)
      : fixes.released.beta && label.toLowerCase() === fixes.released.beta.toLowerCase()
        ? ('pre-release' as const)
        : undefined;
  const released = all.flatMap((i) =>
    i.timeline.flatMap((e) => {
      if (e.kind !== 'labeled') return [];
      const at = Date.parse(e.at);
      const which = stage(e.label);
      return which && at >= week.start && at < cut ? [{ ...row(i), stage: which, at: e.at }] : [];
    }),
  );
  return { waiting, released };
}

function labelledAt(issue: ReportIssue, label: string): string | undefined {
  return issue.timeline
    .filter((e) => e.kind === 'labeled' && e.label.toLowerCase() === label)
    .at(-1)?.at;
}

/** The two sections, only when there is something to list (a desk that never links shows none). */
export function renderFixes(
  f: FixesMetrics | undefined,
  qualified: boolean,
  limit: number,
): string[] {
  if (!f || (f.waiting.length === 0 && f.released.length === 0)) return [];
  const link = (r: Row) => issueLink(r, qualified);
  const more = (n: number) => (n > limit ? [`… and ${n - limit} more.`] : []);
  const out = ['', '## Waiting on engineering', ''];
  if (f.waiting.length === 0) out.push('None.');
  else
    out.push(
      `${f.waiting.length} open issue(s) wait on an engineering fix; the response clock stands still for them. Longest first.`,
      '',
      table(
        ['Issue', 'Title', 'Engineering issue', 'Waiting'],
        f.waiting
          .slice(0, limit)
          .map((r) => [
            link(r),
            escapeCell(r.title),
            r.fix ? `\`${escapeCell(r.fix)}\`` : '',
            r.waitedMs === null ? '' : formatElapsed(r.waitedMs),
          ]),
      ),
      ...more(f.waiting.length),
    );
  out.push('', '## Fixes released this week', '');
  if (f.released.length === 0) out.push('None.');
  else
    out.push(
      table(
        ['Issue', 'Title', 'In a', 'Labelled'],
        f.released
          .slice(0, limit)
          .map((r) => [link(r), escapeCell(r.title), r.stage, r.at.slice(0, 10)]),
      ),
      ...more(f.released.length),
    );
  return out;
}
