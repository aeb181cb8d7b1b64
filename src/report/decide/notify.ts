import type { Notify } from '../../kernel/plan.js';
import { REPORT_MARKER_KIND } from '../../kernel/kit-records.js';
import type { PreviousReport } from './types.js';
import { ISSUE_URL_SLOT } from '../../kernel/plan.js';
import { reportMessage } from '../../notify/slack.js';

/**
 * The week's report link, posted by the run that opens the report: a later run of the same week
 * finds the report and updates it without posting again, unless the report records that the
 * post failed (`pending`).
 */
export function reportNotification(
  weekId: string,
  title: string,
  label: string,
  previousReports: readonly PreviousReport[],
): Notify | undefined {
  const previous = previousReports.find((r) => r.week === weekId);
  if (previous && !previous.linkPending) return undefined;
  return {
    recordOnIssue: { pending: previous?.linkPending === true },
    kind: 'notify',
    channel: 'webhook',
    issue: { marker: { kind: REPORT_MARKER_KIND, keys: { week: weekId } }, labels: [label] },
    key: reportLinkKey(weekId),
    payload: reportMessage(ISSUE_URL_SLOT, title),
    reason: `post the link to the ${weekId} report to the webhook`,
  };
}

export function reportLinkKey(weekId: string): string {
  return `report:${weekId}`;
}
