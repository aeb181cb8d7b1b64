import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '../../../config/schema');
const schemas = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('config schemas', () => {
  it.each(schemas)('%s compiles under ajv strict mode, as the kit loads it', (file) => {
    const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true });
    ajv.addKeyword({ keyword: 'x-message', schemaType: 'string' });
    expect(() => ajv.compile(JSON.parse(readFileSync(join(dir, file), 'utf8')))).not.toThrow();
  });
});
