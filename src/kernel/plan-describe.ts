import type { Operation } from './plan.js';

/** The target of an operation, as a short phrase ("#12", "issue marked report week=2026-W47"). */
export function describeTarget(op: Operation): string {
  switch (op.kind) {
    case 'upsert-issue':
      return `issue marked ${formatMarkerKeys(op.marker.kind, op.marker.keys)}`;
    case 'open-pull-request':
      return `branch ${op.branch}`;
    case 'create-label':
    case 'update-label':
    case 'delete-label':
    case 'keep-label':
      return `label "${op.name}"`;
    case 'upsert-comment':
    case 'notify':
      return typeof op.issue === 'number'
        ? `#${op.issue}`
        : `issue marked ${formatMarkerKeys(op.issue.marker.kind, op.issue.marker.keys)}`;
    case 'add-labels':
    case 'remove-labels':
    case 'edit-labels':
    case 'add-assignees':
    case 'reassign':
    case 'remove-assignees':
    case 'update-issue':
    case 'open-sub-issues':
    case 'set-issue-type':
    case 'link-fix':
      return `#${op.issue}`;
    case 'create-release':
      return `release ${op.tag}`;
    case 'upload-release-asset':
    case 'delete-release-asset':
      return `${op.name} on release ${op.tag}`;
    case 'write-file':
      return op.path;
  }
}

/** What an operation does, as a short phrase. */
export function describeAction(op: Operation): string {
  switch (op.kind) {
    case 'add-labels':
      return `add label${op.labels.length > 1 ? 's' : ''} ${op.labels.map(quote).join(', ')}`;
    case 'remove-labels':
      return `remove label${op.labels.length > 1 ? 's' : ''} ${op.labels.map(quote).join(', ')}`;
    case 'edit-labels':
      return [
        op.add.length ? `add ${op.add.map(quote).join(', ')}` : '',
        op.remove.length ? `remove ${op.remove.map(quote).join(', ')}` : '',
      ]
        .filter(Boolean)
        .join(', ');
    case 'add-assignees':
      return `assign ${op.assignees.join(', ')}${op.fallback ? ` (else ${op.fallback})` : ''}`;
    case 'remove-assignees':
      return `unassign ${op.assignees.join(', ')}`;
    case 'reassign':
      return `reassign from ${op.from} to ${op.to}`;
    case 'upsert-comment':
      return `write the ${op.marker.kind} comment`;
    case 'upsert-issue':
      return `write issue "${op.title}"`;
    case 'open-sub-issues':
      return `open sub-issue${op.items.length > 1 ? 's' : ''} ${op.items.map((i) => quote(i.title)).join(', ')}`;
    case 'update-issue': {
      const parts: string[] = [];
      if (op.state) parts.push(op.stateReason ? `${op.state} (${op.stateReason})` : op.state);
      if (op.title !== undefined) parts.push(`retitle "${op.title}"`);
      return parts.length > 0 ? `set ${parts.join(', ')}` : 'update';
    }
    case 'set-issue-type':
      return `set type "${op.type}"${op.fallback.length ? ` (else label ${op.fallback.map(quote).join(', ')})` : ''}`;
    case 'create-label':
      return `create (#${op.color}${op.description ? `, "${op.description}"` : ''})`;
    case 'update-label': {
      const parts: string[] = [];
      if (op.newName !== undefined) parts.push(`rename to "${op.newName}"`);
      if (op.color !== undefined) parts.push(`colour #${op.color}`);
      if (op.description !== undefined)
        parts.push(op.description ? `description "${op.description}"` : 'clear description');
      return parts.join(', ') || 'update';
    }
    case 'delete-label':
      return 'delete';
    case 'keep-label':
      return 'keep';
    case 'open-pull-request':
      return `open pull request "${op.title}" changing ${op.file.path}`;
    case 'notify':
      return `notify ${op.channel === 'pagerduty' ? 'PagerDuty' : 'the webhook'} (${op.key})`;
    case 'create-release':
      return `create release "${op.name}"`;
    case 'upload-release-asset':
      return op.replaces === undefined ? 'upload' : 'replace';
    case 'delete-release-asset':
      return 'delete';
    case 'link-fix':
      return `link the fix ${'number' in op.fix ? `${op.fix.repo.owner}/${op.fix.repo.repo}#${op.fix.number}` : `opened in ${op.fix.repo.owner}/${op.fix.repo.repo}`}`;
    case 'write-file':
      return `write (${op.content.length.toLocaleString('en-US')} characters)`;
  }
}

function quote(s: string): string {
  return `"${s}"`;
}

function formatMarkerKeys(kind: string, keys: Readonly<Record<string, string>>): string {
  const pairs = Object.entries(keys).map(([k, v]) => `${k}=${v}`);
  return [kind, ...pairs].join(' ');
}
