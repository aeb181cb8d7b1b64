import { describe, expect, it } from 'vitest';
import { escalationFrom } from '../../../src/escalate/config/escalation.js';
import {
  type DecideInput,
  decideIssue,
  unansweredCommands,
} from '../../../src/escalate/decide/decide.js';
import type { CommentSnapshot, IssueSnapshot } from '../../../src/escalate/decide/types.js';
import { withMarker } from '../../../src/kernel/markers.js';
import type { Operation, UpsertComment } from '../../../src/kernel/plan.js';
import { fixture } from '../fixtures/roster/load.js';

/**
 * The run of one comment (or of a close) may never happen: past 100 waiting runs of the desk lock
 * GitHub cancels the newest, and an event's run can fail. Whichever run comes next does the
 * work, in order, once.
 */

const roster = fixture('live-incident');
const config = escalationFrom({
  severities: ['S0-catastrophic', 'S1-broken', 'S2-major'],
  status: {
    labels: ['status/0-triage', 'status/0-wont-fix', 'status/2-in-progress', 'status/3-fixed'],
    on: {
      assigned: 'status/2-in-progress',
      'closed-completed': 'status/3-fixed',
      'closed-not-planned': 'status/0-wont-fix',
    },
  },
});
const issue: IssueSnapshot = {
  number: 12,
  title: 'Render hangs',
  body: 'It hangs',
  author: 'customer-eng',
  url: 'https://github.com/acme/desk/issues/12',
  labels: ['status/0-triage', 'S2-major'],
  assignees: ['amy'],
  state: 'open',
  stateReason: null,
  createdAt: '2026-07-07T16:00:00Z',
  closedAt: null,
};
const by = (id: number, author: string, body: string): CommentSnapshot => ({
  id,
  author,
  kit: false,
  bot: false,
  body,
  createdAt: `2026-07-07T16:${String(id - 880).padStart(2, '0')}:00Z`,
});
const severity = by(901, 'tess', '/severity S1');
const assign = by(902, 'tess', '/assign @luc');

function decide(patch: Partial<DecideInput>) {
  return decideIssue({
    repo: { owner: 'acme', repo: 'desk' },
    issue,
    comments: [],
    occasion: { kind: 'sweep' },
    config,
    roster,
    playbooks: {},
    channels: { pagerduty: false, webhook: false, escalationToken: false },
    now: new Date('2026-07-07T16:30:00Z'),
    access: { tess: 'triage' },
    ...patch,
  });
}
/** The kit's comments as GitHub holds them once the plan is applied. */
const written = (ops: Operation[]): CommentSnapshot[] =>
  ops
    .filter((o): o is UpsertComment => o.kind === 'upsert-comment')
    .map((o, i) => ({
      id: 950 + i,
      author: 'github-actions[bot]',
      kit: true,
      bot: true,
      body: withMarker(o.marker, o.body),
      createdAt: '2026-07-07T16:30:00Z',
    }));

describe('commands whose run was cancelled', () => {
  it('two command comments, only the second delivered: both are obeyed, in order, once', () => {
    const first = decide({
      comments: [severity, assign],
      occasion: { kind: 'comment', comment: assign, access: 'triage' },
    });
    expect(first.operations.filter((o) => o.kind !== 'upsert-comment')).toEqual([
      expect.objectContaining({
        kind: 'edit-labels',
        add: ['S1-broken', 'status/2-in-progress'],
        remove: ['status/0-triage', 'S2-major'],
      }),
      expect.objectContaining({ kind: 'add-assignees', assignees: ['luc'] }),
    ]);
    const again = decide({
      issue: {
        ...issue,
        labels: ['S1-broken', 'status/2-in-progress'],
        assignees: ['amy', 'luc'],
      },
      comments: [severity, assign, ...written(first.operations)],
    });
    expect(again.operations).toEqual([]);
  });

  it('the scheduled sweep obeys a command whose run never came', () => {
    const { operations } = decide({ comments: [assign] });
    expect(operations).toContainEqual(
      expect.objectContaining({ kind: 'add-assignees', assignees: ['luc'] }),
    );
  });

  it('a command without its author’s access checked waits, and so do the ones after it', () => {
    const { operations, notes } = decide({ comments: [severity, assign], access: {} });
    expect(operations).toEqual([]);
    expect(notes).toEqual(['#12: the access of tess was not checked; comment 901 waits']);
  });

  it('lists the unanswered command comments for the caller to check their authors', () => {
    const answered = written(
      decide({ comments: [severity], occasion: { kind: 'sweep' } }).operations,
    );
    expect(
      unansweredCommands([severity, by(903, 'amy', 'thanks'), assign, ...answered], config).map(
        (c) => c.id,
      ),
    ).toEqual([902]);
  });
});

describe('the status of a closed issue whose close event was lost', () => {
  it('comes from the issue’s state_reason: closed as completed is fixed', () => {
    const { operations } = decide({
      issue: {
        ...issue,
        labels: ['status/2-in-progress'],
        state: 'closed',
        stateReason: 'completed',
        closedAt: '2026-07-07T16:20:00Z',
      },
    });
    expect(operations[0]).toMatchObject({
      add: ['status/3-fixed'],
      remove: ['status/2-in-progress'],
    });
  });

  it('closed as a duplicate takes the won’t-fix status', () => {
    const { operations } = decide({
      issue: {
        ...issue,
        state: 'closed',
        stateReason: 'duplicate',
        closedAt: '2026-07-07T16:20:00Z',
      },
    });
    expect(operations[0]).toMatchObject({
      add: ['status/0-wont-fix'],
      remove: ['status/0-triage'],
    });
  });
});
