import { compilePattern } from '../../kernel/pattern.js';
import type { ConfigProblem } from '../../kernel/problems.js';
import { locate, type PathSegment, type YamlFile } from '../../kernel/yaml.js';

/** Every `pattern:` must be a regular expression RE2 runs (src/kernel/pattern.ts); said at its line. */
export function checkIntake(yaml: YamlFile): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const visit = (value: unknown, path: PathSegment[]) => {
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if (key === 'pattern' && typeof child === 'string') {
        const compiled = compilePattern(child);
        if ('error' in compiled)
          problems.push({
            file: yaml.file,
            ...locate(yaml, [...path, key]),
            severity: 'error',
            message: `not a pattern the kit can run: ${compiled.error}`,
          });
      } else {
        visit(child, [...path, key]);
      }
    }
  };
  visit(yaml.value, []);
  return problems;
}
