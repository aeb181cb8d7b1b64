import { describe, expect, it } from 'vitest';
import {
  dedupKey,
  pagerDutyResolve,
  pagerDutyTrigger,
  severityOf,
} from '../../../src/notify/pagerduty.js';
import { pendingMarker, readPending } from '../../../src/kernel/pending-notifications.js';
import { escalationMessage, reportMessage, slackEscape } from '../../../src/notify/slack.js';
import { pagerDutyProblems, slackProblems } from '../../../dev/harness/receivers.js';

const repo = { owner: 'acme', repo: 'desk' };
const issue = {
  number: 7,
  title: 'Down <!here> & @channel',
  url: 'https://github.com/acme/desk/issues/7',
  labels: ['S0-catastrophic'],
  assignees: ['amy'],
};

describe('notification payloads', () => {
  it('a PagerDuty trigger follows Events API v2, keyed owner/repo#number, once the sender adds the routing key', () => {
    const event = pagerDutyTrigger(repo, issue, {
      summary: 'acme/desk#7: down',
      severity: 'critical',
      timestamp: '2026-07-07T16:00:00Z',
    });
    expect(event).toMatchObject({
      event_action: 'trigger',
      dedup_key: 'acme/desk#7',
      payload: { source: 'acme/desk', severity: 'critical' },
    });
    expect(pagerDutyProblems({ routing_key: 'R'.repeat(32), ...event })).toEqual([]);
  });

  it('a resolve needs only the dedup key', () => {
    expect(pagerDutyResolve(repo, 7)).toEqual({
      event_action: 'resolve',
      dedup_key: 'acme/desk#7',
    });
    expect(
      pagerDutyProblems({ routing_key: 'R'.repeat(32), ...pagerDutyResolve(repo, 7) }),
    ).toEqual([]);
  });

  it('the most severe label sets the alert severity: S0 critical, S1 error, S2 warning, else info', () => {
    const severities = ['S0-catastrophic', 'S1-broken', 'S2-major', 'S3-minor'];
    expect(
      ['S0-catastrophic', 'S1-broken', 'S2-major', 'S3-minor'].map((l) =>
        severityOf([l], severities),
      ),
    ).toEqual(['critical', 'error', 'warning', 'info']);
  });

  it('a summary longer than PagerDuty takes is cut to 1024 characters', () => {
    const event = pagerDutyTrigger(repo, issue, {
      summary: 'x'.repeat(2000),
      severity: 'info',
      timestamp: '2026-07-07T16:00:00Z',
    });
    expect((event.payload as { summary: string }).summary).toHaveLength(1024);
    expect(dedupKey({ owner: 'o', repo: 'r'.repeat(300) }, 1)).toHaveLength(255);
  });

  it('untrusted text in a webhook message cannot mention a channel or form a link', () => {
    const message = escalationMessage(repo, issue, 1, ['ivy'], '60 business minutes');
    expect(slackProblems(message)).toEqual([]);
    expect(message.text).toContain('Down &lt;!here&gt; &amp; @\u2060channel');
    expect(slackEscape('<https://evil|click>')).toBe('&lt;https://evil|click&gt;');
  });

  it('the weekly report link is one line with a link', () => {
    expect(
      reportMessage('https://github.com/acme/desk/issues/40', 'Support report 2026-W28'),
    ).toEqual({
      text: ':bar_chart: <https://github.com/acme/desk/issues/40|Support report 2026-W28>',
    });
  });

  it('a failed notification written into a comment is read back exactly, secret-free', () => {
    const op = {
      kind: 'notify' as const,
      channel: 'pagerduty' as const,
      issue: 7,
      key: 'pd-trigger',
      payload: pagerDutyResolve(repo, 7),
      reason: 'r',
    };
    expect(readPending(`text\n${pendingMarker(op)}`)).toEqual([
      {
        key: 'pd-trigger',
        channel: 'pagerduty',
        payload: { event_action: 'resolve', dedup_key: 'acme/desk#7' },
      },
    ]);
  });
});
