import type { ConfigProblem } from './problems.js';
import { describeAction, describeTarget } from './plan-describe.js';
import type { Operation } from './plan.js';
import { escapeCell, escapeInline, ownCell, table } from './markdown.js';

export interface SummaryRow {
  operation: Operation;
  status:
    | 'applied'
    | 'unchanged'
    | 'dry-run'
    | 'failed'
    | 'held'
    | 'not run'
    | 'deferred'
    // Until the run writes its one comment on the issue; the summary is written after.
    | 'queued';
  detail: string;
  /** Said beside the status: what went wrong in an operation that still did its work. */
  warning?: string;
}

export interface RunSummary {
  capability: string;
  event: string;
  repo: string;
  configSource: string;
  files: { path: string; schemaChecked: boolean }[];
  problems: readonly ConfigProblem[];
  dryRun: boolean;
  /** A plan shown but never applied (a pull-request preview or a drift check). */
  preview?: boolean;
  rows: SummaryRow[];
  notes: string[];
  /** What GitHub's rate limit left for the next run, in words (not a failure). */
  deferred?: string;
}

const STATUS: Record<SummaryRow['status'], string> = {
  applied: '✅ applied',
  unchanged: '➖ unchanged',
  'dry-run': '📝 planned',
  failed: '❌ failed',
  held: '⏳ held for the next run',
  'not run': '⏸️ not run',
  deferred: '⏳ deferred',
  queued: '⏳ not written (the run stopped first)',
};

/** The job summary of one capability's run: config, then the plan and what became of it. */
export function renderSummary(s: RunSummary): string {
  const mode = s.preview ? ' (preview: nothing applied)' : s.dryRun ? ' (dry-run)' : '';
  const lines = [`## support-kit ${s.capability}${mode}`, ''];
  lines.push(
    `Event \`${escapeInline(s.event)}\` on \`${escapeInline(s.repo)}\`; config from ${escapeInline(s.configSource)}.`,
  );
  if (s.files.length > 0) {
    lines.push(
      '',
      `Config: ${s.files.map((f) => `\`${escapeInline(f.path)}\`${f.schemaChecked ? '' : ' (YAML only)'}`).join(', ')}.`,
    );
  }
  if (s.problems.length > 0) {
    lines.push(
      '',
      '### Config problems',
      '',
      table(
        ['', 'Where', 'Problem'],
        s.problems.map((p) => [
          p.severity === 'error' ? '❌' : '⚠️',
          escapeCell(`${p.file}:${p.line}:${p.column}`),
          escapeCell(p.message),
        ]),
      ),
    );
  }
  lines.push('', '### Plan', '');
  if (s.rows.length === 0) {
    lines.push('No operations.');
  } else {
    lines.push(
      table(
        ['Target', 'Operation', 'Reason', 'Result'],
        s.rows.map((r) => [
          ownCell(describeTarget(r.operation)),
          escapeCell(describeAction(r.operation)),
          escapeCell(r.operation.reason),
          escapeCell(
            `${STATUS[r.status]}${r.status === 'failed' ? `: ${r.detail}` : ''}${r.warning ? ` (⚠️ ${r.warning})` : ''}`,
          ),
        ]),
      ),
    );
  }
  if (s.deferred) lines.push('', `⏳ ${escapeInline(s.deferred)}.`);
  if (s.notes.length > 0) lines.push('', ...s.notes.map((n) => `- ${escapeInline(n)}`));
  return `${lines.join('\n')}\n`;
}
