import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Emulator, webhookPayload } from '../../emulator/index.js';
import { escalationBody as escalationFormBody, presetFiles } from '../../fixtures/escalation.js';
import { CONFIG, openPullRequest, pullRequestEvent, REPO, startDesk } from '../desk.js';
import { projectRoot } from '../run-action.js';

/**
 * The runs the reliability suite faults: one of each kind of write the six actions make, each on
 * a desk set up through the emulator's store (no run before it, so a case costs two runs).
 */

interface Step {
  action: string;
  /** The run wants the PagerDuty key and the webhook URL as inputs. */
  notifies?: boolean;
}

export interface Prepared {
  emulator: Emulator;
  event: { name: string; payload: object };
  now: string;
  workspace: Record<string, string>;
  steps: Step[];
}

export interface Target {
  name: string;
  prepare(receivers: { pagerDuty: string; webhook: string }): Promise<Prepared>;
}

const file = (path: string) => readFileSync(join(projectRoot(), path), 'utf8');
const TICK = { name: 'schedule', payload: { schedule: '7,22,37,52 * * * *' } };
const PEOPLE = ['alice', 'bob', 'chloe', 'dan', 'emma', 'fred', 'amy', 'luc', 'ivy', 'noah', 'zoe'];

async function desk(now: string, permissions: Record<string, 'triage'> = {}): Promise<Emulator> {
  const emulator = await startDesk(
    {},
    {
      repos: [
        {
          owner: 'acme',
          name: 'desk',
          collaborators: PEOPLE.map((login) =>
            permissions[login] ? { login, permission: permissions[login] } : login,
          ),
        },
      ],
    },
  );
  emulator.setClock(now);
  return emulator;
}

/** Seed 004: S1 answered within one business hour, then the backup, then the leads. */
const LIVE_INCIDENT = file('test/unit/fixtures/roster/live-incident.yaml');
const escalationYaml = (pagerDuty: string) => `version: 1
severities: [S0-catastrophic, S1-broken, S2-major, S3-minor]
response:
  goals:
    - labels: [S0-catastrophic, S1-broken]
      minutes: 60
    - minutes: 480
escalation:
  steps:
    - assign: backup
    - after-minutes: 60
      mention: '@acme/incident-leads'
notifications:
  pagerduty:
    url: ${pagerDuty}/v2/enqueue
    labels: [S0-catastrophic, S1-broken]
  webhook:
    events: [escalation, handoff]
`;

function openS1(emulator: Emulator, at: string): number {
  return emulator.store.createIssue(REPO, {
    title: 'Visit crashes on open',
    body: 'Crash on open.',
    user: 'customer-eng',
    labels: ['incident', 'S1-broken'],
    assignees: ['amy'],
    created_at: at,
  }).number;
}

const escalationDesk = (pagerDuty: string) => ({
  [`${CONFIG}/roster.yaml`]: LIVE_INCIDENT,
  [`${CONFIG}/escalation.yaml`]: escalationYaml(pagerDuty),
});

/** The escalation preset as a team commits it, its pages sent to the loopback receiver. */
function escalationPreset(pagerDuty: string): Record<string, string> {
  const files = presetFiles(projectRoot(), 'escalation');
  const path = `${CONFIG}/escalation.yaml`;
  files[path] = (files[path] ?? '')
    .replace('https://events.pagerduty.com/v2/enqueue', `${pagerDuty}/v2/enqueue`)
    .concat('  webhook:\n    events: [escalation, handoff, report]\n');
  return files;
}

