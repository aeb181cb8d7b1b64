import type { OpenPullRequest } from '../kernel/plan.js';
import { RateLimitDeferred } from './budget.js';
import { actionsMayNotOpenPulls, describeRequestError, type Gateway, statusOf } from './gateway.js';

/**
 * The executor's part of `open-pull-request`. A re-run finds the branch its name says an earlier
 * run made (GitHub answers 422 to making it again) and the pull request on it, and opens nothing
 * twice. A failure after the branch was made deletes it again, so no orphan branch is left
 * behind, or says that it is.
 */

export interface Opened {
  status: 'applied' | 'unchanged';
  url: string;
  /** A sentence for the reply when part of it did not go through (a reviewer GitHub refused). */
  note: string;
}

export async function openPullRequest(gateway: Gateway, op: OpenPullRequest): Promise<Opened> {
  const base = op.base ?? (await gateway.defaultBranch());
  const made = await gateway.createBranch(op.branch, await gateway.branchHead(base));
  if (!made) {
    const earlier = await gateway.pullRequestFrom(op.branch);
    if (earlier) return { status: 'unchanged', url: earlier.html_url, note: '' };
  }
  let pull: { number: number; html_url: string };
  try {
    await writeChange(gateway, op, base, made);
    pull = await createOnce(gateway, op, base);
  } catch (error) {
    if (error instanceof RateLimitDeferred) throw error;
    const left = made ? await removeBranch(gateway, op.branch) : '';
    throw new Error(`${why(error)}${left}`, { cause: error });
  }
  return { status: 'applied', url: pull.html_url, note: await askReviews(gateway, op, pull) };
}

/** GitHub's refusal, in words a person reading the reply can act on. */
function why(error: unknown): string {
  const hint =
    statusOf(error) === 403 ? actionsMayNotOpenPulls((error as Error).message) : undefined;
  return hint
    ? `GitHub does not let Actions open pull requests in this repository. ${hint}`
    : describeRequestError(error);
}

/** The file on the branch: written from the text the change was made from, or there already. */
async function writeChange(
  gateway: Gateway,
  op: OpenPullRequest,
  base: string,
  made: boolean,
): Promise<void> {
  const { path, before, after } = op.file;
  if (!made) {
    const there = await gateway.readFile(path, op.branch);
    if (there === after) return;
    if (there !== before) throw new Error(`the branch ${op.branch} holds another change`);
  }
  try {
    await gateway.writeFile(path, after, {
      branch: op.branch,
      replaces: before,
      message: op.title,
    });
  } catch (error) {
    if (statusOf(error) !== 409) throw error;
    throw new Error(`${path} changed on ${base} while the change was being made`, {
      cause: error,
    });
  }
}

/** A 5xx may come after GitHub opened it: look before opening again. */
async function createOnce(
  gateway: Gateway,
  op: OpenPullRequest,
  base: string,
): Promise<{ number: number; html_url: string }> {
  const input = { title: op.title, body: op.body, head: op.branch, base };
  try {
    return await gateway.createPullRequest(input);
  } catch (error) {
    const status = statusOf(error);
    if (status !== undefined && status < 500) throw error;
    return (await gateway.pullRequestFrom(op.branch)) ?? gateway.createPullRequest(input);
  }
}

async function removeBranch(gateway: Gateway, branch: string): Promise<string> {
  try {
    await gateway.deleteBranch(branch);
    return `; the branch ${branch} was deleted again`;
  } catch (error) {
    return `; the branch ${branch} is left behind (${describeRequestError(error)}): delete it`;
  }
}

/** The pull request is open either way: a refused request is said, not failed. */
async function askReviews(
  gateway: Gateway,
  op: OpenPullRequest,
  pull: { number: number },
): Promise<string> {
  if (op.reviewers.length === 0) return '';
  try {
    await gateway.requestReviewers(pull.number, op.reviewers);
    return '';
  } catch (error) {
    if (error instanceof RateLimitDeferred) throw error;
    return ` GitHub would not ask them to review (${describeRequestError(error)}): ask them yourself.`;
  }
}
