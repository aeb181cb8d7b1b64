import { describe, expect, it } from 'vitest';
import { reportNotification } from '../../../src/report/decide/notify.js';
import type { PreviousReport } from '../../../src/report/decide/types.js';

const week = '2026-W49';
const report = (patch: Partial<PreviousReport> = {}): PreviousReport => ({
  number: 12,
  week,
  state: 'open',
  url: 'https://github.com/acme/desk/issues/12',
  ...patch,
});
const link = (previous: PreviousReport[]) =>
  reportNotification(week, 'Support report 2026-W49', 'support-kit/report', previous);

describe('the weekly report link', () => {
  it('is posted by the run that opens the report, recording a failure in the report', () => {
    expect(link([])).toMatchObject({ key: 'report:2026-W49', recordOnIssue: { pending: false } });
  });

  it('is not posted again by a later run of the same week', () => {
    expect(link([report()])).toBeUndefined();
  });

  it('is posted again when the report records that its post failed', () => {
    expect(link([report({ linkPending: true })])).toMatchObject({
      recordOnIssue: { pending: true },
    });
  });
});
