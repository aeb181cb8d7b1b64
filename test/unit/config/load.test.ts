import { CONFIG_FILES } from '../../../src/validate/config-files.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crossCheckConfig } from '../../../src/validate/cross-checks.js';
import { checkIssueForms } from '../../../src/intake/config/forms.js';
import { loadIssueTemplates } from '../../../src/intake/config/issue-templates.js';
import { loadConfigFolder } from '../../../src/config/load.js';
import { formatProblem } from '../../../src/kernel/problems.js';
import { apiSource, workspaceSource } from '../../../src/config/sources.js';
import { FakeGitHub } from '../fakes/github.js';
import { tempDir } from '../../temp.js';

const NOW = new Date('2026-12-07T00:00:00Z');

async function folderWith(files: Record<string, string>): Promise<string> {
  const root = tempDir('sk-config-');
  await mkdir(join(root, '.github/support-kit'), { recursive: true });
  for (const [name, text] of Object.entries(files))
    await writeFile(join(root, '.github/support-kit', name), text);
  return root;
}

async function problemsOf(files: Record<string, string>): Promise<string[]> {
  const root = await folderWith(files);
  const config = await loadConfigFolder(workspaceSource(root, '.github/support-kit'), CONFIG_FILES);
  return config.problems.map(formatProblem);
}

