import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          server: { deps: { inline: ['@actions/workflow-parser', '@actions/expressions'] } },
        },
      },
      {
        test: {
          name: 'emulator',
          include: ['test/emulator/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          server: { deps: { inline: ['@actions/workflow-parser', '@actions/expressions'] } },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          server: { deps: { inline: ['@actions/workflow-parser', '@actions/expressions'] } },
        },
      },
    ],
  },
});
