import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../dev/harness/run-action.js';

/** What the committed bundles carry (`npm test` first checks that dist/ is what the sources build). */
const BUNDLES = ['intake', 'labels', 'oncall', 'report', 'escalate', 'validate', 'all', 'cli'];

function bundleText(name: string): string {
  const folder = join(projectRoot(), 'dist', name);
  return readdirSync(folder)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(folder, f), 'utf8'))
    .join('\n');
}

describe('the committed bundles', () => {
  it.each(BUNDLES)(
    'dist/%s compiles no config schema when it runs: its schemas come compiled',
    (name) => {
      const text = bundleText(name);
      // ajv's compiler reads its `strictSchema` option; the compiled validators never do.
      expect(text).not.toContain('strictSchema');
      expect(text).toMatch(/Symbol\.for\(["']support-kit\.validate["']\)/);
    },
  );
});
