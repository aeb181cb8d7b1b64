import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { RepoRef } from '../kernel/plan.js';

/** How config is read from a repository at a commit: the gateway fits, and so does a fake. */
export interface RepoFiles {
  repo: RepoRef;
  readFile(path: string, ref?: string): Promise<string | null>;
  listFolder(path: string, ref?: string): Promise<string[] | null>;
  /** Whole folders with their files' text in one request (null: no such folder; a null text: read it alone). */
  readFolders?(
    paths: readonly string[],
    ref?: string,
  ): Promise<Map<string, Map<string, string | null> | null>>;
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

/**
 * The config through the API at `ref`. With a gateway that reads whole folders, the config folder
 * and the folders `alongside` it (the issue templates) come in one request on first use, and
 * every file after that is already known; anything else is read once per run.
 */
export function apiSource(
  gateway: RepoFiles,
  configPath: string,
  ref: string | undefined,
  alongside: readonly string[] = [],
): ConfigSource {
  const folder = isSingleFile(configPath) ? dirname(configPath) : configPath;
  const only = isSingleFile(configPath) ? basename(configPath) : undefined;
  const at = `${gateway.repo.owner}/${gateway.repo.repo}${ref ? ` at ${ref}` : ''}`;
  const files = folderReader(gateway, ref, only ? [] : [folder, ...alongside]);
  return {
    description: `${at} ${configPath}`,
    folder,
    // As from a checkout: the one file named is read whatever its name.
    ...(only ? { singleFile: only } : {}),
    async list() {
      if (only) return [only];
      return files.list(folder);
    },
    read: (fileName) => files.read(`${folder}/${fileName}`),
    listAt: (path) => files.list(path),
    readAt: (path) => files.read(path),
  };
}

/** Reads at one ref, each at most once: the snapshot folders in one request, the rest alone. */
function folderReader(gateway: RepoFiles, ref: string | undefined, wanted: string[]) {
  const snapshotFolders = wanted.map(trimSlashes);
  let snapshot: Promise<Map<string, Map<string, string | null> | null>> | undefined;
  const folderOf = async (path: string) => {
    const key = trimSlashes(path);
    if (!gateway.readFolders || !snapshotFolders.includes(key)) return undefined;
    snapshot ??= gateway.readFolders(snapshotFolders, ref);
    return (await snapshot).get(key) ?? null;
  };
  const reads = new Map<string, Promise<string | null>>();
  const readAlone = (path: string) => {
    let read = reads.get(path);
    if (!read) reads.set(path, (read = gateway.readFile(path, ref)));
    return read;
  };
  return {
    async list(path: string): Promise<string[] | null> {
      const known = await folderOf(path);
      if (known !== undefined) return known ? [...known.keys()].sort() : null;
      const names = await gateway.listFolder(path, ref);
      return names ? names.sort() : null;
    },
    async read(path: string): Promise<string | null> {
      const known = await folderOf(dirname(path));
      if (known === undefined) return readAlone(path);
      if (!known?.has(basename(path))) return null;
      return known.get(basename(path)) ?? readAlone(path);
    },
  };
}

const trimSlashes = (path: string) => path.replace(/^\.\/|\/+$/g, '');

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
