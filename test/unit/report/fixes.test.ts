import { describe, expect, it } from 'vitest';
import { fixesOf, renderFixes } from '../../../src/report/decide/fixes.js';
import type { ReportIssue } from '../../../src/report/decide/types.js';
import { parseWeek } from '../../../src/report/decide/week.js';

/** Week 48 of 2026 in UTC, read on Monday 30 November. */
const week = parseWeek('2026-W48', 'UTC')!;
const cut = week.end;
const issue = (number: number, patch: Partial<ReportIssue>): ReportIssue => ({
  repo: 'acme/desk',
  number,
  title: `Issue ${number} | with a pipe`,
  url: `https://github.com/acme/desk/issues/${number}`,
  author: { login: 'customer-eng', bot: false },
  createdAt: '2026-11-02T09:00:00Z',
  state: 'open',
  closedAt: null,
  labels: [],
  assignees: [],
  timeline: [],
  ...patch,
});
const labelled = (label: string, at: string) => ({
  kind: 'labeled' as const,
  at,
  actor: { login: 'github-actions', bot: true },
  label,
});
const link = {
  repo: 'docker/pinata',
  number: 12,
  id: 4012,
  at: '2026-11-20T00:00:00.000Z',
  native: true,
  by: 'kim',
};
const released = { beta: 'status/4-fix-released-beta', stable: 'status/4-fix-released-stable' };

describe('waiting on engineering and fixes released', () => {
  it('lists the issues waiting on engineering with the engineering issue and the wait, longest first', () => {
    const waiting = issue(3, { labels: ['support-kit/awaiting-fix'] });
    const newer = issue(4, {
      labels: ['support-kit/awaiting-fix'],
      timeline: [labelled('support-kit/awaiting-fix', '2026-11-29T00:00:00Z')],
    });

    const f = fixesOf(
      { links: { 'acme/desk#3': link }, released },
      week,
      cut,
      [newer, waiting],
      [],
    );

    expect(f.waiting.map((w) => [w.number, w.fix, w.waitedMs])).toEqual([
      [3, 'docker/pinata#12', 10 * 86_400_000],
      [4, null, 86_400_000],
    ]);
  });

  it('counts a released status given in the week, and not one given before it', () => {
    const beta = issue(5, {
      timeline: [labelled('status/4-fix-released-beta', '2026-11-25T10:00:00Z')],
    });
    const old = issue(6, {
      timeline: [labelled('status/4-fix-released-stable', '2026-11-20T10:00:00Z')],
    });

    const f = fixesOf({ links: {}, released }, week, cut, [], [beta, old]);

    expect(f.released.map((r) => [r.number, r.stage])).toEqual([[5, 'pre-release']]);
  });

  it('renders both sections, titles escaped, and nothing at all when there is nothing to list', () => {
    const waiting = issue(3, { labels: ['support-kit/awaiting-fix'] });
    const f = fixesOf({ links: { 'acme/desk#3': link }, released }, week, cut, [waiting], []);

    expect(renderFixes(f, false, 10).join('\n')).toContain(
      '| [#\u20603](https://redirect.github.com/acme/desk/issues/3) | Issue 3 \\| with a pipe | `docker/pinata#\u206012` | 10d |',
    );
    expect(renderFixes(f, false, 10)).toContain('## Fixes released this week');
    expect(renderFixes({ waiting: [], released: [] }, false, 10)).toEqual([]);
  });
});
