import { describe, expect, it } from 'vitest';
import { selectRepositories } from '../../../src/labels/decide/targets.js';

describe("an organisation's repositories chosen by globs", () => {
  it('leaves a dot-named repository to a glob that starts with a dot, as a shell does', () => {
    expect(selectRepositories(['.github', 'desk'], ['*'])).toEqual(['desk']);
    expect(selectRepositories(['.github', 'desk'], ['.git*'])).toEqual(['.github']);
  });

  it('lets exclude win over include, ignoring case', () => {
    expect(selectRepositories(['Support-EU', 'support-us'], ['support-*'], ['*-US'])).toEqual([
      'Support-EU',
    ]);
  });
});
