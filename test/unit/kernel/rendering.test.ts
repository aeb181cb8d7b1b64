import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../src/kernel/plan.js';
import { renderSummary } from '../../../src/kernel/summary.js';
import { renderValidationComment } from '../../../src/validate/decide/comment.js';
import { renderLabelsPreview } from '../../../src/labels/decide/preview.js';

const plan: Plan = {
  capability: 'intake',
  repo: { owner: 'acme', repo: 'desk' },
  operations: [
    {
      kind: 'add-labels',
      issue: 12,
      labels: ['S1-broken', 'status/0-triage'],
      reason: 'severity "S1 - broken" in the form',
    },
    {
      kind: 'upsert-comment',
      issue: 12,
      marker: { kind: 'intake', keys: {} },
      body: 'x',
      reason: 'ask for the missing logs',
    },
    {
      kind: 'upsert-issue',
      marker: { kind: 'report', keys: { week: '2026-W47' } },
      title: 'Support week 2026-W47',
      body: 'x',
      labels: ['report'],
      reason: 'weekly report',
    },
  ],
  notes: ['issue by @octocat | title with a pipe'],
};

describe('job summary', () => {
  it('renders config, problems and the plan with each result', async () => {
    const markdown = renderSummary({
      capability: 'intake',
      event: 'issues.opened',
      repo: 'acme/desk',
      configSource: 'acme/desk at abc1234 .github/support-kit',
      files: [{ path: '.github/support-kit/intake.yaml', schemaChecked: false }],
      problems: [
        {
          file: '.github/support-kit/labels.yaml',
          line: 3,
          column: 12,
          severity: 'warning',
          message: 'unused alias "bug|x"',
        },
      ],
      dryRun: false,
      rows: [
        { operation: plan.operations[0]!, status: 'applied', detail: '#12' },
        { operation: plan.operations[1]!, status: 'unchanged', detail: '' },
        {
          operation: plan.operations[2]!,
          status: 'failed',
          detail: 'POST /repos/acme/desk/issues: 403 Resource not accessible by integration',
        },
      ],
      notes: plan.notes,
    });
    await expect(markdown).toMatchFileSnapshot('../golden/summary-intake.md');
  });

  it('says so in the title on a dry-run', () => {
    const markdown = renderSummary({
      capability: 'labels',
      event: 'push',
      repo: 'a/b',
      configSource: 'x',
      files: [],
      problems: [],
      dryRun: true,
      rows: [],
      notes: [],
    });
    expect(markdown.split('\n')[0]).toBe('## support-kit labels (dry-run)');
  });

  it('marks what a rate limit left for the next run, and says until when', () => {
    const markdown = renderSummary({
      capability: 'intake',
      event: 'issues.opened',
      repo: 'a/b',
      configSource: 'x',
      files: [],
      problems: [],
      dryRun: false,
      rows: [
        {
          operation: { kind: 'add-labels', issue: 1, labels: ['bug'], reason: 'triage' },
          status: 'deferred',
          detail: 'rate limited until 16:15 UTC',
        },
      ],
      notes: [],
      deferred: 'rate limited until 16:15 UTC; 1 operation left for the next run',
    });
    expect(markdown).toContain('| ⏳ deferred |');
    expect(markdown).toContain(
      '⏳ rate limited until 16:15 UTC; 1 operation left for the next run.',
    );
  });
});

describe('validation comment', () => {
  it('lists every problem with its position when the config is broken', async () => {
    const markdown = renderValidationComment({
      folder: '.github/support-kit',
      commit: 'a1b2c3d4e5f6',
      files: [{ path: '.github/support-kit/intake.yaml', schemaChecked: false }],
      problems: [
        {
          file: '.github/support-kit/labels.yaml',
          line: 6,
          column: 12,
          severity: 'error',
          message: 'labels[0].color: must be six hex digits',
        },
        {
          file: '.github/support-kit/lables.yaml',
          line: 1,
          column: 1,
          severity: 'warning',
          message: 'unknown config file',
        },
      ],
    });
    await expect(markdown).toMatchFileSnapshot('../golden/validate-broken.md');
  });

  it('says the config is valid when it is', async () => {
    const markdown = renderValidationComment({
      folder: '.github/support-kit',
      commit: 'b2c3d4e5f6a1',
      files: [{ path: '.github/support-kit/labels.yaml', schemaChecked: true }],
      problems: [],
    });
    await expect(markdown).toMatchFileSnapshot('../golden/validate-valid.md');
  });
});

describe('labels preview comment', () => {
  const repo = { owner: 'acme', repo: 'desk' };
  it('lists what merging would change per repository, with warnings and a held brake', async () => {
    const markdown = renderLabelsPreview(
      [
        {
          capability: 'labels',
          repo,
          preview: true,
          notes: ['alias "sev-1" of "S1-broken" is also on GitHub; relabel its issues by hand'],
          operations: [
            {
              kind: 'update-label',
              name: 'sev1',
              newName: 'S1-broken',
              color: 'd93f0b',
              reason: 'renamed from alias "sev1" so its issues keep it',
            },
            {
              kind: 'create-label',
              name: 'S0 | @acme/leads',
              color: 'b60205',
              description: '',
              reason: 'not on GitHub yet',
            },
            { kind: 'delete-label', name: 'wontfix', reason: 'not in labels.yaml and prune is on' },
            { kind: 'keep-label', name: 'bug', reason: 'already in sync' },
          ],
        },
        {
          capability: 'labels',
          repo: { owner: 'acme', repo: 'other' },
          preview: true,
          notes: [],
          operations: [{ kind: 'keep-label', name: 'bug', reason: 'already in sync' }],
        },
      ],
      ['acme/desk: 6 of 8 labels would be deleted, over the brake'],
    );
    await expect(markdown).toMatchFileSnapshot('../golden/labels-preview.md');
  });

  it('ends a very long table with the number of rows left out', () => {
    const operations = Array.from({ length: 160 }, (_, i) => ({
      kind: 'create-label' as const,
      name: `l${i}`,
      color: 'ededed',
      description: '',
      reason: 'not on GitHub yet',
    }));
    const markdown = renderLabelsPreview(
      [{ capability: 'labels', repo, preview: true, notes: [], operations }],
      [],
    );
    expect(markdown).toContain('… and 10 more');
    expect(markdown.length).toBeLessThan(65_536);
  });
});
