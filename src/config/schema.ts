import { didYouMean } from '../kernel/did-you-mean.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { ConfigProblem } from '../kernel/problems.js';
import { formatPath, locate, type PathSegment, writtenAt, type YamlFile } from '../kernel/yaml.js';
import { compileSchema, type JsonSchema } from './schema-compiler.js';

export type { JsonSchema } from './schema-compiler.js';

const compiled = new WeakMap<JsonSchema, ValidateFunction>();

function validatorFor(schema: JsonSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = compileSchema(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** Check a parsed file against its JSON Schema; each problem points at the offending line. */
export function checkSchema(yaml: YamlFile, schema: JsonSchema): ConfigProblem[] {
  const validate = validatorFor(schema);
  if (validate(yaml.value)) return [];
  const problems: ConfigProblem[] = [];
  const seen = new Set<string>();
  for (const error of withoutFollowOns(mostSpecific(validate.errors ?? []))) {
    const { path, target, message } = explain(error, yaml);
    const key = `${path.join('/')}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ file: yaml.file, ...locate(yaml, path, target), severity: 'error', message });
  }
  return problems;
}

/**
 * A misspelt required field gives two errors, the unknown key and the missing one: keep the
 * first, the root cause, which says what was meant ("did you mean").
 */
function withoutFollowOns(errors: ErrorObject[]): ErrorObject[] {
  const misspelt = (e: ErrorObject) => {
    if (e.keyword !== 'required') return false;
    const missing = (e.params as { missingProperty: string }).missingProperty;
    return errors.some(
      (other) =>
        other.keyword === 'additionalProperties' &&
        other.instancePath === e.instancePath &&
        didYouMean((other.params as { additionalProperty: string }).additionalProperty, [
          missing,
        ]) !== '',
    );
  };
  return errors.filter((e) => !misspelt(e));
}

/** Drop the "must match a schema in anyOf" umbrella errors when a precise one exists. */
function mostSpecific(errors: ErrorObject[]): ErrorObject[] {
  const precise = errors.filter((e) => !['anyOf', 'oneOf', 'if'].includes(e.keyword));
  return precise.length > 0 ? precise : errors;
}

function explain(
  error: ErrorObject,
  yaml: YamlFile,
): {
  path: PathSegment[];
  target: 'key' | 'value';
  message: string;
} {
  const path = pointerToPath(error.instancePath);
  const where = path.length > 0 ? `${formatPath(path)}: ` : '';
  const custom = (error.parentSchema as { 'x-message'?: string } | undefined)?.['x-message'];
  switch (error.keyword) {
    case 'required': {
      const field = (error.params as { missingProperty: string }).missingProperty;
      return { path, target: 'key', message: `${where}missing required field "${field}"` };
    }
    case 'additionalProperties': {
      const field = (error.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      return {
        path: [...path, field],
        target: 'key',
        message: `${where}unknown field "${field}"${allowed.length ? ` (expected one of: ${allowed.join(', ')})` : ''}${didYouMean(field, allowed)}`,
      };
    }
    case 'type':
      return {
        path,
        target: 'value',
        message: `${where}${custom ?? `must be ${article((error.params as { type: string }).type)}`} (found ${describeValue(error.data)})`,
      };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const { comparison, limit } = error.params as { comparison: string; limit: number };
      const bound = { '>=': 'at least', '<=': 'at most', '>': 'more than', '<': 'less than' }[
        comparison
      ];
      return {
        path,
        target: 'value',
        message: `${where}${custom ?? `must be ${bound ?? comparison} ${limit}`} (found ${writtenAt(yaml, path) ?? describeValue(error.data)})`,
      };
    }
    case 'enum':
      return {
        path,
        target: 'value',
        message: `${where}must be one of: ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')} (found ${describeValue(error.data)})`,
      };
    default:
      return {
        path,
        target: 'value',
        message: `${where}${custom ?? error.message ?? 'is invalid'}${error.keyword === 'pattern' ? outOfRange(error.data) : ''}`,
      };
  }
}

/**
 * Why a time or date that looks right is refused: "25:00" has the shape of a time and no
 * place on a clock, which the pattern's message alone does not say.
 */
function outOfRange(value: unknown): string {
  if (typeof value !== 'string') return '';
  for (const [text, hours, minutes] of value.matchAll(/\b(\d{2}):(\d{2})\b/g))
    if (Number(minutes) > 59 || (Number(hours) > 23 && text !== '24:00'))
      return ` ("${text}" is not a time of day: hours go from 00 to 23, minutes from 00 to 59)`;
  for (const [text, , month, day] of value.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g))
    if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > 31)
      return ` ("${text}" is not a date: months go from 01 to 12, days from 01 to 31)`;
  return '';
}

function pointerToPath(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}
