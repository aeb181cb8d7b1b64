import { parse } from 'yaml';

/**
 * GitHub's concurrency groups, as the harness plays them: runs whose jobs name the same group
 * run one at a time, the others wait (docs.github.com, "Control the concurrency of workflows and
 * jobs"). Only what the kit's workflows use is understood; anything else fails loudly rather
 * than run the jobs side by side as if they had no group.
 */
export interface JobConcurrency {
  /** The group's name, evaluated: GitHub compares names without regard to case. */
  group: string;
  /** single (GitHub's default): one run waits, a newer one cancels it; max: up to 100 wait in order. */
  queue: 'single' | 'max';
}

/** What the group's `${{ }}` expressions may read: `github.repository` and `github.event.*`. */
export interface GroupContext {
  repository: string;
  event: object;
}

/** GitHub's limit of runs waiting in one group with `queue: max`. */
const MAX_PENDING = 100;

/**
 * The concurrency of `job` in a workflow file's text (the job's own, else the workflow's), its
 * group evaluated in `context`; undefined when it has none.
 */
export function jobConcurrency(
  file: string,
  text: string,
  job: string,
  context: GroupContext,
): JobConcurrency | undefined {
  const workflow = parse(text) as { concurrency?: unknown; jobs?: Record<string, unknown> };
  const found = workflow.jobs?.[job] as { concurrency?: unknown } | undefined;
  if (!found) throw new Error(`${file} has no job "${job}"`);
  const declared = found.concurrency ?? workflow.concurrency;
  if (declared === undefined) return undefined;
  const where = `${file} job ${job}`;
  const { group, queue, cancel } =
    typeof declared === 'string'
      ? { group: declared, queue: undefined, cancel: undefined }
      : (() => {
          const c = declared as Record<string, unknown>;
          return { group: c.group, queue: c.queue, cancel: c['cancel-in-progress'] };
        })();
  if (typeof group !== 'string') throw new Error(`${where}: concurrency.group is not a string`);
  if (cancel !== undefined && cancel !== false)
    throw new Error(
      `${where}: the harness cannot play cancel-in-progress: ${JSON.stringify(cancel)} (it never stops a run)`,
    );
  if (queue !== undefined && queue !== 'single' && queue !== 'max')
    throw new Error(
      `${where}: concurrency.queue must be single or max, not ${JSON.stringify(queue)}`,
    );
  return { group: evaluate(group, context, where), queue: queue ?? 'single' };
}

/** `${{ github.repository }}` and `${{ github.event.a.b }}`; any other expression is an error. */
function evaluate(template: string, context: GroupContext, where: string): string {
  return template.replace(/\$\{\{(.*?)\}\}/g, (_whole, inner: string) => {
    const expression = inner.trim();
    if (expression === 'github.repository') return context.repository;
    const path = /^github\.event((?:\.[A-Za-z_][\w-]*)+)$/.exec(expression)?.[1];
    if (path === undefined)
      throw new Error(
        `${where}: the harness cannot evaluate \${{ ${expression} }} in concurrency.group (it knows github.repository and github.event.*)`,
      );
    let value: unknown = context.event;
    for (const key of path.slice(1).split('.'))
      value =
        value !== null && typeof value === 'object'
          ? (value as Record<string, unknown>)[key]
          : undefined;
    // GitHub turns a missing property into null, and null into the empty string.
    if (value === undefined || value === null) return '';
    if (typeof value === 'object')
      throw new Error(`${where}: \${{ ${expression} }} is an object, not a value for a group name`);
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}

/** A run GitHub would have cancelled before it started: the queue was full or a newer run took its place. */
export class RunCancelled extends Error {}

interface Waiting {
  start: () => void;
  cancel: (why: string) => void;
}

/** The groups of one repository: which run holds each, and who waits for it. */
export class ConcurrencyGroups {
  private readonly groups = new Map<string, { busy: boolean; waiting: Waiting[] }>();

  /**
   * Starts `run` now if its group is free (synchronously, so runs queue in the order they are
   * asked for), else when the runs before it have finished. Without a group it starts at once.
   */
  run<T>(concurrency: JobConcurrency | undefined, run: () => Promise<T>): Promise<T> {
    if (!concurrency) return run();
    const key = concurrency.group.toLowerCase();
    const state = this.groups.get(key) ?? { busy: false, waiting: [] };
    this.groups.set(key, state);
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        state.busy = true;
        run()
          .then(resolve, reject)
          .finally(() => this.next(state));
      };
      if (!state.busy) return start();
      if (concurrency.queue === 'single')
        for (const older of state.waiting.splice(0))
          older.cancel(`a newer run of ${concurrency.group} took its place (queue: single)`);
      if (state.waiting.length >= MAX_PENDING)
        return reject(
          new RunCancelled(
            `${MAX_PENDING} runs already wait for ${concurrency.group} (queue: max)`,
          ),
        );
      state.waiting.push({ start, cancel: (why) => reject(new RunCancelled(why)) });
    });
  }

  private next(state: { busy: boolean; waiting: Waiting[] }): void {
    const following = state.waiting.shift();
    if (following) following.start();
    else state.busy = false;
  }
}
