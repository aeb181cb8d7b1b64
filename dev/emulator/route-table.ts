/**
 * The single table of REST routes the emulator serves. Anything else answers 501 naming the
 * route. scripts/openapi-fixture.mjs reads the `route('METHOD /path', ...)` entries below to
 * cut GitHub's OpenAPI description down to these operations, and openapi.test.ts fails if a
 * route here has no operation in that fixture or is not exercised: keep one entry per line in
 * this exact form, with GitHub's own path template.
 */
import { route, type RouteDef, UPLOADS } from './route.js';
import * as account from './routes/account.js';
import * as actions from './routes/actions.js';
import * as assignees from './routes/assignees.js';
import * as branches from './routes/branches.js';
import * as comments from './routes/comments.js';
import * as compare from './routes/compare.js';
import * as contents from './routes/contents.js';
import * as dependencies from './routes/dependencies.js';
import * as events from './routes/events.js';
import * as git from './routes/git.js';
import * as issues from './routes/issues.js';
import * as issueTypes from './routes/issue-types.js';
import * as labels from './routes/labels.js';
import * as pages from './routes/pages.js';
import * as pulls from './routes/pulls.js';
import * as releases from './routes/releases.js';
import * as repos from './routes/repos.js';
import * as search from './routes/search.js';
import * as subIssues from './routes/sub-issues.js';

export const routeTable: readonly RouteDef[] = [
  route('GET /user', account.getAuthenticatedUser),
  route('GET /users/{username}', account.getUser),
  route('GET /rate_limit', account.getRateLimit),
  route('GET /user/repos', repos.listForAuthenticatedUser),
  route('GET /orgs/{org}/repos', repos.listForOrg),
  route('GET /orgs/{org}/teams/{team_slug}/members', account.listTeamMembers),
  route('GET /repos/{owner}/{repo}', repos.getRepo),
  route('GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}', actions.getWorkflow),
  route('PUT /repos/{owner}/{repo}/actions/workflows/{workflow_id}/enable', actions.enableWorkflow),
  route('GET /repos/{owner}/{repo}/collaborators', repos.listCollaborators),
  route('GET /repos/{owner}/{repo}/collaborators/{username}', repos.checkCollaborator),
  route('GET /repos/{owner}/{repo}/collaborators/{username}/permission', repos.getPermission),
  route('GET /repos/{owner}/{repo}/contents/{path}', contents.getContent),
  route('PUT /repos/{owner}/{repo}/contents/{path}', branches.putContent),
  route('GET /repos/{owner}/{repo}/git/ref/{ref}', git.getRef),
  route('GET /repos/{owner}/{repo}/git/tags/{tag_sha}', git.getTag),
  route('POST /repos/{owner}/{repo}/git/refs', branches.createRef),
  route('DELETE /repos/{owner}/{repo}/git/refs/{ref}', branches.deleteRef),
  route('GET /repos/{owner}/{repo}/issues', issues.listIssues),
  route('POST /repos/{owner}/{repo}/issues', issues.createIssue),
  route('GET /repos/{owner}/{repo}/issues/{issue_number}', issues.getIssue),
  route('PATCH /repos/{owner}/{repo}/issues/{issue_number}', issues.updateIssue),
  route('GET /repos/{owner}/{repo}/issues/comments', comments.listForRepo),
  route('GET /repos/{owner}/{repo}/issues/comments/{comment_id}', comments.getComment),
  route('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', comments.updateComment),
  route('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', comments.deleteComment),
  route('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', comments.listForIssue),
  route('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', comments.createComment),
  route('GET /repos/{owner}/{repo}/issue-types', issueTypes.listForRepo),
  route('GET /repos/{owner}/{repo}/labels', labels.listLabels),
  route('POST /repos/{owner}/{repo}/labels', labels.createLabel),
  route('GET /repos/{owner}/{repo}/labels/{name}', labels.getLabel),
  route('PATCH /repos/{owner}/{repo}/labels/{name}', labels.updateLabel),
  route('DELETE /repos/{owner}/{repo}/labels/{name}', labels.deleteLabel),
  route('GET /repos/{owner}/{repo}/issues/{issue_number}/labels', labels.listForIssue),
  route('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', labels.addToIssue),
  route('PUT /repos/{owner}/{repo}/issues/{issue_number}/labels', labels.setForIssue),
  route('DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels', labels.removeAllFromIssue),
  route('DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}', labels.removeFromIssue),
  route('GET /repos/{owner}/{repo}/assignees', assignees.listAssignees),
  route('GET /repos/{owner}/{repo}/assignees/{assignee}', assignees.checkAssignable),
  route(
    'GET /repos/{owner}/{repo}/issues/{issue_number}/assignees/{assignee}',
    assignees.checkAssignableToIssue,
  ),
  route('POST /repos/{owner}/{repo}/issues/{issue_number}/assignees', assignees.addAssignees),
  route('DELETE /repos/{owner}/{repo}/issues/{issue_number}/assignees', assignees.removeAssignees),
  route(
    'GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by',
    dependencies.listBlockedBy,
  ),
  route(
    'POST /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by',
    dependencies.addBlockedBy,
  ),
  route(
    'DELETE /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by/{issue_id}',
    dependencies.removeBlockedBy,
  ),
  route(
    'GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocking',
    dependencies.listBlocking,
  ),
  route('GET /repos/{owner}/{repo}/issues/{issue_number}/events', events.listEvents),
  route('GET /repos/{owner}/{repo}/issues/{issue_number}/timeline', events.listTimeline),
  route('GET /repos/{owner}/{repo}/issues/{issue_number}/sub_issues', subIssues.listSubIssues),
  route('POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues', subIssues.addSubIssue),
  route('GET /repos/{owner}/{repo}/pulls', pulls.listPulls),
  route('POST /repos/{owner}/{repo}/pulls', pulls.createPull),
  route('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', pulls.listFiles),
  route('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', pulls.listReviews),
  route('GET /repos/{owner}/{repo}/pages', pages.getPages),
  route('GET /repos/{owner}/{repo}/releases', releases.listReleases),
  route('GET /repos/{owner}/{repo}/releases/tags/{tag}', releases.getByTag),
  route('GET /repos/{owner}/{repo}/compare/{basehead}', compare.compareCommits),
  route('POST /repos/{owner}/{repo}/releases', releases.createRelease),
  route('GET /repos/{owner}/{repo}/releases/{release_id}/assets', releases.listAssets),
  route('POST /repos/{owner}/{repo}/releases/{release_id}/assets', releases.uploadAsset, UPLOADS),
  route('DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}', releases.deleteAsset),
  route(
    'POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers',
    pulls.requestReviewers,
  ),
  route('GET /search/issues', search.searchIssues),
];
