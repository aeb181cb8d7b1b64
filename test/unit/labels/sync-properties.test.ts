import { describe, expect, it } from 'vitest';
import { labelKey } from '../../../src/labels/decide/names.js';
import {
  planLabelSync,
  type DesiredLabel,
  type ExistingLabel,
  type LabelOperation,
  type SyncPolicy,
} from '../../../src/labels/decide/sync.js';

/** Plays a plan against an in-memory repository the way GitHub would, 422 included. */
function apply(existing: ExistingLabel[], operations: LabelOperation[]): ExistingLabel[] {
  const labels = existing.map((label) => ({ ...label }));
  const clash = (name: string, self?: ExistingLabel): void => {
    const other = labels.find((l) => l !== self && l.name.toLowerCase() === name.toLowerCase());
    if (other) throw new Error(`422 already_exists: "${name}" clashes with "${other.name}"`);
  };
  const find = (name: string): ExistingLabel => {
    const label = labels.find((l) => l.name === name);
    if (!label) throw new Error(`404: no label "${name}"`);
    return label;
  };
  for (const op of operations) {
    switch (op.kind) {
      case 'create-label':
        clash(op.name);
        labels.push({ name: op.name, color: op.color, description: op.description || null });
        break;
      case 'update-label': {
        const label = find(op.name);
        if (op.newName !== undefined) {
          clash(op.newName, label);
          label.name = op.newName;
        }
        if (op.color !== undefined) label.color = op.color;
        if (op.description !== undefined) label.description = op.description || null;
        break;
      }
      case 'delete-label':
        labels.splice(labels.indexOf(find(op.name)), 1);
        break;
      case 'keep-label':
        find(op.name);
        break;
    }
  }
  return labels;
}

function policy(overrides: Partial<SyncPolicy> = {}): SyncPolicy {
  return {
    prune: true,
    exclude: [],
    brake: { maxDeletes: 5, maxPercent: 25 },
    allowMassDelete: true,
    ...overrides,
  };
}

interface Fixture {
  desired: DesiredLabel[];
  existing: ExistingLabel[];
  policy: SyncPolicy;
}

const fixtures: Record<string, Fixture> = {
  'an empty repository': {
    desired: [
      { name: 'bug', color: 'd73a4a', aliases: [] },
      { name: 'docs', color: '0075ca', description: 'Documentation', aliases: [] },
    ],
    existing: [],
    policy: policy(),
  },
  'case, emoji and alias renames with prune': {
    desired: [
      { name: '🐛 Bug', color: 'd73a4a', aliases: [] },
      { name: 'Needs Triage', color: 'FBCA04', aliases: [] },
      { name: 'P1', color: 'b60205', description: 'Urgent', aliases: ['sev1', 'urgent'] },
    ],
    existing: [
      { name: ':bug: bug', color: 'D73A4A', description: null },
      { name: 'needs triage', color: 'fbca04', description: 'Set on GitHub' },
      { name: 'urgent', color: 'ff0000', description: null },
      { name: 'sev1', color: 'ff0000', description: 'Old' },
      { name: 'wontfix', color: 'ffffff', description: null },
    ],
    policy: policy(),
  },
  'descriptions: null, empty and undefined': {
    desired: [
      { name: 'a', color: '000000', description: '', aliases: [] },
      { name: 'b', color: '000000', description: 'B', aliases: [] },
      { name: 'c', color: '000000', aliases: [] },
      { name: 'd', color: '000000', description: '', aliases: [] },
    ],
    existing: [
      { name: 'a', color: '000000', description: null },
      { name: 'b', color: '000000', description: null },
      { name: 'c', color: '000000', description: 'kept' },
      { name: 'd', color: '000000', description: 'cleared' },
    ],
    policy: policy({ prune: false }),
  },
  'one label spelled two ways, excluded extras': {
    desired: [{ name: '🐛 bug', color: 'd73a4a', aliases: ['defect'] }],
    existing: [
      { name: ':bug: bug', color: 'd73a4a', description: null },
      { name: '🐛 BUG', color: 'd73a4a', description: null },
      { name: 'Defect', color: 'd73a4a', description: null },
      { name: 'bot/ci', color: 'ededed', description: null },
    ],
    policy: policy({ exclude: ['BOT*'] }),
  },
};

