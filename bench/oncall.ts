import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { rosterFrom } from '../src/roster/config/from-yaml.js';
import { onCallAt } from '../src/roster/resolve.js';
import { shiftsBetween } from '../src/roster/shifts.js';
import type { Roster } from '../src/roster/types.js';

/**
 * On-call costs (issue #5): `who` for an instant ten years after the anchor, and a 365-day
 * preview, on the three roster presets. Each sample starts from a roster object built afresh
 * (as a run does: the resolver's per-roster caches are empty), without the YAML parse.
 */

export const WHO_GOAL_MS = 5;
export const PREVIEW_GOAL_MS = 200;
const PRESETS = ['follow-the-sun', 'daily-rotation', 'live-incident'] as const;
const WHO_RUNS = 200;
const PREVIEW_RUNS = 20;

export interface OncallTiming {
  preset: string;
  schedule: string;
  whoMedian: number;
  whoP90: number;
  previewMedian: number;
  previewP90: number;
  shifts: number;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

function time(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function measureOncall(root: string): OncallTiming[] {
  return PRESETS.map((preset) => {
    const value: unknown = parse(
      readFileSync(join(root, 'config', 'presets', preset, 'roster.yaml'), 'utf8'),
    );
    const fresh = (): Roster => rosterFrom(value);
    const schedule = Object.keys(fresh().schedules)[0] ?? '';
    // Ten years after the presets' 2026-01-05 anchor, a Tuesday at 10:00 UTC.
    const far = new Date('2036-01-08T10:00:00Z');
    const from = new Date('2026-11-23T00:00:00Z');
    const to = new Date('2027-11-23T00:00:00Z');
    for (let i = 0; i < 5; i++) onCallAt(fresh(), schedule, far);
    const who: number[] = [];
    for (let i = 0; i < WHO_RUNS; i++) {
      const roster = fresh();
      who.push(time(() => onCallAt(roster, schedule, far)));
    }
    const preview: number[] = [];
    let shifts = 0;
    for (let i = 0; i < PREVIEW_RUNS; i++) {
      const roster = fresh();
      preview.push(time(() => (shifts = shiftsBetween(roster, schedule, from, to).length)));
    }
    return {
      preset,
      schedule,
      whoMedian: quantile(who, 0.5),
      whoP90: quantile(who, 0.9),
      previewMedian: quantile(preview, 0.5),
      previewP90: quantile(preview, 0.9),
      shifts,
    };
  });
}

export function renderOncall(timings: OncallTiming[]): string[] {
  const whoMet = timings.every((t) => t.whoMedian < WHO_GOAL_MS);
  const previewMet = timings.every((t) => t.previewMedian < PREVIEW_GOAL_MS);
  return [
    '## On-call: who and preview',
    '',
    `In this process, on the roster presets. \`who\`: the resolver for 2036-01-08T10:00Z, ten years after the anchor, on a freshly built roster (${WHO_RUNS} runs). Preview: every shift of the first schedule from 2026-11-23 to 2027-11-23 (${PREVIEW_RUNS} runs).`,
    '',
    '| Preset | Schedule | who median | who p90 | 365-day preview median | p90 | Shifts |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...timings.map(
      (t) =>
        `| ${t.preset} | ${t.schedule} | ${t.whoMedian.toFixed(2)} ms | ${t.whoP90.toFixed(2)} ms | ${t.previewMedian.toFixed(1)} ms | ${t.previewP90.toFixed(1)} ms | ${t.shifts} |`,
    ),
    '',
    `- \`who\` ten years after the anchor under ${WHO_GOAL_MS} ms: **${whoMet ? 'met' : 'not met'}**.`,
    `- A 365-day preview under ${PREVIEW_GOAL_MS} ms: **${previewMet ? 'met' : 'not met'}**.`,
    '',
  ];
}
