import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerOf, headingsOf, parseBody, unfenced } from '../../../src/intake/decide/body.js';
import type { IssueTemplate } from '../../../src/intake/decide/types.js';
import {
  editorBug,
  escalation,
  featureRequest,
  field,
  kubeBug,
} from '../fixtures/intake/templates.js';

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/intake/${name}`, import.meta.url), 'utf8');
}

const simple: IssueTemplate = {
  key: 'simple',
  name: 'Simple',
  file: 'simple.yml',
  kind: 'form',
  labels: [],
  fields: [
    field('summary', 'Summary', 'textarea'),
    field('steps', 'Steps', 'textarea'),
    field('done', 'Checks', 'checkboxes', { options: ['I searched', 'I read the docs'] }),
    field('platform', 'Platform', 'dropdown', { options: ['Linux', 'macOS', 'Windows'] }),
  ],
};

describe('parseBody: forms in the style of well-known projects', () => {
  it('reads a Kubernetes-like bug report: a "###" line inside a fence stays in the answer', () => {
    const parsed = parseBody(fixture('kube-bug.md'), kubeBug);
    const happened = answerOf(parsed, 'what-happened');
    expect(happened.present).toBe(true);
    expect(happened.text).toContain('### this looks like a heading but it is log output');
    expect(happened.text).toContain('no nodes available');
    expect(answerOf(parsed, 'what-expected').text).toBe(
      'Pods get scheduled on the two healthy nodes.',
    );
    expect(answerOf(parsed, 'kubeVersion').text).toContain('# paste output here');
    expect(answerOf(parsed, 'cloudProvider').text).toContain('bare metal');
    expect(parsed.notes).toEqual([]);
  });

  it('reads "_No response_" as an empty answer whose heading was found', () => {
    const parsed = parseBody(fixture('kube-bug.md'), kubeBug);
    expect(answerOf(parsed, 'additional')).toEqual({
      text: '',
      present: true,
      empty: true,
      checked: [],
      unchecked: [],
      selected: [],
    });
  });

  it('reads a VS Code-like report: a checklist in a textarea is text, not a checkboxes field', () => {
    const steps = answerOf(parseBody(fixture('editor-bug.md'), editorBug), 'steps');
    expect(steps.checked).toEqual([]);
    expect(steps.unchecked).toEqual([]);
    expect(steps.text).toContain('- [x] search for a word');
  });

  it('keeps a heading that is no label of the template inside the answer above it', () => {
    const steps = answerOf(parseBody(fixture('editor-bug.md'), editorBug), 'steps');
    expect(steps.text).toContain('### Notes for the reviewer');
    expect(steps.text).toContain('stays in the answer');
  });

  it('drops the template instructions left in HTML comments, multi-line ones too', () => {
    const parsed = parseBody(fixture('editor-bug.md'), editorBug);
    expect(parsed.preamble).toBe('');
    expect(answerOf(parsed, 'extensions').selected).toEqual(['Yes']);
  });

  it('reads a Docker-like escalation: dropdowns, "[X]" checkboxes and a ~~~~ fence holding ```', () => {
    const parsed = parseBody(fixture('escalation.md'), escalation);
    expect(answerOf(parsed, 'severity').selected).toEqual([
      'S1-broken: major functionality loss, no workaround',
    ]);
    expect(answerOf(parsed, 'area').selected).toEqual(['engine', 'network']);
    expect(answerOf(parsed, 'logs').text).toContain('### Logs');
    expect(answerOf(parsed, 'logs').text.startsWith('~~~~text')).toBe(true);
    expect(answerOf(parsed, 'checks').checked).toEqual([
      'I attached a support dump',
      'I searched for existing escalations',
    ]);
    expect(parsed.notes).toEqual([]);
  });

  it('keeps a dropdown option that holds a comma whole', () => {
    const parsed = parseBody(fixture('escalation.md'), escalation);
    expect(answerOf(parsed, 'environment').selected).toEqual(['Pre-sales, evaluation']);
  });

  it('keeps a "##" heading that is not a field inside the answer', () => {
    const description = answerOf(parseBody(fixture('escalation.md'), escalation), 'description');
    expect(description.text).toContain('## Timeline');
    expect(description.text).toContain('09:30 reproduced in staging');
  });

  it('reads a hand-written body: **Label:** value, **Label**: value, Label: value and ## Label', () => {
    const parsed = parseBody(fixture('escalation-handwritten.md'), escalation);
    expect(answerOf(parsed, 'customer').text).toBe('Globex');
    expect(answerOf(parsed, 'severity').text).toBe('sev 1');
    expect(answerOf(parsed, 'type').selected).toEqual(['bug']);
    expect(answerOf(parsed, 'description').text).toContain('rejects every push');
    expect(answerOf(parsed, 'logs').text).toBe(
      'https://github.com/user-attachments/files/123/dtr-logs.zip',
    );
    expect(parsed.preamble).toBe('Hi team, urgent one from the field.');
  });

  it('reads a markdown template answered under its "##" headings', () => {
    const body = [
      '## Is your feature request related to a problem?',
      '<!-- A clear description of what the problem is. -->',
      'Exports time out on big projects.',
      '',
      '## Describe the solution',
      'Stream the export.',
    ].join('\n');
    const parsed = parseBody(body, featureRequest);
    expect(answerOf(parsed, 'is-your-feature-request-related-to-a-problem').text).toBe(
      'Exports time out on big projects.',
    );
    expect(answerOf(parsed, 'describe-the-solution').text).toBe('Stream the export.');
  });
});

