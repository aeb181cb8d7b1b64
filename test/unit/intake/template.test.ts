import { describe, expect, it } from 'vitest';
import { chooseTemplate } from '../../../src/intake/decide/template.js';
import type { IntakeIssue, IssueTemplate } from '../../../src/intake/decide/types.js';
import {
  editorBug,
  escalation,
  field,
  intakeConfig,
  kubeBug,
} from '../fixtures/intake/templates.js';

function issue(body: string, extra: Partial<IntakeIssue> = {}): IntakeIssue {
  return {
    number: 7,
    title: 'Something broke',
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

const templates = [kubeBug, editorBug, escalation];

describe('chooseTemplate', () => {
  it('picks the template whose labels the issue carries, before looking at the body', () => {
    const chosen = chooseTemplate(
      issue('### Version\n1.2\n### OS version\nmac', { labels: ['escalation'] }),
      templates,
      intakeConfig(),
    );
    expect(chosen?.key).toBe('escalation');
  });

  it("uses intake.yaml's when-labels instead of the template's own labels when given", () => {
    const config = intakeConfig({
      templates: { escalation: { whenLabels: ['customer'], fields: {} } },
    });
    expect(chooseTemplate(issue('', { labels: ['escalation'] }), templates, config)).toBeNull();
    expect(chooseTemplate(issue('', { labels: ['Customer'] }), templates, config)?.key).toBe(
      'escalation',
    );
  });

  it('breaks a tie between templates with the same label by the headings in the body', () => {
    const a: IssueTemplate = { ...kubeBug, key: 'a', labels: ['bug'] };
    const b: IssueTemplate = { ...editorBug, key: 'b', labels: ['bug'] };
    const body = '### Version\n1.2\n### OS version\nmac';
    expect(chooseTemplate(issue(body, { labels: ['bug'] }), [a, b], intakeConfig())?.key).toBe('b');
  });

  it("picks the template whose default title starts the issue's title", () => {
    const chosen = chooseTemplate(
      issue('', { title: '[Escalation]: pushes fail' }),
      templates,
      intakeConfig(),
    );
    expect(chosen?.key).toBe('escalation');
  });

  it('picks the template with the most field headings in the body', () => {
    const body = '### Customer\nACME\n### Severity\nS1\n### Version\n1.2';
    expect(chooseTemplate(issue(body), templates, intakeConfig())?.key).toBe('escalation');
  });

  it('gives a tie in headings to the first template', () => {
    const shared = [field('a', 'Alpha'), field('b', 'Beta')];
    const first: IssueTemplate = { ...kubeBug, key: 'first', labels: [], fields: shared };
    const second: IssueTemplate = { ...kubeBug, key: 'second', labels: [], fields: shared };
    const body = '## Alpha\nx\n## Beta\ny';
    expect(chooseTemplate(issue(body), [first, second], intakeConfig())?.key).toBe('first');
  });

  it('needs two matching headings (or half the fields, if fewer) to avoid false matches', () => {
    expect(chooseTemplate(issue('### Customer\nACME'), templates, intakeConfig())).toBeNull();
    const tiny: IssueTemplate = {
      ...kubeBug,
      key: 'tiny',
      labels: [],
      fields: [field('q', 'Question')],
    };
    expect(
      chooseTemplate(issue('## Question\nwhy?'), [tiny, escalation], intakeConfig())?.key,
    ).toBe('tiny');
  });

  it('judges a body with no headings at all by the only template', () => {
    expect(chooseTemplate(issue('it doesnt work'), [escalation], intakeConfig())?.key).toBe(
      'escalation',
    );
    expect(chooseTemplate(issue(''), [escalation], intakeConfig())?.key).toBe('escalation');
  });

  it('does not judge a body with its own unrelated headings by the only template', () => {
    expect(chooseTemplate(issue('## My notes\nstuff'), [escalation], intakeConfig())).toBeNull();
  });

  it('chooses none for a headingless body when there are several templates', () => {
    expect(chooseTemplate(issue('it doesnt work'), templates, intakeConfig())).toBeNull();
  });

  it('chooses none when the repository has no templates', () => {
    expect(chooseTemplate(issue('### Customer\nx'), [], intakeConfig())).toBeNull();
  });

  it('does not count headings inside code fences', () => {
    const body = '```\n### Customer\n### Severity\n```';
    expect(chooseTemplate(issue(body), templates, intakeConfig())).toBeNull();
  });
});
