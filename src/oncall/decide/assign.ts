import type { Operation } from '../../kernel/plan.js';
import { onCallAt } from '../../roster/resolve.js';
import { routeFor } from '../../roster/routes.js';
import type { Assignment, OnCall, Roster } from '../../roster/types.js';
import { details, escapeInline } from '../../kernel/markdown.js';
import { describeLocal } from '../../roster/time.js';
import { siteZone } from './handoff.js';
import { NEEDS_TRIAGE_LABEL, NO_COVERAGE_LABEL } from '../../kernel/kit-labels.js';

export const ONCALL_MARKER = { kind: 'oncall', keys: {} } as const;

export interface AssignmentIssue {
  number: number;
  state: 'open' | 'closed';
  labels: string[];
  assignees: string[];
  /** When the issue was opened: who was on call then gets it, however late the run. */
  createdAt: string;
  /**
   * Whether the kit's on-call comment is on the issue, when the job looked (an issue opened with
   * one assignee): false means an earlier run assigned it and its comment was never written.
   */
  oncallComment?: boolean;
}

export interface AssignmentDecision {
  operations: Operation[];
  notes: string[];
  /**
   * With `busy: backup` in the roster: who is in line for the issue (the role's holder, then the
   * roles after it), whose GitHub status the job asks before deciding again with `busy`.
   */
  inLine?: string[];
}

/** People whose GitHub status says Busy, by lower-case login: their status message, if any. */
export type BusyPeople = ReadonlyMap<string, string | null>;

/**
 * Who gets a new issue: the route its labels pick, the person on call for that route at the
 * issue's creation, never over a human's assignment. Outside coverage the issue is held with a
 * label and a comment saying when coverage resumes and with whom, or goes to the fallback when
 * the schedule says so.
 */
/** The end of a shift in words, in the on-call person's zone: "Mon 2026-11-23 13:00 Europe/Paris". */
function until(roster: Roster, held: { login: string; shiftEnd: string }): string {
  return describeLocal(Date.parse(held.shiftEnd), siteZone(roster, held.login) ?? 'UTC');
}

