import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Emulator, webhookPayload } from '../../dev/emulator/index.js';
import { CONFIG, REPO, routes, run, startDesk } from '../../dev/harness/desk.js';
import { projectRoot } from '../../dev/harness/run-action.js';

/** Seed 000's follow-the-sun roster: SFO, Paris, Cambridge; nobody 5-11 PM Pacific. */
const ROSTER = readFileSync(
  join(projectRoot(), 'test/unit/fixtures/roster/follow-the-sun.yaml'),
  'utf8',
);
const TEAM = ['alice', 'bob', 'chloe', 'dan', 'emma', 'fred', 'escalation-leads'];

let emulator: Emulator;
afterEach(async () => emulator?.close());

async function desk(collaborators = TEAM): Promise<Emulator> {
  return startDesk({}, { repos: [{ owner: 'acme', name: 'desk', collaborators }] });
}

function openedAt(
  createdAt: string,
  assignees: string[] = [],
): { number: number; event: { name: string; payload: object } } {
  const number = emulator.store.createIssue(REPO, {
    title: 'Engine restarts on three nodes',
    user: 'customer-eng',
    created_at: createdAt,
    assignees,
  }).number;
  return {
    number,
    event: {
      name: 'issues',
      payload: webhookPayload(emulator.store, 'issues', { repo: REPO, action: 'opened', number }),
    },
  };
}

const checkout = (roster = ROSTER) => ({ workspace: { [`${CONFIG}/roster.yaml`]: roster } });
const issue = (n: number) => emulator.store.issue(REPO, n);

/** Only S0 and S1 issues are routed: an issue without a severity label is nobody's yet. */
const ONLY_S1 = ROSTER.replace(/\n {2}- schedule: follow-the-sun\n*$/, '\n');

function labeled(number: number, label: string) {
  // A person labels it: a label the workflow token added would start no run.
  emulator.store.addLabels(REPO, number, [label], { actor: 'alice' });
  return {
    name: 'issues',
    payload: webhookPayload(emulator.store, 'issues', {
      repo: REPO,
      action: 'labeled',
      number,
      label,
    }),
  };
}

describe('an issue transferred before its run (dist/oncall)', () => {
  it('is left alone: GitHub redirects the read to its new repository, and nothing is written here', async () => {
    emulator = await desk();
    emulator.store.addRepo({ owner: 'acme', name: 'engine' });
    const { number, event } = openedAt('2026-11-24T09:00:00Z');
    emulator.store.transferIssue(REPO, number, 'acme/engine', { actor: 'alice' });

    const result = await run(emulator, 'oncall', event, checkout());

    expect(result.exitCode).toBe(0);
    expect(routes(result.requests)).toEqual([
      'GET /repos/{owner}/{repo}/issues/{issue_number}',
      'GET /repos/{owner}/{repo}/issues/{issue_number}',
    ]);
    expect(result.summary).toMatch(/transferred to .*acme\/engine\/issues\/1: nothing to do here/);
    expect(emulator.store.issue('acme/engine', 1).assignees).toEqual([]);
  });
});

describe('an issue transferred away before the run, config through the API (dist/oncall)', () => {
  it('is not found by the config query, so the REST read follows it and nothing is written', async () => {
    emulator = await startDesk(
      { [`${CONFIG}/roster.yaml`]: ROSTER },
      { repos: [{ owner: 'acme', name: 'desk', collaborators: TEAM }] },
    );
    emulator.store.addRepo({ owner: 'acme', name: 'engine' });
    const { number, event } = openedAt('2026-11-24T09:00:00Z');
    emulator.store.transferIssue(REPO, number, 'acme/engine', { actor: 'alice' });

    const result = await run(emulator, 'oncall', event);

    expect(result.exitCode).toBe(0);
    expect(routes(result.requests)).toEqual([
      'POST /graphql', // the config; the issue answers NOT_FOUND there
      'GET /repos/{owner}/{repo}/issues/{issue_number}', // 301 to its new home
      'GET /repos/{owner}/{repo}/issues/{issue_number}',
    ]);
    expect(result.summary).toMatch(/transferred to .*acme\/engine\/issues\/1: nothing to do here/);
    expect(emulator.store.issue('acme/engine', 1).assignees).toEqual([]);
  });
});

