import { describe, expect, it } from 'vitest';
import { runAction } from '../../../dev/harness/run-action.js';

const labeledBy = (login: string) => ({
  name: 'issues',
  payload: { action: 'labeled', sender: { login } },
});
const options = { action: 'oncall', apiUrl: 'http://127.0.0.1:9', repo: 'acme/desk' };

describe('events the workflow token caused', () => {
  it('start no run: the harness refuses to deliver one, as GitHub never would', async () => {
    await expect(
      runAction({ ...options, event: labeledBy('github-actions[bot]') }),
    ).rejects.toThrow(/GitHub starts no workflow run for an event the workflow token caused/);
  });
});
