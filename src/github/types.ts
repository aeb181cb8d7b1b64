/** The slices of GitHub's objects the kit reads. */

export interface GitHubUser {
  login: string;
  type?: string;
}

export interface GitHubLabel {
  name: string;
  color?: string;
  description?: string | null;
}

export interface GitHubIssue {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason?: string | null;
  user: GitHubUser | null;
  labels: GitHubLabel[];
  assignees: GitHubUser[];
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  html_url: string;
  pull_request?: unknown;
}

export interface GitHubComment {
  id: number;
  body: string;
  user: GitHubUser | null;
  created_at: string;
  updated_at: string;
  html_url: string;
}
