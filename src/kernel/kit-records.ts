import { type Author, type KitIdentity, kitWritten } from './kit-identity.js';
import { parseMarkers } from './markers.js';
import type { Marker } from './plan.js';

/**
 * The issues the kit writes for itself: the weekly report, the on-call hand-off logs, the
 * pinned desk-now issue and an incident's follow-ups (its retrospective, summary and customer
 * report, opened as its sub-issues when it closes). Every capability that counts, pages or
 * escalates issues must leave them out, so their names live here.
 */
export const REPORT_MARKER_KIND = 'report';
export const HANDOFF_LOG_KIND = 'handoff-log';
export const HANDOFF_LOG_LABEL = 'oncall/handoff-log';
export const DESK_NOW_KIND = 'desk-now';
export const DESK_NOW_LABEL = 'support-kit/desk-now';
const FOLLOW_UP_KIND = 'follow-up';
export const FOLLOW_UP_LABEL = 'support-kit/follow-up';

/**
 * The labels of the kit's records besides the report's (report.yaml may rename that one): the
 * report leaves issues with them out of its counts and searches.
 */
export const RECORD_LABELS: readonly string[] = [
  HANDOFF_LOG_LABEL,
  DESK_NOW_LABEL,
  FOLLOW_UP_LABEL,
];

const KIT_ISSUE_KINDS = new Set([
  REPORT_MARKER_KIND,
  HANDOFF_LOG_KIND,
  DESK_NOW_KIND,
  FOLLOW_UP_KIND,
]);

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

/** What a follow-up's marker says: whose it is, which item of the playbook, and when it is due. */
export interface FollowUpRecord {
  /** The incident's number. */
  parent: number;
  /** The item's key (`incident-retrospective`). */
  item: string;
  /** ISO instant; absent when the calendar did not open within a year of the close. */
  due?: string;
}

/** The marker a follow-up carries in its body; `due` is left out to find it again. */
export function followUpMarker(record: FollowUpRecord): Marker {
  return {
    kind: FOLLOW_UP_KIND,
    keys: {
      parent: String(record.parent),
      item: record.item,
      ...(record.due !== undefined ? { due: record.due } : {}),
    },
  };
}

/** The follow-up record a body's marker holds, if any (who wrote it is the caller's question). */
export function followUpOf(body: string | null | undefined): FollowUpRecord | undefined {
  const marker = parseMarkers(body).find((m) => m.kind === FOLLOW_UP_KIND);
  const parent = Number(marker?.keys.parent);
  if (!marker || !Number.isInteger(parent) || parent <= 0 || !marker.keys.item) return undefined;
  const due =
    marker.keys.due && !Number.isNaN(Date.parse(marker.keys.due)) ? marker.keys.due : undefined;
  return { parent, item: marker.keys.item, ...(due ? { due } : {}) };
}
