import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../dev/emulator/index.js';
import { call, graphql, startBasic } from '../../dev/emulator/helpers.js';
import { BLOB_TEXT_LIMIT } from '../../dev/emulator/graphql-model.js';

type PageInfo = { hasNextPage: boolean; endCursor: string | null };
type IssuesPage = {
  repository: { issues: { totalCount: number; pageInfo: PageInfo; nodes: { number: number }[] } };
};

describe('GraphQL', () => {
  let gh: Emulator;
  beforeAll(async () => {
    gh = await startBasic();
  });
  afterAll(async () => {
    await gh.close();
  });

  it('refuses a query that could return more than 500,000 nodes, as GitHub does', async () => {
    const { errors } = await graphql(
      gh,
      '{ search(query: "is:issue", type: ISSUE, first: 100) { nodes { ... on Issue { comments(first: 100) { nodes { reactions(first: 100) { totalCount } } } } } } }',
    );
    expect(errors?.[0]).toMatchObject({ type: 'MAX_NODE_LIMIT_EXCEEDED' });
  });

  it("answers a person's status, Busy included, and none once it has expired", async () => {
    type Answer = {
      user: { status: { indicatesLimitedAvailability: boolean; message: string | null } | null };
    };
    const query =
      '{ user(login: "luc") { status { indicatesLimitedAvailability message expiresAt } } }';
    const own = await startBasic();
    own.store.setUserStatus('luc', {
      message: 'At the dentist',
      indicatesLimitedAvailability: true,
      expiresAt: new Date(Date.parse(own.store.now()) + 3_600_000).toISOString(),
    });

    const busy = await graphql<Answer>(own, query);
    own.setClock(new Date(Date.parse(own.store.now()) + 2 * 3_600_000).toISOString());
    const later = await graphql<Answer>(own, query);

    expect(busy.data?.user.status).toMatchObject({
      indicatesLimitedAvailability: true,
      message: 'At the dentist',
    });
    expect(later.data?.user.status).toBeNull();
    await own.close();
  });

  it('names a bot without the [bot] REST gives it, with __typename Bot', async () => {
    gh.store.addComment('acme/support', 1, { user: 'github-actions[bot]', body: 'kit' });
    const { data } = await graphql<{
      repository: {
        issue: { comments: { nodes: { author: { __typename: string; login: string } }[] } };
      };
    }>(
      gh,
      '{ repository(owner: "acme", name: "support") { issue(number: 1) { comments(last: 1) { nodes { author { __typename login } } } } } }',
    );
    expect(data?.repository.issue.comments.nodes[0]?.author).toEqual({
      __typename: 'Bot',
      login: 'github-actions',
    });
  });

  it('answers nodes(ids:) with null and a NOT_FOUND error for an id that names nothing, and refuses over 100 ids', async () => {
    const known = gh.store.repo('acme/support').issues[0]?.node_id ?? '';
    const query = (ids: string[]) =>
      `{ nodes(ids: ${JSON.stringify(ids)}) { ... on Issue { number } } }`;

    const found = await graphql<{ nodes: ({ number: number } | null)[] }>(
      gh,
      query([known, 'I_gone']),
    );
    expect(found.data?.nodes).toEqual([{ number: 1 }, null]);
    expect(found.errors).toMatchObject([
      {
        type: 'NOT_FOUND',
        path: ['nodes', 1],
        message: "Could not resolve to a node with the global id of 'I_gone'",
      },
    ]);

    const many = await graphql(gh, query(Array.from({ length: 101 }, () => known)));
    expect(many.errors?.[0]).toMatchObject({
      type: 'ARGUMENT_LIMIT',
      message: 'You may not provide more than 100 node ids; you provided 101.',
    });
  });

  describe('validation against GitHub’s schema', () => {
    it('answers 200 with GitHub-style errors for a field that is not in the schema', async () => {
      const res = await call<{
        data?: unknown;
        errors: { message: string; extensions: unknown }[];
      }>(gh, 'POST', '/graphql', {
        body: {
          query:
            '{ repository(owner: "acme", name: "support") { issues(first: 1) { nodes { severity } } } }',
        },
      });
      expect(res.status).toBe(200);
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors[0]).toMatchObject({
        message: "Field 'severity' doesn't exist on type 'Issue'",
        extensions: { code: 'undefinedField', typeName: 'Issue', fieldName: 'severity' },
      });
    });

    it('rejects an argument the schema does not have', async () => {
      const res = await graphql(
        gh,
        '{ repository(owner: "acme", name: "support") { issues(first: 1, color: "red") { totalCount } } }',
      );
      expect(res.errors?.[0]?.message).toBe("Field 'issues' doesn't accept argument 'color'");
    });

    it('reports a syntax error', async () => {
      const res = await graphql(gh, '{ viewer { login }');
      expect(res.errors?.[0]?.message).toMatch(/Syntax Error/);
    });

    it('names a field that exists on GitHub but the emulator does not implement', async () => {
      const res = await graphql(
        gh,
        '{ repository(owner: "acme", name: "support") { name stargazerCount } }',
      );
      expect(res.errors?.[0]).toMatchObject({
        message: 'support-kit emulator: GraphQL field Repository.stargazerCount is not implemented',
        path: ['repository', 'stargazerCount'],
      });
    });

    it('answers 401 without a token, like GitHub', async () => {
      const res = await call(gh, 'POST', '/graphql', {
        token: null,
        body: { query: '{ viewer { login } }' },
      });
      expect(res.status).toBe(401);
    });
  });

  it('resolves viewer and rateLimit with a cost, and records the request as POST /graphql', async () => {
    gh.resetRequests();
    const res = await graphql<{
      viewer: { login: string };
      rateLimit: { cost: number; limit: number; remaining: number; used: number; resetAt: string };
    }>(gh, 'query { viewer { login } rateLimit { cost limit remaining used resetAt } }');
    expect(res.data?.viewer.login).toBe('github-actions');
    expect(res.data?.rateLimit).toMatchObject({ cost: 1, limit: 1000 });
    expect(res.data?.rateLimit.remaining).toBe(1000 - (res.data?.rateLimit.used ?? 0));
    expect(gh.requests.map((r) => r.route)).toEqual(['POST /graphql']);
  });

  it('costs nested connections like GitHub (requests / 100)', async () => {
    const res = await graphql<{ rateLimit: { cost: number; nodeCount: number } }>(
      gh,
      `
        {
          rateLimit {
            cost
            nodeCount
          }
          repository(owner: "acme", name: "support") {
            issues(first: 100) {
              nodes {
                comments(first: 100) {
                  totalCount
                }
                labels(first: 100) {
                  totalCount
                }
              }
            }
          }
        }
      `,
    );
    // 1 issues request + 100 × 2 nested requests = 201 -> 2
    expect(res.data?.rateLimit).toEqual({ cost: 2, nodeCount: 100 + 100 * 100 * 2 });
  });

  describe('repository.issues', () => {
    const query = `query($after: String, $states: [IssueState!]) {
      repository(owner: "acme", name: "support") {
        issues(first: 2, after: $after, states: $states) { totalCount pageInfo { hasNextPage endCursor } nodes { number } }
      } }`;

    it('pages with cursors, oldest first, pull requests excluded', async () => {
      const page1 = await graphql<IssuesPage>(gh, query);
      expect(page1.data?.repository.issues.totalCount).toBe(3);
      expect(page1.data?.repository.issues.nodes.map((n) => n.number)).toEqual([3, 1]);
      expect(page1.data?.repository.issues.pageInfo.hasNextPage).toBe(true);
      const page2 = await graphql<IssuesPage>(gh, query, {
        after: page1.data?.repository.issues.pageInfo.endCursor,
      });
      expect(page2.data?.repository.issues.nodes.map((n) => n.number)).toEqual([2]);
      expect(page2.data?.repository.issues.pageInfo).toMatchObject({ hasNextPage: false });
    });

    it('filters by states, labels (any of) and filterBy.since, and orders by orderBy', async () => {
      const open = await graphql<IssuesPage>(gh, query, { states: ['OPEN'] });
      expect(open.data?.repository.issues.nodes.map((n) => n.number)).toEqual([1, 2]);
      const res = await graphql<IssuesPage>(
        gh,
        `
          {
            repository(owner: "acme", name: "support") {
              issues(
                first: 10
                labels: ["BUG", "severity: S1"]
                filterBy: { since: "2024-03-01T00:00:00Z" }
                orderBy: { field: CREATED_AT, direction: DESC }
              ) {
                totalCount
                pageInfo {
                  hasNextPage
                  endCursor
                }
                nodes {
                  number
                }
              }
            }
          }
        `,
      );
      expect(res.data?.repository.issues.nodes.map((n) => n.number)).toEqual([2, 1]);
    });

    it('refuses first over 100 and a missing first/last like GitHub', async () => {
      const tooMany = await graphql(
        gh,
        '{ repository(owner: "acme", name: "support") { issues(first: 101) { totalCount } } }',
      );
      expect(tooMany.errors?.[0]?.message).toBe(
        'Requesting 101 records on the `issues` connection exceeds the `first` limit of 100 records.',
      );
      const none = await graphql(
        gh,
        '{ repository(owner: "acme", name: "support") { issues { totalCount } } }',
      );
      expect(none.errors?.[0]?.message).toMatch(/You must provide a `first` or `last` value/);
    });

    it('answers NOT_FOUND for an unknown repository', async () => {
      const res = await graphql(gh, '{ repository(owner: "acme", name: "nope") { name } }');
      expect(res.data).toEqual({ repository: null });
      expect(res.errors?.[0]).toMatchObject({
        type: 'NOT_FOUND',
        message: "Could not resolve to a Repository with the name 'acme/nope'.",
      });
    });
  });

  it('resolves an issue’s fields, labels, assignees, comments and timeline items', async () => {
    gh.store.updateIssue(
      'acme/support',
      2,
      { state: 'closed', state_reason: 'completed' },
      { actor: 'carol' },
    );
    const res = await graphql<{ repository: { issue: Record<string, unknown> } }>(
      gh,
      `
        {
          repository(owner: "acme", name: "support") {
            id
            name
            nameWithOwner
            issue(number: 2) {
              id
              number
              title
              body
              url
              state
              stateReason
              createdAt
              updatedAt
              closedAt
              author {
                login
              }
              labels(first: 10) {
                nodes {
                  name
                }
              }
              assignees(first: 10) {
                nodes {
                  login
                }
              }
              comments(first: 10) {
                totalCount
                nodes {
                  author {
                    login
                  }
                  createdAt
                  body
                }
              }
              timelineItems(
                first: 20
                itemTypes: [LABELED_EVENT, ASSIGNED_EVENT, CLOSED_EVENT, ISSUE_COMMENT]
              ) {
                nodes {
                  __typename
                  ... on LabeledEvent {
                    createdAt
                    actor {
                      login
                    }
                    label {
                      name
                    }
                  }
                  ... on AssignedEvent {
                    createdAt
                    actor {
                      login
                    }
                    assignee {
                      ... on User {
                        login
                      }
                    }
                  }
                  ... on ClosedEvent {
                    createdAt
                    actor {
                      login
                    }
                    stateReason
                  }
                  ... on IssueComment {
                    createdAt
                    author {
                      login
                    }
                  }
                }
              }
            }
          }
        }
      `,
    );
    expect(res.errors).toBeUndefined();
    const issue = res.data?.repository.issue;
    expect(issue).toMatchObject({
      number: 2,
      title: 'Export is slow',
      body: '',
      state: 'CLOSED',
      stateReason: 'COMPLETED',
      createdAt: '2024-03-02T09:00:00Z',
      closedAt: '2024-03-04T10:00:00Z',
      author: { login: 'erin' },
      url: 'https://github.com/acme/support/issues/2',
      labels: { nodes: [{ name: 'severity: S1' }] },
      assignees: { nodes: [{ login: 'bob' }] },
      comments: { totalCount: 0, nodes: [] },
    });
    expect((issue?.timelineItems as { nodes: unknown[] }).nodes).toEqual([
      {
        __typename: 'LabeledEvent',
        createdAt: '2024-03-02T09:00:00Z',
        actor: { login: 'erin' },
        label: { name: 'severity: S1' },
      },
      {
        __typename: 'AssignedEvent',
        createdAt: '2024-03-02T09:00:00Z',
        actor: { login: 'erin' },
        assignee: { login: 'bob' },
      },
      {
        __typename: 'ClosedEvent',
        createdAt: '2024-03-04T10:00:00Z',
        actor: { login: 'carol' },
        stateReason: 'COMPLETED',
      },
    ]);
  });

  it('answers an issue number that is a pull request with NOT_FOUND, like GitHub', async () => {
    const res = await graphql(
      gh,
      '{ repository(owner: "acme", name: "support") { issue(number: 4) { number } } }',
    );
    expect(res.errors?.[0]).toMatchObject({
      type: 'NOT_FOUND',
      message: 'Could not resolve to an Issue with the number of 4.',
    });
  });

  it('resolves label(name) case-insensitively, null when absent', async () => {
    const res = await graphql<{ repository: { a: { name: string; color: string }; b: null } }>(
      gh,
      '{ repository(owner: "acme", name: "support") { a: label(name: "NEEDS TRIAGE") { name color } b: label(name: "nope") { name } } }',
    );
    expect(res.data?.repository).toEqual({ a: { name: 'needs triage', color: 'fbca04' }, b: null });
  });

  it('searches with the REST search syntax: issueCount, cursor pages and ... on Issue', async () => {
    const query = `query($q: String!, $after: String) {
      search(query: $q, type: ISSUE, first: 1, after: $after) {
        issueCount pageInfo { hasNextPage endCursor }
        nodes { __typename ... on Issue { number title } ... on PullRequest { number headRefName } } } }`;
    type Search = {
      search: {
        issueCount: number;
        pageInfo: PageInfo;
        nodes: { __typename: string; number: number; headRefName?: string }[];
      };
    };
    const q = 'repo:acme/support is:issue sort:created-asc';
    const first = await graphql<Search>(gh, query, { q });
    expect(first.data?.search.issueCount).toBe(3);
    expect(first.data?.search.nodes).toEqual([
      { __typename: 'Issue', number: 3, title: 'Crash on start' },
    ]);
    const second = await graphql<Search>(gh, query, {
      q,
      after: first.data?.search.pageInfo.endCursor,
    });
    expect(second.data?.search.nodes.map((n) => n.number)).toEqual([1]);
    const prs = await graphql<Search>(gh, query, { q: 'repo:acme/support is:pr' });
    expect(prs.data?.search.nodes).toEqual([
      { __typename: 'PullRequest', number: 4, headRefName: 'dark-mode' },
    ]);
    const bad = await graphql(gh, query, { q: 'repo:acme/support project:1' });
    expect(bad.errors?.[0]?.message).toContain('project:');
  });

  it('reads a file with repository.object(expression:) { ... on Blob { text } }', async () => {
    const res = await graphql<{ repository: { object: { text: string } | null; missing: null } }>(
      gh,
      `
        {
          repository(owner: "acme", name: "support") {
            object(expression: "roster-change:.github/support-kit/roster.yaml") {
              ... on Blob {
                text
              }
            }
            missing: object(expression: "main:nope.yaml") {
              ... on Blob {
                text
              }
            }
          }
        }
      `,
    );
    expect(res.data?.repository.object?.text).toContain('sfo');
    expect(res.data?.repository.missing).toBeNull();
  });

  it('cuts the text of a file past 512,000 bytes and says so with isTruncated, as GitHub does', async () => {
    const big = `# ${'x'.repeat(BLOB_TEXT_LIMIT)}\n`;
    gh.store.setFile('acme/support', 'big.yaml', big, 'f1'.repeat(20));
    const res = await graphql<{
      repository: { object: { text: string; isTruncated: boolean; byteSize: number } };
    }>(
      gh,
      `{ repository(owner: "acme", name: "support") {
          object(expression: "${'f1'.repeat(20)}:big.yaml") { ... on Blob { text isTruncated byteSize } }
      } }`,
    );
    const blob = res.data?.repository.object;
    expect(blob?.isTruncated).toBe(true);
    expect(blob?.text.length).toBe(BLOB_TEXT_LIMIT);
    expect(blob?.byteSize).toBe(big.length);
  });

  it('names an unimplemented mutation', async () => {
    const res = await graphql(
      gh,
      'mutation { addComment(input: { subjectId: "x", body: "y" }) { clientMutationId } }',
    );
    expect(res.errors?.[0]?.message).toBe(
      'support-kit emulator: GraphQL field Mutation.addComment is not implemented',
    );
  });
});

describe('GraphQL issues pagination over many issues', () => {
  it('walks 250 issues in pages of 100 with endCursor', async () => {
    const gh = await startEmulator({ now: '2024-01-01T00:00:00Z' });
    try {
      gh.store.addRepo({ owner: 'octo', name: 'many' });
      for (let i = 1; i <= 250; i++) gh.store.createIssue('octo/many', { title: `Issue ${i}` });
      const seen: number[] = [];
      let after: string | null = null;
      for (;;) {
        const res: {
          data?: { repository: { issues: { pageInfo: PageInfo; nodes: { number: number }[] } } };
        } = await graphql(
          gh,
          'query($after: String) { repository(owner: "octo", name: "many") { issues(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { number } } } }',
          { after },
        );
        const page = res.data?.repository.issues;
        seen.push(...(page?.nodes.map((n) => n.number) ?? []));
        if (!page?.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toHaveLength(250);
      expect(seen[0]).toBe(1);
      expect(seen.at(-1)).toBe(250);
    } finally {
      await gh.close();
    }
  });
});
