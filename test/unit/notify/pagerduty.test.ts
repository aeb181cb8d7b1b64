import { describe, expect, it } from 'vitest';
import { escalationFrom } from '../../../src/escalate/config/escalation.js';
import { type DecideInput, decideIssue } from '../../../src/escalate/decide/decide.js';
import { mayHaveWorkDue } from '../../../src/escalate/decide/sweep.js';
import type { CommentSnapshot, IssueSnapshot } from '../../../src/escalate/decide/types.js';
import { withMarker } from '../../../src/kernel/markers.js';
import { NOTIFY_PENDING_LABEL, pendingMarker } from '../../../src/kernel/pending-notifications.js';
import type { Notify, Operation, UpsertComment } from '../../../src/kernel/plan.js';

/** Seed 000: every new issue pages (pagerduty.labels omitted), no escalation steps. */
const config = escalationFrom({
  severities: ['S0-catastrophic', 'S1-broken'],
  response: { 'acknowledged-label': 'acknowledged' },
  notifications: { pagerduty: {} },
});

const issue = (patch: Partial<IssueSnapshot> = {}): IssueSnapshot => ({
  number: 12,
  title: 'Engine restarts',
  body: '',
  author: 'customer-eng',
  url: 'https://github.com/acme/desk/issues/12',
  labels: ['S2-major'],
  assignees: [],
  state: 'open',
  stateReason: null,
  createdAt: '2026-07-02T23:30:00Z',
  closedAt: null,
  ...patch,
});

let ids = 100;
/** A comment by a person, the kit (its identity, with a marker) or another bot. */
type Who = 'person' | 'kit' | 'bot';
const comment = (author: string, body: string, who: Who = 'person'): CommentSnapshot => ({
  id: (ids += 1),
  author,
  kit: who === 'kit',
  bot: who !== 'person',
  body,
  createdAt: '2026-07-02T23:40:00Z',
});

function decide(patch: Partial<DecideInput> = {}) {
  return decideIssue({
    repo: { owner: 'acme', repo: 'desk' },
    issue: issue(),
    comments: [],
    occasion: { kind: 'issue-event', action: 'opened' },
    config,
    playbooks: {},
    channels: { pagerduty: true, webhook: false, escalationToken: false },
    now: new Date('2026-07-02T23:45:00Z'),
    ...patch,
  });
}

const sent = (ops: Operation[]) =>
  ops
    .filter((o): o is Notify => o.kind === 'notify')
    .map((o) => [o.key, o.payload.event_action, o.payload.dedup_key]);

/** The kit's comments as GitHub holds them; `failed` notifications recorded as the executor does. */
const written = (ops: Operation[], failed: Notify[] = []): CommentSnapshot[] =>
  ops
    .filter((o): o is UpsertComment => o.kind === 'upsert-comment')
    .map((o) =>
      comment(
        'github-actions[bot]',
        withMarker(o.marker, [o.body, ...failed.map(pendingMarker)].join('\n')),
        'kit',
      ),
    );

const notifies = (ops: Operation[]) => ops.filter((o): o is Notify => o.kind === 'notify');

describe('PagerDuty: retries, closing, acknowledging, reopening', () => {
  it('the sweep looks at an issue carrying the pending label even when pagerduty.labels is omitted', () => {
    const now = new Date('2026-07-03T00:00:00Z');
    expect(mayHaveWorkDue(issue(), config, undefined, now)).toBe(false);
    expect(
      mayHaveWorkDue(issue({ labels: ['S2-major', NOTIFY_PENDING_LABEL] }), config, undefined, now),
    ).toBe(true);
  });

  it('the state comment asks for the pending label, so a failed page marks the issue for the sweep', () => {
    const state = decide().operations.find((o): o is UpsertComment => o.kind === 'upsert-comment');
    expect(state?.pendingLabel).toEqual({ name: NOTIFY_PENDING_LABEL, present: false });
  });

  it('a failed trigger is sent again by the sweep while the issue is open', () => {
    const first = decide();
    const again = decide({
      issue: issue({ labels: ['S2-major', NOTIFY_PENDING_LABEL] }),
      comments: written(first.operations, notifies(first.operations)),
      occasion: { kind: 'sweep' },
    });
    expect(sent(again.operations)).toEqual([['pd-trigger', 'trigger', 'acme/desk#12']]);
  });

  it('a closed issue drops its failed trigger and sends only the resolve', () => {
    const first = decide();
    const closed = decide({
      issue: issue({
        labels: ['S2-major', NOTIFY_PENDING_LABEL],
        state: 'closed',
        stateReason: 'completed',
        closedAt: '2026-07-03T01:00:00Z',
      }),
      comments: written(first.operations, notifies(first.operations)),
      occasion: { kind: 'sweep' },
    });
    expect(sent(closed.operations)).toEqual([['pd-resolve', 'resolve', 'acme/desk#12']]);
  });

  it('/ack acknowledges the open alert with the same dedup_key, once', () => {
    const first = decide();
    const ack = comment('amy', '/ack');
    const acked = decide({
      comments: [...written(first.operations), ack],
      occasion: { kind: 'comment', comment: ack, access: 'write' },
      access: { amy: 'write' },
    });
    expect(sent(acked.operations)).toEqual([['pd-ack', 'acknowledge', 'acme/desk#12']]);
    const again = decide({
      comments: [...written(first.operations), ack, ...written(acked.operations)],
      occasion: { kind: 'sweep' },
    });
    expect(sent(again.operations)).toEqual([]);
  });

  it('the acknowledged label acknowledges the open alert', () => {
    const first = decide();
    const labelled = decide({
      issue: issue({ labels: ['S2-major', 'acknowledged'] }),
      comments: written(first.operations),
      occasion: { kind: 'issue-event', action: 'labeled', label: 'acknowledged' },
    });
    expect(sent(labelled.operations)).toEqual([['pd-ack', 'acknowledge', 'acme/desk#12']]);
  });

  it('a reply by a team member stops escalation but does not acknowledge the page', () => {
    const first = decide();
    const replied = decide({
      issue: issue({ assignees: ['amy'] }),
      comments: [...written(first.operations), comment('amy', 'Looking.')],
      occasion: { kind: 'sweep' },
    });
    expect(sent(replied.operations)).toEqual([]);
  });

  it('a reopened issue whose alert was resolved pages again, and closing resolves that alert', () => {
    const opened = decide();
    const closedIssue = issue({ state: 'closed', stateReason: 'completed' });
    const closed = decide({
      issue: closedIssue,
      comments: written(opened.operations),
      occasion: { kind: 'issue-event', action: 'closed' },
    });
    const reopened = decide({
      comments: written(closed.operations),
      occasion: { kind: 'issue-event', action: 'reopened' },
    });
    expect(sent(reopened.operations)).toEqual([['pd-trigger-2', 'trigger', 'acme/desk#12']]);
    const closedAgain = decide({
      issue: closedIssue,
      comments: written(reopened.operations),
      occasion: { kind: 'issue-event', action: 'closed' },
    });
    expect(sent(closedAgain.operations)).toEqual([['pd-resolve-2', 'resolve', 'acme/desk#12']]);
  });
});