describe('parseBody: headings', () => {
  it('matches labels ignoring case, punctuation, trailing colons and asterisks', () => {
    const body =
      '## SUMMARY:\nit broke\n\n**steps** *\n1. run it\n\n#### Checks:**\n- [x] I searched';
    const parsed = parseBody(body, simple);
    expect(answerOf(parsed, 'summary').text).toBe('it broke');
    expect(answerOf(parsed, 'steps').text).toBe('1. run it');
    expect(answerOf(parsed, 'done').checked).toEqual(['I searched']);
  });

  it('matches a heading written as the field id', () => {
    const parsed = parseBody('### what-happened\nit broke', kubeBug);
    expect(answerOf(parsed, 'what-happened').text).toBe('it broke');
  });

  it('never takes a line inside a ``` or ~~~ fence of any length for a heading', () => {
    const body = [
      '### Summary',
      '`````',
      '### Steps',
      '```',
      '### Steps',
      '`````',
      '~~~',
      'Steps: not here either',
      '~~~',
    ].join('\n');
    const parsed = parseBody(body, simple);
    expect(answerOf(parsed, 'steps').present).toBe(false);
    expect(answerOf(parsed, 'summary').text).toContain('Steps: not here either');
  });

  it('ends a fence that never closes at the next heading of the template, and says so', () => {
    const body = '### Summary\n```\nlog line\n### Steps\n1. run';
    const parsed = parseBody(body, simple);
    expect(answerOf(parsed, 'summary').text).toBe('```\nlog line');
    expect(answerOf(parsed, 'steps').text).toBe('1. run');
    expect(parsed.notes).toEqual([expect.stringContaining('never closes')]);
  });

  it('uses the first of two identical headings and says so in the notes', () => {
    const parsed = parseBody(fixture('duplicate-headings.md'), kubeBug);
    expect(answerOf(parsed, 'what-happened').text).toBe('The first answer.');
    expect(answerOf(parsed, 'what-expected').text).toBe('It works.');
    expect(parsed.notes).toEqual([
      'the heading "What happened?" appears 2 times; the first is used and the text under the others is ignored',
    ]);
  });

  it('prefers a "#" heading over a "Label:" line naming the same field inside another answer', () => {
    const body = '### Summary\nSteps: see below\n\n### Steps\n1. run it';
    const parsed = parseBody(body, simple);
    expect(answerOf(parsed, 'summary').text).toBe('Steps: see below');
    expect(answerOf(parsed, 'steps').text).toBe('1. run it');
    expect(parsed.notes).toEqual([]);
  });

  it('marks a field whose heading is missing as absent', () => {
    expect(answerOf(parseBody('### Summary\nx', simple), 'steps')).toEqual({
      text: '',
      present: false,
      empty: true,
      checked: [],
      unchecked: [],
      selected: [],
    });
  });

  it('without a template, makes a section of every "#" heading, keyed by its slug', () => {
    const parsed = parseBody('intro\n## What Happened?\nit broke\n## Logs\n```\n## no\n```', null);
    expect([...parsed.answers.keys()]).toEqual(['what-happened', 'logs']);
    expect(parsed.answers.get('logs')?.text).toBe('```\n## no\n```');
    expect(parsed.preamble).toBe('intro');
  });

  it('without a template, a heading named like an Object property is just a section', () => {
    const parsed = parseBody('## constructor\nx\n## __proto__\ny', null);
    expect(parsed.answers.get('constructor')?.text).toBe('x');
  });

  it('lists the headings of every style, outside fences and comments, for template matching', () => {
    const body =
      '# Title\n**Bold**\nKey: value\n```\n## fenced\n```\n<!--\n## hidden\n-->\n### Last ###';
    expect(headingsOf(body)).toEqual(['Title', 'Bold', 'Key', 'Last']);
  });
});

