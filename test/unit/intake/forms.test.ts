import { describe, expect, it } from 'vitest';
import { parseForm } from '../../../src/intake/config/issue-templates.js';
import { checkTemplateReferences } from '../../../src/intake/config/templates.js';
import { formatProblem } from '../../../src/kernel/problems.js';
import { parseYaml, type YamlFile } from '../../../src/kernel/yaml.js';

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

describe("issue forms: the form's own issue type", () => {
  const typed = [
    'name: Bug',
    'description: A bug',
    'type: Bug',
    'body:',
    '  - type: dropdown',
    '    id: kind',
    '    attributes:',
    '      label: Kind',
    '      options: [bug, enhancement]',
  ].join('\n');

  it('reads the top-level type: a form gives its issues', () => {
    const { template, problems } = parseForm('.github/ISSUE_TEMPLATE/bug.yml', typed);
    expect(problems).toEqual([]);
    expect(template?.issueType).toBe('Bug');
  });

  it('refuses a type: that is not a name', () => {
    const { template, problems } = parseForm(
      '.github/ISSUE_TEMPLATE/bug.yml',
      typed.replace('type: Bug', 'type: [Bug]'),
    );
    expect(template).toBeUndefined();
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^\.github\/ISSUE_TEMPLATE\/bug\.yml:3:7: error: type/),
    ]);
  });

  it('warns where intake.yaml maps answers of that form to types GitHub already sets', () => {
    const { template } = parseForm('.github/ISSUE_TEMPLATE/bug.yml', typed);
    const { yaml } = parseYaml(
      '.github/support-kit/intake.yaml',
      'templates:\n  bug:\n    fields:\n      kind:\n        types: { bug: Bug }\n',
    );
    const problems = checkTemplateReferences(
      yaml as YamlFile,
      template ? [template] : [],
      new Set(['bug']),
      '.github/ISSUE_TEMPLATE',
    );
    expect(problems.map(formatProblem)).toEqual([
      '.github/support-kit/intake.yaml:5:9: warning: templates.bug.fields.kind.types: .github/ISSUE_TEMPLATE/bug.yml sets `type: Bug` itself, so GitHub gives its issues that type and intake leaves it alone; this mapping only applies where the organisation has no type Bug',
    ]);
  });
});
