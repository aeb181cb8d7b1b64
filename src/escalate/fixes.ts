import type { Gateway } from '../github/gateway.js';
import { describeRequestError, sameRepo } from '../github/gateway.js';
import type { FixLink } from '../kernel/fix-link.js';
import type { RepoRef } from '../kernel/plan.js';
import { type FixFacts, fixKey } from './decide/fix.js';

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
): Promise<{ facts: Map<string, FixFacts>; notes: string[] }> {
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
    try {
      const found = await issueStates(gateway, there, [...new Set(group.map((l) => l.number))]);
      for (const [number, state] of found)
        facts.set(fixKey({ repo: `${owner}/${repo}`, number }), state);
    } catch (error) {
      notes.push(`${owner}/${repo}: its issues could not be read (${describeRequestError(error)})`);
    }
  }
  return { facts, notes };
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
