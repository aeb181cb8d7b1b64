/**
 * The development tools' entry: `npm start` (the demo) and `npm run emulator`. They run from the
 * source under tsx and are never bundled; the installed `support-kit demo|emulator` hands over here
 * when it finds this folder beside it (a clone), and explains otherwise.
 */
import { EXIT, type Io, runGroup, stdio } from '../src/cli/usage.js';

const TOOLS: Record<string, (argv: string[], io: Io) => Promise<number>> = {
  demo: async (a, io) => (await import('./demo/demo.js')).demoCommand(a, io),
  emulator: async (a, io) => (await import('./emulator/cli.js')).emulatorCommand(a, io),
};

export async function devMain(argv: string[], io: Io = stdio): Promise<number> {
  const [tool = '', ...rest] = argv;
  const run = TOOLS[tool];
  if (!run) {
    io.err(`usage: tsx dev/cli.ts <${Object.keys(TOOLS).join('|')}> [options]`);
    return EXIT.usage;
  }
  return runGroup(tool, run, rest, io);
}

process.exitCode = await devMain(process.argv.slice(2));
