/** Injected failures: GitHub's secondary rate limit, 5xx answers, validation refusals and slow responses. */

export interface FaultMatch {
  method?: string;
  /** a route template as in RecordedRequest.route ('GET /repos/{owner}/{repo}/issues'), with or without the method */
  route?: string;
}

export type Fault =
  | { kind: 'secondary-rate-limit'; retryAfterSeconds: number; times?: number; match?: FaultMatch }
  | { kind: 'server-error'; status?: 500 | 502 | 503; times?: number; match?: FaultMatch }
  | { kind: 'slow'; delayMs: number; times?: number; match?: FaultMatch }
  /** GitHub's refusals: 403 "Resource not accessible by integration", 404 "Not Found". */
  | { kind: 'refused'; status: 403 | 404; times?: number; match?: FaultMatch }
  /** The write is made, then the answer is lost on the way back: the client sees a 502. */
  | { kind: 'lost-reply'; times?: number; match?: FaultMatch }
  /** A 422 as GitHub sends for input it refuses late (e.g. a label name it will not take). */
  | {
      kind: 'validation-failed';
      errors?: { resource: string; code: string; field: string; message?: string }[];
      times?: number;
      match?: FaultMatch;
    };

interface Armed {
  fault: Fault;
  remaining: number;
}

const SECONDARY_RATE_LIMIT_DOCS =
  'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits';

export function secondaryRateLimitBody(requestId: string): Record<string, unknown> {
  return {
    message: `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
    documentation_url: SECONDARY_RATE_LIMIT_DOCS,
  };
}

/** Faults fire in the order they were added, each `times` times (default 1), on matching requests. */
export class FaultQueue {
  private armed: Armed[] = [];

  add(fault: Fault): void {
    this.armed.push({ fault: checkFault(fault), remaining: fault.times ?? 1 });
  }

  clear(): void {
    this.armed = [];
  }

  pending(): { fault: Fault; remaining: number }[] {
    return this.armed.map((a) => ({ fault: a.fault, remaining: a.remaining }));
  }

  /** The fault to apply to this request, if any (consumes one of its `times`). */
  take(method: string, route: string): Fault | undefined {
    const hit = this.armed.find((a) => matches(a.fault.match, method, route));
    if (!hit) return undefined;
    hit.remaining -= 1;
    if (hit.remaining <= 0) this.armed.splice(this.armed.indexOf(hit), 1);
    return hit.fault;
  }
}

function matches(match: FaultMatch | undefined, method: string, route: string): boolean {
  if (!match) return true;
  if (match.method && match.method.toUpperCase() !== method) return false;
  if (match.route) {
    const want = match.route.trim();
    if (want.includes(' ')) return want.replace(/^(\w+)/, (m) => m.toUpperCase()) === route;
    return route.slice(route.indexOf(' ') + 1) === want;
  }
  return true;
}

/** Validates a fault (e.g. one POSTed to /_emulator/faults); errors name the bad field. */
export function checkFault(value: unknown): Fault {
  if (value === null || typeof value !== 'object') throw new Error('fault: expected an object');
  const f = value as Record<string, unknown>;
  const times = f.times;
  if (times !== undefined && (typeof times !== 'number' || !(times >= 1))) {
    throw new Error(`fault.times: expected a number >= 1, got ${JSON.stringify(times)}`);
  }
  if (f.match !== undefined) {
    const m = f.match as Record<string, unknown> | null;
    if (m === null || typeof m !== 'object') throw new Error('fault.match: expected an object');
    for (const key of Object.keys(m)) {
      if (key !== 'method' && key !== 'route') throw new Error(`fault.match.${key}: unknown field`);
      if (typeof m[key] !== 'string') throw new Error(`fault.match.${key}: expected a string`);
    }
  }
  switch (f.kind) {
    case 'secondary-rate-limit':
      if (typeof f.retryAfterSeconds !== 'number' || f.retryAfterSeconds < 0) {
        throw new Error('fault.retryAfterSeconds: expected a number >= 0');
      }
      break;
    case 'server-error':
      if (f.status !== undefined && ![500, 502, 503].includes(f.status as number)) {
        throw new Error('fault.status: expected 500, 502 or 503');
      }
      break;
    case 'slow':
      if (typeof f.delayMs !== 'number' || f.delayMs < 0) {
        throw new Error('fault.delayMs: expected a number >= 0');
      }
      break;
    case 'validation-failed':
      if (f.errors !== undefined && !Array.isArray(f.errors))
        throw new Error('fault.errors: expected an array');
      break;
    case 'refused':
      if (f.status !== 403 && f.status !== 404)
        throw new Error('fault.status: expected 403 or 404');
      break;
    case 'lost-reply':
      break;
    default:
      throw new Error(
        `fault.kind: expected 'secondary-rate-limit', 'server-error', 'validation-failed', 'refused', 'lost-reply' or 'slow', got ${JSON.stringify(f.kind)}`,
      );
  }
  return value as Fault;
}

/** The bodies GitHub sends with a 403 to a token without the permission, and with a 404. */
export function refusalBody(status: 403 | 404): Record<string, unknown> {
  return status === 403
    ? {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest',
        status: '403',
      }
    : { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' };
}
