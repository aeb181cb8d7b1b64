import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseForm } from '../../../src/intake/config/issue-templates.js';
import { checkFile, loadConfigFolder } from '../../../src/config/load.js';
import { formatProblem } from '../../../src/kernel/problems.js';
import { specNamed } from '../../../src/config/spec.js';
import { CONFIG_FILES } from '../../../src/validate/config-files.js';
import { workspaceSource } from '../../../src/config/sources.js';

const presets = join(import.meta.dirname, '../../../config/presets');
const files = readdirSync(presets).flatMap((preset) =>
  readdirSync(join(presets, preset))
    .filter((f) => /\.ya?ml$/.test(f) && specNamed(CONFIG_FILES, f))
    .map((f) => `${preset}/${f}`),
);

const forms = readdirSync(presets).flatMap((preset) =>
  existsSync(join(presets, preset, 'ISSUE_TEMPLATE'))
    ? readdirSync(join(presets, preset, 'ISSUE_TEMPLATE')).map(
        (f) => `${preset}/ISSUE_TEMPLATE/${f}`,
      )
    : [],
);

/** One preset per seed process in /work/shared/seeds (DESIGN.md). */
const SEED_PRESETS = [
  'escalation',
  'support-triage',
  'daily-rotation',
  'sev1-playbook',
  'live-incident',
];

describe('presets', () => {
  it.each(readdirSync(presets))(
    'the %s folder passes `support-kit validate` as a whole, without a warning',
    async (preset) => {
      const config = await loadConfigFolder(workspaceSource(presets, preset), CONFIG_FILES);
      expect(config.problems.map(formatProblem)).toEqual([]);
      expect(config.files.length).toBeGreaterThan(0);
    },
  );

  it.each(SEED_PRESETS)(
    'the %s preset has labels, intake rules, an issue form and a page mapping its seed to it',
    (preset) => {
      const dir = join(presets, preset);
      expect(existsSync(join(dir, 'labels.yaml'))).toBe(true);
      expect(existsSync(join(dir, 'intake.yaml'))).toBe(true);
      expect(readdirSync(join(dir, 'ISSUE_TEMPLATE')).length).toBeGreaterThan(0);
      expect(existsSync(join(import.meta.dirname, '../../../docs/presets', `${preset}.md`))).toBe(
        true,
      );
    },
  );

  it.each(SEED_PRESETS)(
    'every label the %s preset applies (form, intake answers, statuses, roster routes) is in its labels.yaml',
    (preset) => {
      const dir = join(presets, preset);
      const read = (f: string) =>
        parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>;
      const defined = new Set(
        (read('labels.yaml').labels as { name: string }[]).map((l) => l.name.toLowerCase()),
      );
      const intake = read('intake.yaml') as unknown as {
        status?: Record<string, string>;
        templates?: Record<string, { fields?: Record<string, { labels?: object }> }>;
      };
      const applied = [
        ...Object.values(intake.status ?? {}),
        ...Object.values(intake.templates ?? {}).flatMap((t) =>
          Object.values(t.fields ?? {}).flatMap((f) => Object.values(f.labels ?? {}).flat()),
        ),
        ...readdirSync(join(dir, 'ISSUE_TEMPLATE')).flatMap(
          (f) =>
            (parse(readFileSync(join(dir, 'ISSUE_TEMPLATE', f), 'utf8')).labels ?? []) as string[],
        ),
        ...(existsSync(join(dir, 'roster.yaml'))
          ? ((read('roster.yaml').routes ?? []) as { labels?: string[] }[]).flatMap(
              (r) => r.labels ?? [],
            )
          : []),
      ] as string[];
      expect(applied.filter((l) => !defined.has(l.toLowerCase()))).toEqual([]);
    },
  );

  it.each(forms)('config/presets/%s is a valid issue form', (file) => {
    const { problems } = parseForm(
      `config/presets/${file}`,
      readFileSync(join(presets, file), 'utf8'),
    );
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it.each(readdirSync(presets).filter((p) => existsSync(join(presets, p, 'intake.yaml'))))(
    'the intake.yaml of %s names only templates and fields its forms have',
    (preset) => {
      const rules = parse(readFileSync(join(presets, preset, 'intake.yaml'), 'utf8')) as {
        templates?: Record<string, { fields?: Record<string, unknown> }>;
      };
      for (const [key, template] of Object.entries(rules.templates ?? {})) {
        const file = join(presets, preset, 'ISSUE_TEMPLATE', `${key}.yml`);
        expect(existsSync(file), `${preset}: no form ${key}.yml`).toBe(true);
        const form = parseForm(file, readFileSync(file, 'utf8')).template;
        const known = new Set(form?.fields.flatMap((f) => [f.id, f.label]) ?? []);
        expect(
          Object.keys(template.fields ?? {}).filter((f) => !known.has(f)),
          `${preset}/${key}`,
        ).toEqual([]);
      }
    },
  );

  it.each(files)("config/presets/%s passes every check a team's own file would", (file) => {
    const spec = specNamed(CONFIG_FILES, file.split('/')[1] ?? '');
    if (!spec) throw new Error(`no spec for ${file}`);
    const { problems } = checkFile(
      spec,
      `config/presets/${file}`,
      readFileSync(join(presets, file), 'utf8'),
    );
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it("carries seed 000's severities and seed 001's status lifecycle", () => {
    const names = (file: string) =>
      [...readFileSync(join(presets, file), 'utf8').matchAll(/- name: (\S+)/g)].map((m) => m[1]);
    expect(names('escalation/labels.yaml')).toEqual(
      expect.arrayContaining([
        'S0-catastrophic',
        'S1-broken',
        'S2-major',
        'S3-minor',
        'bug',
        'enhancement',
        'process',
        'question',
        'workaround',
      ]),
    );
    expect(names('support-triage/labels.yaml')).toEqual(
      expect.arrayContaining([
        'status/0-triage',
        'status/0-more-info-needed',
        'status/0-wont-fix',
        'status/1-acknowledged',
        'status/2-in-progress',
        'status/3-fixed',
        'status/4-fix-released-beta',
        'status/4-fix-released-stable',
      ]),
    );
  });

  it('the escalation preset carries the follow-the-sun roster unchanged (a copy: npm packs no symlinks)', () => {
    const read = (preset: string) => readFileSync(join(presets, preset, 'roster.yaml'), 'utf8');
    expect(read('escalation')).toBe(read('follow-the-sun'));
  });
});
