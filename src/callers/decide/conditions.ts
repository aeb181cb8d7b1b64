/**
 * The job-level `if:` of the callers: GitHub bills every job it starts, rounded up to a minute,
 * and bills none it skips, so a job starts only when the event can change something. What can
 * matter depends on the config, so `init` writes the condition from it.
 */

/** What the config says about which events matter. */
export interface DeskFacts {
  /** intake's status while it waits on the reporter: an edit matters only then. */
  incompleteLabel: string;
  /** Labels that say the issue was acknowledged: a later answer stops no clock. */
  acknowledgedLabels: string[];
  /** An answer changes something: escalation steps, a status, or a page to acknowledge. */
  answersMatter: boolean;
  /** Closing changes something: a status, a playbook's due dates, or a page to resolve. */
  closingMatters: boolean;
}

/** The facts of the kit's defaults (no escalation.yaml: commands only). */
export const DEFAULT_FACTS: DeskFacts = {
  incompleteLabel: 'status/0-more-info-needed',
  acknowledgedLabels: [],
  answersMatter: false,
  closingMatters: false,
};

/**
 * The conditions of the templates in workflows/, for a team that copies them by hand: every
 * answer and every close starts a job, whatever the config, at the price of the jobs `init`
 * would have spared.
 */
export const TEMPLATE_FACTS: DeskFacts = {
  ...DEFAULT_FACTS,
  answersMatter: true,
  closingMatters: true,
};

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
const hasLabel = (label: string) => `contains(github.event.issue.labels.*.name, ${quote(label)})`;
const NOT_A_BOT = "github.event.sender.type != 'Bot'";

/**
 * workflows/issues.yml (opened, edited, reopened, labeled): a new or reopened issue always
 * (monitoring bots file issues too); an edit only while intake waits on the reporter; a label
 * only when a person set it, since the kit's own labels, written with an App token, would
 * otherwise start a run for every label it writes.
 */
export function issuesCondition(facts: DeskFacts): string {
  return [
    "github.event.action == 'opened'",
    "github.event.action == 'reopened'",
    `(github.event.action == 'labeled' && ${NOT_A_BOT})`,
    `(github.event.action == 'edited' && ${hasLabel(facts.incompleteLabel)})`,
  ].join(' || ');
}

/**
 * workflows/escalate.yml (comments; unlabeled, assigned, closed): a comment that may be a
 * command, or a person's answer that may stop a running clock (not the reporter's, not a
 * bot's, not once the issue is acknowledged); a person's label or assignment change; a close
 * when closing changes something. A command on a later line of a comment waits for the next tick.
 */
export function escalateCondition(facts: DeskFacts): string {
  const answer = [
    'github.event.comment.user.login != github.event.issue.user.login',
    ...facts.acknowledgedLabels.map((l) => `!${hasLabel(l)}`),
  ].join(' && ');
  const comment = [
    "github.event_name == 'issue_comment'",
    '!github.event.issue.pull_request',
    "github.event.comment.user.type != 'Bot'",
    facts.answersMatter
      ? `(startsWith(github.event.comment.body, '/') || (${answer}))`
      : "startsWith(github.event.comment.body, '/')",
  ].join(' && ');
  const issue = [
    `(github.event_name == 'issues' && github.event.action != 'closed' && ${NOT_A_BOT})`,
    ...(facts.closingMatters
      ? ["(github.event_name == 'issues' && github.event.action == 'closed')"]
      : []),
  ];
  return [`(${comment})`, ...issue].join(' || ');
}
