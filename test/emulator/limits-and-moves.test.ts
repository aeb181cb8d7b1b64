import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../dev/emulator/index.js';
import { call, startBasic } from '../../dev/emulator/helpers.js';

/** GitHub refuses a body over 65,536 characters with a 422 (docs/emulator.md, "Limits"). */
describe('body limits', () => {
  let gh: Emulator;
  beforeEach(async () => {
    gh = await startBasic();
  });
  afterEach(async () => {
    await gh.close();
  });

  const long = 'x'.repeat(65_537);
  type Refusal = { message: string; errors: { resource: string; message: string }[] };

  it('refuses an issue whose body is over 65,536 characters, and opens nothing', async () => {
    const before = gh.store.repo('acme/support').issues.length;
    const res = await call<Refusal>(gh, 'POST', '/repos/acme/support/issues', {
      body: { title: 'Long', body: long },
    });
    expect([res.status, res.body.errors[0]?.message]).toEqual([
      422,
      'body is too long (maximum is 65536 characters)',
    ]);
    expect(gh.store.repo('acme/support').issues).toHaveLength(before);
  });

  it('refuses a comment over 65,536 characters, created or edited', async () => {
    const created = await call<Refusal>(gh, 'POST', '/repos/acme/support/issues/1/comments', {
      body: { body: long },
    });
    expect([created.status, created.body.errors[0]?.message]).toEqual([
      422,
      'Body is too long (maximum is 65536 characters)',
    ]);
  });

  it('takes a body of exactly 65,536 characters', async () => {
    const res = await call(gh, 'POST', '/repos/acme/support/issues/1/comments', {
      body: { body: 'x'.repeat(65_536) },
    });
    expect(res.status).toBe(201);
  });
});

describe('transferred issues', () => {
  it('answer their old number with a 301 to the issue in its new repository', async () => {
    const gh = await startBasic();
    gh.store.addRepo({ owner: 'acme', name: 'engine' });
    gh.store.transferIssue('acme/support', 1, 'acme/engine', { actor: 'alice' });
    const res = await fetch(`${gh.url}/repos/acme/support/issues/1`, {
      redirect: 'manual',
      headers: { authorization: 'token t' },
    });
    expect([res.status, res.headers.get('location')]).toEqual([
      301,
      `${gh.url}/repos/acme/engine/issues/1`,
    ]);
    await gh.close();
  });
});
