import { describe, expect, it } from 'vitest';
import { escalationFrom } from '../../../src/escalate/config/escalation.js';
import { teamOf } from '../../../src/escalate/decide/ack.js';
import { decideIssue } from '../../../src/escalate/decide/decide.js';
import type { UpsertComment } from '../../../src/kernel/plan.js';
import { decideAssignment } from '../../../src/oncall/decide/assign.js';
import { decideHandoffs, pendingHandoffs } from '../../../src/oncall/decide/handoff.js';
import { RosterError } from '../../../src/roster/config/from-yaml.js';
import { ledger, extremeOf } from '../../../src/roster/ledger.js';
import { renderRosterPreview } from '../../../src/roster/preview.js';
import { onCallAt } from '../../../src/roster/resolve.js';
import { learners } from '../../../src/roster/shadow.js';
import { fixtureText, rosterOf } from '../fixtures/roster/load.js';

/**
 * Seed 004's weekly primary and backup (luc the week of 23 November 2026, ivy backup, ivy
 * primary the next week), with kai, new to the team, shadowing every week from 23 November.
 */
const withShadow = (shadowing: string[], extra = '') =>
  rosterOf(
    fixtureText('live-incident')
      .replace(
        '  zoe: { site: llnl }',
        '  zoe: { site: llnl }\n  kai: { site: llnl }\n  max: { site: llnl }',
      )
      .replace(
        'rotations:\n',
        `rotations:\n  newcomers:\n    members: [${shadowing.join(', ')}]\n    period: week\n    handoff: mon 08:00\n    site: llnl\n    anchor: 2026-11-23\n`,
      )
      .replace(
        '    roles: [primary, backup]\n',
        '    roles: [primary, backup]\n    shadow: { rotation: newcomers }\n',
      )
      .replace('leave:\n', `leave:\n${extra}`),
  );
const roster = withShadow(['kai']);
const TUE_NOV_24 = new Date('2026-11-24T17:00:00Z'); // 09:00 Pacific

