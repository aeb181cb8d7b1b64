import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest global setup: the test run leaves nothing in the system temp folder.
 *
 * The run gets a temp folder of its own (TMPDIR, which os.tmpdir() reads in this process, in
 * the workers, and in every child process that inherits the environment; the harness passes it
 * to the bundles and the CLI it starts). At the end, anything still in that folder was left by
 * a test that did not clean up: the run fails and names it. The folder itself goes either way.
 * A folder of our own, rather than a before/after listing of the shared /tmp, so builds and
 * tests running beside this one on the machine cannot be taken for a leak of ours.
 *
 * Caches of third-party tools are not ours to clean: tsx keeps its compile cache in
 * `tsx-<uid>` (the demo runs dev/ under tsx). They are removed with the folder.
 */
const TOOL_CACHES = [/^tsx-\d+$/];
/** Node's compile cache for the bundles the tests run, set up here. */
const COMPILE_CACHE = 'node-compile-cache';

export default function setup(): () => void {
  const outer = tmpdir();
  const folder = mkdtempSync(join(outer, 'support-kit-test-run-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = folder;
  // Node 24 keeps the V8 code of the bundles it loads here, so the hundreds of bundle runs
  // after the first of each parse and compile less. Not NODE_COMPILE_CACHE itself: the
  // workers would take it up and write the cache on their way out, after the check below;
  // dev/harness's runNode passes it on to the bundles and the CLI it starts, which end within
  // their test.
  process.env.SUPPORT_KIT_TEST_COMPILE_CACHE = join(folder, COMPILE_CACHE);
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    delete process.env.SUPPORT_KIT_TEST_COMPILE_CACHE;
    const left = readdirSync(folder).filter(
      (name) => name !== COMPILE_CACHE && !TOOL_CACHES.some((re) => re.test(name)),
    );
    rmSync(folder, { recursive: true, force: true });
    if (left.length === 0) return;
    // Vitest reports an error thrown here but still exits 0: set the exit status as well.
    process.exitCode = 1;
    throw new Error(
      `the tests left ${left.length} entr${left.length === 1 ? 'y' : 'ies'} in the temp folder ` +
        `(${outer}): ${left.sort().join(', ')}. Remove what a test creates (tempDir() in ` +
        'test/temp.ts removes its folder when the test finishes; afterAll for a shared one).',
    );
  };
}
