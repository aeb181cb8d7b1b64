import type { IssueTemplate } from '../decide/types.js';
import { checkTemplateReferences, templateKey } from './templates.js';
import { TEMPLATE_FOLDER } from '../../kernel/repo-paths.js';
import { loadIssueTemplates } from './issue-templates.js';
import type { LoadedConfig } from '../../config/load.js';
import { sortProblems, type ConfigProblem } from '../../kernel/problems.js';
import type { ConfigSource } from '../../config/sources.js';

export interface CheckedForms {
  folder: string;
  /** The templates that load, as intake would read them. */
  templates: IssueTemplate[];
  /** Problems of the forms themselves, then of intake.yaml's references to them. */
  problems: ConfigProblem[];
}

/**
 * The issue templates as intake reads them, checked the way validate checks config: a form that
 * intake would drop is an error at its line, and so is a rule in intake.yaml that names a template
 * or field no form has. Costs one listing plus one read per template through the API.
 */
export async function checkIssueForms(
  source: ConfigSource,
  config: LoadedConfig,
  folder: string = TEMPLATE_FOLDER,
): Promise<CheckedForms> {
  const loaded = await loadIssueTemplates(source, folder);
  // A form that failed to load still exists: its own problems say why, not a second "missing".
  const files = new Set([
    ...loaded.templates.map((t) => t.key),
    ...loaded.problems.flatMap((p) => templateKey(p.file.split('/').pop() ?? '') ?? []),
  ]);
  const intake = config.files.find((f) => f.spec.name === 'intake');
  const references = intake
    ? checkTemplateReferences(intake.yaml, loaded.templates, files, folder)
    : [];
  return {
    folder,
    templates: loaded.templates,
    problems: sortProblems([...loaded.problems, ...references]),
  };
}
