import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  type DeskFacts,
  escalateCondition,
  issuesCondition,
  TEMPLATE_FACTS,
} from '../../../src/callers/decide/conditions.js';
import { type DeskEvent, passes } from '../../../src/callers/decide/cost.js';

/** A desk whose answers move a status (status/1-acknowledged) and whose closes do too. */
const facts: DeskFacts = {
  incompleteLabel: 'status/0-more-info-needed',
  acknowledgedLabels: ['status/1-acknowledged'],
  answersMatter: true,
  closingMatters: true,
};
const customer = { login: 'customer', type: 'User' };
const dan = { login: 'dan', type: 'User' };
const renovate = { login: 'renovate[bot]', type: 'Bot' };

function comment(by: object, body = 'Looking.', labels: string[] = [], pr = false): DeskEvent {
  const issue = {
    user: customer,
    labels: labels.map((name) => ({ name })),
    ...(pr ? { pull_request: { url: 'x' } } : {}),
  };
  return {
    name: 'issue_comment',
    action: 'created',
    payload: { action: 'created', issue, comment: { user: by, body }, sender: by },
    needed: false,
  };
}
function issueEvent(action: string, by: object, labels: string[] = []): DeskEvent {
  const issue = { user: customer, labels: labels.map((name) => ({ name })) };
  return { name: 'issues', action, payload: { action, issue, sender: by }, needed: false };
}
const escalate = (event: DeskEvent, f = facts) => passes(escalateCondition(f), event);
const issues = (event: DeskEvent) => passes(issuesCondition(facts), event);

describe('the job conditions of the callers', () => {
  it("the team's first answer starts a job; once the issue is acknowledged, their next one does not", () => {
    expect(escalate(comment(dan))).toBe(true);
    expect(escalate(comment(dan, 'More later.', ['status/1-acknowledged']))).toBe(false);
  });

  it("the reporter's comment, a bot's and any on a pull request start nothing, unless it is a command", () => {
    expect(escalate(comment(customer))).toBe(false);
    expect(escalate(comment(renovate, '/ack'))).toBe(false);
    expect(escalate(comment(dan, 'Looking.', [], true))).toBe(false);
    expect(escalate(comment(customer, '/status in-progress'))).toBe(true);
  });

  it('on a desk where an answer moves nothing, only commands start a job', () => {
    const quiet = { ...facts, answersMatter: false };
    expect(escalate(comment(dan), quiet)).toBe(false);
    expect(escalate(comment(dan, '/ack'), quiet)).toBe(true);
  });

  it("a close starts a job only when closing changes something; a bot's label change never", () => {
    expect(escalate(issueEvent('closed', dan))).toBe(true);
    expect(escalate(issueEvent('closed', dan), { ...facts, closingMatters: false })).toBe(false);
    expect(escalate(issueEvent('unlabeled', renovate))).toBe(false);
    expect(escalate(issueEvent('assigned', dan))).toBe(true);
  });

  it('an edit starts intake only while it waits on the reporter; a new issue always, a bot label never', () => {
    expect(issues(issueEvent('edited', customer, ['status/0-more-info-needed']))).toBe(true);
    expect(issues(issueEvent('edited', customer, ['status/0-triage']))).toBe(false);
    expect(issues(issueEvent('opened', renovate))).toBe(true);
    expect(issues(issueEvent('labeled', renovate))).toBe(false);
    expect(issues(issueEvent('labeled', dan))).toBe(true);
  });

  it.each([
    ['issues.yml', issuesCondition(TEMPLATE_FACTS)],
    ['escalate.yml', escalateCondition(TEMPLATE_FACTS)],
  ])('workflows/%s carries the condition for a team that copies it by hand', (name, condition) => {
    const caller = parse(
      readFileSync(join(import.meta.dirname, '../../../workflows', name), 'utf8'),
    ) as { jobs: Record<string, { if: string }> };
    expect(Object.values(caller.jobs)[0]?.if).toBe(`\${{ ${condition} }}`);
  });
});