/** Deterministic generator (mulberry32): the tests stay reproducible. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SPELLINGS = [
  'bug',
  'Bug',
  ':bug: bug',
  '🐛 bug',
  '🐛\uFE0F Bug',
  'sev1',
  'SEV1',
  'P1',
  'p1',
  'wontfix',
  'area/api',
  'Area/API',
  'docs',
];
const COLORS = ['d73a4a', 'D73A4A', 'b60205', '0075ca'];
const DESCRIPTIONS = [undefined, '', 'text', 'Text'];

function generate(random: () => number): Fixture {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const existing: ExistingLabel[] = [];
  for (let i = Math.floor(random() * 6); i > 0; i--) {
    const name = pick(SPELLINGS);
    if (existing.some((l) => l.name.toLowerCase() === name.toLowerCase())) continue;
    existing.push({ name, color: pick(COLORS), description: pick([null, '', 'text']) });
  }
  const desired: DesiredLabel[] = [];
  for (let i = Math.floor(random() * 4); i > 0; i--) {
    const aliases: string[] = [];
    for (let a = Math.floor(random() * 3); a > 0; a--) aliases.push(pick(SPELLINGS));
    desired.push({
      name: pick(SPELLINGS),
      color: pick(COLORS).toLowerCase(),
      description: pick(DESCRIPTIONS),
      aliases,
    });
  }
  return {
    desired,
    existing,
    policy: policy({
      prune: random() < 0.7,
      exclude: random() < 0.3 ? ['area/*'] : [],
      allowMassDelete: random() < 0.8,
    }),
  };
}

const generated = Array.from({ length: 300 }, (_, i) => generate(seeded(i + 1)));

describe('planLabelSync properties', () => {
  it.each(Object.entries(fixtures))('is idempotent: %s', (_, { desired, existing, policy }) => {
    const after = apply(existing, planLabelSync(desired, existing, policy).operations);
    const again = planLabelSync(desired, after, policy);
    expect(again.operations.filter((op) => op.kind !== 'keep-label')).toEqual([]);
  });

  it('is idempotent on generated repositories, and never plans a 422', () => {
    for (const { desired, existing, policy: generatedPolicy } of generated) {
      const policy = { ...generatedPolicy, allowMassDelete: true };
      const after = apply(existing, planLabelSync(desired, existing, policy).operations);
      const again = planLabelSync(desired, after, policy);
      expect(
        again.operations.filter((op) => op.kind !== 'keep-label'),
        JSON.stringify({ desired, existing }),
      ).toEqual([]);
    }
  });

  it('accounts for every existing label exactly once', () => {
    for (const { desired, existing, policy } of [...Object.values(fixtures), ...generated]) {
      const { operations } = planLabelSync(desired, existing, policy);
      const touched = operations.filter((op) => op.kind !== 'create-label').map((op) => op.name);
      expect(touched.sort()).toEqual(existing.map((l) => l.name).sort());
    }
  });

  it('accounts for every distinct desired label exactly once', () => {
    for (const { desired, existing, policy } of [...Object.values(fixtures), ...generated]) {
      const { operations } = planLabelSync(desired, existing, policy);
      const distinct = new Set(desired.map((d) => labelKey(d.name))).size;
      const results = operations.filter(
        (op) =>
          op.kind === 'create-label' ||
          op.kind === 'update-label' ||
          (op.kind === 'keep-label' && op.reason === 'already in sync'),
      );
      expect(results).toHaveLength(distinct);
    }
  });

  it('never deletes a label that labels.yaml names or aliases', () => {
    for (const { desired, existing, policy } of generated) {
      const listed = new Set(desired.flatMap((d) => [d.name, ...d.aliases].map(labelKey)));
      const { operations } = planLabelSync(desired, existing, policy);
      for (const op of operations)
        if (op.kind === 'delete-label') expect(listed.has(labelKey(op.name)), op.name).toBe(false);
    }
  });

  it('holds every delete when the brake is set', () => {
    for (const { desired, existing, policy } of generated) {
      const decision = planLabelSync(desired, existing, policy);
      if (decision.brake === undefined) continue;
      expect(policy.allowMassDelete).toBe(false);
      expect(decision.operations.filter((op) => op.kind === 'delete-label')).toEqual([]);
    }
  });
});
