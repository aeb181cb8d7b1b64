import { describe, expect, it } from 'vitest';
import {
  duplicateSearchText,
  rankDuplicates,
  searchTerms,
  stem,
  tokens,
} from '../../../src/intake/decide/similarity.js';
import type { DuplicateCandidate } from '../../../src/intake/decide/types.js';

function candidate(number: number, title: string, body = ''): DuplicateCandidate {
  return { number, title, body, url: `https://github.com/acme/desk/issues/${number}` };
}

const issue = {
  number: 50,
  title: 'Overlay network drops after engine restart',
  body: 'Containers lose network connectivity after the engine restarts.',
};

describe('tokens', () => {
  it('drops stop words, numbers-only tokens, URLs, code fences and inline code', () => {
    const text =
      'The engine crashes after 2 restarts, see https://example.com/x\n```\nstack trace here\n```\n`docker ps` fails';
    expect(tokens(text)).toEqual(['engin', 'crash', 'restart', 'see', 'fail']);
  });

  it('drops the template headings every issue shares', () => {
    expect(tokens('### Steps to reproduce\nclick export')).toEqual(['click', 'export']);
  });

  it('folds plurals so forms of one word meet', () => {
    expect(
      ['crashes', 'crash', 'proxies', 'proxy', 'logs', 'log', 'status', 'class'].map(stem),
    ).toEqual(['crash', 'crash', 'proxy', 'proxy', 'log', 'log', 'status', 'class']);
  });
});

describe('rankDuplicates', () => {
  it('ranks by similarity, most similar first, and keeps only those above the threshold', () => {
    const hints = rankDuplicates(
      issue,
      [
        candidate(10, 'Docs typo on the install page'),
        candidate(11, 'Network drops after engine restart'),
        candidate(
          12,
          'Overlay network drops after engine restart',
          'Same here: connectivity lost.',
        ),
      ],
      0.3,
      5,
    );
    expect(hints.map((h) => h.number)).toEqual([12, 11]);
    expect(hints[0]?.similarity).toBeGreaterThan(hints[1]?.similarity ?? 1);
    expect(hints[0]).toMatchObject({
      title: 'Overlay network drops after engine restart',
      url: 'https://github.com/acme/desk/issues/12',
    });
  });

  it('weighs the title more than the body', () => {
    const [titleMatch, bodyMatch] = [
      candidate(20, 'Overlay network drops', 'unrelated text about billing'),
      candidate(21, 'Billing export slow', 'overlay network drops'),
    ];
    const hints = rankDuplicates({ ...issue, body: '' }, [bodyMatch, titleMatch], 0, 5);
    expect(hints.map((h) => h.number)).toEqual([20, 21]);
  });

  it('never lists the issue itself', () => {
    const hints = rankDuplicates(issue, [candidate(50, issue.title, issue.body)], 0, 5);
    expect(hints).toEqual([]);
  });

  it('sorts equal similarities by number, lowest first, and stops at max', () => {
    const same = 'Overlay network drops after engine restart';
    const hints = rankDuplicates(
      issue,
      [candidate(33, same), candidate(31, same), candidate(32, same)],
      0.1,
      2,
    );
    expect(hints.map((h) => h.number)).toEqual([31, 32]);
  });

  it('gives similarities between 0 and 1, rounded to 3 decimals', () => {
    const [hint] = rankDuplicates(issue, [candidate(1, issue.title, issue.body)], 0, 1);
    expect(hint?.similarity).toBe(1);
  });

  it('finds nothing for an issue with no distinctive words', () => {
    expect(
      rankDuplicates(
        { number: 1, title: 'It does not work', body: '' },
        [candidate(2, 'It does not work')],
        0,
        3,
      ),
    ).toEqual([]);
  });
});

describe('searchTerms', () => {
  it('keeps the longest, most distinctive words of a title, in title order', () => {
    expect(
      searchTerms('[Bug]: The overlay network drops after an engine restart on 20.10', 3),
    ).toEqual(['overlay', 'network', 'restart']);
  });

  it('gives at most five words by default, no stop words or numbers', () => {
    const terms = searchTerms(
      'When I click the export button in the settings dialog the whole app freezes for 30 seconds',
    );
    expect(terms).toHaveLength(5);
    expect(terms).not.toContain('the');
    expect(terms).not.toContain('30');
  });

  it('gives nothing for a title of stop words', () => {
    expect(searchTerms('it does not work')).toEqual([]);
  });
});

describe('the search for candidate duplicates', () => {
  it('quotes the terms and joins them with OR', () => {
    expect(duplicateSearchText(['engine', 'restarts'])).toBe('"engine" OR "restarts"');
  });

  it('drops the last terms until the text fits in 256 characters', () => {
    const long = ['a'.repeat(120), 'b'.repeat(120), 'c'.repeat(120)];
    expect(duplicateSearchText(long)).toBe(`"${'a'.repeat(120)}" OR "${'b'.repeat(120)}"`);
  });

  it('searches nothing when even one term is too long', () => {
    expect(duplicateSearchText(['x'.repeat(300)])).toBeUndefined();
  });
});
