import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cronInstants } from '../../../src/callers/decide/cost.js';
import { scheduleFor, type TickInterval } from '../../../src/callers/decide/schedule.js';
import { deskNeeds } from '../../../src/callers/desk.js';
import { escalationFrom } from '../../../src/escalate/config/escalation.js';
import { rosterFrom } from '../../../src/roster/config/from-yaml.js';
import { clockWindows } from '../../../src/roster/response-clock.js';
import { MINUTE_MS } from '../../../src/roster/time.js';
import { occurrencesBetween } from '../../../src/roster/window.js';
import { parse } from 'yaml';

const presets = join(import.meta.dirname, '../../../config/presets');
const text = (preset: string, file: string) => readFileSync(join(presets, preset, file), 'utf8');
/** Monday 2 March 2026: the US changes clocks on the 8th, the EU on the 29th. */
const MARCH = new Date('2026-03-02T00:00:00Z');
const FIVE_WEEKS = new Date('2026-04-06T00:00:00Z');

/**
 * The longest wait, over the five weeks, between a moment the response clock counts (when a goal
 * or a step can fall due) and the next tick of the schedule.
 */
function longestWait(preset: string, interval: TickInterval): number {
  const roster = rosterFrom(parse(text(preset, 'roster.yaml')));
  const escalation = escalationFrom(parse(text(preset, 'escalation.yaml')));
  const schedule = scheduleFor({ roster, response: escalation, interval, from: MARCH });
  const ticks = schedule
    .flatMap((e) => cronInstants(e, MARCH, new Date(FIVE_WEEKS.getTime() + 86_400_000)))
    .sort((a, b) => a - b);
  let longest = 0;
  for (const window of clockWindows(escalation, roster))
    for (const open of occurrencesBetween(window, MARCH.getTime(), FIVE_WEEKS.getTime()))
      for (let due = open.start + MINUTE_MS; due <= open.end; due += MINUTE_MS) {
        const next = ticks.find((t) => t >= due) ?? Infinity;
        longest = Math.max(longest, next - due);
      }
  return longest / MINUTE_MS;
}

describe('the schedule init writes from the roster', () => {
  it.each(['escalation', 'live-incident', 'sev1-playbook'])(
    '%s: a goal falling due at any minute of covered hours is acted on within 30 minutes, through both March clock changes',
    (preset) => {
      expect(longestWait(preset, 30)).toBeLessThanOrEqual(30);
    },
  );

  it('with a 60-minute tick, within the hour', () => {
    expect(longestWait('live-incident', 60)).toBeLessThanOrEqual(60);
  });

  it('ticks in each site\u2019s zone, only in business hours and lunch, and once at the close', () => {
    const { schedule } = deskNeeds(
      {
        roster: text('live-incident', 'roster.yaml'),
        escalation: text('live-incident', 'escalation.yaml'),
      },
      30,
      MARCH,
    );
    expect(schedule).toEqual([
      { cron: '7 12,17 * * 1-5', timezone: 'America/Los_Angeles' },
      { cron: '7,37 8-11,13-16 * * 1-5', timezone: 'America/Los_Angeles' },
    ]);
  });

  it('a desk without escalation steps ticks at its hand-offs only: daily at nine in Brno', () => {
    const { schedule } = deskNeeds({ roster: text('daily-rotation', 'roster.yaml') }, 30, MARCH);
    expect(schedule).toEqual([{ cron: '7 9 * * 1-5', timezone: 'Europe/Prague' }]);
  });

  it('a desk with nothing to time ticks once a day, for intake and notifications to retry', () => {
    expect(deskNeeds({}, 30, MARCH).schedule).toEqual([{ cron: '7 9 * * *', timezone: 'UTC' }]);
  });

  it('without a roster, escalation steps run on wall-clock time: a tick every interval, all week', () => {
    const { schedule } = deskNeeds(
      { escalation: 'escalation:\n  steps:\n    - mention: "@acme/leads"\n' },
      60,
      MARCH,
    );
    expect(schedule).toEqual([{ cron: '7 * * * *', timezone: 'UTC' }]);
  });
});
