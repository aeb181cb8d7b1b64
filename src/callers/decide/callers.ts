import { type DeskFacts, escalateCondition, issuesCondition } from './conditions.js';
import type { ScheduleEntry } from './schedule.js';

/**
 * The callers `init` writes, made for one desk: the templates of workflows/ with the schedule
 * the roster needs and the job conditions the config needs. Comments of the templates are kept.
 */

export interface CallerTemplate {
  /** workflows/<name>.yml: schedule.yml, issues.yml, escalate.yml, ... */
  name: string;
  text: string;
}

export interface DeskCallers {
  /** The schedule workflow's ticks; empty: the desk needs none (the template's stay). */
  schedule: ScheduleEntry[];
  /** The report workflow's runs; empty: the template's stay. */
  report: ScheduleEntry[];
  facts: DeskFacts;
}

export function deskCaller(template: CallerTemplate, desk: DeskCallers): string {
  if (template.name === 'schedule.yml' && desk.schedule.length > 0)
    return withSchedule(template.text, desk.schedule);
  if (template.name === 'report.yml' && desk.report.length > 0)
    return withReportRuns(template.text, desk.report);
  if (template.name === 'issues.yml')
    return withCondition(template.text, issuesCondition(desk.facts));
  if (template.name === 'escalate.yml')
    return withCondition(template.text, escalateCondition(desk.facts));
  return template.text;
}

/**
 * The schedule entries in place of the template's, as text: the rest of the file, comments
 * included, stays as written.
 */
function withSchedule(text: string, entries: readonly ScheduleEntry[]): string {
  return replaceSchedule(text, 'schedule', [
    '    # Written by `support-kit init` from roster.yaml (and escalation.yaml): ticks only in the',
    "    # hours a response clock runs, at hand-offs and when coverage resumes, in each site's own",
    '    # zone, off the hour (GitHub delays top-of-the-hour runs most). Every run catches up on',
    '    # what an earlier one missed. `support-kit cost` shows what other intervals cost.',
    ...entries.flatMap(entryLines),
  ]);
}

const entryLines = (e: ScheduleEntry) => [
  `    - cron: '${e.cron}'`,
  `      timezone: ${e.timezone}`,
];

/** The caller's `on.schedule` block replaced by these lines (comments and entries). */
function replaceSchedule(text: string, caller: string, lines: readonly string[]): string {
  const block = /^ {2}schedule:\n(?:^ {4}.*\n|^\s*\n)*/m;
  if (!block.test(text)) throw new Error(`the ${caller} caller has no on.schedule to replace`);
  return text.replace(block, `${['  schedule:', ...lines].join('\n')}\n`);
}

/** The report's runs in place of the template's UTC cron, after the rotation's hand-off. */
function withReportRuns(text: string, entries: readonly ScheduleEntry[]): string {
  const [first, catchUp] = entries;
  const replaced = replaceSchedule(text, 'report', [
    "    # Written by `support-kit init`: the report's week is the rotation's, from hand-off to",
    '    # hand-off (report.yaml `period`), so the report runs 17 minutes after the hand-off that',
    "    # ends it, in the rotation's zone. The report is written by this workflow's token (or a",
    "    # GitHub App's): only reports a bot wrote are found again.",
    ...(first ? entryLines(first) : []),
    '    # The catch-up, two hours later: it writes the report only when no run has, because GitHub',
    "    # dropped the first or a large desk's report needed more of the hour's GraphQL budget than",
    '    # was left (it waits for the next hour rather than fail). Otherwise it stops after one query.',
    ...(catchUp ? entryLines(catchUp) : []),
  ]);
  // The caller tells the catch-up run by its cron: it must name the new one.
  const catchUpTest = /github\.event\.schedule == '[^']*'/;
  if (!catchUpTest.test(replaced))
    throw new Error('the report caller does not tell its catch-up run');
  return replaced.replace(catchUpTest, `github.event.schedule == '${catchUp?.cron ?? ''}'`);
}

/** The job's `if:` set, as text: first in the job, where a reader looks for why it runs. */
function withCondition(text: string, condition: string): string {
  const line = `    if: \${{ ${condition} }}`;
  if (/^ {4}if: .*$/m.test(text)) return text.replace(/^ {4}if: .*$/m, () => line);
  const job = /^jobs:\n(?:^ {2}#.*\n)*^ {2}[\w-]+:\n(?:^ {4}#.*\n)*/m;
  if (!job.test(text)) throw new Error('the caller has no job to put a condition on');
  return text.replace(job, (head) => `${head}${line}\n`);
}
