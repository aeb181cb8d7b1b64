/**
 * Contract test: every REST route the emulator serves is driven over real HTTP and each
 * response body is validated against GitHub's OpenAPI schema for that operation and status
 * (fixtures/openapi-subset.json, written by scripts/openapi-fixture.mjs).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../dev/emulator/index.js';
import { routeTable } from '../../dev/emulator/route-table.js';
import {
  describedRoutes,
  requestProblems,
  responseProblems,
  uploadRoutes,
} from '../../dev/emulator/contract.js';
import { call, startBasic } from '../../dev/emulator/helpers.js';
import { blobSha } from '../../dev/emulator/shapes.js';

/** The response as GitHub describes it (dev/emulator/contract.ts, shared with every e2e run). */
function expectValid(route: string, status: number, body: unknown): void {
  expect(responseProblems(route, status, body)).toEqual([]);
}

function expectValidRequest(route: string, body: unknown): void {
  expect(requestProblems(route, {}, body)).toEqual([]);
}

interface Step {
  route: string;
  path: string | (() => string);
  /** A function when it needs what an earlier step saved. */
  body?: unknown;
  /** A file as the body (a release asset), with its content-type in `headers`. */
  raw?: string;
  status: number;
  headers?: Record<string, string>;
  /** The token's user is the workflow's bot unless told (`alice-token` acts as alice). */
  token?: string;
  /** saves something from the response for later steps */
  then?: (body: unknown) => void;
}

let commentId = 0;
let tagSha = '';
let releaseId = 0;
let blockingId = 0;
let assetId = 0;
const ICS = 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n';
const CALENDAR = { 'content-type': 'text/calendar; charset=utf-8' };
let mainSha = '';
let pullNumber = 0;
let loginIssueId = 0;
const RELEASE_COMMIT = 'a'.repeat(40);

