import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type {
  CreateRelease,
  DeleteReleaseAsset,
  UploadReleaseAsset,
  WriteFile,
} from '../kernel/plan.js';
import { createOnce } from './create-once.js';
import { type Gateway, statusOf } from './gateway.js';
import type { GitHubRelease } from './types.js';

/**
 * The operations that publish files (the on-call calendars): a release, its assets, and files on
 * the runner for the Pages upload. Each is safe to repeat: the release is found by its tag, an
 * asset by its name, and a write that GitHub may have made before failing is looked for first.
 */
type PublishOperation = CreateRelease | UploadReleaseAsset | DeleteReleaseAsset | WriteFile;

interface Outcome {
  status: 'applied' | 'unchanged';
  detail: string;
}

export async function applyPublish(op: PublishOperation, gateway: Gateway): Promise<Outcome> {
  switch (op.kind) {
    case 'create-release':
      return createRelease(gateway, op);
    case 'upload-release-asset':
      return uploadAsset(gateway, op);
    case 'delete-release-asset':
      return deleteAsset(gateway, op.asset, op.name);
    case 'write-file':
      await mkdir(dirname(op.path), { recursive: true });
      await writeFile(op.path, op.content);
      return { status: 'applied', detail: op.path };
  }
}

async function createRelease(gateway: Gateway, op: CreateRelease): Promise<Outcome> {
  // The job read it by its tag: a release made since (a concurrent run) is not made twice.
  const found = await gateway.releaseByTag(op.tag);
  if (found) return { status: 'unchanged', detail: found.html_url };
  const created = await createOnce(
    () => gateway.createRelease(op),
    async () => {
      gateway.forgetRelease(op.tag);
      return (await gateway.releaseByTag(op.tag)) ?? undefined;
    },
  );
  return { status: 'applied', detail: created.html_url };
}

async function release(gateway: Gateway, tag: string): Promise<GitHubRelease> {
  const found = await gateway.releaseByTag(tag);
  if (!found) throw new Error(`no release ${tag} to put the file on (its creation failed)`);
  return found;
}

/** Delete, then upload: GitHub refuses (422) an asset whose name another asset has. */
async function uploadAsset(gateway: Gateway, op: UploadReleaseAsset): Promise<Outcome> {
  const target = await release(gateway, op.tag);
  if (op.replaces !== undefined) await deleteAsset(gateway, op.replaces, op.name);
  const asset = await createOnce(
    () => gateway.uploadReleaseAsset(target, op),
    async () => {
      const same = (await gateway.listReleaseAssets(target.id)).find((a) => a.name === op.name);
      if (same?.state === 'uploaded' && same.label === op.label) return same;
      // An upload that failed upstream can leave an empty asset under the name, not "uploaded".
      if (same) await deleteAsset(gateway, same.id, op.name);
      return undefined;
    },
  );
  return { status: 'applied', detail: asset.browser_download_url };
}

async function deleteAsset(gateway: Gateway, asset: number, name: string): Promise<Outcome> {
  try {
    await gateway.deleteReleaseAsset(asset);
    return { status: 'applied', detail: name };
  } catch (error) {
    // Gone already (a person deleted it, or an earlier attempt did): what the delete was for.
    if (statusOf(error) !== 404) throw error;
    return { status: 'unchanged', detail: `${name} was gone already` };
  }
}
