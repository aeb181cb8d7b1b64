import { parse } from 'yaml';
import { escalationFrom } from '../escalate/config/escalation.js';
import { rosterFrom } from '../roster/config/from-yaml.js';
import type { Roster } from '../roster/types.js';
import { type CallerTemplate, deskCaller } from './decide/callers.js';
import type { DeskFacts } from './decide/conditions.js';
import {
  callerFrom,
  type DeskLoad,
  deskMonth,
  monthCost,
  type WorkflowCost,
} from './decide/cost.js';
import {
  type ScheduleEntry,
  scheduleFor,
  TICK_INTERVALS,
  type TickInterval,
} from './decide/schedule.js';
import { deskFacts } from './facts.js';
import { reportPeriod } from '../report/config/period.js';
import { reportConfigFrom } from '../report/config/report.js';
import { reportRuns } from './decide/schedule.js';

/** A desk's config files as text, by name (roster.yaml, intake.yaml, escalation.yaml). */
export type DeskConfigTexts = Partial<
  Record<'roster' | 'intake' | 'escalation' | 'report', string>
>;

export interface DeskNeeds {
  schedule: ScheduleEntry[];
  /** The report's two Monday runs, after the hand-off that ends its week; empty: ISO weeks. */
  report: ScheduleEntry[];
  facts: DeskFacts;
}

/**
 * What the desk's callers need, from its config: the ticks (roster.yaml, and escalation.yaml's
 * clock when it has steps to act on) and the facts the job conditions are written from. The
 * files are read as the kit reads them; a file that does not parse is left to `validate`.
 */
export function deskNeeds(texts: DeskConfigTexts, interval: TickInterval, now: Date): DeskNeeds {
  return deskNeedsOf(parsed(texts), interval, now);
}

type DeskConfigValues = Partial<Record<'roster' | 'intake' | 'escalation' | 'report', unknown>>;

function parsed(texts: DeskConfigTexts): DeskConfigValues {
  const read = (text: string | undefined): unknown =>
    text === undefined ? undefined : parse(text);
  return {
    roster: read(texts.roster),
    intake: read(texts.intake),
    escalation: read(texts.escalation),
    report: read(texts.report),
  };
}

/** The same, from the files' values as parsed (absent: undefined). */
export function deskNeedsOf(
  values: DeskConfigValues,
  interval: TickInterval,
  now: Date,
): DeskNeeds {
  const escalation =
    values.escalation === undefined ? undefined : escalationFrom(values.escalation);
  const roster: Roster | undefined =
    values.roster === undefined ? undefined : rosterFrom(values.roster);
  return {
    schedule: scheduleFor({
      ...(roster ? { roster } : {}),
      ...(escalation && escalation.steps.length > 0 ? { response: escalation } : {}),
      interval,
      from: now,
    }),
    report: reportRuns(reportPeriod(reportConfigFrom(values.report), roster ?? null)),
    facts: deskFacts({ intake: values.intake, escalation: values.escalation }),
  };
}

/** The caller templates of workflows/, made for the desk. */
export function deskCallers(
  templates: readonly CallerTemplate[],
  needs: DeskNeeds,
): CallerTemplate[] {
  return templates.map((t) => ({ name: t.name, text: deskCaller(t, needs) }));
}

/** What one set of callers costs a month, job by job. */
export interface CallersCost {
  workflows: WorkflowCost[];
  total: number;
}

export interface DeskEstimate {
  load: DeskLoad;
  from: Date;
  /** The repository's own callers, when it has them. */
  committed?: CallersCost;
  /** What `init` writes from the config, by tick interval. */
  byInterval: { interval: TickInterval; cost: CallersCost }[];
  /** Ticks over the covered hours (every 30 minutes) and the events that must start a job. */
  floor: number;
}

const costOf = (workflows: WorkflowCost[]): CallersCost => ({
  workflows,
  total: workflows.reduce((sum, w) => sum + w.scheduled + w.events, 0),
});

/**
 * A month of the desk (30 days from `from`) through its own callers and through the ones
 * `init` would write at each tick interval. The files are inputs: nothing is read here.
 */
export function estimateDesk(input: {
  config: DeskConfigTexts;
  templates: readonly CallerTemplate[];
  committed?: readonly CallerTemplate[];
  load: DeskLoad;
  from: Date;
}): DeskEstimate {
  const values = parsed(input.config);
  const needsAt = (interval: TickInterval) => deskNeedsOf(values, interval, input.from);
  const events = deskMonth(input.load, needsAt(30).facts);
  const price = (callers: readonly CallerTemplate[]) =>
    costOf(
      monthCost(
        callers.map((c) => callerFrom(c.name, c.text)),
        events,
        input.from,
      ),
    );
  const byInterval = TICK_INTERVALS.map((interval) => ({
    interval,
    cost: price(deskCallers(input.templates, needsAt(interval))),
  }));
  const at30 = byInterval.find((b) => b.interval === 30)?.cost;
  const ticks = at30?.workflows.find((w) => w.file === 'schedule.yml')?.scheduled ?? 0;
  const report = at30?.workflows.find((w) => w.file === 'report.yml')?.scheduled ?? 0;
  return {
    load: input.load,
    from: input.from,
    ...(input.committed ? { committed: price(input.committed) } : {}),
    byInterval,
    floor: ticks + report + events.filter((e) => e.needed).length,
  };
}