export const TARGETS: Target[] = [
  {
    name: 'escalate: a step falls due (backup assigned, label, step comment, page, post, state)',
    async prepare({ pagerDuty }) {
      const emulator = await desk('2026-07-07T17:01:00Z');
      openS1(emulator, '2026-07-07T16:00:00Z');
      return {
        emulator,
        event: TICK,
        now: '2026-07-07T17:01:00Z',
        workspace: escalationDesk(pagerDuty),
        steps: [{ action: 'escalate', notifies: true }],
      };
    },
  },
  {
    name: 'escalate: /ack, /severity and /handoff in one comment',
    async prepare({ pagerDuty }) {
      const emulator = await desk('2026-07-07T16:20:00Z', { luc: 'triage' });
      const n = openS1(emulator, '2026-07-07T16:00:00Z');
      const comment = emulator.store.addComment(REPO, n, {
        user: 'luc',
        body: '/ack\n/severity S2-major\n/handoff @ivy',
        created_at: '2026-07-07T16:20:00Z',
      });
      return {
        emulator,
        event: {
          name: 'issue_comment',
          payload: webhookPayload(emulator.store, 'issue_comment', {
            repo: REPO,
            action: 'created',
            number: n,
            comment_id: comment.id,
          }),
        },
        now: '2026-07-07T16:20:00Z',
        workspace: escalationDesk(pagerDuty),
        steps: [{ action: 'escalate', notifies: true }],
      };
    },
  },
  {
    name: 'oncall: a hand-off (log issue, entry, incident moved, post)',
    async prepare() {
      const emulator = await desk('2026-11-30T16:05:00Z');
      emulator.store.createIssue(REPO, {
        title: 'Render farm down',
        user: 'customer-eng',
        assignees: ['luc'],
        labels: ['incident'],
        comments: [
          {
            user: 'github-actions[bot]',
            body: '<!-- support-kit:oncall -->\nAssigned to **luc**, the primary on call.',
          },
        ],
      });
      return {
        emulator,
        event: TICK,
        now: '2026-11-30T16:05:00Z',
        workspace: {
          [`${CONFIG}/roster.yaml`]: file('config/presets/live-incident/roster.yaml').replace(
            /\noverrides:\n(?: .*\n)+/,
            '\n',
          ),
          [`${CONFIG}/escalation.yaml`]:
            'version: 1\nnotifications:\n  webhook:\n    events: [handoff]\n',
        },
        steps: [{ action: 'oncall', notifies: true }],
      };
    },
  },
  {
    name: 'issues workflow: a new incomplete S1 (labels, assignment, page, one comment)',
    async prepare({ pagerDuty }) {
      const emulator = await desk('2026-11-23T09:00:00Z');
      const files = escalationPreset(pagerDuty);
      const n = emulator.store.createIssue(REPO, {
        title: '[Escalation]: Engine restarts after upgrade to 17.06',
        body: escalationFormBody(),
        user: 'customer-eng',
        labels: ['escalation'],
      }).number;
      return {
        emulator,
        event: {
          name: 'issues',
          payload: webhookPayload(emulator.store, 'issues', {
            repo: REPO,
            action: 'opened',
            number: n,
          }),
        },
        now: '2026-11-23T09:00:00Z',
        workspace: files,
        // The issues workflow's one step: intake, on-call and escalation in one process, what
        // they say in one comment (written last, after the page it records).
        steps: [{ action: 'all', notifies: true }],
      };
    },
  },
  {
    name: 'intake sweep: closes an issue left incomplete, and says why',
    async prepare({ pagerDuty }) {
      const emulator = await desk('2026-10-01T09:00:00Z');
      emulator.store.createIssue(REPO, {
        title: '[Escalation]: Engine restarts',
        body: escalationFormBody({ Logs: '_No response_' }),
        user: 'customer-eng',
        labels: ['escalation', 'status/0-more-info-needed'],
        created_at: '2026-10-01T09:00:00Z',
      });
      emulator.setClock('2026-11-23T09:07:00Z');
      return {
        emulator,
        event: TICK,
        now: '2026-11-23T09:07:00Z',
        workspace: escalationPreset(pagerDuty),
        steps: [{ action: 'intake' }],
      };
    },
  },
  {
    name: 'labels: a push creates, updates and deletes labels',
    async prepare({ pagerDuty }) {
      const emulator = await desk('2026-11-23T09:00:00Z');
      emulator.store.updateLabel(REPO, 'bug', { color: '000000', description: 'old' });
      emulator.store.createLabel(REPO, { name: 'stray', color: '111111', description: '' });
      const files = escalationPreset(pagerDuty);
      const path = `${CONFIG}/labels.yaml`;
      files[path] = `${files[path] ?? ''}\nprune: true\n`;
      return {
        emulator,
        event: { name: 'workflow_dispatch', payload: {} },
        now: '2026-11-23T09:00:00Z',
        workspace: files,
        steps: [{ action: 'labels' }],
      };
    },
  },
  {
    name: 'report: the weekly report issue and its link',
    async prepare({ pagerDuty }) {
      const emulator = await desk('2026-11-30T06:17:00Z');
      openS1(emulator, '2026-11-24T16:00:00Z');
      return {
        emulator,
        event: { name: 'schedule', payload: { schedule: '17 6 * * 1' } },
        now: '2026-11-30T06:17:00Z',
        workspace: escalationPreset(pagerDuty),
        steps: [{ action: 'report', notifies: true }],
      };
    },
  },
  {
    name: 'validate: the config check comments on a pull request',
    async prepare() {
      const emulator = await desk('2026-11-23T09:00:00Z');
      const pr = openPullRequest(emulator, {
        [`${CONFIG}/labels.yaml`]: 'labels:\n  - name: S1-broken\n    color: red\n',
      });
      return {
        emulator,
        event: pullRequestEvent(emulator, 'opened', pr),
        now: '2026-11-23T09:00:00Z',
        workspace: {},
        steps: [{ action: 'validate' }],
      };
    },
  },
];