describe('config loading', () => {
  it('accepts a valid labels.yaml', async () => {
    const root = await folderWith({ 'labels.yaml': 'labels:\n  - name: bug\n    color: d73a4a\n' });
    const config = await loadConfigFolder(
      workspaceSource(root, '.github/support-kit'),
      CONFIG_FILES,
    );
    expect(config.problems).toEqual([]);
    expect(config.files.map((f) => f.path)).toEqual(['.github/support-kit/labels.yaml']);
  });

  it('names file, line and column of a YAML syntax error, in plain words with the fix', async () => {
    const [first] = await problemsOf({
      'labels.yaml': 'labels:\n  - name: bug\n   color: d73a4a\n',
    });
    expect(first).toBe(
      '.github/support-kit/labels.yaml:3:1: error: this line is indented into the list item above, but not as far as its keys: line it up with them, or start a new item with "- "',
    );
  });

  it('points at the value that breaks the schema', async () => {
    expect(await problemsOf({ 'labels.yaml': 'labels:\n  - name: bug\n    color: red\n' })).toEqual(
      [
        '.github/support-kit/labels.yaml:3:12: error: labels[0].color: must be six hex digits such as "d73a4a" (quote it: YAML reads 000000 or 5319e7 as a number)',
      ],
    );
  });

  it('takes a colour that YAML read as a number as it was written', async () => {
    const root = await folderWith({
      'labels.yaml': 'labels:\n  - name: a\n    color: 5319e7\n  - name: b\n    color: 000000\n',
    });
    const config = await loadConfigFolder(
      workspaceSource(root, '.github/support-kit'),
      CONFIG_FILES,
    );
    expect(config.problems).toEqual([]);
    expect(
      (config.files[0]?.yaml.value as { labels: { color: string }[] }).labels.map((l) => l.color),
    ).toEqual(['5319e7', '000000']);
  });

  it('explains a colour that is a number but not six hex digits', async () => {
    const [problem] = await problemsOf({
      'labels.yaml': 'labels:\n  - name: bug\n    color: 123\n',
    });
    expect(problem).toMatch(
      /labels\.yaml:3:12: error: labels\[0\]\.color: .*quote it.*\(found number 123\)/,
    );
  });

  it('rejects a label name made only of emoji', async () => {
    expect(
      await problemsOf({ 'labels.yaml': 'labels:\n  - name: "🐛"\n    color: d73a4a\n' }),
    ).toEqual([
      expect.stringMatching(
        /labels\.yaml:2:11: error: "🐛": GitHub refuses a label name made only of emoji/,
      ),
    ]);
  });

  it('needs labels or extends', async () => {
    expect(await problemsOf({ 'labels.yaml': 'prune: true\n' })).toEqual([
      expect.stringMatching(/labels\.yaml:1:1: error: needs "labels:" or "extends:"/),
    ]);
  });

  it('refuses repositories and organization together', async () => {
    expect(
      await problemsOf({
        'labels.yaml': 'repositories: [a/b]\norganization:\n  name: acme\nlabels: []\n',
      }),
    ).toEqual([
      expect.stringMatching(
        /labels\.yaml:2:1: error: use "repositories:" or "organization:", not both/,
      ),
    ]);
  });

  it('points at the key of an unknown field, lists the known ones and guesses the meant one, without also calling it missing', async () => {
    expect(
      await problemsOf({ 'labels.yaml': 'labels:\n  - name: bug\n    colour: d73a4a\n' }),
    ).toEqual([
      '.github/support-kit/labels.yaml:3:5: error: labels[0]: unknown field "colour" (expected one of: name, color, description, aliases); did you mean "color"?',
    ]);
  });

  it('rejects a label that lists its own name as an alias', async () => {
    expect(
      await problemsOf({
        'labels.yaml': 'labels:\n  - name: Bug\n    color: d73a4a\n    aliases: [bug]\n',
      }),
    ).toEqual([
      '.github/support-kit/labels.yaml:4:15: error: label "bug" lists its own name as an alias; remove the alias',
    ]);
  });

  it('rejects two labels whose names differ only in case', async () => {
    const problems = await problemsOf({
      'labels.yaml':
        'labels:\n  - name: bug\n    color: d73a4a\n  - name: " BUG"\n    color: d73a4a\n',
    });
    expect(problems).toEqual([
      expect.stringMatching(/labels\.yaml:4:11: error: " BUG" is already the name of labels\[0\]/),
    ]);
  });

  it('rejects a duplicate key with its position', async () => {
    expect(await problemsOf({ 'labels.yaml': 'labels: []\nlabels: []\n' })).toEqual([
      expect.stringMatching(/labels\.yaml:2:1: error: duplicate key "labels"/),
    ]);
  });

  it('refuses a time zone abbreviation in roster.yaml at its line', async () => {
    const roster = 'version: 1\nsites:\n  sfo:\n    timezone: PST\npeople:\n  amy: { site: sfo }\n';
    expect(await problemsOf({ 'roster.yaml': roster })).toContainEqual(
      expect.stringMatching(
        /^\.github\/support-kit\/roster\.yaml:4:15: error: sites\.sfo\.timezone: must be an IANA time zone/,
      ),
    );
  });

  it('points at a rotation member who is not among the people', async () => {
    const roster = [
      'version: 1',
      'sites:',
      '  paris: { timezone: Europe/Paris }',
      'people:',
      '  luc: { site: paris }',
      'rotations:',
      '  weekly:',
      '    members: [luc, zoe]',
      '    period: week',
      '    handoff: mon 09:00',
      '    site: paris',
      '    anchor: 2026-01-05',
      'schedules:',
      '  desk:',
      '    layers: [{ rotation: weekly }]',
      '',
    ].join('\n');
    const problems = await problemsOf({ 'roster.yaml': roster });
    expect(problems).toEqual([
      expect.stringMatching(
        /^\.github\/support-kit\/roster\.yaml:8:\d+: error: rotations\.weekly\.members\[1\]: .*zoe/,
      ),
    ]);
  });

  it('warns about a file the kit does not read', async () => {
    expect(await problemsOf({ 'lables.yaml': 'labels: []\n' })).toEqual([
      expect.stringMatching(/lables\.yaml:1:1: warning: unknown config file/),
    ]);
  });

  it('reports a missing config folder as an error', async () => {
    const root = tempDir('sk-empty-');
    const config = await loadConfigFolder(
      workspaceSource(root, '.github/support-kit'),
      CONFIG_FILES,
    );
    expect(config.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/config folder not found/),
    ]);
  });
});

const FORM = [
  'name: Report a problem',
  'description: Something does not work.',
  'body:',
  '  - type: dropdown',
  '    id: severity',
  '    attributes:',
  '      label: How bad is it?',
  '      options: [S1, S2]',
  '  - type: textarea',
  '    attributes:',
  '      label: Steps to reproduce',
  '',
].join('\n');

