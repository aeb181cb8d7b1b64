import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escalationFrom } from '../../../src/escalate/config/escalation.js';
import { needsLabelHistory } from '../../../src/escalate/decide/clock.js';
import { type DecideInput, decideIssue } from '../../../src/escalate/decide/decide.js';
import { STATE_MARKER as STATE } from '../../../src/escalate/decide/state.js';
import type { CommentSnapshot, IssueSnapshot } from '../../../src/escalate/decide/types.js';
import { withMarker } from '../../../src/kernel/markers.js';
import type { Operation, UpsertComment } from '../../../src/kernel/plan.js';
import { rosterOf } from '../fixtures/roster/load.js';

/** Seed 004: weekly primary and backup, 8-12 and 1-5 Pacific, LLNL holidays (3 July 2026). */
const roster = rosterOf(
  readFileSync(join(import.meta.dirname, '../fixtures/roster/live-incident.yaml'), 'utf8'),
);
const config = escalationFrom({
  severities: ['S0-catastrophic', 'S1-broken'],
  response: { goals: [{ labels: ['S1-broken'], minutes: 60 }, { minutes: 480 }] },
  escalation: {
    steps: [{ assign: 'backup' }, { 'after-minutes': 60, mention: '@acme/incident-leads' }],
  },
});

const issue = (patch: Partial<IssueSnapshot> = {}): IssueSnapshot => ({
  number: 7,
  title: 'Crash on open',
  body: '',
  author: 'customer-eng',
  url: 'https://github.com/acme/desk/issues/7',
  labels: ['incident', 'S1-broken'],
  assignees: ['luc'],
  state: 'open',
  stateReason: null,
  createdAt: '2026-07-07T16:00:00Z', // Tuesday 09:00 Pacific: due 10:00
  closedAt: null,
  ...patch,
});

let ids = 100;
/** A comment by a person, the kit (its identity, with a marker) or another bot. */
type Who = 'person' | 'kit' | 'bot';
const comment = (
  author: string,
  body: string,
  createdAt: string,
  who: Who = 'person',
): CommentSnapshot => ({
  id: (ids += 1),
  author,
  kit: who === 'kit',
  bot: who !== 'person',
  body,
  createdAt,
});

function decide(now: string, patch: Partial<DecideInput> = {}) {
  return decideIssue({
    repo: { owner: 'acme', repo: 'desk' },
    issue: issue(),
    comments: [],
    occasion: { kind: 'sweep' },
    config,
    roster,
    playbooks: {},
    channels: { pagerduty: false, webhook: false, escalationToken: false },
    now: new Date(now),
    ...patch,
  });
}

const kinds = (ops: Operation[]) => ops.map((o) => o.kind);
/** What GitHub holds after the plan: the kit's comments, as the executor writes them. */
const written = (ops: Operation[], at: string): CommentSnapshot[] =>
  ops
    .filter((o): o is UpsertComment => o.kind === 'upsert-comment')
    .map((o) => comment('github-actions[bot]', withMarker(o.marker, o.body), at, 'kit'));

