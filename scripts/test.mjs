#!/usr/bin/env node
// `npm test`: every check CI runs and one closing line `tests: N passed, N failed`.
// Vitest's own counts are used for the test suites; each other check counts as one.
//
// The four checks are independent of each other, so they run at the same time (each one's
// output is printed whole, in a fixed order, once it ends). Vitest runs after them: its e2e
// project runs the bundles that the dist check has just rebuilt from the sources.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const report = join(root, '.tmp', 'vitest.json');
mkdirSync(dirname(report), { recursive: true });

let passed = 0;
let failed = 0;
const failures = [];
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)}s`;

/** Run a command with its output collected (stdout and stderr interleaved as written). */
function collect(cmd, args) {
  return new Promise((resolvePromise) => {
    const started = Date.now();
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout.on('data', (d) => chunks.push(d));
    child.stderr.on('data', (d) => chunks.push(d));
    child.on('error', (error) => chunks.push(Buffer.from(`${error.message}\n`)));
    child.on('close', (code) =>
      resolvePromise({ code, output: Buffer.concat(chunks).toString(), time: seconds(started) }),
    );
  });
}

const CHECKS = [
  ['typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
  ['lint (eslint)', bin('eslint'), ['.']],
  ['format (prettier)', bin('prettier'), ['--check', '.']],
  ['dead code (knip)', bin('knip'), ['--no-progress']],
  ['dist is fresh', process.execPath, [join(root, 'scripts/check-dist.mjs')]],
];

const results = await Promise.all(CHECKS.map(([, cmd, args]) => collect(cmd, args)));
CHECKS.forEach(([name], i) => {
  const { code, output, time } = results[i];
  process.stdout.write(`\n=== ${name} (${time})\n${output}`);
  if (code === 0) passed++;
  else {
    failed++;
    failures.push(name);
  }
});

process.stdout.write('\n=== vitest (unit, emulator, e2e)\n');
rmSync(report, { force: true });
const vitestStarted = Date.now();
const vitestCode = await new Promise((resolvePromise) => {
  const child = spawn(
    bin('vitest'),
    ['run', '--reporter=default', '--reporter=json', `--outputFile=${report}`],
    { cwd: root, stdio: 'inherit' },
  );
  child.on('error', () => resolvePromise(-1));
  child.on('close', (code) => resolvePromise(code));
});
process.stdout.write(`vitest: ${seconds(vitestStarted)}\n`);
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  if (json.numFailedTests > 0) failures.push('vitest');
  if (json.numTotalTests === 0) {
    failed++;
    failures.push('vitest ran no test');
  }
} catch {
  failed++;
  failures.push('vitest (no report)');
}
// A failure outside the tests: an error in a hook or while closing, such as the temp-folder
// guard (test/tmp-guard.ts) finding what a test left behind.
if (vitestCode !== 0 && !failures.some((f) => f.startsWith('vitest'))) {
  failed++;
  failures.push('vitest (exited non-zero with every test passed; see the errors above)');
}

if (failures.length > 0) process.stdout.write(`\nfailed: ${failures.join(', ')}\n`);
process.stdout.write(`tests: ${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : 0);
