import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ESCALATE_EVENTS } from '../../../src/escalate/events.js';
import { startAction, startRouter } from '../../../src/host/entry.js';
import { INTAKE_EVENTS } from '../../../src/intake/events.js';
import type { CapabilityEntry } from '../../../src/job/contract.js';
import { LABELS_EVENTS } from '../../../src/labels/events.js';
import { ONCALL_EVENTS } from '../../../src/oncall/events.js';
import { REPORT_EVENTS } from '../../../src/report/events.js';
import { VALIDATE_EVENTS } from '../../../src/validate/events.js';

/** The kit itself stays unloaded: entry only decides which capabilities get the event. */
const action = vi.hoisted(() => ({ runCapabilities: vi.fn(async () => undefined) }));
vi.mock('../../../src/host/action.js', () => action);

const folder = mkdtempSync(join(tmpdir(), 'sk-entry-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let written: string[];
beforeEach(() => {
  written = [];
  action.runCapabilities.mockClear();
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  process.exitCode = undefined;
});

/** The runner's event: its name in GITHUB_EVENT_NAME, its payload in a file. */
function receive(name: string, payload: Record<string, unknown> = {}, input = ''): void {
  const path = join(folder, `${name}.json`);
  writeFileSync(path, JSON.stringify(payload));
  vi.stubEnv('GITHUB_EVENT_NAME', name);
  vi.stubEnv('GITHUB_EVENT_PATH', path);
  vi.stubEnv('INPUT_ACTION', input);
}

const entry = (events: CapabilityEntry['events']) => ({ events, load: vi.fn() });
const router = () => ({
  intake: entry(INTAKE_EVENTS),
  labels: entry(LABELS_EVENTS),
  oncall: entry(ONCALL_EVENTS),
  report: entry(REPORT_EVENTS),
  escalate: entry(ESCALATE_EVENTS),
  validate: entry(VALIDATE_EVENTS),
});
const chosen = () => action.runCapabilities.mock.calls.map((call) => (call as unknown[])[0]);

describe('a single-capability action', () => {
  it('loads nothing for an event it does not act on, and says which events it runs on', async () => {
    receive('watch', { action: 'started' });
    const intake = entry(INTAKE_EVENTS);

    await startAction('intake', intake);

    expect(intake.load).not.toHaveBeenCalled();
    expect(action.runCapabilities).not.toHaveBeenCalled();
    expect(written).toEqual([
      'support-kit: nothing to do for watch.started (intake runs on issues.opened|edited|reopened, schedule, workflow_dispatch)\n',
    ]);
    expect(process.exitCode).toBeUndefined();
  });

  it('ignores an activity type it does not act on', async () => {
    receive('issues', { action: 'closed' });

    await startAction('intake', entry(INTAKE_EVENTS));

    expect(action.runCapabilities).not.toHaveBeenCalled();
  });

  it('runs its capability, unrouted, on an event it acts on', async () => {
    receive('issues', { action: 'opened', issue: { number: 1 } });

    await startAction('intake', entry(INTAKE_EVENTS));

    expect(action.runCapabilities).toHaveBeenCalledWith(
      ['intake'],
      { name: 'issues', action: 'opened', payload: { action: 'opened', issue: { number: 1 } } },
      expect.objectContaining({ routed: false }),
    );
  });

  it('fails with a clear error when the event payload cannot be read', async () => {
    vi.stubEnv('GITHUB_EVENT_NAME', 'issues');
    vi.stubEnv('GITHUB_EVENT_PATH', join(folder, 'missing.json'));

    await startAction('intake', entry(INTAKE_EVENTS));

    expect(written[0]).toMatch(
      /^::error::cannot read the event payload at GITHUB_EVENT_PATH \(.*missing\.json\): ENOENT/,
    );
    expect(process.exitCode).toBe(1);
    expect(action.runCapabilities).not.toHaveBeenCalled();
  });
});

describe('the all-in-one action', () => {
  it('with auto, routes a new issue to every capability that acts on it, in order', async () => {
    receive('issues', { action: 'opened' });

    await startRouter(router());

    expect(chosen()).toEqual([['intake', 'oncall', 'escalate']]);
    expect(action.runCapabilities.mock.calls[0]).toContainEqual(
      expect.objectContaining({ routed: true }),
    );
  });

  it('with auto, routes a push to labels and validate', async () => {
    receive('push', { ref: 'refs/heads/main' });

    await startRouter(router());

    expect(chosen()).toEqual([['labels', 'validate']]);
  });

  it('with auto, says that no capability acts on an event', async () => {
    receive('release', { action: 'published' });

    await startRouter(router());

    expect(action.runCapabilities).not.toHaveBeenCalled();
    expect(written).toEqual([
      'support-kit: nothing to do for release.published (no capability acts on it)\n',
    ]);
  });

  it('runs only the capability the action input names', async () => {
    receive('schedule', {}, 'report');

    await startRouter(router());

    expect(chosen()).toEqual([['report']]);
    expect(action.runCapabilities.mock.calls[0]).toContainEqual(
      expect.objectContaining({ routed: false }),
    );
  });

  it('fails on an unknown action input, naming the ones it knows, and runs nothing', async () => {
    receive('schedule', {}, 'triage');

    await startRouter(router());

    expect(written).toEqual([
      '::error::support-kit: unknown action "triage"; use auto or one of intake, labels, oncall, report, escalate, validate\n',
    ]);
    expect(process.exitCode).toBe(1);
    expect(action.runCapabilities).not.toHaveBeenCalled();
  });
});
