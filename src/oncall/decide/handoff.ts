import { HANDOFF_LOG_KIND, HANDOFF_LOG_LABEL } from '../../kernel/kit-records.js';
import { parseMarkers } from '../../kernel/markers.js';
import type { Marker, MarkedIssue, Operation } from '../../kernel/plan.js';
import { onCallAt } from '../../roster/resolve.js';
import { routeFor } from '../../roster/routes.js';
import { boundariesBetween } from '../../roster/shifts.js';
import { DAY_MS, describeLocal, MINUTE_MS } from '../../roster/time.js';
import type { Handoff, Roster } from '../../roster/types.js';
import { details, escapeInline, noMention } from '../../kernel/markdown.js';
import { plural } from '../../kernel/words.js';

/**
 * The hand-off: when the first role of a schedule changes hands, the scheduled run writes an
 * entry in the schedule's hand-off log (one issue per schedule and month, so a follow-the-sun
 * desk's three hand-offs a day stay readable), mentioning the incoming person and listing what
 * the outgoing one leaves open, and reassigns those issues when the schedule asks for it.
 *
 * The log is also the job's memory: the last entry says up to where hand-offs were handled, so
 * a late or dropped cron run catches up on every boundary it missed, and a re-run writes nothing.
 */

/** Without any entry yet (a new desk), only the latest hand-off of the past week is logged. */
const FIRST_RUN_LOOK_BACK_MS = 8 * DAY_MS;

/** A run that finds more missed hand-offs than this logs the latest ones and says how many it skipped. */
export const MAX_CATCH_UP = 12;

/** A run this much later than the hand-off says so in the entry: the reader should know. */
const LATE_MS = 30 * MINUTE_MS;

export function handoffLogMarker(schedule: string, month: string): Marker {
  return { kind: HANDOFF_LOG_KIND, keys: { schedule, month } };
}

export function handoffEntryMarker(schedule: string, at: string): Marker {
  return { kind: 'handoff', keys: { schedule, at } };
}

/** The month a hand-off is logged under: the UTC month of its instant, YYYY-MM. */
export function logMonth(at: string | Date): string {
  return new Date(at).toISOString().slice(0, 7);
}

function logTitle(schedule: string, month: string): string {
  return `On-call hand-offs: ${schedule}, ${month}`;
}

/** A log issue the job found: its month, its number, and the entries already in it. */
export interface HandoffLog {
  month: string;
  number: number;
  state: 'open' | 'closed';
  /** Instants (ISO) of the hand-offs logged in it, read from the markers of the kit's comments. */
  logged: string[];
}

/** The instants of the hand-offs a list of the kit's comments records for one schedule. */
export function loggedHandoffs(schedule: string, bodies: readonly string[]): string[] {
  return bodies.flatMap((body) =>
    parseMarkers(body)
      .filter((m) => m.kind === 'handoff' && m.keys.schedule === schedule && m.keys.at)
      .map((m) => m.keys.at ?? ''),
  );
}

export interface PendingHandoffs {
  handoffs: Handoff[];
  /** Missed hand-offs older than the catch-up limit: counted, not logged. */
  skipped: number;
  /** The last hand-off already logged, if any. */
  since?: string;
}

/** The hand-offs the log does not have yet, oldest first. */
export function pendingHandoffs(
  roster: Roster,
  schedule: string,
  logs: readonly HandoffLog[],
  now: Date,
): PendingHandoffs {
  const logged = logs.flatMap((l) => l.logged).sort((a, b) => Date.parse(a) - Date.parse(b));
  const since = logged[logged.length - 1];
  const from = since ? new Date(since) : new Date(now.getTime() - FIRST_RUN_LOOK_BACK_MS);
  const seen = new Set(logged.map((at) => Date.parse(at)));
  let all = boundariesBetween(roster, schedule, from, now).filter(
    (h) => !seen.has(Date.parse(h.at)),
  );
  if (!since) all = all.slice(-1);
  const skipped = Math.max(0, all.length - MAX_CATCH_UP);
  return { handoffs: all.slice(skipped), skipped, ...(since ? { since } : {}) };
}

