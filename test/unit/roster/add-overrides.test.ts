import { describe, expect, it } from 'vitest';
import { withOverrides } from '../../../src/roster/config/add-overrides.js';

const ENTRY = {
  schedule: 'sre',
  role: 'primary',
  person: 'ben',
  from: '2026-03-12T09:00',
  to: '2026-03-12T17:00',
  timezone: 'Europe/Prague',
  ref: '#12',
};
const LINE =
  '{ schedule: sre, role: primary, person: ben, from: 2026-03-12T09:00, to: 2026-03-12T17:00, timezone: Europe/Prague, ref: "#12" }';

describe('adding overrides to roster.yaml', () => {
  it('appends to a block list at its own indent, keeping comments and what follows', () => {
    const text = [
      'version: 1',
      'overrides:',
      '    # swaps from the team',
      '    - { schedule: sre, person: ana, from: 2026-01-05T09:00, to: 2026-01-05T17:00 } # flu',
      '# leave follows',
      'leave: [] # none',
      '',
    ].join('\n');
    expect(withOverrides(text, [ENTRY])).toBe(text.replace('# flu\n', `# flu\n    - ${LINE}\n`));
  });

  it('adds the list at the end of a file that has none', () => {
    expect(withOverrides('version: 1\npeople: {}', [ENTRY])).toBe(
      `version: 1\npeople: {}\n\noverrides:\n  - ${LINE}\n`,
    );
  });

  it('fills an empty list, written empty or left blank, keeping its comment', () => {
    expect(withOverrides('overrides: [] # none yet\nleave: []\n', [ENTRY])).toBe(
      `overrides: # none yet\n  - ${LINE}\nleave: []\n`,
    );
    expect(withOverrides('overrides:\nleave: []\n', [ENTRY])).toBe(
      `overrides:\n  - ${LINE}\nleave: []\n`,
    );
  });

  it('rewrites a one-line flow list through the document, which still reads as before plus the entry', () => {
    const after = withOverrides(
      'overrides: [{ schedule: a, person: x, from: 2026-01-01T00:00, to: 2026-01-02T00:00 }] # one\n',
      [ENTRY],
    );
    expect(after).toContain('# one');
    expect(after).toContain('ref: "#12"}]');
  });
});
