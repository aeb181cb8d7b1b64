// The naive baseline: an action written the way most are, with its dependencies imported at
// the top of the entry file. Every run pays for loading them, even on an event it ignores.
// bench/run.ts bundles this with esbuild (one file, no minification) and measures its cold start.
import { readFileSync } from 'node:fs';
import * as core from '@actions/core';
import * as github from '@actions/github';
import { DateTime } from 'luxon';
import YAML from 'yaml';

const HANDLED = { issues: ['opened', 'edited', 'reopened'] };

const name = process.env.GITHUB_EVENT_NAME ?? '';
const payload = process.env.GITHUB_EVENT_PATH
  ? JSON.parse(readFileSync(process.env.GITHUB_EVENT_PATH, 'utf8'))
  : {};
const actions = HANDLED[name];

if (!actions || !actions.includes(payload.action)) {
  core.info(`nothing to do for ${name}.${payload.action ?? ''}`);
} else {
  // Never reached by the benchmark; here so the imports are used, as in a real action.
  const octokit = github.getOctokit(core.getInput('github-token'));
  const config = YAML.parse(core.getInput('config') || '{}');
  core.info(
    `${DateTime.now().toISO()} ${Object.keys(config).length} ${typeof octokit.rest.issues.get}`,
  );
}
