import { kitLabelOf } from '../../kernel/kit-labels.js';
import { isUntouchedDefault } from './github-defaults.js';
import type { CreateLabel, DeleteLabel, KeepLabel, UpdateLabel } from '../../kernel/plan.js';
import { compileGlob } from '../../kernel/pattern.js';
import { isEmojiOnly, labelKey, normalizeColor } from './names.js';
import { plural } from '../../kernel/words.js';

/** A label as labels.yaml wants it. */
export interface DesiredLabel {
  name: string;
  /** Six hex digits (normalized: lower case, no '#'). */
  color: string;
  /** undefined = leave GitHub's description as it is; '' = clear it. */
  description?: string;
  /** Earlier names: a label found under one of them is renamed, so its issues keep it. */
  aliases: string[];
}

/** A label as GitHub has it. */
export interface ExistingLabel {
  name: string;
  color: string;
  /** GitHub answers null for "no description"; it equals ''. */
  description: string | null;
}

export interface SyncPolicy {
  /** Delete labels that are neither listed (by name or alias) nor excluded. */
  prune: boolean;
  /**
   * Globs on label names, case-insensitive, in which '/' is an ordinary character (`*bot*`
   * matches "dependabot/npm"). They protect only labels labels.yaml does not list: a listed
   * label that matches a pattern is still synced.
   */
  exclude: string[];
  /** Hold every delete when the plan deletes more than `maxDeletes`, or more than `maxPercent` % of the repository's labels. */
  brake: { maxDeletes: number; maxPercent: number };
  /** Let a plan that trips the brake delete anyway. */
  allowMassDelete: boolean;
}

export type LabelOperation = CreateLabel | UpdateLabel | DeleteLabel | KeepLabel;

export interface LabelSyncDecision {
  /** Every existing and desired label accounted for exactly once (a desired label by the operation on the label it becomes). */
  operations: LabelOperation[];
  warnings: string[];
  /**
   * Set when the plan deletes more than the brake allows and allowMassDelete is false: then
   * operations contain NO delete-label at all and each would-be delete becomes a keep-label whose
   * reason says the brake held it.
   */
  brake?: { deletes: number; existing: number; limit: string };
}

/** A desired label with its identity worked out. */
interface Wanted {
  label: DesiredLabel;
  /** The name to write: NFC, trimmed. */
  name: string;
  key: string;
  /** Alias keys, in alias order, without repeats, without the label's own key. */
  aliases: { text: string; key: string }[];
}

/** The existing label a desired label becomes, and how it was found. */
interface Match {
  index: number;
  alias?: string;
}

const HELD_BY_BRAKE = 'not in labels.yaml; held by the mass-delete brake';
const UNTOUCHED_DEFAULT = "not in labels.yaml and prune is on; GitHub's default label, untouched";

/**
 * Decides how the repository's labels follow labels.yaml. Pure: no I/O, no clock.
 *
 * - A desired label matches the existing label with the same {@link labelKey}; a different
 *   spelling (case, emoji vs `:shortcode:`, spaces) is a rename, never a delete and a create.
 * - With no label under its name, the first alias (in alias order) found on GitHub is renamed,
 *   so its issues keep it. Other labels found under its aliases, and other spellings of the same
 *   key, are kept as they are with a warning: deleting them would strip them from their issues.
 * - A label the kit writes for its own state (kernel/kit-labels.ts) is never deleted.
 * - An existing label nothing claims is kept when an `exclude` glob matches it or prune is off,
 *   and deleted otherwise. `exclude` protects only unlisted labels: a desired label whose
 *   existing counterpart matches an exclude pattern is still synced.
 * - The brake holds every delete when there are too many (see {@link SyncPolicy.brake}) or when
 *   labels.yaml lists no label at all, unless `allowMassDelete`.
 *
 * Names are matched before aliases across the whole file, so an alias never takes a label that
 * is another entry's own name. When two entries share a key only the first is used (labels.yaml
 * validation reports this as an error before a sync runs).
 */
