import { kitWritten, type KitIdentity } from '../kernel/kit-identity.js';
import { FOLLOW_UP_LABEL, followUpOf } from '../kernel/kit-records.js';
import type { OpenFollowUp } from './decide/follow-ups.js';
import type { GraphqlCall } from './fetch.js';

interface RawFollowUp {
  number: number;
  title: string;
  url: string;
  body: string | null;
  author: { __typename: string; login: string } | null;
  assignees: { nodes: { login: string }[] };
}

type Answer = Record<string, { issues: { nodes: (RawFollowUp | null)[] } } | null>;

/**
 * The open follow-ups of each repository: one query for all of them, the first 100 of each (a
 * desk with more open follow-ups than that has other troubles). Only the kit's own count: the
 * marker in anyone else's issue is a quote.
 */
export async function fetchOpenFollowUps(
  graphql: GraphqlCall,
  repos: readonly string[],
  identity: KitIdentity,
): Promise<OpenFollowUp[]> {
  const fields = repos.map((full, i) => {
    const [owner = '', name = ''] = full.split('/');
    return `r${i}: repository(owner: ${JSON.stringify(owner)}, name: ${JSON.stringify(name)}) {
      issues(labels: [${JSON.stringify(FOLLOW_UP_LABEL)}], states: OPEN, first: 100) {
        nodes { number title url body author { __typename login } assignees(first: 10) { nodes { login } } }
      } }`;
  });
  const answer = (await graphql(`query { ${fields.join('\n')} }`, {})) as Answer;
  const found: OpenFollowUp[] = [];
  for (const [i, repo] of repos.entries()) {
    const nodes = (answer[`r${i}`]?.issues.nodes ?? []).filter((n): n is RawFollowUp => !!n);
    const own = await kitWritten(
      nodes.map((n) => ({
        ...n,
        user: n.author ? { login: n.author.login, type: n.author.__typename } : null,
      })),
      identity,
      (body) => followUpOf(body) !== undefined,
    );
    for (const n of own) {
      const record = followUpOf(n.body);
      if (!record) continue;
      found.push({
        repo,
        number: n.number,
        title: n.title,
        url: n.url,
        parent: record.parent,
        parentUrl: n.url.replace(/\/issues\/\d+$/, `/issues/${record.parent}`),
        ...(record.due ? { due: record.due } : {}),
        assignees: n.assignees.nodes.map((a) => a.login),
      });
    }
  }
  return found;
}