/** The drive: each REST route at least once with a 2xx, plus the common error answers. */
const steps: Step[] = [
  { route: 'GET /user', path: '/user', status: 200, token: 'alice-token' },
  { route: 'GET /user', path: '/user', status: 403 },
  { route: 'GET /users/{username}', path: '/users/alice', status: 200 },
  { route: 'GET /users/{username}', path: '/users/nobody-here', status: 404 },
  { route: 'GET /rate_limit', path: '/rate_limit', status: 200 },
  { route: 'GET /user/repos', path: '/user/repos', status: 200 },
  { route: 'GET /orgs/{org}/repos', path: '/orgs/acme/repos', status: 200 },
  {
    route: 'GET /orgs/{org}/teams/{team_slug}/members',
    path: '/orgs/acme/teams/support-l2/members',
    status: 200,
  },
  { route: 'GET /repos/{owner}/{repo}', path: '/repos/acme/support', status: 200 },
  { route: 'GET /repos/{owner}/{repo}', path: '/repos/acme/nope', status: 404 },
  {
    route: 'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}',
    path: '/repos/acme/support/actions/workflows/support-kit-schedule.yml',
    status: 200,
    token: 'alice-token',
  },
  {
    route: 'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}',
    path: '/repos/acme/support/actions/workflows/nope.yml',
    status: 404,
    token: 'alice-token',
  },
  {
    route: 'PUT /repos/{owner}/{repo}/actions/workflows/{workflow_id}/enable',
    path: '/repos/acme/support/actions/workflows/support-kit-schedule.yml/enable',
    status: 204,
    token: 'alice-token',
  },
  {
    route: 'GET /repos/{owner}/{repo}/collaborators',
    path: '/repos/acme/support/collaborators',
    status: 200,
  },
  {
    route: 'GET /repos/{owner}/{repo}/collaborators/{username}',
    path: '/repos/acme/support/collaborators/alice',
    status: 204,
  },
  {
    route: 'GET /repos/{owner}/{repo}/collaborators/{username}',
    path: '/repos/acme/support/collaborators/dave',
    status: 404,
  },
  {
    route: 'GET /repos/{owner}/{repo}/collaborators/{username}/permission',
    path: '/repos/acme/support/collaborators/bob/permission',
    status: 200,
  },
  {
    route: 'GET /repos/{owner}/{repo}/contents/{path}',
    path: '/repos/acme/support/contents/.github/support-kit/roster.yaml',
    status: 200,
  },
  {
    route: 'GET /repos/{owner}/{repo}/contents/{path}',
    path: '/repos/acme/support/contents/.github/support-kit?ref=roster-change',
    status: 200,
  },
  {
    route: 'GET /repos/{owner}/{repo}/contents/{path}',
    path: '/repos/acme/support/contents/missing.txt',
    status: 404,
  },
  {
    route: 'GET /repos/{owner}/{repo}/git/ref/{ref}',
    path: '/repos/acme/support/git/ref/tags/v1',
    status: 200,
  },
  {
    route: 'GET /repos/{owner}/{repo}/git/ref/{ref}',
    path: '/repos/acme/support/git/ref/tags%2Fv1.2.3',
    status: 200,
    then: (b) => {
      tagSha = (b as { object: { sha: string } }).object.sha;
    },
  },
  {
    route: 'GET /repos/{owner}/{repo}/git/ref/{ref}',
    path: '/repos/acme/support/git/ref/tags/v9',
    status: 404,
  },
  {
    route: 'GET /repos/{owner}/{repo}/git/tags/{tag_sha}',
    path: () => `/repos/acme/support/git/tags/${tagSha}`,
    status: 200,
  },
  {
    route: 'GET /repos/{owner}/{repo}/git/tags/{tag_sha}',
    path: `/repos/acme/support/git/tags/${RELEASE_COMMIT}`,
    status: 404,
  },
  {
    route: 'GET /repos/{owner}/{repo}/issues',
    path: '/repos/acme/support/issues?state=all',
    status: 200,
  },
  {
    route: 'POST /repos/{owner}/{repo}/issues',
    path: '/repos/acme/support/issues',
    body: {
      title: 'Cannot upload files',
      body: 'Since Monday',
      labels: ['bug'],
      assignees: ['alice'],
    },
    status: 201,
  },
  {
    route: 'POST /repos/{owner}/{repo}/issues',
    path: '/repos/acme/support/issues',
    body: { title: 'x', assignees: ['zed'] },
    status: 422,
  },
  {
    route: 'GET /repos/{owner}/{repo}/issues/{issue_number}',
    path: '/repos/acme/support/issues/5',
    status: 200,
  },
  {
    route: 'GET /repos/{owner}/{repo}/issues/{issue_number}',
    path: '/repos/acme/support/issues/4',
    status: 200,
  },
  {
    route: 'GET /repos/{owner}/{repo}/issues/{issue_number}',
    path: '/repos/acme/support/issues/999',
    status: 404,
  },
  {
    route: 'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
    path: '/repos/acme/support/issues/5',
    body: { title: 'Cannot upload large files', state: 'closed', state_reason: 'completed' },
    status: 200,
  },
  {
    route: 'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
    path: '/repos/acme/support/issues/5',
    body: { state: 'open' },
    status: 200,
  },
  {
    route: 'GET /repos/{owner}/{repo}/issue-types',
    path: '/repos/acme/support/issue-types',
    status: 200,
  },
  {
    route: 'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
    path: '/repos/acme/support/issues/5',
    body: { type: 'Bug' },
    status: 200,
  },
  {
    route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    path: '/repos/acme/support/issues/5/comments',
    body: { body: 'Thanks, we are on it.' },
    status: 201,
    then: (b) => {
      commentId = (b as { id: number }).id;
    },
  },
  {
    route: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
    path: '/repos/acme/support/issues/5/comments',
    status: 200,
  },
  {
    route: 'GET /repos/{owner}/{repo}/issues/comments',
    path: '/repos/acme/support/issues/comments?sort=created',
    status: 200,
  },
  {
    route: 'GET /repos/{owner}/{repo}/issues/comments/{comment_id}',
    path: () => `/repos/acme/support/issues/comments/${commentId}`,
    status: 200,
  },
  {
    route: 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
    path: () => `/repos/acme/support/issues/comments/${commentId}`,
    body: { body: 'Thanks, fixed in 1.2.' },
    status: 200,
  },
  {
    route: 'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}',
    path: () => `/repos/acme/support/issues/comments/${commentId}`,
    status: 204,
  },
  { route: 'GET /repos/{owner}/{repo}/labels', path: '/repos/acme/support/labels', status: 200 },
  {
    route: 'POST /repos/{owner}/{repo}/labels',
    path: '/repos/acme/support/labels',
    body: { name: 'area: ui', color: '0e8a16', description: 'User interface' },
    status: 201,
  },
  {
    route: 'POST /repos/{owner}/{repo}/labels',
    path: '/repos/acme/support/labels',
    body: { name: 'AREA: UI' },
    status: 422,
  },
  {
    route: 'GET /repos/{owner}/{repo}/labels/{name}',
    path: '/repos/acme/support/labels/area%3A%20ui',
    status: 200,
  },
  {
    route: 'GET /repos/{owner}/{repo}/labels/{name}',
    path: '/repos/acme/support/labels/unknown',
    status: 404,
  },
  {
    route: 'PATCH /repos/{owner}/{repo}/labels/{name}',
    path: '/repos/acme/support/labels/area%3A%20ui',
    body: { new_name: 'area: web', color: '1d76db' },
    status: 200,
  },
  {
    route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
    path: '/repos/acme/support/issues/5/labels',
    body: { labels: ['area: web', 'brand new'] },
    status: 200,
  },
  {
    route: 'GET /repos/{owner}/{repo}/issues/{issue_number}/labels',
    path: '/repos/acme/support/issues/5/labels',
    status: 200,
  },
  {
    route: 'PUT /repos/{owner}/{repo}/issues/{issue_number}/labels',
    path: '/repos/acme/support/issues/5/labels',
    body: { labels: ['bug', 'area: web'] },
    status: 200,
  },
  {
    route: 'DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}',
    path: '/repos/acme/support/issues/5/labels/bug',
    status: 200,
  },
  {
    route: 'DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}',
    path: '/repos/acme/support/issues/5/labels/bug',
    status: 404,
  },
  {
    route: 'DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels',
    path: '/repos/acme/support/issues/5/labels',
    status: 204,
  },
  {
    route: 'DELETE /repos/{owner}/{repo}/labels/{name}',
    path: '/repos/acme/support/labels/area%3A%20web',
    status: 204,
  },
  {
    route: 'GET /repos/{owner}/{repo}/assignees',
    path: '/repos/acme/support/assignees',
    status: 200,
  },
  {
    route: 'GET /repos/{owner}/{repo}/assignees/{assignee}',
    path: '/repos/acme/support/assignees/alice',
    status: 204,
  },
  {
    route: 'GET /repos/{owner}/{repo}/assignees/{assignee}',
    path: '/repos/acme/support/assignees/dave',
    status: 404,
  },
  {
    route: 'GET /repos/{owner}/{repo}/issues/{issue_number}/assignees/{assignee}',
    path: '/repos/acme/support/issues/5/assignees/carol',
    status: 204,
  },
  {
    route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/assignees',
    path: '/repos/acme/support/issues/5/assignees',
    body: { assignees: ['carol', 'dave'] },
    status: 201,
  },
  {
    route: 'DELETE /repos/{owner}/{repo}/issues/{issue_number}/assignees',
    path: '/repos/acme/support/issues/5/assignees',
    body: { assignees: ['carol'] },
    status: 200,
  },
  {
    route: 'GET /repos/{owner}/{repo}/issues/{issue_number}/events',
    path: '/repos/acme/support/issues/5/events',
    status: 200,
  },
  {
    route: 'GET /repos/{owner}/{repo}/issues/{issue_number}',
    path: '/repos/acme/support/issues/5',
    status: 200,
    then: (body) => {
      blockingId = (body as { id: number }).id;
    },
  },
  {
    route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by',
    path: '/repos/acme/support/issues/1/dependencies/blocked_by',
    body: () => ({ issue_id: blockingId }),
    status: 201,
  },
  {
    route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by',
    path: '/repos/acme/support/issues/1/dependencies/blocked_by',
    body: () => ({ issue_id: blockingId }),
    status: 422,
  },
  {
    route: 'GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by',
    path: '/repos/acme/support/issues/1/dependencies/blocked_by',
    status: 200,
  },
  {
    route: 'GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocking',
    path: '/repos/acme/support/issues/5/dependencies/blocking',
    status: 200,
  },
  {
    route: 'DELETE /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by/{issue_id}',
    path: () => `/repos/acme/support/issues/1/dependencies/blocked_by/${blockingId}`,
    status: 200,
  },
  {
    route: 'DELETE /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by/{issue_id}',
    path: () => `/repos/acme/support/issues/1/dependencies/blocked_by/${blockingId}`,
    status: 404,
  },
  {
    route: 'GET /repos/{owner}/{repo}/issues/{issue_number}/timeline',
    path: '/repos/acme/support/issues/5/timeline',
    status: 200,
  },
  {
    route: 'GET /repos/{owner}/{repo}/issues/{issue_number}/timeline',
    path: '/repos/acme/support/issues/1/timeline',
    status: 200,
  },
  {
    route: 'GET /repos/{owner}/{repo}/issues/{issue_number}',
    path: '/repos/acme/support/issues/1',
    status: 200,
    then: (body) => {
      loginIssueId = (body as { id: number }).id;
    },
  },
  {
    route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues',
    path: '/repos/acme/support/issues/5/sub_issues',
    body: () => ({ sub_issue_id: loginIssueId }),
    status: 201,
    then: (body) => expect(body).toMatchObject({ number: 1 }),
  },
  {
    route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues',
    path: '/repos/acme/support/issues/2/sub_issues',
    body: () => ({ sub_issue_id: loginIssueId }),
    status: 422,
  },
  {
    route: 'GET /repos/{owner}/{repo}/issues/{issue_number}/sub_issues',
    path: '/repos/acme/support/issues/5/sub_issues',
    status: 200,
    then: (body) => expect(body).toMatchObject([{ number: 1 }]),
  },
  {
    route: 'GET /repos/{owner}/{repo}/issues/{issue_number}/sub_issues',
    path: '/repos/acme/support/issues/999/sub_issues',
    status: 404,
  },
  {
    route: 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files',
    path: '/repos/acme/support/pulls/4/files',
    status: 200,
    then: (body) => expect(body).toHaveLength(2),
  },
  {
    route: 'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
    path: '/repos/acme/support/pulls/4/reviews',
    status: 200,
    then: (body) => expect(body).toMatchObject([{ state: 'APPROVED', user: { login: 'alice' } }]),
  },
  { route: 'GET /repos/{owner}/{repo}/pages', path: '/repos/acme/support/pages', status: 404 },
  {
    route: 'GET /repos/{owner}/{repo}/pages',
    path: '/repos/acme/pages-on/pages',
    status: 200,
    then: (b) => expect(b).toMatchObject({ build_type: 'workflow', public: true }),
  },
  {
    route: 'GET /repos/{owner}/{repo}/releases/tags/{tag}',
    path: '/repos/acme/support/releases/tags/support-kit-calendar',
    status: 404,
  },
  {
    route: 'POST /repos/{owner}/{repo}/releases',
    path: '/repos/acme/support/releases',
    body: { tag_name: 'support-kit-calendar', name: 'On-call calendars', make_latest: 'false' },
    status: 201,
    then: (b) => {
      releaseId = (b as { id: number }).id;
      expect(b).toMatchObject({ target_commitish: 'main', assets: [] });
    },
  },
  {
    route: 'POST /repos/{owner}/{repo}/releases',
    path: '/repos/acme/support/releases',
    body: { tag_name: 'support-kit-calendar' },
    status: 422,
  },
  {
    route: 'GET /repos/{owner}/{repo}/releases/tags/{tag}',
    path: '/repos/acme/support/releases/tags/support-kit-calendar',
    status: 200,
  },
  {
    route: 'GET /repos/{owner}/{repo}/releases',
    path: '/repos/acme/support/releases',
    status: 200,
    then: (b) => expect((b as unknown[]).length).toBe(1),
  },
  {
    route: 'GET /repos/{owner}/{repo}/compare/{basehead}',
    path: '/repos/acme/engine/compare/v1.0.0...main',
    status: 200,
    then: (b) => expect(b).toMatchObject({ status: 'ahead', ahead_by: 1, total_commits: 1 }),
  },
  {
    route: 'GET /repos/{owner}/{repo}/compare/{basehead}',
    path: '/repos/acme/engine/compare/v1.0.0...v9.9.9',
    status: 404,
  },
  {
    route: 'POST /repos/{owner}/{repo}/releases/{release_id}/assets',
    path: () =>
      `/api/uploads/repos/acme/support/releases/${releaseId}/assets?name=person-alice.ics&label=On%20call%3A%20alice`,
    raw: ICS,
    headers: CALENDAR,
    status: 201,
    then: (b) => {
      assetId = (b as { id: number }).id;
      expect(b).toMatchObject({
        name: 'person-alice.ics',
        label: 'On call: alice',
        size: ICS.length,
      });
    },
  },
  {
    route: 'POST /repos/{owner}/{repo}/releases/{release_id}/assets',
    path: () =>
      `/api/uploads/repos/acme/support/releases/${releaseId}/assets?name=person-alice.ics`,
    raw: ICS,
    headers: CALENDAR,
    status: 422,
  },
  {
    route: 'GET /repos/{owner}/{repo}/releases/{release_id}/assets',
    path: () => `/repos/acme/support/releases/${releaseId}/assets?per_page=100`,
    status: 200,
    then: (b) => expect(b).toHaveLength(1),
  },
  {
    route: 'DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}',
    path: () => `/repos/acme/support/releases/assets/${assetId}`,
    status: 204,
  },
  {
    route: 'DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}',
    path: () => `/repos/acme/support/releases/assets/${assetId}`,
    status: 404,
  },
  {
    route: 'GET /repos/{owner}/{repo}/git/ref/{ref}',
    path: '/repos/acme/support/git/ref/heads/main',
    status: 200,
    then: (body) => {
      mainSha = (body as { object: { sha: string } }).object.sha;
    },
  },
  {
    route: 'POST /repos/{owner}/{repo}/git/refs',
    path: '/repos/acme/support/git/refs',
    body: () => ({ ref: 'refs/heads/support-kit/cover-1', sha: mainSha }),
    status: 201,
    token: 'alice-token',
  },
  {
    route: 'POST /repos/{owner}/{repo}/git/refs',
    path: '/repos/acme/support/git/refs',
    body: () => ({ ref: 'refs/heads/support-kit/cover-1', sha: mainSha }),
    status: 422,
    token: 'alice-token',
  },
  {
    route: 'PUT /repos/{owner}/{repo}/contents/{path}',
    path: '/repos/acme/support/contents/.github/support-kit/roster.yaml',
    body: {
      message: 'Roster: bob covers alice',
      content: Buffer.from('sites: { paris: {} }\n').toString('base64'),
      branch: 'support-kit/cover-1',
      sha: blobSha('sites: {}\n'),
    },
    status: 200,
    token: 'alice-token',
  },
  {
    route: 'PUT /repos/{owner}/{repo}/contents/{path}',
    path: '/repos/acme/support/contents/.github/support-kit/roster.yaml',
    body: {
      message: 'Roster: from an old copy',
      content: Buffer.from('sites: {}\n').toString('base64'),
      branch: 'support-kit/cover-1',
      sha: blobSha('sites: {}\n'),
    },
    status: 409,
    token: 'alice-token',
  },
  {
    route: 'POST /repos/{owner}/{repo}/pulls',
    path: '/repos/acme/support/pulls',
    body: { title: 'Roster: bob covers alice', head: 'support-kit/cover-1', base: 'main' },
    status: 403,
  },
  {
    route: 'POST /repos/{owner}/{repo}/pulls',
    path: '/repos/acme/support/pulls',
    body: { title: 'Roster: bob covers alice', head: 'support-kit/cover-1', base: 'main' },
    status: 201,
    token: 'alice-token',
    then: (body) => {
      pullNumber = (body as { number: number }).number;
    },
  },
  {
    route: 'GET /repos/{owner}/{repo}/pulls',
    path: '/repos/acme/support/pulls?head=acme:support-kit/cover-1&state=all',
    status: 200,
    then: (body) => expect(body).toMatchObject([{ head: { ref: 'support-kit/cover-1' } }]),
  },
  {
    route: 'POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers',
    path: () => `/repos/acme/support/pulls/${pullNumber}/requested_reviewers`,
    body: { reviewers: ['bob'] },
    status: 201,
    token: 'alice-token',
    then: (body) => expect(body).toMatchObject({ requested_reviewers: [{ login: 'bob' }] }),
  },
  {
    route: 'POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers',
    path: () => `/repos/acme/support/pulls/${pullNumber}/requested_reviewers`,
    body: { reviewers: ['dave'] },
    status: 422,
    token: 'alice-token',
  },
  {
    route: 'DELETE /repos/{owner}/{repo}/git/refs/{ref}',
    path: '/repos/acme/support/git/refs/heads/support-kit/cover-1',
    status: 204,
    token: 'alice-token',
  },
  {
    route: 'DELETE /repos/{owner}/{repo}/git/refs/{ref}',
    path: '/repos/acme/support/git/refs/heads/support-kit/cover-1',
    status: 422,
    token: 'alice-token',
  },
  {
    route: 'GET /search/issues',
    path: `/search/issues?q=${encodeURIComponent('repo:acme/support is:open label:bug')}`,
    status: 200,
  },
  { route: 'GET /search/issues', path: '/search/issues?q=repo:acme/support', status: 200 },
  { route: 'GET /search/issues', path: '/search/issues', status: 422 },
];

