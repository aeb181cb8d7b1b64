import { describe, expect, it } from 'vitest';
import { escalationFrom, type StatusConfig } from '../../../src/escalate/config/escalation.js';
import { type DecideInput, decideIssue } from '../../../src/escalate/decide/decide.js';
import { type FixFacts, fixedByRef } from '../../../src/escalate/decide/fix.js';
import { statusFor } from '../../../src/escalate/decide/status.js';
import type { CommentSnapshot, IssueSnapshot } from '../../../src/escalate/decide/types.js';
import { fixLinkSlot, formatFixLink, readFixLink } from '../../../src/kernel/fix-link.js';
import type { Operation, UpsertComment } from '../../../src/kernel/plan.js';

/** Seed 001's lifecycle with the engineering side's statuses, as the support-triage preset has it. */
const config = escalationFrom({
  status: {
    labels: [
      'status/0-triage',
      'status/1-acknowledged',
      'status/2-in-progress',
      'status/3-fixed',
      'status/4-fix-released-beta',
      'status/4-fix-released-stable',
    ],
    on: {
      escalated: 'status/2-in-progress',
      fixed: 'status/3-fixed',
      'released-beta': 'status/4-fix-released-beta',
      'released-stable': 'status/4-fix-released-stable',
    },
  },
  commands: { 'escalate-to': ['docker/pinata'] },
});
const status = config.status as StatusConfig;

const support: IssueSnapshot = {
  number: 7,
  title: 'docker ps hangs',
  body: 'Diagnostics id: 1A2B',
  author: 'customer-eng',
  url: 'https://github.com/acme/desk/issues/7',
  labels: ['support', 'status/1-acknowledged'],
  assignees: ['kim'],
  state: 'open',
  stateReason: null,
  createdAt: '2026-11-23T09:00:00Z',
  closedAt: null,
};

function commented(body: string, patch: Partial<DecideInput> = {}) {
  const comment: CommentSnapshot = {
    id: 900,
    author: 'kim',
    kit: false,
    bot: false,
    body,
    createdAt: '2026-11-24T10:00:00Z',
  };
  return decideIssue({
    repo: { owner: 'acme', repo: 'desk' },
    issue: support,
    comments: [],
    occasion: { kind: 'comment', comment, access: 'triage' },
    config,
    playbooks: {},
    channels: { pagerduty: false, webhook: false, escalationToken: true },
    now: new Date('2026-11-24T10:00:00Z'),
    ...patch,
  });
}

const ofKind = <K extends Operation['kind']>(ops: Operation[], kind: K) =>
  ops.filter((o): o is Extract<Operation, { kind: K }> => o.kind === kind);
const stateBody = (ops: Operation[]) =>
  (ops.find((o) => o.kind === 'upsert-comment' && o.marker.kind === 'escalation') as UpsertComment)
    .body;

describe('naming the engineering issue', () => {
  it('reads owner/name#n as another repository and #n as this one', () => {
    const here = { owner: 'acme', repo: 'desk' };

    expect([fixedByRef('docker/pinata#12', here), fixedByRef('#3', here)]).toEqual([
      { repo: 'docker/pinata', number: 12 },
      { repo: 'acme/desk', number: 3 },
    ]);
    expect(fixedByRef('pinata#12', here)).toBeUndefined();
  });

  it('reads back the link it records', () => {
    const link = {
      repo: 'docker/pinata',
      number: 12,
      id: 4012,
      at: '2026-11-24T10:00:00.000Z',
      native: false,
      by: 'kim',
    };

    expect(readFixLink(formatFixLink(link))).toEqual(link);
  });
});

describe('linking with /fixed-by', () => {
  it('plans the link before the record, which holds its slot, and moves the issue to in progress', () => {
    const decision = commented('/fixed-by docker/pinata#12', {
      fixTargets: { 'docker/pinata#12': { repo: 'docker/pinata', number: 12, id: 4012 } },
    });
    const ops = decision.operations;

    expect(ofKind(ops, 'link-fix')).toEqual([
      expect.objectContaining({
        issue: 7,
        fix: { repo: { owner: 'docker', repo: 'pinata' }, number: 12, id: 4012 },
        by: 'kim',
      }),
    ]);
    expect(ops.findIndex((o) => o.kind === 'link-fix')).toBeLessThan(
      ops.findIndex((o) => o.kind === 'upsert-comment' && o.marker.kind === 'escalation'),
    );
    expect(stateBody(ops)).toContain(fixLinkSlot(7));
    expect(ofKind(ops, 'edit-labels')[0]?.add).toEqual([
      'support-kit/awaiting-fix',
      'status/2-in-progress',
    ]);
  });

  it('refuses a repository escalation.yaml does not allow, and links nothing', () => {
    const decision = commented('/fixed-by other/repo#1');

    expect(ofKind(decision.operations, 'link-fix')).toEqual([]);
  });
});

describe('the engineering side moves the status wherever it is', () => {
  it('a reopened engineering issue takes a fixed support issue back to in progress', () => {
    expect(statusFor('escalated', 'status/3-fixed', status)).toBe('status/2-in-progress');
  });

  it('the stable release follows the beta', () => {
    expect(statusFor('released-stable', 'status/4-fix-released-beta', status)).toBe(
      'status/4-fix-released-stable',
    );
  });
});

