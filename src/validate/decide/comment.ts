import type { ConfigProblem } from '../../kernel/problems.js';
import { escapeCell, table } from '../../kernel/markdown.js';
import { plural } from '../../kernel/words.js';

export interface ValidationReport {
  folder: string;
  /** The commit the files were read at, when known. */
  commit?: string;
  files: { path: string; schemaChecked: boolean }[];
  /** Issue templates that loaded, by path (checked with the config: intake reads them). */
  templates?: string[];
  problems: readonly ConfigProblem[];
}

/** The sticky pull-request comment that says whether the config in the PR is sound. */
export function renderValidationComment(report: ValidationReport): string {
  const errors = report.problems.filter((p) => p.severity === 'error');
  const warnings = report.problems.filter((p) => p.severity === 'warning');
  const at = report.commit ? ` at ${report.commit.slice(0, 7)}` : '';
  const lines = ['### support-kit: config check', ''];
  if (errors.length === 0) {
    lines.push(`✅ The config in ${code(report.folder)}${at} is valid.`);
  } else {
    lines.push(
      `❌ ${plural(errors.length, 'error')}${warnings.length ? ` and ${plural(warnings.length, 'warning')}` : ''} in ${code(report.folder)}${at}. Fix them before merging: a file that does not load stops the capabilities that read it (they do not act on half-valid config), and a roster the review refuses would take effect as written.`,
    );
  }
  if (report.problems.length > 0) {
    lines.push(
      '',
      table(
        ['', 'File', 'Line', 'Problem'],
        report.problems.map((p) => [
          p.severity === 'error' ? '❌' : '⚠️',
          escapeCell(p.file),
          `${p.line}:${p.column}`,
          escapeCell(p.message),
        ]),
      ),
    );
  }
  if (report.files.length > 0) {
    lines.push(
      '',
      `Checked: ${report.files.map((f) => `${code(f.path)}${f.schemaChecked ? '' : ' (YAML only)'}`).join(', ')}.`,
    );
  }
  if (report.templates?.length) {
    lines.push('', `Issue templates: ${report.templates.map(code).join(', ')}.`);
  }
  return lines.join('\n');
}

/**
 * A path as a code span. Markdown escapes are literal inside one (`ISSUE\_TEMPLATE` would show
 * its backslash), and mentions and HTML are not rendered there: only a backtick or a line break
 * could end it early.
 */
function code(text: string): string {
  return `\`${text.replace(/\r?\n|\r/g, ' ').replace(/`/g, "'")}\``;
}
