/**
 * A Plan is what a capability decided to do, before anything touches GitHub.
 * Every operation carries the reason it exists, so dry-runs, job summaries and
 * the `plan` output can explain themselves.
 */

export interface RepoRef {
  owner: string;
  repo: string;
}

/** A hidden marker that lets a re-run find what an earlier run wrote. */
export interface Marker {
  kind: string;
  keys: Readonly<Record<string, string>>;
}

interface OperationBase {
  reason: string;
  /**
   * The marker of a comment this plan writes before this operation and that records it (a
   * hand-off's log entry for its moves and its post): held when that comment was not written,
   * so the next run, finding no record, does both.
   */
  needs?: Marker;
}

interface AddLabels extends OperationBase {
  kind: 'add-labels';
  issue: number;
  labels: string[];
}

interface RemoveLabels extends OperationBase {
  kind: 'remove-labels';
  issue: number;
  labels: string[];
}

/**
 * Add and remove labels in one write. `current` is what the event said the issue had when the
 * plan was made; the executor does not trust it for the write (see src/github/apply.ts).
 */
export interface EditLabels extends OperationBase {
  kind: 'edit-labels';
  issue: number;
  current: string[];
  add: string[];
  remove: string[];
}

export interface AddAssignees extends OperationBase {
  kind: 'add-assignees';
  issue: number;
  assignees: string[];
  /** Assigned instead when GitHub will not take `assignees` (not a collaborator, no access). */
  fallback?: string;
}

/**
 * Hand an issue from one assignee to another: the new one is added first and the old one removed
 * only once GitHub has taken the new one, so a refused login never leaves the issue unassigned.
 */
export interface Reassign extends OperationBase {
  kind: 'reassign';
  issue: number;
  from: string;
  to: string;
}

interface RemoveAssignees extends OperationBase {
  kind: 'remove-assignees';
  issue: number;
  assignees: string[];
}

/**
 * An issue named by the marker the kit wrote into it, for a comment on an issue that an earlier
 * operation of the same plan may create (a log issue on its first run).
 */
export interface MarkedIssue {
  marker: Marker;
  /** The labels the marked issue carries, to find it by listing (see upsert-issue). */
  labels: string[];
}

/** Create a comment, or update the one that carries the same marker. */
export interface UpsertComment extends OperationBase {
  kind: 'upsert-comment';
  issue: number | MarkedIssue;
  marker: Marker;
  body: string;
  /**
   * The executor appends a marker for each notification of this plan that failed before this
   * comment is written, so the next run can send it again (pending-notifications.ts).
   */
  recordFailedNotifications?: boolean;
  /**
   * A label the executor keeps on the issue while this comment records a failed notification and
   * takes off once it records none (`present`: the issue had it when the plan was made), so the
   * scheduled sweep finds the issues with something to send again from the issue list alone.
   */
  pendingLabel?: { name: string; present: boolean };
  /**
   * People edit this comment (a checklist they tick): it is never one section among the kit's
   * others, whose later edits could race a tick and undo it.
   */
  alone?: boolean;
  /**
   * A comment says what the kit did, so it is written only once the plan's earlier writes to its
   * issue (and to the issues named here) succeeded: a failed one leaves it unwritten, and the
   * next run, finding no record, does the rest and writes it then.
   */
  reports?: number[];
  /** Written instead when an earlier write failed: the record of what is done so far. */
  incomplete?: string;
}

/** Stands in a notification's payload for the URL of an issue the same plan may open. */
export const ISSUE_URL_SLOT = '<issue-url>';

/**
 * Send a notification outside GitHub (PagerDuty Events API v2, a Slack-compatible webhook). The
 * payload is what is posted, without the secret (routing key, webhook URL): the sender adds it.
 */
export interface Notify extends OperationBase {
  kind: 'notify';
  channel: 'pagerduty' | 'webhook';
  /**
   * The issue it is about. A marked issue (a report or hand-off log the same plan may open) is
   * found when sending, and its URL replaces ISSUE_URL_SLOT in the payload.
   */
  issue: number | MarkedIssue;
  /** Where to post when the config names it (a PagerDuty Events URL); never a secret. */
  endpoint?: string;
  /** Names this notification in the issue's state, so it is sent once and retried when it fails. */
  key: string;
  payload: Record<string, unknown>;
  /**
   * The issue it is about is the kit's own (a report, a hand-off log), with no state comment to
   * hold a failure: a failed delivery is recorded in that issue's body for the next run to send,
   * and cleared from it once sent (`pending`: the body records it now).
   */
  recordOnIssue?: { pending: boolean };
}

/**
 * Sends `notify` operations: PagerDuty Events API v2 and a Slack-compatible webhook. The secrets
 * (routing key, webhook URL) live in the sender, set from the action's inputs by the host.
 */
export interface NotificationSender {
  /** The channels that have their secret set; decide plans nothing for the others. */
  readonly channels: ReadonlySet<Notify['channel']>;
  /** Throws with the endpoint's own words; the executor records it and a later run retries. */
  send(op: Notify): Promise<string>;
}

/** Create an issue, or update the one that carries the same marker. */
export interface UpsertIssue extends OperationBase {
  kind: 'upsert-issue';
  marker: Marker;
  title: string;
  body: string;
  labels: string[];
  /**
   * The issue, open, as the job found it in a listing it made anyway: edited in place without
   * listing again to find it.
   */
  found?: number;
  /**
   * A record that stands for as long as the desk runs (the desk now): pinned to the repository
   * when this creates it, and left alone once a person has closed it (theirs to reopen).
   */
  standing?: boolean;
}

