import { describe, expect, it } from 'vitest';
import { type Author, kitWritten } from '../../../src/kernel/kit-identity.js';

const marked = '<!-- support-kit:escalation steps=1 -->\nState';
const item = (user: Author | null, body = marked) => ({ user, body });

/** The identity as GraphQL's viewer answers it, counting the questions. */
function identity(login: string) {
  const asked = { count: 0 };
  return {
    asked,
    ask: async () => {
      asked.count += 1;
      return login;
    },
  };
}

describe('whose markers count', () => {
  it("the workflow token's bot, named github-actions by GraphQL and github-actions[bot] by REST", async () => {
    const kit = identity('github-actions');
    const rest = item({ login: 'github-actions[bot]', type: 'Bot' });
    const graphql = item({ login: 'github-actions', type: 'Bot' });

    expect(await kitWritten([rest, graphql], kit.ask)).toEqual([rest, graphql]);
  });

  it('another app, a person and a deleted account are not the kit, whatever their markers say', async () => {
    const kit = identity('github-actions');
    const others = [
      item({ login: 'relay-app[bot]', type: 'Bot' }),
      item({ login: 'tess', type: 'User' }),
      item(null),
    ];

    expect(await kitWritten(others, kit.ask)).toEqual([]);
  });

  it("an App's installation token: its own <slug>[bot], not the workflow token's bot", async () => {
    const kit = identity('acme-desk');
    const own = item({ login: 'acme-desk[bot]', type: 'Bot' });

    expect(
      await kitWritten([item({ login: 'github-actions[bot]', type: 'Bot' }), own], kit.ask),
    ).toEqual([own]);
  });

  it("a personal token: the person's own markers count, no bot's", async () => {
    const kit = identity('Luc');
    const own = item({ login: 'luc', type: 'User' });

    expect(
      await kitWritten([own, item({ login: 'github-actions[bot]', type: 'Bot' })], kit.ask),
    ).toEqual([own]);
  });

  it('asks who the kit is only when an item carries a marker', async () => {
    const kit = identity('github-actions');

    await kitWritten(
      [item({ login: 'github-actions[bot]', type: 'Bot' }, 'No marker here')],
      kit.ask,
    );

    expect(kit.asked.count).toBe(0);
  });
});
