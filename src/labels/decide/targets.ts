import { compileGlob } from '../../kernel/pattern.js';

/**
 * An organisation's repositories narrowed by globs on the name; exclude wins over include. As in a
 * shell, a name that starts with a dot (`.github`) is matched only by a glob that does too.
 */
export function selectRepositories(
  names: readonly string[],
  include: readonly string[] = [],
  exclude: readonly string[] = [],
): string[] {
  const included = include.length > 0 ? anyOf(include) : () => true;
  const excluded = exclude.length > 0 ? anyOf(exclude) : () => false;
  return names
    .filter((name) => included(name) && !excluded(name))
    .sort((a, b) => a.localeCompare(b));
}

function anyOf(globs: readonly string[]): (name: string) => boolean {
  const compiled = globs.map((glob) => ({ dotted: glob.startsWith('.'), glob: compileGlob(glob) }));
  return (name) =>
    compiled.some(({ dotted, glob }) => (dotted || !name.startsWith('.')) && glob.test(name));
}