describe('the emulator against GitHub’s OpenAPI description', () => {
  let gh: Emulator;
  beforeAll(async () => {
    gh = await startBasic();
    gh.grantToken('test-token', {
      login: 'github-actions[bot]',
      kind: 'workflow',
      permissions: { issues: 'write', contents: 'write', 'pull-requests': 'write', pages: 'read' },
    });
    gh.grantToken('alice-token', { login: 'alice', kind: 'user' });
    // The dark-mode pull request's head commit: one file added, one changed.
    const head = gh.store.issue('acme/support', 4).pull_request?.head_sha;
    gh.store.setFile('acme/support', 'src/theme.css', 'body { color: white; }\n', head);
    gh.store.setFile('acme/support', 'README.md', '# support\n\nNow in dark mode.\n', head);
    gh.store.addReview('acme/support', 4, { user: 'alice', state: 'APPROVED' });
    gh.store.setTag('acme/support', 'v1.2.3', RELEASE_COMMIT, { message: 'v1.2.3' });
    gh.store.setTag('acme/support', 'v1', RELEASE_COMMIT);
    gh.store.addWorkflow(
      'acme/support',
      '.github/workflows/support-kit-schedule.yml',
      'disabled_inactivity',
    );
    gh.store.addRepo({ owner: 'acme', name: 'engine' });
    gh.store.setTag('acme/engine', 'v1.0.0', gh.store.pushCommit('acme/engine', 'First'));
    gh.store.pushCommit('acme/engine', 'Fix the socket leak (fixes #1)');
    gh.store.addRepo({ owner: 'acme', name: 'pages-on' });
    gh.store.setPages('acme/pages-on', { build_type: 'workflow' });
  });
  afterAll(async () => {
    await gh.close();
  });

  it('has a fixture entry for every route it serves, and nothing else', () => {
    const served = routeTable.map((r) => r.key).sort();
    expect(describedRoutes().sort()).toEqual(served);
  });

  it('serves on the uploads host exactly the routes GitHub serves there', () => {
    const uploads = routeTable.filter((r) => r.uploads).map((r) => r.key);
    expect(uploads).toEqual(uploadRoutes());
  });

  it('answers 404 to an upload sent to the API host, as the uploads host is another', async () => {
    const res = await call(gh, 'POST', '/repos/acme/support/releases/1/assets?name=x.ics', {
      raw: ICS,
      headers: CALENDAR,
    });
    expect(res.status).toBe(404);
  });

  it('drives every route it serves at least once with a success', () => {
    const driven = new Set(steps.filter((s) => s.status < 300).map((s) => s.route));
    const missing = routeTable.map((r) => r.key).filter((k) => !driven.has(k));
    expect(missing, 'routes without a successful step in openapi.test.ts').toEqual([]);
  });

  it('rejects a body that breaks the schema (the check is not vacuous)', async () => {
    const res = await call<Record<string, unknown>>(gh, 'GET', '/repos/acme/support/issues/1');
    const route = 'GET /repos/{owner}/{repo}/issues/{issue_number}';
    const { user: _user, ...withoutUser } = res.body;
    expect(responseProblems(route, 200, withoutUser)).not.toEqual([]);
    expect(responseProblems(route, 200, { ...res.body, labels: 'bug' })).not.toEqual([]);
    expect(responseProblems(route, 200, res.body)).toEqual([]);
  });

  it('answers each step with the documented status and a body that matches the schema', async () => {
    for (const step of steps) {
      const path = typeof step.path === 'function' ? step.path() : step.path;
      const method = step.route.slice(0, step.route.indexOf(' '));
      const body = typeof step.body === 'function' ? (step.body as () => unknown)() : step.body;
      if (step.status < 300) expectValidRequest(step.route, body);
      const res = await call(gh, method, path, {
        body,
        ...(step.raw !== undefined ? { raw: step.raw } : {}),
        headers: step.headers ?? {},
        ...(step.token ? { token: step.token } : {}),
      });
      expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBe(step.status);
      expect(gh.requests.at(-1)?.route).toBe(step.route);
      expectValid(step.route, res.status, res.body);
      step.then?.(res.body);
    }
  });
});
