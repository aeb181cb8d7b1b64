// The posix build: the main entry reads process.platform, which pure code must not.
import picomatch from 'picomatch/posix.js';

/** An organisation's repositories narrowed by globs on the name; exclude wins over include. */
export function selectRepositories(
  names: readonly string[],
  include: readonly string[] = [],
  exclude: readonly string[] = [],
): string[] {
  const included = include.length > 0 ? picomatch([...include], { nocase: true }) : () => true;
  const excluded = exclude.length > 0 ? picomatch([...exclude], { nocase: true }) : () => false;
  return names
    .filter((name) => included(name) && !excluded(name))
    .sort((a, b) => a.localeCompare(b));
}
