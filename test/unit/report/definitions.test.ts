import { describe, expect, it } from 'vitest';
import {
  arrivalOf,
  closingAt,
  firstResponseOf,
  isOpenAt,
  teamOf,
} from '../../../src/report/decide/definitions.js';
import { computeMetrics } from '../../../src/report/decide/metrics.js';
import {
  assigned,
  bot,
  closed,
  comment,
  input,
  issue,
  labeled,
  person,
  reopened,
  transferred,
  W47,
} from '../fixtures/report/issues.js';

const team = teamOf(['amy', 'luc']);
const at = (iso: string) => Date.parse(iso);

describe('first response', () => {
  it('an issue with no comments has no first response', () => {
    expect(firstResponseOf(issue('2026-11-16T09:00:00Z'), team)).toBeNull();
  });

  it("the author's own comments and a bot's comments and labels are not a response", () => {
    const i = issue('2026-11-16T09:00:00Z', [
      comment('2026-11-16T09:05:00Z', person('customer'), 'NONE'),
      labeled('2026-11-16T09:06:00Z', bot(), 'S1-broken'),
      comment('2026-11-16T09:07:00Z', bot('support-kit')),
      assigned('2026-11-16T09:08:00Z', bot()),
    ]);
    expect(firstResponseOf(i, team)).toBeNull();
  });

  it('a team member labelling the issue is its first response, before any comment', () => {
    const i = issue('2026-11-16T09:00:00Z', [
      labeled('2026-11-16T09:20:00Z', person('luc'), 'status/1-acknowledged'),
      comment('2026-11-16T10:00:00Z', person('amy')),
    ]);
    expect(firstResponseOf(i, team)).toEqual({
      at: at('2026-11-16T09:20:00Z'),
      by: 'luc',
      kind: 'labeled',
    });
  });

  it('with a team known, a stranger who comments is not the team answering', () => {
    const i = issue('2026-11-16T09:00:00Z', [
      comment('2026-11-16T09:10:00Z', person('another-customer'), 'COLLABORATOR'),
    ]);
    expect(firstResponseOf(i, team)).toBeNull();
  });

  it('with no team configured, a collaborator comments in answer but a passer-by does not', () => {
    const i = issue('2026-11-16T09:00:00Z', [
      comment('2026-11-16T09:10:00Z', person('passer-by'), 'NONE'),
      comment('2026-11-16T09:30:00Z', person('maintainer'), 'MEMBER'),
    ]);
    expect(firstResponseOf(i, teamOf([]))?.by).toBe('maintainer');
  });

  it('a transferred issue is answered only by what the team did after it arrived', () => {
    const i = issue('2026-11-10T09:00:00Z', [
      comment('2026-11-10T10:00:00Z', person('amy')),
      transferred('2026-11-17T08:00:00Z'),
      comment('2026-11-17T08:45:00Z', person('luc')),
    ]);
    expect(arrivalOf(i)).toBe(at('2026-11-17T08:00:00Z'));
    expect(firstResponseOf(i, team)?.at).toBe(at('2026-11-17T08:45:00Z'));
  });
});

describe('state at an instant', () => {
  it('an issue reopened after the week ended was closed at its end', () => {
    const i = issue('2026-11-16T09:00:00Z', [
      closed('2026-11-18T09:00:00Z'),
      reopened('2026-11-23T02:00:00Z'),
    ]);
    expect(isOpenAt(i, W47.end - 1)).toBe(false);
    expect(closingAt(i, W47.end - 1)?.at).toBe(at('2026-11-18T09:00:00Z'));
  });

  it('an issue closed and reopened inside the week is open at its end', () => {
    const i = issue('2026-11-16T09:00:00Z', [
      closed('2026-11-17T09:00:00Z'),
      reopened('2026-11-18T09:00:00Z'),
    ]);
    expect(isOpenAt(i, W47.end - 1)).toBe(true);
  });

  it('a closed issue whose timeline shows no closing is closed from its closedAt', () => {
    const i = {
      ...issue('2026-11-01T09:00:00Z'),
      state: 'closed' as const,
      closedAt: '2026-11-19T09:00:00Z',
    };
    expect(isOpenAt(i, at('2026-11-19T08:00:00Z'))).toBe(true);
    expect(isOpenAt(i, at('2026-11-19T10:00:00Z'))).toBe(false);
  });
});

describe('how the week counts each kind of issue', () => {
  it('an older issue closed this week counts as closed this week and its resolution time runs from its opening', () => {
    const m = computeMetrics(
      input([issue('2026-11-09T09:00:00Z', [closed('2026-11-17T09:00:00Z')])]),
    );
    expect(m.opened).toBe(0);
    expect(m.closed).toEqual({ total: 1, completed: 1, notPlanned: 0 });
    expect(m.resolution.elapsed.median).toBe(8 * 86_400_000);
  });

  it('closed as not planned counts as closed but is not a resolution', () => {
    const m = computeMetrics(
      input([
        issue('2026-11-16T09:00:00Z', [closed('2026-11-16T10:00:00Z', 'not_planned')]),
        issue('2026-11-16T09:00:00Z', [closed('2026-11-16T11:00:00Z', 'duplicate')]),
      ]),
    );
    expect(m.closed).toEqual({ total: 2, completed: 0, notPlanned: 2 });
    expect(m.resolution.elapsed.count).toBe(0);
    expect(m.resolution.notPlanned).toBe(2);
  });

  it('an issue closed before the week and reopened in it is reopened, open at the end and in the backlog', () => {
    const m = computeMetrics(
      input([
        issue('2026-11-02T09:00:00Z', [
          closed('2026-11-05T09:00:00Z'),
          reopened('2026-11-18T09:00:00Z'),
        ]),
      ]),
    );
    expect(m.reopened).toBe(1);
    expect(m.closed.total).toBe(0);
    expect(m.backlog).toEqual({ start: 0, end: 1 });
  });

  it('an issue transferred in this week counts as opened this week, with its origin counted', () => {
    const m = computeMetrics(
      input([issue('2026-10-01T09:00:00Z', [transferred('2026-11-19T09:00:00Z')])]),
    );
    expect(m.opened).toBe(1);
    expect(m.transferredIn).toBe(1);
    expect(m.backlog).toEqual({ start: 0, end: 1 });
  });

  it('an issue transferred in after the week is not part of it', () => {
    const m = computeMetrics(
      input([issue('2026-10-01T09:00:00Z', [transferred('2026-11-23T03:00:00Z')])]),
    );
    expect(m.opened + m.backlog.end + m.backlog.start).toBe(0);
  });
});