export function decideAssignment(
  issue: AssignmentIssue,
  roster: Roster,
  busy: BusyPeople = new Map(),
): AssignmentDecision {
  if (issue.state !== 'open') return closed(issue);
  if (issue.assignees.length > 0) {
    const unfinished =
      issue.oncallComment === false ? finishAssignment(issue, roster, busy) : undefined;
    if (unfinished) return unfinished;
    return {
      operations: [],
      notes: [
        `#${issue.number} is already assigned to ${issue.assignees.join(', ')}; the kit never overrides that`,
      ],
    };
  }
  const route = routeFor(roster, issue.labels);
  if (!route)
    return {
      operations: [],
      notes: [`no route of roster.yaml matches the labels of #${issue.number}`],
    };

  const onCall = onCallAt(roster, route.schedule, new Date(issue.createdAt));
  const held = onCall.roles[route.role];
  const fallback = onCall.gap?.fallback ?? roster.fallback;
  // GitHub cannot assign a team: a team fallback is asked by mention instead.
  const fallbackLogin = loginOf(fallback);
  const rosterFallbackLogin = loginOf(roster.fallback);
  const comment = (body: string, reason: string): Operation => ({
    kind: 'upsert-comment',
    issue: issue.number,
    marker: ONCALL_MARKER,
    body,
    reason,
  });

  if (held) {
    const line = inLine(onCall, roster.schedules[route.schedule]?.roles ?? [], route.role);
    const taker = line.find((a) => !busy.has(a.login.toLowerCase())) ?? held;
    const role = Object.entries(onCall.roles).find(([, a]) => a === taker)?.[0] ?? route.role;
    return {
      operations: [
        {
          kind: 'add-assignees',
          issue: issue.number,
          assignees: [taker.login],
          ...(rosterFallbackLogin && rosterFallbackLogin !== taker.login
            ? { fallback: rosterFallbackLogin }
            : {}),
          reason: `${taker.login} is the ${role} of ${route.schedule} at ${issue.createdAt}${taker === held ? '' : `; ${held.login} is busy`}`,
        },
        comment(
          [
            `Assigned to **${escapeInline(taker.login)}**, the ${escapeInline(role)} on call for ${escapeInline(route.schedule)} when this issue was opened (until ${until(roster, taker)}).${busyNote(line, taker, busy)}`,
            '',
            details('Why this person', [escapeInline(taker.why)]),
          ].join('\n'),
          'say who has the issue and why',
        ),
      ],
      notes: onCall.trace,
      ...(roster.busy === 'backup' ? { inLine: line.map((a) => a.login) } : {}),
    };
  }

  const gap = onCall.gap?.declared
    ? `the declared gap "${onCall.gap.declared}"`
    : 'a time nobody covers';
  if (onCall.gap?.policy === 'fallback' && fallbackLogin) {
    return {
      operations: [
        {
          kind: 'add-assignees',
          issue: issue.number,
          assignees: [fallbackLogin],
          reason: `${route.schedule} has no ${route.role} now (${gap}); its policy is fallback`,
        },
        comment(
          `Assigned to **${escapeInline(fallbackLogin)}**: nobody is on call for ${escapeInline(route.schedule)} now (${escapeInline(gap)}).`,
          'say why the fallback has the issue',
        ),
      ],
      notes: onCall.trace,
    };
  }
  const resumes = onCall.resumesAt
    ? `Coverage resumes at ${onCall.resumesAt}${onCall.resumesWith ? ` with **${escapeInline(onCall.resumesWith.login)}**` : ''}; the issue waits for them.`
    : 'No coverage is scheduled ahead: assign it by hand.';
  // The one mention here is a team the roster names as fallback: the kit asks it, by policy.
  const ask =
    onCall.gap?.policy === 'fallback' && fallback && isTeam(fallback)
      ? ` ${fallback}, please pick this up: GitHub cannot assign a team.`
      : '';
  return {
    operations: [
      {
        kind: 'add-labels',
        issue: issue.number,
        labels: [NO_COVERAGE_LABEL],
        reason: `${route.schedule} has no ${route.role} at ${issue.createdAt} (${gap})`,
      },
      comment(
        `Nobody is on call for ${escapeInline(route.schedule)} right now (${escapeInline(gap)}). ${resumes}${ask}`,
        'say when coverage resumes',
      ),
    ],
    notes: onCall.trace,
  };
}

/**
 * The role's holder, then the holders of the schedule's roles after it (the backup); never the
 * shadow, who is not among `roles`.
 */
function inLine(onCall: OnCall, roles: readonly string[], role: string): Assignment[] {
  const from = Math.max(0, roles.indexOf(role));
  return roles.slice(from).flatMap((r) => (onCall.roles[r] ? [onCall.roles[r]] : []));
}

/** Why the person due did not get the issue, or why they did although busy. */
function busyNote(line: Assignment[], taker: Assignment, busy: BusyPeople): string {
  const [due] = line;
  if (!due || !busy.has(due.login.toLowerCase())) return '';
  const said = busy.get(due.login.toLowerCase());
  const message = said ? ` (“${escapeInline(said)}”)` : '';
  if (taker !== due)
    return ` **${escapeInline(due.login)}**, who was due, has set their GitHub status to Busy${message}.`;
  return ` Their GitHub status is set to Busy${message}, as is everyone's after them: hand it on if you cannot take it.`;
}

/**
 * The comment an earlier run owed: the issue has exactly the person the kit assigns it to, and
 * no on-call comment says why (the write failed after the assignment took).
 */
