import type { RunnerEvent } from '../kernel/event.js';

export type Capability = 'intake' | 'labels' | 'oncall' | 'report' | 'escalate' | 'validate';

export const CAPABILITIES: readonly Capability[] = [
  'intake',
  'labels',
  'oncall',
  'report',
  'escalate',
  'validate',
];

/** An event an action acts on; without `actions`, every activity type of that event. */
export interface Trigger {
  event: string;
  actions?: readonly string[];
}

export function handles(triggers: readonly Trigger[], event: RunnerEvent): boolean {
  if (deletesRef(event)) return false;
  return triggers.some(
    (t) =>
      t.event === event.name &&
      (!t.actions || (event.action !== undefined && t.actions.includes(event.action))),
  );
}

export function describeTriggers(triggers: readonly Trigger[]): string {
  return triggers
    .map((t) => (t.actions ? `${t.event}.${t.actions.join('|')}` : t.event))
    .join(', ');
}

/**
 * A push that deletes a branch or tag: its `after` is forty zeros, a commit with no files, so no
 * capability has config to read and none acts on it.
 */
function deletesRef(event: RunnerEvent): boolean {
  return event.name === 'push' && event.payload.deleted === true;
}

export function describeEvent(event: RunnerEvent): string {
  const name = event.action ? `${event.name}.${event.action}` : event.name || '(no event)';
  return deletesRef(event) ? `${name} (a deleted branch or tag)` : name;
}
