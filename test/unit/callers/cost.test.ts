import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  callerFrom,
  DEFAULT_LOAD,
  deskMonth,
  monthCost,
} from '../../../src/callers/decide/cost.js';
import { DEFAULT_FACTS } from '../../../src/callers/decide/conditions.js';
import { estimateDesk } from '../../../src/callers/desk.js';

const root = join(import.meta.dirname, '../../..');
const callersIn = (folder: string) =>
  readdirSync(join(root, folder))
    .filter((n) => n.endsWith('.yml'))
    .map((name) => ({ name, text: readFileSync(join(root, folder, name), 'utf8') }));
const MARCH = new Date('2026-03-02T00:00:00Z');

function presetMonth(preset: string) {
  const read = (file: string) => {
    try {
      return readFileSync(join(root, 'config/presets', preset, file), 'utf8');
    } catch {
      return undefined;
    }
  };
  return estimateDesk({
    config: {
      roster: read('roster.yaml'),
      intake: read('intake.yaml'),
      escalation: read('escalation.yaml'),
    },
    templates: callersIn('workflows'),
    committed: callersIn('bench/callers-before'),
    load: DEFAULT_LOAD,
    from: MARCH,
  });
}
const at30 = (preset: string) =>
  presetMonth(preset).byInterval.find((b) => b.interval === 30)?.cost.total;

describe('what a month of the desk costs in Actions minutes', () => {
  it('a quarter-hour cron all day is 2,880 jobs in 30 days, whatever the load', () => {
    const schedule = callerFrom(
      'schedule.yml',
      "on:\n  schedule:\n    - cron: '7,22,37,52 * * * *'\njobs:\n  tick: {}\n",
    );
    const [cost] = monthCost([schedule], deskMonth(DEFAULT_LOAD, DEFAULT_FACTS), MARCH);
    expect(cost).toEqual({ file: 'schedule.yml', scheduled: 2880, events: 0 });
  });

  it('a skipped job is not billed: a condition that never holds costs nothing', () => {
    const never = callerFrom('x.yml', 'on: issue_comment\njobs:\n  a:\n    if: ${{ false }}\n');
    expect(monthCost([never], deskMonth(DEFAULT_LOAD, DEFAULT_FACTS), MARCH)[0]?.events).toBe(0);
  });

  it('the callers shipped before cost every preset about 4,800 minutes: twice the Free tier', () => {
    expect(presetMonth('live-incident').committed?.total).toBeGreaterThan(4000);
  });

  it.each(['daily-rotation', 'live-incident', 'sev1-playbook', 'support-triage'])(
    'the %s preset (one site) costs at most 1,000 minutes a month with the callers init writes',
    (preset) => {
      expect(at30(preset)).toBeLessThanOrEqual(1000);
    },
  );

  it('the escalation preset (follow-the-sun, three sites) costs at most 1,500', () => {
    expect(at30('escalation')).toBeLessThanOrEqual(1500);
  });

  it('a shorter tick costs more: 15 minutes over 30 over 60, on a desk with a response clock', () => {
    const totals = presetMonth('live-incident').byInterval.map((b) => b.cost.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    expect(new Set(totals).size).toBe(3);
  });
});
