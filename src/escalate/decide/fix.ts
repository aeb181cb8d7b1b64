import type { LinkFix, Marker, RepoRef } from '../../kernel/plan.js';
import { AWAITING_FIX_LABEL } from '../../kernel/kit-labels.js';
import { escapeInline } from '../../kernel/markdown.js';
import { hasLabel } from '../config/escalation.js';
import type { Work } from './work.js';
import type { EscalationState } from './state.js';
import type { FixLink } from '../../kernel/fix-link.js';
import type { IssueSnapshot } from './types.js';

/**
 * Seed 001's L2 "track the open issue to make sure it is resolved": a support issue linked to
 * the engineering issue that fixes it, by `/escalate` (the issue it opens) or `/fixed-by` (one
 * that exists). Linking records the link (decide plans a `link-fix`, the executor makes it),
 * labels the issue as awaiting a fix and gives it the `escalated` status.
 */

/** The engineering issue a `/fixed-by` names, as the job found it (one GET each). */
interface FixTarget {
  /** owner/name */
  repo: string;
  number: number;
  id: number;
}

/** By `fixKey`: what each issue `/fixed-by` names is; 'missing' when it is no issue there. */
export type FixTargets = Readonly<Record<string, FixTarget | 'missing'>>;

const ISSUE_REF = /^(?:([A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+))?#(\d+)$/;

/** `owner/name#12`, or `#12` in this repository; undefined when it is neither. */
export function fixedByRef(
  arg: string,
  here: RepoRef,
): { repo: string; number: number } | undefined {
  const match = ISSUE_REF.exec(arg);
  if (!match) return undefined;
  return { repo: match[1] ?? `${here.owner}/${here.repo}`, number: Number(match[2]) };
}

/** The key of an engineering issue in FixTargets: `owner/name#12`, lower-case. */
export function fixKey(ref: { repo: string; number: number }): string {
  return `${ref.repo}#${ref.number}`.toLowerCase();
}

/** The marker of the issue `/escalate` opens in the engineering repository. */
export function escalatedFromMarker(from: string): Marker {
  return { kind: 'escalated-from', keys: { issue: from } };
}

/** The support issue starts to wait on `fix`: once the executor has made the link. */
export function startFollowing(
  work: Work,
  link: { issue: number; fix: LinkFix['fix']; at: string; by: string },
): void {
  work.links = [{ kind: 'link-fix', ...link, reason: `follow the fix of #${link.issue}` }];
  work.ackIfNone = { at: link.at, by: link.by, how: 'command' };
  if (!hasLabel(work.labels, AWAITING_FIX_LABEL)) work.labels.push(AWAITING_FIX_LABEL);
  work.statusEvents.push('escalated');
}

/** The engineering issue, as a reply names it: `docker/pinata#12`, which GitHub links. */
export function fixText(ref: { repo: string; number: number }): string {
  return `${escapeInline(ref.repo)}#${ref.number}`;
}

/** The escalation record's line on the fix: what the support issue waits on, and how far it got. */
export function fixLine(fix: FixLink, state: EscalationState): string {
  const told = state.told;
  const where = `${fixText(fix)}${fix.native ? '' : " (in the kit's record only: GitHub did not take the dependency)"}`;
  if (told?.stable) return `Fixed by ${where}; released in ${escapeInline(told.stable)}.`;
  if (told?.beta) return `Fixed by ${where}; in the pre-release ${escapeInline(told.beta)}.`;
  if (told?.state === 'fixed') return `Fixed by ${where}; waiting for a release.`;
  if (told?.state === 'not-planned') return `${where} was closed as not planned.`;
  return waitingLine(fix.repo, fix.at);
}

/**
 * The same words before the link is made and after (the issue's number and how it is recorded
 * show on GitHub's "blocked by"), so the next run leaves the record as it is.
 */
export function waitingLine(repo: string, at: string): string {
  return `Waiting on engineering in ${escapeInline(repo)} since ${at}.`;
}

/** The engineering issue as the run read it (one query for every linked issue of a repository). */
export interface FixFacts {
  state: 'open' | 'closed';
  /** GraphQL's IssueStateReason: COMPLETED, NOT_PLANNED, DUPLICATE, REOPENED; null when open. */
  reason: string | null;
  closedAt: string | null;
  /** The commit that closed it (null: closed by hand); absent when the run did not read it. */
  commit?: string | null;
  /** The releases published since it closed that the run looked at, oldest first. */
  releases?: ReleaseFact[];
}

export interface ReleaseFact {
  tag: string;
  url: string;
  prerelease: boolean;
  /** The closing commit is in the release's tag (docs/escalation.md, "Following the fix"). */
  contains: boolean;
}

type News = 'open' | 'fixed' | 'not-planned';

function newsOf(facts: FixFacts): News {
  if (facts.state === 'open') return 'open';
  return facts.reason === 'NOT_PLANNED' || facts.reason === 'DUPLICATE' ? 'not-planned' : 'fixed';
}

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

/**
 * What the engineering issue did since the kit last told: closed as completed gives the `fixed`
 * status and tells the reporter; closed as not planned asks the support owner (who linked it, and
 * the assignees) what to tell the reporter, and the issue waits on engineering no more; reopened
 * takes the issue back to the `escalated` status. Each news is told once (state.told).
 */
export function followFix(
  input: { issue: IssueSnapshot; fixFacts?: FixFacts },
  work: Work,
  state: EscalationState,
): void {
  const { fix } = state;
  const facts = input.fixFacts;
  if (!fix || !facts) return;
  const news = newsOf(facts);
  const told = state.told?.state ?? 'open';
  if (news === told && news !== 'fixed') return;
  const issue = input.issue.number;
  const ref = fixText(fix);
  const at = facts.closedAt ?? '';
  state.told = news === 'fixed' ? { ...state.told, state: news } : { state: news };
  if (news === 'open') {
    work.statusEvents.push('escalated');
    if (!hasLabel(work.labels, AWAITING_FIX_LABEL)) work.labels.push(AWAITING_FIX_LABEL);
    work.notes.push(`#${issue}: ${fix.repo}#${fix.number} was reopened; back to waiting on it`);
    return;
  }
  if (news === 'fixed' && told === 'fixed') {
    followRelease(input.issue, facts, work, state, fix);
    return;
  }
  if (news === 'fixed') {
    work.statusEvents.push('fixed');
    const reporter = LOGIN.test(input.issue.author) ? `@${input.issue.author}: ` : '';
    tell(work, issue, fix, { news, at }, [
      `${reporter}the engineering issue ${ref} was closed as fixed. This issue says so again when the fix is in a release.`,
    ]);
    followRelease(input.issue, facts, work, state, fix);
    return;
  }
  work.labels = work.labels.filter((l) => l.toLowerCase() !== AWAITING_FIX_LABEL);
  const owners = [...new Set([fix.by, ...input.issue.assignees])].filter((l) => LOGIN.test(l));
  tell(work, issue, fix, { news, at }, [
    `${owners.map((o) => `@${o}`).join(' ')}${owners.length ? ': ' : ''}${ref} was closed as not planned. Decide what to tell the reporter: \`/status wont-fix\`, or \`/fixed-by\` another issue.`,
  ]);
}

/** One comment per news of one engineering issue: a re-run finds it by its marker. */
function tell(
  work: Work,
  issue: number,
  fix: FixLink,
  news: { news: string; at: string },
  lines: string[],
): void {
  work.comments.push({
    kind: 'upsert-comment',
    issue,
    marker: { kind: 'fix-news', keys: { issue: `${fix.repo}#${fix.number}`, ...news } },
    body: lines.join('\n\n'),
    reason: `${fix.repo}#${fix.number}: ${news.news}`,
  });
}

/**
 * The fix reaches a release: the first published pre-release whose tag holds the closing commit
 * gives the beta status, the first release (not a pre-release) the stable one, each with one
 * comment linking it; after the stable release the issue waits no more. An engineering issue
 * closed by hand names no commit: no release is claimed, and a person labels it.
 */
function followRelease(
  issue: IssueSnapshot,
  facts: FixFacts,
  work: Work,
  state: EscalationState,
  fix: FixLink,
): void {
  const told = { ...(state.told ?? { state: 'fixed' as const }) };
  if (facts.commit !== undefined) told.commit = facts.commit ?? 'none';
  const releases = facts.releases ?? [];
  if (releases.length > 0) told.checked = releases[releases.length - 1]?.tag ?? told.checked;
  state.told = told;
  if (told.stable || told.commit === 'none') return;
  const stable = releases.find((r) => r.contains && !r.prerelease);
  const beta = told.beta ? undefined : releases.find((r) => r.contains && r.prerelease);
  const reached = stable ?? beta;
  if (!reached) return;
  if (stable) told.stable = stable.tag;
  else if (beta) told.beta = beta.tag;
  work.statusEvents.push(stable ? 'released-stable' : 'released-beta');
  if (stable) work.labels = work.labels.filter((l) => l.toLowerCase() !== AWAITING_FIX_LABEL);
  const kind = stable ? 'release' : 'pre-release';
  tell(work, issue.number, fix, { news: `released-${reached.tag}`, at: '' }, [
    `The fix (${fixText(fix)}) is in the ${kind} [${escapeInline(reached.tag)}](${reached.url}).`,
  ]);
}
