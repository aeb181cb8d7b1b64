import { routeFor } from '../../roster/routes.js';
import { boundariesBetween } from '../../roster/shifts.js';
import type { Roster } from '../../roster/types.js';
import { assigneesAt, isOpenAt } from './definitions.js';
import type { ReportIssue } from './types.js';

/**
 * The work behind the hours of the fairness ledger, read from the issues' own history: how many
 * issues each person was given, how many of those reached them by an escalation step, and how
 * many of their hand-offs left open work behind. Keys are lower-case logins.
 */
export interface WorkLoad {
  /** Issues assigned to the person in the period (each issue once, however often). */
  taken: number;
  /** Of those, issues assigned within minutes of an escalation step's label: the step's doing. */
  escalations: number;
  /** Hand-offs of a schedule's first role by the person with an issue of it open and theirs. */
  handoffsWithWork: number;
}

/** An escalation step labels, then assigns, in one run: seconds apart, minutes at most. */
const STEP_SLACK_MS = 10 * 60_000;

export function workLoads(input: {
  roster: Roster;
  issues: readonly ReportIssue[];
  from: number;
  to: number;
  /** escalation.yaml's step label prefix (`escalated/`). */
  stepPrefix: string;
}): Map<string, WorkLoad> {
  const loads = new Map<string, WorkLoad>();
  const of = (login: string) => {
    const key = login.toLowerCase();
    const load = loads.get(key) ?? { taken: 0, escalations: 0, handoffsWithWork: 0 };
    loads.set(key, load);
    return load;
  };
  for (const issue of input.issues) {
    const steps = stepTimes(issue, input.stepPrefix);
    const given = new Map<string, boolean>();
    for (const change of issue.assignmentChanges ?? []) {
      const at = Date.parse(change.at);
      if (!change.added || at < input.from || at >= input.to) continue;
      const key = change.login.toLowerCase();
      const byStep = steps.some((t) => Math.abs(t - at) <= STEP_SLACK_MS);
      given.set(key, (given.get(key) ?? false) || byStep);
    }
    for (const [login, byStep] of given) {
      of(login).taken += 1;
      if (byStep) of(login).escalations += 1;
    }
  }
  for (const handoff of handoffsLeavingWork(input.roster, input.issues, input.from, input.to))
    of(handoff).handoffsWithWork += 1;
  return loads;
}

function stepTimes(issue: ReportIssue, prefix: string): number[] {
  const lower = prefix.toLowerCase();
  return issue.timeline.flatMap((e) =>
    e.kind === 'labeled' && e.label.toLowerCase().startsWith(lower) ? [Date.parse(e.at)] : [],
  );
}

/** The outgoing person of each hand-off in [from, to) who held an open issue of that schedule. */
function handoffsLeavingWork(
  roster: Roster,
  issues: readonly ReportIssue[],
  from: number,
  to: number,
): string[] {
  const leaving: string[] = [];
  for (const schedule of Object.keys(roster.schedules)) {
    const ours = issues.filter((i) => routeFor(roster, i.labels)?.schedule === schedule);
    for (const handoff of boundariesBetween(roster, schedule, new Date(from), new Date(to))) {
      const by = handoff.from?.toLowerCase();
      const at = Date.parse(handoff.at);
      if (by === undefined || at >= to) continue;
      const held = ours.some(
        (i) => isOpenAt(i, at) && assigneesAt(i, at).some((a) => a.toLowerCase() === by),
      );
      if (held) leaving.push(by);
    }
  }
  return leaving;
}
