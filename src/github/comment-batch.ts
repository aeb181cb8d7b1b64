import { GITHUB_BODY_LIMIT } from '../kernel/markdown.js';
import { joinSections, markerKey } from '../kernel/markers.js';
import type { Marker } from '../kernel/plan.js';
import { describeRequestError, type Gateway } from './gateway.js';

/** A row of a plan's results, changed in place once the batch is written. */
export interface BatchedResult {
  status: string;
  detail: string;
}

interface Section {
  marker: Marker;
  text: string;
  result: BatchedResult;
}

/** How the batch creates one comment and finds it again after an uncertain failure. */
export type CreateComment = (
  gateway: Gateway,
  issue: number,
  body: string,
  markers: readonly Marker[],
) => Promise<{ html_url: string }>;

/**
 * The new comments one run has for the issue it is about, written as one comment with a section
 * each: the reporter of a new issue gets what is missing, who has it and the response clock in
 * one comment and one notification, and the run makes one request instead of three. Only new
 * sections wait here; a section a comment already has is edited in place at once.
 */
export class CommentBatch {
  private readonly waiting = new Map<number, Section[]>();

  constructor(
    /** The issues whose new comments wait: the one the run's event is about. */
    private readonly issues: ReadonlySet<number>,
    private readonly create: CreateComment,
  ) {}

  takes(issue: number): boolean {
    return this.issues.has(issue);
  }

  add(issue: number, marker: Marker, text: string, result: BatchedResult): void {
    const list = this.waiting.get(issue) ?? [];
    list.push({ marker, text, result });
    this.waiting.set(issue, list);
    result.status = 'queued';
    result.detail = 'waits to be written with the run’s other comment on this issue';
  }

  holds(marker: Marker): boolean {
    const key = markerKey(marker);
    return [...this.waiting.values()].some((list) => list.some((s) => markerKey(s.marker) === key));
  }

  get pending(): boolean {
    return this.waiting.size > 0;
  }

  /**
   * Writes what waits, one comment per issue (split only where GitHub's size limit demands),
   * and tells each section's result what became of it: the markers written, and what failed.
   */
  async flush(gateway: Gateway): Promise<{ written: Marker[]; failures: string[] }> {
    const written: Marker[] = [];
    const failures: string[] = [];
    for (const [issue, list] of this.waiting) {
      this.waiting.delete(issue);
      for (const group of fitting(list)) {
        try {
          const created = await this.create(
            gateway,
            issue,
            joinSections(group.map((s) => s.text)),
            group.map((s) => s.marker),
          );
          for (const s of group) {
            Object.assign(s.result, { status: 'applied', detail: created.html_url });
            written.push(s.marker);
          }
        } catch (error) {
          const detail = describeRequestError(error);
          for (const s of group) Object.assign(s.result, { status: 'failed', detail });
          failures.push(`#${issue}: ${detail}`);
        }
      }
    }
    return { written, failures };
  }
}

/** Sections in order, grouped so that no comment passes GitHub's body limit. */
function fitting(list: readonly Section[]): Section[][] {
  const groups: Section[][] = [];
  for (const section of list) {
    const last = groups.at(-1);
    const joined = last && joinSections([...last, section].map((s) => s.text));
    if (last && joined !== undefined && joined.length <= GITHUB_BODY_LIMIT) last.push(section);
    else groups.push([section]);
  }
  return groups;
}
