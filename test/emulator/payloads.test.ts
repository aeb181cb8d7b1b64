/**
 * Webhook payloads must carry every key GitHub's own example payloads carry
 * (@octokit/webhooks-examples), at the top level and inside the objects the kit reads.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookPayload, type Emulator } from '../../dev/emulator/index.js';
import { startBasic } from '../../dev/emulator/helpers.js';

interface Definition {
  name: string;
  examples: Record<string, unknown>[];
}

const definitions = createRequire(import.meta.url)('@octokit/webhooks-examples') as Definition[];

/** Keys that depend on how the event was delivered (an App installation, an enterprise). */
const CONTEXTUAL = new Set(['installation', 'enterprise', 'organization']);

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Keys present in every one of `objects`. */
function commonKeys(objects: Json[]): string[] {
  const [first, ...rest] = objects;
  if (!first) return [];
  return Object.keys(first).filter((k) => rest.every((o) => k in o));
}

/**
 * Missing keys, as dotted paths: top level, and one level into each nested object named in
 * `nested` (e.g. 'issue', 'pull_request.head'), comparing with every example that has it.
 */
function missingKeys(payload: Json, examples: Json[], nested: string[]): string[] {
  const missing: string[] = [];
  for (const key of commonKeys(examples)) {
    if (!CONTEXTUAL.has(key) && !(key in payload)) missing.push(key);
  }
  for (const path of nested) {
    const get = (o: Json): unknown =>
      path
        .split('.')
        .reduce<unknown>(
          (v, k) => (isObject(v) ? v[k] : Array.isArray(v) ? v[Number(k)] : undefined),
          o,
        );
    const inExamples = examples.map(get).filter(isObject);
    const mine = get(payload);
    if (inExamples.length === 0) continue;
    if (!isObject(mine)) {
      missing.push(`${path} (not an object)`);
      continue;
    }
    for (const key of commonKeys(inExamples)) if (!(key in mine)) missing.push(`${path}.${key}`);
  }
  return missing;
}

function examplesOf(event: string, action?: string): Json[] {
  const def = definitions.find((d) => d.name === event);
  if (!def) throw new Error(`no webhook examples for ${event}`);
  const all = def.examples as Json[];
  const same = action ? all.filter((e) => e.action === action) : all;
  return same.length > 0 ? same : all;
}

describe('webhook payloads match GitHub’s examples', () => {
  let gh: Emulator;
  let commentId: number;
  beforeAll(async () => {
    gh = await startBasic();
    commentId = gh.store.issue('acme/support', 1).comments[0]?.id ?? 0;
  });
  afterAll(async () => {
    await gh.close();
  });

  const cases: [string, string | undefined, () => Json, string[]][] = [
    [
      'issues',
      'opened',
      () =>
        webhookPayload(gh.store, 'issues', { repo: 'acme/support', action: 'opened', number: 1 }),
      ['issue', 'issue.user', 'repository', 'repository.owner', 'sender'],
    ],
    [
      'issues',
      'labeled',
      () =>
        webhookPayload(gh.store, 'issues', {
          repo: 'acme/support',
          action: 'labeled',
          number: 1,
          label: 'bug',
          sender: 'alice',
        }),
      ['issue', 'issue.labels.0', 'label', 'repository', 'sender'],
    ],
    [
      'issues',
      'assigned',
      () =>
        webhookPayload(gh.store, 'issues', {
          repo: 'acme/support',
          action: 'assigned',
          number: 2,
          assignee: 'bob',
        }),
      ['issue', 'issue.assignee', 'assignee', 'repository', 'sender'],
    ],
    [
      'issues',
      'closed',
      () =>
        webhookPayload(gh.store, 'issues', { repo: 'acme/support', action: 'closed', number: 3 }),
      ['issue', 'repository', 'sender'],
    ],
    [
      'issue_comment',
      'created',
      () =>
        webhookPayload(gh.store, 'issue_comment', {
          repo: 'acme/support',
          action: 'created',
          number: 1,
          comment_id: commentId,
        }),
      ['issue', 'comment', 'comment.user', 'repository', 'sender'],
    ],
    [
      'push',
      undefined,
      () =>
        webhookPayload(gh.store, 'push', {
          repo: 'acme/support',
          commits: [{ message: 'Update roster', modified: ['.github/support-kit/roster.yaml'] }],
        }),
      ['repository', 'pusher', 'sender', 'head_commit', 'head_commit.author', 'commits.0'],
    ],
    [
      'pull_request',
      'opened',
      () =>
        webhookPayload(gh.store, 'pull_request', {
          repo: 'acme/support',
          action: 'opened',
          number: 4,
        }),
      [
        'pull_request',
        'pull_request.head',
        'pull_request.base',
        'pull_request._links',
        'repository',
        'sender',
      ],
    ],
    [
      'pull_request',
      'synchronize',
      () =>
        webhookPayload(gh.store, 'pull_request', {
          repo: 'acme/support',
          action: 'synchronize',
          number: 4,
          head: 'dark-mode',
          base: 'main',
        }),
      ['pull_request', 'pull_request.head', 'pull_request.base', 'repository', 'sender'],
    ],
    [
      'workflow_dispatch',
      undefined,
      () =>
        webhookPayload(gh.store, 'workflow_dispatch', {
          repo: 'acme/support',
          inputs: { dry_run: 'true' },
        }),
      ['repository', 'sender'],
    ],
  ];

  for (const [event, action, build, nested] of cases) {
    it(`${event}${action ? `.${action}` : ''} carries every key of the examples`, () => {
      const payload = build();
      expect(missingKeys(payload, examplesOf(event, action), nested)).toEqual([]);
    });
  }

  it('schedule carries the cron expression and the repository', () => {
    const payload = webhookPayload(gh.store, 'schedule', {
      repo: 'acme/support',
      schedule: '0 * * * *',
    });
    expect(payload.schedule).toBe('0 * * * *');
    const repoKeys = commonKeys(examplesOf('issues', 'opened').map((e) => e.repository as Json));
    expect(repoKeys.filter((k) => !(k in (payload.repository as Json)))).toEqual([]);
  });

  it('issues payloads reflect the store (labels, assignees, state)', () => {
    const payload = webhookPayload(gh.store, 'issues', {
      repo: 'acme/support',
      action: 'opened',
      number: 2,
    }) as {
      issue: {
        number: number;
        labels: { name: string }[];
        assignees: { login: string }[];
        state: string;
      };
      sender: { login: string };
    };
    expect(payload.issue.number).toBe(2);
    expect(payload.issue.labels.map((l) => l.name)).toEqual(['severity: S1']);
    expect(payload.issue.assignees.map((a) => a.login)).toEqual(['bob']);
    expect(payload.sender.login).toBe('erin');
  });

  it('defaults the sender to whoever did it (the latest matching event’s actor)', () => {
    gh.store.addLabels('acme/support', 2, ['bug'], { actor: 'carol' });
    const payload = webhookPayload(gh.store, 'issues', {
      repo: 'acme/support',
      action: 'labeled',
      number: 2,
      label: 'bug',
    }) as { sender: { login: string }; label: { name: string } };
    expect(payload.sender.login).toBe('carol');
    expect(payload.label.name).toBe('bug');
  });

  it('pull_request refuses a number that is not a pull request', () => {
    expect(() =>
      webhookPayload(gh.store, 'pull_request', {
        repo: 'acme/support',
        action: 'opened',
        number: 1,
      }),
    ).toThrow(/not a pull request/);
  });
});
