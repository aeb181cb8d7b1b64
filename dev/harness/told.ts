import type { Issue, Label, Store } from '../emulator/index.js';
import { joinSections, sections } from '../../src/kernel/markers.js';

/**
 * What a run changed on the desk, told as the people watching the repository saw it: issues the
 * kit opened, labels put on and taken off, who was assigned, and each comment as GitHub renders
 * it (a `<details>` block shows as its summary; hidden markers do not show). The demo prints it
 * after every run; the scenario weeks keep it with the test that played the run (`--week`).
 */

interface IssueView {
  title: string;
  state: string;
  labels: string[];
  assignees: string[];
  /** Each comment's time and text, to tell a new one from one edited in place. */
  comments: string[];
  bodies: string[];
}

export interface DeskView {
  issues: Map<number, IssueView>;
  /** The repository's labels by id (a rename keeps the id): name, colour and description. */
  labels: Map<number, string>;
}

export function viewOf(store: Store, repo: string): DeskView {
  const { issues, labels } = store.repo(repo);
  return {
    issues: new Map(issues.map((i) => [i.number, issueView(i)])),
    labels: new Map(labels.map((l) => [l.id, labelView(l)])),
  };
}

function labelView(label: Label): string {
  return `${label.name}|${label.color}|${label.description ?? ''}`;
}

function issueView(i: Issue): IssueView {
  return {
    title: i.title,
    state: i.state,
    labels: i.labels.map((l) => l.name),
    assignees: [...i.assignees],
    comments: i.comments.map((c) => c.updated_at + c.body),
    bodies: i.comments.map((c) => c.body),
  };
}

/** What happened to one issue in a run: a line, then each comment it got as rendered. */
export interface IssueChange {
  summary: string;
  comments: string[][];
}

/** What changed since `before`, issue by issue. */
export function whatChanged(store: Store, repo: string, before: DeskView): IssueChange[] {
  const labels = labelChange(store.repo(repo).labels, before.labels);
  return [
    ...(labels ? [{ summary: `the repository's labels: ${labels}`, comments: [] }] : []),
    ...store.repo(repo).issues.flatMap((issue) => {
      const change = issueChange(issue, before.issues.get(issue.number));
      return change ? [change] : [];
    }),
  ];
}

/** "3 created, 1 renamed (sev1 → watchlist), 5 changed, 2 deleted", or empty. */
function labelChange(labels: Label[], before: Map<number, string>): string {
  const now = new Set(labels.map((l) => l.id));
  const created = labels.filter((l) => !before.has(l.id)).map((l) => l.name);
  const renamed = labels.flatMap((l) => {
    const was = before.get(l.id)?.split('|')[0];
    return was !== undefined && was !== l.name ? [`${was} → ${l.name}`] : [];
  });
  const changed = labels.filter((l) => {
    const was = before.get(l.id);
    return was !== undefined && was.split('|')[0] === l.name && was !== labelView(l);
  }).length;
  const deleted = [...before.keys()].filter((id) => !now.has(id)).length;
  return [
    created.length
      ? `${created.length} created${created.length <= 3 ? ` (${created.join(', ')})` : ''}`
      : '',
    renamed.length ? `${renamed.length} renamed (${renamed.join(', ')})` : '',
    changed ? `${changed} changed` : '',
    deleted ? `${deleted} deleted` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

function issueChange(issue: Issue, was: IssueView | undefined): IssueChange | undefined {
  const now = issueView(issue);
  const parts: string[] = [];
  if (!was) parts.push(`opened by @${issue.user}: "${issue.title}"`);
  const labels = setChange(was?.labels ?? [], now.labels);
  if (labels) parts.push(labels);
  const assigned = now.assignees.filter((a) => !was?.assignees.includes(a));
  const unassigned = (was?.assignees ?? []).filter((a) => !now.assignees.includes(a));
  if (assigned.length > 0) parts.push(`assigned ${assigned.join(', ')}`);
  if (unassigned.length > 0) parts.push(`unassigned ${unassigned.join(', ')}`);
  if (was && was.state !== now.state) parts.push(now.state);
  const written = issue.comments.filter((_c, k) => was?.comments[k] !== now.comments[k]);
  const edited = written.filter((c) => was?.comments[issue.comments.indexOf(c)] !== undefined);
  if (written.length > 0) parts.push(commented(written.length, edited.length));
  if (parts.length === 0) return undefined;
  return {
    summary: `#${issue.number}: ${parts.join('; ')}`,
    comments: written.map((c) =>
      rendered(changedSections(c.body, was?.bodies[issue.comments.indexOf(c)])),
    ),
  };
}

/** An edit of a comment in sections shows the sections it changed, as a reader looks for them. */
function changedSections(body: string, before: string | undefined): string {
  if (before === undefined) return body;
  const old = new Set(sections(before));
  const changed = sections(body).filter((part) => !old.has(part));
  return changed.length > 0 ? joinSections(changed) : body;
}

function commented(written: number, edited: number): string {
  const count = (n: number) => (n === 1 ? 'a comment' : `${n} comments`);
  if (edited === written) return `${count(edited)} edited in place`;
  return `${count(written)}${edited ? ` (${edited} edited in place)` : ''}`;
}

/**
 * A run's changes as lines: its headline, with the change when it touched one issue; each
 * comment's text under a bar, a dotted bar between two comments.
 */
export function changeLines(headline: string, changes: IssueChange[]): string[] {
  const body = (change: IssueChange, indent: string) =>
    change.comments.flatMap((lines, k) => [
      ...(k > 0 ? [`${indent}┆`] : []),
      ...lines.map((l) => (l ? `${indent}│ ${l}` : `${indent}│`)),
    ]);
  const [only, ...more] = changes;
  if (!only) return [`${headline}; nothing changed`];
  if (more.length === 0) return [`${headline}: ${only.summary}`, ...body(only, '  ')];
  return [
    `${headline}:`,
    ...changes.flatMap((change) => [`  ${change.summary}`, ...body(change, '    ')]),
  ];
}

/** `+added −removed`, or empty when the two lists hold the same names. */
function setChange(before: string[], after: string[]): string {
  const added = after.filter((x) => !before.includes(x)).map((x) => `+${x}`);
  const removed = before.filter((x) => !after.includes(x)).map((x) => `−${x}`);
  return [...added, ...removed].join(' ');
}

/**
 * A comment's markdown as a reader first sees it: markers hidden, each `<details>` block folded
 * to its summary, and no run of blank lines.
 */
function rendered(body: string): string[] {
  const folded = body
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(
      /<details>\s*<summary>([\s\S]*?)<\/summary>[\s\S]*?<\/details>/g,
      (_all, summary: string) => `▸ ${summary.trim()}`,
    );
  // GitHub draws `---` as a rule across the comment.
  const lines = folded.split('\n').map((l) => (l === '---' ? '────────' : l.trimEnd()));
  return lines
    .filter((l, k) => l !== '' || (k > 0 && lines[k - 1] !== ''))
    .join('\n')
    .trim()
    .split('\n');
}

/**
 * What the scenario runs told since the last test took them: the e2e project's setup file
 * (told-setup.ts) files them under the test that played the runs, for `demo --week`.
 */
const pending: string[] = [];

export function tell(lines: string[]): void {
  pending.push(...lines);
}

export function takeTold(): string[] {
  return pending.splice(0);
}
