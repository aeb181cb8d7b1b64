import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type TokenGrant } from '../../dev/emulator/index.js';
import { call } from '../../dev/emulator/helpers.js';

const SCHEDULE = '.github/workflows/support-kit-schedule.yml';
const token = (permissions: TokenGrant['permissions']): TokenGrant => ({
  login: 'github-actions[bot]',
  kind: 'workflow',
  repositories: ['acme/desk'],
  permissions,
});

let gh: Emulator;
beforeEach(async () => {
  gh = await startEmulator({ seed: { repos: [{ owner: 'acme', name: 'desk' }] } });
  gh.store.addWorkflow('acme/desk', SCHEDULE, 'disabled_inactivity');
});
afterEach(async () => {
  await gh.close();
});

function as(permissions: TokenGrant['permissions']) {
  gh.grantToken('t', token(permissions));
  return (method: string, path: string) =>
    call<{ state?: string; message?: string }>(gh, method, path, { token: 't' });
}

describe('Actions workflows, as GitHub serves them', () => {
  it('reports a workflow GitHub turned off by its file name, with `actions: read`', async () => {
    const req = as({ issues: 'write', actions: 'read' });
    const found = await req('GET', '/repos/acme/desk/actions/workflows/support-kit-schedule.yml');
    expect({ status: found.status, state: found.body.state }).toEqual({
      status: 200,
      state: 'disabled_inactivity',
    });
  });

  it('enables it with `actions: write` (204), and refuses a token without it (403)', async () => {
    const refused = await as({ issues: 'write', actions: 'read' })(
      'PUT',
      '/repos/acme/desk/actions/workflows/support-kit-schedule.yml/enable',
    );
    expect(refused.status).toBe(403);
    expect(gh.store.workflow('acme/desk', 'support-kit-schedule.yml').state).toBe(
      'disabled_inactivity',
    );

    const enabled = await as({ actions: 'write' })(
      'PUT',
      '/repos/acme/desk/actions/workflows/support-kit-schedule.yml/enable',
    );
    expect(enabled.status).toBe(204);
    expect(gh.store.workflow('acme/desk', 'support-kit-schedule.yml').state).toBe('active');
  });

  it('answers 404 for a workflow the repository does not have, and 403 to a token without `actions`', async () => {
    expect(
      (await as({ actions: 'read' })('GET', '/repos/acme/desk/actions/workflows/nope.yml')).status,
    ).toBe(404);
    expect(
      (
        await as({ issues: 'write' })(
          'GET',
          '/repos/acme/desk/actions/workflows/support-kit-schedule.yml',
        )
      ).status,
    ).toBe(403);
  });
});
