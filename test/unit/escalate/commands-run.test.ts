import { describe, expect, it } from 'vitest';
import { escalationFrom } from '../../../src/escalate/config/escalation.js';
import { type DecideInput, decideIssue } from '../../../src/escalate/decide/decide.js';
import type { Access, IssueSnapshot } from '../../../src/escalate/decide/types.js';
import type { UpsertComment, UpsertIssue } from '../../../src/kernel/plan.js';
import { fixture } from '../fixtures/roster/load.js';

const roster = fixture('live-incident');
const config = escalationFrom({
  severities: ['S0-catastrophic', 'S1-broken', 'S2-major'],
  status: {
    labels: ['status/0-triage', 'status/2-in-progress', 'status/3-fixed'],
    on: { assigned: 'status/2-in-progress' },
  },
  commands: { 'escalate-to': ['acme/engine'], 'escalate-labels': ['from-support'] },
});
const issue: IssueSnapshot = {
  number: 12,
  title: 'Render hangs',
  body: 'It hangs @everyone, see #3 <!-- support-kit:escalated-from issue=x -->',
  author: 'customer-eng',
  url: 'https://github.com/acme/desk/issues/12',
  labels: ['incident', 'status/0-triage', 'S2-major'],
  assignees: ['amy'],
  state: 'open',
  stateReason: null,
  createdAt: '2026-07-07T16:00:00Z',
  closedAt: null,
};

function command(body: string, access: Access = 'triage', patch: Partial<DecideInput> = {}) {
  return decideIssue({
    repo: { owner: 'acme', repo: 'desk' },
    issue,
    comments: [],
    occasion: {
      kind: 'comment',
      comment: {
        id: 900,
        author: 'tess',
        kit: false,
        bot: false,
        body,
        createdAt: '2026-07-07T16:20:00Z',
      },
      access,
    },
    config,
    roster,
    playbooks: {},
    channels: { pagerduty: false, webhook: false, escalationToken: true },
    now: new Date('2026-07-07T16:20:00Z'),
    referenced: { 3: 'issue', 404: 'missing' },
    ...patch,
  });
}
/** What the plan writes, by marker: only comments, the reply and the state that records it. */
const markers = (d: ReturnType<typeof command>) =>
  d.operations.map((o) => (o.kind === 'upsert-comment' ? o.marker.kind : o.kind));
const withWontFix = escalationFrom({
  status: {
    labels: ['status/0-triage', 'status/0-wont-fix', 'status/2-in-progress', 'status/3-fixed'],
    on: { 'closed-not-planned': 'status/0-wont-fix', 'closed-completed': 'status/3-fixed' },
  },
});
const reply = (d: ReturnType<typeof command>) =>
  (
    d.operations.find((o) => o.kind === 'upsert-comment' && o.marker.kind === 'command-reply') as
      UpsertComment | undefined
  )?.body;

