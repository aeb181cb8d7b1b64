import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  decideAssignment,
  decideRelease,
  decideWithoutRoster,
} from '../../../src/oncall/decide/assign.js';
import { NO_COVERAGE_LABEL } from '../../../src/kernel/kit-labels.js';
import { renderRosterPreview } from '../../../src/roster/preview.js';
import { rosterFrom } from '../../../src/roster/config/from-yaml.js';
import type { Roster } from '../../../src/roster/types.js';

const fixture = (name: string) =>
  rosterFrom(
    parse(readFileSync(join(import.meta.dirname, '../fixtures/roster', `${name}.yaml`), 'utf8')),
  );
const followTheSun = fixture('follow-the-sun');
const issue = (
  createdAt: string,
  extra: { labels?: string[]; assignees?: string[]; state?: 'open' | 'closed' } = {},
) => ({
  number: 7,
  state: extra.state ?? 'open',
  labels: extra.labels ?? [],
  assignees: extra.assignees ?? [],
  createdAt,
});

describe('on-call assignment (decide)', () => {
  it("assigns the person on call at the issue's creation, with the roster fallback if GitHub refuses them", () => {
    const { operations } = decideAssignment(issue('2026-11-24T09:00:00Z'), followTheSun);
    expect(operations[0]).toMatchObject({
      kind: 'add-assignees',
      assignees: ['chloe'],
      fallback: 'escalation-leads',
    });
    expect(operations[1]).toMatchObject({ kind: 'upsert-comment', marker: { kind: 'oncall' } });
  });

  it('tells the reporter who has the issue in one sentence, with the resolver\u2019s trace collapsed', () => {
    const { operations } = decideAssignment(issue('2026-11-24T09:00:00Z'), followTheSun);
    const body = (operations[1] as { body: string }).body;
    const [sentence, ...rest] = body.split('\n\n');

    expect(sentence).toMatch(/^Assigned to \*\*chloe\*\*, the primary on call for /);
    expect(sentence).not.toMatch(/turn|anchor|rotation/);
    expect(rest.join('\n\n')).toMatch(
      /^<details><summary>Why this person<\/summary>\n\n.*rotation/s,
    );
  });

  it('holds an issue opened in a declared gap with a label and the resume time', () => {
    const { operations } = decideAssignment(issue('2026-11-24T02:30:00Z'), followTheSun);
    expect(operations[0]).toMatchObject({ kind: 'add-labels', labels: [NO_COVERAGE_LABEL] });
    expect(operations[1]).toMatchObject({
      kind: 'upsert-comment',
      body: expect.stringMatching(/resumes at 2026-11-24T08:00:00\+01:00 with \*\*chloe\*\*/),
    });
  });

  it('leaves an issue a person already assigned alone', () => {
    expect(
      decideAssignment(issue('2026-11-24T09:00:00Z', { assignees: ['dan'] }), followTheSun)
        .operations,
    ).toEqual([]);
  });

  it('writes the comment an earlier run owed when the issue has its pick and no on-call comment', () => {
    const owed = {
      ...issue('2026-11-24T09:00:00Z', { assignees: ['chloe'] }),
      oncallComment: false,
    };
    expect(decideAssignment(owed, followTheSun).operations).toEqual([
      expect.objectContaining({ kind: 'upsert-comment', marker: { kind: 'oncall', keys: {} } }),
    ]);
  });

  it('writes no comment for an issue a person gave somebody else, on-call comment or not', () => {
    const other = {
      ...issue('2026-11-24T09:00:00Z', { assignees: ['dan'] }),
      oncallComment: false,
    };
    expect(decideAssignment(other, followTheSun).operations).toEqual([]);
  });

  it('assigns nobody to a closed issue, even when a label would route it', () => {
    const decision = decideAssignment(
      issue('2026-11-24T09:00:00Z', { state: 'closed', labels: ['S1-broken'] }),
      followTheSun,
    );
    expect(decision).toEqual({ operations: [], notes: ['#7 is closed: nobody is assigned'] });
  });

  it('does not flag a closed issue for triage when the roster is broken', () => {
    expect(
      decideWithoutRoster(issue('2026-11-24T09:00:00Z', { state: 'closed' }), 'broken.').operations,
    ).toEqual([]);
  });

  it("adds one assignee at a time, so GitHub's cap of 10 assignees is never hit by the kit (research §10 #26)", () => {
    const assigned = decideAssignment(issue('2026-11-24T09:00:00Z'), followTheSun).operations;
    const released = decideRelease(
      issue('2026-11-24T02:30:00Z', { labels: [NO_COVERAGE_LABEL] }),
      followTheSun,
      new Date('2026-11-24T07:05:00Z'),
    ).operations;
    const added = [...assigned, ...released].flatMap((op) =>
      op.kind === 'add-assignees' ? [op.assignees] : [],
    );
    expect(added).toEqual([['chloe'], ['chloe']]);
  });

  it('writes no @-mention in its comments', () => {
    const all = [
      decideAssignment(issue('2026-11-24T09:00:00Z'), followTheSun),
      decideAssignment(issue('2026-11-24T02:30:00Z'), followTheSun),
    ];
    for (const d of all)
      for (const op of d.operations)
        if (op.kind === 'upsert-comment') expect(op.body).not.toMatch(/@\w/);
  });

  it('never assigns at random when the roster is broken: it asks a person', () => {
    const { operations } = decideWithoutRoster(
      issue('2026-11-24T09:00:00Z'),
      'roster.yaml has errors.',
    );
    expect(operations.map((op) => op.kind)).toEqual(['add-labels', 'upsert-comment']);
    expect(operations.some((op) => op.kind === 'add-assignees')).toBe(false);
  });

  it('answers the same for the same issue, whenever it runs (pure in the issue and the roster)', () => {
    expect(decideAssignment(issue('2026-03-26T02:00:00Z'), followTheSun)).toEqual(
      decideAssignment(issue('2026-03-26T02:00:00Z'), followTheSun),
    );
  });

  it('never assigns a team: a team fallback is asked by mention in a fallback gap', () => {
    const teamFallback: Roster = {
      ...followTheSun,
      fallback: '@acme/support-leads',
      schedules: Object.fromEntries(
        Object.entries(followTheSun.schedules).map(([name, s]) => [
          name,
          { ...s, onGap: 'fallback' as const },
        ]),
      ),
    };
    const inGap = decideAssignment(issue('2026-11-24T02:30:00Z'), teamFallback);
    expect(inGap.operations.map((op) => op.kind)).toEqual(['add-labels', 'upsert-comment']);
    expect(inGap.operations[1]).toMatchObject({
      body: expect.stringContaining('@acme/support-leads, please pick this up'),
    });
    const covered = decideAssignment(issue('2026-11-24T09:00:00Z'), teamFallback);
    expect(covered.operations[0]).not.toHaveProperty('fallback');
  });

  it('releases a held issue to whoever is on call now, and not before', () => {
    const held = issue('2026-11-24T02:30:00Z', { labels: [NO_COVERAGE_LABEL] });
    expect(decideRelease(held, followTheSun, new Date('2026-11-24T05:00:00Z')).operations).toEqual(
      [],
    );
    const kinds = decideRelease(
      held,
      followTheSun,
      new Date('2026-11-24T07:05:00Z'),
    ).operations.map((op) => op.kind);
    expect(kinds).toEqual(['add-assignees', 'remove-labels', 'upsert-comment']);
  });

  it('only lifts the hold of an issue a person assigned meanwhile', () => {
    const held = issue('2026-11-24T02:30:00Z', {
      labels: [NO_COVERAGE_LABEL],
      assignees: ['emma'],
    });
    expect(
      decideRelease(held, followTheSun, new Date('2026-11-24T09:00:00Z')).operations.map(
        (op) => op.kind,
      ),
    ).toEqual(['remove-labels']);
  });
});

