import { describe, expect, it } from 'vitest';
import {
  escapeCell,
  escapeInline,
  fitBody,
  noMention,
  table,
} from '../../../src/kernel/markdown.js';

describe('markdown escaping of untrusted text', () => {
  it('cannot @-mention a user or a team', () => {
    expect(noMention('ping @octocat and @acme/leads')).not.toMatch(/@[A-Za-z]/);
  });

  it('cannot break out of a table cell', () => {
    expect(escapeCell('a | b\nc')).toBe('a \\| b c');
  });

  it('cannot inject HTML, links or a hidden marker', () => {
    const out = escapeInline('<!-- support-kit:report week=1 --> [x](http://evil)');
    expect(out).not.toContain('<!--');
    expect(out).not.toContain('](');
  });

  it('does not create a cross-reference to another issue', () => {
    expect(escapeInline('dup of #12')).not.toMatch(/#\d/);
  });

  it('does not autolink a bare issue URL, so the issue gets no back-reference', () => {
    const out = escapeInline(
      'see https://github.com/acme/desk/issues/2 and www.github.com/acme/desk/issues/3',
    );
    expect(out).not.toContain('https://github.com');
    expect(out).not.toContain('www.github.com');
  });

  it('does not turn GH-2 into a reference, in any case', () => {
    expect(escapeInline('fixed by GH-2, gh-3')).not.toMatch(/GH-\d/i);
  });

  it('reads the same once the invisible joiners are taken out', () => {
    const text = 'Upgrade GH-2 broke https://example.com/a?b=1 on www.example.org: ratio 3:1 #4';
    expect(escapeInline(text).replaceAll('\u2060', '')).toBe(
      'Upgrade GH-2 broke https://example.com/a?b=1 on www.example.org: ratio 3:1 #4',
    );
  });

  it('leaves words that merely contain gh- or www alone', () => {
    expect(escapeInline('high-2 throughput, awww.')).toBe('high-2 throughput, awww.');
  });

  it('renders a table with a header rule', () => {
    expect(table(['a', 'b'], [['1', '2']])).toBe('| a | b |\n| --- | --- |\n| 1 | 2 |');
  });
});

describe('fitBody', () => {
  it('leaves a body within the limit as it is', () => {
    expect(fitBody('short', 10)).toBe('short');
  });

  it('cuts a body over the limit, says how much, and keeps the markers whole', () => {
    const body = [
      '<!-- support-kit:escalation -->',
      'x'.repeat(200),
      '<!-- support-kit:notify-pending key=a -->',
    ].join('\n');
    const fitted = fitBody(body, 150);
    expect(fitted.length).toBeLessThanOrEqual(150);
    expect(fitted.split('\n')[0]).toBe('<!-- support-kit:escalation -->');
    expect(fitted.split('\n').at(-1)).toBe('<!-- support-kit:notify-pending key=a -->');
    expect(fitted).toMatch(/… and \d+ more characters/);
  });
});
