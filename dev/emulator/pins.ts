/**
 * Issues pinned above a repository's issue list. "You can pin up to three important issues above
 * the issues list in your repository", and only "people with write access to a repository can
 * pin" them (docs.github.com/en/issues/tracking-your-work-with-issues/administering-issues/
 * pinning-an-issue-to-your-repository). GraphQL is the only API that pins: the `pinIssue`
 * mutation (docs.github.com/en/graphql/reference/mutations#pinissue); `Issue.isPinned` and
 * `Repository.pinnedIssues` read it.
 */
import type { Repo } from './store.js';

export const MAX_PINNED = 3;

interface Pin {
  number: number;
  by: string;
}

/** Per repository object: a new store (a new emulator) starts with nothing pinned. */
const pins = new WeakMap<Repo, Pin[]>();

/** The pinned issues in the order they were pinned, as the issue list shows them. */
export function pinnedIn(repo: Repo): readonly Pin[] {
  return pins.get(repo) ?? [];
}

export function isPinned(repo: Repo, number: number): boolean {
  return pinnedIn(repo).some((p) => p.number === number);
}

/** Pins an issue; `full` when three are pinned already (GitHub unpins none to make room). */
export function pin(repo: Repo, number: number, by: string): 'pinned' | 'already' | 'full' {
  const list = pins.get(repo) ?? [];
  if (list.some((p) => p.number === number)) return 'already';
  if (list.length >= MAX_PINNED) return 'full';
  pins.set(repo, [...list, { number, by }]);
  return 'pinned';
}