describe('roster preview (the pull-request comment)', () => {
  it('shows a week of shifts and marks the ones a change moves', async () => {
    const swapped = rosterFrom(
      parse(
        readFileSync(
          join(import.meta.dirname, '../fixtures/roster/follow-the-sun.yaml'),
          'utf8',
        ).replace('members: [chloe, dan]', 'members: [dan, chloe]'),
      ),
    );
    const markdown = renderRosterPreview({
      head: swapped,
      base: followTheSun,
      from: new Date('2026-11-30T00:00:00Z'),
      days: 3,
    });
    await expect(markdown).toMatchFileSnapshot('../golden/roster-preview.md');
  });
});

describe('a Busy GitHub status (busy: backup)', () => {
  const liveIncident: Roster = { ...fixture('live-incident'), busy: 'backup' };
  // Tuesday 24 November 2026, 10:00 Pacific: week 47 of the rotation, luc primary, ivy backup.
  const opened = issue('2026-11-24T18:00:00Z', { labels: ['incident'] });
  const assigned = (busy: [string, string | null][]) =>
    decideAssignment(opened, liveIncident, new Map(busy));

  it('names who is in line, the primary then the backup, for the job to ask their status', () => {
    expect(assigned([]).inLine).toEqual(['luc', 'ivy']);
    const { busy: _optIn, ...ignoring } = liveIncident;
    expect(decideAssignment(opened, ignoring).inLine).toBeUndefined();
  });

  it('gives the issue to the backup when the primary is Busy, and says why in words', () => {
    const { operations } = assigned([['luc', 'At the dentist <b>@all</b>']]);

    expect(operations[0]).toMatchObject({ kind: 'add-assignees', assignees: ['ivy'] });
    const body = (operations[1] as { body: string }).body;
    expect(body).toContain('Assigned to **ivy**, the backup on call for live-incident');
    expect(body).toContain(
      '**luc**, who was due, has set their GitHub status to Busy (“At the dentist \\<b\\>@\u2060all\\</b\\>”).',
    );
  });

  it('keeps the primary when everyone in line is Busy, and asks them to hand it on', () => {
    const { operations } = assigned([
      ['luc', null],
      ['ivy', null],
    ]);

    expect(operations[0]).toMatchObject({ assignees: ['luc'] });
    expect((operations[1] as { body: string }).body).toContain(
      'Their GitHub status is set to Busy, as is everyone',
    );
  });
});
