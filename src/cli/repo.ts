import type { RepoRef } from '../kernel/plan.js';
import { UsageError } from './usage.js';

export function parseRepo(value: string): RepoRef {
  const match = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(value);
  if (!match?.[1] || !match[2]) throw new UsageError(`--repo must be owner/name, not "${value}"`);
  return { owner: match[1], repo: match[2] };
}
