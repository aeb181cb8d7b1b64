import { parse as parseYamlValue } from 'yaml';
import issueFormSchema from '../../../config/schema/issue-form.schema.json' with { type: 'json' };
import type { FieldType, FormField, IssueTemplate } from '../decide/types.js';
import type { ConfigProblem } from '../../kernel/problems.js';
import { checkSchema } from '../../config/schema.js';
import type { ConfigSource } from '../../config/sources.js';
import { locate, parseYaml } from '../../kernel/yaml.js';
import { capped, someOf } from '../../kernel/caps.js';

import { TEMPLATE_FOLDER } from '../../kernel/repo-paths.js';

/**
 * At most this many templates are read a run, one request each without a checkout: a pull
 * request could add thousands. A repository's template chooser rarely lists more than a dozen.
 */
const TEMPLATES_READ = 50;

interface FormElement {
  type: 'markdown' | FieldType;
  id?: string;
  attributes?: {
    label?: string;
    description?: string;
    render?: string;
    placeholder?: string;
    value?: string;
    multiple?: boolean;
    options?: (string | { label: string; required?: boolean })[];
  };
  validations?: { required?: boolean };
}

export interface Form {
  name: string;
  title?: string;
  labels?: string | string[];
  type?: string;
  body: FormElement[];
}

/**
 * The repository's own issue templates: forms (`*.yml`) and markdown templates (`*.md`),
 * read from the checkout or through the API like the config. A broken form is a problem with
 * file:line:column, and is left out rather than half-read.
 */
export async function loadIssueTemplates(
  source: ConfigSource,
  folder: string = TEMPLATE_FOLDER,
): Promise<{ templates: IssueTemplate[]; problems: ConfigProblem[] }> {
  // config.yml is the template chooser, not a template.
  const names = ((await source.listAt(folder)) ?? []).filter(
    (name) => /\.(ya?ml|md)$/i.test(name) && name !== 'config.yml' && name !== 'config.yaml',
  );
  const { taken, skipped } = capped(names, TEMPLATES_READ);
  const templates: IssueTemplate[] = [];
  const problems: ConfigProblem[] = skipped.slice(0, 1).map((name) => ({
    file: `${folder}/${name}`,
    line: 1,
    column: 1,
    severity: 'warning',
    message: `${folder} has ${names.length} templates and at most ${TEMPLATES_READ} are read a run: intake ignores ${someOf(skipped)}`,
  }));
  for (const name of taken) {
    const path = `${folder}/${name}`;
    const text = await source.readAt(path);
    if (text === null) continue;
    const parsed = /\.md$/i.test(name) ? parseMarkdownTemplate(path, text) : parseForm(path, text);
    problems.push(...parsed.problems);
    if (parsed.template) templates.push(parsed.template);
  }
  return { templates, problems };
}

export function parseForm(
  path: string,
  text: string,
): { template?: IssueTemplate; problems: ConfigProblem[] } {
  const { yaml, problems } = parseYaml(path, text);
  if (!yaml) return { problems };
  const schemaProblems = checkSchema(yaml, issueFormSchema);
  if (schemaProblems.length > 0) return { problems: [...problems, ...schemaProblems] };
  const form = yaml.value as Form;
  const fields: FormField[] = [];
  const ids = new Set<string>();
  form.body.forEach((element, index) => {
    if (element.type === 'markdown') return;
    const label = element.attributes?.label ?? '';
    const id = element.id ?? slug(label);
    if (ids.has(id)) {
      problems.push({
        file: path,
        ...locate(yaml, ['body', index, element.id ? 'id' : 'attributes']),
        severity: 'error',
        message: `body[${index}]: the id "${id}" is used twice`,
      });
      return;
    }
    ids.add(id);
    const noFiles = attachmentsRefused(element);
    if (noFiles)
      problems.push({
        file: path,
        ...locate(yaml, ['body', index, 'attributes', 'render']),
        severity: 'warning',
        message: `body[${index}] "${label}" asks for ${noFiles}, but with render: GitHub accepts no attachment in this field; remove render: to let reporters drop files here`,
      });
    const options = element.attributes?.options ?? [];
    fields.push({
      id,
      label,
      type: element.type,
      required: element.validations?.required === true,
      options: options.map((o) => (typeof o === 'string' ? o : o.label)),
      requiredOptions: options.flatMap((o) =>
        typeof o === 'object' && o.required ? [o.label] : [],
      ),
      multiple: element.attributes?.multiple === true,
      ...(element.attributes?.placeholder ? { placeholder: element.attributes.placeholder } : {}),
      ...(element.attributes?.value ? { value: element.attributes.value } : {}),
    });
  });
  if (problems.some((p) => p.severity === 'error')) return { problems };
  return {
    template: {
      key: keyOf(path),
      name: form.name,
      file: path,
      kind: 'form',
      ...(form.title ? { title: form.title } : {}),
      labels: listOf(form.labels),
      ...(form.type ? { issueType: form.type } : {}),
      fields,
    },
    problems,
  };
}

