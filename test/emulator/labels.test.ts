import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../dev/emulator/index.js';
import { call, startBasic } from '../../dev/emulator/helpers.js';

type LabelBody = { name: string; color: string; description: string | null; url: string };

describe('labels', () => {
  let gh: Emulator;
  beforeEach(async () => {
    gh = await startBasic();
  });
  afterEach(async () => {
    await gh.close();
  });

  describe('uniqueness and validation', () => {
    it('refuses a name that differs only in case with GitHub’s already_exists 422', async () => {
      const res = await call(gh, 'POST', '/repos/acme/support/labels', {
        body: { name: 'BUG', color: 'ffffff' },
      });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({
        message: 'Validation Failed',
        errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }],
      });
    });

    it('refuses a colour that is not 6 hex digits without "#"', async () => {
      for (const color of ['#ff0000', 'fff', 'gggggg']) {
        const res = await call(gh, 'POST', '/repos/acme/support/labels', {
          body: { name: `c-${color}`, color },
        });
        expect(res.status, color).toBe(422);
        expect(res.body).toMatchObject({
          errors: [{ resource: 'Label', code: 'invalid', field: 'color' }],
        });
      }
    });

    it('refuses names over 50 characters and descriptions over 100', async () => {
      const long = await call(gh, 'POST', '/repos/acme/support/labels', {
        body: { name: 'n'.repeat(51) },
      });
      expect(long.status).toBe(422);
      expect(long.body).toMatchObject({
        errors: [
          { field: 'name', code: 'custom', message: 'name is too long (maximum is 50 characters)' },
        ],
      });
      const desc = await call(gh, 'POST', '/repos/acme/support/labels', {
        body: { name: 'ok', description: 'd'.repeat(101) },
      });
      expect(desc.status).toBe(422);
      expect(desc.body).toMatchObject({
        errors: [
          { field: 'description', message: 'description is too long (maximum is 100 characters)' },
        ],
      });
      const fifty = await call(gh, 'POST', '/repos/acme/support/labels', {
        body: { name: '🔥'.repeat(50) },
      });
      expect(fifty.status).toBe(201);
    });

    it('requires a name', async () => {
      const res = await call(gh, 'POST', '/repos/acme/support/labels', {
        body: { color: 'ffffff' },
      });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({
        errors: [{ resource: 'Label', code: 'missing_field', field: 'name' }],
      });
    });

    it('gives a new label the colour ededed when none is given', async () => {
      const res = await call<LabelBody>(gh, 'POST', '/repos/acme/support/labels', {
        body: { name: 'question' },
      });
      expect(res.status).toBe(201);
      expect(res.body.color).toBe('ededed');
      expect(res.headers.get('location')).toBe(res.body.url);
    });
  });

  describe('lookup by name', () => {
    it('finds labels case-insensitively by URL-encoded name, with spaces, colons and emoji', async () => {
      for (const [path, name] of [
        ['NEEDS%20TRIAGE', 'needs triage'],
        ['severity%3A%20s1', 'severity: S1'],
        [encodeURIComponent('🔥 hot'), '🔥 hot'],
      ]) {
        const res = await call<LabelBody>(gh, 'GET', `/repos/acme/support/labels/${path}`);
        expect(res.status, path).toBe(200);
        expect(res.body.name).toBe(name);
      }
      expect((await call(gh, 'GET', '/repos/acme/support/labels/nope')).status).toBe(404);
    });
  });

  describe('rename and delete', () => {
    it('renaming with new_name keeps the label on its issues; history keeps the old name', async () => {
      const res = await call<LabelBody>(gh, 'PATCH', '/repos/acme/support/labels/bug', {
        body: { new_name: 'kind: bug', color: 'aa0000' },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: 'kind: bug', color: 'aa0000' });
      const issue = gh.store.issue('acme/support', 1);
      expect(issue.labels.map((l) => l.name)).toEqual(['kind: bug', 'needs triage']);
      expect(issue.events.find((e) => e.event === 'labeled')?.label?.name).toBe('bug');
      const onIssue = await call<LabelBody[]>(gh, 'GET', '/repos/acme/support/issues/1/labels');
      expect(onIssue.body.map((l) => l.name)).toEqual(['kind: bug', 'needs triage']);
    });

    it('refuses to rename onto another label’s name (case-insensitive)', async () => {
      const res = await call(gh, 'PATCH', '/repos/acme/support/labels/bug', {
        body: { new_name: 'Needs Triage' },
      });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ errors: [{ code: 'already_exists' }] });
    });

    it('may change only the case of its own name', async () => {
      const res = await call<LabelBody>(gh, 'PATCH', '/repos/acme/support/labels/bug', {
        body: { new_name: 'Bug' },
      });
      expect(res.status).toBe(200);
      expect(res.body.name).toBe('Bug');
    });

    it('deleting a label removes it from every issue', async () => {
      expect((await call(gh, 'DELETE', '/repos/acme/support/labels/BUG')).status).toBe(204);
      expect(gh.store.repo('acme/support').labels.map((l) => l.name)).not.toContain('bug');
      expect(gh.store.issue('acme/support', 1).labels.map((l) => l.name)).toEqual(['needs triage']);
    });
  });

  describe('labels of an issue', () => {
    it('adding creates missing labels with colour ededed and records labeled events by the token’s user', async () => {
      const res = await call<LabelBody[]>(gh, 'POST', '/repos/acme/support/issues/2/labels', {
        body: { labels: ['Needs Triage', 'area: export'] },
      });
      expect(res.status).toBe(200);
      expect(res.body.map((l) => l.name)).toEqual(['severity: S1', 'needs triage', 'area: export']);
      expect(gh.store.findLabel('acme/support', 'area: export')?.color).toBe('ededed');
      const events = gh.store.issue('acme/support', 2).events.filter((e) => e.event === 'labeled');
      expect(events.slice(-2).map((e) => [e.label?.name, e.actor])).toEqual([
        ['needs triage', 'github-actions[bot]'],
        ['area: export', 'github-actions[bot]'],
      ]);
    });

    it('accepts names and {name} objects, and adding a present label is a no-op', async () => {
      await call(gh, 'POST', '/repos/acme/support/issues/2/labels', {
        body: { labels: ['bug', { name: 'bug' }] },
      });
      const labeled = gh.store
        .issue('acme/support', 2)
        .events.filter((e) => e.label?.name === 'bug');
      expect(labeled).toHaveLength(1);
    });

    it('PUT replaces the set, recording unlabeled and labeled events', async () => {
      const res = await call<LabelBody[]>(gh, 'PUT', '/repos/acme/support/issues/1/labels', {
        body: { labels: ['needs triage', 'severity: S1'] },
      });
      expect(res.body.map((l) => l.name)).toEqual(['needs triage', 'severity: S1']);
      const kinds = gh.store
        .issue('acme/support', 1)
        .events.map((e) => `${e.event}:${e.label?.name}`);
      expect(kinds.slice(-2)).toEqual(['unlabeled:bug', 'labeled:severity: S1']);
    });

    it('removing a label the issue does not carry is 404 "Label does not exist"', async () => {
      const ok = await call<LabelBody[]>(gh, 'DELETE', '/repos/acme/support/issues/1/labels/BUG');
      expect(ok.status).toBe(200);
      expect(ok.body.map((l) => l.name)).toEqual(['needs triage']);
      const again = await call(gh, 'DELETE', '/repos/acme/support/issues/1/labels/bug');
      expect(again.status).toBe(404);
      expect(again.body).toMatchObject({ message: 'Label does not exist' });
    });

    it('removing all labels answers 204 and leaves none', async () => {
      expect((await call(gh, 'DELETE', '/repos/acme/support/issues/1/labels')).status).toBe(204);
      expect(gh.store.issue('acme/support', 1).labels).toEqual([]);
    });
  });
});
