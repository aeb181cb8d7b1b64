import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseForm } from '../../src/config/issue-templates.js';
import { checkFile } from '../../src/config/load.js';
import { formatProblem } from '../../src/config/problems.js';
import { specFor } from '../../src/config/registry.js';

const presets = join(import.meta.dirname, '../../config/presets');
const files = readdirSync(presets).flatMap((preset) =>
  readdirSync(join(presets, preset))
    .filter((f) => /\.ya?ml$/.test(f) && specFor(f))
    .map((f) => `${preset}/${f}`),
);

const forms = readdirSync(presets).flatMap((preset) =>
  existsSync(join(presets, preset, 'ISSUE_TEMPLATE'))
    ? readdirSync(join(presets, preset, 'ISSUE_TEMPLATE')).map(
        (f) => `${preset}/ISSUE_TEMPLATE/${f}`,
      )
    : [],
);

describe('presets', () => {
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
    const spec = specFor(file.split('/')[1] ?? '');
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
});