describe('escalation decisions', () => {
  it('nothing happens before the goal falls due', () => {
    expect(decide('2026-07-07T16:59:00Z').operations).toEqual([]);
  });

  it('an unacknowledged issue past its goal gets the backup assigned, the step label and a step comment', () => {
    const { operations } = decide('2026-07-07T17:01:00Z');
    expect(kinds(operations)).toEqual([
      'edit-labels',
      'add-assignees',
      'upsert-comment',
      'upsert-comment',
    ]);
    expect(operations[0]).toMatchObject({ add: ['escalated/1'], remove: [] });
    expect(operations[1]).toMatchObject({ assignees: ['ivy'] });
  });

  it('a re-run after the step wrote its state writes nothing new', () => {
    const first = decide('2026-07-07T17:01:00Z');
    const after = decide('2026-07-07T17:20:00Z', {
      issue: issue({ labels: ['incident', 'S1-broken', 'escalated/1'], assignees: ['luc', 'ivy'] }),
      comments: written(first.operations, '2026-07-07T17:01:00Z'),
    });
    expect(after.operations).toEqual([]);
  });

  it('records no step taken when a write of the step fails, so the next run takes it again', () => {
    const { operations } = decide('2026-07-07T17:01:00Z');
    const state = operations.find(
      (o): o is UpsertComment => o.kind === 'upsert-comment' && o.marker.kind === 'escalation',
    );
    expect(state?.incomplete).toContain('steps=0');
    expect(state?.body).toContain('steps=1');
  });

  it('a re-run after a failed step (its incomplete state written) plans the step again', () => {
    const first = decide('2026-07-07T17:01:00Z');
    const state = first.operations.find(
      (o): o is UpsertComment => o.kind === 'upsert-comment' && o.marker.kind === 'escalation',
    );
    const after = decide('2026-07-07T17:20:00Z', {
      comments: [
        comment(
          'github-actions[bot]',
          withMarker(STATE, state?.incomplete ?? ''),
          '2026-07-07T17:01:00Z',
          'kit',
        ),
      ],
    });
    expect(kinds(after.operations)).toEqual([
      'edit-labels',
      'add-assignees',
      'upsert-comment',
      'upsert-comment',
    ]);
  });

  it("a forged state marker in another app's comment is text: the issue escalates", () => {
    const forged = comment(
      'relay-app[bot]',
      [
        '<!-- support-kit:escalation -->',
        '<!-- support-kit:escalation-state ack-at=2026-07-07T16:05:00Z ack-by=luc ack-how=command steps=2 -->',
        'Relayed from the customer portal.',
      ].join('\n'),
      '2026-07-07T16:05:00Z',
      'bot',
    );

    const { operations } = decide('2026-07-07T17:01:00Z', { comments: [forged] });

    expect(operations[1]).toMatchObject({ kind: 'add-assignees', assignees: ['ivy'] });
  });

  it('a comment by the assignee acknowledges the issue: no escalation', () => {
    const { operations } = decide('2026-07-07T19:00:00Z', {
      comments: [comment('luc', 'On it.', '2026-07-07T16:30:00Z')],
    });
    expect(operations).toEqual([]);
  });

  it("the author's own comments and bots' comments do not stop the clock", () => {
    const { operations } = decide('2026-07-07T17:01:00Z', {
      comments: [
        comment('customer-eng', 'Any news?', '2026-07-07T16:40:00Z'),
        comment('renovate[bot]', 'Noted.', '2026-07-07T16:41:00Z', 'bot'),
      ],
    });
    expect(kinds(operations)).toContain('add-assignees');
  });

  it('the acknowledged label stops the clock, and removing it starts escalation again', () => {
    const acked = escalationFrom({
      ...{ response: { goals: [{ minutes: 60 }], 'acknowledged-label': 'acked' } },
      escalation: { steps: [{ assign: 'backup' }] },
    });
    expect(
      decide('2026-07-07T18:00:00Z', {
        config: acked,
        issue: issue({ labels: ['incident', 'acked'] }),
      }).operations,
    ).toEqual([]);
    expect(
      kinds(
        decide('2026-07-07T18:00:00Z', { config: acked, issue: issue({ labels: ['incident'] }) })
          .operations,
      ),
    ).toContain('add-assignees');
  });

  describe('while the issue waits on its reporter', () => {
    const WAIT = 'status/0-more-info-needed';
    const pausing = escalationFrom({
      response: { goals: [{ minutes: 60 }], 'pause-while': [WAIT] },
      escalation: { steps: [{ assign: 'backup' }] },
    });
    // Asked at 09:10 Pacific, ten minutes into the hour the issue has.
    const asked = [{ label: WAIT, at: '2026-07-07T16:10:00Z', added: true }];
    const waiting = issue({ labels: ['incident', WAIT] });

    it('the issue is not escalated however long the reporter takes, and the job summary says why', () => {
      const { operations, notes } = decide('2026-07-08T23:00:00Z', {
        config: pausing,
        issue: waiting,
        labelHistory: asked,
      });
      expect({ operations, notes }).toEqual({
        operations: [],
        notes: [
          '#7: waiting on the reporter since 2026-07-07T16:10:00.000Z; the clock stands still',
        ],
      });
    });

    it("the reporter's answer resumes the clock: the 50 minutes left run from it", () => {
      const answered = [comment('customer-eng', 'Logs attached.', '2026-07-08T16:00:00Z')];
      const at = (now: string) =>
        kinds(
          decide(now, {
            config: pausing,
            issue: waiting,
            comments: answered,
            labelHistory: asked,
          }).operations,
        );
      expect(at('2026-07-08T16:49:00Z')).not.toContain('add-assignees');
      expect(at('2026-07-08T16:51:00Z')).toContain('add-assignees');
    });

    it('the run reads the label history only when the issue waits or a step would fall due', () => {
      const base = { config: pausing, comments: [] };
      const needs = (now: string, i = issue()) =>
        needsLabelHistory({
          ...base,
          repo: { owner: 'acme', repo: 'desk' },
          issue: i,
          occasion: { kind: 'sweep' },
          roster,
          playbooks: {},
          channels: { pagerduty: false, webhook: false, escalationToken: false },
          now: new Date(now),
        });
      expect(needs('2026-07-07T16:30:00Z')).toBe(false);
      expect(needs('2026-07-07T16:30:00Z', waiting)).toBe(true);
      expect(needs('2026-07-07T17:01:00Z')).toBe(true);
    });
  });

  it('a late run takes every step that fell due since, in order, once each', () => {
    const { operations } = decide('2026-07-07T18:20:00Z');
    const steps = operations.filter(
      (o) => o.kind === 'upsert-comment' && o.marker.kind === 'escalation-step',
    );
    expect(steps.map((s) => (s as UpsertComment).marker.keys.step)).toEqual(['1', '2']);
    expect(operations[0]).toMatchObject({ add: ['escalated/2'] });
    expect((steps[1] as UpsertComment).body).toContain('@acme/incident-leads');
  });

  it('a closed issue never escalates', () => {
    expect(
      decide('2026-07-08T18:00:00Z', {
        issue: issue({
          state: 'closed',
          stateReason: 'completed',
          closedAt: '2026-07-07T16:30:00Z',
        }),
      }).operations,
    ).toEqual([]);
  });
});
