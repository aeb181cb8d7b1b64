import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { RepoRef } from '../kernel/plan.js';

/** How config is read from a repository at a commit: the gateway fits, and so does a fake. */
export interface RepoFiles {
  repo: RepoRef;
  readFile(path: string, ref?: string): Promise<string | null>;
  listFolder(path: string, ref?: string): Promise<string[] | null>;
}

/** Where config files come from: a checked-out workspace, or the repository through the API. */
export interface ConfigSource {
  /** Shown to people: "workspace .github/support-kit" or "acme/desk@main .github/support-kit". */
  description: string;
  /** Repository-relative folder the files live in (used in problems and annotations). */
  folder: string;
  /** Set when the source is one file named on purpose (`--config roster-draft.yaml`): it is read whatever its name. */
  singleFile?: string;
  /** File names in the folder, or null when the folder does not exist. */
  list(): Promise<string[] | null>;
  read(fileName: string): Promise<string | null>;
  /** Files elsewhere in the repository (issue templates), by repository-relative path. */
  listAt(folder: string): Promise<string[] | null>;
  readAt(path: string): Promise<string | null>;
}

const isSingleFile = (path: string) => /\.ya?ml$/.test(path);

/**
 * `configPath` may name the folder or one file in it, relative to `root` (the workspace, the
 * checkout root that paths in problems are relative to) or absolute. An absolute path inside the
 * root is shown relative to it, like any other; one outside it is shown as written.
 */
export function workspaceSource(root: string, configPath: string): ConfigSource {
  const absolute = resolve(root, configPath);
  const single = isSingleFile(configPath);
  const folderPath = single ? dirname(absolute) : absolute;
  const only = single ? basename(configPath) : undefined;
  const inside = relative(root, folderPath);
  const outside = inside.startsWith('..') || isAbsolute(inside);
  return {
    description: `workspace ${configPath}`,
    folder: outside ? folderPath : inside || '.',
    ...(only ? { singleFile: only } : {}),
    async list() {
      if (only) return (await exists(absolute)) ? [only] : null;
      try {
        return (await readdir(absolute)).sort();
      } catch {
        return null;
      }
    },
    async read(fileName) {
      return readOrNull(join(folderPath, fileName));
    },
    async listAt(path) {
      try {
        return (await readdir(resolve(root, path))).sort();
      } catch {
        return null;
      }
    },
    readAt: (path) => readOrNull(resolve(root, path)),
  };
}

async function readOrNull(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}

export async function workspaceHasConfig(root: string, configPath: string): Promise<boolean> {
  return exists(resolve(root, configPath));
}

export function apiSource(
  gateway: RepoFiles,
  configPath: string,
  ref: string | undefined,
): ConfigSource {
  const folder = isSingleFile(configPath) ? dirname(configPath) : configPath;
  const only = isSingleFile(configPath) ? basename(configPath) : undefined;
  const at = `${gateway.repo.owner}/${gateway.repo.repo}${ref ? ` at ${ref}` : ''}`;
  return {
    description: `${at} ${configPath}`,
    folder,
    // As from a checkout: the one file named is read whatever its name.
    ...(only ? { singleFile: only } : {}),
    async list() {
      if (only) return [only];
      const names = await gateway.listFolder(folder, ref);
      return names ? names.sort() : null;
    },
    read: (fileName) => gateway.readFile(`${folder}/${fileName}`, ref),
    async listAt(path) {
      const names = await gateway.listFolder(path, ref);
      return names ? names.sort() : null;
    },
    readAt: (path) => gateway.readFile(path, ref),
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
