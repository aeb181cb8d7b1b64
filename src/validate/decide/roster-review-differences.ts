import type { PathSegment } from '../../kernel/yaml.js';

/**
 * The differences between two roster files as parsed YAML, not as models: a model cannot say
 * which line of the file made it, and each difference here can be replayed alone on the base.
 */

export type Raw = Record<string, unknown>;

/** One top-level difference between the base file and the head file, which can be replayed alone. */
export interface Unit {
  path: PathSegment[];
  target: 'value' | 'key';
  /** The entry carries `retroactive: true`. */
  retroactive: boolean;
  kind: 'entry' | 'removed' | 'rotation' | 'other';
  /** For a removed entry: what it was, in words. */
  removed?: string;
  apply: (value: Raw) => Raw;
}

const SECTIONS = ['sites', 'people', 'calendars', 'rotations', 'schedules'] as const;

/**
 * The differences between two roster files, each replayable alone: entries of overrides,
 * leave and rotation changes (matched by content, so reordering is no difference), and each
 * changed field of a site, person, calendar, rotation or schedule. Named things only the head
 * has are added to the base first (`plus`): alone they change nothing, and the entries that
 * use them need them.
 */
export function differences(base: Raw, head: Raw): { plus: Raw; units: Unit[] } {
  let plus = base;
  const units: Unit[] = [];
  for (const section of SECTIONS) {
    const before = asRaw(base[section]);
    for (const [name, entry] of Object.entries(asRaw(head[section]))) {
      if (!(name in before)) {
        plus = setIn(plus, [section, name], entry);
        continue;
      }
      const was = asRaw(before[name]);
      const is = asRaw(entry);
      for (const key of new Set([...Object.keys(was), ...Object.keys(is)])) {
        if (equal(was[key], is[key])) continue;
        const path = [section, name, key];
        if (section === 'rotations' && key === 'changes') {
          units.push(...entryUnits(asList(was[key]), asList(is[key]), path, () => ''));
          continue;
        }
        units.push({
          path: key in is ? path : [section, name],
          target: 'key',
          retroactive: false,
          kind: section === 'rotations' ? 'rotation' : 'other',
          apply: (value) => (key in is ? setIn(value, path, is[key]) : deleteIn(value, path)),
        });
      }
    }
  }
  const who = (entry: unknown) => scalarText(asRaw(entry).person ?? '');
  const overrideKey = (entry: unknown) =>
    `${scalarText(asRaw(entry).schedule ?? '')} ${who(entry)}`;
  units.push(
    ...entryUnits(asList(base.overrides), asList(head.overrides), ['overrides'], overrideKey),
  );
  units.push(...entryUnits(asList(base.leave), asList(head.leave), ['leave'], who));
  return { plus, units };
}

/**
 * A list of entries compared by content. An entry removed and one added with the same key
 * (the same person, say) are one edit, found at the new entry; an entry removed outright is
 * found at the list.
 */
function entryUnits(
  was: unknown[],
  is: unknown[],
  path: PathSegment[],
  keyOf: (entry: unknown) => string,
): Unit[] {
  const kept = new Set<number>();
  const added: number[] = [];
  is.forEach((entry, j) => {
    const i = was.findIndex((old, i) => !kept.has(i) && equal(old, entry));
    if (i >= 0) kept.add(i);
    else added.push(j);
  });
  const removed = was.map((_, i) => i).filter((i) => !kept.has(i));
  const edit = (value: Raw, change: (list: unknown[]) => unknown[]) =>
    setIn(value, path, change(asList(getIn(value, path))));
  const units: Unit[] = added.map((j) => {
    const entry = is[j];
    const i = removed.find((i) => keyOf(was[i]) === keyOf(entry));
    const old = i === undefined ? undefined : was[i];
    if (i !== undefined) removed.splice(removed.indexOf(i), 1);
    return {
      path: [...path, j],
      target: 'value',
      retroactive: asRaw(entry).retroactive === true,
      kind: 'entry',
      apply: (value) =>
        edit(value, (list) =>
          old === undefined ? [...list, entry] : list.map((e) => (e === old ? entry : e)),
        ),
    };
  });
  for (const i of removed) {
    const old = was[i];
    units.push({
      path,
      target: 'key',
      retroactive: false,
      kind: 'removed',
      removed: `the entry ${describeEntry(old)}`,
      apply: (value) => edit(value, (list) => list.filter((e) => e !== old)),
    });
  }
  return units;
}

function describeEntry(entry: unknown): string {
  const e = asRaw(entry);
  const field = (key: string) => (e[key] === undefined ? [] : [`${key} ${scalarText(e[key])}`]);
  return `(${[...field('person'), ...field('schedule'), ...field('from'), ...field('to'), ...field('ref')].join(', ')})`;
}

/** A YAML scalar as text; a mapping or list where a scalar belongs as JSON, not "[object Object]". */
function scalarText(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

export function asRaw(value: unknown): Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Raw) : {};
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function getIn(value: unknown, path: PathSegment[]): unknown {
  return path.reduce<unknown>((node, key) => asRaw(node)[String(key)], value);
}

/** A copy of `value` with `path` set; everything off the path is shared, not copied. */
function setIn(value: Raw, path: PathSegment[], to: unknown): Raw {
  const [key, ...rest] = path;
  if (key === undefined) return asRaw(to);
  const name = String(key);
  return { ...value, [name]: rest.length === 0 ? to : setIn(asRaw(value[name]), rest, to) };
}

function deleteIn(value: Raw, path: PathSegment[]): Raw {
  const [key, ...rest] = path;
  if (key === undefined) return value;
  const name = String(key);
  if (rest.length > 0) return { ...value, [name]: deleteIn(asRaw(value[name]), rest) };
  const { [name]: _gone, ...others } = value;
  return others;
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((x, i) => equal(x, b[i]))
    );
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => equal((a as Raw)[k], (b as Raw)[k]));
}
