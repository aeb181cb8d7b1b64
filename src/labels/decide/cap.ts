import { capped, someOf } from '../../kernel/caps.js';
import type { LabelOperation } from './sync.js';

/** The operations that write to GitHub; a kept label is said, not done. */
export const WRITES: ReadonlySet<string> = new Set([
  'create-label',
  'update-label',
  'delete-label',
]);

/**
 * The label writes a plan makes with `budget` writes left of the run's `cap`, in the plan's order
 * (renames first); each write over it becomes a kept label that says it waits for the next run,
 * so the plan still accounts for every label. `note` names what was left, for the plan.
 */
export function capWrites(
  operations: readonly LabelOperation[],
  { budget, cap }: { budget: number; cap: number },
): { operations: LabelOperation[]; written: number; note?: string } {
  const writes = operations.filter((op) => WRITES.has(op.kind));
  const { taken, skipped } = capped(writes, Math.max(0, budget));
  if (skipped.length === 0) return { operations: [...operations], written: taken.length };
  const left = new Set<LabelOperation>(skipped);
  const reason = `left for the next run: at most ${cap} label writes a run`;
  return {
    operations: operations.map((op) =>
      left.has(op) ? { kind: 'keep-label', name: op.name, reason } : op,
    ),
    written: taken.length,
    note: `${skipped.length} of ${writes.length} label changes left for the next run (at most ${cap} label writes a run; a push of labels.yaml or a run by hand makes the next ones): ${someOf(skipped.map((op) => op.name))}`,
  };
}
