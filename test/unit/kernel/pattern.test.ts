import { describe, expect, it } from 'vitest';
import { compileGlob, compilePattern } from '../../../src/kernel/pattern.js';

function run(source: string, text: string): boolean {
  const compiled = compilePattern(source);
  if ('error' in compiled) throw new Error(compiled.error);
  return compiled.pattern.test(text);
}

function errorOf(source: string): string {
  const compiled = compilePattern(source);
  return 'error' in compiled ? compiled.error : 'compiled';
}

describe('patterns from config', () => {
  it('answers ^(a+)+$ on 30 a and a "!" (a backtracking engine takes minutes)', () => {
    expect(run('^(a+)+$', `${'a'.repeat(30)}!`)).toBe(false);
  });

  it('answers nested repetition on a 60,000-character issue body', () => {
    expect(run('^(\\w+\\s?)*$', `${'word '.repeat(12_000)}!`)).toBe(false);
  });

  it('matches anywhere in the text, as a JavaScript test() does', () => {
    expect(run('\\d{4}-\\d{2}', 'since 2026-11 it fails')).toBe(true);
  });

  it('takes RE2 syntax: inline flags and Unicode classes', () => {
    expect(run('(?i)^\\p{Lu}RROR', 'error')).toBe(true);
  });

  it('refuses a lookahead, naming it and RE2', () => {
    expect(errorOf('^(?=.*\\d)')).toBe(
      'lookahead `(?=` is not supported: patterns run on RE2, which matches in linear time and has no lookaround or backreferences (docs/intake.md#patterns)',
    );
  });

  it('refuses a negative lookbehind', () => {
    expect(errorOf('(?<!x)y')).toMatch(/^lookbehind `\(\?<!` is not supported/);
  });

  it('refuses a backreference', () => {
    expect(errorOf('(a)\\1')).toMatch(/^backreference `\\1` is not supported/);
  });

  it("says how RE2 writes JavaScript's \\u escape", () => {
    expect(errorOf('caf\\u00e9')).toMatch(/RE2 writes a code point as \\x\{00E9\}/);
  });

  it("gives RE2's own words for a plain syntax error", () => {
    expect(errorOf('([unclosed')).toBe('missing closing ]: `[unclosed`');
  });
});

describe('globs from config', () => {
  const matches = (glob: string, name: string) => compileGlob(glob).test(name);

  it('takes * for any run of characters, / included, ignoring case', () => {
    expect(matches('area/*', 'Area/API/v2')).toBe(true);
    expect(matches('*bot*', 'dependabot')).toBe(true);
    expect(matches('bot:*', 'bug')).toBe(false);
  });

  it('matches the whole name only', () => {
    expect(matches('bug', 'bugs')).toBe(false);
  });

  it('takes ? for one character, sets and alternatives', () => {
    expect(matches('s?', 'S1')).toBe(true);
    expect(matches('s[!0-1]', 's1')).toBe(false);
    expect(matches('{bug,feature}-*', 'feature-request')).toBe(true);
  });

  it('reads regular-expression characters as themselves', () => {
    expect(matches('(x)|.+', '(x)|.+')).toBe(true);
    expect(matches('(x)|.+', 'x')).toBe(false);
  });

  it('reads a set RE2 refuses as the literal glob', () => {
    expect(matches('[z-a]', '[z-a]')).toBe(true);
  });

  it('answers a glob of 30 stars against a long name at once', () => {
    expect(matches(`${'*a'.repeat(30)}x`, 'a'.repeat(50))).toBe(false);
  });
});