export function planLabelSync(
  desired: DesiredLabel[],
  existing: ExistingLabel[],
  policy: SyncPolicy,
): LabelSyncDecision {
  const warnings: string[] = [];
  const { wanted, ignoredKeys } = collectWanted(desired, warnings);
  const nameKeys = new Set(wanted.map((w) => w.key));
  const byKey = groupByKey(existing);

  const matches = new Map<Wanted, Match>();
  /** Existing labels that some entry claims, by index. */
  const claimed = new Set<number>();
  const operations: LabelOperation[] = [];

  /** Keeps an existing label that also means `winner` but cannot become it, and says why. */
  const holdLeftover = (
    index: number,
    winner: Wanted,
    leftover: { reason: string; warning: string; byAlias: boolean },
  ): void => {
    claimed.add(index);
    operations.push({ kind: 'keep-label', name: nameAt(existing, index), reason: leftover.reason });
    const drop = leftover.byAlias ? ', or drop the alias from labels.yaml' : '';
    warnings.push(
      `${leftover.warning} It was left as is so its issues keep it: move its issues to "${winner.name}" by hand and delete it${drop}.`,
    );
  };

  // Pass 1: names. A label spelled exactly as desired wins over other spellings of the same key.
  for (const w of wanted) {
    const group = byKey.get(w.key) ?? [];
    // Exact spelling first, then the one GitHub sees as the same name (renaming another spelling
    // onto it would fail with 422 already_exists), then the first by name.
    const primary =
      group.find((i) => existing[i]?.name === w.name) ??
      group.find((i) => existing[i]?.name.toLowerCase() === w.name.toLowerCase()) ??
      group[0];
    if (primary === undefined) continue;
    matches.set(w, { index: primary });
    claimed.add(primary);
    for (const other of group) {
      if (other === primary) continue;
      const name = nameAt(existing, other);
      holdLeftover(other, w, {
        reason: `same label as "${w.name}", spelled differently; kept so its issues keep it`,
        warning: `"${name}" and "${nameAt(existing, primary)}" on GitHub are the same label "${w.name}" spelled differently.`,
        byAlias: false,
      });
    }
  }

  // Pass 2: aliases, for every entry, once all names are claimed.
  for (const w of wanted) {
    const candidates: { index: number; alias: string }[] = [];
    for (const alias of w.aliases) {
      if (nameKeys.has(alias.key)) {
        warnings.push(
          `"${alias.text}" is an alias of "${w.name}" and also a label of its own in labels.yaml; the alias is ignored.`,
        );
        continue;
      }
      const group = (byKey.get(alias.key) ?? []).filter((i) => !claimed.has(i));
      const exact = group.filter((i) => existing[i]?.name === alias.text);
      for (const index of [...exact, ...group.filter((i) => !exact.includes(i))])
        candidates.push({ index, alias: alias.text });
    }
    for (const candidate of candidates) {
      const current = matches.get(w);
      if (current === undefined) {
        matches.set(w, { index: candidate.index, alias: candidate.alias });
        claimed.add(candidate.index);
        continue;
      }
      const name = nameAt(existing, candidate.index);
      const winner = nameAt(existing, current.index);
      holdLeftover(candidate.index, w, {
        reason: `alias "${candidate.alias}" of "${w.name}", which is already taken; kept so its issues keep it`,
        warning:
          current.alias === undefined
            ? `Both "${name}" (an earlier name of "${w.name}") and "${winner}" exist.`
            : `"${name}" and "${winner}" are both earlier names of "${w.name}"; "${winner}" becomes "${w.name}".`,
        byAlias: true,
      });
    }
  }

  for (const w of wanted) {
    const match = matches.get(w);
    if (isEmojiOnly(w.name))
      warnings.push(`"${w.name}" is only emoji; GitHub refuses such a name (add some text).`);
    operations.push(match === undefined ? createOperation(w) : matchOperation(w, match, existing));
  }

  // Labels nothing claims: excluded, kept (prune off) or deleted.
  const excluders = policy.exclude.map((pattern) => ({ pattern, test: globMatcher(pattern) }));
  existing.forEach((label, index) => {
    if (claimed.has(index)) return;
    const excludedBy = excluders.find((e) => e.test(label.name));
    const kit = kitLabelOf(label.name);
    if (kit)
      operations.push({
        kind: 'keep-label',
        name: label.name,
        reason: `written by support-kit (${kit.records}); never pruned`,
      });
    else if (ignoredKeys.has(labelKey(label.name)))
      operations.push({
        kind: 'keep-label',
        name: label.name,
        reason: 'named by an ignored duplicate entry of labels.yaml; kept',
      });
    else if (excludedBy)
      operations.push({
        kind: 'keep-label',
        name: label.name,
        reason: `excluded by pattern "${excludedBy.pattern}"`,
      });
    else if (!policy.prune)
      operations.push({
        kind: 'keep-label',
        name: label.name,
        reason: 'not in labels.yaml; prune is off',
      });
    else
      operations.push({
        kind: 'delete-label',
        name: label.name,
        reason: isUntouchedDefault(label)
          ? UNTOUCHED_DEFAULT
          : 'not in labels.yaml and prune is on',
      });
  });

  const furniture = existing.filter(isUntouchedDefault).length;
  const decision = applyBrake(
    operations,
    existing.length - furniture,
    wanted.length,
    policy,
    warnings,
  );
  decision.operations.sort(compareOperations);
  return decision;
}

