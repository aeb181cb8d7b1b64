import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { TokenGrant } from '../emulator/index.js';

/**
 * The workflow token a runner would hand this run: a fresh GITHUB_TOKEN for the repository,
 * with the `permissions:` of the caller workflow that starts the action on this event (the
 * files in workflows/ that users copy), read-only on a pull request from a fork.
 */
export function workflowTokenGrant(
  root: string,
  action: string,
  event: { name: string; payload: object },
  repo: string,
  inputs: Record<string, string> = {},
): TokenGrant {
  const caller = inputs.mode === 'calendar' ? 'calendar.yml' : callerOf(action, event.name);
  const permissions = jobPermissions(join(root, 'workflows', caller));
  const fromFork = isFromFork(event.payload);
  return {
    login: 'github-actions[bot]',
    kind: 'workflow',
    repositories: [repo],
    permissions: fromFork ? readOnly(permissions) : permissions,
  };
}

/** Which caller starts `action` on an event: each of workflows/*.yml takes its own events. */
function callerOf(action: string, event: string): string {
  const own: Record<string, string> = {
    labels: 'labels.yml',
    validate: 'validate.yml',
    report: 'report.yml',
  };
  if (own[action]) return own[action];
  if (event === 'push' || event === 'pull_request') return 'labels.yml';
  if (event === 'issue_comment') return 'escalate.yml';
  if (event === 'schedule' || event === 'workflow_dispatch') return 'schedule.yml';
  return 'issues.yml';
}

type Permissions = NonNullable<TokenGrant['permissions']>;

/** The one job's `permissions:` (the callers set them per job and `{}` for the workflow). */
function jobPermissions(file: string): Permissions {
  const workflow = parse(readFileSync(file, 'utf8')) as {
    jobs?: Record<string, { permissions?: Record<string, string> }>;
  };
  const jobs = Object.values(workflow.jobs ?? {});
  if (jobs.length !== 1) throw new Error(`${file}: expected one job, found ${jobs.length}`);
  // `id-token` lets a job ask for an OIDC token (the Pages deployment's); the API token has no such scope.
  const { 'id-token': _oidc, ...scopes } = jobs[0]?.permissions ?? {};
  return scopes;
}

function isFromFork(payload: object): boolean {
  const p = payload as {
    pull_request?: { head?: { repo?: { full_name?: string } } };
    repository?: { full_name?: string };
  };
  const head = p.pull_request?.head?.repo?.full_name;
  return head !== undefined && head !== p.repository?.full_name;
}

function readOnly(permissions: Permissions): Permissions {
  return Object.fromEntries(
    Object.entries(permissions).map(([scope, access]) => [
      scope,
      access === 'write' ? 'read' : access,
    ]),
  );
}
