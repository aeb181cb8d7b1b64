import { parse } from 'yaml';
import type { LoadedConfig } from '../config/load.js';
import type { ConfigSource } from '../config/sources.js';
import type { ConfigProblem } from '../kernel/problems.js';
import { CALENDAR_CALLER_PATH } from '../kernel/repo-paths.js';

/**
 * The calendar caller republishes the calendars on the pushes its `paths:` filter lets through,
 * and the template names `.github/support-kit/roster.yaml`: with the config elsewhere, a roster
 * edit would never reach the calendars. Costs one read, of the calendar caller.
 */
export async function calendarCaller(
  source: ConfigSource,
  config: LoadedConfig,
): Promise<ConfigProblem[]> {
  const roster = config.files.find((f) => f.spec.name === 'roster');
  if (!roster) return [];
  const committed = await source.readAt(CALENDAR_CALLER_PATH);
  if (committed === null) return [];
  const paths = pushPaths(committed);
  if (paths === undefined || paths.some((p) => globMatches(p, roster.path))) return [];
  const line = committed.split('\n').findIndex((l) => /^\s+paths:/.test(l)) + 1;
  return [
    {
      file: CALENDAR_CALLER_PATH,
      line: Math.max(1, line),
      column: 1,
      severity: 'warning',
      message: `the calendars are published on pushes that change ${paths.join(', ')}, but the roster is ${roster.path}: a roster change would leave them as they are. Put '${roster.path}' in on.push.paths`,
    },
  ];
}

/** `on.push.paths`; undefined when every push passes (no filter, or a caller that does not parse). */
function pushPaths(text: string): string[] | undefined {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch {
    return undefined;
  }
  const push = (doc as { on?: { push?: { paths?: unknown } | null } } | null)?.on?.push;
  const paths = push?.paths;
  return Array.isArray(paths) ? paths.filter((p): p is string => typeof p === 'string') : undefined;
}

/** GitHub's filter patterns, as far as a file path needs them: `*`, `**`, `?`; `!` excludes. */
function globMatches(pattern: string, path: string): boolean {
  if (pattern.startsWith('!')) return false;
  const source = pattern
    .split('**')
    .map((part) =>
      part
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '.'),
    )
    .join('.*');
  return new RegExp(`^${source}$`).test(path);
}