describe('the shadow role', () => {
  it('is held by the turn of its own rotation, beside the primary and the backup', () => {
    const onCall = onCallAt(roster, 'live-incident', TUE_NOV_24);

    expect(Object.fromEntries(Object.entries(onCall.roles).map(([r, a]) => [r, a.login]))).toEqual({
      primary: 'luc',
      backup: 'ivy',
      shadow: 'kai',
    });
    expect(onCall.roles.shadow?.shiftEnd).toBe('2026-11-30T08:00:00-08:00');
    expect(onCall.trace.at(-1)).toMatch(/^shadow kai: shadow: rotation newcomers, turn 0/);
  });

  it('passes over a shadow who already holds a role, and says so', () => {
    // amy covers luc's primary on Monday afternoon (#57) while amy is the shadow's turn.
    const both = withShadow(['amy', 'kai']);
    const onCall = onCallAt(both, 'live-incident', new Date('2026-11-23T23:00:00Z'));

    expect(onCall.roles.primary?.login).toBe('amy');
    expect(onCall.roles.shadow?.login).toBe('kai');
    expect(onCall.trace.at(-1)).toContain('amy holds primary');
  });

  it('has nobody while the shadow is on leave and nobody else in its rotation is free', () => {
    const away = withShadow(['kai'], '  - { person: kai, from: 2026-11-24, to: 2026-11-24 }\n');

    expect(onCallAt(away, 'live-incident', TUE_NOV_24).roles.shadow).toBeUndefined();
  });

  it('is never given a new issue, even when everyone in line is Busy', () => {
    const busy = { ...roster, busy: 'backup' as const };
    const { operations } = decideAssignment(
      {
        number: 7,
        state: 'open',
        labels: ['incident'],
        assignees: [],
        createdAt: TUE_NOV_24.toISOString(),
      },
      busy,
      new Map([
        ['luc', 'On a plane'],
        ['ivy', 'Jury duty'],
      ]),
    );

    expect(operations[0]).toMatchObject({ kind: 'add-assignees', assignees: ['luc'] });
  });

  it('cannot be the role a route assigns', () => {
    const text = fixtureText('live-incident')
      .replace('  zoe: { site: llnl }', '  zoe: { site: llnl }\n  kai: { site: llnl }')
      .replace(
        'rotations:\n',
        'rotations:\n  newcomers: { members: [kai], period: week, handoff: mon 08:00, site: llnl, anchor: 2026-11-23 }\n',
      )
      .replace(
        '    roles: [primary, backup]\n',
        '    roles: [primary, backup]\n    shadow: { rotation: newcomers }\n',
      )
      .replace(/(routes:[\s\S]*)role: primary/, '$1role: shadow');

    expect(() => rosterOf(text)).toThrow(RosterError);
    expect(() => rosterOf(text)).toThrow(/shadow role, which is never assigned/);
  });

  it('names an unknown rotation, and a shadow role that is also one of the roles', () => {
    const text = (shadow: string) =>
      fixtureText('live-incident').replace(
        '    roles: [primary, backup]\n',
        `    roles: [primary, backup]\n    shadow: ${shadow}\n`,
      );

    expect(() => rosterOf(text('{ rotation: newcomer }'))).toThrow(/unknown rotation "newcomer"/);
    expect(() => rosterOf(text('{ role: backup, rotation: live-incident }'))).toThrow(
      /the shadow role "backup" is also one of the schedule's roles/,
    );
  });

  it('is mentioned in an escalation step but neither assigned nor asked to acknowledge', () => {
    const { operations } = escalate([]);
    const step = operations.find(
      (o): o is UpsertComment => o.kind === 'upsert-comment' && o.marker.kind === 'escalation-step',
    );

    expect(operations.find((o) => o.kind === 'add-assignees')).toMatchObject({
      assignees: ['ivy'],
    });
    expect(step?.body).toContain('@ivy: please acknowledge');
    expect(step?.body).toContain('@kai follows along as shadow.');
  });

  it("does not stop the response clock with a comment; a teammate's comment does", () => {
    const comment = (author: string) => ({
      id: 1,
      author,
      kit: false,
      bot: false,
      body: 'Looking into it.',
      createdAt: '2026-11-24T17:30:00Z',
    });

    expect(learners(roster)).toEqual(new Set(['kai']));
    expect(teamOf(roster).has('kai')).toBe(false);
    expect(escalate([comment('kai')]).operations).not.toEqual([]);
    expect(escalate([comment('ivy')]).operations).toEqual([]);
  });

  it('is told of the hand-off it will shadow', () => {
    const now = new Date('2026-11-30T16:05:00Z');
    const pending = pendingHandoffs(roster, 'live-incident', [], now);
    const { operations } = decideHandoffs({
      roster: { ...roster, overrides: [] },
      schedule: 'live-incident',
      pending,
      logs: [],
      issues: [],
      now,
    });
    const entry = operations.flatMap((o) => (o.kind === 'upsert-comment' ? [o.body] : [])).at(-1);

    expect(entry).toContain('@ivy is on call from Mon 2026-11-30 08:00');
    expect(entry).toContain('@kai shadows (shadow).');
  });

  it('shows in the preview beside the roles', () => {
    const preview = renderRosterPreview({ base: null, head: roster, from: TUE_NOV_24, days: 2 });

    expect(preview).toContain('**live-incident** (primary / backup / shadow)');
    expect(preview).toMatch(/\| luc \/ ivy \/ kai \|/);
  });

  it("counts the shadow's hours apart: never in the total, never the fewest", () => {
    const loads = ledger(
      roster,
      Date.parse('2026-11-30T16:00:00Z'),
      Date.parse('2026-12-07T16:00:00Z'),
    );
    const kai = loads.find((l) => l.login === 'kai');

    expect(kai).toMatchObject({ roles: { shadow: 168 }, total: 0, offHours: 0 });
    expect(kai && extremeOf(loads, kai)).toBeUndefined();
  });
});

function escalate(comments: Parameters<typeof decideIssue>[0]['comments']) {
  return decideIssue({
    repo: { owner: 'acme', repo: 'desk' },
    issue: {
      number: 7,
      title: 'Viewer hangs',
      body: '',
      author: 'reporter',
      url: 'https://github.com/acme/desk/issues/7',
      labels: ['incident'],
      assignees: ['luc'],
      state: 'open',
      stateReason: null,
      createdAt: TUE_NOV_24.toISOString(),
      closedAt: null,
    },
    comments,
    occasion: { kind: 'sweep' },
    config: escalationFrom({
      response: { goals: [{ minutes: 60 }] },
      escalation: { steps: [{ assign: 'backup' }] },
    }),
    roster,
    playbooks: {},
    channels: { pagerduty: false, webhook: false, escalationToken: false },
    now: new Date('2026-11-24T18:01:00Z'),
  });
}