/**
 * The entries to sync, first entry per key. `ignoredKeys` holds the names and aliases of later
 * duplicate entries: a label found only under them is kept, never pruned.
 */
function collectWanted(
  desired: DesiredLabel[],
  warnings: string[],
): { wanted: Wanted[]; ignoredKeys: Set<string> } {
  const wanted: Wanted[] = [];
  const ignoredKeys = new Set<string>();
  const firstByKey = new Map<string, string>();
  for (const label of desired) {
    const name = label.name.normalize('NFC').trim();
    const key = labelKey(name);
    const first = firstByKey.get(key);
    if (first !== undefined) {
      warnings.push(
        `labels.yaml lists "${first}" and "${name}", which are the same label; "${name}" is ignored.`,
      );
      for (const alias of label.aliases) ignoredKeys.add(labelKey(alias));
      continue;
    }
    firstByKey.set(key, name);
    const aliases: Wanted['aliases'] = [];
    const seen = new Set([key]);
    for (const alias of label.aliases) {
      const text = alias.normalize('NFC').trim();
      const aliasKey = labelKey(text);
      if (aliasKey === key) {
        warnings.push(
          `"${name}" lists its own name as an alias ("${text}"); the alias is ignored.`,
        );
        continue;
      }
      if (seen.has(aliasKey)) continue;
      seen.add(aliasKey);
      aliases.push({ text, key: aliasKey });
    }
    wanted.push({ label, name, key, aliases });
  }
  for (const w of wanted) {
    ignoredKeys.delete(w.key);
    for (const alias of w.aliases) ignoredKeys.delete(alias.key);
  }
  return { wanted, ignoredKeys };
}

