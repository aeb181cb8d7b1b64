import type { Marker } from './plan.js';

/**
 * Hidden markers (`<!-- support-kit:KIND key=value -->`) are the kit's only memory:
 * a re-run finds the comment or issue it wrote by its marker and updates it in place.
 */

const PREFIX = 'support-kit:';
const MARKER_RE = /<!--\s*support-kit:([a-z][a-z0-9-]*)((?:\s+[a-z][a-z0-9_-]*=[^\s>]*)*)\s*-->/g;
const KIND_RE = /^[a-z][a-z0-9-]*$/;
const KEY_RE = /^[a-z][a-z0-9_-]*$/;

export function formatMarker(marker: Marker): string {
  if (!KIND_RE.test(marker.kind)) throw new Error(`invalid marker kind "${marker.kind}"`);
  const pairs = Object.keys(marker.keys)
    .sort()
    .map((key) => {
      if (!KEY_RE.test(key)) throw new Error(`invalid marker key "${key}"`);
      return `${key}=${encodeURIComponent(marker.keys[key] ?? '')}`;
    });
  return `<!-- ${PREFIX}${[marker.kind, ...pairs].join(' ')} -->`;
}

export function parseMarkers(body: string | null | undefined): Marker[] {
  if (!body) return [];
  const found: Marker[] = [];
  for (const match of body.matchAll(MARKER_RE)) {
    const keys: Record<string, string> = {};
    for (const pair of (match[2] ?? '').trim().split(/\s+/).filter(Boolean)) {
      const eq = pair.indexOf('=');
      keys[pair.slice(0, eq)] = safeDecode(pair.slice(eq + 1));
    }
    found.push({ kind: match[1] ?? '', keys });
  }
  return found;
}

/** One string per marker, whatever the order of its keys: to tell two markers the same. */
export function markerKey(marker: Marker): string {
  return JSON.stringify([
    marker.kind,
    Object.entries(marker.keys).sort(([a], [b]) => a.localeCompare(b)),
  ]);
}

/** True when the body carries a marker of the same kind whose keys include all of `marker`'s. */
export function hasMarker(body: string | null | undefined, marker: Marker): boolean {
  return parseMarkers(body).some(
    (m) =>
      m.kind === marker.kind &&
      Object.entries(marker.keys).every(([key, value]) => m.keys[key] === value),
  );
}

/** The body the kit writes: the marker on its own first line, then the visible text. */
export function withMarker(marker: Marker, body: string): string {
  return `${formatMarker(marker)}\n${body}`;
}

/** The visible text of a body the kit wrote: without the marker line `withMarker` put first. */
export function withoutMarker(body: string): string {
  const first = body.indexOf('\n');
  const line = first < 0 ? body : body.slice(0, first);
  return parseMarkers(line).length > 0 ? body.slice(first < 0 ? body.length : first + 1) : body;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * One comment can say several things to the reporter of a new issue (what is missing, who has it,
 * the response clock), each in its own section: a rule, then the section's marker line. A later
 * run edits its own section in place and leaves the others as they are.
 */
const SECTION_BREAK = '\n\n---\n';
const SECTION_SPLIT = /\n\n---\n(?=<!--\s*support-kit:)/;

export function sections(body: string): string[] {
  return body.split(SECTION_SPLIT);
}

export function joinSections(parts: readonly string[]): string {
  return parts.join(SECTION_BREAK);
}

/** The section that carries this marker: the whole body when the comment has one section. */
export function sectionOf(body: string, marker: Marker): string | undefined {
  return sections(body).find((part) => hasMarker(part, marker));
}

/**
 * The sections of the issues workflow's one comment on an issue, in the order its capabilities
 * run: what is missing (intake), who has it (on-call), the response clock (escalation's record).
 */
const ISSUE_SECTIONS: readonly string[] = ['intake', 'oncall', 'escalation'];

/**
 * The sections that join that comment when they are new to the issue, by an edit. Intake's never
 * does: what a reporter must add is said in a new comment, which notifies them; who has the issue
 * and the clock's record need no notification of their own (the assignment notifies its person).
 */
export const JOINING_SECTIONS: readonly string[] = ['oncall', 'escalation'];

/** The kind of a section: its first line's marker. */
const kindOf = (section: string) => parseMarkers(section.split('\n', 1)[0])[0]?.kind ?? '';

/**
 * The body with this marker's section replaced by `section`; a new section goes where
 * `ISSUE_SECTIONS` puts it (else last), so a comment reads the same however its runs went.
 */
export function withSection(body: string, marker: Marker, section: string): string {
  const parts = sections(body);
  const at = parts.findIndex((part) => hasMarker(part, marker));
  if (at >= 0) {
    parts[at] = section;
    return joinSections(parts);
  }
  const rank = (kind: string) =>
    ISSUE_SECTIONS.includes(kind) ? ISSUE_SECTIONS.indexOf(kind) : ISSUE_SECTIONS.length;
  const after = parts.findIndex((part) => rank(kindOf(part)) > rank(marker.kind));
  if (after < 0) return joinSections([...parts, section]);
  parts.splice(after, 0, section);
  return joinSections(parts);
}

/** Whether a body is (or holds) a section of the issues workflow's one comment. */
export function hasIssueSection(body: string): boolean {
  return sections(body).some((part) => ISSUE_SECTIONS.includes(kindOf(part)));
}
