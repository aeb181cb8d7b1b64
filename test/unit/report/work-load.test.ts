import { describe, expect, it } from 'vitest';
import { workLoads } from '../../../src/report/decide/work-load.js';
import { bot, closed, issue, labeled } from '../fixtures/report/issues.js';
import { fixture } from '../fixtures/roster/load.js';

// Seed 004: luc is primary the week of 23 November 2026, ivy his backup and the next week's
// primary; the hand-off is Monday 30 November 08:00 Pacific (16:00 UTC).
const roster = { ...fixture('live-incident'), overrides: [] };
const FROM = Date.parse('2026-10-01T07:00:00Z');
const TO = Date.parse('2026-12-05T08:00:00Z');
const kit = bot();

const load = (issues: ReturnType<typeof issue>[]) =>
  Object.fromEntries(workLoads({ roster, issues, from: FROM, to: TO, stepPrefix: 'escalated/' }));

const incident = (extra: Parameters<typeof issue>[2], timeline: Parameters<typeof issue>[1] = []) =>
  issue('2026-11-24T19:30:00Z', timeline, { labels: ['incident'], ...extra });

describe("the ledger's issue counts", () => {
  it('counts an issue once per person, and as an escalation when a step assigned it', () => {
    const escalated = incident(
      {
        assignees: ['luc', 'ivy'],
        assignmentChanges: [
          { at: '2026-11-24T19:30:05Z', login: 'luc', added: true },
          { at: '2026-11-24T21:31:03Z', login: 'ivy', added: true },
        ],
      },
      [labeled('2026-11-24T21:31:02Z', kit, 'escalated/1'), closed('2026-11-25T23:00:00Z')],
    );

    expect(load([escalated])).toEqual({
      luc: { taken: 1, escalations: 0, handoffsWithWork: 0 },
      ivy: { taken: 1, escalations: 1, handoffsWithWork: 0 },
    });
  });

  it('counts a hand-off whose outgoing person still holds an open issue of the schedule', () => {
    const open = incident({
      assignees: ['luc'],
      assignmentChanges: [{ at: '2026-11-24T19:30:05Z', login: 'luc', added: true }],
    });
    const elsewhere = issue('2026-11-24T19:30:00Z', [], {
      labels: ['question'],
      assignees: ['luc'],
    });

    expect(load([open, elsewhere]).luc).toEqual({ taken: 1, escalations: 0, handoffsWithWork: 1 });
  });

  it('does not count an issue closed before the hand-off, nor an assignment before the period', () => {
    const done = incident(
      {
        assignees: ['luc'],
        assignmentChanges: [{ at: '2026-09-30T19:30:05Z', login: 'luc', added: true }],
      },
      [closed('2026-11-27T23:00:00Z')],
    );

    expect(load([done])).toEqual({});
  });
});
