import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cruise, type IForbiddenRuleType } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const fixtures = join(import.meta.dirname, '../fixtures/boundaries');
const { forbidden } = createRequire(import.meta.url)(join(root, '.dependency-cruiser.cjs')) as {
  forbidden: IForbiddenRuleType[];
};

/** The rules `npm run lint` applies, run on a tree; the names of the rules it breaks. */
async function brokenRules(base: string, folders: string[]): Promise<string[]> {
  return (await check(base, folders)).broken;
}

async function check(base: string, folders: string[]) {
  const result = await cruise(folders, {
    baseDir: base,
    validate: true,
    ruleSet: { forbidden },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
  });
  if (typeof result.output === 'string') throw new Error('expected a cruise result');
  const { summary } = result.output;
  return {
    broken: summary.violations.map((v) => v.rule.name).sort(),
    imports: summary.totalDependenciesCruised,
  };
}

describe('import boundaries (.dependency-cruiser.cjs)', () => {
  it('refuses the kernel importing a capability (a wrong-way import)', async () => {
    expect(await brokenRules(join(fixtures, 'wrong-way'), ['src'])).toEqual([
      'kernel-is-the-bottom',
    ]);
  });

  it('refuses a product file importing the dev tools', async () => {
    expect(await brokenRules(join(fixtures, 'dev-import'), ['src', 'dev'])).toEqual([
      'product-never-imports-dev-tools',
    ]);
  });

  it('refuses a cycle between two modules', async () => {
    expect(await brokenRules(join(fixtures, 'cycle'), ['src'])).toEqual(['no-cycles']);
  });

  it('refuses decide/ code that imports the gateway', async () => {
    expect(await brokenRules(join(fixtures, 'impure-decide'), ['src'])).toEqual(['decide-is-pure']);
  });

  it('finds nothing to refuse in the product and the dev tools as they are', async () => {
    const { broken, imports } = await check(root, ['src', 'dev']);
    expect(broken).toEqual([]);
    // Every import was followed: a resolver that found none would pass vacuously.
    expect(imports).toBeGreaterThan(500);
  });
});
