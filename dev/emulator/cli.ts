import { EMULATOR_HELP } from '../help.js';
import { EXIT, type Io, parseGroupArgs, UsageError } from '../../src/cli/usage.js';

export async function emulatorCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseGroupArgs(argv, {
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    seed: { type: 'string' },
  });
  if (values.help) {
    io.out(EMULATOR_HELP);
    return EXIT.ok;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be 0-65535, not "${values.port}"`);
  const { startEmulator, loadSeedFile } = await import('./index.js');
  const seed = values.seed ? await loadSeedFile(values.seed) : undefined;
  const emulator = await startEmulator({ port, host: values.host, ...(seed ? { seed } : {}) });
  io.out(emulator.url);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await emulator.close();
  return EXIT.ok;
}
