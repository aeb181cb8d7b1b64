import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../dev/emulator/index.js';
import { isPinned, pin } from '../../dev/emulator/pins.js';
import {
  CONFIG,
  isWrite,
  issuesEvent,
  REPO,
  routes,
  run,
  startDesk,
} from '../../dev/harness/desk.js';
import { projectRoot } from '../../dev/harness/run-action.js';

/**
 * Seed 000's desk (follow-the-sun from Paris, Cambridge and SFO) with the desk-now issue turned
 * on: the escalation sweep of the scheduled workflow keeps one pinned issue that says who is on
 * call and what is open, from the open issues it lists anyway.
 */
const ROSTER = readFileSync(
  join(projectRoot(), 'test/unit/fixtures/roster/follow-the-sun.yaml'),
  'utf8',
);
const ESCALATION = `version: 1
response:
  calendar: { site-of: primary }
  business-hours: ['08:00-17:00']
  goals:
    - labels: [S1-broken]
      minutes: 60
    - minutes: 480
desk-now: true
`;

const LIST = 'GET /repos/{owner}/{repo}/issues';
const CREATE = 'POST /repos/{owner}/{repo}/issues';
const EDIT = 'PATCH /repos/{owner}/{repo}/issues/{issue_number}';
/** A GraphQL request: who the kit's token writes as, or the pinIssue mutation. */
const GRAPHQL = 'POST /graphql';
const LABEL = 'support-kit/desk-now';

let emulator: Emulator;
afterEach(async () => {
  await emulator?.close();
});

async function desk(): Promise<void> {
  emulator = await startDesk(
    {},
    { repos: [{ owner: 'acme', name: 'desk', collaborators: ['dan', 'chloe'] }] },
  );
}

function sweep(now: string, options: { dryRun?: boolean } = {}) {
  emulator.setClock(now);
  return run(
    emulator,
    'escalate',
    { name: 'schedule', payload: { schedule: '7,37 * * * *' } },
    {
      workspace: { [`${CONFIG}/roster.yaml`]: ROSTER, [`${CONFIG}/escalation.yaml`]: ESCALATION },
      env: { SUPPORT_KIT_NOW: now },
      ...(options.dryRun ? { inputs: { 'dry-run': 'true' } } : {}),
    },
  );
}

function open(title: string, labels: string[], createdAt: string, assignees: string[] = []) {
  emulator.setClock(createdAt);
  return emulator.store.createIssue(REPO, {
    title,
    body: 'Details.',
    user: 'customer-eng',
    labels,
    assignees,
    created_at: createdAt,
  }).number;
}

const deskIssues = () =>
  emulator.store.repo(REPO).issues.filter((i) => i.labels.some((l) => l.name === LABEL));

