import { describeAction } from '../../kernel/plan-describe.js';
import type { Plan } from '../../kernel/plan.js';
import { escapeCell, escapeInline, table } from '../../kernel/markdown.js';
import { plural } from '../../kernel/words.js';

const WRITES = new Set(['create-label', 'update-label', 'delete-label']);
/** GitHub refuses comments over 65,536 characters: long tables end with "and N more". */
const MAX_ROWS = 150;

/** The sticky pull-request comment: what merging would do to each repository's labels. */
export function renderLabelsPreview(plans: readonly Plan[], held: readonly string[]): string {
  const lines = ['### support-kit: labels preview', ''];
  if (plans.length === 0) lines.push('No repository to sync.');
  for (const plan of plans) {
    const writes = plan.operations.filter((op) => WRITES.has(op.kind));
    const kept = plan.operations.length - writes.length;
    const repo = `${plan.repo.owner}/${plan.repo.repo}`;
    if (writes.length === 0) {
      lines.push(
        `Merging this pull request changes no label of \`${escapeInline(repo)}\` (${kept} label(s) already in step).`,
        '',
      );
      continue;
    }
    lines.push(
      `Merging this pull request would change ${plural(writes.length, 'label')} of \`${escapeInline(repo)}\` (${kept} unchanged):`,
      '',
    );
    lines.push(
      table(
        ['Label', 'Change', 'Why'],
        writes
          .slice(0, MAX_ROWS)
          .map((op) => [
            escapeCell('name' in op ? op.name : ''),
            escapeCell(describeAction(op)),
            escapeCell(op.reason),
          ]),
      ),
      '',
    );
    if (writes.length > MAX_ROWS)
      lines.push(`… and ${writes.length - MAX_ROWS} more (the job summary lists them all).`, '');
    for (const note of plan.notes) lines.push(`⚠️ ${escapeInline(note)}`, '');
  }
  for (const reason of held) lines.push(`🛑 ${escapeInline(reason)}`, '');
  return lines.join('\n').trimEnd();
}
