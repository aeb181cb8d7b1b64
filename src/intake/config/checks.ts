import type { ConfigProblem } from '../../kernel/problems.js';
import { locate, type PathSegment, type YamlFile } from '../../kernel/yaml.js';

/** Every `pattern:` must be a regular expression JavaScript accepts; said at its line. */
export function checkIntake(yaml: YamlFile): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const visit = (value: unknown, path: PathSegment[]) => {
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if (key === 'pattern' && typeof child === 'string') {
        try {
          new RegExp(child, 'u');
        } catch (error) {
          problems.push({
            file: yaml.file,
            ...locate(yaml, [...path, key]),
            severity: 'error',
            message: `not a valid regular expression: ${(error as Error).message}`,
          });
        }
      } else {
        visit(child, [...path, key]);
      }
    }
  };
  visit(yaml.value, []);
  return problems;
}
