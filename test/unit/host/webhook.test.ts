import { describe, expect, it } from 'vitest';
import { apiSource } from '../../../src/config/sources.js';
import { webhookGate } from '../../../src/host/webhook.js';
import { CONFIG } from '../fakes/context.js';
import { FakeGitHub } from '../fakes/github.js';
import { fakeNotifier } from '../fakes/notifier.js';

const POSTS_REPORTS = 'version: 1\nnotifications:\n  webhook:\n    events: [report]\n';

function gate(escalation: string | undefined, channels: 'webhook'[] = ['webhook']) {
  const github = new FakeGitHub({
    files: escalation === undefined ? {} : { [`${CONFIG}/escalation.yaml`]: escalation },
  });
  const source = apiSource(github.gateway, CONFIG, undefined);
  return { github, ask: webhookGate(source, fakeNotifier(channels)) };
}

describe('webhookGate', () => {
  it('posts an event escalation.yaml lists when the webhook URL is set', async () => {
    const { ask } = gate(POSTS_REPORTS);

    expect(await ask('report')).toEqual({ post: true, note: 'report: posted to the webhook' });
  });

  it('posts nothing without the slack-webhook-url input, and reads no config', async () => {
    const { github, ask } = gate(POSTS_REPORTS, []);

    expect(await ask('report')).toEqual({
      post: false,
      note: 'no slack-webhook-url: nothing is posted',
    });
    expect(github.calls).toEqual([]);
  });

  it('posts nothing for an event escalation.yaml does not list', async () => {
    const { ask } = gate(POSTS_REPORTS);

    expect(await ask('handoff')).toEqual({
      post: false,
      note: "escalation.yaml's notifications.webhook.events does not include handoff: nothing is posted",
    });
  });

  it('posts nothing without escalation.yaml', async () => {
    const { ask } = gate(undefined);

    expect(await ask('report')).toEqual({
      post: false,
      note: 'no escalation.yaml, where the webhook is set: nothing is posted',
    });
  });

  it('posts nothing when escalation.yaml has errors', async () => {
    const { ask } = gate('version: 1\nnotifications:\n  webhook:\n    events: [reports]\n');

    expect(await ask('report')).toEqual({
      post: false,
      note: 'escalation.yaml has errors: nothing is posted to the webhook',
    });
  });

  it('posts nothing when the config is one file named on purpose, which is not escalation.yaml', async () => {
    const github = new FakeGitHub({ files: { [`${CONFIG}/report.yaml`]: 'title: Week {week}\n' } });
    const source = apiSource(github.gateway, `${CONFIG}/report.yaml`, undefined);

    expect(await webhookGate(source, fakeNotifier(['webhook']))('report')).toEqual({
      post: false,
      note: 'webhook: report.yaml is not escalation.yaml',
    });
  });
});
