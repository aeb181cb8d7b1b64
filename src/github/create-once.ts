import { RateLimitDeferred } from './budget.js';
import { statusOf } from './gateway.js';

/**
 * Creates what the kit names (an issue or comment by its marker, a release by its tag, an asset
 * by its name) at most once. A 5xx or a lost connection can come after GitHub wrote it, so before
 * trying again the kit looks for it; only a write that is not there is made again (once: a second
 * failure is the run's failure, and the next run looks again).
 */
export async function createOnce<T>(
  create: () => Promise<T>,
  find: () => Promise<T | undefined>,
): Promise<T> {
  try {
    return await create();
  } catch (error) {
    if (!mayHaveWritten(error)) throw error;
    return (await find()) ?? create();
  }
}

/** A refusal (4xx) wrote nothing; a server error or no answer at all may have. */
function mayHaveWritten(error: unknown): boolean {
  if (error instanceof RateLimitDeferred) return false;
  const status = statusOf(error);
  return status === undefined || status >= 500;
}