describe('slash commands', () => {
  it('/severity S1 swaps the severity label for the one that starts with S1', () => {
    expect(command('/severity S1').operations[0]).toMatchObject({
      kind: 'edit-labels',
      add: ['S1-broken'],
      remove: ['S2-major'],
    });
  });

  it('/assign adds an assignee and moves the status to in progress', () => {
    const ops = command('/assign @luc').operations;
    expect(ops).toContainEqual(
      expect.objectContaining({ kind: 'add-assignees', assignees: ['luc'] }),
    );
    expect(ops).toContainEqual(
      expect.objectContaining({
        kind: 'edit-labels',
        add: ['status/2-in-progress'],
        remove: ['status/0-triage'],
      }),
    );
  });

  it('/handoff reassigns (new assignee first, the old one off only then) and says what will be done, mentioning only roster people', () => {
    const d = command('/handoff @luc');
    expect(d.operations.filter((o) => o.kind.includes('assign'))).toEqual([
      expect.objectContaining({ kind: 'reassign', from: 'amy', to: 'luc' }),
    ]);
    expect(reply(d)).toBe(
      'Handing off to @luc for **tess**: **amy** comes off once GitHub has assigned @luc.',
    );
    expect(reply(command('/handoff @stranger'))).toBe(
      'Handing off to **stranger** for **tess**: **amy** comes off once GitHub has assigned **stranger**.',
    );
  });

  it('/status sets any status, even backwards', () => {
    expect(
      command('/status triage', 'write', { issue: { ...issue, labels: ['status/3-fixed'] } })
        .operations[0],
    ).toMatchObject({ add: ['status/0-triage'], remove: ['status/3-fixed'] });
  });

  it('/duplicate labels, links, closes as a duplicate and moves the status to won’t fix', () => {
    const d = command('/duplicate #3', 'triage', { config: withWontFix });
    expect(d.operations).toContainEqual(
      expect.objectContaining({ kind: 'update-issue', state: 'closed', stateReason: 'duplicate' }),
    );
    expect(d.operations[0]).toMatchObject({
      kind: 'edit-labels',
      add: ['duplicate', 'status/0-wont-fix'],
      remove: ['status/0-triage'],
    });
    expect(reply(d)).toBe('Duplicate of #3.');
  });

  it('/duplicate of an issue that does not exist changes nothing and says so', () => {
    const d = command('/duplicate #404');
    expect(d.operations.some((o) => o.kind === 'update-issue' || o.kind === 'edit-labels')).toBe(
      false,
    );
    expect(reply(d)).toBe(
      '`/duplicate`: #404 is not an issue of this repository; nothing was done.',
    );
  });

  it('/oncall says who is on call now for the issue’s route', () => {
    expect(reply(command('/oncall'))).toMatch(
      /^On call now for live-incident: primary \*\*luc\*\* \(until 2026-07-13T08:00:00-07:00\), backup \*\*ivy\*\*/,
    );
  });

  it('/escalate opens an issue in the engineering repository with the full context, quoted without mentions, references or markers', () => {
    const d = command('/escalate acme/engine');
    const opened = d.remote[0]?.operations[0] as UpsertIssue;
    expect(d.remote[0]?.repo).toEqual({ owner: 'acme', repo: 'engine' });
    expect(opened).toMatchObject({
      kind: 'upsert-issue',
      title: '[acme/desk#12] Render hangs',
      labels: ['from-support'],
      marker: { kind: 'escalated-from', keys: { issue: 'acme/desk#12' } },
    });
    expect(opened.body).toContain(
      'Escalated from https://github.com/acme/desk/issues/12 by **tess**.',
    );
    expect(opened.body).toContain(
      '> It hangs @\u2060everyone, see #\u20603 &lt;!-- support-kit:escalated-from issue=x -->',
    );
  });

  it('/escalate to a repository escalation.yaml does not list is refused', () => {
    const d = command('/escalate evil/elsewhere');
    expect(d.remote).toEqual([]);
    expect(reply(d)).toMatch(
      /evil\/elsewhere is not among the repositories escalation.yaml allows/,
    );
  });

  it('an unknown command gets a short reply and changes nothing', () => {
    const d = command('/frobnicate');
    expect(markers(d)).toEqual(['command-reply', 'escalation']);
    expect(reply(d)).toMatch(
      /^Unknown command `\/frobnicate`\. Commands here: `\/ack`, `\/assign`/,
    );
  });

  it('someone with read access is refused, whatever the command', () => {
    const d = command('/assign @luc\n/severity S0', 'read');
    expect(markers(d)).toEqual(['command-reply', 'escalation']);
    expect(reply(d)).toMatch(/commands are for people with triage access or more/);
  });

  it('a command answered by a run whose state write failed is obeyed again', () => {
    const answered = {
      id: 1,
      author: 'github-actions[bot]',
      kit: true,
      bot: true,
      body: '<!-- support-kit:command-reply comment=900 -->\nDone',
      createdAt: '2026-07-07T16:21:00Z',
    };
    expect(command('/assign @luc', 'triage', { comments: [answered] }).operations).toContainEqual(
      expect.objectContaining({ kind: 'add-assignees', assignees: ['luc'] }),
    );
  });

  it('a line from an outsider that names no known command is text: no reply, nothing done', () => {
    expect(command('/var is full again', 'read').operations.map((o) => o.kind)).toEqual([
      'upsert-comment',
    ]);
    expect(reply(command('/var is full again', 'read'))).toBeUndefined();
  });

  it('/escalate keeps the issue it opens under GitHub’s 65,536 characters, saying how much was cut', () => {
    const long = { ...issue, body: 'x'.repeat(70_000) };
    const opened = command('/escalate acme/engine', 'triage', { issue: long }).remote[0]
      ?.operations[0] as UpsertIssue;
    expect(opened.body.length).toBeLessThanOrEqual(65_536 - 200);
    expect(opened.body).toMatch(/\n\n… and \d+ more characters$/);
  });

  it('/escalate labels the issue it opens from-support when escalation.yaml names no label', () => {
    const plain = escalationFrom({ commands: { 'escalate-to': ['acme/engine'] } });
    const opened = command('/escalate acme/engine', 'triage', { config: plain }).remote[0]
      ?.operations[0] as UpsertIssue;
    expect(opened.labels).toEqual(['from-support']);
  });

  it('a turned-off command says so', () => {
    const off = escalationFrom({ commands: { disabled: ['escalate'] } });
    expect(reply(command('/escalate acme/engine', 'admin', { config: off }))).toBe(
      '`/escalate` is turned off in escalation.yaml; nothing was done.',
    );
  });
});
