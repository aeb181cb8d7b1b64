import type { Gateway } from '../github/gateway.js';
import { describeRequestError, sameRepo } from '../github/gateway.js';
import type { FixLink } from '../kernel/fix-link.js';
import type { RepoRef } from '../kernel/plan.js';
import { type FixFacts, fixKey, type ReleaseFact } from './decide/fix.js';
import type { GitHubRelease } from '../github/types.js';

/**
 * What the engineering issues that support issues wait on are now: one GraphQL query per
 * engineering repository for all of its linked issues, through the run's own token for this
 * repository and the escalation token's for another (none: not followed, and the notes say so).
 * Keyed by decide/fix.ts's fixKey.
 */
export async function engineeringFacts(
  here: Gateway,
  escalation: readonly Gateway[],
  links: readonly FixLink[],
): Promise<{ facts: Map<string, FixFacts>; notes: string[]; gateways: Map<string, Gateway> }> {
  const gateways = new Map<string, Gateway>();
  const facts = new Map<string, FixFacts>();
  const notes: string[] = [];
  const byRepo = new Map<string, FixLink[]>();
  for (const link of links)
    byRepo.set(link.repo.toLowerCase(), [...(byRepo.get(link.repo.toLowerCase()) ?? []), link]);
  for (const group of byRepo.values()) {
    const [owner = '', repo = ''] = (group[0]?.repo ?? '').split('/');
    const there: RepoRef = { owner, repo };
    const gateway = sameRepo(there, here.repo)
      ? here
      : escalation.find((g) => sameRepo(g.repo, there));
    if (!gateway) {
      notes.push(
        `${group.length} issue(s) wait on ${owner}/${repo}, which the run cannot read without the escalation-token input: not followed`,
      );
      continue;
    }
    gateways.set(`${owner}/${repo}`.toLowerCase(), gateway);
    try {
      const found = await issueStates(gateway, there, [...new Set(group.map((l) => l.number))]);
      for (const [number, state] of found)
        facts.set(fixKey({ repo: `${owner}/${repo}`, number }), state);
    } catch (error) {
      notes.push(`${owner}/${repo}: its issues could not be read (${describeRequestError(error)})`);
    }
  }
  return { facts, notes, gateways };
}

/** What a fixed engineering issue's release needs: its closing commit, and what the kit told. */
interface Fixed {
  gateway: Gateway;
  number: number;
  closedAt: string;
  /** The commit the record has (`none`: closed by hand); absent: read it. */
  commit?: string;
  /** The newest release already looked at. */
  checked?: string;
}

/**
 * The closing commit (the issue's events, read once: the record keeps it) and the releases
 * published since the issue closed and after the last one looked at, oldest first, each compared
 * with the commit until the first release that is not a pre-release holds it. The releases of
 * a repository are listed once a run (`listed`).
 */
export async function releaseFacts(
  fixed: Fixed,
  listed: Map<Gateway, Promise<GitHubRelease[]>>,
): Promise<Pick<FixFacts, 'commit' | 'releases'>> {
  const commit =
    fixed.commit === undefined
      ? await fixed.gateway.closingCommit(fixed.number)
      : fixed.commit === 'none'
        ? null
        : fixed.commit;
  if (commit === null) return { commit: null };
  if (!listed.has(fixed.gateway)) listed.set(fixed.gateway, fixed.gateway.recentReleases());
  const all = await (listed.get(fixed.gateway) ?? Promise.resolve([]));
  const newest = all.findIndex((r) => r.tag_name === fixed.checked);
  const candidates = (newest < 0 ? all : all.slice(0, newest))
    .filter((r) => (r.published_at ?? '') >= fixed.closedAt)
    .reverse();
  const releases: ReleaseFact[] = [];
  for (const release of candidates) {
    const contains = await fixed.gateway.tagContains(release.tag_name, commit);
    releases.push({
      tag: release.tag_name,
      url: release.html_url,
      prerelease: release.prerelease ?? false,
      contains,
    });
    if (contains && !release.prerelease) break;
  }
  return { commit, releases };
}

/** One query: `i12: issue(number: 12) { ... }` for each number. */
async function issueStates(
  gateway: Gateway,
  repo: RepoRef,
  numbers: readonly number[],
): Promise<Map<number, FixFacts>> {
  const fields = numbers
    .map((n) => `i${n}: issue(number: ${n}) { state stateReason closedAt }`)
    .join('\n');
  const query = `query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { ${fields} } }`;
  const answer = (await gateway.graphql(query, { owner: repo.owner, name: repo.repo })) as {
    repository: Record<
      string,
      { state: string; stateReason: string | null; closedAt: string | null } | null
    > | null;
  };
  const found = new Map<number, FixFacts>();
  for (const n of numbers) {
    const issue = answer.repository?.[`i${n}`];
    if (!issue) continue;
    found.set(n, {
      state: issue.state === 'CLOSED' ? 'closed' : 'open',
      reason: issue.stateReason,
      closedAt: issue.closedAt,
    });
  }
  return found;
}
