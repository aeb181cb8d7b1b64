import { type Author, type KitIdentity, kitWritten } from './kit-identity.js';
import { parseMarkers } from './markers.js';

/**
 * The issues the kit writes for itself: the weekly report, the on-call hand-off logs and the
 * pinned desk-now issue. Every capability that counts, pages or escalates issues must leave them
 * out, so their names live here.
 */
export const REPORT_MARKER_KIND = 'report';
export const HANDOFF_LOG_KIND = 'handoff-log';
export const HANDOFF_LOG_LABEL = 'oncall/handoff-log';
export const DESK_NOW_KIND = 'desk-now';
export const DESK_NOW_LABEL = 'support-kit/desk-now';

/**
 * The labels of the kit's records besides the report's (report.yaml may rename that one): the
 * report leaves issues with them out of its counts and searches.
 */
export const RECORD_LABELS: readonly string[] = [HANDOFF_LOG_LABEL, DESK_NOW_LABEL];

const KIT_ISSUE_KINDS = new Set([REPORT_MARKER_KIND, HANDOFF_LOG_KIND, DESK_NOW_KIND]);

/**
 * An issue the kit opened for its own records is not a support request: it has no response goal,
 * no status, and must never page anyone. Recognised by the marker in its body, written by the
 * kit's identity (a person, or another app, pasting a marker into a real request does not make
 * it the kit's).
 */
export async function isKitIssue(
  issue: { body: string | null; user: Author | null },
  identity: KitIdentity,
): Promise<boolean> {
  const record = (body: string) => parseMarkers(body).some((m) => KIT_ISSUE_KINDS.has(m.kind));
  return (await kitWritten([issue], identity, record)).length > 0;
}
