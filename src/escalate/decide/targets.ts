import { personRef } from './commands/run.js';
import { onCallAt } from '../../roster/resolve.js';
import { routeFor } from '../../roster/routes.js';
import type { Roster } from '../../roster/types.js';
import type { Target } from '../config/escalation.js';

/** Who a step's target is at the instant the step fell due: a role of the schedule, or a login. */
export function resolveTarget(
  target: Target,
  roster: Roster | undefined,
  labels: readonly string[],
  at: number,
): string | undefined {
  if (target.kind === 'login') return target.login;
  const route = roster ? routeFor(roster, labels) : undefined;
  if (!roster || !route) return undefined;
  return onCallAt(roster, route.schedule, new Date(at)).roles[target.role]?.login;
}

/** A role (backup, primary) is whoever holds it for the issue now; nobody: the role's name. */
export function mentionOf(
  target: Target,
  roster: Roster | undefined,
  labels: readonly string[],
  at: number,
): string {
  const login = resolveTarget(target, roster, labels, at);
  if (login === undefined) return target.kind === 'role' ? target.role : '';
  return login.includes('/') ? `@${login}` : personRef(login, roster);
}

/** Who shadows the schedule at an instant: told of each step, never asked to answer. */
export function shadowAt(
  roster: Roster | undefined,
  labels: readonly string[],
  at: number,
): { login: string; role: string } | undefined {
  const route = roster ? routeFor(roster, labels) : undefined;
  const role = route && roster?.schedules[route.schedule]?.shadow?.role;
  if (!roster || !route || !role) return undefined;
  const login = onCallAt(roster, route.schedule, new Date(at)).roles[role]?.login;
  return login === undefined ? undefined : { login, role };
}
