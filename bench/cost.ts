/**
 * Billed Actions minutes a month for every preset on a private repository (src/callers): a
 * 30-day month of 50 issues a week (5 comments and 2 edits each, one in four opened incomplete)
 * played through the callers shipped before the cost work (bench/callers-before/) and through
 * the ones `init` writes now, beside the floor the model gives. The month starts Monday
 * 2 March 2026, so it holds the weeks when US and EU clocks disagree.
 *
 * `npm run bench -- --only cost` runs just this; `npm run bench` runs it too.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LOAD } from '../src/callers/decide/cost.js';
import { estimateDesk } from '../src/callers/desk.js';
import { projectRoot } from '../dev/harness/run-action.js';
import { writeSection } from './report.js';

const HEADING = '## Actions minutes a month, by preset';
const FROM = new Date('2026-03-02T00:00:00Z');
/** Goals of issue #16: single-site presets, and follow-the-sun. */
const GOALS: Record<string, number> = { escalation: 1500, 'follow-the-sun': 1500 };
const SINGLE_SITE_GOAL = 1000;

function callersIn(folder: string) {
  return readdirSync(folder)
    .filter((n) => n.endsWith('.yml'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(folder, name), 'utf8') }));
}

interface PresetCost {
  preset: string;
  before: number;
  now: number;
  byInterval: Record<number, number>;
  floor: number;
  goal: number;
}

export function measureCost(): PresetCost[] {
  const root = projectRoot();
  const templates = callersIn(join(root, 'workflows'));
  const before = callersIn(join(root, 'bench', 'callers-before'));
  const presets = readdirSync(join(root, 'config', 'presets')).sort();
  return presets.map((preset) => {
    const read = (file: string) => {
      const path = join(root, 'config', 'presets', preset, file);
      return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    };
    const estimate = estimateDesk({
      config: {
        roster: read('roster.yaml'),
        intake: read('intake.yaml'),
        escalation: read('escalation.yaml'),
      },
      templates,
      committed: before,
      load: DEFAULT_LOAD,
      from: FROM,
    });
    const byInterval = Object.fromEntries(
      estimate.byInterval.map((b) => [b.interval, b.cost.total]),
    );
    return {
      preset,
      before: estimate.committed?.total ?? 0,
      now: byInterval[30] ?? 0,
      byInterval,
      floor: estimate.floor,
      goal: GOALS[preset] ?? SINGLE_SITE_GOAL,
    };
  });
}

const n = (value: number) => value.toLocaleString('en-US');

export function renderCostSection(rows: readonly PresetCost[]): string {
  return [
    HEADING,
    '',
    `Command: \`npm run bench -- --only cost\` (also run by \`npm run bench\`), ${new Date().toISOString().slice(0, 10)}. A model, not a measurement of GitHub: a 30-day month from ${FROM.toISOString().slice(0, 10)} of ${DEFAULT_LOAD.issuesPerWeek} issues a week (${DEFAULT_LOAD.commentsPerIssue} comments and ${DEFAULT_LOAD.editsPerIssue} edits each, one in ${DEFAULT_LOAD.incompleteEvery} opened incomplete, closed by the team) and ${DEFAULT_LOAD.configChanges} config changes, played through each caller's triggers and job-level \`if:\` (GitHub's expression evaluator, \`@actions/expressions\`) and its cron entries in their zones (\`cron-parser\`). Every started job bills one minute (each runs well under one); skipped jobs bill nothing. "Before": the callers shipped until this change (bench/callers-before/); "now": what \`support-kit init\` writes (tick every 30 minutes). The floor: the ticks of the covered hours, the weekly report, and the events whose job cannot wait. The same model is \`support-kit cost\`.`,
    '',
    '| Preset | Before | Now (--tick 30) | --tick 15 | --tick 60 | Floor | Goal |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows.map(
      (r) =>
        `| ${r.preset} | ${n(r.before)} | **${n(r.now)}** | ${n(r.byInterval[15] ?? 0)} | ${n(r.byInterval[60] ?? 0)} | ${n(r.floor)} | ≤ ${n(r.goal)}: ${r.now <= r.goal ? 'met' : '**not met**'} |`,
    ),
    '',
  ].join('\n');
}

export async function benchCost(out: string): Promise<string> {
  const section = renderCostSection(measureCost());
  await writeSection(out, HEADING, section);
  return section;
}
