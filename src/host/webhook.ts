import { loadConfig } from '../config/load.js';
import { ESCALATION_FILE } from '../escalate/config/spec.js';
import type { ConfigSource } from '../config/sources.js';
import { escalationFrom } from '../escalate/config/escalation.js';
import type { NotificationSender } from '../kernel/plan.js';
import { hasErrors } from '../kernel/problems.js';
import type { WebhookEvent } from '../notify/slack.js';

/**
 * Whether a run posts `event` to the Slack-compatible webhook: the `slack-webhook-url` input is
 * set and escalation.yaml's `notifications.webhook.events` lists it (escalation.yaml is where
 * every channel is configured; without a `webhook` block there, nothing is posted). The note says
 * why not, for the plan. Hand-offs and the weekly report ask; escalation reads its own config.
 */
export function webhookGate(
  source: ConfigSource,
  notifier: NotificationSender,
): (event: WebhookEvent) => Promise<{ post: boolean; note: string }> {
  return async (event) => {
    if (!notifier.channels.has('webhook'))
      return { post: false, note: 'no slack-webhook-url: nothing is posted' };
    // One file named on purpose (the CLI's --config report.yaml) is not escalation.yaml.
    if (source.singleFile)
      return { post: false, note: `webhook: ${source.singleFile} is not escalation.yaml` };
    const config = await loadConfig(source, [ESCALATION_FILE]);
    const file = config.files.find((f) => f.spec.name === 'escalation');
    if (hasErrors(config.problems))
      return { post: false, note: 'escalation.yaml has errors: nothing is posted to the webhook' };
    if (!file)
      return {
        post: false,
        note: 'no escalation.yaml, where the webhook is set: nothing is posted',
      };
    const webhook = escalationFrom(file.yaml.value).webhook;
    if (!webhook?.events.includes(event))
      return {
        post: false,
        note: `escalation.yaml's notifications.webhook.events does not include ${event}: nothing is posted`,
      };
    return { post: true, note: `${event}: posted to the webhook` };
  };
}