/** Indexes of existing labels by key; within a key, ordered by name for a deterministic choice. */
function groupByKey(existing: ExistingLabel[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  existing.forEach((label, index) => {
    const key = labelKey(label.name);
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  });
  for (const group of groups.values())
    group.sort((a, b) => compareText(nameAt(existing, a), nameAt(existing, b)));
  return groups;
}

function createOperation(w: Wanted): CreateLabel {
  return {
    kind: 'create-label',
    name: w.name,
    color: colorOf(w.label.color),
    description: w.label.description ?? '',
    reason: 'not on GitHub yet',
  };
}

function matchOperation(
  w: Wanted,
  match: Match,
  existing: ExistingLabel[],
): UpdateLabel | KeepLabel {
  const current = existing[match.index];
  if (!current) throw new Error(`no existing label at ${match.index}`);
  const update: UpdateLabel = { kind: 'update-label', name: current.name, reason: '' };
  const reasons: string[] = [];

  if (current.name !== w.name) {
    update.newName = w.name;
    reasons.push(
      match.alias === undefined
        ? `name "${current.name}" → "${w.name}"`
        : `renamed from alias "${current.name}" so its issues keep it`,
    );
  }
  const have = colorOf(current.color);
  const want = colorOf(w.label.color);
  if (have !== want) {
    update.color = want;
    reasons.push(`colour ${have} → ${want}`);
  }
  const wantDescription = w.label.description;
  const haveDescription = current.description ?? '';
  if (wantDescription !== undefined && wantDescription !== haveDescription) {
    update.description = wantDescription;
    reasons.push(
      wantDescription === ''
        ? 'description cleared'
        : haveDescription === ''
          ? 'description added'
          : 'description changed',
    );
  }

  if (reasons.length === 0)
    return { kind: 'keep-label', name: current.name, reason: 'already in sync' };
  update.reason = reasons.join('; ');
  return update;
}

function applyBrake(
  operations: LabelOperation[],
  existingCount: number,
  desiredCount: number,
  policy: SyncPolicy,
  warnings: string[],
): LabelSyncDecision {
  if (!operations.some((op) => op.kind === 'delete-label')) return { operations, warnings };
  // GitHub's untouched default labels are not the team's: deleting them is no mass delete.
  const deletes = operations.filter(
    (op) => op.kind === 'delete-label' && op.reason !== UNTOUCHED_DEFAULT,
  ).length;
  const { maxDeletes, maxPercent } = policy.brake;
  const emptyFile = desiredCount === 0;
  const tripped = emptyFile || deletes > maxDeletes || deletes * 100 > maxPercent * existingCount;
  if (!tripped) return { operations, warnings };

  const limit = emptyFile
    ? 'no deletes while labels.yaml lists no labels'
    : `at most ${plural(maxDeletes, 'delete')} or ${maxPercent}% of ${plural(existingCount, 'label')}`;
  if (policy.allowMassDelete) {
    warnings.push(
      `Deleting ${deletes} of ${plural(existingCount, 'label')}, past the brake (${limit}), because mass deletes are allowed.`,
    );
    return { operations, warnings };
  }
  // No warning here: `brake` is the signal, and the caller words it.
  return {
    operations: operations.map((op) =>
      op.kind === 'delete-label'
        ? { kind: 'keep-label', name: op.name, reason: HELD_BY_BRAKE }
        : op,
    ),
    warnings,
    brake: { deletes, existing: existingCount, limit },
  };
}

/** Names are compared in NFC on both sides, so an accent typed either way matches. */
function globMatcher(pattern: string): (name: string) => boolean {
  const glob = compileGlob(pattern.normalize('NFC'));
  return (name) => glob.test(name.normalize('NFC'));
}

const GROUP_ORDER: Record<LabelOperation['kind'] | 'rename', number> = {
  rename: 0,
  'update-label': 1,
  'create-label': 2,
  'delete-label': 3,
  'keep-label': 4,
};

function groupOf(op: LabelOperation): number {
  return GROUP_ORDER[op.kind === 'update-label' && op.newName !== undefined ? 'rename' : op.kind];
}

/** Renames, other updates, creates, deletes, keeps; by name within each group. */
function compareOperations(a: LabelOperation, b: LabelOperation): number {
  return (
    groupOf(a) - groupOf(b) ||
    compareText(labelKey(a.name), labelKey(b.name)) ||
    compareText(a.name, b.name)
  );
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function colorOf(value: string): string {
  return normalizeColor(value) ?? value.trim().replace(/^#/u, '').toLowerCase();
}

function nameAt(existing: ExistingLabel[], index: number): string {
  return existing[index]?.name ?? '';
}
