import { afterEach, describe, expect, it, vi } from 'vitest';
import { readClock } from '../../../src/host/clock.js';

afterEach(() => vi.unstubAllEnvs());

describe('readClock (SUPPORT_KIT_NOW)', () => {
  it('reads the system clock when SUPPORT_KIT_NOW is unset', () => {
    vi.stubEnv('SUPPORT_KIT_NOW', '');
    const before = Date.now();

    const now = readClock();

    expect(now).toBeInstanceOf(Date);
    expect((now as Date).getTime()).toBeGreaterThanOrEqual(before);
    expect((now as Date).getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('is fixed by an ISO instant', () => {
    vi.stubEnv('SUPPORT_KIT_NOW', '2026-11-23T06:20:00Z');

    expect(readClock()).toEqual(new Date('2026-11-23T06:20:00.000Z'));
  });

  it('honours the offset of an instant written in local time', () => {
    vi.stubEnv('SUPPORT_KIT_NOW', '2026-11-23T07:20:00+01:00');

    expect(readClock()).toEqual(new Date('2026-11-23T06:20:00.000Z'));
  });

  it('says why a value that is no date-time is refused', () => {
    vi.stubEnv('SUPPORT_KIT_NOW', 'next tuesday');

    expect(readClock()).toEqual({
      invalid: 'SUPPORT_KIT_NOW must be an ISO date-time, not "next tuesday"',
    });
  });

  it.each([
    ['a date-time without an offset, a different instant in every zone', '2026-11-23T06:20'],
    ['a date and time with a space', '2026-11-23 06:20:00'],
    ['a number', '1'],
    ['a date in words', 'Nov 23 2026'],
  ])('refuses %s, which JavaScript would read anyway', (_what, value) => {
    vi.stubEnv('SUPPORT_KIT_NOW', value);

    expect(readClock()).toEqual({
      invalid: `SUPPORT_KIT_NOW must be an ISO date-time, not "${value}"`,
    });
  });
});
