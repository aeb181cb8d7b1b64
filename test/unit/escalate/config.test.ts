import { describe, expect, it } from 'vitest';
import { checkFile } from '../../../src/config/load.js';
import { formatProblem } from '../../../src/kernel/problems.js';
import { specNamed } from '../../../src/config/spec.js';
import { CONFIG_FILES } from '../../../src/validate/config-files.js';

const problems = (text: string) =>
  checkFile(specNamed(CONFIG_FILES, 'escalation.yaml')!, 'escalation.yaml', text).problems.map(
    formatProblem,
  );

describe('escalation.yaml checks', () => {
  it('a misspelt field is named at its line and column', () => {
    expect(
      problems('version: 1\nresponse:\n  goals:\n    - minutes: 60\n      calender: business\n'),
    ).toEqual([
      'escalation.yaml:5:7: error: response.goals[0]: unknown field "calender" (expected one of: labels, minutes, calendar); did you mean "calendar"?',
    ]);
  });

  it('a status transition to a label outside the lifecycle is an error at that line', () => {
    expect(
      problems(
        'status:\n  labels: [status/0-triage, status/3-fixed]\n  on:\n    assigned: status/2-in-progress\n',
      ),
    ).toEqual([
      'escalation.yaml:4:15: error: status.on.assigned: "status/2-in-progress" is not one of status.labels',
    ]);
  });

  it('a goal after a catch-all goal is flagged as never used', () => {
    expect(
      problems('response:\n  goals:\n    - minutes: 60\n    - labels: [S1]\n      minutes: 30\n'),
    ).toEqual([
      'escalation.yaml:4:7: error: response.goals[1] is never used: the goal before it has no labels and takes every issue',
    ]);
  });

  it('two follow-ups of one playbook with the same name are an error at the second', () => {
    expect(
      problems(
        'playbooks:\n  sev1:\n    labels: [S1]\n    after-close:\n      - { name: Retrospective, business-days: 1 }\n      - { name: retrospective., business-days: 2 }\n',
      ),
    ).toEqual([
      'escalation.yaml:6:17: error: playbooks.sev1.after-close[1]: "retrospective." is the same follow-up as item 0 (names are compared ignoring case and punctuation)',
    ]);
  });

  it('a follow-up due more than 10 business days after the close is refused', () => {
    expect(
      problems(
        'playbooks:\n  sev1:\n    labels: [S1]\n    after-close:\n      - { name: Retrospective, business-days: 15 }\n',
      ),
    ).toEqual([
      'escalation.yaml:5:47: error: playbooks.sev1.after-close[0].business-days: must be a whole number of business days from 1 to 10 (found 15)',
    ]);
  });

  it('steps must come later and later', () => {
    expect(
      problems('escalation:\n  steps:\n    - after-minutes: 30\n    - after-minutes: 30\n'),
    ).toEqual([
      'escalation.yaml:4:22: error: escalation.steps[1] must come later than the step before it (30 <= 30 minutes)',
    ]);
  });

  it('a secret in the file is refused: the routing key is an input, not a field', () => {
    expect(problems('notifications:\n  pagerduty:\n    routing-key: abc\n')[0]).toMatch(
      /^escalation.yaml:3:5: error: notifications.pagerduty: unknown field "routing-key"/,
    );
  });

  it('a commands value that is neither true, false nor a mapping says what it may be', () => {
    expect(problems('commands: yes-please\n')).toEqual([
      'escalation.yaml:1:11: error: commands: must be true, false or a mapping with enabled, disabled, escalate-to, escalate-labels or duplicate-label (found string "yes-please")',
    ]);
  });

  it('a wrong value inside the commands mapping is named alone, not as "must be a boolean"', () => {
    expect(problems('commands: {enabled: 3}\n')).toEqual([
      'escalation.yaml:1:21: error: commands.enabled: must be a boolean (found number 3)',
    ]);
  });
});
