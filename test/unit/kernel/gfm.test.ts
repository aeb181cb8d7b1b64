import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { escapeInline } from '../../../src/kernel/markdown.js';

/**
 * Untrusted titles as GitHub shows them: rendered by cmark-gfm-js, GitHub's own renderer
 * (github/cmark-gfm) compiled to JavaScript, with its autolink and tag-filter extensions.
 */
const gfm = createRequire(import.meta.url)('cmark-gfm-js') as {
  convert: (markdown: string) => string;
};

/** Hostile titles: links, autolinks, mentions, references, markup, HTML, table breakers. */
const TITLES = [
  'See https://github.com/acme/desk/issues/2 now',
  'Admin at http://localhost:8080/admin fails',
  'HTTPS://EXAMPLE.COM/UPPER',
  'Mirror ftp://files.example/pub is down',
  'Docs at www.example.com/guide',
  'Phish https://evil.example\\) and (https://evil.example)',
  'Mail ops@example.com or root@localhost',
  'Ping @octocat and @acme/everyone',
  'Dup of #12 and GH-34',
  '**bold** _it_ `code` ~~gone~~',
  '[click](https://evil.example) ![img](https://evil.example/x.png)',
  '<script>alert(1)</script> <img src=x onerror=alert(1)>',
  '<!-- support-kit:report week=2026-W47 -->',
  'Pipes | in | a | title',
  'Entity &#64; and &amp; and &lt;b&gt;',
  'Trailing backslash \\',
  'Footnote[^1] and <https://autolink.example>',
  'javascript:alert(1) data:text/html,x',
];

/** The text a reader sees: tags out, entities decoded, the invisible joiners gone. */
function seen(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replaceAll('\u2060', '')
    .trim();
}

describe("titles in GitHub's renderer", () => {
  it.each(TITLES)('%s renders as plain text: no link, no markup, not a character lost', (title) => {
    const html = gfm.convert(escapeInline(title)).trim();
    expect(html).toMatch(/^<p>[\s\S]*<\/p>$/);
    expect(html.slice(3, -4)).not.toMatch(/<(?!\/?p>)/);
    expect(seen(html)).toBe(title.trim());
  });
});
