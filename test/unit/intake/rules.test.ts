import { describe, expect, it } from 'vitest';
import { checkIssue, looksLikeLogs } from '../../../src/intake/decide/rules.js';
import type { IntakeConfig, IntakeIssue, IssueTemplate } from '../../../src/intake/decide/types.js';
import {
  editorBug,
  escalation,
  escalationConfig,
  featureRequest,
  field,
  intakeConfig,
} from '../fixtures/intake/templates.js';
import { body, escalationWith as withAnswers } from '../fixtures/intake/bodies.js';

const fixture = body;

function issue(body: string, extra: Partial<IntakeIssue> = {}): IntakeIssue {
  return {
    number: 7,
    title: '[Escalation]: overlay network drops after engine restart',
    body,
    author: 'reporter',
    authorAssociation: 'NONE',
    labels: [],
    state: 'open',
    createdAt: '2024-05-01T00:00:00Z',
    updatedAt: '2024-05-01T00:00:00Z',
    ...extra,
  };
}

function escalationWith(section: string, answer: string): string {
  return withAnswers({ [section]: answer });
}

function reasonFor(body: string, fieldLabel: string, config: IntakeConfig = escalationConfig()) {
  const verdict = checkIssue(issue(body), escalation, config);
  return verdict.missing.find((m) => m.field === fieldLabel)?.reason;
}

describe('checkIssue: a complete escalation', () => {
  it('is complete, with the labels its answers bring in field order', () => {
    const verdict = checkIssue(issue(fixture('escalation.md')), escalation, escalationConfig());
    expect(verdict.complete).toBe(true);
    expect(verdict.template).toBe('escalation');
    expect(verdict.missing).toEqual([]);
    expect(verdict.labels).toEqual(['S1-broken', 'type/bug', 'area/engine', 'area/network']);
  });

  it('accepts a hand-written escalation with an attachment link for logs', () => {
    const config = escalationConfig();
    config.templates.escalation!.fields.description = {};
    const body = `${fixture('escalation-handwritten.md')}\n**Area**: DTR\n\n### Before you submit\n- [x] I searched for existing escalations`;
    const verdict = checkIssue(issue(body), escalation, config);
    expect(verdict.missing).toEqual([]);
    expect(verdict.labels).toEqual(['S1-broken', 'type/bug', 'area/dtr']);
  });
});

describe('checkIssue: required fields', () => {
  it('reports a required field whose heading is gone, saying how to add it', () => {
    const body = fixture('escalation.md').replace(
      '### Customer\n\nACME Corp (renewal next month)\n',
      '',
    );
    expect(reasonFor(body, 'Customer')).toBe(
      'The description has no “Customer” section — add a “### Customer” heading, then write your answer below it.',
    );
  });

  it('reports an empty required field ("_No response_")', () => {
    expect(reasonFor(escalationWith('Customer', '_No response_'), 'Customer')).toBe(
      'It is empty — write your answer below it.',
    );
  });

  it('uses the rule hint to say how to fix it', () => {
    expect(reasonFor(escalationWith('Logs', '_No response_'), 'Logs')).toBe(
      'It is empty — attach the UCP support dump or paste the engine logs in a code block.',
    );
  });

  it('does not report an empty optional field', () => {
    expect(reasonFor(escalationWith('Area', 'None'), 'Area')).toBeUndefined();
  });

  it('makes a field required from intake.yaml, by its label as well as its id', () => {
    const config = intakeConfig({
      templates: {
        feature_request: {
          whenLabels: [],
          fields: { 'Describe the solution': { required: true } },
        },
      },
    });
    const body = '## Is your feature request related to a problem?\nyes, exports';
    const verdict = checkIssue(issue(body, { title: 'Faster exports' }), featureRequest, config);
    expect(verdict.missing.map((m) => m.field)).toEqual(['Describe the solution']);
  });

  it('lets intake.yaml relax a field the form requires (required: false)', () => {
    const config = escalationConfig();
    config.templates.escalation!.fields.customer = { required: false };
    expect(
      reasonFor(escalationWith('Customer', '_No response_'), 'Customer', config),
    ).toBeUndefined();
  });

  it('notes rules for fields the template does not have', () => {
    const config = escalationConfig();
    config.templates.escalation!.fields.Region = { required: true };
    const verdict = checkIssue(issue(fixture('escalation.md')), escalation, config);
    expect(verdict.notes).toContain(
      'intake.yaml has rules for the field "Region", which the template "escalation" does not have',
    );
  });
});

