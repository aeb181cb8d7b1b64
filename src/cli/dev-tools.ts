import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EXIT, type Io } from './usage.js';

/** Groups that belong to the development tools in dev/, which no bundle carries. */
export const DEV_TOOLS = ['demo', 'emulator'] as const;

/**
 * `support-kit demo|emulator` in a clone hands over to dev/cli.ts under tsx; an installed
 * package has neither, so it says where the tool lives instead of failing on a missing file.
 */
export async function runDevTool(tool: string, argv: string[], io: Io): Promise<number> {
  const root = packageRoot();
  const entry = join(root, 'dev', 'cli.ts');
  const loader = tsxLoader(root);
  if (!existsSync(entry) || !loader) {
    io.err(
      `support-kit ${tool}: the ${tool} is a development tool; it ships with the source, not with the installed package.\n` +
        'To play it, clone the repository, then run: npm ci && npm start',
    );
    return EXIT.usage;
  }
  const child = spawn(process.execPath, ['--import', loader, entry, tool, ...argv], {
    stdio: 'inherit',
  });
  // The emulator serves until stopped: a stop meant for us is meant for it.
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward).on('SIGTERM', forward);
  return new Promise((done) =>
    child.on('close', (code) => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      done(code ?? EXIT.findings);
    }),
  );
}

/** tsx's ESM loader as the clone's devDependencies installed it, or undefined without them. */
function tsxLoader(root: string): string | undefined {
  try {
    return pathToFileURL(createRequire(join(root, 'package.json')).resolve('tsx/esm')).href;
  } catch {
    return undefined;
  }
}

/** dist/cli/index.js and src/cli/*.ts both sit two folders below the package root. */
function packageRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
}
