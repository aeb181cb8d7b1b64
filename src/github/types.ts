import type { Issue, IssueComment, PullRequest } from '@octokit/webhooks-types';

/**
 * The slices of GitHub's objects the kit reads through the REST API. Event payloads use GitHub's
 * own webhook types (@octokit/webhooks-types) below, so a field the kit reads is one GitHub sends.
 */

export interface GitHubUser {
  login: string;
  type?: string;
}

export interface GitHubLabel {
  name: string;
  color?: string;
  description?: string | null;
}

/** A label added to (or removed from) an issue, from its events. */
export interface GitHubLabelChange {
  label: string;
  at: string;
  added: boolean;
}

export interface GitHubIssue {
  /** REST's id of the issue (not its number): what sub-issues and dependencies name it by. */
  id?: number;
  number: number;
  /** GraphQL's id of the issue, for the one mutation the kit sends (pinIssue). */
  node_id?: string;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason?: string | null;
  user: GitHubUser | null;
  author_association?: string;
  labels: GitHubLabel[];
  assignees: GitHubUser[];
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  html_url: string;
  pull_request?: unknown;
  /** Its issue type; REST says (null for none), GraphQL answers as the kit reads them do not. */
  type?: { name: string } | null;
}

export interface GitHubComment {
  id: number;
  body: string;
  user: GitHubUser | null;
  created_at: string;
  updated_at: string;
  html_url: string;
}

/** The issue an `issues` or `issue_comment` event carries. */
export type IssuePayload = Issue;

/** The comment an `issue_comment` event carries. */
export type CommentPayload = IssueComment;

/** The pull request a `pull_request` event carries. */
export type PullRequestPayload = PullRequest;

/** A release, as far as the calendars' release is concerned (see Gateway.releaseByTag). */
export interface GitHubRelease {
  id: number;
  tag_name: string;
  html_url: string;
  /** `https://uploads.github.com/repos/o/r/releases/1/assets{?name,label}`: where assets go. */
  upload_url: string;
  prerelease?: boolean;
  published_at?: string | null;
}

export interface GitHubReleaseAsset {
  id: number;
  name: string;
  label: string | null;
  /** "open" when an upload failed upstream and left it empty (GitHub says to delete it). */
  state: string;
  browser_download_url: string;
}
