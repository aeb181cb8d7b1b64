import { describe, expect, it } from 'vitest';
import { serve } from '../../loopback.js';
import { composeServices } from '../../../src/host/compose.js';

/** A loopback GraphQL endpoint that counts the queries it answers. */
async function graphqlServer(): Promise<{ url: string; answered: () => number }> {
  const server = await serve((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ data: { viewer: { login: 'support-kit[bot]' } } }));
  });
  return { url: server.url, answered: server.requests };
}

describe('GraphQL reads', () => {
  it('are not paced like writes: three queries under a minute-long write pacing finish at once', async () => {
    const server = await graphqlServer();
    const { gateway } = await composeServices({
      token: 't',
      repo: { owner: 'acme', repo: 'desk' },
      env: { GITHUB_API_URL: server.url, SUPPORT_KIT_WRITE_INTERVAL_MS: '60000' },
    });

    for (let i = 0; i < 3; i++) await gateway.graphql('query { viewer { login } }', {});

    expect(server.answered()).toBe(3);
  });

  it('the gateway refuses to send a mutation through the unpaced reader', async () => {
    const server = await graphqlServer();
    const { gateway } = await composeServices({
      token: 't',
      repo: { owner: 'acme', repo: 'desk' },
      env: { GITHUB_API_URL: server.url },
    });

    await expect(gateway.graphql('mutation { x }', {})).rejects.toThrow(
      'the gateway sends GraphQL queries only',
    );
    expect(server.answered()).toBe(0);
  });
});
