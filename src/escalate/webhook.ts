import { loadConfig } from '../config/load.js';
import { hasErrors } from '../kernel/problems.js';
import { escalationFrom, type WebhookEvent } from './config/escalation.js';
import { createNotifier } from '../notify/notifier.js';
import type { JobContext } from '../job/contract.js';

/**
 * Whether this run posts `event` to the Slack-compatible webhook: the `slack-webhook-url` input is
 * set and escalation.yaml's `notifications.webhook.events` lists it (escalation.yaml is where
 * every channel is configured; without a `webhook` block there, nothing is posted). Sets the
 * gateway's notifier when it does. The note says why not, for the plan.
 */
export async function webhookFor(
  context: JobContext,
  event: WebhookEvent,
): Promise<{ post: boolean; note: string }> {
  const url = context.input('slack-webhook-url');
  if (!url) return { post: false, note: 'no slack-webhook-url: nothing is posted' };
  // One file named on purpose (the CLI's --config report.yaml) is not escalation.yaml.
  if (context.source.singleFile)
    return { post: false, note: `webhook: ${context.source.singleFile} is not escalation.yaml` };
  const config = await loadConfig(context.source, { only: ['escalation'] });
  const file = config.files.find((f) => f.spec.name === 'escalation');
  if (hasErrors(config.problems))
    return { post: false, note: 'escalation.yaml has errors: nothing is posted to the webhook' };
  const webhook = file ? escalationFrom(file.yaml.value).webhook : undefined;
  if (!webhook?.events.includes(event))
    return {
      post: false,
      note: `escalation.yaml's notifications.webhook.events does not include ${event}: nothing is posted`,
    };
  context.gateway.notifier = createNotifier({ webhook: { url } });
  return { post: true, note: `${event}: posted to the webhook` };
}