describe('parseBody: answers', () => {
  it('reads CRLF bodies like LF ones', () => {
    const body = '### Summary\r\nit broke\r\n\r\n### Steps\r\n1. run\r\n';
    const parsed = parseBody(body, simple);
    expect(answerOf(parsed, 'summary').text).toBe('it broke');
    expect(answerOf(parsed, 'steps').text).toBe('1. run');
  });

  it('removes HTML comments, inline and multi-line, and trims the answer', () => {
    const body =
      '### Summary\n\n  it <!-- not this --> broke  \n<!--\nline one\nline two\n-->\n\n### Steps\nx';
    expect(answerOf(parseBody(body, simple), 'summary').text).toBe('it  broke');
  });

  it('keeps an HTML comment inside a code fence: it is text there', () => {
    const body = '### Summary\n```html\n<!-- kept -->\n```';
    expect(answerOf(parseBody(body, simple), 'summary').text).toContain('<!-- kept -->');
  });

  it('leaves a "<!--" that never closes as the text it is', () => {
    const body = '### Summary\na <!-- b\n### Steps\nc';
    const parsed = parseBody(body, simple);
    expect(answerOf(parsed, 'summary').text).toBe('a <!-- b');
    expect(answerOf(parsed, 'steps').text).toBe('c');
  });

  it('reads a comment-only answer (the template instructions left alone) as empty', () => {
    const body = '### Summary\n<!-- Describe the problem -->\n\n### Steps\n1.';
    expect(answerOf(parseBody(body, simple), 'summary').empty).toBe(true);
  });

  it('reads "- [x]", "- [X]", "* [x]" and "1. [x]" as ticked, "- [ ]" as not ticked', () => {
    const body = '### Checks\n- [X] I searched\n* [ ] I read the docs\n1. [x] extra';
    const checks = answerOf(parseBody(body, simple), 'done');
    expect(checks.checked).toEqual(['I searched', 'extra']);
    expect(checks.unchecked).toEqual(['I read the docs']);
    expect(checks.empty).toBe(false);
  });

  it('reads a checkboxes field with no box ticked as empty', () => {
    const body = '### Checks\n- [ ] I searched\n- [ ] I read the docs';
    expect(answerOf(parseBody(body, simple), 'done').empty).toBe(true);
  });

  it('reads the dropdown "None" as empty, unless None is one of the options', () => {
    expect(answerOf(parseBody('### Platform\nNone', simple), 'platform').empty).toBe(true);
    const withNone: IssueTemplate = {
      ...simple,
      fields: [field('platform', 'Platform', 'dropdown', { options: ['None', 'Linux'] })],
    };
    expect(answerOf(parseBody('### Platform\nNone', withNone), 'platform').selected).toEqual([
      'None',
    ]);
  });

  it('reads a fenced answer holding nothing but "_No response_" or blank lines as empty', () => {
    expect(answerOf(parseBody('### Summary\n```shell\n\n```', simple), 'summary').empty).toBe(true);
  });

  it('unwraps a single fence around the whole answer, and leaves other text alone', () => {
    expect(unfenced('```shell\n.\n```')).toBe('.');
    expect(unfenced('see:\n```\nx\n```')).toBe('see:\n```\nx\n```');
    expect(unfenced('```\na\n```\n```\nb\n```')).toBe('```\na\n```\n```\nb\n```');
  });
});

describe('parseBody: hostile bodies stay fast and sane', () => {
  it('parses 1 MiB of text on one line', () => {
    const body = `### Summary\n${'# '.repeat(262_144)}${' '.repeat(200_000)}x`;
    const parsed = parseBody(body, simple);
    expect(answerOf(parsed, 'summary').text.length).toBeGreaterThan(700_000);
  });

  it('parses binary junk without throwing', () => {
    let junk = '';
    for (let i = 0; i < 1 << 20; i += 1) junk += String.fromCharCode((i * 7919) % 256);
    const parsed = parseBody(junk, simple);
    expect(parsed.answers.size).toBe(simple.fields.length);
    expect(headingsOf(junk).length).toBeLessThan(100_000);
  });

  it('parses 10,000 headings, with a template and without', () => {
    const body = Array.from({ length: 10_000 }, (_, i) => `### Heading ${i}\ntext ${i}`).join('\n');
    expect(parseBody(body, null).answers.size).toBe(10_000);
    expect(answerOf(parseBody(`### Summary\n${body}`, simple), 'summary').text).toContain(
      'Heading 9999',
    );
  });

  it('parses 10,000 copies of one template heading, noting the duplicates once', () => {
    const body = '### Summary\nx\n'.repeat(10_000);
    const parsed = parseBody(body, simple);
    expect(answerOf(parsed, 'summary').text).toBe('x');
    expect(parsed.notes).toHaveLength(1);
  });

  it('parses many "<!--" that never close and many unclosed fences', () => {
    const body = `### Summary\n${'<!-- x\n'.repeat(50_000)}${'```\n'.repeat(1)}${'~~~ a\n'.repeat(50_000)}`;
    const parsed = parseBody(body, simple);
    expect(answerOf(parsed, 'summary').present).toBe(true);
  });
});
