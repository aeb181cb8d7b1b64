import { changePoints, decideAt, holdersOf } from '../../roster/decide.js';
import { describeSpan, leaveInterval, overrideInterval } from '../../roster/exceptions.js';
import type { Override, Roster } from '../../roster/types.js';
import { overrideName, type Report, spanIn } from './roster-review-report.js';

/**
 * The roster review's checks of overrides: two that overlap, one that falls in its person's
 * leave, and a swap that a roster edit leaves standing in for somebody else.
 */

/** The resolver lets the first of two overlapping overrides win, so the later one silently does nothing there. */
export function overlappingOverrides(roster: Roster, report: Report): void {
  roster.overrides.forEach((later, j) => {
    const b = overrideInterval(later);
    const earlier = roster.overrides.slice(0, j).find((o) => {
      if (o.schedule !== later.schedule || o.role !== later.role) return false;
      const a = overrideInterval(o);
      return a.start < b.end && b.start < a.end;
    });
    if (!earlier) return;
    const a = overrideInterval(earlier);
    report(
      ['overrides', j],
      'error',
      `overlaps ${overrideName(roster, earlier)}, ${earlier.login} ${describeSpan(earlier.from, earlier.to, earlier.timezone)}, as ${later.schedule} ${later.role} during ${spanIn(Math.max(a.start, b.start), Math.min(a.end, b.end), later.timezone)}: only the earlier entry counts there; shorten one of them`,
    );
  });
}

/** An override beats leave, so a person on leave would still get the role: worth a second look. */
export function overridesOnLeave(roster: Roster, now: number, report: Report): void {
  roster.overrides.forEach((override, j) => {
    const o = overrideInterval(override);
    if (o.end <= now) return;
    roster.leave.forEach((leave, k) => {
      if (leave.login !== override.login) return;
      const l = leaveInterval(leave);
      if (!(l.start < o.end && o.start < l.end)) return;
      report(
        ['overrides', j],
        'warning',
        `${override.login} is on leave ${describeSpan(leave.from, leave.to, leave.timezone)} (leave[${k}]) during this override, which still gives them ${override.schedule} ${override.role} during ${spanIn(Math.max(o.start, l.start), Math.min(o.end, l.end), override.timezone)}`,
      );
    });
  });
}

/**
 * Swaps are written as time ranges, so a roster edit (members, order, anchor) can leave an
 * override standing in for somebody else than the person it was agreed with, or for nobody.
 */
export function misalignedSwaps(base: Roster, head: Roster, now: number, report: Report): void {
  head.overrides.forEach((override, j) => {
    const { end } = overrideInterval(override);
    if (end <= now) return;
    const before = base.overrides.find(
      (o) =>
        o.schedule === override.schedule &&
        o.role === override.role &&
        o.login === override.login &&
        o.from === override.from &&
        o.to === override.to &&
        o.timezone === override.timezone,
    );
    if (!before || !base.schedules[override.schedule]) return;
    const was = standsInFor(base, before, now);
    const is = standsInFor(head, override, now);
    if (was.join() === is.join()) return;
    const names = (logins: (string | null)[]) =>
      logins.map((l) => l ?? 'nobody (a gap)').join(', ');
    const nobody = is.every((l) => l === override.login);
    report(
      ['overrides', j],
      'warning',
      nobody
        ? `no longer stands in for anybody: under this change ${override.login} already holds ${override.schedule} ${override.role} then (it stood in for ${names(was)}); check that the swap still lines up`
        : `now stands in for ${names(is)} instead of ${names(was)}; check that the swap still lines up`,
    );
  });
}

/** Whom the override replaces from `now` on: the holders of its role without it. */
function standsInFor(roster: Roster, override: Override, now: number): (string | null)[] {
  const without: Roster = { ...roster, overrides: roster.overrides.filter((o) => o !== override) };
  const { start, end } = overrideInterval(override);
  const from = Math.max(start, now);
  const points = [from, ...changePoints(without, override.schedule, from + 1, end)];
  const holders = new Set<string | null>();
  for (const point of points) {
    holders.add(holdersOf(decideAt(without, override.schedule, point))[override.role] ?? null);
  }
  return [...holders].sort((a, b) => (a ?? '').localeCompare(b ?? ''));
}
