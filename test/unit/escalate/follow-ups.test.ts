import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escalationFrom } from '../../../src/escalate/config/escalation.js';
import { type DecideInput, decideIssue } from '../../../src/escalate/decide/decide.js';
import type {
  CommentSnapshot,
  FollowUpSnapshot,
  IssueSnapshot,
} from '../../../src/escalate/decide/types.js';
import { followUpOf } from '../../../src/kernel/kit-records.js';
import { withMarker } from '../../../src/kernel/markers.js';
import type { OpenSubIssues, Operation, UpsertComment } from '../../../src/kernel/plan.js';
import { rosterOf } from '../fixtures/roster/load.js';

/** Seed 004's roster: 8-12 and 1-5 Pacific, Thanksgiving and the day after are holidays. */
const roster = rosterOf(
  readFileSync(join(import.meta.dirname, '../fixtures/roster/live-incident.yaml'), 'utf8'),
);
/** Seed 003's three follow-ups. */
const config = escalationFrom({
  severities: ['S0-catastrophic', 'S1-broken'],
  response: { goals: [{ labels: ['S1-broken'], minutes: 60 }, { minutes: 480 }] },
  playbooks: {
    sev1: {
      labels: ['S1-broken'],
      'after-close': [
        { name: 'Incident retrospective', 'business-days': 1 },
        { name: 'Incident summary analysis', 'business-days': 2, assign: 'backup' },
        {
          name: 'Summary analysis sent to the customer',
          'business-days': 3,
          assign: ['assignees', '@acme/leads'],
          body: 'Send the summary to the customer.',
        },
      ],
    },
  },
});

/** Opened Monday 23 November 2026, 09:00 Pacific; resolved Wednesday 15:00, before Thanksgiving. */
const CLOSED_AT = '2026-11-25T23:00:00Z';
const issue = (patch: Partial<IssueSnapshot> = {}): IssueSnapshot => ({
  number: 7,
  title: 'Cluster down @everyone',
  body: '',
  author: 'customer-eng',
  url: 'https://github.com/acme/desk/issues/7',
  labels: ['incident', 'S1-broken'],
  assignees: ['luc'],
  state: 'open',
  stateReason: null,
  createdAt: '2026-11-23T17:00:00Z',
  closedAt: null,
  ...patch,
});
const closed = issue({ state: 'closed', stateReason: 'completed', closedAt: CLOSED_AT });

let ids = 100;
function decide(now: string, patch: Partial<DecideInput> = {}) {
  return decideIssue({
    repo: { owner: 'acme', repo: 'desk' },
    issue: closed,
    comments: [],
    occasion: { kind: 'sweep' },
    config,
    roster,
    playbooks: { sev1: '- [ ] Open the incident channel' },
    channels: { pagerduty: false, webhook: false, escalationToken: false },
    now: new Date(now),
    ...patch,
  });
}

/** The kit's comments on the incident after a plan, as the executor writes them. */
const written = (ops: Operation[], before: CommentSnapshot[] = []): CommentSnapshot[] => [
  ...before.filter(
    (c) => !ops.some((o) => o.kind === 'upsert-comment' && c.body.includes(o.marker.kind)),
  ),
  ...ops
    .filter((o): o is UpsertComment => o.kind === 'upsert-comment' && o.issue === 7)
    .map((o) => ({
      id: (ids += 1),
      author: 'github-actions[bot]',
      kit: true,
      bot: true,
      body: withMarker(o.marker, o.body),
      createdAt: CLOSED_AT,
    })),
];

/** The incident's record once the playbook started (the checklist posted on arrival). */
const started = written(
  decide('2026-11-23T17:00:00Z', {
    issue: issue(),
    occasion: { kind: 'issue-event', action: 'opened' },
  }).operations,
);
const onClose = () =>
  decide(CLOSED_AT, { comments: started, occasion: { kind: 'issue-event', action: 'closed' } });
const subIssues = (ops: Operation[]) =>
  ops.filter((o): o is OpenSubIssues => o.kind === 'open-sub-issues');