/** An open issue the job found assigned to one of the outgoing people. */
export interface HandoffIssue {
  number: number;
  title: string;
  labels: string[];
  assignees: string[];
  /**
   * The kit's on-call comment is on the issue: the kit assigned it (on opening, or on release
   * from a hold). Only such an issue changes hands, and only while the outgoing person is its one
   * assignee; an issue a person assigned, or gave a second assignee, is theirs to move.
   */
  kitAssigned: boolean;
}

/**
 * The hand-off the log records last, when its outgoing person may still hold issues the kit
 * meant to move: GitHub refused the incoming login, or the run died between the entry and the
 * reassignment. Each run re-checks that one person, so a move that failed is retried until it
 * takes, and a move that took costs one listing to confirm.
 */
export function lastLoggedHandoff(
  roster: Roster,
  schedule: string,
  since: string | undefined,
): Handoff | undefined {
  if (!since || roster.schedules[schedule]?.handoff.reassign !== 'open') return undefined;
  const at = Date.parse(since);
  return boundariesBetween(roster, schedule, new Date(at - 1), new Date(at)).find(
    (h) => Date.parse(h.at) === at && h.from !== null,
  );
}

export interface HandoffInput {
  roster: Roster;
  schedule: string;
  pending: PendingHandoffs;
  /** The schedule's log issues the job found (the current month's, and older ones still open). */
  logs: readonly HandoffLog[];
  /** Open issues (not pull requests) assigned to anybody who hands off. */
  issues: readonly HandoffIssue[];
  now: Date;
}

export interface HandoffDecision {
  operations: Operation[];
  notes: string[];
}

