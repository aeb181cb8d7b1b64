import { Ajv2020, type Options, type ValidateFunction } from 'ajv/dist/2020.js';

export type JsonSchema = Record<string, unknown>;

/**
 * Ajv, set up as every config schema is checked. From the sources (tests, the CLI under tsx) a
 * schema is compiled when first used. In the bundles each schema comes compiled when they are
 * built, and this module is replaced by one that hands out that code (scripts/build.mjs), so a
 * run compiles nothing.
 *
 * @public scripts/build.mjs compiles the schemas with it, through esbuild, which knip cannot see.
 */
export function schemaCompiler(extra: Options = {}): Ajv2020 {
  // verbose: errors carry the schema that failed (its x-message, the keys it allows).
  const instance = new Ajv2020({ allErrors: true, strict: true, verbose: true, ...extra });
  // A schema's own words for what a value must look like, used instead of ajv's wording.
  instance.addKeyword({ keyword: 'x-message', schemaType: 'string' });
  return instance;
}

let ajv: Ajv2020 | undefined;

export function compileSchema(schema: JsonSchema): ValidateFunction {
  ajv ??= schemaCompiler();
  return ajv.compile(schema);
}
