import { describe, expect, it } from 'vitest';
import {
  planLabelSync,
  type DesiredLabel,
  type ExistingLabel,
  type LabelOperation,
  type SyncPolicy,
} from '../../../src/labels/decide/sync.js';
import { GITHUB_DEFAULT_LABELS } from '../../../src/labels/decide/github-defaults.js';

const RED = 'd73a4a';
const DARK_RED = 'b60205';

function policy(overrides: Partial<SyncPolicy> = {}): SyncPolicy {
  return {
    prune: false,
    exclude: [],
    brake: { maxDeletes: 100, maxPercent: 100 },
    allowMassDelete: false,
    ...overrides,
  };
}

function want(name: string, extra: Partial<DesiredLabel> = {}): DesiredLabel {
  return { name, color: RED, aliases: [], ...extra };
}

function have(name: string, extra: Partial<ExistingLabel> = {}): ExistingLabel {
  return { name, color: RED, description: '', ...extra };
}

function kinds(operations: LabelOperation[]): string[] {
  return operations.map((op) => `${op.kind} ${op.name}`);
}

describe('planLabelSync: matching by name', () => {
  it('creates a label that is not on GitHub yet, with an empty description when none is given', () => {
    const { operations } = planLabelSync([want('bug')], [], policy());
    expect(operations).toEqual([
      {
        kind: 'create-label',
        name: 'bug',
        color: RED,
        description: '',
        reason: 'not on GitHub yet',
      },
    ]);
  });

  it('keeps a label that is already in sync, colour compared ignoring case', () => {
    const { operations } = planLabelSync(
      [want('bug', { description: 'Broken' })],
      [have('bug', { color: 'D73A4A', description: 'Broken' })],
      policy(),
    );
    expect(operations).toEqual([{ kind: 'keep-label', name: 'bug', reason: 'already in sync' }]);
  });

  it('updates a changed colour and says from what to what', () => {
    const { operations } = planLabelSync(
      [want('bug', { color: DARK_RED })],
      [have('bug')],
      policy(),
    );
    expect(operations).toEqual([
      { kind: 'update-label', name: 'bug', color: DARK_RED, reason: `colour ${RED} → ${DARK_RED}` },
    ]);
  });

  it('renames on a case-only difference, never delete + create, even with prune', () => {
    const { operations } = planLabelSync([want('Bug')], [have('bug')], policy({ prune: true }));
    expect(operations).toEqual([
      { kind: 'update-label', name: 'bug', newName: 'Bug', reason: 'name "bug" → "Bug"' },
    ]);
  });

  it('renames between a :shortcode: and its emoji instead of creating a second label', () => {
    const { operations } = planLabelSync(
      [want('🐛 bug')],
      [have(':bug: bug')],
      policy({ prune: true }),
    );
    expect(kinds(operations)).toEqual(['update-label :bug: bug']);
    expect(operations[0]).toMatchObject({ newName: '🐛 bug' });
  });

  it('renames away an emoji variation selector in the same way', () => {
    const { operations } = planLabelSync(
      [want('🐛 bug')],
      [have('🐛\uFE0F Bug')],
      policy({ prune: true }),
    );
    expect(operations).toEqual([
      {
        kind: 'update-label',
        name: '🐛\uFE0F Bug',
        newName: '🐛 bug',
        reason: 'name "🐛\uFE0F Bug" → "🐛 bug"',
      },
    ]);
  });

  it('prefers the exact spelling when GitHub has the same label spelled two ways, and deletes neither', () => {
    const { operations, warnings } = planLabelSync(
      [want('🐛 bug')],
      [have(':bug: bug'), have('🐛 bug')],
      policy({ prune: true }),
    );
    expect(operations).toEqual([
      {
        kind: 'keep-label',
        name: ':bug: bug',
        reason: 'same label as "🐛 bug", spelled differently; kept so its issues keep it',
      },
      { kind: 'keep-label', name: '🐛 bug', reason: 'already in sync' },
    ]);
    expect(warnings).toEqual([expect.stringContaining('move its issues to "🐛 bug" by hand')]);
  });
});

