#!/usr/bin/env node
// `npm test`: every check CI runs, in order, and one closing line `tests: N passed, N failed`.
// Vitest's own counts are used for the test suites; each other check counts as one.
import { spawnSync } from 'node:child_process';
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

function check(name, cmd, args) {
  process.stdout.write(`\n=== ${name}\n`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (result.status === 0) passed++;
  else {
    failed++;
    failures.push(name);
  }
}

check('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
check('lint (eslint)', bin('eslint'), ['.']);
check('format (prettier)', bin('prettier'), ['--check', '.']);
check('dead code (knip)', bin('knip'), ['--no-progress']);
check('dist is fresh', process.execPath, [join(root, 'scripts/check-dist.mjs')]);

process.stdout.write('\n=== vitest (unit, emulator, e2e)\n');
rmSync(report, { force: true });
const vitest = spawnSync(
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile=${report}`],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  if (json.numFailedTests > 0 || vitest.status !== 0) failures.push('vitest');
  if (json.numTotalTests === 0) {
    failed++;
    failures.push('vitest ran no test');
  }
} catch {
  failed++;
  failures.push('vitest (no report)');
}
if (vitest.status !== 0 && !failures.includes('vitest')) {
  failed++;
  failures.push('vitest');
}

if (failures.length > 0) process.stdout.write(`\nfailed: ${failures.join(', ')}\n`);
process.stdout.write(`tests: ${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : 0);
