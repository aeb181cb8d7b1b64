import { data, Evaluator, Lexer, Parser } from '@actions/expressions';
import { CronExpressionParser } from 'cron-parser';
import { parse } from 'yaml';
import { DAY_MS } from '../../roster/time.js';
import type { DeskFacts } from './conditions.js';
import type { ScheduleEntry } from './schedule.js';

/**
 * What a desk costs in Actions minutes on a private repository: every job GitHub starts is
 * billed, rounded up to a whole minute (the kit's jobs take well under one), and a job its `if:`
 * skips is not. The model plays a month of a desk through the callers' triggers and job
 * conditions, with GitHub's own expression evaluator, and counts the jobs.
 */

/** A caller workflow, as far as billing goes. */
export interface CallerWorkflow {
  file: string;
  /** Event name → the activity types it starts on (undefined: all). */
  triggers: Map<string, string[] | undefined>;
  schedules: ScheduleEntry[];
  /** One condition per job (undefined: always). */
  jobs: { name: string; if?: string }[];
}

export function callerFrom(file: string, text: string): CallerWorkflow {
  const doc = (parse(text) ?? {}) as {
    on?: string | string[] | Record<string, { types?: string[] } | null | unknown[]>;
    jobs?: Record<string, { if?: string | boolean }>;
  };
  const triggers = new Map<string, string[] | undefined>();
  const schedules: ScheduleEntry[] = [];
  const on = doc.on ?? {};
  if (typeof on === 'string') triggers.set(on, undefined);
  else if (Array.isArray(on)) for (const name of on) triggers.set(name, undefined);
  else
    for (const [name, value] of Object.entries(on)) {
      if (name === 'schedule')
        for (const entry of (value ?? []) as { cron: string; timezone?: string }[])
          schedules.push({ cron: entry.cron, timezone: entry.timezone ?? 'UTC' });
      else triggers.set(name, (value as { types?: string[] } | null)?.types);
    }
  const jobs = Object.entries(doc.jobs ?? {}).map(([name, job]) => ({
    name,
    ...(job.if !== undefined ? { if: String(job.if) } : {}),
  }));
  return { file, triggers, schedules, jobs };
}

/** The desk a month is played for. */
export interface DeskLoad {
  issuesPerWeek: number;
  /** In turn: the team's answer, the reporter, the team, the reporter, a bot, then again. */
  commentsPerIssue: number;
  /** By the reporter; the first completes the form of an issue intake asked about. */
  editsPerIssue: number;
  /** One issue in this many is opened incomplete. */
  incompleteEvery: number;
  /** Config changes a month: each is a pull request, then a push. */
  configChanges: number;
}

export const DEFAULT_LOAD: DeskLoad = {
  issuesPerWeek: 50,
  commentsPerIssue: 5,
  editsPerIssue: 2,
  incompleteEvery: 4,
  configChanges: 2,
};

/** A webhook event as the `github` context of a job condition sees it. */
export interface DeskEvent {
  name: string;
  action?: string;
  payload: Record<string, unknown>;
  /** A job must start for it: what it changes cannot wait for the next tick. */
  needed: boolean;
}

const person = (login: string) => ({ login, type: 'User' });
const BOT = { login: 'renovate[bot]', type: 'Bot' };
const COMMENTERS = ['team', 'reporter', 'team', 'reporter', 'bot'] as const;

/**
 * One issue's life: opened (incomplete for one in `incompleteEvery`, then completed by the
 * reporter's first edit), its comments, the reporter's other edits, and its close by the team.
 * The labels at each event are what the kit would have set by then.
 */
function issueEvents(n: number, load: DeskLoad, facts: DeskFacts): DeskEvent[] {
  const reporter = person(`customer${n}`);
  const team = person('oncall');
  const labels: string[] = [];
  const issue = () => ({ number: n, user: reporter, labels: labels.map((name) => ({ name })) });
  const issues = (action: string, sender: object, needed: boolean) => ({
    name: 'issues',
    action,
    payload: { action, issue: issue(), sender },
    needed,
  });
  const events: DeskEvent[] = [];
  const incomplete = load.incompleteEvery > 0 && n % load.incompleteEvery === 0;
  if (incomplete) labels.push(facts.incompleteLabel);
  events.push(issues('opened', reporter, true));
  let edits = load.editsPerIssue;
  if (incomplete && edits > 0) {
    events.push(issues('edited', reporter, true));
    labels.splice(labels.indexOf(facts.incompleteLabel), 1);
    edits -= 1;
  }
  let answered = false;
  for (let c = 0; c < load.commentsPerIssue; c++) {
    const who = COMMENTERS[c % COMMENTERS.length];
    const user = who === 'team' ? team : who === 'bot' ? BOT : reporter;
    const first = who === 'team' && !answered;
    events.push({
      name: 'issue_comment',
      action: 'created',
      payload: {
        action: 'created',
        issue: issue(),
        comment: { user, body: 'Thanks.' },
        sender: user,
      },
      needed: first && facts.answersMatter,
    });
    if (first) {
      answered = true;
      const ack = facts.acknowledgedLabels[0];
      if (ack) labels.push(ack);
    }
  }
  for (; edits > 0; edits--) events.push(issues('edited', reporter, false));
  events.push(issues('closed', team, facts.closingMatters));
  return events;
}