describe('on-call assignment on a label (dist/oncall)', () => {
  it('routes an unassigned issue by the label it just got, from the event alone', async () => {
    emulator = await desk();
    const { number } = openedAt('2026-11-24T09:00:00Z');

    const result = await run(emulator, 'oncall', labeled(number, 'S1-broken'), checkout(ONLY_S1));

    expect(result.exitCode).toBe(0);
    expect(issue(number).assignees).toEqual(['chloe']);
    expect(routes(result.requests)).toEqual([
      'POST /repos/{owner}/{repo}/issues/{issue_number}/assignees',
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    ]);
  });

  it('assigns nobody when the labelled issue is closed', async () => {
    emulator = await desk();
    const { number } = openedAt('2026-11-24T09:00:00Z');
    emulator.store.updateIssue(REPO, number, { state: 'closed' });

    const result = await run(emulator, 'oncall', labeled(number, 'S1-broken'), checkout());

    expect(result.exitCode).toBe(0);
    expect(issue(number).assignees).toEqual([]);
    expect(issue(number).comments).toEqual([]);
    expect(result.requests).toEqual([]);
  });
});

describe('on-call assignment (dist/oncall)', () => {
  it('assigns whoever was on call when the issue was opened, says why, in three requests (the issue read afresh first)', async () => {
    emulator = await desk();
    const { number, event } = openedAt('2026-11-24T09:00:00Z'); // 10:00 in Paris

    const result = await run(emulator, 'oncall', event, checkout());

    expect(result.exitCode).toBe(0);
    expect(issue(number).assignees).toEqual(['chloe']);
    expect(issue(number).comments[0]?.body).toMatch(
      /Assigned to \*\*chloe\*\*, the primary on call for follow-the-sun/,
    );
    expect(routes(result.requests)).toEqual([
      'GET /repos/{owner}/{repo}/issues/{issue_number}', // labels as they are after intake; no comment yet
      'POST /repos/{owner}/{repo}/issues/{issue_number}/assignees',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    ]);
  });

  it('reads alone and raw a roster.yaml longer than GraphQL gives whole and than the contents API gives as JSON (1.1 MB of comments)', async () => {
    const long = `${'# The history of our rotation, kept in the file.\n'.repeat(23_000)}${ROSTER}`;
    emulator = await startDesk(
      { [`${CONFIG}/roster.yaml`]: long },
      { repos: [{ owner: 'acme', name: 'desk', collaborators: TEAM }] },
    );
    const { number, event } = openedAt('2026-11-24T09:00:00Z'); // 10:00 in Paris

    const result = await run(emulator, 'oncall', event);

    expect(long.length).toBeGreaterThan(1024 * 1024);
    expect(result.exitCode).toBe(0);
    expect(issue(number).assignees).toEqual(['chloe']);
    expect(routes(result.requests)).toEqual([
      'POST /graphql', // the config folder and the issue: roster.yaml's text comes back cut short
      'GET /repos/{owner}/{repo}/contents/{path}', // so it is read alone, raw: JSON stops at 1 MB
      'POST /repos/{owner}/{repo}/issues/{issue_number}/assignees',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    ]);
  });

  it('looks for its own comment before writing when the issue already has comments (a re-run updates it)', async () => {
    emulator = await desk();
    const { number, event } = openedAt('2026-11-24T09:00:00Z');
    await run(emulator, 'oncall', event, checkout());
    emulator.store.removeAssignees(REPO, number, ['chloe']);

    const again = await run(emulator, 'oncall', event, checkout());

    expect(issue(number).comments).toHaveLength(1);
    expect(routes(again.requests)).toEqual([
      'GET /repos/{owner}/{repo}/issues/{issue_number}',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/assignees',
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'POST /graphql',
    ]);
  });

  it('routes by the labels the issue has when the step runs, not the stale ones of the opened event', async () => {
    emulator = await desk();
    const { number, event } = openedAt('2026-11-24T09:00:00Z');
    // Intake, earlier in the same job, labels the severity from the form: no new run starts.
    emulator.store.addLabels(REPO, number, ['S1-broken']);

    await run(emulator, 'oncall', event, checkout(ONLY_S1));

    expect(issue(number).assignees).toEqual(['chloe']);
  });

  it('an on-call engineer who opens an issue in their own shift gets it (research §10 #22)', async () => {
    emulator = await desk();
    const number = emulator.store.createIssue(REPO, {
      title: 'Paris cache cold after deploy',
      user: 'chloe',
      created_at: '2026-11-24T09:00:00Z',
    }).number;
    const event = {
      name: 'issues',
      payload: webhookPayload(emulator.store, 'issues', { repo: REPO, action: 'opened', number }),
    };

    await run(emulator, 'oncall', event, checkout());

    expect(issue(number).assignees).toEqual(['chloe']);
  });

  it('goes by the time the issue was opened, not by a late cron or a slow runner', async () => {
    emulator = await desk();
    const { number, event } = openedAt('2026-11-24T09:00:00Z');

    await run(emulator, 'oncall', event, {
      ...checkout(),
      env: { SUPPORT_KIT_NOW: '2026-11-25T02:30:00Z' },
    });

    expect(issue(number).assignees).toEqual(['chloe']);
  });

  it('holds an issue opened in the 5-11 PM Pacific gap, and says when coverage resumes and with whom', async () => {
    emulator = await desk();
    const { number, event } = openedAt('2026-11-24T02:30:00Z'); // Monday 18:30 in San Francisco

    const result = await run(emulator, 'oncall', event, checkout());

    expect(result.exitCode).toBe(0);
    expect(issue(number).assignees).toEqual([]);
    expect(issue(number).labels.map((l) => l.name)).toEqual(['oncall/no-coverage']);
    expect(issue(number).comments[0]?.body).toMatch(
      /declared gap "pacific-evening".*resumes at 2026-11-24T08:00:00\+01:00 with \*\*chloe\*\*/s,
    );
  });

  it("never overrides a human's assignment", async () => {
    emulator = await desk();
    const { number, event } = openedAt('2026-11-24T09:00:00Z', ['dan']);

    const result = await run(emulator, 'oncall', event, checkout());

    expect(issue(number).assignees).toEqual(['dan']);
    expect(routes(result.requests)).toEqual(['GET /repos/{owner}/{repo}/issues/{issue_number}']);
  });

  it("falls back to the roster's fallback when the on-call login cannot be assigned", async () => {
    emulator = await desk(TEAM.filter((login) => login !== 'chloe'));
    const { number, event } = openedAt('2026-11-24T09:00:00Z');

    const result = await run(emulator, 'oncall', event, checkout());

    expect(result.exitCode).toBe(0);
    expect(issue(number).assignees).toEqual(['escalation-leads']);
    expect(result.stdout).toMatch(/chloe could not be assigned; assigned escalation-leads instead/);
  });

  it('flags the issue for a person and fails loudly when roster.yaml is broken, assigning nobody', async () => {
    emulator = await desk();
    const { number, event } = openedAt('2026-11-24T09:00:00Z');

    const result = await run(
      emulator,
      'oncall',
      event,
      checkout(ROSTER.replace('timezone: Europe/Paris', 'timezone: CET')),
    );

    expect(result.exitCode).toBe(1);
    expect(result.annotations).toContainEqual(
      expect.objectContaining({ level: 'error', file: `${CONFIG}/roster.yaml` }),
    );
    expect(issue(number).assignees).toEqual([]);
    expect(issue(number).labels.map((l) => l.name)).toEqual(['oncall/needs-triage']);
    expect(issue(number).comments[0]?.body).toMatch(
      /could not be assigned: roster\.yaml has errors/,
    );
  });

  it('gives a held issue to whoever is on call once coverage resumes, on the scheduled run', async () => {
    emulator = await desk();
    const { number, event } = openedAt('2026-11-24T02:30:00Z');
    await run(emulator, 'oncall', event, checkout());
    const tick = { name: 'schedule', payload: { schedule: '7,22,37,52 * * * *' } };

    const stillGap = await run(emulator, 'oncall', tick, {
      ...checkout(),
      env: { SUPPORT_KIT_NOW: '2026-11-24T05:00:00Z' },
    });
    // The only writes are the hand-off log's (a first run logs the latest hand-off): none to the held issue.
    expect(stillGap.requests.filter((r) => r.path.includes(`/issues/${number}`))).toEqual([]);
    expect(routes(stillGap.requests)[0]).toBe('GET /search/issues');
    expect(issue(number).assignees).toEqual([]);

    const resumed = await run(emulator, 'oncall', tick, {
      ...checkout(),
      env: { SUPPORT_KIT_NOW: '2026-11-24T07:05:00Z' },
    });

    expect(resumed.exitCode).toBe(0);
    expect(issue(number).assignees).toEqual(['chloe']);
    expect(issue(number).labels.map((l) => l.name)).toEqual([]);
    expect(issue(number).comments).toHaveLength(1);
    expect(issue(number).comments[0]?.body).toMatch(/Coverage resumed: assigned to \*\*chloe\*\*/);
  });

  it('releases several held issues in the order they were opened, and records the roster and tzdata it used', async () => {
    emulator = await desk();
    const later = openedAt('2026-11-24T03:40:00Z');
    const earlier = openedAt('2026-11-24T02:10:00Z');
    for (const held of [later, earlier]) await run(emulator, 'oncall', held.event, checkout());
    const tick = { name: 'schedule', payload: { schedule: '7,22,37,52 * * * *' } };

    const resumed = await run(emulator, 'oncall', tick, {
      ...checkout(),
      env: { SUPPORT_KIT_NOW: '2026-11-24T07:05:00Z' },
    });

    const assigned = resumed.requests
      .filter((r) => r.route === 'POST /repos/{owner}/{repo}/issues/{issue_number}/assignees')
      .map((r) => r.path);
    expect(assigned).toEqual([
      `/repos/${REPO}/issues/${earlier.number}/assignees`,
      `/repos/${REPO}/issues/${later.number}/assignees`,
    ]);
    expect(resumed.summary).toMatch(
      /roster from workspace \.github\/support-kit; time-zone data \d{4}[a-z]/,
    );
  });
});

