import { readFile } from 'node:fs/promises';
import { INTAKE_FILE } from '../intake/config/spec.js';
import { intakeConfigFrom } from '../intake/config/intake.js';
import { loadIssueTemplates } from '../intake/config/issue-templates.js';
import { loadConfig } from '../config/load.js';
import { formatProblem, hasErrors } from '../kernel/problems.js';
import { workspaceSource } from '../config/sources.js';
import { decideIntake } from '../intake/decide/decide.js';
import type { IntakeIssue } from '../intake/decide/types.js';
import { INTAKE_HELP } from './help.js';
import { isAbsolute, relative, resolve } from 'node:path';
import { TEMPLATE_FOLDER } from '../kernel/repo-paths.js';
import {
  checkoutRootOf,
  cliClock,
  commandOf,
  EXIT,
  type Io,
  parseGroupArgs,
  UsageError,
  DEFAULT_CONFIG,
  namedConfig,
} from './usage.js';

export async function intakeCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseGroupArgs(
    argv,
    {
      issue: { type: 'string' },
      body: { type: 'string' },
      title: { type: 'string' },
      config: { type: 'string', default: DEFAULT_CONFIG },
      templates: { type: 'string' },
      json: { type: 'boolean' },
    },
    true,
  );
  if (values.help) {
    io.out(INTAKE_HELP);
    return EXIT.ok;
  }
  commandOf(positionals, ['check']);
  if (!values.issue === !values.body)
    throw new UsageError('give exactly one of --issue FILE.json or --body FILE.md');

  // From the checkout the config is in, which may be above this folder or elsewhere: its issue
  // forms are the ones intake checks against there. --templates is a path as typed, from here.
  const configPath = namedConfig(values.config, DEFAULT_CONFIG);
  const root = checkoutRootOf(configPath);
  const source = workspaceSource(
    root,
    isAbsolute(configPath) ? configPath : relative(root, resolve(configPath)),
  );
  const templates = values.templates ? relative(root, resolve(values.templates)) : TEMPLATE_FOLDER;
  const config = await loadConfig(source, [INTAKE_FILE]);
  const loaded = await loadIssueTemplates(source, templates);
  const problems = [...config.problems, ...loaded.problems];
  for (const p of problems) io.err(formatProblem(p));
  if (hasErrors(problems)) return EXIT.findings;
  // Without a template every issue would read as complete: say so instead of answering that.
  if (loaded.templates.length === 0) {
    io.err(
      `support-kit intake check: no issue template found in ${templates} (looked for *.yml, *.yaml and *.md from ${root}); point --templates at the folder that holds them`,
    );
    return EXIT.usage;
  }

  const issue = values.issue
    ? await readIssue(values.issue, values.title)
    : await bodyIssue(values.body ?? '', values.title ?? '');
  const decision = decideIntake({
    issue,
    trigger: 'opened',
    templates: loaded.templates,
    config: intakeConfigFrom(config.files[0]?.yaml.value as Parameters<typeof intakeConfigFrom>[0]),
    duplicates: [],
    previousComment: null,
    now: cliClock(),
  });
  const { verdict } = decision;
  if (values.json) {
    io.out(
      JSON.stringify(
        {
          complete: verdict.complete,
          template: verdict.template,
          missing: verdict.missing,
          labels: verdict.labels,
        },
        null,
        2,
      ),
    );
  } else {
    io.out(
      `${verdict.complete ? 'complete' : 'incomplete'}${verdict.template ? ` (template ${verdict.template})` : ' (no template applies)'}`,
    );
    for (const m of verdict.missing) io.out(`  missing ${m.field}: ${m.reason}`);
    if (verdict.labels.length) io.out(`  labels: ${verdict.labels.join(', ')}`);
    for (const note of decision.notes) io.out(`  note: ${note}`);
  }
  return verdict.complete ? EXIT.ok : EXIT.findings;
}

async function readIssue(path: string, title: string | undefined): Promise<IntakeIssue> {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new UsageError(`--issue ${path}: ${(error as Error).message}`);
  }
  const raw = (json.issue ?? json) as {
    number?: number;
    title?: string;
    body?: string | null;
    user?: { login?: string } | null;
    author_association?: string;
    labels?: ({ name?: string } | string)[];
    state?: 'open' | 'closed';
    created_at?: string;
    updated_at?: string;
  };
  if (typeof raw.title !== 'string' && title === undefined)
    throw new UsageError(`--issue ${path}: no "title" field (is it an issue?)`);
  return {
    number: raw.number ?? 0,
    title: title ?? raw.title ?? '',
    body: raw.body ?? '',
    author: raw.user?.login ?? '',
    authorAssociation: raw.author_association ?? 'NONE',
    labels: (raw.labels ?? [])
      .map((l) => (typeof l === 'string' ? l : (l.name ?? '')))
      .filter(Boolean),
    state: raw.state ?? 'open',
    createdAt: raw.created_at ?? new Date(0).toISOString(),
    updatedAt: raw.updated_at ?? new Date(0).toISOString(),
  };
}

async function bodyIssue(path: string, title: string): Promise<IntakeIssue> {
  let body: string;
  try {
    body = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`--body ${path}: ${(error as Error).message}`);
  }
  const epoch = new Date(0).toISOString();
  return {
    number: 0,
    title,
    body,
    author: '',
    authorAssociation: 'NONE',
    labels: [],
    state: 'open',
    createdAt: epoch,
    updatedAt: epoch,
  };
}