export function decideHandoffs(input: HandoffInput): HandoffDecision {
  const { roster, schedule, pending, now } = input;
  const policy = roster.schedules[schedule]?.handoff.reassign ?? 'none';
  const operations: Operation[] = [];
  const notes: string[] = [];
  if (pending.handoffs.length === 0) {
    notes.push(
      `${schedule}: no hand-off since ${pending.since ?? 'the last week'}; nothing to log`,
    );
    if (policy !== 'open') return { operations, notes };
  }

  // Only issues this schedule answers for change hands: a person's other work is not the rota's.
  const ours = input.issues.filter((i) => routeFor(roster, i.labels)?.schedule === schedule);
  const retry = policy === 'open' ? lastLoggedHandoff(roster, schedule, pending.since) : undefined;
  // Moves an earlier run made halfway: the incoming person added, the outgoing one still on.
  // Only for a logged hand-off: its log entry is written before the move, so a pending one
  // moved nothing, and two people on an issue then are a person's choice.
  const halfway = new Map(
    ours.flatMap((i) => {
      const move = retry ? halfMoved(i, retry) : undefined;
      return move ? [[i.number, move] as const] : [];
    }),
  );
  // Who holds each issue the kit may move, as the hand-offs are played in order.
  const holders = new Map([
    ...ours.filter((i) => movable(i)).map((i) => [i.number, i.assignees[0] ?? ''] as const),
    ...[...halfway].map(([n, move]) => [n, move.to] as const),
  ]);
  const assigneesOf = (issue: HandoffIssue): string[] => {
    const holder = holders.get(issue.number);
    return holder ? [holder] : issue.assignees;
  };
  const ensured = new Set<string>();
  // The log entry that says each issue moves: the move waits for it (the executor holds it back).
  const loggedBy = new Map<number, Marker>();

  pending.handoffs.forEach((handoff, index) => {
    const leaving = handoff.from
      ? ours.filter((i) => assigneesOf(i).includes(handoff.from ?? ''))
      : [];
    const moving = new Set<number>();
    if (policy === 'open' && handoff.from) {
      for (const issue of leaving) {
        if (holders.get(issue.number) !== handoff.from) continue;
        holders.set(issue.number, handoff.to);
        moving.add(issue.number);
        loggedBy.set(issue.number, handoffEntryMarker(schedule, handoff.at));
      }
    }
    const month = logMonth(handoff.at);
    const log = input.logs.find((l) => l.month === month);
    const target: number | MarkedIssue = log
      ? log.number
      : { marker: handoffLogMarker(schedule, month), labels: [HANDOFF_LOG_LABEL] };
    if (!log && !ensured.has(month)) {
      ensured.add(month);
      operations.push({
        kind: 'upsert-issue',
        marker: handoffLogMarker(schedule, month),
        title: logTitle(schedule, month),
        body: logBody(roster, schedule, month),
        labels: [HANDOFF_LOG_LABEL],
        reason: `the first hand-off of ${month} for ${schedule} opens its log`,
      });
    }
    operations.push({
      kind: 'upsert-comment',
      issue: target,
      marker: handoffEntryMarker(schedule, handoff.at),
      body: entryBody({
        roster,
        schedule,
        handoff,
        leaving,
        moving,
        now,
        skipped: index === 0 ? pending.skipped : 0,
      }),
      reason: `log the hand-off of ${schedule} from ${handoff.from ?? 'nobody'} to ${handoff.to}`,
    });
  });

  if (policy === 'open') {
    const incoming = pending.handoffs[pending.handoffs.length - 1]?.to ?? retry?.to;
    for (const issue of ours) {
      const half = halfway.get(issue.number);
      if (half) operations.push(finishMove(issue.number, half, schedule));
      const from = half ? half.to : issue.assignees[0];
      let to = holders.get(issue.number);
      // A move an earlier run logged but GitHub did not make: the issue still sits with the
      // person who handed off, who is off call now.
      const stranded = retry && to === retry.from && from === retry.from && incoming !== from;
      if (stranded) to = incoming;
      // Chains (a to b to c while the cron slept) collapse into one move from a to c.
      if (!from || !to || to === from) continue;
      const logged = loggedBy.get(issue.number);
      operations.push({
        kind: 'reassign',
        issue: issue.number,
        from,
        to,
        ...(logged ? { needs: logged } : {}),
        reason: stranded
          ? `hand-off retry: ${from} handed ${schedule} over at ${retry?.at} and still has #${issue.number}; ${to} is on`
          : `hand-off: ${from} is off call for ${schedule}, ${to} is on`,
      });
      if (stranded)
        notes.push(
          `${schedule}: #${issue.number} is still with ${from} after the hand-off at ${retry?.at}; moving it to ${to} again`,
        );
    }
  }

  if (pending.handoffs.length === 0) return { operations, notes };
  // A month's log is closed once the next month's has its first entry.
  const latestMonth = logMonth(pending.handoffs[pending.handoffs.length - 1]?.at ?? now);
  for (const log of input.logs) {
    if (log.state === 'open' && log.month < latestMonth) {
      operations.push({
        kind: 'update-issue',
        issue: log.number,
        state: 'closed',
        stateReason: 'completed',
        reason: `the ${schedule} hand-offs of ${log.month} are all logged; ${latestMonth} has its own log`,
      });
    }
  }
  notes.push(
    `${schedule}: ${pending.handoffs.length} hand-off(s) to log${pending.skipped ? `, ${pending.skipped} older one(s) skipped` : ''}`,
  );
  return { operations, notes };
}

function logBody(roster: Roster, schedule: string, month: string): string {
  const policy = roster.schedules[schedule]?.handoff.reassign ?? 'none';
  return [
    `Every hand-off of the **${escapeInline(schedule)}** schedule in ${month} is a comment below: who takes over, who backs them up, and what the outgoing person leaves open.`,
    '',
    policy === 'open'
      ? 'Open issues of the outgoing person go to the incoming one (`handoff.reassign: open` in roster.yaml).'
      : 'Open issues stay with whoever has them (`handoff.reassign: none` in roster.yaml); the list says what to pick up.',
    '',
    'Written by support-kit from `roster.yaml`; a late or missed scheduled run catches up here.',
  ].join('\n');
}

interface EntryInput {
  roster: Roster;
  schedule: string;
  handoff: Handoff;
  leaving: readonly HandoffIssue[];
  /** The issues of `leaving` this hand-off moves to the incoming person. */
  moving: ReadonlySet<number>;
  now: Date;
  skipped: number;
}

