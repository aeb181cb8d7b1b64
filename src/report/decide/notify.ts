import type { Notify } from '../../kernel/plan.js';
import { REPORT_MARKER_KIND } from '../../kernel/kit-records.js';
import type { PreviousReport } from './types.js';
import { ISSUE_URL_SLOT } from '../../kernel/plan.js';
import { reportMessage } from '../../notify/slack.js';

/**
 * The week's report link, posted by the run that opens the report: a later run of the same week
 * finds the report and updates it without posting again.
 */
export function reportNotification(
  weekId: string,
  title: string,
  label: string,
  previousReports: readonly PreviousReport[],
): Notify | undefined {
  if (previousReports.some((r) => r.week === weekId)) return undefined;
  return {
    kind: 'notify',
    channel: 'webhook',
    issue: { marker: { kind: REPORT_MARKER_KIND, keys: { week: weekId } }, labels: [label] },
    key: `report:${weekId}`,
    payload: reportMessage(ISSUE_URL_SLOT, title),
    reason: `post the link to the ${weekId} report to the webhook`,
  };
}
