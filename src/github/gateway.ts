import type { RepoRef } from '../core/plan/types.js';
import type { Octokit } from './client.js';
import type { GitHubComment, GitHubIssue, GitHubLabel } from './types.js';

/**
 * The one place that knows GitHub's REST and GraphQL endpoints. Capabilities read and
 * write through it; nothing else builds a request.
 */
export class Gateway {
  /**
   * Comments read in this run, per issue: a job that looks for its marker and the executor
   * that upserts it share one listing instead of paying for two.
   */
  private readonly comments = new Map<number, GitHubComment[]>();

  constructor(
    readonly octokit: Octokit,
    readonly repo: RepoRef,
  ) {}

  private get ref() {
    return { owner: this.repo.owner, repo: this.repo.repo };
  }

  async getIssue(issue: number): Promise<GitHubIssue> {
    const { data } = await this.octokit.rest.issues.get({ ...this.ref, issue_number: issue });
    return data as GitHubIssue;
  }

  async listIssues(
    filter: { state?: 'open' | 'closed' | 'all'; labels?: string[] } = {},
  ): Promise<GitHubIssue[]> {
    const issues = await this.octokit.paginate(this.octokit.rest.issues.listForRepo, {
      ...this.ref,
      state: filter.state ?? 'open',
      ...(filter.labels && filter.labels.length > 0 ? { labels: filter.labels.join(',') } : {}),
      per_page: 100,
    });
    return issues as GitHubIssue[];
  }

  async createIssue(input: {
    title: string;
    body: string;
    labels: string[];
  }): Promise<GitHubIssue> {
    const { data } = await this.octokit.rest.issues.create({ ...this.ref, ...input });
    return data as GitHubIssue;
  }

  async updateIssue(
    issue: number,
    patch: {
      title?: string;
      body?: string;
      state?: 'open' | 'closed';
      state_reason?: 'completed' | 'not_planned' | 'reopened';
    },
  ): Promise<GitHubIssue> {
    const { data } = await this.octokit.rest.issues.update({
      ...this.ref,
      issue_number: issue,
      ...patch,
    });
    return data as GitHubIssue;
  }

  async listComments(issue: number): Promise<GitHubComment[]> {
    const cached = this.comments.get(issue);
    if (cached) return cached;
    const comments = (await this.octokit.paginate(this.octokit.rest.issues.listComments, {
      ...this.ref,
      issue_number: issue,
      per_page: 100,
    })) as GitHubComment[];
    this.comments.set(issue, comments);
    return comments;
  }

  /** Issues (not pull requests) matching a search query, best first, at most `limit`. */
  async searchIssues(query: string, limit: number): Promise<GitHubIssue[]> {
    const { data } = await this.octokit.rest.search.issuesAndPullRequests({
      q: query,
      per_page: Math.min(limit, 100),
    });
    return (data.items as GitHubIssue[]).filter((i) => !i.pull_request).slice(0, limit);
  }

  async createComment(issue: number, body: string): Promise<GitHubComment> {
    const { data } = await this.octokit.rest.issues.createComment({
      ...this.ref,
      issue_number: issue,
      body,
    });
    return data as GitHubComment;
  }

  async updateComment(commentId: number, body: string): Promise<GitHubComment> {
    const { data } = await this.octokit.rest.issues.updateComment({
      ...this.ref,
      comment_id: commentId,
      body,
    });
    return data as GitHubComment;
  }

  async addLabels(issue: number, labels: string[]): Promise<GitHubLabel[]> {
    const { data } = await this.octokit.rest.issues.addLabels({
      ...this.ref,
      issue_number: issue,
      labels,
    });
    return data as GitHubLabel[];
  }

  async listIssueLabels(issue: number): Promise<GitHubLabel[]> {
    const labels = await this.octokit.paginate(this.octokit.rest.issues.listLabelsOnIssue, {
      ...this.ref,
      issue_number: issue,
      per_page: 100,
    });
    return labels as GitHubLabel[];
  }

