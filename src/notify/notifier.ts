import type { NotificationSender, Notify } from '../kernel/plan.js';
import { PAGERDUTY_EVENTS_URL } from './pagerduty.js';

/**
 * Sends the kit's notifications: PagerDuty Events API v2 and a Slack-compatible incoming
 * webhook. The secrets (routing key, webhook URL) live here, set from the action's inputs, and
 * never in a plan, a summary or a marker. A failure throws with the endpoint's own words; the
 * executor records it and the next run sends the same payload again.
 */

export interface NotifierOptions {
  /** `url` defaults to PagerDuty's Events API; an operation's `endpoint` (from the config) wins. */
  pagerduty?: { url?: string; routingKey: string };
  webhook?: { url: string };
  /** How long one notification may take before it counts as failed. */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
}

export function createNotifier(options: NotifierOptions): NotificationSender {
  const channels = new Set<Notify['channel']>();
  if (options.pagerduty?.routingKey) channels.add('pagerduty');
  if (options.webhook?.url) channels.add('webhook');
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeout = options.timeoutMs ?? 10_000;

  async function post(url: string, body: unknown, what: string): Promise<string> {
    let response: Response;
    try {
      response = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'support-kit' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeout),
      });
    } catch (error) {
      throw new Error(`${what}: ${(error as Error).message}`, { cause: error });
    }
    const text = await response.text().catch(() => '');
    if (!response.ok)
      throw new Error(
        `${what} answered ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`,
      );
    return `${what} ${response.status}`;
  }

  return {
    channels,
    async send(op) {
      if (op.channel === 'pagerduty') {
        if (!options.pagerduty?.routingKey)
          throw new Error('PagerDuty: the pagerduty-routing-key input is not set');
        return post(
          op.endpoint ?? options.pagerduty.url ?? PAGERDUTY_EVENTS_URL,
          { routing_key: options.pagerduty.routingKey, ...op.payload },
          'PagerDuty',
        );
      }
      if (!options.webhook?.url) throw new Error('webhook: the slack-webhook-url input is not set');
      return post(options.webhook.url, op.payload, 'webhook');
    },
  };
}
