import type { Referenced } from './commands/run.js';
import type { RosterFileText } from './commands/roster-pull.js';
import type { FixFacts, FixTargets } from './fix.js';
import type { RepoRef } from '../../kernel/plan.js';
import type { Roster } from '../../roster/types.js';
import type { EscalationConfig } from '../config/escalation.js';
import type {
  Access,
  Channels,
  CommentSnapshot,
  FollowUpSnapshot,
  IssueSnapshot,
  LabelChange,
  Occasion,
} from './types.js';

/**
 * What the escalate decision reads about one issue on one occasion. Its own module, so that the
 * parts of the decision (steps, paging, playbooks) can read it without importing the whole.
 */
export interface DecideInput {
  repo: RepoRef;
  issue: IssueSnapshot;
  /** Every comment on the issue, the kit's own included, oldest first. */
  comments: readonly CommentSnapshot[];
  occasion: Occasion;
  config: EscalationConfig;
  roster?: Roster;
  /** Playbook checklists by playbook name (null: the file is missing). */
  playbooks: Readonly<Record<string, string | null>>;
  channels: Channels;
  now: Date;
  /**
   * The repository access of the authors of unanswered commands (lower-case login), checked
   * through the API by the caller (see `unansweredCommands`).
   */
  access?: Readonly<Record<string, Access>>;
  /**
   * When the issue's labels came on and off, read from its events when the clock may pause (see
   * `needsLabelHistory`); absent: the clock runs as if it never waited on the reporter.
   */
  labelHistory?: readonly LabelChange[];
  /** What the issues named by unanswered `/duplicate` commands are (see `duplicateTargets`). */
  referenced?: Readonly<Record<number, Referenced>>;
  /** roster.yaml's text and path, for `/swap` and `/cover`. */
  rosterFile?: RosterFileText;
  /** The repository's default branch, from the event's payload. */
  defaultBranch?: string;
  /** The incident's follow-up issues, when the sweep listed them (for their reminders). */
  followUps?: readonly FollowUpSnapshot[];
  /** What the engineering issues named by unanswered `/fixed-by` commands are (see `fixedByTargets`). */
  fixTargets?: FixTargets;
  /** The engineering issue the support issue waits on, as the run read it (decide/fix.ts). */
  fixFacts?: FixFacts;
}
