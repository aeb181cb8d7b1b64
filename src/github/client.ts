import type { GitHub } from '@actions/github/lib/utils';

export type Octokit = InstanceType<typeof GitHub>;

export interface ClientOptions {
  token: string;
  /** REST base URL: `GITHUB_API_URL` in a workflow, so GHES and the emulator work. */
  baseUrl: string;
  /**
   * Minimum spacing between writes. GitHub asks integrations to pace mutating requests
   * (one a second, content creation slower); the emulator does not need it.
   */
  writeIntervalMs?: number;
  log?: (message: string) => void;
}

/** How often a request is retried after a primary or secondary rate limit. */
const RATE_LIMIT_RETRIES = 2;

/**
 * Octokit from `@actions/github` with throttling and retry. Imported lazily so that an action
 * that ignores an event never pays for loading the HTTP stack.
 */
export async function createOctokit(options: ClientOptions): Promise<Octokit> {
  const [{ getOctokit }, { throttling }, { retry }] = await Promise.all([
    import('@actions/github'),
    import('@octokit/plugin-throttling'),
    import('@octokit/plugin-retry'),
  ]);
  const log = options.log ?? (() => undefined);
  const throttle = {
    onRateLimit: (
      retryAfter: number,
      request: { method: string; url: string },
      _o: unknown,
      retryCount: number,
    ) => {
      log(`rate limit on ${request.method} ${request.url}; retrying after ${retryAfter}s`);
      return retryCount < RATE_LIMIT_RETRIES;
    },
    onSecondaryRateLimit: (
      retryAfter: number,
      request: { method: string; url: string },
      _o: unknown,
      retryCount: number,
    ) => {
      log(
        `secondary rate limit on ${request.method} ${request.url}; retrying after ${retryAfter}s`,
      );
      return retryCount < RATE_LIMIT_RETRIES;
    },
    ...(await pacedGroups(options.writeIntervalMs)),
  };
  return getOctokit(
    options.token,
    {
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
      throttle,
      retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451] },
    },
    throttling,
    retry,
  );
}

async function pacedGroups(writeIntervalMs: number | undefined): Promise<Record<string, unknown>> {
  if (writeIntervalMs === undefined) return {};
  const { default: Bottleneck } = await import('bottleneck/light.js');
  const group = (id: string) =>
    new Bottleneck.Group({ id, maxConcurrent: 1, minTime: writeIntervalMs });
  return { write: group('support-kit-write'), notifications: group('support-kit-notifications') };
}

/** `SUPPORT_KIT_WRITE_INTERVAL_MS` overrides GitHub's pacing (the tests set 0 against the emulator). */
export function writePacingFromEnv(env: NodeJS.ProcessEnv = process.env): {
  writeIntervalMs?: number;
} {
  const raw = env.SUPPORT_KIT_WRITE_INTERVAL_MS;
  if (raw === undefined || raw === '') return {};
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(
      `SUPPORT_KIT_WRITE_INTERVAL_MS must be a whole number of milliseconds, not "${raw}"`,
    );
  return { writeIntervalMs: value };
}
