/**
 * `npm run bench:reliability`: every write path of the reliability suite's target runs, each
 * under every fault (503 for a whole run, 403, 404, 422, a lost answer, a notification endpoint
 * refusing or cutting the connection), then re-run; written to bench/reliability.md as paths
 * tried, survived, lost, duplicated, with the longest run. The same cases `npm test` asserts on
 * (test/reliability), with every refusal instead of one.
 */
import { writeFile } from 'node:fs/promises';
import { cpus, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { cleanRun, faultedRun, type Outcome } from '../dev/harness/reliability/measure.js';
import { TARGETS } from '../dev/harness/reliability/targets.js';
import { projectRoot } from '../dev/harness/run-action.js';

const outcomes: Outcome[] = [];
for (const target of TARGETS) {
  const clean = await cleanRun(target, true);
  for (const c of clean.cases) outcomes.push(await faultedRun(target, clean.state, c));
  process.stdout.write(`${target.name}: ${clean.cases.length} case(s)\n`);
}

const count = (rows: Outcome[], verdict: Outcome['verdict']) =>
  rows.filter((o) => o.verdict === verdict).length;
const rows = TARGETS.map((t) => {
  const mine = outcomes.filter((o) => o.target === t.name);
  const longest = Math.max(...mine.map((o) => o.longestMs));
  return `| ${t.name} | ${mine.length} | ${count(mine, 'survived')} | ${count(mine, 'lost')} | ${count(mine, 'duplicated')} | ${count(mine, 'inconsistent')} | ${mine.reduce((n, o) => n + o.resent, 0)} | ${(longest / 1000).toFixed(1)} s |`;
});
const bad = outcomes.filter((o) => o.verdict !== 'survived');
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Linux ${release()}, Node ${process.version} (the actions under Node 24)`;
const text = [
  '# Reliability: lasting faults, lost answers, re-runs',
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:reliability\` on ${machine}.`,
  '',
  'Each target run is played on a fresh desk with one kind of write failing for the whole run',
  '(503; 403, 404, 422 refusals), or GitHub committing a POST and losing its answer, or the',
  'PagerDuty or Slack endpoint refusing all run or cutting the connection after taking a post;',
  'the fault is healed and the same event run again. The end state is compared with a clean',
  'run and its re-run: issues, labels, assignees, comments, repository labels, PagerDuty alerts',
  '(by dedup key) and webhook posts taken. "Resent" counts PagerDuty events sent again with a',
  'dedup key already sent: PagerDuty groups them into the one alert, so they are not duplicates.',
  '"Inconsistent" is any other difference: nothing missing, nothing twice, but not the same state',
  '(a repository label the run created, a prune the label sync leaves to its next run).',
  '',
  '| Target run | Paths tried | Survived | Lost | Duplicated | Inconsistent | PagerDuty resent | Longest run |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows,
  `| **All** | **${outcomes.length}** | **${count(outcomes, 'survived')}** | **${count(outcomes, 'lost')}** | **${count(outcomes, 'duplicated')}** | **${count(outcomes, 'inconsistent')}** | **${outcomes.reduce((n, o) => n + o.resent, 0)}** | |`,
  '',
  ...(bad.length
    ? [
        '## Cases that did not survive',
        '',
        ...bad.map((o) => `- ${o.target} / ${o.fault}: ${o.verdict}: ${o.differences.join('; ')}`),
      ]
    : ['Every case survived.']),
  '',
];
await writeFile(join(projectRoot(), 'bench/reliability.md'), text.join('\n'));
process.stdout.write(
  `bench/reliability.md: ${outcomes.length} case(s), ${bad.length} not survived\n`,
);
