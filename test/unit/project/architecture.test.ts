import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const PATH =
  /(?<![\w/<>.-])(?:src|dev|test|config|scripts|bench|actions|workflows|docs|dist)\/[\w./-]*/g;

/** The files and folders a page names, placeholders such as `src/<name>/` left out. */
function namedPaths(text: string): string[] {
  const found = [...text.matchAll(PATH)]
    .filter((m) => text[m.index + m[0].length] !== '<')
    .map((m) => m[0].replace(/[./]+$/, ''));
  return [...new Set(found)].sort();
}

function layoutBlock(readme: string): string {
  const start = readme.indexOf('## Layout');
  return readme.slice(start, readme.indexOf('\n## ', start + 1));
}

describe('the documented layout matches the code', () => {
  it.each([
    ['README.md (Layout)', () => layoutBlock(readFileSync(join(root, 'README.md'), 'utf8'))],
    ['docs/architecture.md', () => readFileSync(join(root, 'docs/architecture.md'), 'utf8')],
  ])('every file and folder %s names exists', (_page, read) => {
    const paths = namedPaths(read());
    expect(paths.length).toBeGreaterThan(15);
    expect(paths.filter((p) => !existsSync(join(root, p)))).toEqual([]);
  });

  it('every capability folder under src/ is in the README layout', () => {
    const layout = layoutBlock(readFileSync(join(root, 'README.md'), 'utf8'));
    for (const capability of ['intake', 'labels', 'oncall', 'report', 'escalate', 'validate'])
      expect(layout).toContain(`src/${capability}/`);
  });
});
