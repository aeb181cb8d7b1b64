import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  SeedError,
  loadSeedFile,
  startEmulator,
  validateSeed,
  type Emulator,
} from '../../dev/emulator/index.js';
import { BASIC_SEED } from '../../dev/emulator/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'emulator-seed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('seeds', () => {
  const started: Emulator[] = [];
  afterAll(async () => {
    await Promise.all(started.map((gh) => gh.close()));
  });

  it('loads the YAML fixture into typed state: labels, issues, files, collaborators, clock', async () => {
    const gh = await startEmulator({ seed: await loadSeedFile(BASIC_SEED) });
    started.push(gh);
    const repo = gh.store.repo('acme/support');
    expect(repo.labels.map((l) => l.name)).toEqual([
      'bug',
      'severity: S1',
      'needs triage',
      '🔥 hot',
    ]);
    expect(repo.issues.map((i) => i.number)).toEqual([1, 2, 3, 4]);
    expect(repo.issues[0]?.comments[0]).toMatchObject({ user: 'alice', body: 'Looking into it' });
    expect(repo.issues[2]).toMatchObject({
      state: 'closed',
      state_reason: 'not_planned',
      closed_at: '2024-02-21T09:00:00Z',
    });
    expect(repo.files.get('README.md')).toBe('# support\n');
    expect(repo.refs.get('roster-change')?.get('.github/support-kit/roster.yaml')).toContain('sfo');
    expect(Object.fromEntries(repo.collaborators)).toEqual({
      alice: 'write',
      bob: 'triage',
      carol: 'admin',
    });
    expect(gh.store.now()).toBe('2024-03-04T10:00:00Z');
    expect(gh.store.isOrg('acme')).toBe(true);
  });

  it('accepts the example seed in docs/emulator.md', async () => {
    const doc = readFileSync(new URL('../../docs/emulator.md', import.meta.url), 'utf8');
    const example =
      /Example \(`dev\/emulator\/fixtures\/basic\.yaml`[^\n]*\n\n```yaml\n([\s\S]*?)```/.exec(
        doc,
      )?.[1];
    expect(example).toBeDefined();
    const gh = await startEmulator({ seed: await loadSeedFile(file('doc.yaml', example ?? '')) });
    started.push(gh);
    expect(gh.store.issue('acme/support', 3).pull_request).toMatchObject({ head: 'dark-mode' });
    expect(gh.store.tokens.get('ghp_alice')).toEqual({ login: 'alice', kind: 'user' });
  });

  it('loads JSON seeds too', async () => {
    const seed = await loadSeedFile(
      file('s.json', JSON.stringify({ repos: [{ owner: 'o', name: 'r' }] })),
    );
    expect(seed.repos?.[0]?.name).toBe('r');
  });

  it.each([
    [
      { repos: [{ owner: 'o', name: 'r', labels: [{ name: 'x', color: '#ffffff' }] }] },
      "seed.repos[0].labels[0].color: expected 6 hex digits without '#'",
    ],
    [{ repos: [{ owner: 'o', name: 'r', lables: [] }] }, 'seed.repos[0].lables: unknown field'],
    [
      { repos: [{ owner: 'o', name: 'r', issues: [{ body: 'no title' }] }] },
      'seed.repos[0].issues[0].title: expected a non-empty string',
    ],
    [
      { repos: [{ owner: 'o', name: 'r', issues: [{ title: 't', state: 'done' }] }] },
      'seed.repos[0].issues[0].state: expected one of "open", "closed"',
    ],
    [
      { repos: [{ owner: 'o', name: 'r', collaborators: [{ login: 'a', permission: 'owner' }] }] },
      'seed.repos[0].collaborators[0].permission',
    ],
    [{ now: 'tomorrow' }, 'seed.now: expected an ISO 8601 date-time'],
    [
      { users: [{ login: 'has space' }] },
      'seed.users[0].login: "has space" is not a valid GitHub login',
    ],
    [
      { repos: [{ owner: 'o', name: 'r', files: { 'a.txt': 3 } }] },
      'seed.repos[0].files."a.txt": expected file content as a string',
    ],
    [{ teams: [{ org: 'o', slug: 's' }] }, 'seed.teams[0].members: expected a list'],
  ])('rejects a bad seed with a message naming the field (%#)', (seed, message) => {
    expect(() => validateSeed(seed)).toThrow(SeedError);
    expect(() => validateSeed(seed)).toThrow(message);
  });

  it('names the field when a seed breaks a domain rule (non-assignable assignee, duplicate label)', async () => {
    await expect(
      startEmulator({
        seed: {
          repos: [{ owner: 'o', name: 'r', issues: [{ title: 't', assignees: ['ghost'] }] }],
        },
      }),
    ).rejects.toThrow(/seed\.repos\[0\]\.issues\[0\]: Validation Failed.*assignees/);
    await expect(
      startEmulator({
        seed: { repos: [{ owner: 'o', name: 'r', labels: [{ name: 'Bug' }, { name: 'bug' }] }] },
      }),
    ).rejects.toThrow(/seed\.repos\[0\]\.labels\[1\]: Validation Failed.*already_exists/);
  });

  it('prefixes file errors with the path, for parse errors and for bad fields', async () => {
    const broken = file('broken.yaml', 'repos: [');
    await expect(loadSeedFile(broken)).rejects.toThrow(`${broken}: cannot parse`);
    const bad = file('bad.yml', 'repos:\n  - owner: o\n    name: r\n    private: maybe\n');
    await expect(loadSeedFile(bad)).rejects.toThrow(
      `${bad}: seed.repos[0].private: expected true or false, got "maybe"`,
    );
    await expect(loadSeedFile(file('seed.txt', '{}'))).rejects.toThrow(
      'must end in .json, .yaml or .yml',
    );
  });
});

describe('arranging state directly through the store', () => {
  it('creates issues and comments with events, honouring the frozen clock', async () => {
    const gh = await startEmulator({ now: '2024-06-01T12:00:00Z' });
    try {
      const { store } = gh;
      store.addRepo({ owner: 'octo', name: 'desk' });
      store.addCollaborator('octo/desk', 'alice', 'maintain');
      const issue = store.createIssue('octo/desk', {
        title: 'Broken',
        user: 'dave',
        labels: ['bug'],
      });
      expect(issue).toMatchObject({ number: 1, user: 'dave', created_at: '2024-06-01T12:00:00Z' });
      gh.setClock(new Date('2024-06-01T13:00:00Z'));
      const comment = store.addComment('octo/desk', 1, { user: 'alice', body: 'ack' });
      store.addAssignees('octo/desk', 1, ['alice'], { actor: 'alice' });
      expect(comment.created_at).toBe('2024-06-01T13:00:00Z');
      expect(
        store
          .timeline('octo/desk', 1)
          .map((t) => (t.kind === 'comment' ? 'commented' : t.event.event)),
      ).toEqual(['labeled', 'commented', 'assigned']);
      expect(store.issue('octo/desk', 1).updated_at).toBe('2024-06-01T13:00:00Z');
      expect(store.permission('octo/desk', 'octo')).toBe('admin');
      expect(store.permission('octo/desk', 'alice')).toBe('maintain');
      expect(() => store.createLabel('octo/desk', { name: 'BUG' })).toThrow('Validation Failed');
      expect(() => store.repo('octo/nope')).toThrow('Not Found: no repository octo/nope');
      expect(() => store.issue('octo/desk', 7)).toThrow('Not Found: no issue #7 in octo/desk');
    } finally {
      await gh.close();
    }
  });
});
