import { describe, expect, it } from 'vitest';
import { parseForm } from '../../../src/intake/config/issue-templates.js';
import { formatProblem } from '../../../src/kernel/problems.js';

const form = (attributes: string) =>
  [
    'name: Bug',
    'description: A bug',
    'body:',
    '  - type: textarea',
    '    id: logs',
    '    attributes:',
    attributes,
  ].join('\n');

describe('issue forms: fields that ask for files', () => {
  it('warns at render: when a field asks reporters to drop a file GitHub will not accept there', () => {
    const { problems, template } = parseForm(
      '.github/ISSUE_TEMPLATE/bug.yml',
      form(
        '      label: Logs\n      description: Drag the file here, or paste the logs.\n      render: shell\n',
      ),
    );
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^\.github\/ISSUE_TEMPLATE\/bug\.yml:9:15: warning: body\[0\] "Logs" asks for files \("Drag"\), but with render: GitHub accepts no attachment/,
      ),
    ]);
    expect(template?.fields.map((f) => f.id)).toEqual(['logs']);
  });

  it('says nothing of a rendered field that asks for text only', () => {
    const { problems } = parseForm(
      '.github/ISSUE_TEMPLATE/bug.yml',
      form(
        '      label: Logs\n      description: Paste the output of docker info.\n      render: shell\n',
      ),
    );
    expect(problems).toEqual([]);
  });
});
