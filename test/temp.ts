import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

/**
 * A fresh folder in the system temp folder, removed when the current test finishes, passed or
 * failed. Call it inside a test; a folder shared by a whole file is made in beforeAll and
 * removed in afterAll. The run fails if a test leaves anything in the temp folder (see
 * test/tmp-guard.ts).
 */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
