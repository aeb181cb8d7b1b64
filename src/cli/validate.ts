import { checkIssueForms } from '../intake/config/forms.js';
import { crossCheckConfig } from '../validate/cross-checks.js';
import { CONFIG_FILES } from '../validate/config-files.js';
import { loadConfigFolder, type LoadedConfig } from '../config/load.js';
import { formatProblem, hasErrors, sortProblems } from '../kernel/problems.js';
import { apiSource, workspaceSource } from '../config/sources.js';
import { rosterFrom } from '../roster/config/from-yaml.js';
import { reviewRoster } from '../validate/decide/roster-review.js';
import { cliServices } from '../host/compose.js';
import { VALIDATE_HELP } from './help.js';
import { isAbsolute, relative, resolve } from 'node:path';
import {
  checkoutRootOf,
  cliClock,
  EXIT,
  type Io,
  parseGroupArgs,
  UsageError,
  requireToken,
  DEFAULT_CONFIG,
  namedConfig,
} from './usage.js';
import { parseRepo } from './repo.js';

export async function validateCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseGroupArgs(argv, {
    config: { type: 'string' },
    repo: { type: 'string' },
    ref: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    io.out(VALIDATE_HELP);
    return EXIT.ok;
  }
  const configPath = values.config ?? DEFAULT_CONFIG;
  let source;
  if (values.repo) {
    const repo = parseRepo(values.repo);
    requireToken();
    const { gateway } = await cliServices(repo, (m) => io.err(m));
    source = apiSource(gateway, configPath, values.ref);
  } else {
    if (values.ref) throw new UsageError('--ref needs --repo');
    namedConfig(configPath, DEFAULT_CONFIG);
    // As given when absolute; otherwise from the checkout root, which may be above this folder.
    const root = checkoutRootOf(configPath);
    source = workspaceSource(
      root,
      isAbsolute(configPath) ? configPath : relative(root, resolve(configPath)),
    );
  }
  const config = await loadConfigFolder(source, CONFIG_FILES);
  const forms = await checkIssueForms(source, config);
  const now = cliClock();
  const cross = await crossCheckConfig(source, config, now);
  const roster = reviewWithoutBase(config, now);
  const problems = sortProblems([
    ...config.problems,
    ...forms.problems,
    ...cross,
    ...(roster ?? []),
  ]);
  const valid = !hasErrors(problems);
  const templates = forms.templates.map((t) => t.file);
  if (values.json) {
    io.out(
      JSON.stringify(
        {
          valid,
          source: config.source,
          files: config.files.map((f) => ({ path: f.path, schemaChecked: f.schemaChecked })),
          templates,
          ...(roster ? { rosterReview: { days: REVIEW_DAYS, onPullRequestOnly: PR_ONLY } } : {}),
          problems,
        },
        null,
        2,
      ),
    );
  } else {
    for (const p of problems) io.out(formatProblem(p));
    const errors = problems.filter((p) => p.severity === 'error').length;
    const warnings = problems.length - errors;
    io.out(
      valid
        ? `${config.files.length} file(s) valid in ${config.source}${warnings ? ` (${warnings} warning(s))` : ''}`
        : `${errors} error(s), ${warnings} warning(s) in ${config.source}`,
    );
    io.out(
      templates.length > 0
        ? `issue templates checked in ${forms.folder}: ${templates.map((t) => t.split('/').pop()).join(', ')}`
        : `no issue templates in ${forms.folder}`,
    );
    if (roster)
      io.out(
        `roster reviewed for the next ${REVIEW_DAYS} days (overlapping overrides, undeclared gaps, role collisions); ${PR_ONLY.join(' and ')} are checked on pull requests, against the base branch and the repository`,
      );
  }
  return valid ? EXIT.ok : EXIT.findings;
}

/** As far ahead as the pull-request check looks. */
const REVIEW_DAYS = 14;
/** What needs the base branch or a token, so only the pull-request check can tell. */
const PR_ONLY = ['the past a change would rewrite', 'whether GitHub can assign each person'];

/**
 * The review the pull-request check runs, minus what needs a base branch or the repository:
 * locally there is no "before" to compare with and no promise the token may ask who is assignable.
 */
function reviewWithoutBase(config: LoadedConfig, now: Date) {
  const file = config.files.find((f) => f.spec.name === 'roster');
  if (!file) return null;
  return reviewRoster({
    head: rosterFrom(file.yaml.value),
    headYaml: file.yaml,
    base: null,
    now,
    horizonDays: REVIEW_DAYS,
  });
}
