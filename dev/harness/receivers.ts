import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Loopback stand-ins for the services the kit notifies: PagerDuty's Events API v2 and a
 * Slack-compatible incoming webhook. Each records what it was sent and answers as the real
 * service documents; `fail` arms error answers for the next requests. The checks below hold
 * the payloads to the documented formats, so a test fails on a payload the service would refuse.
 */

interface Received {
  method: string;
  path: string;
  contentType: string;
  body: unknown;
  /** Taken by the service: answered 2xx, or taken before the connection was cut. */
  delivered: boolean;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** The next `times` requests get `status` (PagerDuty: 500 or 429; a webhook: 500, 404...). */
  fail(status: number, times?: number): void;
  /** The next `times` requests are taken (recorded), and the connection is cut before any answer. */
  loseReplies(times?: number): void;
  /** Drops the failures not used yet: the service is back. */
  heal(): void;
  close(): Promise<void>;
}

type Answer = (body: unknown) => { status: number; type: string; text: string };

async function start(answer: Answer): Promise<Receiver> {
  const received: Received[] = [];
  const failures: (number | 'lost')[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      let body: unknown = raw;
      try {
        body = JSON.parse(raw);
      } catch {
        // Recorded as text: the checks below then say it is not JSON.
      }
      const failure = failures.shift();
      const reply =
        failure === 'lost'
          ? undefined
          : failure !== undefined
            ? {
                status: failure,
                type: 'application/json',
                text: '{"status":"error","message":"Internal error"}',
              }
            : answer(body);
      received.push({
        method: req.method ?? '',
        path: req.url ?? '',
        contentType: String(req.headers['content-type'] ?? ''),
        body,
        delivered: reply === undefined || (reply.status >= 200 && reply.status < 300),
      });
      if (reply === undefined) {
        req.socket.destroy();
        return;
      }
      res.writeHead(reply.status, { 'content-type': reply.type });
      res.end(reply.text);
    });
  });
  // As the emulator (dev/emulator/http.ts): only the client closes an idle connection, so a
  // request can never be sent on a socket this side is closing.
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    fail(status, times = 1) {
      for (let i = 0; i < times; i++) failures.push(status);
    },
    loseReplies(times = 1) {
      for (let i = 0; i < times; i++) failures.push('lost');
    },
    heal() {
      failures.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** PagerDuty answers an accepted event with 202 and its dedup_key; a malformed one with 400. */
export function startPagerDuty(): Promise<Receiver> {
  return start((body) => {
    const problems = pagerDutyProblems(body);
    if (problems.length > 0)
      return {
        status: 400,
        type: 'application/json',
        text: JSON.stringify({
          status: 'invalid event',
          message: 'Event object is invalid',
          errors: problems,
        }),
      };
    const dedup = (body as { dedup_key?: string }).dedup_key;
    return {
      status: 202,
      type: 'application/json',
      text: JSON.stringify({ status: 'success', message: 'Event processed', dedup_key: dedup }),
    };
  });
}

/** A Slack incoming webhook answers 200 `ok`, or 400 `invalid_payload` / `no_text`. */
export function startWebhook(): Promise<Receiver> {
  return start((body) => {
    if (typeof body !== 'object' || body === null)
      return { status: 400, type: 'text/plain', text: 'invalid_payload' };
    const problems = slackProblems(body);
    return problems.length > 0
      ? { status: 400, type: 'text/plain', text: 'no_text' }
      : { status: 200, type: 'text/plain', text: 'ok' };
  });
}

const SEVERITIES = ['critical', 'error', 'warning', 'info'];
const ACTIONS = ['trigger', 'acknowledge', 'resolve'];

/**
 * PagerDuty Events API v2 (developer.pagerduty.com, "Send an Alert Event"): routing_key (the
 * 32-character integration key) and event_action are required; dedup_key at most 255
 * characters and required to acknowledge or resolve; a trigger needs payload.summary (at most
 * 1024 characters), payload.source and payload.severity (critical, error, warning or info);
 * timestamp is ISO 8601; links are {href, text}.
 */
export function pagerDutyProblems(body: unknown): string[] {
  const problems: string[] = [];
  if (typeof body !== 'object' || body === null) return ['not a JSON object'];
  const e = body as Record<string, unknown>;
  const known = [
    'routing_key',
    'event_action',
    'dedup_key',
    'payload',
    'images',
    'links',
    'client',
    'client_url',
  ];
  for (const key of Object.keys(e)) if (!known.includes(key)) problems.push(`unknown field ${key}`);
  if (typeof e.routing_key !== 'string' || e.routing_key.length !== 32)
    problems.push('routing_key must be the 32-character integration key');
  if (!ACTIONS.includes(String(e.event_action)))
    problems.push('event_action must be trigger, acknowledge or resolve');
  if (e.dedup_key !== undefined && (typeof e.dedup_key !== 'string' || e.dedup_key.length > 255))
    problems.push('dedup_key must be a string of at most 255 characters');
  if (e.event_action !== 'trigger') {
    if (typeof e.dedup_key !== 'string')
      problems.push('dedup_key is required to acknowledge or resolve');
    return problems;
  }
  const p = e.payload as Record<string, unknown> | undefined;
  if (!p || typeof p !== 'object') return [...problems, 'payload is required for a trigger'];
  const payloadKeys = [
    'summary',
    'source',
    'severity',
    'timestamp',
    'component',
    'group',
    'class',
    'custom_details',
  ];
  for (const key of Object.keys(p))
    if (!payloadKeys.includes(key)) problems.push(`unknown payload field ${key}`);
  if (typeof p.summary !== 'string' || p.summary.length === 0 || p.summary.length > 1024)
    problems.push('payload.summary must be 1 to 1024 characters');
  if (typeof p.source !== 'string' || p.source.length === 0)
    problems.push('payload.source is required');
  if (!SEVERITIES.includes(String(p.severity)))
    problems.push('payload.severity must be critical, error, warning or info');
  if (
    p.timestamp !== undefined &&
    (typeof p.timestamp !== 'string' || Number.isNaN(Date.parse(p.timestamp)))
  )
    problems.push('payload.timestamp must be ISO 8601');
  if (e.links !== undefined) {
    const links = e.links as unknown[];
    if (
      !Array.isArray(links) ||
      links.some((l) => typeof (l as { href?: unknown }).href !== 'string')
    )
      problems.push('links must be [{href, text}]');
  }
  return problems;
}

/**
 * Slack incoming webhooks (api.slack.com/messaging/webhooks): a JSON object with `text` (or
 * blocks); in text, &, < and > must be escaped except in the kit's own `<url|label>` links, and
 * no `<!channel>`, `<!here>` or `<@U…>` mention may come from untrusted text.
 */
export function slackProblems(body: unknown): string[] {
  if (typeof body !== 'object' || body === null) return ['not a JSON object'];
  const text = (body as { text?: unknown }).text;
  if (typeof text !== 'string' || text.trim() === '') return ['text is required'];
  const problems: string[] = [];
  const outsideLinks = text.replace(/<https?:\/\/[^|>\s]+\|[^<>]*>/g, '');
  if (/[<>]/.test(outsideLinks)) problems.push('unescaped < or > outside a link');
  if (/<[!@#]/.test(text)) problems.push('a Slack mention or channel link');
  if (/&(?!amp;|lt;|gt;)/.test(text)) problems.push('unescaped &');
  return problems;
}
