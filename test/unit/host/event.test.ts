import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readEvent, readInput } from '../../../src/host/event.js';

const folder = mkdtempSync(join(tmpdir(), 'sk-event-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function payloadFile(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

describe('readEvent', () => {
  it('reads the name, the activity type and the payload', () => {
    const path = payloadFile('opened.json', '{"action":"opened","issue":{"number":3}}');

    expect(readEvent({ GITHUB_EVENT_NAME: 'issues', GITHUB_EVENT_PATH: path })).toEqual({
      name: 'issues',
      action: 'opened',
      payload: { action: 'opened', issue: { number: 3 } },
    });
  });

  it('has no activity type when the payload names none', () => {
    const path = payloadFile('push.json', '{"ref":"refs/heads/main"}');

    expect(readEvent({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: path })).toEqual({
      name: 'push',
      payload: { ref: 'refs/heads/main' },
    });
  });

  it('has an empty payload when the runner gives no payload file', () => {
    expect(readEvent({ GITHUB_EVENT_NAME: 'schedule' })).toEqual({ name: 'schedule', payload: {} });
  });

  it('names the file when the payload cannot be read', () => {
    const path = join(folder, 'missing.json');

    expect(() => readEvent({ GITHUB_EVENT_NAME: 'issues', GITHUB_EVENT_PATH: path })).toThrow(
      `cannot read the event payload at GITHUB_EVENT_PATH (${path}): ENOENT`,
    );
  });

  it('names the file when the payload is not JSON', () => {
    const path = payloadFile('broken.json', '{"action":');

    expect(() => readEvent({ GITHUB_EVENT_NAME: 'issues', GITHUB_EVENT_PATH: path })).toThrow(
      /^cannot read the event payload at GITHUB_EVENT_PATH \(.*broken\.json\): .*JSON/,
    );
  });
});

describe('readInput', () => {
  it('reads INPUT_<NAME> upper-cased with hyphens kept, trimmed', () => {
    expect(readInput('dry-run', { 'INPUT_DRY-RUN': ' true \n' })).toBe('true');
  });

  it('is empty when the input is not set', () => {
    expect(readInput('action', {})).toBe('');
  });
});
