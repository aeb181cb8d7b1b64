import { formatMarker, parseMarkers } from './markers.js';

/**
 * A support issue's link to the engineering issue that fixes it (seed 001's L2 "track the open
 * issue"): one hidden line in the support issue's escalation record, so the kit finds the
 * engineering issue wherever GitHub's issue dependencies are missing (GitHub Enterprise Server
 * before them, a token that may not read the other repository). Where they are there, the
 * support issue is also "blocked by" the engineering issue, which people see on both issues.
 */

const FIX_LINK_KIND = 'fix-link';

export interface FixLink {
  /** owner/name of the engineering repository. */
  repo: string;
  number: number;
  /** The engineering issue's id (not its number): what the dependencies API takes. */
  id: number;
  /** When the support issue started to wait on it. */
  at: string;
  /** GitHub records the dependency too; false: the kit's record alone. */
  native: boolean;
  /** Who linked it (`/escalate`, `/fixed-by`): the support owner asked when it is not planned. */
  by: string;
}

/** Stands in the escalation record for the link a `link-fix` operation makes, once it is tried. */
export function fixLinkSlot(issue: number): string {
  return `<fix-link #${issue}>`;
}

export function formatFixLink(link: FixLink): string {
  return formatMarker({
    kind: FIX_LINK_KIND,
    keys: {
      issue: `${link.repo}#${link.number}`,
      id: String(link.id),
      at: link.at,
      native: link.native ? '1' : '0',
      by: link.by,
    },
  });
}

/** The link recorded in a body (the kit's own section: the caller checks who wrote it). */
export function readFixLink(body: string): FixLink | undefined {
  const keys = parseMarkers(body).find((m) => m.kind === FIX_LINK_KIND)?.keys;
  const ref = /^([^/\s]+\/[^#\s]+)#(\d+)$/.exec(keys?.issue ?? '');
  if (!keys || !ref) return undefined;
  return {
    repo: ref[1] ?? '',
    number: Number(ref[2]),
    id: Number(keys.id) || 0,
    at: keys.at ?? '',
    native: keys.native === '1',
    by: keys.by ?? '',
  };
}
