import type { LinkFix, Marker, RepoRef } from '../../kernel/plan.js';
import { AWAITING_FIX_LABEL } from '../../kernel/kit-labels.js';
import { escapeInline } from '../../kernel/markdown.js';
import { hasLabel } from '../config/escalation.js';
import type { Work } from './work.js';
import type { EscalationState } from './state.js';
import type { FixLink } from '../../kernel/fix-link.js';

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
  return `Waiting on engineering since ${fix.at}: ${where}.`;
}
