import type { RunnerEvent } from '../host/event.js';

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
interface Trigger {
  event: string;
  actions?: readonly string[];
}

/** Which events each capability acts on. The root action routes with this same table. */
const TRIGGERS: Readonly<Record<Capability, readonly Trigger[]>> = {
  intake: [
    { event: 'issues', actions: ['opened', 'edited', 'reopened'] },
    { event: 'schedule' },
    { event: 'workflow_dispatch' },
  ],
  labels: [
    { event: 'push' },
    { event: 'pull_request', actions: ['opened', 'synchronize', 'reopened', 'ready_for_review'] },
    { event: 'schedule' },
    { event: 'workflow_dispatch' },
  ],
  oncall: [
    { event: 'issues', actions: ['opened', 'labeled'] },
    { event: 'schedule' },
    { event: 'workflow_dispatch' },
  ],
  report: [{ event: 'schedule' }, { event: 'workflow_dispatch' }],
  escalate: [
    {
      event: 'issues',
      actions: ['opened', 'edited', 'labeled', 'unlabeled', 'assigned', 'closed', 'reopened'],
    },
    { event: 'issue_comment', actions: ['created'] },
    { event: 'schedule' },
    { event: 'workflow_dispatch' },
  ],
  validate: [
    { event: 'pull_request', actions: ['opened', 'synchronize', 'reopened', 'ready_for_review'] },
    { event: 'push' },
    { event: 'workflow_dispatch' },
  ],
};

export function handles(capability: Capability, event: RunnerEvent): boolean {
  return TRIGGERS[capability].some(
    (t) =>
      t.event === event.name &&
      (!t.actions || (event.action !== undefined && t.actions.includes(event.action))),
  );
}

export function describeTriggers(capability: Capability): string {
  return TRIGGERS[capability]
    .map((t) => (t.actions ? `${t.event}.${t.actions.join('|')}` : t.event))
    .join(', ');
}

export function describeEvent(event: RunnerEvent): string {
  return event.action ? `${event.name}.${event.action}` : event.name || '(no event)';
}
