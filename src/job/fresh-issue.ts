import { IssueMoved } from '../github/gateway.js';
import type { IssuePayload } from '../github/types.js';
import type { JobContext } from './contract.js';

/**
 * The issue as it is now, read again past the event's copy; or, when it was transferred away
 * since the event, why nothing is done (GitHub redirects the read to the issue's new home).
 */
export async function freshIssue(
  context: JobContext,
  number: number,
  options: { primeComments?: boolean } = {},
): Promise<IssuePayload | string> {
  try {
    return (await context.gateway.getIssue(number, options)) as unknown as IssuePayload;
  } catch (error) {
    if (error instanceof IssueMoved) return error.message;
    throw error;
  }
}
