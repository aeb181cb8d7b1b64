/**
 * The weekly report's data: issues as the report reads them (a slice of GitHub's, with the
 * timeline entries the definitions need), the config with its defaults filled, and the week.
 * Plain data, so the fetcher, the tests and the renderer agree on one shape.
 */

export interface Actor {
  login: string;
  /** A GitHub App or the Actions token (`__typename` Bot): never a response. */
  bot: boolean;
}

export type ClosedReason = 'completed' | 'not_planned' | 'duplicate';

export type TimelineEntry =
  | {
      kind: 'comment';
      at: string;
      actor: Actor | null;
      /** GitHub's author association of the comment: OWNER, MEMBER, COLLABORATOR, NONE ... */
      association?: string;
    }
  | { kind: 'labeled'; at: string; actor: Actor | null; label: string }
  /** Read for the response clock's pauses (a waiting label coming off), never as an answer. */
  | { kind: 'unlabeled'; at: string; label: string }
  | { kind: 'assigned'; at: string; actor: Actor | null }
  | { kind: 'closed'; at: string; reason: ClosedReason | null; by?: Actor | null }
  | { kind: 'reopened'; at: string }
  /** The issue moved into the repository it is in now, from `from`. */
  | { kind: 'transferred'; at: string; from: string };

export interface ReportIssue {
  /** owner/name of the repository the issue is in now. */
  repo: string;
  number: number;
  title: string;
  url: string;
  /** null: the author's account was deleted (GitHub's ghost). */
  author: Actor | null;
  authorAssociation?: string;
  createdAt: string;
  state: 'open' | 'closed';
  closedAt: string | null;
  /** Current labels (the report counts by labels as they are now, not as they were). */
  labels: string[];
  assignees: string[];
  /** In time order: comments, labels, assignments, closings, reopenings and transfers. */
  timeline: TimelineEntry[];
  /**
   * More early entries exist than were read: when none of those read is a response, the first
   * response cannot be known, and the issue is counted as not measured rather than unanswered.
   */
  responsesTruncated?: boolean;
  /**
   * The latest assignment changes, oldest first: replayed backwards from `assignees` they give
   * the assignees at an earlier instant (a hand-off may have reassigned since). Absent: none.
   */
  assignmentChanges?: AssignmentChange[];
}

export interface AssignmentChange {
  at: string;
  login: string;
  /** true: assigned; false: unassigned. */
  added: boolean;
}

export interface LabelPrefixes {
  severity: string;
  status: string;
  area: string;
}

interface ResponseGoals {
  /** A roster calendar; absent: the goal runs round the clock. */
  calendar?: string;
  /** Milliseconds of business time. */
  defaultMs: number;
  /** Severity key (S1 or S1-broken) → milliseconds. */
  severities: Record<string, number>;
}

export interface ReportConfig {
  /** owner/name; empty: the repository the run is in. */
  repositories: string[];
  /** Absent: the roster's first site zone, else UTC (resolved by {@link resolveZone}). */
  timezone?: string;
  week: 'previous' | 'current';
  /** Absent: the rotation's week when the roster has a weekly rotation (config/period.ts). */
  period?: 'iso-week' | 'rotation';
  staleAfterDays: number;
  labels: LabelPrefixes;
  majorSeverities: string[];
  goals: ResponseGoals;
  team: string[];
  title: string;
  label: string;
  listLimit: number;
}

/** An ISO week in a zone: [start, end) in epoch milliseconds, local Monday 00:00 to Monday 00:00. */
export interface Week {
  /** 2026-W47: the ISO week the period starts in. */
  id: string;
  zone: string;
  start: number;
  end: number;
  /** Local dates (YYYY-MM-DD) of the seven days, the first day first. */
  days: string[];
  /** When the period opens: ISO weeks at Monday 00:00, a rotation's at its hand-off. */
  opens: PeriodOpening;
}

/** A weekly period's opening in its zone: the day (0 = Monday) and the minutes after midnight. */
export interface PeriodOpening {
  day: number;
  minutes: number;
  /** The rotation whose hand-off opens the period; none for ISO weeks. */
  rotation?: string;
}

/** Counts the search index gives cheaply (issueCount), with no issue fetched. */
export interface ReportCounts {
  /** Issues created up to the end of the week, all time. */
  createdToEnd: number;
  openedPreviousWeek: number;
  closedPreviousWeek: number;
}

/** A report issue the kit wrote earlier, found by its marker. */
export interface PreviousReport {
  number: number;
  week: string;
  state: 'open' | 'closed';
  url: string;
  /** Its link's post to the webhook failed and is recorded in its body for a later run. */
  linkPending?: boolean;
  /** Its week's figures, as it counted them once the week was over (its figures marker). */
  figures?: WeekFigures;
}

/** What a report counted for its week, written into it so next week's compares like with like. */
export interface WeekFigures {
  opened: number;
  closed: number;
  /** Open at the week's end; answered within the goal and late; the median first response. */
  backlog?: number;
  met?: number;
  breached?: number;
  medianResponseMinutes?: number;
}

/** One week of the trend: its ISO week and the figures its report counted. */
export interface TrendWeek {
  week: string;
  figures: WeekFigures;
}