/** Config files and issue templates in a fresh checkout, as `support-kit validate` reads them. */
async function formProblemsOf(
  config: Record<string, string>,
  templates: Record<string, string>,
): Promise<string[]> {
  const root = await folderWith(config);
  await mkdir(join(root, '.github/ISSUE_TEMPLATE'), { recursive: true });
  for (const [name, text] of Object.entries(templates))
    await writeFile(join(root, '.github/ISSUE_TEMPLATE', name), text);
  const source = workspaceSource(root, '.github/support-kit');
  const forms = await checkIssueForms(source, await loadConfigFolder(source, CONFIG_FILES));
  return forms.problems.map(formatProblem);
}

describe('issue forms, checked with the config', () => {
  it('accepts intake rules that name a form and its fields by id or by label', async () => {
    const intake =
      'templates:\n  problem:\n    fields:\n      severity: { severity: true }\n      steps to reproduce: { min-length: 30 }\n';
    expect(await formProblemsOf({ 'intake.yaml': intake }, { 'problem.yml': FORM })).toEqual([]);
  });

  it('points at the element of a form whose type GitHub does not know', async () => {
    const broken = FORM.replace('type: dropdown', 'type: inputx');
    expect(await formProblemsOf({}, { 'problem.yml': broken })).toEqual([
      expect.stringMatching(
        /^\.github\/ISSUE_TEMPLATE\/problem\.yml:4:11: error: body\[0\]\.type: /,
      ),
    ]);
  });

  it('refuses intake rules for a template that does not exist, at the key, listing those that do', async () => {
    const intake = 'templates:\n  problme:\n    when-labels: [bug]\n';
    expect(await formProblemsOf({ 'intake.yaml': intake }, { 'problem.yml': FORM })).toEqual([
      '.github/support-kit/intake.yaml:2:3: error: templates.problme: there is no issue template problme.yml, problme.yaml or problme.md in .github/ISSUE_TEMPLATE, so these rules never apply (templates: problem)',
    ]);
  });

  it('refuses a field rule that matches no field of the form, listing its ids', async () => {
    const intake = 'templates:\n  problem:\n    fields:\n      sevrity: { severity: true }\n';
    expect(await formProblemsOf({ 'intake.yaml': intake }, { 'problem.yml': FORM })).toEqual([
      '.github/support-kit/intake.yaml:4:7: error: templates.problem.fields.sevrity: .github/ISSUE_TEMPLATE/problem.yml has no field with this id or label, so this rule never applies (ids: severity, steps-to-reproduce)',
    ]);
  });

  it('reports a broken form once: its rules in intake.yaml are not also called missing', async () => {
    const intake = 'templates:\n  problem:\n    fields:\n      anything: { required: true }\n';
    const broken = FORM.replace('type: dropdown', 'type: inputx');
    expect(await formProblemsOf({ 'intake.yaml': intake }, { 'problem.yml': broken })).toEqual([
      expect.stringMatching(/^\.github\/ISSUE_TEMPLATE\/problem\.yml:4:11: error:/),
    ]);
  });

  it('leaves the template chooser (config.yml) alone', async () => {
    expect(
      await formProblemsOf(
        {},
        { 'config.yml': 'blank_issues_enabled: false\n', 'problem.yml': FORM },
      ),
    ).toEqual([]);
  });
});

describe('the config folder given as an absolute path', () => {
  it('is read, and shown relative to the workspace when it lies inside it', async () => {
    const root = await folderWith({ 'labels.yaml': 'labels:\n  - name: bug\n    color: red\n' });
    const source = workspaceSource(root, join(root, '.github/support-kit'));
    const config = await loadConfigFolder(source, CONFIG_FILES);
    expect(config.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^\.github\/support-kit\/labels\.yaml:3:12: error: labels\[0\]\.color/),
    ]);
  });

  it('is read, and shown as written when it lies outside the workspace', async () => {
    const elsewhere = await folderWith({
      'labels.yaml': 'labels:\n  - name: bug\n    color: red\n',
    });
    const root = tempDir('sk-workspace-');
    const config = await loadConfigFolder(
      workspaceSource(root, join(elsewhere, '.github/support-kit')),
      CONFIG_FILES,
    );
    expect(config.problems.map((p) => p.file)).toEqual([
      join(elsewhere, '.github/support-kit/labels.yaml'),
    ]);
  });

  it('may name one file', async () => {
    const root = await folderWith({ 'roster-draft.yaml': 'labels: []\n' });
    const source = workspaceSource('/', join(root, '.github/support-kit/roster-draft.yaml'));
    expect(source.singleFile).toBe('roster-draft.yaml');
    expect(await source.read('roster-draft.yaml')).toBe('labels: []\n');
  });

  it('may name one file read through the API, as from a checkout', async () => {
    const github = new FakeGitHub({
      files: { '.github/support-kit/roster-draft.yaml': 'labels: []\n' },
    });
    const source = apiSource(github.gateway, '.github/support-kit/roster-draft.yaml', 'main');
    expect(source.singleFile).toBe('roster-draft.yaml');
    expect(await source.read('roster-draft.yaml')).toBe('labels: []\n');
  });
});