  async setLabels(issue: number, labels: string[]): Promise<GitHubLabel[]> {
    const { data } = await this.octokit.rest.issues.setLabels({
      ...this.ref,
      issue_number: issue,
      labels,
    });
    return data as GitHubLabel[];
  }

  async removeLabel(issue: number, label: string): Promise<void> {
    await this.octokit.rest.issues.removeLabel({ ...this.ref, issue_number: issue, name: label });
  }

  async addAssignees(issue: number, assignees: string[]): Promise<GitHubIssue> {
    const { data } = await this.octokit.rest.issues.addAssignees({
      ...this.ref,
      issue_number: issue,
      assignees,
    });
    return data as GitHubIssue;
  }

  async removeAssignees(issue: number, assignees: string[]): Promise<GitHubIssue> {
    const { data } = await this.octokit.rest.issues.removeAssignees({
      ...this.ref,
      issue_number: issue,
      assignees,
    });
    return data as GitHubIssue;
  }

  async listLabels(): Promise<GitHubLabel[]> {
    const labels = await this.octokit.paginate(this.octokit.rest.issues.listLabelsForRepo, {
      ...this.ref,
      per_page: 100,
    });
    return labels as GitHubLabel[];
  }

  async createLabel(label: {
    name: string;
    color: string;
    description: string;
  }): Promise<GitHubLabel> {
    const { data } = await this.octokit.rest.issues.createLabel({ ...this.ref, ...label });
    return data as GitHubLabel;
  }

  /** `name` is the current name; Octokit encodes it for the path exactly once. */
  async updateLabel(
    name: string,
    patch: { new_name?: string; color?: string; description?: string },
  ): Promise<GitHubLabel> {
    const { data } = await this.octokit.rest.issues.updateLabel({ ...this.ref, name, ...patch });
    return data as GitHubLabel;
  }

  async deleteLabel(name: string): Promise<void> {
    await this.octokit.rest.issues.deleteLabel({ ...this.ref, name });
  }

  /** An organisation's repositories, archived ones left out: nobody syncs labels there. */
  async listOrgRepos(org: string): Promise<string[]> {
    const repos = await this.octokit.paginate(this.octokit.rest.repos.listForOrg, {
      org,
      per_page: 100,
    });
    return repos.filter((r) => !r.archived).map((r) => r.name);
  }

  /** The same client on another repository (label sync across an organisation, remote extends). */
  forRepo(repo: RepoRef): Gateway {
    if (repo.owner === this.repo.owner && repo.repo === this.repo.repo) return this;
    return new Gateway(this.octokit, repo);
  }

  /**
   * A file's text at a ref, or null when it does not exist. Directories answer null too:
   * the caller asked for a file.
   */
  async readFile(path: string, ref?: string): Promise<string | null> {
    try {
      const { data } = await this.octokit.rest.repos.getContent({
        ...this.ref,
        path,
        ...(ref ? { ref } : {}),
      });
      if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return null;
      return Buffer.from(data.content, 'base64').toString('utf8');
    } catch (error) {
      if (isStatus(error, 404)) return null;
      throw error;
    }
  }

  /** The names of the files in a folder at a ref, or null when the folder does not exist. */
  async listFolder(path: string, ref?: string): Promise<string[] | null> {
    try {
      const { data } = await this.octokit.rest.repos.getContent({
        ...this.ref,
        path,
        ...(ref ? { ref } : {}),
      });
      if (!Array.isArray(data)) return null;
      return data.filter((entry) => entry.type === 'file').map((entry) => entry.name);
    } catch (error) {
      if (isStatus(error, 404)) return null;
      throw error;
    }
  }
}

export function isStatus(error: unknown, status: number): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'status' in error &&
    (error as { status: unknown }).status === status
  );
}

/** GitHub's own words for a failed request, for error reports. */
export function describeRequestError(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'status' in error) {
    const e = error as {
      status: number;
      message?: string;
      request?: { method?: string; url?: string };
    };
    const where = e.request ? `${e.request.method ?? ''} ${e.request.url ?? ''}`.trim() : '';
    return `${where ? `${where}: ` : ''}${e.status} ${e.message ?? ''}`.trim();
  }
  return error instanceof Error ? error.message : String(error);
}
