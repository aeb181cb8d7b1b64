import { describe, expect, it } from 'vitest';
import type { Notify } from '../../../src/kernel/plan.js';
import { createNotifier } from '../../../src/notify/notifier.js';

type Answer = Response | Error;

/** A fetch that gives the answers in order and counts the posts. */
function endpoint(...answers: Answer[]) {
  const posts: unknown[] = [];
  const fetch = (async (_url: string, init: RequestInit) => {
    posts.push(JSON.parse(init.body as string));
    const answer = answers.shift() ?? new Response('ok', { status: 200 });
    if (answer instanceof Error) throw answer;
    return answer;
  }) as typeof globalThis.fetch;
  return { posts, fetch };
}

const status = (code: number, headers: Record<string, string> = {}) =>
  new Response('{"message":"busy"}', { status: code, headers });
const timeout = () =>
  Object.assign(new Error('The operation was aborted'), { name: 'TimeoutError' });
const cut = () => new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
const refused = () => new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });

const post: Notify = {
  kind: 'notify',
  channel: 'webhook',
  issue: 1,
  key: 'hook-step-1',
  payload: { text: 'escalated' },
  reason: 'test',
};
const page: Notify = {
  ...post,
  channel: 'pagerduty',
  key: 'pd-step-1',
  payload: { dedup_key: 'k' },
};

function notifier(fetch: typeof globalThis.fetch) {
  return createNotifier({
    webhook: { url: 'http://127.0.0.1:1/hook' },
    pagerduty: { routingKey: 'key', url: 'http://127.0.0.1:1/pd' },
    retryDelaysMs: [0, 0],
    fetch,
  });
}

describe('notifier delivery', () => {
  it('sends again within the run when the endpoint answers 500, and stops once delivered', async () => {
    const hook = endpoint(status(500));
    await expect(notifier(hook.fetch).send(post)).resolves.toMatch(/webhook 200 \(attempt 2\)/);
    expect(hook.posts).toHaveLength(2);
  });

  it('fails with the endpoint’s words after three refusals', async () => {
    const hook = endpoint(status(503), status(503), status(503));
    await expect(notifier(hook.fetch).send(post)).rejects.toThrow('webhook answered 503');
    expect(hook.posts).toHaveLength(3);
  });

  it('sends again when the connection was refused: nothing can have arrived', async () => {
    const hook = endpoint(refused());
    await notifier(hook.fetch).send(post);
    expect(hook.posts).toHaveLength(2);
  });

  it('does not post to a webhook again when it took the post and gave no answer', async () => {
    const hook = endpoint(cut());
    await expect(notifier(hook.fetch).send(post)).resolves.toMatch(/not sent again/);
    expect(hook.posts).toHaveLength(1);
  });

  it('sends a PagerDuty event again after no answer: its dedup key makes it one alert', async () => {
    const pd = endpoint(timeout());
    await notifier(pd.fetch).send(page);
    expect(pd.posts).toHaveLength(2);
  });

  it('does not send a payload the endpoint refused as invalid again', async () => {
    const hook = endpoint(status(400));
    await expect(notifier(hook.fetch).send(post)).rejects.toThrow('webhook answered 400');
    expect(hook.posts).toHaveLength(1);
  });

  it('leaves to the next run a retry-after longer than a run should wait', async () => {
    const hook = endpoint(status(429, { 'retry-after': '900' }));
    await expect(notifier(hook.fetch).send(post)).rejects.toThrow('webhook answered 429');
    expect(hook.posts).toHaveLength(1);
  });
});
