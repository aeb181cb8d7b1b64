import { describe, expect, it } from 'vitest';
import {
  askedForInformation,
  commentKind,
  renderIntakeComment,
} from '../../../src/intake/decide/comment.js';
import type { DuplicateHint, MissingField } from '../../../src/intake/decide/types.js';

const logs: MissingField = {
  field: 'Logs',
  reason:
    'It holds no logs — attach the UCP support dump or paste the engine logs in a code block.',
};

const many: MissingField[] = [
  {
    field: 'title',
    reason:
      "The title is only the template's “[Escalation]:” prefix — add a short summary of the problem after it.",
  },
  {
    field: 'Severity',
    reason:
      '“P1” looks like a priority, not a severity; answer one of S0-catastrophic, S1-broken, S2-major or S3-minor.',
  },
  logs,
];

const hints: DuplicateHint[] = [
  {
    number: 12,
    title: 'Overlay network drops after `engine` restart @ops-team',
    url: 'https://github.com/acme/desk/issues/12',
    similarity: 0.873,
  },
  {
    number: 9,
    title: 'Network <b>drops</b> | see #4',
    url: 'https://github.com/acme/desk/issues/9',
    similarity: 0.5,
  },
];

describe('renderIntakeComment', () => {
  it('asks for one missing field in the singular', async () => {
    const body = renderIntakeComment({ kind: 'missing', missing: [logs], template: 'Escalation' });
    expect(body).toContain('One thing is missing');
    expect(body).toContain('add it; this comment updates itself when you do');
    await expect(body).toMatchFileSnapshot('../golden/intake-missing-one.md');
  });

  it('lists several missing fields, with possible duplicates on a new issue', async () => {
    const body = renderIntakeComment({
      kind: 'missing',
      missing: many,
      template: 'Escalation',
      duplicates: hints,
    });
    expect(body).toContain('A few things (3) are missing');
    expect(body).toContain('add them;');
    await expect(body).toMatchFileSnapshot('../golden/intake-missing-many.md');
  });

  it('reads differently when most of the template is missing', () => {
    const five = Array.from({ length: 5 }, (_, i) => ({
      field: `F${i}`,
      reason: 'It is empty — write it.',
    }));
    expect(renderIntakeComment({ kind: 'missing', missing: five })).toContain(
      'Quite a lot is missing (5 things)',
    );
  });

  it('thanks the reporter once everything is there', async () => {
    const body = renderIntakeComment({ kind: 'thanks' });
    expect(body).toContain('everything the team needs is here'.replace('everything', 'Everything'));
    await expect(body).toMatchFileSnapshot('../golden/intake-thanks.md');
  });

  it('points at possible duplicates of a complete issue, with escaped titles and percentages', async () => {
    const body = renderIntakeComment({ kind: 'duplicates', duplicates: hints });
    expect(body).toContain(
      '- #12 Overlay network drops after \\`engine\\` restart @\u2060ops-team (87%)',
    );
    expect(body).toContain('- #9 Network \\<b\\>drops\\</b\\> \\| see #\u20604 (50%)');
    await expect(body).toMatchFileSnapshot('../golden/intake-duplicates.md');
  });

  it('says why the sweep closed the issue and how to reopen it', async () => {
    const body = renderIntakeComment({ kind: 'closed', days: 14, missing: [logs] });
    expect(body).toContain('still missing after 14 days');
    expect(body).toContain('Edit the description to add it and the issue reopens.');
    await expect(body).toMatchFileSnapshot('../golden/intake-closed.md');
  });

  it('never @-mentions anyone, even when a field label or reason holds a login', () => {
    const body = renderIntakeComment({
      kind: 'missing',
      missing: [{ field: '@admins', reason: 'Ask @octocat — now.' }],
      template: '@org/team',
    });
    expect(body).not.toMatch(/@[A-Za-z0-9]/);
  });
});

describe('commentKind', () => {
  it('reads back what an earlier comment said, with or without the marker line', () => {
    const missing = renderIntakeComment({ kind: 'missing', missing: [logs] });
    expect(commentKind(missing)).toBe('missing');
    expect(commentKind(`<!-- support-kit:intake -->\n${missing}`)).toBe('missing');
    expect(commentKind(renderIntakeComment({ kind: 'thanks' }))).toBe('thanks');
    expect(commentKind('a comment from somewhere else')).toBeNull();
    expect(commentKind(null)).toBeNull();
  });

  it('counts the missing list and the closing note as asking for something, not the others', () => {
    expect(
      askedForInformation(renderIntakeComment({ kind: 'closed', days: 3, missing: [logs] })),
    ).toBe(true);
    expect(
      askedForInformation(renderIntakeComment({ kind: 'duplicates', duplicates: hints })),
    ).toBe(false);
  });
});