/** The support issue as the sweep finds it after `/escalate`: linked, recorded, in progress. */
function swept(facts: FixFacts, told = 'open') {
  const link = formatFixLink({
    repo: 'docker/pinata',
    number: 12,
    id: 4012,
    at: '2026-11-24T10:00:00.000Z',
    native: true,
    by: 'kim',
  });
  const record: CommentSnapshot = {
    id: 901,
    author: 'github-actions[bot]',
    kit: true,
    bot: true,
    body: `<!-- support-kit:escalation -->\n<!-- support-kit:escalation-state command=900 fix-state=${told} steps=0 -->\n${link}`,
    createdAt: '2026-11-24T10:00:00Z',
  };
  const labels = told === 'fixed' ? 'status/3-fixed' : 'status/2-in-progress';
  return decideIssue({
    repo: { owner: 'acme', repo: 'desk' },
    issue: { ...support, labels: ['support', 'support-kit/awaiting-fix', labels] },
    comments: [record],
    occasion: { kind: 'sweep' },
    config,
    playbooks: {},
    channels: { pagerduty: false, webhook: false, escalationToken: true },
    now: new Date('2026-11-26T10:00:00Z'),
    fixFacts: facts,
  });
}

const closed = (reason: string): FixFacts => ({
  state: 'closed',
  reason,
  closedAt: '2026-11-25T16:00:00Z',
});
const news = (ops: Operation[]) =>
  ops.filter(
    (o): o is UpsertComment => o.kind === 'upsert-comment' && o.marker.kind === 'fix-news',
  );

describe('following the engineering issue', () => {
  it('closed as completed: status/3-fixed and one comment to the reporter', () => {
    const ops = swept(closed('COMPLETED')).operations;

    expect(ofKind(ops, 'edit-labels')[0]).toMatchObject({
      add: ['status/3-fixed'],
      remove: ['status/2-in-progress'],
    });
    expect(news(ops).map((c) => c.body)).toEqual([
      '@customer-eng: the engineering issue docker/pinata#12 was closed as fixed. This issue says so again when the fix is in a release.',
    ]);
  });

  it('closed as not planned: the owner and the assignees are asked, the status stays, the wait ends', () => {
    const ops = swept(closed('NOT_PLANNED')).operations;

    expect(ofKind(ops, 'edit-labels')[0]).toMatchObject({
      add: [],
      remove: ['support-kit/awaiting-fix'],
    });
    expect(news(ops)[0]?.body).toMatch(/^@kim: docker\/pinata#12 was closed as not planned\./);
  });

  it('reopened after the fix: back to in progress, without a comment', () => {
    const ops = swept({ state: 'open', reason: 'REOPENED', closedAt: null }, 'fixed').operations;

    expect(ofKind(ops, 'edit-labels')[0]).toMatchObject({ add: ['status/2-in-progress'] });
    expect(news(ops)).toEqual([]);
  });

  it('nothing new since the last news: no label, no comment', () => {
    const ops = swept(closed('COMPLETED'), 'fixed').operations;

    expect(
      ops.filter((o) => o.kind !== 'upsert-comment' || o.marker.kind !== 'escalation'),
    ).toEqual([]);
  });
});

describe('the rule: a fix is in a release when its closing commit is in the release tag', () => {
  const release = (tag: string, prerelease: boolean, contains: boolean) => ({
    tag,
    url: `https://github.com/docker/pinata/releases/tag/${tag}`,
    prerelease,
    contains,
  });
  const fixedWith = (releases: ReturnType<typeof release>[], commit: string | null = 'c0ffee') =>
    swept({ ...closed('COMPLETED'), commit, releases }, 'fixed').operations;
  const added = (ops: Operation[]) => ofKind(ops, 'edit-labels')[0]?.add ?? [];

  it('a pre-release holding the commit gives the beta status', () => {
    expect(added(fixedWith([release('v2.0.0-rc1', true, true)]))).toEqual([
      'status/4-fix-released-beta',
    ]);
  });

  it('a stable release holding it gives the stable status, even when a pre-release came first in the same look', () => {
    const ops = fixedWith([release('v2.0.0-rc1', true, true), release('v2.0.0', false, true)]);

    expect(added(ops)).toEqual(['status/4-fix-released-stable']);
    expect(news(ops).map((c) => c.marker.keys.news)).toEqual(['released-v2.0.0']);
  });

  it('a release that does not hold the commit claims nothing, and is not looked at again', () => {
    const ops = fixedWith([release('v1.9.1', false, false)]);

    expect(added(ops)).toEqual([]);
    expect(stateBody(ops)).toContain('fix-checked=v1.9.1');
  });

  it('an engineering issue closed by hand (no commit) claims no release', () => {
    const ops = fixedWith([release('v2.0.0', false, true)], null);

    expect(added(ops)).toEqual([]);
    expect(stateBody(ops)).toContain('fix-commit=none');
  });
});