/** Words that ask the reporter for a file: a screenshot, an attachment, a file dropped in. */
const ASKS_FOR_FILES = /\b(drag|drop|attach(?:ment|ed)?s?|upload|screenshots?)\b/i;

/**
 * What a textarea asks for that it cannot take: "render" makes GitHub format the answer as a code
 * block, and such a field "will not expand for file attachments" (docs.github.com, "Syntax for
 * GitHub's form schema", textarea attributes).
 */
function attachmentsRefused(element: {
  type: string;
  attributes?: { label?: string; description?: string; render?: string };
}): string | undefined {
  if (element.type !== 'textarea' || !element.attributes?.render) return undefined;
  const text = `${element.attributes.label ?? ''} ${element.attributes.description ?? ''}`;
  const asked = ASKS_FOR_FILES.exec(text)?.[1];
  return asked ? `files ("${asked}")` : undefined;
}

/**
 * A markdown template: optional front matter (name, title, labels), then headings whose text
 * under them is the template's own prompt (an answer left equal to it was never written).
 */
function parseMarkdownTemplate(
  path: string,
  text: string,
): { template?: IssueTemplate; problems: ConfigProblem[] } {
  const normalized = text.replace(/\r\n?/g, '\n');
  const front = /^---\n([\s\S]*?)\n---\n?/.exec(normalized);
  let meta: { name?: string; title?: string; labels?: string | string[] } = {};
  if (front) {
    try {
      meta = (parseYamlValue(front[1] ?? '') ?? {}) as typeof meta;
    } catch (error) {
      return {
        problems: [
          {
            file: path,
            line: 2,
            column: 1,
            severity: 'error',
            message: `front matter: ${(error as Error).message.split('\n')[0] ?? ''}`,
          },
        ],
      };
    }
  }
  const body = front ? normalized.slice(front[0].length) : normalized;
  const fields: FormField[] = [];
  const lines = body.split('\n');
  let current: { label: string; prompt: string[] } | undefined;
  let fenced = false;
  const flush = () => {
    if (!current) return;
    const prompt = current.prompt
      .join('\n')
      .replace(/<!--[\s\S]*?-->/g, '')
      .trim();
    fields.push({
      id: slug(current.label),
      label: current.label,
      type: 'textarea',
      required: false,
      options: [],
      requiredOptions: [],
      multiple: false,
      ...(prompt ? { value: prompt } : {}),
    });
  };
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,4}\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) {
      flush();
      current = { label: heading[1] ?? '', prompt: [] };
    } else {
      current?.prompt.push(line);
    }
  }
  flush();
  return {
    template: {
      key: keyOf(path),
      name: meta.name ?? keyOf(path),
      file: path,
      kind: 'markdown',
      ...(meta.title ? { title: meta.title } : {}),
      labels: listOf(meta.labels),
      fields,
    },
    problems: [],
  };
}

function keyOf(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.(ya?ml|md)$/i, '');
}

function listOf(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : value.split(',')).map((v) => v.trim()).filter(Boolean);
}

function slug(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
