import type { NotificationSender, Notify } from '../../../src/kernel/plan.js';

/** A notifier with the channels whose secret is "set"; it records what it sends, or refuses. */
export function fakeNotifier(
  channels: Notify['channel'][] = [],
  options: { refuse?: string } = {},
): NotificationSender & { sent: Notify[] } {
  const sent: Notify[] = [];
  return {
    channels: new Set(channels),
    sent,
    async send(op) {
      if (options.refuse) throw new Error(options.refuse);
      sent.push(op);
      return `${op.channel} 202`;
    },
  };
}