describe('issue templates read through the API', () => {
  it('reads at most 50 templates a run and names the others in one warning', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 60 }, (_, i) => [
        `.github/ISSUE_TEMPLATE/t${String(i).padStart(2, '0')}.yml`,
        FORM,
      ]),
    );
    const github = new FakeGitHub({ files });

    const loaded = await loadIssueTemplates(
      apiSource(github.gateway, '.github/support-kit', 'main'),
    );

    expect(github.methods().filter((m) => m === 'readFile')).toHaveLength(50);
    expect(loaded.templates).toHaveLength(50);
    expect(loaded.problems.map(formatProblem)).toEqual([
      '.github/ISSUE_TEMPLATE/t50.yml:1:1: warning: .github/ISSUE_TEMPLATE has 60 templates and at most 50 are read a run: intake ignores t50.yml, t51.yml, t52.yml, t53.yml, t54.yml, t55.yml, t56.yml, t57.yml, t58.yml, t59.yml',
    ]);
  });
});

/** What validate finds across the files of a config folder, as it prints them. */
async function crossChecked(root: string): Promise<string[]> {
  const source = workspaceSource(root, '.github/support-kit');
  const config = await loadConfigFolder(source, CONFIG_FILES);
  return (await crossCheckConfig(source, config, NOW)).map(formatProblem);
}