describe('the desk-now issue (dist/escalate on schedule)', () => {
  it('the first sweep creates it and pins it: one listing by label, the issue, the pin', async () => {
    await desk();
    open('Engine restarts after upgrade', ['S1-broken'], '2026-11-23T09:00:00Z', ['dan']);
    open('Overlay drops packets', ['oncall/no-coverage'], '2026-11-23T03:00:00Z');

    const first = await sweep('2026-11-23T09:37:00Z');

    expect(first.exitCode).toBe(0);
    expect(routes(first.requests)).toEqual([LIST, LIST, CREATE, GRAPHQL]);
    const [record] = deskIssues();
    expect(record?.title).toBe('The desk now: who is on call and what is open');
    expect(record?.body).toMatch(/^<!-- support-kit:desk-now -->\n## On call/);
    expect(record?.body).toContain(
      '| follow-the-sun | primary | dan | Mon 2026-11-23 13:00 Europe/Paris | emma |',
    );
    expect(record?.body).toContain('under 1 h left, due Mon 2026-11-23 11:00 Europe/Paris');
    expect(isPinned(emulator.store.repo(REPO), record?.number ?? 0)).toBe(true);
    expect(first.summary).toContain('pinned');
  });

  it('with three issues pinned already, it is created unpinned and the run still succeeds, saying why', async () => {
    await desk();
    const repo = emulator.store.repo(REPO);
    for (const title of ['Roadmap', 'Known issues', 'Support hours'])
      pin(repo, open(title, [], '2026-11-20T09:00:00Z'), 'amy');

    const first = await sweep('2026-11-23T09:37:00Z');

    expect(first.exitCode).toBe(0);
    expect(routes(first.requests)).toEqual([LIST, LIST, CREATE, GRAPHQL]);
    expect(isPinned(repo, deskIssues()[0]?.number ?? 0)).toBe(false);
    expect(first.summary).toMatch(/✅ applied .*⚠️ .* is not pinned .*3 pinned issues already/);
  });

  it('a sweep that finds the desk as it was writes nothing: the issue comes with the listing', async () => {
    await desk();
    open('Engine restarts after upgrade', ['S1-broken'], '2026-11-23T09:00:00Z', ['dan']);
    await sweep('2026-11-23T09:37:00Z');

    const again = await sweep('2026-11-23T09:52:00Z');

    expect(again.exitCode).toBe(0);
    // The open listing finds the record; its marker asks who the kit writes as, once.
    expect(routes(again.requests)).toEqual([LIST, GRAPHQL]);
    expect(again.requests.filter(isWrite)).toEqual([]);
  });

  it('a change edits the same issue in place: never a second one, and the pin is not asked again', async () => {
    await desk();
    open('Engine restarts after upgrade', ['S1-broken'], '2026-11-23T09:00:00Z', ['dan']);
    await sweep('2026-11-23T09:37:00Z');
    const [before] = deskIssues();
    open('Registry deletes tagged layers', ['S2-major'], '2026-11-23T09:40:00Z', ['dan']);

    const changed = await sweep('2026-11-23T10:07:00Z');

    expect(routes(changed.requests)).toEqual([LIST, GRAPHQL, EDIT]);
    expect(deskIssues().map((i) => i.number)).toEqual([before?.number]);
    expect(deskIssues()[0]?.body).toContain('Registry deletes tagged layers');
  });

  it('one a person closed stays closed and is not opened again', async () => {
    await desk();
    await sweep('2026-11-23T09:37:00Z');
    const [record] = deskIssues();
    emulator.store.updateIssue(REPO, record?.number ?? 0, { state: 'closed' }, { actor: 'dan' });
    open('Engine restarts after upgrade', ['S1-broken'], '2026-11-23T09:40:00Z', ['dan']);

    const later = await sweep('2026-11-23T10:07:00Z');

    expect(later.exitCode).toBe(0);
    expect(routes(later.requests)).toEqual([LIST, LIST, GRAPHQL]);
    expect(later.requests.filter(isWrite)).toEqual([]);
    expect(deskIssues().map((i) => i.state)).toEqual(['closed']);
  });

  it("an App's token creating it starts the issues workflow, and intake, on-call and escalation leave it alone", async () => {
    await desk();
    await sweep('2026-11-23T09:37:00Z');
    const [record] = deskIssues();
    emulator.resetRequests();

    const opened = await run(
      emulator,
      'all',
      issuesEvent(emulator, 'opened', record?.number ?? 0),
      {
        workspace: { [`${CONFIG}/roster.yaml`]: ROSTER, [`${CONFIG}/escalation.yaml`]: ESCALATION },
        env: { SUPPORT_KIT_NOW: '2026-11-23T09:38:00Z' },
        inputs: { action: 'auto' },
        causedByApp: true,
      },
    );

    expect(opened.exitCode).toBe(0);
    // Who the token writes as, asked once to trust the marker, and escalation's read of the
    // issue as it is now; nothing written.
    expect(routes(opened.requests)).toEqual([
      GRAPHQL,
      'GET /repos/{owner}/{repo}/issues/{issue_number}',
    ]);
    expect(opened.requests.filter(isWrite)).toEqual([]);
    expect(deskIssues()[0]?.assignees).toEqual([]);
    expect(deskIssues()[0]?.comments).toEqual([]);
  });

  it('a dry run shows the issue it would write and writes nothing', async () => {
    await desk();

    const dry = await sweep('2026-11-23T09:37:00Z', { dryRun: true });

    expect(dry.exitCode).toBe(0);
    expect(routes(dry.requests)).toEqual([LIST]);
    expect(deskIssues()).toEqual([]);
    expect(dry.summary).toContain('The desk now: who is on call and what is open');
  });
});
