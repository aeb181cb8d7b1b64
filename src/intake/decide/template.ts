import { hasHeadings, headingsOf } from './body.js';
import { labelKey } from './normalise.js';
import type { IntakeConfig, IntakeIssue, IssueTemplate } from './types.js';

/**
 * Which template an issue was written from. In order:
 * 1. labels: the issue carries one of `intake.yaml`'s `when-labels` for the template, or (when
 *    it gives none) one of the labels the template applies itself; several → the one whose
 *    headings match best, then the first;
 * 2. title: the issue title starts with the template's default title ("[Escalation]: ");
 *    several → best headings, then the first;
 * 3. headings: the template whose field labels appear most often as headings in the body, if
 *    at least min(2, half its fields) of them do; ties go to the first template;
 * 4. the only template, when there is exactly one, judges a body with no `#` headings at all
 *    (a blank issue).
 */
export function chooseTemplate(
  issue: IntakeIssue,
  templates: IssueTemplate[],
  config: IntakeConfig,
): IssueTemplate | null {
  if (templates.length === 0) return null;
  const headings = new Set(
    headingsOf(issue.body)
      .map(labelKey)
      .filter((key) => key !== ''),
  );
  const score = (template: IssueTemplate) => headingScore(template, headings);
  const best = (candidates: IssueTemplate[]) => {
    let winner: IssueTemplate | null = null;
    let winnerScore = -1;
    for (const candidate of candidates) {
      const s = score(candidate);
      if (s > winnerScore) {
        winner = candidate;
        winnerScore = s;
      }
    }
    return winner;
  };

  const issueLabels = new Set(issue.labels.map((label) => label.toLowerCase()));
  const byLabel = templates.filter((template) =>
    triggerLabels(template, config).some((label) => issueLabels.has(label.toLowerCase())),
  );
  if (byLabel.length > 0) return best(byLabel);

  const title = issue.title.trim().toLowerCase();
  const byTitle = templates.filter((template) => {
    const prefix = template.title?.trim().toLowerCase() ?? '';
    return prefix.length >= 3 && title.startsWith(prefix);
  });
  if (byTitle.length > 0) return best(byTitle);

  let winner: IssueTemplate | null = null;
  let winnerScore = 0;
  for (const template of templates) {
    const s = score(template);
    if (s >= enoughHeadings(template) && s > winnerScore) {
      winner = template;
      winnerScore = s;
    }
  }
  if (winner) return winner;

  if (templates.length === 1 && !hasHeadings(issue.body)) return templates[0] ?? null;
  return null;
}

/** The labels that say an issue belongs to the template. */
function triggerLabels(template: IssueTemplate, config: IntakeConfig): string[] {
  const when = config.templates[template.key]?.whenLabels ?? [];
  return when.length > 0 ? when : template.labels;
}

/** How many of the template's fields have a heading in the body (by label or id). */
function headingScore(template: IssueTemplate, headings: ReadonlySet<string>): number {
  return template.fields.filter(
    (field) => headings.has(labelKey(field.label)) || headings.has(labelKey(field.id)),
  ).length;
}

/** At least half of the fields, or 2, whichever is smaller — and at least 1. */
function enoughHeadings(template: IssueTemplate): number {
  return Math.max(1, Math.min(2, Math.ceil(template.fields.length / 2)));
}
