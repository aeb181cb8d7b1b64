import { describe, expect, it } from 'vitest';
import {
  followUpRows,
  type OpenFollowUp,
  renderFollowUps,
} from '../../../src/report/decide/follow-ups.js';

const NOW = Date.parse('2026-12-01T17:00:00Z'); // Tuesday 09:00 Pacific
const followUp = (patch: Partial<OpenFollowUp>): OpenFollowUp => ({
  repo: 'acme/desk',
  number: 12,
  title: 'Incident retrospective: Cluster down',
  url: `https://github.com/acme/desk/issues/${patch.number ?? 12}`,
  parent: 7,
  parentUrl: 'https://github.com/acme/desk/issues/7',
  due: '2026-11-30T23:00:00.000Z',
  assignees: ['luc'],
  ...patch,
});
const open = [
  followUp({
    number: 14,
    title: 'Summary analysis sent to the customer: Cluster down | @everyone',
    due: '2026-12-02T23:00:00.000Z',
    assignees: [],
  }),
  followUp({}),
  followUp({
    number: 13,
    title: 'Incident summary analysis: Cluster down',
    due: '2026-12-01T23:00:00.000Z',
  }),
];

describe('incident follow-ups in the report', () => {
  it('lists the open follow-ups soonest first, the overdue ones marked', () => {
    expect(followUpRows(open, NOW).map((r) => [r.number, r.overdue])).toEqual([
      [12, true],
      [13, false],
      [14, false],
    ]);
  });

  it('renders a table of them, titles escaped (golden)', async () => {
    const lines = renderFollowUps(followUpRows(open, NOW), 'America/Los_Angeles', false, 10);

    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('../golden/report-follow-ups.md');
  });

  it('says so when none is open', () => {
    expect(renderFollowUps([], 'UTC', false, 10)).toEqual([
      '## Incident follow-ups',
      '',
      'None open.',
    ]);
  });
});
