import {
  type Emulator,
  type StartOptions,
  startEmulator,
  webhookPayload,
} from '../emulator/index.js';
import type { Seed } from '../emulator/seed.js';
import { type ActionRun, runAction, type RunActionOptions } from './run-action.js';

export const REPO = 'acme/desk';
export const CONFIG = '.github/support-kit';

/** A support repository on a fresh emulator, with the people of a small desk. */
export async function startDesk(
  files: Record<string, string> = {},
  seed: Partial<Seed> = {},
  options: Pick<StartOptions, 'rateLimits'> = {},
): Promise<Emulator> {
  return startEmulator({
    ...options,
    seed: {
      users: [{ login: 'amy' }, { login: 'luc' }, { login: 'customer-eng' }],
      repos: [
        {
          owner: 'acme',
          name: 'desk',
          collaborators: ['amy', 'luc'],
          files,
          ...(seed.repos?.[0] ?? {}),
        },
      ],
      ...(seed.now ? { now: seed.now } : {}),
    },
  });
}

/** Run a bundle against the emulator, counting the API requests it made. */
export async function run(
  emulator: Emulator,
  action: string,
  event: RunActionOptions['event'],
  options: Partial<RunActionOptions> = {},
): Promise<ActionRun & { requests: Emulator['requests'] }> {
  emulator.resetRequests();
  const result = await runAction({ action, apiUrl: emulator.url, repo: REPO, event, ...options });
  return { ...result, requests: [...emulator.requests] };
}

export function issuesEvent(
  emulator: Emulator,
  action: string,
  number: number,
): RunActionOptions['event'] {
  return {
    name: 'issues',
    payload: webhookPayload(emulator.store, 'issues', { repo: REPO, action, number }),
  };
}

export function pullRequestEvent(
  emulator: Emulator,
  action: string,
  number: number,
): RunActionOptions['event'] {
  return {
    name: 'pull_request',
    payload: webhookPayload(emulator.store, 'pull_request', { repo: REPO, action, number }),
  };
}

/** Open a pull request whose head commit carries these config files. */
export function openPullRequest(emulator: Emulator, files: Record<string, string>): number {
  const pr = emulator.store.createIssue(REPO, {
    title: 'Update support config',
    user: 'amy',
    pull_request: true,
  });
  pushToPullRequest(emulator, pr.number, files, 1);
  return pr.number;
}

/** A new head commit on the pull request with these files. */
export function pushToPullRequest(
  emulator: Emulator,
  number: number,
  files: Record<string, string>,
  commit: number,
): string {
  const pr = emulator.store.issue(REPO, number);
  if (!pr.pull_request) throw new Error(`#${number} is not a pull request`);
  const sha = `${String(commit).padStart(2, '0')}${'c0ffee'.repeat(7)}`.slice(0, 40);
  pr.pull_request.head_sha = sha;
  for (const [path, content] of Object.entries(files))
    emulator.store.setFile(REPO, path, content, sha);
  return sha;
}

export function routes(requests: Emulator['requests']): string[] {
  return requests.map((r) => r.route);
}

/**
 * Whether a request could change GitHub: any method but GET, and of GraphQL only a mutation
 * (the kit's one is `pinIssue`; its queries ask who its token writes as, and read).
 */
export function isWrite(request: Emulator['requests'][number]): boolean {
  if (request.route !== 'POST /graphql') return request.method !== 'GET';
  const query = (request.body as { query?: unknown } | undefined)?.query;
  return typeof query === 'string' && /^\s*mutation\b/.test(query);
}
