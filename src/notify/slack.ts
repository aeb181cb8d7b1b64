import { ISSUE_URL_SLOT } from '../kernel/plan.js';
import type { RepoRef } from '../kernel/plan.js';
import { noMention } from '../kernel/markdown.js';

/**
 * Messages for a Slack-compatible incoming webhook: `{"text": ...}` in Slack's mrkdwn. Slack asks
 * for &, < and > to be escaped in text; that also keeps untrusted text (issue titles, logins)
 * from forming links or `<!channel>`-style mentions, and a bare @word is broken up as on GitHub.
 */

export function slackEscape(text: string): string {
  return noMention(
    text
      .replace(/\r?\n|\r/g, ' ')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;'),
  );
}

/**
 * Stands for the URL of an issue the plan may open before the message is sent (the week's report,
 * a month's hand-off log): the executor puts the URL in. Escaped text can never contain it, since
 * slackEscape turns every `<` into `&lt;`.
 */

/** What the kit may post to the chat webhook; escalation.yaml's notifications.webhook.events picks. */
export type WebhookEvent = 'escalation' | 'handoff' | 'leadership' | 'report';

/** A link the kit composed; the label is escaped, the URL is GitHub's own. */
function slackLink(url: string, label: string): string {
  const target = url === ISSUE_URL_SLOT ? url : url.replace(/[<>|]/g, encodeURIComponent);
  return `<${target}|${slackEscape(label).replace(/\|/g, '¦')}>`;
}

export interface SlackIssue {
  number: number;
  title: string;
  url: string;
}

const ref = (repo: RepoRef, issue: SlackIssue) =>
  slackLink(issue.url, `${repo.owner}/${repo.repo}#${issue.number}`);

export function escalationMessage(
  repo: RepoRef,
  issue: SlackIssue,
  step: number,
  who: readonly string[],
  goal: string,
): { text: string } {
  const people = who.length > 0 ? ` Now with ${who.map(slackEscape).join(', ')}.` : '';
  return {
    text: `:rotating_light: ${ref(repo, issue)} escalated (step ${step}): nobody acknowledged it within ${slackEscape(goal)}. *${slackEscape(issue.title)}*${people}`,
  };
}

export function handoffMessage(
  repo: RepoRef,
  issue: SlackIssue,
  from: readonly string[],
  to: string,
  by: string,
): { text: string } {
  const was = from.length > 0 ? ` from ${from.map(slackEscape).join(', ')}` : '';
  return {
    text: `:arrows_counterclockwise: ${ref(repo, issue)} handed off${was} to ${slackEscape(to)} by ${slackEscape(by)}: *${slackEscape(issue.title)}*`,
  };
}

export function leadershipMessage(
  repo: RepoRef,
  issue: SlackIssue,
  minutes: number,
  who: readonly string[],
): { text: string } {
  return {
    text: `:loudspeaker: ${ref(repo, issue)} has been an incident for ${minutes} minutes; looping in ${who.map(slackEscape).join(', ')}. *${slackEscape(issue.title)}*`,
  };
}

/** A rotation's hand-off the on-call job logged, linking to the log entry's issue. */
export function rotationHandoffMessage(
  logUrl: string,
  schedule: string,
  role: string,
  handoff: { at: string; from: string | null; to: string },
  when: string,
): { text: string } {
  const from = handoff.from ? `${slackEscape(handoff.from)} → ` : '';
  return {
    text: `:arrows_counterclockwise: ${slackLink(logUrl, `${schedule} ${role}`)}: ${from}*${slackEscape(handoff.to)}* is on call from ${slackEscape(when)}`,
  };
}

/** For the weekly report: a link to the report issue. */
export function reportMessage(url: string, title: string): { text: string } {
  return { text: `:bar_chart: ${slackLink(url, title)}` };
}

/** The desk's schedule found turned off: what stopped, and what the kit did about it. */
export function scheduleOffMessage(repo: string, text: string): { text: string } {
  return { text: `:warning: ${slackEscape(repo)}: ${slackEscape(text)}` };
}
