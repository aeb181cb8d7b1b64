import { describe, expect, it } from 'vitest';
import { Store } from '../../../dev/emulator/index.js';
import { deskRules, deskViolations } from '../../../dev/harness/invariants.js';

function desk(): Store {
  const store = new Store();
  store.addUser({ login: 'amy' });
  store.addRepo({ owner: 'acme', name: 'desk', defaultLabels: false });
  store.addCollaborator('acme/desk', 'amy', 'write');
  return store;
}

const rules = deskRules({
  '.github/support-kit/intake.yaml': 'status:\n  complete: status/0-triage\n',
});

describe('the desk invariants every scenario week checks after each run', () => {
  it('finds an issue with two severities, two statuses, or held and assigned at once', () => {
    const store = desk();
    store.createIssue('acme/desk', {
      title: 'x',
      labels: ['S1-broken', 'S2-major', 'status/0-triage', 'status/1-acknowledged'],
    });
    store.createIssue('acme/desk', {
      title: 'y',
      labels: ['oncall/no-coverage'],
      assignees: ['amy'],
    });

    expect(deskViolations(store, 'acme/desk', rules)).toEqual([
      '#1 has 2 severities: S1-broken, S2-major',
      '#1 has 2 statuses: status/0-triage, status/1-acknowledged',
      '#2 is held for coverage (oncall/no-coverage) and assigned to amy',
    ]);
  });

  it('finds nothing on a sound desk', () => {
    const store = desk();
    store.createIssue('acme/desk', { title: 'x', labels: ['S1-broken', 'status/0-triage'] });
    expect(deskViolations(store, 'acme/desk', rules)).toEqual([]);
  });

  it('finds a kit comment that announces an assignment GitHub never made', () => {
    const store = desk();
    store.addUser({ login: 'dan' });
    store.addCollaborator('acme/desk', 'dan', 'write');
    const n = store.createIssue('acme/desk', { title: 'x', assignees: ['amy'] }).number;
    store.addComment('acme/desk', n, {
      user: 'github-actions[bot]',
      body: '<!-- support-kit:oncall-assignment -->\nAssigned to **dan**, the primary on call.',
    });
    store.addComment('acme/desk', n, {
      user: 'github-actions[bot]',
      body: '<!-- support-kit:oncall-assignment -->\nAssigned to **amy**, the primary on call.',
    });

    expect(deskViolations(store, 'acme/desk', rules)).toEqual([
      '#1: a kit comment says it was assigned to dan, but GitHub never assigned them',
    ]);
  });

  it('finds a hand-off log entry that moves an issue its new holder never got', () => {
    const store = desk();
    const n = store.createIssue('acme/desk', { title: 'x', assignees: ['amy'] }).number;
    const log = store.createIssue('acme/desk', { title: 'log', labels: ['oncall/handoff-log'] });
    store.addComment('acme/desk', log.number, {
      user: 'github-actions[bot]',
      body: `<!-- support-kit:handoff -->\n### paris primary: amy \u2192 dan\n\n- #${n} x (to be reassigned to dan)`,
    });

    expect(deskViolations(store, 'acme/desk', rules)).toEqual([
      'the hand-off log moves #1 to dan, who was never assigned it',
    ]);
  });

  it("finds a report whose 'Handed over' row says otherwise than the hand-off log of that turn", () => {
    const store = desk();
    store.clock.set('2026-11-30T12:00:00Z');
    const n = store.createIssue('acme/desk', { title: 'x', assignees: ['amy'] }).number;
    store.createIssue('acme/desk', {
      title: 'Support report 2026-W48',
      labels: ['support-kit/report'],
      body: `## On call\n\n### Handed over\n\n| Issue | Title | Severity | From | To |\n| --- | --- | --- | --- | --- |\n| [#\u2060${n}](https://redirect.github.com/acme/desk/issues/${n}) | x | S1 | amy | dan |\n\n---\n`,
    });
    const log = store.createIssue('acme/desk', { title: 'log', labels: ['oncall/handoff-log'] });
    store.addComment('acme/desk', log.number, {
      user: 'github-actions[bot]',
      body: `<!-- support-kit:handoff -->\n### desk primary: amy \u2192 dan\n\n- #${n} x (stays with amy)`,
    });

    expect(deskViolations(store, 'acme/desk', rules)).toEqual([
      `the report says #${n} goes "dan", the hand-off log "stays with amy"`,
    ]);
  });
});
