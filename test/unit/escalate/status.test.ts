import { describe, expect, it } from 'vitest';
import { escalationFrom, type StatusConfig } from '../../../src/escalate/config/escalation.js';
import {
  keepOne,
  statusFor,
  statusNamed,
  withStatus,
} from '../../../src/escalate/decide/status.js';

/** Seed 001's status labels, in lifecycle order. */
const status = escalationFrom({
  status: {
    labels: [
      'status/0-triage',
      'status/0-more-info-needed',
      'status/0-wont-fix',
      'status/1-acknowledged',
      'status/2-in-progress',
      'status/3-fixed',
      'status/4-fix-released-beta',
      'status/4-fix-released-stable',
    ],
    on: {
      opened: 'status/0-triage',
      assigned: 'status/2-in-progress',
      'closed-completed': 'status/3-fixed',
      'closed-not-planned': 'status/0-wont-fix',
      reopened: 'status/0-triage',
    },
  },
}).status as StatusConfig;

describe('the status lifecycle', () => {
  it('a new issue without a status starts in triage', () => {
    expect(statusFor('opened', undefined, status)).toBe('status/0-triage');
  });

  it('an assignment moves an issue to in progress', () => {
    expect(statusFor('assigned', 'status/1-acknowledged', status)).toBe('status/2-in-progress');
  });

  it('an assignment never drags a fixed issue back to in progress', () => {
    expect(statusFor('assigned', 'status/3-fixed', status)).toBeUndefined();
  });

  it('closing as completed means fixed, as not planned means won’t fix, whatever came before', () => {
    expect(statusFor('closed-completed', 'status/4-fix-released-beta', status)).toBe(
      'status/3-fixed',
    );
    expect(statusFor('closed-not-planned', 'status/2-in-progress', status)).toBe(
      'status/0-wont-fix',
    );
  });

  it('exactly one status label remains, with the other labels untouched', () => {
    expect(
      withStatus(['bug', 'status/0-triage', 'status/2-in-progress'], 'status/3-fixed', status),
    ).toEqual(['bug', 'status/3-fixed']);
  });

  it('of two status labels, the one a person just added is kept', () => {
    expect(
      keepOne(
        ['status/2-in-progress', 'status/0-more-info-needed'],
        status,
        'status/0-more-info-needed',
      ),
    ).toBe('status/0-more-info-needed');
  });

  it('/status takes a short name, the numbered name or the whole label', () => {
    expect(
      ['fixed', '3-fixed', 'status/3-fixed', 'In Progress', "won't fix"].map((t) =>
        statusNamed(t, status),
      ),
    ).toEqual([
      'status/3-fixed',
      'status/3-fixed',
      'status/3-fixed',
      'status/2-in-progress',
      'status/0-wont-fix',
    ]);
  });

  it('/status refuses a name that matches several statuses or none', () => {
    expect(statusNamed('fix-released', status)).toBeUndefined();
    expect(statusNamed('done', status)).toBeUndefined();
  });
});
