import type { ConfigProblem } from '../../kernel/problems.js';
import { locate, type YamlFile } from '../../kernel/yaml.js';
import { labelKey } from '../decide/normalise.js';
import type { IssueTemplate } from '../decide/types.js';

interface IntakeTemplates {
  templates?: Record<string, { fields?: Record<string, { types?: unknown } | null> } | null>;
}

/**
 * intake.yaml against the issue templates it names. Intake applies a template's rules only to a
 * template with that key and a field's rule only to a field it can find (by id, or by id or label
 * ignoring case and punctuation, as `ruleFor` does), and ignores the rest without a word: a typo
 * here silently turns a check off, so validate says so where the name is written.
 *
 * `files` are the keys of every template file in the folder, loaded or not, so that a form which
 * failed to load is reported once (its own problems), not again as missing.
 */
export function checkTemplateReferences(
  intake: YamlFile,
  templates: readonly IssueTemplate[],
  files: ReadonlySet<string>,
  folder: string,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const rules = (intake.value as IntakeTemplates).templates ?? {};
  const available = [...files].sort();
  for (const [key, rule] of Object.entries(rules)) {
    const template = templates.find((t) => t.key === key);
    if (!template) {
      if (files.has(key)) continue;
      problems.push({
        file: intake.file,
        ...locate(intake, ['templates', key], 'key'),
        severity: 'error',
        message: `templates.${key}: there is no issue template ${key}.yml, ${key}.yaml or ${key}.md in ${folder}, so these rules never apply (${available.length ? `templates: ${available.join(', ')}` : 'the folder has no templates'})`,
      });
      continue;
    }
    problems.push(...typesBesideFormType(intake, key, template, rule?.fields ?? {}));
    const known = new Set(template.fields.flatMap((f) => [labelKey(f.id), labelKey(f.label)]));
    for (const field of Object.keys(rule?.fields ?? {})) {
      if (template.fields.some((f) => f.id === field) || known.has(labelKey(field))) continue;
      problems.push({
        file: intake.file,
        ...locate(intake, ['templates', key, 'fields', field], 'key'),
        severity: 'error',
        message: `templates.${key}.fields.${field}: ${template.file} has no field with this id or label, so this rule never applies (ids: ${template.fields.map((f) => f.id).join(', ') || 'none'})`,
      });
    }
  }
  return problems;
}

/**
 * A form that sets `type:` has GitHub give each of its issues that type, and intake never changes
 * a type an issue has: a `types:` mapping for that form's fields only comes into play where GitHub
 * could not set the form's type. Whether an organisation has a type cannot be known offline, so
 * this is said as a warning, not an error.
 */
function typesBesideFormType(
  intake: YamlFile,
  key: string,
  template: IssueTemplate,
  fields: Record<string, { types?: unknown } | null>,
): ConfigProblem[] {
  const type = template.issueType;
  if (!type) return [];
  return Object.entries(fields)
    .filter(([, rule]) => rule?.types !== undefined)
    .map(([field]) => ({
      file: intake.file,
      ...locate(intake, ['templates', key, 'fields', field, 'types'], 'key'),
      severity: 'warning' as const,
      message: `templates.${key}.fields.${field}.types: ${template.file} sets \`type: ${type}\` itself, so GitHub gives its issues that type and intake leaves it alone; this mapping only applies where the organisation has no type ${type}`,
    }));
}

/** The key intake.yaml uses for a template file, or null for a file that is not a template. */
export function templateKey(fileName: string): string | null {
  if (/^config\.ya?ml$/i.test(fileName)) return null;
  const match = /^(.*)\.(ya?ml|md)$/i.exec(fileName);
  return match?.[1] ?? null;
}