/**
 * Open issues as sub-issues of `issue` (an incident's follow-ups), each once: found again by its
 * marker among the parent's sub-issues, else among the issues with `labels` (created by a run
 * whose link failed, which is then made), else created and linked. Never edited once it exists:
 * people write in it.
 */
export interface OpenSubIssues extends OperationBase {
  kind: 'open-sub-issues';
  /** The parent. */
  issue: number;
  labels: string[];
  items: SubIssueItem[];
}

export interface SubIssueItem {
  marker: Marker;
  title: string;
  body: string;
  /** Logins; one GitHub will not assign leaves the issue created without them, said as a warning. */
  assignees: string[];
}

export interface UpdateIssue extends OperationBase {
  kind: 'update-issue';
  issue: number;
  state?: 'open' | 'closed';
  stateReason?: 'completed' | 'not_planned' | 'duplicate' | 'reopened';
  title?: string;
}

/**
 * Give an issue that has no type this issue type (by name). GitHub drops a type it cannot set
 * without an error, so the executor reads back what it kept: when the type did not take, or a
 * person gave the issue a type meanwhile, `fallback` (the labels the type stands for) is added.
 */
export interface SetIssueType extends OperationBase {
  kind: 'set-issue-type';
  issue: number;
  type: string;
  fallback: string[];
}

export interface CreateLabel extends OperationBase {
  kind: 'create-label';
  name: string;
  /** Six lower-case hex digits, no '#'. */
  color: string;
  description: string;
}

/** Change a repository label in place; with `newName` it is a rename, and every issue keeps it. */
export interface UpdateLabel extends OperationBase {
  kind: 'update-label';
  /** The label's current name on GitHub. */
  name: string;
  newName?: string;
  color?: string;
  description?: string;
}

export interface DeleteLabel extends OperationBase {
  kind: 'delete-label';
  name: string;
}

/** A label the sync looked at and leaves as it is, said aloud so the plan accounts for every label. */
export interface KeepLabel extends OperationBase {
  kind: 'keep-label';
  name: string;
}

/**
 * Create the release that `tag` names, once (a re-run finds it by its tag). GitHub makes the tag
 * from the default branch's head when it does not exist yet; it is never the latest release.
 */
export interface CreateRelease extends OperationBase {
  kind: 'create-release';
  tag: string;
  name: string;
  body: string;
}

/**
 * A file on the release `tag` names. GitHub has no in-place update of an asset: `replaces` is the
 * asset of the same name, deleted first. `label` is what the release page shows for it.
 */
export interface UploadReleaseAsset extends OperationBase {
  kind: 'upload-release-asset';
  tag: string;
  name: string;
  label: string;
  contentType: string;
  content: string;
  replaces?: number;
}

export interface DeleteReleaseAsset extends OperationBase {
  kind: 'delete-release-asset';
  tag: string;
  name: string;
  asset: number;
}

/** A file on the runner, for a later step of the job to publish (the Pages upload). */
export interface WriteFile extends OperationBase {
  kind: 'write-file';
  path: string;
  content: string;
}

/**
 * Record that support issue `issue` waits on an engineering issue: GitHub's issue dependency
 * (`issue` blocked by it) where the API answers, and in every case the kit's record, which the
 * escalation record written after this carries in place of fixLinkSlot (kernel/fix-link.ts). The
 * engineering issue is known (`/fixed-by`) or is the one an earlier plan of the run opened with
 * `marker` in `repo` (`/escalate`). A refused dependency is a warning, never a failure.
 */
export interface LinkFix extends OperationBase {
  kind: 'link-fix';
  issue: number;
  fix: { repo: RepoRef; number: number; id: number } | { repo: RepoRef; marker: Marker };
  at: string;
  by: string;
}

/** Stands in a command's reply for what became of the pull request on `branch`. */
export function pullRequestSlot(branch: string): string {
  return `<pull-request ${branch}>`;
}

/**
 * Open a pull request that changes one file: a branch from the base branch's head, the file
 * written on it, the pull request, and a review asked of each of `reviewers`. The branch is named
 * after what asked for it, so a re-run finds what an earlier run made instead of making it twice.
 */
export interface OpenPullRequest extends OperationBase {
  kind: 'open-pull-request';
  branch: string;
  /** Absent: the repository's default branch. */
  base?: string;
  /** `before`: the text the change was made from; the write is refused if the file moved since. */
  file: { path: string; before: string; after: string };
  title: string;
  body: string;
  reviewers: string[];
  /**
   * What the reply (see pullRequestSlot) says once it is tried: `<pull-url>` stands for the pull
   * request's link, `<error>` for why it could not be opened.
   */
  said: { opened: string; failed: string };
}

export type Operation =
  | AddLabels
  | RemoveLabels
  | EditLabels
  | AddAssignees
  | RemoveAssignees
  | Reassign
  | UpsertComment
  | UpsertIssue
  | OpenSubIssues
  | UpdateIssue
  | SetIssueType
  | CreateLabel
  | UpdateLabel
  | DeleteLabel
  | KeepLabel
  | Notify
  | CreateRelease
  | UploadReleaseAsset
  | DeleteReleaseAsset
  | WriteFile
  | OpenPullRequest
  | LinkFix;

export interface Plan {
  /** The capability that decided this plan (intake, labels, oncall, ...). */
  capability: string;
  repo: RepoRef;
  operations: Operation[];
  /** Decisions that need no write, said aloud so a reader knows they were taken. */
  notes: string[];
  /** A plan shown, never applied: what merging a pull request or a drift check would do. */
  preview?: boolean;
}

export function emptyPlan(capability: string, repo: RepoRef, notes: string[] = []): Plan {
  return { capability, repo, operations: [], notes };
}
