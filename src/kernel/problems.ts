/** A finding about a config file, placed where a person can fix it. */
export interface ConfigProblem {
  /** Path as the repository knows it, e.g. `.github/support-kit/labels.yaml`. */
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  message: string;
}

export function formatProblem(p: ConfigProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.message}`;
}

export function hasErrors(problems: readonly ConfigProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

export function sortProblems(problems: ConfigProblem[]): ConfigProblem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
}
