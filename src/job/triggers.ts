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

export function describeEvent(event: RunnerEvent): string {
  return event.action ? `${event.name}.${event.action}` : event.name || '(no event)';
}
