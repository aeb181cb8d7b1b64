import { afterEach } from 'vitest';
import { takeTold } from './told.js';

declare module 'vitest' {
  interface TaskMeta {
    /** What the scenario runs of this test showed people (told.ts), for `demo --week`. */
    told?: string[];
  }
}

// The e2e project's setup: what a test's scenario runs told goes with the test, so a reporter
// can print the week as a story. A beforeAll's runs go with the file's first test.
afterEach((context) => {
  const told = takeTold();
  if (told.length > 0) context.task.meta.told = told;
});
