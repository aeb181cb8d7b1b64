import { describe, expect, it } from 'vitest';
import { normaliseSeverity, readSeverity } from '../../../src/intake/decide/severity.js';

const LABELS = ['S0-catastrophic', 'S1-broken', 'S2-major', 'S3-minor'];

describe('normaliseSeverity', () => {
  it.each([
    ['S1', 'S1-broken'],
    ['s1', 'S1-broken'],
    ['Sev1', 'S1-broken'],
    ['sev 1', 'S1-broken'],
    ['SEV-1', 'S1-broken'],
    ['Severity 1', 'S1-broken'],
    ['severity: 1', 'S1-broken'],
    ['S1 - broken', 'S1-broken'],
    ['S1-broken', 'S1-broken'],
    ['s1 BROKEN', 'S1-broken'],
    ['1', 'S1-broken'],
    ['broken', 'S1-broken'],
    ['Broken — nothing works', 'S1-broken'],
    ['S1-broken: major functionality loss, no workaround', 'S1-broken'],
    ['S0', 'S0-catastrophic'],
    ['0', 'S0-catastrophic'],
    ['catastrophic', 'S0-catastrophic'],
    ['  S3  ', 'S3-minor'],
    ['sev3 (minor)', 'S3-minor'],
  ])('reads %j as %s', (answer, label) => {
    expect(normaliseSeverity(answer, LABELS)).toBe(label);
  });

  it.each([
    ['P1', 'priority'],
    ['p0', 'priority'],
    ['Priority 2', 'priority'],
    ['S7', 'not a severity level'],
    ['urgent!!', 'not a severity level'],
    ['S1, S2', 'more than one'],
    ['S1 - minor', 'more than one'],
  ])('refuses %j and says why (%s)', (answer, why) => {
    const reading = readSeverity(answer, LABELS);
    expect(reading.label).toBeNull();
    expect(reading.problem).toContain(why);
    expect(reading.problem).toContain('S0-catastrophic, S1-broken, S2-major or S3-minor');
  });

  it('gives null for an empty answer, without a problem', () => {
    expect(readSeverity('  ', LABELS)).toEqual({ label: null });
  });

  it('reads labels without a level by their word only', () => {
    const labels = ['severity/critical', 'severity/high', 'severity/low'];
    expect(normaliseSeverity('High', labels)).toBe('severity/high');
    expect(normaliseSeverity('severity/critical', labels)).toBe('severity/critical');
    expect(normaliseSeverity('1', labels)).toBeNull();
  });

  it('reads other numbered schemes: "sev/2-high" is level 2', () => {
    expect(normaliseSeverity('SEV 2', ['sev/1-critical', 'sev/2-high'])).toBe('sev/2-high');
  });
});
