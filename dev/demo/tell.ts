import { describeAction, describeTarget } from '../../src/kernel/plan-describe.js';
import type { Plan } from '../../src/kernel/plan.js';
import type { Io } from '../../src/cli/usage.js';
import type { RecordedRequest, Store } from '../emulator/index.js';
import type { ActionRun } from '../harness/run-action.js';
import type { DemoEvent } from './steps.js';

/**
 * How the demo tells a run, the way a support lead would want to read it: what happened, what
 * the kit did, what it cost.
 */

/** One step's run: the bundle, its exit and cost, its annotations and plans. */
export function tellRun(
  io: Io,
  heading: string,
  run: {
    action: string;
    event: DemoEvent;
    result: ActionRun;
    requests: RecordedRequest[];
    ms: number;
  },
): void {
  const { action, event, result, requests, ms } = run;
  const writes = requests.filter((r) => r.method !== 'GET').length;
  io.out('');
  io.out(heading);
  io.out(
    `   ▸ dist/${action} on ${event.name}${'action' in event.payload ? `.${String((event.payload as { action: string }).action)}` : ''}: exit ${result.exitCode}${result.exitCode ? ' (the check fails)' : ''}, ${requests.length} API request(s), ${writes} write(s), ${ms} ms`,
  );
  const ignored = /nothing to do[^\n]*/.exec(result.stdout);
  if (ignored) io.out(`     ${ignored[0]}`);
  for (const a of result.annotations) {
    io.out(
      `     annotation ${a.level}${a.file ? ` ${a.file}:${a.line ?? 1}:${a.col ?? 1}` : ''}: ${a.message.split('\n')[0]}`,
    );
  }
  for (const plan of plans(result.outputs.plan)) tellPlan(io, plan);
}

type PlanView = Pick<Plan, 'capability' | 'operations' | 'notes' | 'preview'>;

function plans(output: string | undefined): PlanView[] {
  if (!output) return [];
  const parsed = JSON.parse(output) as PlanView | PlanView[];
  return Array.isArray(parsed) ? parsed : [parsed];
}

function tellPlan(io: Io, plan: PlanView): void {
  const writes = plan.operations.filter((op) => op.kind !== 'keep-label');
  const kept = plan.operations.length - writes.length;
  io.out(
    `     ${plan.capability}: ${writes.length} operation(s)${kept ? `, ${kept} label(s) left as they are` : ''}${plan.preview ? ' (preview, not applied)' : ''}${plan.notes.length ? `; ${plan.notes.join('; ')}` : ''}`,
  );
  for (const op of writes.slice(0, 6))
    io.out(`       - ${describeTarget(op)}: ${describeAction(op)} (${op.reason})`);
  if (writes.length > 6) io.out(`       - ... and ${writes.length - 6} more`);
}

/** Each comment's version (its time and text) by issue, to tell what a run wrote. */
export function commentVersions(store: Store, repo: string): Map<number, string[]> {
  return new Map(
    store.repo(repo).issues.map((i) => [i.number, i.comments.map((c) => c.updated_at + c.body)]),
  );
}

/** The comments a run created or updated in place, in full but for their hidden markers. */
export function tellComments(
  io: Io,
  store: Store,
  repo: string,
  before: Map<number, string[]>,
): void {
  for (const i of store.repo(repo).issues) {
    const was = before.get(i.number) ?? [];
    i.comments.forEach((c, n) => {
      if (was[n] === c.updated_at + c.body) return;
      io.out(
        `     comment on #${i.number} ${was[n] === undefined ? 'created' : 'updated in place'} by @${c.user} (#${i.number} has ${i.comments.length} comment(s)):`,
      );
      for (const line of c.body.split('\n').filter((l) => !l.startsWith('<!--')))
        io.out(`       │ ${line}`);
    });
  }
}
