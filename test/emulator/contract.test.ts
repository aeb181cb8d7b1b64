import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../dev/emulator/index.js';
import { call } from '../../dev/emulator/helpers.js';

/** Every e2e run is held to GitHub's REST description: the emulator's close() says where not. */
describe('the contract check of every exchange', () => {
  const seed = { repos: [{ owner: 'acme', name: 'desk', issues: [{ title: 'Hi', user: 'amy' }] }] };

  it('fails close() when a request the description does not allow was served', async () => {
    const gh = await startEmulator({ seed });
    await call(gh, 'GET', '/repos/acme/desk/issues?per_page=5&colour=blue');
    await expect(gh.close()).rejects.toThrow(
      /query parameter "colour" is not in GitHub's description/,
    );
  });

  it('passes a refusal in GitHub’s shape, documented or not', async () => {
    const gh = await startEmulator({ seed });
    await call(gh, 'GET', '/repos/acme/desk/issues/99');
    await expect(gh.close()).resolves.toBeUndefined();
  });
});
