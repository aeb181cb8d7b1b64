import { describe, expect, it } from 'vitest';
import { escapeCell, escapeInline, noMention, table } from '../../src/core/text/markdown.js';

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

  it('renders a table with a header rule', () => {
    expect(table(['a', 'b'], [['1', '2']])).toBe('| a | b |\n| --- | --- |\n| 1 | 2 |');
  });
});