function finishAssignment(
  issue: AssignmentIssue,
  roster: Roster,
  busy: BusyPeople,
): AssignmentDecision | undefined {
  const fresh = decideAssignment({ ...issue, assignees: [], oncallComment: true }, roster, busy);
  const assign = fresh.operations.find((op) => op.kind === 'add-assignees');
  const only = issue.assignees.length === 1 ? issue.assignees[0]?.toLowerCase() : undefined;
  if (!assign || !assign.assignees.some((login) => login.toLowerCase() === only)) return undefined;
  return {
    operations: fresh.operations.filter((op) => op.kind === 'upsert-comment'),
    notes: [
      `#${issue.number}: assigned by an earlier run whose comment was not written; writing it`,
    ],
  };
}

/**
 * A held issue, on a scheduled run: once somebody is on call for its route, it goes to them
 * and the hold label comes off. An issue a person assigned meanwhile just loses the label.
 */
export function decideRelease(
  issue: AssignmentIssue,
  roster: Roster,
  now: Date,
): AssignmentDecision {
  const release: Operation = {
    kind: 'remove-labels',
    issue: issue.number,
    labels: [NO_COVERAGE_LABEL],
    reason: 'no longer held',
  };
  if (issue.assignees.length > 0) {
    return {
      operations: [
        { ...release, reason: `assigned to ${issue.assignees.join(', ')} by hand meanwhile` },
      ],
      notes: [],
    };
  }
  const route = routeFor(roster, issue.labels);
  if (!route)
    return { operations: [], notes: [`#${issue.number}: no route matches its labels any more`] };
  const onCall = onCallAt(roster, route.schedule, now);
  const held = onCall.roles[route.role];
  if (!held)
    return {
      operations: [],
      notes: [`#${issue.number}: still no ${route.role} for ${route.schedule}`],
    };
  return {
    operations: [
      {
        kind: 'add-assignees',
        issue: issue.number,
        assignees: [held.login],
        ...(loginOf(roster.fallback) && loginOf(roster.fallback) !== held.login
          ? { fallback: loginOf(roster.fallback) }
          : {}),
        reason: `coverage resumed: ${held.login} is the ${route.role} of ${route.schedule}`,
      },
      release,
      {
        kind: 'upsert-comment',
        issue: issue.number,
        marker: ONCALL_MARKER,
        body: [
          `Coverage resumed: assigned to **${escapeInline(held.login)}**, the ${escapeInline(route.role)} on call for ${escapeInline(route.schedule)} (until ${until(roster, held)}).`,
          '',
          details('Why this person', [escapeInline(held.why)]),
        ].join('\n'),
        reason: 'say who has the issue now',
      },
    ],
    notes: [],
  };
}

/** A label put on a closed issue (a tidy-up, a report) is no call for whoever is on call. */
function closed(issue: AssignmentIssue): AssignmentDecision {
  return { operations: [], notes: [`#${issue.number} is closed: nobody is assigned`] };
}

/** `@org/team`: a team can be mentioned, never assigned. */
function isTeam(assignee: string): boolean {
  return assignee.includes('/');
}

/** The login of a person fallback (`alice` or `@alice`); none for a team. */
function loginOf(assignee: string | undefined): string | undefined {
  return assignee && !isTeam(assignee) ? assignee.replace(/^@/, '') : undefined;
}

/** A roster that cannot be read never assigns at random: the issue is flagged for a person. */
export function decideWithoutRoster(issue: AssignmentIssue, problem: string): AssignmentDecision {
  if (issue.state !== 'open') return closed(issue);
  if (issue.assignees.length > 0)
    return { operations: [], notes: [`#${issue.number} is already assigned`] };
  return {
    operations: [
      {
        kind: 'add-labels',
        issue: issue.number,
        labels: [NEEDS_TRIAGE_LABEL],
        reason: 'roster.yaml has errors: a person must assign this issue',
      },
      {
        kind: 'upsert-comment',
        issue: issue.number,
        marker: ONCALL_MARKER,
        body: `This issue could not be assigned: ${escapeInline(problem)} Please assign it by hand; the roster's errors are in the workflow run.`,
        reason: 'say why nobody was assigned',
      },
    ],
    notes: [problem],
  };
}
