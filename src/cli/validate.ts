import { loadConfig } from '../config/load.js';
import { formatProblem, hasErrors } from '../config/problems.js';
import { apiSource, workspaceSource } from '../config/sources.js';
import { createOctokit, writePacingFromEnv } from '../github/client.js';
import { Gateway } from '../github/gateway.js';
import { VALIDATE_HELP } from './help.js';
import { EXIT, type Io, parseGroupArgs, UsageError } from './usage.js';
import { parseRepo } from './repo.js';

export async function validateCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseGroupArgs(
    argv,
    {
      config: { type: 'string' },
      repo: { type: 'string' },
      ref: { type: 'string' },
      json: { type: 'boolean' },
    },
    VALIDATE_HELP,
  );
  if (values.help) {
    io.out(VALIDATE_HELP);
    return EXIT.ok;
  }
  const configPath = values.config ?? '.github/support-kit';
  let source;
  if (values.repo) {
    const repo = parseRepo(values.repo, VALIDATE_HELP);
    const octokit = await createOctokit({
      token: process.env.GITHUB_TOKEN ?? '',
      baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
      ...writePacingFromEnv(),
    });
    source = apiSource(new Gateway(octokit, repo), configPath, values.ref);
  } else {
    if (values.ref) throw new UsageError('--ref needs --repo', VALIDATE_HELP);
    source = workspaceSource(process.cwd(), configPath);
  }
  const config = await loadConfig(source);
  const valid = !hasErrors(config.problems);
  if (values.json) {
    io.out(
      JSON.stringify(
        {
          valid,
          source: config.source,
          files: config.files.map((f) => ({ path: f.path, schemaChecked: f.schemaChecked })),
          problems: config.problems,
        },
        null,
        2,
      ),
    );
  } else {
    for (const p of config.problems) io.out(formatProblem(p));
    const errors = config.problems.filter((p) => p.severity === 'error').length;
    const warnings = config.problems.length - errors;
    io.out(
      valid
        ? `${config.files.length} file(s) valid in ${config.source}${warnings ? ` (${warnings} warning(s))` : ''}`
        : `${errors} error(s), ${warnings} warning(s) in ${config.source}`,
    );
  }
  return valid ? EXIT.ok : EXIT.findings;
}
