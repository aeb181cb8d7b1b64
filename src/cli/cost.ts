import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CallerTemplate } from '../callers/decide/callers.js';
import { DEFAULT_LOAD } from '../callers/decide/cost.js';
import { type CallersCost, type DeskEstimate, estimateDesk } from '../callers/desk.js';
import { COST_HELP } from './help.js';
import { callerTemplates } from './init.js';
import {
  cliClock,
  DEFAULT_CONFIG,
  EXIT,
  type Io,
  namedConfig,
  parseGroupArgs,
  UsageError,
} from './usage.js';

const WORKFLOWS = '.github/workflows';
const CALLER = /^support-kit-(.+\.ya?ml)$/;

/**
 * `support-kit cost`: the Actions minutes a month of the desk would bill on a private
 * repository, through its own callers and through what `init` would write at each tick interval.
 */
export async function costCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseGroupArgs(argv, {
    config: { type: 'string', default: DEFAULT_CONFIG },
    workflows: { type: 'string', default: WORKFLOWS },
    'issues-per-week': { type: 'string', default: String(DEFAULT_LOAD.issuesPerWeek) },
    json: { type: 'boolean' },
  });
  if (values.help) {
    io.out(COST_HELP);
    return EXIT.ok;
  }
  const issuesPerWeek = Number(values['issues-per-week']);
  if (!Number.isInteger(issuesPerWeek) || issuesPerWeek < 0)
    throw new UsageError(
      `--issues-per-week must be a whole number, not "${values['issues-per-week'] ?? ''}"`,
    );
  const folder = namedConfig(values.config ?? DEFAULT_CONFIG, DEFAULT_CONFIG);
  const read = async (name: string) => {
    const path = join(folder, name);
    return existsSync(path) ? readFile(path, 'utf8') : undefined;
  };
  const config = {
    roster: await read('roster.yaml'),
    intake: await read('intake.yaml'),
    escalation: await read('escalation.yaml'),
  };
  const committed = await committedCallers(values.workflows ?? WORKFLOWS);
  const estimate = estimateDesk({
    config,
    templates: await callerTemplates(),
    ...(committed.length > 0 ? { committed } : {}),
    load: { ...DEFAULT_LOAD, issuesPerWeek },
    from: cliClock(),
  });
  io.out(values.json ? JSON.stringify(estimate, null, 2) : describe(estimate));
  return EXIT.ok;
}

/** The repository's callers: support-kit-<name>.yml, named as the template they came from. */
async function committedCallers(folder: string): Promise<CallerTemplate[]> {
  if (!existsSync(folder)) return [];
  const names = (await readdir(folder)).filter((n) => CALLER.test(n)).sort();
  return Promise.all(
    names.map(async (file) => ({
      name: CALLER.exec(file)?.[1] ?? file,
      text: await readFile(join(folder, file), 'utf8'),
    })),
  );
}

const n = (value: number) => value.toLocaleString('en-US');

function breakdown(cost: CallersCost): string[] {
  return cost.workflows
    .filter((w) => w.scheduled + w.events > 0)
    .map(
      (w) =>
        `    ${w.file.padEnd(14)} ${n(w.scheduled + w.events).padStart(6)}  (${n(w.scheduled)} scheduled, ${n(w.events)} on events)`,
    );
}

function describe(e: DeskEstimate): string {
  const load = e.load;
  const lines = [
    `A 30-day month from ${e.from.toISOString().slice(0, 10)}: ${n(load.issuesPerWeek)} issues a week, ${load.commentsPerIssue} comments and ${load.editsPerIssue} edits each, ${load.configChanges} config changes.`,
    'On a private repository every job is billed, rounded up to a minute; public repositories are not billed.',
    '',
  ];
  if (e.committed)
    lines.push(
      `Your callers (${WORKFLOWS}/support-kit-*.yml): ${n(e.committed.total)} minutes a month`,
      ...breakdown(e.committed),
      '',
    );
  else lines.push(`No callers in ${WORKFLOWS}: \`support-kit init\` writes them.`, '');
  lines.push(
    'What `support-kit init --tick N` writes from this config (an escalation is acted on within N minutes of falling due in covered hours):',
  );
  for (const { interval, cost } of e.byInterval)
    lines.push(
      `  --tick ${String(interval).padEnd(2)}  ${n(cost.total).padStart(6)} minutes a month`,
    );
  const at30 = e.byInterval.find((b) => b.interval === 30);
  if (at30) lines.push('  at --tick 30:', ...breakdown(at30.cost));
  lines.push(
    '',
    `The floor: ${n(e.floor)} (the ticks of the covered hours, the weekly report, and the events whose job cannot wait).`,
    'GitHub Free includes 2,000 minutes a month and Team 3,000, shared by the account\u2019s private repositories.',
  );
  return lines.join('\n');
}
