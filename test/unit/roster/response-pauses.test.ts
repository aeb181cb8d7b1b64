import { describe, expect, it } from 'vitest';
import { escalationFrom } from '../../../src/escalate/config/escalation.js';
import {
  countedMs,
  pausedAt,
  pausesOf,
  responseClock,
  type WaitingHistory,
} from '../../../src/roster/response-clock.js';

/** Wall-clock time (no roster), one hour to answer, paused while the reporter is asked. */
const model = escalationFrom({
  response: { goals: [{ minutes: 60 }], 'pause-while': ['status/0-more-info-needed'] },
});
const WAIT = 'status/0-more-info-needed';
const at = (hhmm: string) => `2026-11-23T${hhmm}:00Z`;
const added = (label: string, hhmm: string) => ({ label, at: at(hhmm), added: true });
const removed = (label: string, hhmm: string) => ({ label, at: at(hhmm), added: false });
const history = (
  labels: WaitingHistory['labels'],
  reporterComments: string[] = [],
): WaitingHistory => ({ labels, reporterComments: reporterComments.map(at) });
const clockOf = (h: WaitingHistory) => responseClock(model, undefined, [], at('10:00'), h);

describe('the response clock stands still while the issue waits on its reporter', () => {
  it('a wait from 10:20 to 11:20 moves the goal from 11:00 to 12:00', () => {
    const clock = clockOf(history([added(WAIT, '10:20'), removed(WAIT, '11:20')]));
    expect(clock?.dueAt).toBe(Date.parse(at('12:00')));
  });

  it('while the label is on and the reporter has not answered, the goal is not due at all', () => {
    const clock = clockOf(history([added(WAIT, '10:20')]));
    expect(clock?.dueAt).toBeUndefined();
    expect(pausedAt(clock!, Date.parse(at('15:00')))?.from).toBe(Date.parse(at('10:20')));
  });

  it("the reporter's answer resumes the clock even when nobody takes the label off", () => {
    const clock = clockOf(history([added(WAIT, '10:20')], ['10:50']));
    expect(clock?.dueAt).toBe(Date.parse(at('11:30')));
  });

  it('a comment the reporter wrote before being asked does not end the wait', () => {
    const clock = clockOf(history([added(WAIT, '10:20')], ['10:05']));
    expect(clock?.dueAt).toBeUndefined();
  });

  it('a wait after the goal fell due does not move it: late is late', () => {
    const clock = clockOf(history([added(WAIT, '11:30'), removed(WAIT, '12:30')]));
    expect(clock?.dueAt).toBe(Date.parse(at('11:00')));
  });

  it('labels that do not pause are ignored, and a label the issue was opened with pauses from the start', () => {
    expect(pausesOf(model, history([added('bug', '10:00')]))).toEqual([]);
    const clock = clockOf(history([added(WAIT, '10:00'), removed(WAIT, '10:45')]));
    expect(clock?.dueAt).toBe(Date.parse(at('11:45')));
  });

  it('counted time leaves out the wait: 10:00 to 12:00 with a 40-minute wait is 80 minutes', () => {
    const clock = clockOf(history([added(WAIT, '10:30'), removed(WAIT, '11:10')]))!;
    expect(countedMs(clock, Date.parse(at('10:00')), Date.parse(at('12:00')))).toBe(80 * 60_000);
  });

  it('without pause-while, no label pauses the clock', () => {
    const plain = escalationFrom({ response: { goals: [{ minutes: 60 }] } });
    const clock = responseClock(plain, undefined, [], at('10:00'), history([added(WAIT, '10:20')]));
    expect(clock?.dueAt).toBe(Date.parse(at('11:00')));
  });
});

describe('the response clock stands still while the issue waits on engineering', () => {
  const FIX = 'support-kit/awaiting-fix';

  it("the reporter's comments do not end the wait: engineering has the issue", () => {
    const clock = clockOf(history([added(FIX, '10:20')], ['10:50']));
    expect(clock?.dueAt).toBeUndefined();
  });

  it('the clock runs again once the label comes off (the fix was not planned)', () => {
    const clock = clockOf(history([added(FIX, '10:20'), removed(FIX, '11:20')]));
    expect(clock?.dueAt).toBe(Date.parse(at('12:00')));
  });

  it('a wait on the reporter inside the wait on engineering stops the clock once, not twice', () => {
    const clock = clockOf(
      history([
        added(FIX, '10:20'),
        added(WAIT, '10:30'),
        removed(WAIT, '10:40'),
        removed(FIX, '11:20'),
      ]),
    );
    expect(clock?.pauses).toHaveLength(1);
    expect(clock?.dueAt).toBe(Date.parse(at('12:00')));
  });
});