function entryBody(input: EntryInput): string {
  const { roster, schedule, handoff, leaving, moving, now } = input;
  const policy = roster.schedules[schedule]?.handoff.reassign ?? 'none';
  const at = Date.parse(handoff.at);
  const onCall = onCallAt(roster, schedule, new Date(at));
  const role = roster.schedules[schedule]?.roles[0] ?? 'primary';
  const zone = siteZone(roster, handoff.to) ?? 'UTC';
  const incoming = onCall.roles[role];
  const backupRole = roster.schedules[schedule]?.roles[1];
  const backup = backupRole ? onCall.roles[backupRole] : undefined;
  const shadowRole = roster.schedules[schedule]?.shadow?.role;
  const shadow = shadowRole ? onCall.roles[shadowRole] : undefined;
  const lines = [
    `### ${escapeInline(schedule)} ${escapeInline(role)}: ${handoff.from ? noMention(handoff.from) : 'nobody'} → ${noMention(handoff.to)}`,
    '',
    // The mentions the kit writes: the person now on call must know, and so must whoever
    // shadows them, who learns only by being told.
    `@${handoff.to} is on call from ${describeLocal(at, zone)}${incoming ? ` until ${describeLocal(Date.parse(incoming.shiftEnd), zone)}` : ''}.${backup ? ` Backup: ${noMention(backup.login)}.` : ''}${shadow ? ` @${shadow.login} shadows (${escapeInline(shadowRole ?? '')}).` : ''}`,
  ];
  if (handoff.from) {
    lines.push('');
    if (leaving.length === 0) {
      lines.push(`${noMention(handoff.from)} leaves no open issue of this schedule.`);
    } else {
      lines.push(`${noMention(handoff.from)} leaves ${plural(leaving.length, 'open issue')}:`);
      for (const issue of leaving) {
        // Written before GitHub is asked: the entry says what the kit will do, not what it did.
        const fate = moving.has(issue.number)
          ? `to be reassigned to ${noMention(handoff.to)}`
          : policy === 'open'
            ? `stays with ${noMention(handoff.from)}: ${whyItStays(issue, handoff.from)}`
            : `stays with ${noMention(handoff.from)}`;
        lines.push(`- #${issue.number} ${escapeInline(issue.title)} (${fate})`);
      }
    }
  }
  const late = now.getTime() - at;
  const footer: string[] = [];
  if (late > LATE_MS)
    footer.push(
      `Logged ${describeDelay(late)} after the hand-off: the scheduled run was late or missed.`,
    );
  if (input.skipped > 0)
    footer.push(
      `${input.skipped} earlier hand-off${input.skipped === 1 ? ' was' : 's were'} not logged: no scheduled run saw them, and a run catches up on at most the latest ones.`,
    );
  if (footer.length > 0) lines.push('', `<sub>${footer.join(' ')}</sub>`);
  if (incoming) lines.push('', details('Why this person', [escapeInline(incoming.why)]));
  return lines.join('\n');
}

export function siteZone(roster: Roster, login: string): string | undefined {
  const site = roster.people[login]?.site;
  return site ? roster.sites[site]?.timezone : undefined;
}

function describeDelay(ms: number): string {
  const minutes = Math.round(ms / MINUTE_MS);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days`;
}

/** Why `reassign: open` leaves an issue where it is, in the words of the log. */
function whyItStays(issue: HandoffIssue, from: string): string {
  const others = issue.assignees.filter((login) => login !== from);
  if (others.length > 0)
    return `shared with ${others.map(noMention).join(', ')}, so a person decides`;
  return 'assigned by a person';
}

/**
 * A logged hand-off whose removal failed leaves both people on the issue: the kit's issue, with
 * exactly its outgoing and incoming people.
 */
function halfMoved(
  issue: HandoffIssue,
  handoff: Handoff,
): { from: string; to: string } | undefined {
  if (!issue.kitAssigned || issue.assignees.length !== 2 || !handoff.from) return undefined;
  const has = (login: string) =>
    issue.assignees.some((a) => a.toLowerCase() === login.toLowerCase());
  if (handoff.from === handoff.to || !has(handoff.from) || !has(handoff.to)) return undefined;
  return { from: handoff.from, to: handoff.to };
}

function finishMove(
  issue: number,
  move: { from: string; to: string },
  schedule: string,
): Operation {
  return {
    kind: 'remove-assignees',
    issue,
    assignees: [move.from],
    reason: `hand-off retry: ${move.to} has #${issue} already, ${move.from} is off call for ${schedule} and still on it`,
  };
}

function movable(issue: HandoffIssue): boolean {
  return issue.kitAssigned && issue.assignees.length === 1;
}