/** A month (30 days) of a desk: its issues, and its config changes. */
export function deskMonth(load: DeskLoad, facts: DeskFacts): DeskEvent[] {
  const issues = Math.round((load.issuesPerWeek * 30) / 7);
  const events: DeskEvent[] = [];
  for (let n = 1; n <= issues; n++) events.push(...issueEvents(n, load, facts));
  for (let c = 0; c < load.configChanges; c++)
    events.push(
      { name: 'pull_request', action: 'opened', payload: { action: 'opened' }, needed: true },
      { name: 'push', payload: { ref: 'refs/heads/main' }, needed: true },
    );
  return events;
}

export interface WorkflowCost {
  file: string;
  /** Jobs started by the schedule, and by events. */
  scheduled: number;
  events: number;
}

/**
 * Jobs a month of the callers start: each cron firing in its zone over the 30 days from
 * `from`, and each event whose trigger and job condition let it through. Path filters are not
 * modelled (every config change is taken to touch the config).
 */
export function monthCost(
  callers: readonly CallerWorkflow[],
  events: readonly DeskEvent[],
  from: Date,
): WorkflowCost[] {
  const to = new Date(from.getTime() + 30 * DAY_MS);
  return callers.map((caller) => {
    const firings = caller.schedules.reduce((sum, s) => sum + cronFirings(s, from, to), 0);
    let started = 0;
    for (const event of events) {
      if (!caller.triggers.has(event.name)) continue;
      const types = caller.triggers.get(event.name);
      if (types && event.action !== undefined && !types.includes(event.action)) continue;
      started += caller.jobs.filter((job) => job.if === undefined || passes(job.if, event)).length;
    }
    return {
      file: caller.file,
      scheduled: firings * caller.jobs.length,
      events: started,
    };
  });
}

/** How often a cron entry fires in [from, to), in its zone. */
function cronFirings(entry: ScheduleEntry, from: Date, to: Date): number {
  return cronInstants(entry, from, to).length;
}

/** When a cron entry fires in [from, to), in its zone (GitHub's `timezone:`), epoch ms. */
export function cronInstants(entry: ScheduleEntry, from: Date, to: Date): number[] {
  const times = CronExpressionParser.parse(entry.cron, {
    currentDate: new Date(from.getTime() - 1),
    endDate: to,
    tz: entry.timezone,
  });
  const instants: number[] = [];
  while (times.hasNext()) instants.push(times.next().getTime());
  return instants;
}

/** A job condition, evaluated as GitHub does, with `${{ }}` optional. */
export function passes(condition: string, event: DeskEvent): boolean {
  const text = condition.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
  const tokens = new Lexer(text).lex().tokens;
  const tree = new Parser(tokens, ['github'], []).parse();
  const context = new data.Dictionary();
  context.add('github', toData({ event_name: event.name, event: event.payload }));
  return truthy(new Evaluator(tree, context).evaluate());
}

/** GitHub's truthiness: null, false, 0, NaN and '' are false; objects and arrays are true. */
function truthy(value: data.ExpressionData): boolean {
  if (value instanceof data.Null) return false;
  if (value instanceof data.BooleanData) return value.value;
  if (value instanceof data.NumberData) return value.value !== 0 && !Number.isNaN(value.value);
  if (value instanceof data.StringData) return value.value !== '';
  return true;
}

function toData(value: unknown): data.ExpressionData {
  if (value === null || value === undefined) return new data.Null();
  if (typeof value === 'string') return new data.StringData(value);
  if (typeof value === 'number') return new data.NumberData(value);
  if (typeof value === 'boolean') return new data.BooleanData(value);
  if (Array.isArray(value)) {
    const array = new data.Array();
    for (const item of value) array.add(toData(item));
    return array;
  }
  const dictionary = new data.Dictionary();
  for (const [key, item] of Object.entries(value)) dictionary.add(key, toData(item));
  return dictionary;
}
