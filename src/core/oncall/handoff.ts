import { parseMarkers } from '../markers/markers.js';
import type { Marker, MarkedIssue, Operation } from '../plan/types.js';
import { onCallAt } from '../roster/resolve.js';
import { routeFor } from '../roster/routes.js';
import { boundariesBetween } from '../roster/shifts.js';
import { DAY_MS, describeLocal, MINUTE_MS } from '../roster/time.js';
import type { Handoff, Roster } from '../roster/types.js';
import { escapeInline, noMention } from '../text/markdown.js';

/**
 * The hand-off: when the first role of a schedule changes hands, the scheduled run writes an
 * entry in the schedule's hand-off log (one issue per schedule and month, so a follow-the-sun
 * desk's three hand-offs a day stay readable), mentioning the incoming person and listing what
 * the outgoing one leaves open, and reassigns those issues when the schedule asks for it.
 *
 * The log is also the job's memory: the last entry says up to where hand-offs were handled, so
 * a late or dropped cron run catches up on every boundary it missed, and a re-run writes nothing.
 */

export const HANDOFF_LOG_LABEL = 'oncall/handoff-log';

/** Without any entry yet (a new desk), only the latest hand-off of the past week is logged. */
export const FIRST_RUN_LOOK_BACK_MS = 8 * DAY_MS;

/** A run that finds more missed hand-offs than this logs the latest ones and says how many it skipped. */
export const MAX_CATCH_UP = 12;

/** A run this much later than the hand-off says so in the entry: the reader should know. */
const LATE_MS = 30 * MINUTE_MS;

export function handoffLogMarker(schedule: string, month: string): Marker {
  return { kind: 'handoff-log', keys: { schedule, month } };
}

export function handoffEntryMarker(schedule: string, at: string): Marker {
  return { kind: 'handoff', keys: { schedule, at } };
}

/** The month a hand-off is logged under: the UTC month of its instant, YYYY-MM. */
export function logMonth(at: string | Date): string {
  return new Date(at).toISOString().slice(0, 7);
}

export function logTitle(schedule: string, month: string): string {
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
    return { operations, notes };
  }

  // Only issues this schedule answers for change hands: a person's other work is not the rota's.
  const ours = input.issues.filter((i) => routeFor(roster, i.labels)?.schedule === schedule);
  const holders = new Map(ours.map((i) => [i.number, [...i.assignees]]));
  const ensured = new Set<string>();

  pending.handoffs.forEach((handoff, index) => {
    const leaving = handoff.from
      ? ours.filter((i) => holders.get(i.number)?.includes(handoff.from ?? ''))
      : [];
    if (policy === 'open' && handoff.from) {
      for (const issue of leaving) {
        const current = holders.get(issue.number) ?? [];
        holders.set(issue.number, [
          ...new Set(current.map((login) => (login === handoff.from ? handoff.to : login))),
        ]);
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
        policy,
        now,
        skipped: index === 0 ? pending.skipped : 0,
      }),
      reason: `log the hand-off of ${schedule} from ${handoff.from ?? 'nobody'} to ${handoff.to}`,
    });
  });

  if (policy === 'open') {
    for (const issue of ours) {
      const before = issue.assignees;
      const after = holders.get(issue.number) ?? before;
      const gone = before.filter((login) => !after.includes(login));
      const added = after.filter((login) => !before.includes(login));
      // Chains (a to b to c while the cron slept) collapse into one move from a to c.
      gone.forEach((from, i) => {
        const to = added[i];
        if (to)
          operations.push({
            kind: 'reassign',
            issue: issue.number,
            from,
            to,
            reason: `hand-off: ${from} is off call for ${schedule}, ${to} is on`,
          });
        else
          operations.push({
            kind: 'remove-assignees',
            issue: issue.number,
            assignees: [from],
            reason: `hand-off: ${from} is off call for ${schedule} and the incoming person already has it`,
          });
      });
    }
  }

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
  policy: 'none' | 'open';
  now: Date;
  skipped: number;
}

function entryBody(input: EntryInput): string {
  const { roster, schedule, handoff, leaving, policy, now } = input;
  const at = Date.parse(handoff.at);
  const onCall = onCallAt(roster, schedule, new Date(at));
  const role = roster.schedules[schedule]?.roles[0] ?? 'primary';
  const zone = siteZone(roster, handoff.to) ?? 'UTC';
  const incoming = onCall.roles[role];
  const backupRole = roster.schedules[schedule]?.roles[1];
  const backup = backupRole ? onCall.roles[backupRole] : undefined;
  const lines = [
    `### ${escapeInline(schedule)} ${escapeInline(role)}: ${handoff.from ? noMention(handoff.from) : 'nobody'} → ${noMention(handoff.to)}`,
    '',
    // The one mention the kit writes: the person who is now on call must know.
    `@${handoff.to} is on call from ${describeLocal(at, zone)}${incoming ? ` until ${describeLocal(Date.parse(incoming.shiftEnd), zone)}` : ''}.${backup ? ` Backup: ${noMention(backup.login)}.` : ''}`,
  ];
  if (handoff.from) {
    lines.push('');
    if (leaving.length === 0) {
      lines.push(`${noMention(handoff.from)} leaves no open issue of this schedule.`);
    } else {
      lines.push(
        `${noMention(handoff.from)} leaves ${leaving.length} open issue${leaving.length === 1 ? '' : 's'}:`,
      );
      for (const issue of leaving) {
        const fate =
          policy === 'open'
            ? `reassigned to ${noMention(handoff.to)}`
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
  if (incoming) footer.push(`Why: ${escapeInline(incoming.why)}`);
  if (footer.length > 0) lines.push('', `<sub>${footer.join(' ')}</sub>`);
  return lines.join('\n');
}

function siteZone(roster: Roster, login: string): string | undefined {
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
