import { describe, expect, it } from 'vitest';
import { cleanRun, faultedRun, type Outcome } from './measure.js';
import { TARGETS } from './targets.js';

/**
 * Every kind of write each target run makes fails for a whole run (503, 403, 404, 422) or has
 * its answer lost, and so do the notifications; the same event is then run again. The desk must
 * end as a clean run leaves it: nothing lost, nothing twice. (`npm run bench:reliability` writes
 * the table of these cases to bench/reliability.md.)
 */
describe.each(TARGETS.map((t) => [t.name, t] as const))('%s', (_name, target) => {
  it('loses nothing and writes nothing twice under any single lasting fault', async () => {
    const clean = await cleanRun(target);
    const outcomes: Outcome[] = [];
    for (const c of clean.cases) outcomes.push(await faultedRun(target, clean.state, c));
    const failed = outcomes
      .filter((o) => o.verdict === 'lost' || o.verdict === 'duplicated')
      .map((o) => `${o.fault} -> ${o.verdict}: ${o.differences.join('; ')}`);
    expect(clean.cases.length).toBeGreaterThan(0);
    expect(failed).toEqual([]);
  });
});
