import { defineConfig } from 'vitest/config';

/** The workflow parser ships ESM that Vite must transform; shared by every project. */
const server = { deps: { inline: ['@actions/workflow-parser', '@actions/expressions'] } };

export default defineConfig({
  test: {
    // A temp folder of the run's own, which must be empty at the end (see the file).
    globalSetup: ['test/tmp-guard.ts'],
    // Vitest's default on two cores is one worker: files one after the other. Most of an e2e
    // file's time is spent waiting (for the bundle it spawned, for the emulator), so three
    // files at a time keep both cores busy.
    maxWorkers: 3,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          exclude: ['test/unit/host/**'],
          environment: 'node',
          // These tests mock no module, stub no global and change neither the environment nor
          // the working folder: the files share a worker's module cache instead of importing
          // src/ afresh each.
          pool: 'threads',
          isolate: false,
          server,
        },
      },
      {
        test: {
          // The host's tests fake @actions/core and set the runner's environment: each file
          // gets its own module graph, so a mock never leaks into another file.
          name: 'host',
          include: ['test/unit/host/**/*.test.ts'],
          environment: 'node',
          server,
        },
      },
      {
        test: {
          name: 'emulator',
          include: ['test/emulator/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          pool: 'threads',
          isolate: false,
          server,
        },
      },
      {
        test: {
          // Each target's cases one after the other (two runs each); the targets in parallel.
          name: 'reliability',
          include: ['test/reliability/**/*.test.ts'],
          environment: 'node',
          testTimeout: 240_000,
          pool: 'threads',
          isolate: false,
          server,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          setupFiles: ['dev/harness/told-setup.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: 'threads',
          isolate: false,
          server,
        },
      },
    ],
  },
});