describe('follow-ups of a playbook incident', () => {
  it('on close, the three follow-ups are planned as sub-issues of the incident, labelled as the kit’s', () => {
    const [op] = subIssues(onClose().operations);

    expect(op?.issue).toBe(7);
    expect(op?.labels).toEqual(['support-kit/follow-up']);
    expect(op?.items.map((i) => i.title)).toEqual([
      'Incident retrospective: Cluster down @everyone',
      'Incident summary analysis: Cluster down @everyone',
      'Summary analysis sent to the customer: Cluster down @everyone',
    ]);
  });

  it('each falls due N business days after the close, past Thanksgiving, the day after and the weekend', () => {
    const [op] = subIssues(onClose().operations);

    expect(op?.items.map((i) => i.marker.keys.due)).toEqual([
      '2026-11-30T23:00:00.000Z', // Mon 15:00 Pacific
      '2026-12-01T23:00:00.000Z',
      '2026-12-02T23:00:00.000Z',
    ]);
    expect(op?.items[0]?.body).toContain(
      '**Incident retrospective** for #7, due **Mon 2026-11-30 15:00 America/Los_Angeles**: 1 business day after the incident was resolved (Wed 2026-11-25 15:00 America/Los_Angeles)',
    );
  });

  it('is assigned per the playbook: the incident’s assignees, the backup when it closed, and a team mentioned', () => {
    const [op] = subIssues(onClose().operations);

    expect(op?.items.map((i) => i.assignees)).toEqual([['luc'], ['ivy'], ['luc']]);
    expect(op?.items[2]?.body).toContain('Assigned to @luc. For @acme/leads.');
    expect(op?.items[2]?.body).toContain('Send the summary to the customer.');
  });

  it('carries a marker naming the incident and the item, which the kit reads back', () => {
    const [op] = subIssues(onClose().operations);
    const body = withMarker(op?.items[1]?.marker ?? { kind: '', keys: {} }, '');

    expect(followUpOf(body)).toEqual({
      parent: 7,
      item: 'incident-summary-analysis',
      due: '2026-12-01T23:00:00.000Z',
    });
  });

  it('records them, so a re-run, or the incident reopened and closed again, opens nothing', () => {
    const after = written(onClose().operations, started);
    const reclosed = { ...closed, closedAt: '2026-11-30T18:00:00Z' };

    expect(subIssues(decide(CLOSED_AT, { comments: after }).operations)).toEqual([]);
    expect(
      subIssues(
        decide('2026-11-30T18:00:00Z', {
          issue: reclosed,
          comments: after,
          occasion: { kind: 'issue-event', action: 'closed' },
        }).operations,
      ),
    ).toEqual([]);
  });

  it('an incident closed as not planned has no follow-ups', () => {
    const notPlanned = { ...closed, stateReason: 'not_planned' };

    expect(
      subIssues(decide(CLOSED_AT, { issue: notPlanned, comments: started }).operations),
    ).toEqual([]);
  });
});

describe('follow-up reminders', () => {
  const recorded = written(onClose().operations, started);
  const retrospective = (patch: Partial<FollowUpSnapshot> = {}): FollowUpSnapshot => ({
    number: 12,
    item: 'incident-retrospective',
    due: '2026-11-30T23:00:00.000Z',
    assignees: ['luc'],
    state: 'open',
    ...patch,
  });
  const reminders = (ops: Operation[]) =>
    ops.filter(
      (o): o is UpsertComment =>
        o.kind === 'upsert-comment' && o.marker.kind === 'follow-up-reminder',
    );
  const sweep = (now: string, comments = recorded, followUp = retrospective()) =>
    decide(now, { comments, followUps: [followUp] }).operations;

  it('none before it falls due', () => {
    expect(reminders(sweep('2026-11-30T22:59:00Z'))).toEqual([]);
  });

  it('once due, one reminder on the follow-up, mentioning its assignee', () => {
    const [reminder] = reminders(sweep('2026-11-30T23:07:00Z'));

    expect(reminder?.issue).toBe(12);
    expect(reminder?.marker.keys).toEqual({ stage: 'due' });
    expect(reminder?.body).toBe(
      '@luc: this follow-up of #7 is due now (Mon 2026-11-30 15:00 America/Los_Angeles). Close it once it is done.',
    );
  });

  it('the state records it, held back if the reminder fails, so the next tick does not repeat it', () => {
    const ops = sweep('2026-11-30T23:07:00Z');
    const state = ops.find(
      (o): o is UpsertComment => o.kind === 'upsert-comment' && o.marker.kind === 'escalation',
    );

    expect(state?.reports).toEqual([12]);
    expect(reminders(sweep('2026-11-30T23:22:00Z', written(ops, recorded)))).toEqual([]);
  });

  it('once more when a business day overdue, and no more after', () => {
    const due = written(sweep('2026-11-30T23:07:00Z'), recorded);
    // A business day after Monday 15:00 is Tuesday 15:00.
    expect(reminders(sweep('2026-12-01T22:59:00Z', due))).toEqual([]);
    const overdue = sweep('2026-12-01T23:07:00Z', due);

    expect(reminders(overdue).map((r) => r.marker.keys.stage)).toEqual(['overdue']);
    expect(reminders(sweep('2026-12-02T23:07:00Z', written(overdue, due)))).toEqual([]);
  });

  it('a run that comes late posts only the overdue reminder', () => {
    expect(reminders(sweep('2026-12-03T18:00:00Z')).map((r) => r.marker.keys.stage)).toEqual([
      'overdue',
    ]);
  });

  it('a closed follow-up is not reminded', () => {
    expect(
      reminders(sweep('2026-11-30T23:07:00Z', recorded, retrospective({ state: 'closed' }))),
    ).toEqual([]);
  });
});
