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
  /** Waits between attempts at a refused delivery (default: half a second, then 1.5 s). */
  retryDelaysMs?: readonly number[];
  fetch?: typeof globalThis.fetch;
}

export function createNotifier(options: NotifierOptions): NotificationSender {
  const channels = new Set<Notify['channel']>();
  if (options.pagerduty?.routingKey) channels.add('pagerduty');
  if (options.webhook?.url) channels.add('webhook');
  const deliver = deliverer(options);

  return {
    channels,
    async send(op) {
      if (op.channel === 'pagerduty') {
        if (!options.pagerduty?.routingKey)
          throw new Error('PagerDuty: the pagerduty-routing-key input is not set');
        // Sent again when unconfirmed: events with one dedup_key make one alert (pagerduty.ts).
        return deliver(
          op.endpoint ?? options.pagerduty.url ?? PAGERDUTY_EVENTS_URL,
          { routing_key: options.pagerduty.routingKey, ...op.payload },
          { what: 'PagerDuty', idempotent: true },
        );
      }
      if (!options.webhook?.url) throw new Error('webhook: the slack-webhook-url input is not set');
      return deliver(options.webhook.url, op.payload, { what: 'webhook', idempotent: false });
    },
  };
}

/** Waits before the second and third attempt at a delivery the endpoint refused. */
const RETRY_DELAYS_MS = [500, 1500];
/** The longest `retry-after` obeyed inside a run; past it the next run sends it. */
const MAX_RETRY_AFTER_MS = 5_000;

type Attempt =
  | { kind: 'delivered'; detail: string }
  /** Nothing was taken: safe to send again. */
  | { kind: 'refused'; detail: string; retryAfterMs?: number }
  /** Sent, with no answer: it may have arrived. */
  | { kind: 'unconfirmed'; detail: string };

/**
 * Delivery at most once where it matters. A refusal (429, 5xx, no connection) is tried again a
 * few times within the run; an attempt with no answer (a timeout, a connection cut after sending)
 * is sent again only where a second copy is harmless (`idempotent`). Otherwise it counts as sent
 * and says so: Slack has no way to ask what it received, and a duplicate post is the worse fault.
 */
function deliverer(options: NotifierOptions) {
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeout = options.timeoutMs ?? 10_000;
  const delays = options.retryDelaysMs ?? RETRY_DELAYS_MS;

  async function attempt(url: string, body: unknown, what: string): Promise<Attempt> {
    let response: Response;
    try {
      response = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'support-kit' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeout),
      });
    } catch (error) {
      const detail = `${what}: ${describeFetchError(error)}`;
      return neverSent(error) ? { kind: 'refused', detail } : { kind: 'unconfirmed', detail };
    }
    const text = await response.text().catch(() => '');
    if (response.ok) return { kind: 'delivered', detail: `${what} ${response.status}` };
    const detail = `${what} answered ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`;
    if (response.status === 429 || response.status >= 500) {
      const after = Number(response.headers.get('retry-after'));
      return {
        kind: 'refused',
        detail,
        ...(Number.isFinite(after) && after > 0 ? { retryAfterMs: after * 1000 } : {}),
      };
    }
    // A 4xx other than 429 is the payload or the key: sending it again changes nothing.
    throw new Error(detail);
  }

  return async (
    url: string,
    body: unknown,
    how: { what: string; idempotent: boolean },
  ): Promise<string> => {
    for (let n = 0; ; n++) {
      const result = await attempt(url, body, how.what);
      if (result.kind === 'delivered')
        return n === 0 ? result.detail : `${result.detail} (attempt ${n + 1})`;
      if (result.kind === 'unconfirmed' && !how.idempotent)
        return `${result.detail}; not sent again: it may have arrived, and a second post would repeat it`;
      const wait = result.kind === 'refused' ? (result.retryAfterMs ?? delays[n]) : delays[n];
      if (wait === undefined || wait > MAX_RETRY_AFTER_MS) throw new Error(result.detail);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  };
}

/** Codes of a connection that was never made: the request cannot have arrived. */
const NOT_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function neverSent(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' && NOT_CONNECTED.has(cause.code);
}

function describeFetchError(error: unknown): string {
  if ((error as { name?: unknown } | null)?.name === 'TimeoutError') return 'no answer in time';
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? ` (${cause.code})` : '';
  return `${(error as Error).message}${code}`;
}