describe('planLabelSync: matching by name (GitHub-equal spelling)', () => {
  it('renames the spelling GitHub sees as the same name, so the rename cannot clash', () => {
    const { operations } = planLabelSync(
      [want('🐛 bug')],
      [have(':bug: bug'), have('🐛 BUG')],
      policy({ prune: true }),
    );
    expect(kinds(operations)).toEqual(['update-label 🐛 BUG', 'keep-label :bug: bug']);
    expect(operations[0]).toMatchObject({ newName: '🐛 bug' });
  });
});

describe('planLabelSync: descriptions', () => {
  it("leaves GitHub's description alone when labels.yaml gives none", () => {
    const { operations } = planLabelSync(
      [want('bug')],
      [have('bug', { description: 'Written on GitHub' })],
      policy(),
    );
    expect(operations).toEqual([{ kind: 'keep-label', name: 'bug', reason: 'already in sync' }]);
  });

  it("treats GitHub's null description as ''", () => {
    const { operations } = planLabelSync(
      [want('bug', { description: '' })],
      [have('bug', { description: null })],
      policy(),
    );
    expect(operations).toEqual([{ kind: 'keep-label', name: 'bug', reason: 'already in sync' }]);
  });

  it('adds a description where GitHub has null', () => {
    const { operations } = planLabelSync(
      [want('bug', { description: 'Broken' })],
      [have('bug', { description: null })],
      policy(),
    );
    expect(operations).toEqual([
      { kind: 'update-label', name: 'bug', description: 'Broken', reason: 'description added' },
    ]);
  });

  it("clears a description when labels.yaml says ''", () => {
    const { operations } = planLabelSync(
      [want('bug', { description: '' })],
      [have('bug', { description: 'Old' })],
      policy(),
    );
    expect(operations).toEqual([
      { kind: 'update-label', name: 'bug', description: '', reason: 'description cleared' },
    ]);
  });
});