describe('a Busy GitHub status with busy: backup (dist/oncall)', () => {
  // Seed 004's weekly primary and backup; Tuesday 24 November 2026, 10:00 Pacific: luc is the
  // primary, ivy the backup.
  // The preset turns it on; said here too, so that the test does not hang on the preset.
  const BUSY = `busy: backup\n${readFileSync(
    join(projectRoot(), 'config/presets/live-incident/roster.yaml'),
    'utf8',
  ).replace(/^busy: .*\n/m, '')}`;

  const incident = () => {
    const number = emulator.store.createIssue(REPO, {
      title: 'Production cluster down',
      user: 'customer-eng',
      labels: ['incident'],
      created_at: '2026-11-24T18:00:00Z',
    }).number;
    return {
      number,
      event: {
        name: 'issues',
        payload: webhookPayload(emulator.store, 'issues', { repo: REPO, action: 'opened', number }),
      },
    };
  };
  const people = ['amy', 'luc', 'ivy', 'noah', 'zoe'];

  it('gives a new issue to the backup when the person due set Busy, in one status query', async () => {
    emulator = await desk(people);
    emulator.store.setUserStatus('luc', {
      message: 'Off sick',
      indicatesLimitedAvailability: true,
    });
    const { number, event } = incident();

    const result = await run(emulator, 'oncall', event, checkout(BUSY));

    expect(result.exitCode).toBe(0);
    expect(issue(number).assignees).toEqual(['ivy']);
    expect(issue(number).comments[0]?.body).toContain(
      '**luc**, who was due, has set their GitHub status to Busy (“Off sick”).',
    );
    expect(routes(result.requests)).toEqual([
      'GET /repos/{owner}/{repo}/issues/{issue_number}',
      'POST /graphql',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/assignees',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    ]);
  });

  it('assigns as usual once the status has expired', async () => {
    emulator = await desk(people);
    emulator.setClock('2026-11-24T18:00:30Z');
    emulator.store.setUserStatus('luc', {
      indicatesLimitedAvailability: true,
      expiresAt: '2026-11-24T17:00:00Z',
    });
    const { number, event } = incident();

    await run(emulator, 'oncall', event, checkout(BUSY));

    expect(issue(number).assignees).toEqual(['luc']);
  });
});
