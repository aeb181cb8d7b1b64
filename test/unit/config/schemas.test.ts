import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '../../../config/schema');
const schemas = readdirSync(dir).filter((f) => f.endsWith('.json'));
const read = (file: string): unknown => JSON.parse(readFileSync(join(dir, file), 'utf8'));

/**
 * The JSON pointers of the schema nodes that accept a number without both a lower and an upper
 * bound: a value the schema passes must be one the kit can compute with (a date that many days
 * back, a wait that many minutes long).
 */
function unbounded(node: unknown, pointer = ''): string[] {
  if (node === null || typeof node !== 'object') return [];
  const entries = Array.isArray(node)
    ? node.map((value, i) => [String(i), value] as const)
    : Object.entries(node);
  const here: string[] = [];
  if (!Array.isArray(node)) {
    const n = node as Record<string, unknown>;
    const types = [n.type].flat();
    const numeric = types.includes('integer') || types.includes('number');
    const has = (a: string, b: string) => n[a] !== undefined || n[b] !== undefined;
    if (numeric && !(has('minimum', 'exclusiveMinimum') && has('maximum', 'exclusiveMaximum')))
      here.push(pointer || '/');
  }
  return [...here, ...entries.flatMap(([key, value]) => unbounded(value, `${pointer}/${key}`))];
}

describe('config schemas', () => {
  it.each(schemas)('%s compiles under ajv strict mode, as the kit loads it', (file) => {
    const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true });
    ajv.addKeyword({ keyword: 'x-message', schemaType: 'string' });
    expect(() => ajv.compile(read(file) as object)).not.toThrow();
  });

  it.each(schemas)('%s bounds every number it accepts, below and above', (file) => {
    expect(unbounded(read(file))).toEqual([]);
  });

  it('the bounds check finds a number bounded on one side only, at any depth', () => {
    const schema = {
      $defs: { days: { type: 'integer', minimum: 1 } },
      properties: {
        share: { type: ['number', 'null'], exclusiveMinimum: 0, maximum: 1 },
        list: { items: { type: 'number', maximum: 9 } },
      },
    };
    expect(unbounded(schema)).toEqual(['/$defs/days', '/properties/list/items']);
  });
});
