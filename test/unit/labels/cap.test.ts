import { describe, expect, it } from 'vitest';
import { capWrites } from '../../../src/labels/decide/cap.js';
import type { LabelOperation } from '../../../src/labels/decide/sync.js';

const create = (name: string): LabelOperation => ({
  kind: 'create-label',
  name,
  color: 'ededed',
  description: '',
  reason: 'not on GitHub yet',
});
const kept: LabelOperation = { kind: 'keep-label', name: 'wontfix', reason: 'already in sync' };

describe('the cap on label writes', () => {
  it('keeps the writes over what is left of the run, saying they wait, and counts no kept label', () => {
    const limited = capWrites([create('a'), kept, create('b'), create('c')], {
      budget: 1,
      cap: 100,
    });

    expect(limited.operations).toEqual([
      create('a'),
      kept,
      {
        kind: 'keep-label',
        name: 'b',
        reason: 'left for the next run: at most 100 label writes a run',
      },
      {
        kind: 'keep-label',
        name: 'c',
        reason: 'left for the next run: at most 100 label writes a run',
      },
    ]);
    expect(limited.written).toBe(1);
    expect(limited.note).toMatch(/^2 of 3 label changes left for the next run .*: b, c$/);
  });

  it('says nothing when the plan fits', () => {
    expect(capWrites([create('a')], { budget: 1, cap: 100 })).toEqual({
      operations: [create('a')],
      written: 1,
    });
  });
});