describe('planLabelSync: aliases', () => {
  it('renames a label found under an alias, with its other changes in the same operation', () => {
    const { operations, warnings } = planLabelSync(
      [want('P1', { aliases: ['sev1'], color: DARK_RED, description: 'Urgent' })],
      [have('sev1', { description: null })],
      policy({ prune: true }),
    );
    expect(operations).toEqual([
      {
        kind: 'update-label',
        name: 'sev1',
        newName: 'P1',
        color: DARK_RED,
        description: 'Urgent',
        reason: `renamed from alias "sev1" so its issues keep it; colour ${RED} → ${DARK_RED}; description added`,
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it('renames the first alias in alias order and keeps the other alias labels, even with prune', () => {
    const { operations, warnings } = planLabelSync(
      [want('P1', { aliases: ['sev1', 'urgent'] })],
      [have('urgent'), have('sev1')],
      policy({ prune: true }),
    );
    expect(kinds(operations)).toEqual(['update-label sev1', 'keep-label urgent']);
    expect(operations[0]).toMatchObject({ newName: 'P1' });
    expect(operations[1]?.reason).toContain('kept so its issues keep it');
    expect(warnings).toEqual([
      '"urgent" and "sev1" are both earlier names of "P1"; "sev1" becomes "P1". It was left as is so its issues keep it: move its issues to "P1" by hand and delete it, or drop the alias from labels.yaml.',
    ]);
  });

  it('keeps an alias label when the label itself already exists, even with prune', () => {
    const { operations, warnings } = planLabelSync(
      [want('P1', { aliases: ['sev1'] })],
      [have('P1'), have('sev1')],
      policy({ prune: true }),
    );
    expect(kinds(operations)).toEqual(['keep-label P1', 'keep-label sev1']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('Both "sev1" (an earlier name of "P1") and "P1" exist.');
  });

  it('matches aliases ignoring case and emoji form, and renames to the configured spelling', () => {
    const { operations } = planLabelSync(
      [want('🔥 P1', { aliases: [':fire: sev1'] })],
      [have('🔥 SEV1')],
      policy(),
    );
    expect(operations).toMatchObject([{ kind: 'update-label', name: '🔥 SEV1', newName: '🔥 P1' }]);
  });

  it('never lets an alias take a label that is another entry of labels.yaml', () => {
    const { operations, warnings } = planLabelSync(
      [want('P1', { aliases: ['P2'] }), want('P2')],
      [have('P2')],
      policy({ prune: true }),
    );
    expect(kinds(operations)).toEqual(['create-label P1', 'keep-label P2']);
    expect(warnings).toEqual([expect.stringContaining('the alias is ignored')]);
  });
});

describe('planLabelSync: self-collisions never delete', () => {
  it('ignores a label listed as its own alias (any spelling) and keeps the label', () => {
    const { operations, warnings } = planLabelSync(
      [want('bug', { aliases: ['Bug', ':bug:', 'bug'] }), want('🐛', { aliases: [':bug:'] })],
      [have('bug'), have('🐛')],
      policy({ prune: true }),
    );
    expect(kinds(operations)).toEqual(['keep-label bug', 'keep-label 🐛']);
    expect(warnings.some((w) => w.includes('lists its own name as an alias'))).toBe(true);
  });

  it('uses only the first of two entries with the same key, and deletes nothing', () => {
    const { operations, warnings } = planLabelSync(
      [want('bug'), want('BUG', { color: DARK_RED })],
      [have('bug')],
      policy({ prune: true }),
    );
    expect(operations).toEqual([{ kind: 'keep-label', name: 'bug', reason: 'already in sync' }]);
    expect(warnings).toEqual([
      'labels.yaml lists "bug" and "BUG", which are the same label; "BUG" is ignored.',
    ]);
  });
});

describe('planLabelSync: ignored duplicate entries', () => {
  it('keeps, even with prune, a label found only under the aliases of an ignored duplicate entry', () => {
    const { operations } = planLabelSync(
      [want('bug'), want('Bug', { aliases: ['defect'] })],
      [have('bug'), have('defect')],
      policy({ prune: true }),
    );
    expect(operations).toContainEqual({
      kind: 'keep-label',
      name: 'defect',
      reason: 'named by an ignored duplicate entry of labels.yaml; kept',
    });
    expect(operations.some((op) => op.kind === 'delete-label')).toBe(false);
  });
});

describe('planLabelSync: labels not in labels.yaml', () => {
  it('keeps them when prune is off', () => {
    const { operations } = planLabelSync([want('bug')], [have('bug'), have('wontfix')], policy());
    expect(operations).toContainEqual({
      kind: 'keep-label',
      name: 'wontfix',
      reason: 'not in labels.yaml; prune is off',
    });
    expect(operations.some((op) => op.kind === 'delete-label')).toBe(false);
  });

  it('with prune, deletes only labels that are neither listed nor excluded', () => {
    const { operations } = planLabelSync(
      [want('bug', { aliases: ['defect'] })],
      [have('bug'), have('defect'), have('wontfix'), have('Bot: CI')],
      policy({ prune: true, exclude: ['bot:*'] }),
    );
    expect(operations).toEqual([
      { kind: 'delete-label', name: 'wontfix', reason: 'not in labels.yaml and prune is on' },
      { kind: 'keep-label', name: 'Bot: CI', reason: 'excluded by pattern "bot:*"' },
      { kind: 'keep-label', name: 'bug', reason: 'already in sync' },
      {
        kind: 'keep-label',
        name: 'defect',
        reason: 'alias "defect" of "bug", which is already taken; kept so its issues keep it',
      },
    ]);
  });

  it("matches exclude globs ignoring case, with '/' as an ordinary character", () => {
    const { operations } = planLabelSync(
      [],
      [have('dependabot/npm'), have('Area/API/v2'), have('.hidden')],
      policy({ prune: true, exclude: ['*BOT*', 'area/*', '.*'], allowMassDelete: true }),
    );
    expect(operations.map((op) => `${op.name}: ${op.reason}`)).toEqual([
      '.hidden: excluded by pattern ".*"',
      'Area/API/v2: excluded by pattern "area/*"',
      'dependabot/npm: excluded by pattern "*BOT*"',
    ]);
  });

  it('still syncs a listed label that an exclude pattern matches: exclude protects only unlisted labels', () => {
    const { operations } = planLabelSync(
      [want('Bot: CI', { color: DARK_RED })],
      [have('bot: ci')],
      policy({ prune: true, exclude: ['bot:*'] }),
    );
    expect(operations).toEqual([
      {
        kind: 'update-label',
        name: 'bot: ci',
        newName: 'Bot: CI',
        color: DARK_RED,
        reason: `name "bot: ci" → "Bot: CI"; colour ${RED} → ${DARK_RED}`,
      },
    ]);
  });
});

describe('planLabelSync: mass-delete brake', () => {
  const tenLabels = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map((n) => have(n));
  const keepSeven = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((n) => want(n));

  it('holds every delete when there are more than maxDeletes', () => {
    const decision = planLabelSync(
      keepSeven,
      tenLabels,
      policy({ prune: true, brake: { maxDeletes: 2, maxPercent: 100 } }),
    );
    expect(decision.operations.some((op) => op.kind === 'delete-label')).toBe(false);
    expect(decision.operations.filter((op) => op.reason.includes('brake'))).toEqual([
      {
        kind: 'keep-label',
        name: 'h',
        reason: 'not in labels.yaml; held by the mass-delete brake',
      },
      {
        kind: 'keep-label',
        name: 'i',
        reason: 'not in labels.yaml; held by the mass-delete brake',
      },
      {
        kind: 'keep-label',
        name: 'j',
        reason: 'not in labels.yaml; held by the mass-delete brake',
      },
    ]);
    expect(decision.brake).toEqual({
      deletes: 3,
      existing: 10,
      limit: 'at most 2 deletes or 100% of 10 labels',
    });
  });

  it('holds every delete when they are more than maxPercent of the labels', () => {
    const decision = planLabelSync(
      keepSeven,
      tenLabels,
      policy({ prune: true, brake: { maxDeletes: 100, maxPercent: 25 } }),
    );
    expect(decision.operations.some((op) => op.kind === 'delete-label')).toBe(false);
    expect(decision.brake).toEqual({
      deletes: 3,
      existing: 10,
      limit: 'at most 100 deletes or 25% of 10 labels',
    });
  });

  it('lets deletes exactly at the limits through', () => {
    const decision = planLabelSync(
      keepSeven,
      tenLabels,
      policy({ prune: true, brake: { maxDeletes: 3, maxPercent: 30 } }),
    );
    expect(decision.brake).toBeUndefined();
    expect(decision.operations.filter((op) => op.kind === 'delete-label')).toHaveLength(3);
  });

  it('lets them through with allowMassDelete, and says so', () => {
    const decision = planLabelSync(
      keepSeven,
      tenLabels,
      policy({ prune: true, brake: { maxDeletes: 1, maxPercent: 10 }, allowMassDelete: true }),
    );
    expect(decision.brake).toBeUndefined();
    expect(kinds(decision.operations.filter((op) => op.kind === 'delete-label'))).toEqual([
      'delete-label h',
      'delete-label i',
      'delete-label j',
    ]);
    expect(decision.warnings).toEqual([expect.stringContaining('mass deletes are allowed')]);
  });

  it('holds deletes when labels.yaml lists no labels at all, whatever the limits', () => {
    const decision = planLabelSync(
      [],
      [have('bug')],
      policy({ prune: true, brake: { maxDeletes: 100, maxPercent: 100 } }),
    );
    expect(decision.operations).toEqual([
      {
        kind: 'keep-label',
        name: 'bug',
        reason: 'not in labels.yaml; held by the mass-delete brake',
      },
    ]);
    expect(decision.brake).toEqual({
      deletes: 1,
      existing: 1,
      limit: 'no deletes while labels.yaml lists no labels',
    });
  });
});

describe('planLabelSync: ordering', () => {
  const desired = [
    want('zeta', { color: DARK_RED }),
    want('Alpha'),
    want('P1', { aliases: ['sev1'] }),
    want('new-b'),
    want('new-a'),
    want('ok'),
    want('beta', { color: DARK_RED }),
  ];
  const existing = [
    have('old-y'),
    have('zeta'),
    have('ok'),
    have('sev1'),
    have('alpha'),
    have('old-x'),
    have('beta'),
    have('kept-z', { color: '000000' }),
  ];

  it('puts renames, then other updates, creates, deletes and keeps, each by name', () => {
    const { operations } = planLabelSync(
      desired,
      existing,
      policy({ prune: true, exclude: ['kept-*'] }),
    );
    expect(kinds(operations)).toEqual([
      'update-label alpha',
      'update-label sev1',
      'update-label beta',
      'update-label zeta',
      'create-label new-a',
      'create-label new-b',
      'delete-label old-x',
      'delete-label old-y',
      'keep-label kept-z',
      'keep-label ok',
    ]);
  });

  it('gives the same plan whatever order the inputs come in', () => {
    const p = policy({ prune: true, exclude: ['kept-*'] });
    const plan = planLabelSync(desired, existing, p);
    expect(planLabelSync([...desired].reverse(), [...existing].reverse(), p)).toEqual(plan);
  });
});

describe('planLabelSync: warnings', () => {
  it('warns about an emoji-only name, which GitHub refuses', () => {
    const { warnings } = planLabelSync([want('🔥')], [], policy());
    expect(warnings).toEqual(['"🔥" is only emoji; GitHub refuses such a name (add some text).']);
  });
});

describe("planLabelSync: GitHub's default labels", () => {
  const defaults: ExistingLabel[] = GITHUB_DEFAULT_LABELS.map((l) => ({ ...l }));

  it('prunes the untouched defaults without counting them against the brake, and says why', () => {
    const decision = planLabelSync(
      [want('S1-broken')],
      defaults,
      policy({ prune: true, brake: { maxDeletes: 5, maxPercent: 25 } }),
    );

    expect(decision.brake).toBeUndefined();
    expect(decision.operations.filter((op) => op.kind === 'delete-label')).toHaveLength(9);
    expect(decision.operations.find((op) => op.kind === 'delete-label')?.reason).toMatch(
      /GitHub's default label, untouched/,
    );
  });

  it('holds them with the rest when labels.yaml lists nothing', () => {
    const decision = planLabelSync([], defaults, policy({ prune: true }));

    expect(decision.operations.some((op) => op.kind === 'delete-label')).toBe(false);
  });
});

describe('planLabelSync: labels the kit writes', () => {
  it('never prunes a label the kit writes for its own state, and says why', () => {
    const decision = planLabelSync(
      [want('S1-broken')],
      [have('escalated/2'), have('support-kit/report'), have('stray')],
      policy({ prune: true }),
    );

    expect(decision.operations.filter((op) => op.kind === 'keep-label')).toEqual([
      expect.objectContaining({
        name: 'escalated/2',
        reason: expect.stringMatching(
          /written by support-kit \(the escalation steps taken\); never pruned/,
        ),
      }),
      expect.objectContaining({ name: 'support-kit/report' }),
    ]);
    expect(decision.operations.find((op) => op.kind === 'delete-label')?.name).toBe('stray');
  });
});
