import { describe, expect, it } from 'vitest';
import { cleanRun, faultedRun, type Outcome } from '../../dev/harness/reliability/measure.js';
import type { Target } from '../../dev/harness/reliability/targets.js';

/**
 * Every kind of write a target run makes fails for a whole run (503; 422, and with
 * `npm run test:reliability` 403 and 404 too) or has its answer lost, and so do its
 * notifications; the same event is then run again. The desk must end as a clean run and its
 * re-run leave it: nothing lost, nothing twice. `npm run bench:reliability` writes the table of
 * every case to bench/reliability.md.
 */
const FULL = process.env.SUPPORT_KIT_RELIABILITY === 'full';

export function specify(targets: readonly Target[]): void {
  describe.each(targets.map((t) => [t.name, t] as const))('%s', (_name, target) => {
    it('loses nothing and writes nothing twice under any single lasting fault', async () => {
      const clean = await cleanRun(target, FULL);
      const outcomes: Outcome[] = [];
      for (const c of clean.cases) outcomes.push(await faultedRun(target, clean.state, c));
      const failed = outcomes
        .filter((o) => o.verdict === 'lost' || o.verdict === 'duplicated')
        .map((o) => `${o.fault} -> ${o.verdict}: ${o.differences.join('; ')}`);
      expect(clean.cases.length).toBeGreaterThan(0);
      expect(failed).toEqual([]);
    });
  });
}