describe('checkIssue: answers that say nothing', () => {
  it.each(['N/A', 'n/a ', '  TBD', '.', '...', '???', '👍', '-'])(
    'reports the junk answer %j',
    (junk) => {
      expect(reasonFor(escalationWith('Customer', junk), 'Customer')).toMatch(
        /does not tell the team anything — write your answer below it\.$/,
      );
    },
  );

  it('reports junk wrapped in a code fence (a textarea with render: shell)', () => {
    expect(reasonFor(escalationWith('Description', '```shell\n.\n```'), 'Description')).toMatch(
      /does not tell the team anything/,
    );
  });

  it("reports an answer left as the form's value", () => {
    const body =
      '### Does this issue occur when all extensions are disabled?\nYes\n### Version\n1.86\n### OS version\nmac\n### Steps to Reproduce\n1.\n2.';
    const verdict = checkIssue(issue(body, { title: '[Bug]: crash' }), editorBug, intakeConfig());
    expect(verdict.missing).toEqual([
      {
        field: 'Steps to Reproduce',
        reason: "It still holds the template's example text — write your answer below it.",
      },
    ]);
  });

  it("accepts an answer equal to the form's placeholder: GitHub never submits one, so it was typed", () => {
    const body =
      '### Does this issue occur when all extensions are disabled?\nYes\n### Version\n1.xx.x\n### OS version\nmac\n### Steps to Reproduce\nopen it';
    const verdict = checkIssue(issue(body, { title: '[Bug]: crash' }), editorBug, intakeConfig());
    expect(verdict.missing).toEqual([]);
  });

  it("reports a markdown template's prompt left unchanged", () => {
    const config = intakeConfig({
      templates: {
        feature_request: {
          whenLabels: [],
          fields: { 'describe-the-solution': { required: true } },
        },
      },
    });
    const body = '## Describe the solution\nA clear description of what you want to happen.';
    const verdict = checkIssue(issue(body, { title: 'Faster exports' }), featureRequest, config);
    expect(verdict.missing[0]?.reason).toMatch(/^It still holds the template's example text/);
  });
});

describe('checkIssue: content rules', () => {
  it('reports an answer shorter than min-length, counting characters not bytes', () => {
    expect(reasonFor(escalationWith('Description', 'Network dies 💥'), 'Description')).toBe(
      'It is too short (14 of at least 30 characters) — add more detail.',
    );
  });

  it('applies content rules to an optional field that was answered', () => {
    const config = escalationConfig();
    config.templates.escalation!.fields.environment = {
      pattern: '^(Dev/Test|Production)$',
      patternHint: 'Dev/Test or Production',
    };
    expect(reasonFor(fixture('escalation.md'), 'Environment', config)).toBe(
      'It does not look like Dev/Test or Production — write Dev/Test or Production.',
    );
  });

  it('skips a pattern that does not compile, with a note, instead of throwing', () => {
    const config = escalationConfig();
    config.templates.escalation!.fields.customer = { pattern: '([unclosed' };
    const verdict = checkIssue(issue(fixture('escalation.md')), escalation, config);
    expect(verdict.complete).toBe(true);
    expect(verdict.notes).toContain(
      'the pattern for the field "Customer" is not one the kit can run; it was not checked',
    );
  });

  it('reports logs that are neither a code block, a link to a file, nor several lines', () => {
    expect(reasonFor(escalationWith('Logs', 'see the ticket'), 'Logs')).toBe(
      'It holds no logs — attach the UCP support dump or paste the engine logs in a code block.',
    );
  });

  it.each([
    ['a fenced block', 'here:\n```\nerror: boom\n```'],
    ['a GitHub attachment', 'https://github.com/user-attachments/assets/0b1c-42'],
    ['a link to a file', 'dump at https://files.example.com/dumps/ucp-dump.tar.gz.'],
    ['a gist', 'https://gist.github.com/someone/abc123'],
    ['five lines', 'a\nb\nc\nd\ne'],
  ])('accepts logs given as %s', (_, logs) => {
    expect(looksLikeLogs(logs)).toBe(true);
  });

  it.each([
    ['a link to a page', 'https://example.com/status'],
    ['an empty fence', '```\n```'],
    ['four lines', 'a\nb\nc\nd'],
  ])('refuses logs given as %s', (_, logs) => {
    expect(looksLikeLogs(logs)).toBe(false);
  });

  it('reports a dropdown answer that is not one of the options, listing them', () => {
    expect(reasonFor(escalationWith('Type', 'outage'), 'Type')).toBe(
      '“outage” is not one of the choices — pick one of bug, enhancement, process or question.',
    );
  });

  it('reports several choices in a single-choice dropdown', () => {
    expect(reasonFor(escalationWith('Type', 'bug, question'), 'Type')).toBe(
      'It has 2 choices where one is expected — pick just one of bug, enhancement, process or question.',
    );
  });

  it('reports a required checkbox left unticked', () => {
    const body = fixture('escalation.md').replace('- [x] I searched', '- [ ] I searched');
    expect(reasonFor(body, 'Before you submit')).toBe(
      '“I searched for existing escalations” is not ticked — tick it by changing "- [ ]" to "- [x]" once it is true.',
    );
  });

  it('reports a required checkbox even when the whole section was deleted', () => {
    const body = fixture('escalation.md').split('### Before you submit')[0] ?? '';
    expect(reasonFor(body, 'Before you submit')).toMatch(/is not ticked/);
  });
});

describe('checkIssue: severity', () => {
  it('turns a hand-typed severity into exactly one severity label', () => {
    const verdict = checkIssue(
      issue(escalationWith('Severity', 'sev 2')),
      escalation,
      escalationConfig(),
    );
    expect(verdict.missing).toEqual([]);
    expect(verdict.labels[0]).toBe('S2-major');
  });

  it('reports a severity it cannot read, listing the accepted levels', () => {
    expect(reasonFor(escalationWith('Severity', 'urgent!!'), 'Severity')).toBe(
      '“urgent!!” is not a severity level here; answer one of S0-catastrophic, S1-broken, S2-major or S3-minor.',
    );
  });

  it('says that P1 is a priority, not a severity', () => {
    expect(reasonFor(escalationWith('Severity', 'P1'), 'Severity')).toMatch(
      /^“P1” looks like a priority, not a severity; answer one of S0-catastrophic/,
    );
  });

  it('asks for a missing severity with the accepted levels when no hint is given', () => {
    expect(reasonFor(escalationWith('Severity', 'None'), 'Severity')).toBe(
      'It is empty — answer one of S0-catastrophic, S1-broken, S2-major or S3-minor.',
    );
  });
});

describe('checkIssue: labels from answers', () => {
  it('maps dropdown options, checkboxes and text answers ignoring case, deduplicated', () => {
    const template: IssueTemplate = {
      ...escalation,
      key: 'mini',
      fields: [
        field('kind', 'Kind', 'dropdown', { options: ['Bug', 'Feature'] }),
        field('where', 'Where', 'checkboxes', { options: ['CLI', 'API'] }),
        field('product', 'Product', 'input'),
      ],
    };
    const config = intakeConfig({
      templates: {
        mini: {
          whenLabels: [],
          fields: {
            kind: { labels: { bug: ['type/bug', 'triage'] } },
            where: { labels: { cli: 'area/cli', API: 'area/api' } },
            product: { labels: { 'Desktop App': ['area/desktop', 'TRIAGE'] } },
          },
        },
      },
    });
    const body = '### Kind\nBug\n### Where\n- [x] CLI\n- [X] api\n### Product\ndesktop app';
    const verdict = checkIssue(issue(body, { title: 'Crash on save' }), template, config);
    expect(verdict.labels).toEqual(['type/bug', 'triage', 'area/cli', 'area/api', 'area/desktop']);
  });
});

describe('checkIssue: the title', () => {
  it("reports a title that is only the template's default title", () => {
    const verdict = checkIssue(
      issue(fixture('escalation.md'), { title: '[Escalation]: ' }),
      escalation,
      escalationConfig(),
    );
    expect(verdict.missing).toEqual([
      {
        field: 'title',
        reason:
          "The title is only the template's “[Escalation]:” prefix — add a short summary of the problem after it.",
      },
    ]);
  });

  it('counts min-length after the default title', () => {
    const config = escalationConfig({ title: { minLength: 10 } });
    const verdict = checkIssue(
      issue(fixture('escalation.md'), { title: '[Escalation]: down' }),
      escalation,
      config,
    );
    expect(verdict.missing[0]?.reason).toBe(
      'The title is too short (4 of at least 10 characters) — say in a few words what is wrong.',
    );
  });

  it('checks the title pattern against the whole title', () => {
    const config = escalationConfig({
      title: { pattern: '^\\[Escalation\\]: \\S', patternHint: '"[Escalation]: summary"' },
    });
    const verdict = checkIssue(
      issue(fixture('escalation.md'), { title: 'pushes fail' }),
      escalation,
      config,
    );
    expect(verdict.missing[0]).toEqual({
      field: 'title',
      reason:
        'The title does not look like "[Escalation]: summary" — write it as "[Escalation]: summary".',
    });
  });

  it('judges a title a backtracking engine would hang on: ^(\\w+\\s?)+$ and a closing "!"', () => {
    const config = escalationConfig({ title: { pattern: '^(\\w+\\s?)+$' } });
    const title = 'Exports hang on every large upload since the upgrade to version six!';
    const verdict = checkIssue(issue('whatever', { title }), null, config);
    expect(verdict.missing).toEqual([
      {
        field: 'title',
        reason:
          'The title does not look like what this project expects — edit it to follow the format the template shows.',
      },
    ]);
  });

  it('finds an issue with no template complete, and notes why only the title was checked', () => {
    const verdict = checkIssue(issue('whatever', { title: 'Exports hang' }), null, intakeConfig());
    expect(verdict).toMatchObject({ complete: true, template: null, missing: [], labels: [] });
    expect(verdict.notes).toEqual([
      'no template applies to this issue: only the title rules were checked',
    ]);
  });

  it('still applies the title rules without a template', () => {
    const verdict = checkIssue(issue('whatever', { title: 'test' }), null, intakeConfig());
    expect(verdict.complete).toBe(false);
    expect(verdict.missing.map((m) => m.field)).toEqual(['title']);
  });
});

describe('checkIssue: reasons', () => {
  it('writes every reason as one sentence saying what is wrong and how to fix it', () => {
    const body = '### Severity\nP1\n### Type\noutage\n### Logs\nsee ticket';
    const verdict = checkIssue(
      issue(body, { title: '[Escalation]:' }),
      escalation,
      escalationConfig(),
    );
    expect(verdict.missing.length).toBeGreaterThan(4);
    for (const { reason } of verdict.missing) {
      expect(reason).toMatch(/^[^\n]+\.$/);
      expect(reason).toMatch(/ — |; answer one of/);
    }
  });
});