describe('cross-checks between files (what the escalate job would refuse)', () => {
  it('names a playbook file that does not exist, at its key in escalation.yaml', async () => {
    const root = await folderWith({
      'escalation.yaml': [
        'version: 1',
        'playbooks:',
        '  sev1:',
        '    labels: [S1-broken]',
        '    file: playbooks/sev1.md',
        '',
      ].join('\n'),
    });
    expect(await crossChecked(root)).toEqual([
      expect.stringMatching(/escalation\.yaml:5:\d+: error: .*playbooks\/sev1\.md/),
    ]);
  });

  it('warns once, at labels:, when labels.yaml lacks the labels the enabled capabilities write', async () => {
    const root = await folderWith({
      'labels.yaml': 'labels:\n  - name: escalated/1\n    color: e99695\n',
      'escalation.yaml':
        'version: 1\nescalation:\n  steps:\n    - assign: backup\n    - after-minutes: 60\n      mention: "@acme/leads"\n',
    });
    expect(await crossChecked(root)).toEqual([
      expect.stringMatching(
        /labels\.yaml:1:1: warning: labels\.yaml does not list 1 label\(s\) support-kit writes: escalated\/2 \(the escalation steps taken\)/,
      ),
    ]);
  });

  it('warns at on.schedule when the roster needs hours the committed schedule never runs in, with the entries to paste', async () => {
    const roster = [
      'version: 1',
      'sites:',
      '  tokyo: { timezone: Asia/Tokyo }',
      'people:',
      '  kenji: { site: tokyo }',
      'calendars:',
      '  business: { site: tokyo, hours: ["09:00-18:00"] }',
      'rotations:',
      '  weekly: { members: [kenji], period: week, handoff: mon 09:00, site: tokyo, anchor: 2026-01-05 }',
      'schedules:',
      '  desk: { layers: [{ rotation: weekly }] }',
      '',
    ].join('\n');
    const root = await folderWith({
      'roster.yaml': roster,
      'escalation.yaml':
        'version: 1\nresponse:\n  calendar: business\nescalation:\n  steps:\n    - mention: "@acme/leads"\n',
    });
    await mkdir(join(root, '.github/workflows'), { recursive: true });
    // Paris business hours only: Tokyo's working day is Paris's night.
    await writeFile(
      join(root, '.github/workflows/support-kit-schedule.yml'),
      "on:\n  schedule:\n    - cron: '7,37 8-17 * * 1-5'\n      timezone: Europe/Paris\njobs:\n  tick: {}\n",
    );
    expect(await crossChecked(root)).toEqual([
      expect.stringMatching(
        /support-kit-schedule\.yml:2:1: warning: the schedule misses \d+ hour\(s\) the roster needs in the next four weeks \(first: Mon 2026-12-07 09:07 Asia\/Tokyo\).*schedule: \[\{ cron: '7 18 \* \* 1-5', timezone: Asia\/Tokyo \}, \{ cron: '7,37 9-17 \* \* 1-5', timezone: Asia\/Tokyo \}\]$/,
      ),
    ]);
  });

  it('refuses period: rotation in report.yaml when the roster has no weekly rotation, at the line', async () => {
    const root = await folderWith({
      'report.yaml': 'period: rotation\n',
      'roster.yaml': [
        'version: 1',
        'sites:',
        '  brno: { timezone: Europe/Prague }',
        'people:',
        '  ana: { site: brno }',
        'calendars:',
        '  business: { site: brno, hours: ["09:00-17:00"] }',
        'rotations:',
        '  daily: { members: [ana], period: slot, calendar: business, anchor: 2026-01-05 }',
        'schedules:',
        '  sre: { layers: [{ rotation: daily }] }',
        '',
      ].join('\n'),
    });
    expect(await crossChecked(root)).toEqual([
      expect.stringMatching(
        /report\.yaml:1:9: error: period: rotation needs a rotation with `period: week`/,
      ),
    ]);
  });

  it("warns at the report caller's on.schedule when it does not follow the rotation's hand-off, with the entries to paste", async () => {
    const root = await folderWith({
      'roster.yaml': [
        'version: 1',
        'sites:',
        '  tokyo: { timezone: Asia/Tokyo }',
        'people:',
        '  kenji: { site: tokyo }',
        'rotations:',
        '  weekly: { members: [kenji], period: week, handoff: mon 09:00, site: tokyo, anchor: 2026-01-05 }',
        'schedules:',
        '  desk: { layers: [{ rotation: weekly }] }',
        '',
      ].join('\n'),
    });
    await mkdir(join(root, '.github/workflows'), { recursive: true });
    // The ISO-week template's cron: Monday 12:17 UTC is 21:17 in Tokyo, twelve hours late.
    await writeFile(
      join(root, '.github/workflows/support-kit-report.yml'),
      "on:\n  schedule:\n    - cron: '17 12 * * 1'\njobs:\n  report: {}\n",
    );
    expect(await crossChecked(root)).toEqual([
      expect.stringMatching(
        /support-kit-report\.yml:2:1: warning: the report runs at times that do not follow the rotation's hand-off: the week that ends Mon 2026-12-07 09:00 Asia\/Tokyo .*schedule: \[\{ cron: '17 9 \* \* 1', timezone: Asia\/Tokyo \}, \{ cron: '17 11 \* \* 1', timezone: Asia\/Tokyo \}\]$/,
      ),
    ]);
  });

  it('warns at response: when intake waits on the reporter but the escalation clock does not pause for it', async () => {
    const root = await folderWith({
      'intake.yaml': 'status:\n  incomplete: needs-info\n',
      'escalation.yaml':
        'version: 1\nresponse:\n  goals:\n    - minutes: 60\nescalation:\n  steps:\n    - assign: backup\n',
    });
    expect(await crossChecked(root)).toEqual([
      expect.stringMatching(
        /escalation\.yaml:2:1: warning: intake labels an issue "needs-info" while it waits on the reporter, but the response clock keeps running.*Add `pause-while: \[needs-info\]` under response:/,
      ),
    ]);
  });

  it("warns at a label that reads as a severity but is not one of intake's: issues would carry two", async () => {
    const root = await folderWith({
      'labels.yaml':
        'labels:\n  - name: S1-broken\n    color: d93f0b\n  - name: S1-watchlist\n    color: d93f0b\n',
    });
    expect(await crossChecked(root)).toEqual([
      expect.stringMatching(
        /labels\.yaml:4:11: warning: "S1-watchlist" reads as a severity, but intake's severities \(S0-catastrophic, S1-broken, S2-major, S3-minor\) do not include it/,
      ),
    ]);
  });
});
